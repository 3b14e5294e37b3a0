//! Every view of whatever parses, at 360x640 and 1000x600, with every tooltip: no
//! panic, no NaN or inf in text or coordinates.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tradegap_fuzz::report_checked(data, true);
});
