//! tianping-auth (skeleton; being written).
