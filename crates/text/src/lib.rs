//! Chinese text pipeline: normalisation, segmentation and lexicon matching with provenance.
