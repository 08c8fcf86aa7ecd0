//! Fuzz target: the formula parser and evaluator. Any text must parse or be refused with a
//! position inside it; a parsed formula evaluates without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match gradscape::expr::Expr::parse(text) {
        Ok(e) => {
            let _ = e.value_and_gradient(0.5, -1.5);
            let _ = e.value(0.0, 0.0);
        }
        Err(e) => {
            let (start, len) = e.position();
            assert!(start + len <= text.chars().count().max(gradscape::expr::MAX_LEN) + 1);
            assert!(!e.to_string().is_empty());
        }
    }
});
