//! Fuzz target: the share-link decoder. Any fragment must load a valid scenario or be
//! refused with a message.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else {
        return;
    };
    match gradscape::link::decode(fragment) {
        Ok(scenario) => {
            // What a link loads, a link reproduces.
            let again = gradscape::link::decode(&gradscape::link::encode(&scenario));
            assert_eq!(again.as_ref().ok(), Some(&scenario));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
