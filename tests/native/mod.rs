//! The native tests, one module per part of the pipeline; `util` holds shared helpers.

mod cli;
mod errors;
mod formats;
mod fuzzed;
mod golden;
mod interaction;
mod narrate;
mod palette;
mod preview;
mod story;
mod totals;
mod util;
mod words;
