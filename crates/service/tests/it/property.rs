use proptest::prelude::*;
use tianping_ingest::BatchStatus;

use crate::support::*;

/// Kinds of row a delivery can hold: good, or broken in one of several ways.
fn row_of(kind: u8, i: usize) -> Vec<u8> {
    let good = order_row(i);
    let row = match kind {
        0..=2 => good,
        3 => set(good, "quantity", "0"),
        4 => set(good, "buyer_pid", "13912345678"),
        5 => set(good, "status", "lost"),
        6 => {
            let mut short = good;
            short.truncate(5);
            short
        }
        7 => set(good, "ordered_at", "yesterday"),
        8 => return vec![0xff, 0xfe, b',', b'x'],
        _ => set(good, "order_id", "dup"),
    };
    row.join(",").into_bytes()
}

fn is_good(kind: u8) -> bool {
    kind <= 2
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn accepted_plus_quarantined_equals_delivered(kinds in prop::collection::vec(0u8..10, 0..60), gz in any::<bool>()) {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        runtime.block_on(async {
            let mut bytes = ORDER_HEADER.join(",").into_bytes();
            bytes.push(b'\n');
            let mut expected_good = 0u64;
            let mut seen_dup = false;
            for (i, kind) in kinds.iter().enumerate() {
                bytes.extend(row_of(*kind, i));
                bytes.push(b'\n');
                if is_good(*kind) || (*kind == 9 && !seen_dup) {
                    expected_good += 1;
                }
                seen_dup |= *kind == 9;
            }
            let n = kinds.len() as u64;
            let (path, bytes) = if gz { ("o.csv.gz", gzip(&bytes)) } else { ("o.csv", bytes) };
            let world = World::new().await;
            let receipt = world.ingest_spec(&BatchSpec::new("tmall", "b1").file("orders", path, "csv", bytes, n)).await;
            prop_assert_eq!(receipt.status, BatchStatus::Accepted);
            prop_assert_eq!(receipt.accepted + receipt.quarantined, n);
            prop_assert_eq!(receipt.accepted, expected_good);
            prop_assert_eq!(world.lake_rows("orders").await, expected_good);
            let q = world.store.quarantine("tmall", "b1", 1000, 0).await.unwrap();
            prop_assert_eq!(q.len() as u64, receipt.quarantined);
            Ok(())
        })?;
    }
}
