//! Dense-block detection in weighted bipartite graphs (FRAUDAR and an incremental variant).
