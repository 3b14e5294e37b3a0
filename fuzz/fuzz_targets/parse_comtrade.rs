//! The comtrade reader on any bytes: an error names a line and column, nothing panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tradegap::parse::Format;

fuzz_target!(|data: &[u8]| {
    tradegap_fuzz::parse_checked(data, Format::Comtrade);
});
