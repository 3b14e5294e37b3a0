//! The native tests, one module per part of the pipeline; `util` holds shared helpers.

mod errors;
mod golden;
mod narrate;
mod story;
mod util;
