//! The frame around every screen: the app and its routes, the header, the frame of one assessment, notices and banners, theme, language, saving, undo, offline, and the panic and recovery screens.

pub mod app;
pub(crate) mod app_header;
pub(crate) mod assessment_frame;
pub(crate) mod autosave;
#[cfg(target_arch = "wasm32")]
pub(crate) mod boot;
pub(crate) mod folder_sync;
pub(crate) mod language_switch;
pub(crate) mod not_found;
pub(crate) mod notice_bar;
pub(crate) mod offline;
pub mod panic_screen;
pub(crate) mod recovery_screen;
pub mod routes;
pub(crate) mod save_indicator;
pub(crate) mod storage_banner;
pub(crate) mod tab_conflict;
pub(crate) mod theme_switch;
pub(crate) mod undo_buttons;
