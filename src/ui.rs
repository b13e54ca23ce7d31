//! The user interface, one folder per section of the navigation plus the shell around them.
//!
//! Components read and change state only through `state::AppState`; none touches storage or the
//! file format directly.

mod assessment;
mod choose;
mod common;
pub mod i18n;
mod plan;
pub mod shell;
pub mod state;
mod track;
mod workspace;

pub use shell::app::App;
pub use shell::panic_screen;
