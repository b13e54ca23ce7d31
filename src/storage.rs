//! Local storage: the only code that touches the browser's localStorage (see `store`).

mod store;

pub use store::*;
