//! report() on whatever parses, in English and Korean: no panic, no NaN or inf.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tradegap_fuzz::report_checked(data, false);
});
