//! Native integration tests: the public API from text to sentences and scenes.
//!
//! One test target (like ripgrep's tests/tests.rs); each module under `native/`
//! covers one part of the pipeline.

mod native;
