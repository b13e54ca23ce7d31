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
pub mod texts;
pub mod ui;

/// The browser's entry point, called by the page's boot script once the WebAssembly is ready,
/// with the language it fetched texts for, those texts (`None` when the fetch failed) and where
/// every language's texts are. Mounts the app, or says plainly why it cannot start.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start(lang: String, loaded: Option<String>, locations: String) {
    ui::panic_screen::install();
    ui::shell::boot::set_locations(&locations);
    let lang = i18n::Lang::from_code(&lang).unwrap_or_default();
    match loaded.map(|json| texts::install(lang, &json)) {
        Some(Ok(())) => {
            ui::i18n::set_boot_language(lang);
            ui::shell::boot::remove_frame();
            leptos::mount::mount_to_body(ui::App);
            ui::shell::routes::prefetch_when_idle();
        }
        _ => ui::shell::boot::show_load_failure(),
    }
}
