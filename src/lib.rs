//! CTO Workbench: a fractional CTO's way of running a startup's technology, in the browser.
//!
//! `domain` holds the model and its rules, `format` the file format, `storage` the browser's
//! local storage, and `ui` the components. Only `ui` and `storage` know about the browser.

pub mod charts;
pub mod content;
pub mod domain;
pub mod format;
pub mod i18n;
pub mod storage;
pub mod ui;
