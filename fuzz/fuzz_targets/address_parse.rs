#![no_main]
//! The address normaliser never panics and its key is a function of the parse.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = tianping_address::parse(&text);
    let b = tianping_address::parse(&text);
    assert_eq!(a.canonical_key(), b.canonical_key());
});
