#![no_main]
//! The address normaliser never panics and its key is a function of the parse.

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: {
    // Build the division table once, before the clock runs: its one-time build (over a second under
    // the fuzzer's instrumentation on a loaded machine) timed out CI's first, empty input.
    let _ = tianping_address::parse("浙江省杭州市西湖区文三路90号");
}, |data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = tianping_address::parse(&text);
    let b = tianping_address::parse(&text);
    assert_eq!(a.canonical_key(), b.canonical_key());
});
