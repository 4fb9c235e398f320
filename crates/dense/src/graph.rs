//! Weighted bipartite graphs in compressed sparse rows, both directions.

/// What [`GraphBuilder::build`] does with several edges between the same row and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Duplicates {
    /// One edge whose weight is the sum of the duplicates' weights (added in insertion order).
    #[default]
    Sum,
    /// One edge whose weight is the largest of the duplicates' weights: with all weights 1 this is
    /// the 0/1 matrix the reference FRAUDAR works on.
    Max,
}

/// Why [`GraphBuilder::try_add_edge`] refused an edge.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
#[error("edge weight {0} is not a finite number ≥ 0")]
pub struct BadWeight(pub f64);

/// Collects edges, then builds a [`Bipartite`].
#[derive(Clone, Debug, Default)]
pub struct GraphBuilder {
    edges: Vec<(u32, u32, f64)>,
    n_rows: u32,
    n_cols: u32,
    duplicates: Duplicates,
}

impl GraphBuilder {
    /// An empty builder that sums duplicate edges.
    pub fn new() -> GraphBuilder {
        GraphBuilder::default()
    }

    /// Sets what happens to duplicate `(row, col)` edges (default [`Duplicates::Sum`]).
    pub fn duplicates(mut self, duplicates: Duplicates) -> GraphBuilder {
        self.duplicates = duplicates;
        self
    }

    /// Makes the graph have at least `n_rows` rows and `n_cols` columns (isolated nodes count in
    /// the peel: they are removed first and enlarge the denominator of the whole graph's score).
    pub fn reserve_nodes(&mut self, n_rows: u32, n_cols: u32) {
        self.n_rows = self.n_rows.max(n_rows);
        self.n_cols = self.n_cols.max(n_cols);
    }

    /// Adds an edge. Row and column ids are dense: the graph has `max id + 1` rows (columns).
    /// Duplicate `(row, col)` edges are merged at [`build`](Self::build) as set by
    /// [`duplicates`](Self::duplicates) (by default their weights are summed). Edges of weight 0
    /// are dropped at build.
    ///
    /// # Panics
    /// If `weight` is negative, NaN or infinite (use [`try_add_edge`](Self::try_add_edge) for
    /// untrusted weights).
    pub fn add_edge(&mut self, row: u32, col: u32, weight: f64) {
        if let Err(e) = self.try_add_edge(row, col, weight) {
            panic!("GraphBuilder::add_edge({row}, {col}): {e}");
        }
    }

    /// Adds an edge, or refuses a weight that is negative, NaN or infinite.
    pub fn try_add_edge(&mut self, row: u32, col: u32, weight: f64) -> Result<(), BadWeight> {
        if !(weight.is_finite() && weight >= 0.0) {
            return Err(BadWeight(weight));
        }
        self.n_rows = self.n_rows.max(row.saturating_add(1));
        self.n_cols = self.n_cols.max(col.saturating_add(1));
        self.edges.push((row, col, weight));
        Ok(())
    }

    /// Number of edges added so far (before merging duplicates).
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// Whether no edge was added.
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// Builds the graph: `O(|E| log |E|)` for the sort, then linear.
    pub fn build(self) -> Bipartite {
        let GraphBuilder {
            mut edges,
            n_rows,
            n_cols,
            duplicates,
        } = self;
        // Stable, so duplicates are summed in insertion order.
        edges.sort_by_key(|&(r, c, _)| (r, c));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len());
        for (r, c, w) in edges {
            match merged.last_mut() {
                Some(last) if last.0 == r && last.1 == c => match duplicates {
                    Duplicates::Sum => last.2 += w,
                    Duplicates::Max => last.2 = last.2.max(w),
                },
                _ => merged.push((r, c, w)),
            }
        }
        merged.retain(|&(_, _, w)| w > 0.0 && w.is_finite());
        Bipartite::from_sorted(n_rows, n_cols, &merged)
    }
}

/// A weighted bipartite graph: rows (e.g. accounts) × columns (e.g. merchants), stored as
/// compressed sparse rows and columns. Neighbours are in ascending id order in both directions,
/// and every `(row, col)` pair occurs at most once with a weight > 0.
#[derive(Clone, Debug, PartialEq)]
pub struct Bipartite {
    n_rows: u32,
    n_cols: u32,
    row_ptr: Vec<usize>,
    row_adj: Vec<u32>,
    row_w: Vec<f64>,
    col_ptr: Vec<usize>,
    col_adj: Vec<u32>,
    col_w: Vec<f64>,
}

impl Bipartite {
    /// From edges sorted by `(row, col)` without duplicates, all ids in range.
    pub(crate) fn from_sorted(n_rows: u32, n_cols: u32, edges: &[(u32, u32, f64)]) -> Bipartite {
        let (nr, nc) = (n_rows as usize, n_cols as usize);
        let mut row_ptr = vec![0usize; nr + 1];
        let mut col_ptr = vec![0usize; nc + 1];
        for &(r, c, _) in edges {
            row_ptr[r as usize + 1] += 1;
            col_ptr[c as usize + 1] += 1;
        }
        for i in 0..nr {
            row_ptr[i + 1] += row_ptr[i];
        }
        for j in 0..nc {
            col_ptr[j + 1] += col_ptr[j];
        }
        let row_adj = edges.iter().map(|e| e.1).collect();
        let row_w = edges.iter().map(|e| e.2).collect();
        let mut col_adj = vec![0u32; edges.len()];
        let mut col_w = vec![0f64; edges.len()];
        let mut next = col_ptr.clone();
        // Rows ascending, so each column's rows come out ascending.
        for &(r, c, w) in edges {
            let at = &mut next[c as usize];
            col_adj[*at] = r;
            col_w[*at] = w;
            *at += 1;
        }
        Bipartite {
            n_rows,
            n_cols,
            row_ptr,
            row_adj,
            row_w,
            col_ptr,
            col_adj,
            col_w,
        }
    }

    /// Number of rows (`max row id + 1`, or as reserved).
    pub fn n_rows(&self) -> usize {
        self.n_rows as usize
    }

    /// Number of columns (`max column id + 1`, or as reserved).
    pub fn n_cols(&self) -> usize {
        self.n_cols as usize
    }

    /// Number of distinct edges.
    pub fn n_edges(&self) -> usize {
        self.row_adj.len()
    }

    /// The columns of `row` (ascending) with their weights.
    pub fn row(&self, row: u32) -> (&[u32], &[f64]) {
        let (a, b) = (self.row_ptr[row as usize], self.row_ptr[row as usize + 1]);
        (&self.row_adj[a..b], &self.row_w[a..b])
    }

    /// The rows of `col` (ascending) with their weights.
    pub fn col(&self, col: u32) -> (&[u32], &[f64]) {
        let (a, b) = (self.col_ptr[col as usize], self.col_ptr[col as usize + 1]);
        (&self.col_adj[a..b], &self.col_w[a..b])
    }

    /// Every edge as `(row, col, weight)`, sorted by row then column.
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        (0..self.n_rows).flat_map(move |r| {
            let (cols, ws) = self.row(r);
            cols.iter().zip(ws).map(move |(&c, &w)| (r, c, w))
        })
    }

    /// The same graph without the edges whose row is in `rows` and column in `cols` (both sorted);
    /// node counts are kept.
    pub fn without_block(&self, rows: &[u32], cols: &[u32]) -> Bipartite {
        let mut in_cols = vec![false; self.n_cols()];
        for &c in cols {
            if let Some(slot) = in_cols.get_mut(c as usize) {
                *slot = true;
            }
        }
        let kept: Vec<(u32, u32, f64)> = self
            .edges()
            .filter(|&(r, c, _)| !(rows.binary_search(&r).is_ok() && in_cols[c as usize]))
            .collect();
        Bipartite::from_sorted(self.n_rows, self.n_cols, &kept)
    }

    /// Bytes held by the arrays (for memory reports).
    pub fn heap_bytes(&self) -> usize {
        (self.row_ptr.len() + self.col_ptr.len()) * size_of::<usize>()
            + (self.row_adj.len() + self.col_adj.len()) * size_of::<u32>()
            + (self.row_w.len() + self.col_w.len()) * size_of::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_summed_or_collapsed() {
        let mut b = GraphBuilder::new();
        b.add_edge(1, 0, 2.0);
        b.add_edge(1, 0, 0.5);
        b.add_edge(0, 2, 1.0);
        b.add_edge(0, 1, 0.0);
        let g = b.clone().build();
        assert_eq!((g.n_rows(), g.n_cols(), g.n_edges()), (2, 3, 2));
        assert_eq!(g.row(1), (&[0u32][..], &[2.5][..]));
        assert_eq!(g.col(2), (&[0u32][..], &[1.0][..]));
        let g = b.duplicates(Duplicates::Max).build();
        assert_eq!(g.row(1), (&[0u32][..], &[2.0][..]));
    }

    #[test]
    fn csr_and_csc_agree_and_are_sorted() {
        let mut b = GraphBuilder::new();
        for &(r, c) in &[(3, 1), (0, 1), (2, 0), (0, 0), (3, 0), (1, 2)] {
            b.add_edge(r, c, f64::from(r * 10 + c + 1));
        }
        let g = b.build();
        assert_eq!(g.col(0).0, &[0, 2, 3]);
        assert_eq!(g.col(0).1, &[1.0, 21.0, 31.0]);
        assert_eq!(g.row(0).0, &[0, 1]);
        let from_cols: usize = (0..3).map(|c| g.col(c).0.len()).sum();
        assert_eq!(from_cols, g.n_edges());
        let h = g.without_block(&[0, 3], &[0, 1]);
        assert_eq!(
            h.edges().collect::<Vec<_>>(),
            vec![(1, 2, 13.0), (2, 0, 21.0)]
        );
    }

    #[test]
    fn bad_weights_are_refused() {
        let mut b = GraphBuilder::new();
        assert!(b.try_add_edge(0, 0, f64::NAN).is_err());
        assert!(b.try_add_edge(0, 0, -1.0).is_err());
        assert!(b.try_add_edge(0, 0, f64::INFINITY).is_err());
        assert!(b.is_empty());
    }
}
