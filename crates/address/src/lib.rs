//! The unified address base: Chinese address parsing, division resolution and canonical keys.
