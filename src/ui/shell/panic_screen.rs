//! The screen shown when the app hits a bug it cannot recover from (a Rust panic): instead of a
//! dead page, the user gets their data as a file and a way to reload.
//!
//! Built with plain DOM calls, not Leptos: after a panic the reactive system may be mid-update and
//! cannot be trusted. Links, not script handlers, do the work (a blob download and a reload), so
//! nothing more has to run inside the failed module.

use chrono::Utc;
use wasm_bindgen::JsCast;

use crate::ui::i18n::t;

/// Replaces the default panic hook: logs as before, then shows the error screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let details = info.to_string();
        show(&details, is_missing_part(&details));
    }));
}

/// Whether the panic is the split loader failing to fetch a part of the app (offline before
/// the service worker had it, or a deploy that removed it). leptos_router 0.8's lazy routes
/// cannot return that error, so it arrives here, and the screen says what happened.
pub fn is_missing_part(details: &str) -> bool {
    details.contains("SplitLoaderError") || details.contains("load callback should succeed")
}

fn show(details: &str, missing_part: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let element = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let Some(screen) = element("section", "") else {
        return;
    };
    screen.set_class_name("panic-screen");
    let _ = screen.set_attribute("role", "alert");
    let _ = screen.set_attribute("data-testid", "panic-screen");
    let (title, body_text) = if missing_part {
        ("shell.part_missing_title", "shell.part_missing_body")
    } else {
        ("shell.panic_screen_title", "shell.panic_screen_body")
    };
    let parts = [element("h1", t(title)), element("p", t(body_text))];
    for part in parts.into_iter().flatten() {
        let _ = screen.append_child(&part);
    }
    let actions = element("p", "");
    if let Some(actions) = &actions {
        actions.set_class_name("toolbar");
        if let Some(link) = download_link(&document) {
            let _ = actions.append_child(&link);
        }
        if let Some(reload) = element("a", t("shell.panic_screen_reload")) {
            let here = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_else(|| "/".to_string());
            let _ = reload.set_attribute("href", &here);
            // The router handles clicks on the page's links, and after a panic its code cannot
            // run: `rel=external` leaves this one to the browser, which loads the page afresh.
            let _ = reload.set_attribute("rel", "external");
            reload.set_class_name("button");
            let _ = actions.append_child(&reload);
        }
        let _ = screen.append_child(actions);
    }
    if let (Some(more), Some(summary), Some(pre)) = (
        element("details", ""),
        element("summary", t("shell.panic_screen_details")),
        element("pre", details),
    ) {
        let _ = more.append_child(&summary);
        let _ = more.append_child(&pre);
        let _ = screen.append_child(&more);
    }
    body.set_text_content(None);
    let _ = body.append_child(&screen);
}

/// A link that downloads everything stored in this browser as a workspace file.
fn download_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    let text = crate::storage::emergency_export(Utc::now())?;
    let blob = gloo_file::Blob::new_with_options(text.as_str(), Some("application/json"));
    let url = gloo_file::ObjectUrl::from(blob);
    let link = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    link.set_href(&url);
    link.set_download(&crate::format::file_name(
        "cto-workbench-rescued",
        Utc::now().date_naive(),
    ));
    link.set_text_content(Some(t("shell.panic_screen_download")));
    link.set_class_name("button primary");
    // The page is over: the URL must outlive this function for the link to work.
    std::mem::forget(url);
    Some(link.into())
}
