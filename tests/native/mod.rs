//! The native tests, one module per part of the pipeline; `util` holds shared helpers.

#[cfg(feature = "claims")]
mod claims;
mod cli;
mod cli_pictures;
mod errors;
mod formats;
mod fuzzed;
mod golden;
mod inspect;
mod interaction;
mod narrate;
mod options;
mod palette;
mod picture;
mod preview;
mod story;
mod svg;
mod totals;
mod util;
mod words;
