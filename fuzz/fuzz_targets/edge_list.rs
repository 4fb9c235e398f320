#![no_main]
//! The edge-list reader behind `tianping blocks`: no panic on any bytes; a graph it accepts can be
//! peeled.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for weighted in [false, true] {
        if let Ok((graph, rows, cols)) = tianping_dense::read_edges(std::io::Cursor::new(data), weighted) {
            assert_eq!(graph.n_rows(), rows.len());
            assert_eq!(graph.n_cols(), cols.len());
            let _ = tianping_dense::detect_multiple(&graph, &tianping_dense::Options::default(), 2);
        }
    }
});
