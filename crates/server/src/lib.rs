//! tianping-server (skeleton; being written).
