//! The hand-over from the static page to the app, and the language files it loads.
//!
//! `index.html` paints the app's frame (its bar and "Loading…") from plain HTML and CSS, so a
//! slow network never shows a blank page. Its boot script fetches the texts of one language
//! while the WebAssembly compiles and calls [`start`](crate::start) with them; the app removes
//! the frame when it mounts. Another language's texts are fetched when the user picks it.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Lang;
use crate::texts;

thread_local! {
    // Where each language's texts are (`lang/<code>-<hash>.json`), as the build named them.
    static LOCATIONS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Remembers where each language's texts are, from the boot script's JSON map.
pub fn set_locations(json: &str) {
    if let Ok(map) = serde_json::from_str::<HashMap<String, String>>(json) {
        LOCATIONS.with(|l| *l.borrow_mut() = map);
    }
}

/// Removes the page's loading frame, if it is there.
pub fn remove_frame() {
    if let Some(frame) = document().and_then(|d| d.get_element_by_id("boot-frame")) {
        frame.remove();
    }
}

/// Turns the loading frame into a plain message with a Reload button: the texts could not be
/// fetched (offline on a first visit, or a deploy removed them), so the app cannot start.
pub fn show_load_failure() {
    let Some(doc) = document() else { return };
    let Some(slot) = doc.query_selector(".boot-main").ok().flatten() else {
        return;
    };
    let _ = slot.set_attribute("aria-busy", "false");
    slot.set_text_content(None);
    let message = doc.create_element("p").ok();
    if let Some(p) = &message {
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(
            "CTO Workbench could not load its texts: the connection dropped or the app was \
             updated. Nothing you saved is lost. Check the connection, then reload. \
             无法加载 CTO Workbench 的文字：网络中断或应用已更新。已保存的内容不会丢失。请检查网络后重新加载。",
        ));
        let _ = slot.append_child(p);
    }
    if let Ok(button) = doc.create_element("button") {
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("class", "button primary");
        button.set_text_content(Some("Reload / 重新加载"));
        let reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        // The button lives as long as the page.
        reload.forget();
        let _ = slot.append_child(&button);
    }
}

/// Makes `lang`'s texts available, fetching them if this page has not yet. The error is in
/// plain words, for the notice the language menu shows.
pub async fn load_language(lang: Lang) -> Result<(), String> {
    if texts::available(lang) {
        return Ok(());
    }
    let code = texts::bundle_code(lang);
    let url = LOCATIONS
        .with(|l| l.borrow().get(code).cloned())
        .ok_or_else(|| format!("this build has no texts for {}", lang.own_name()))?;
    let window = web_sys::window().ok_or("no browser window")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| "the texts could not be fetched (offline?)".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the texts could not be fetched".to_string())?;
    if !response.ok() {
        return Err(format!(
            "the texts could not be fetched ({})",
            response.status()
        ));
    }
    let body = response
        .text()
        .map_err(|_| "the texts could not be read".to_string())?;
    let body: JsValue = JsFuture::from(body)
        .await
        .map_err(|_| "the texts could not be read".to_string())?;
    let body = body.as_string().unwrap_or_default();
    texts::install(lang, &body).map_err(|e| e.to_string())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
