//! tianping-cases (skeleton; being written).
