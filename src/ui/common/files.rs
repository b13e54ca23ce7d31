//! Files in and out of the browser: downloads and reading a picked or dropped file.
//!
//! A picked file is read as raw bytes, never as text: the browser's text decoding would quietly
//! turn bytes that are not UTF-8 into replacement characters, and the format code must see them
//! to say what is wrong (`format::import_bytes`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use chrono::{Local, Utc};

use crate::domain::Assessment;
use crate::format::{FileKind, FormatError};
use crate::ui::i18n::{t, tf};
use crate::ui::state::AppState;

/// Offers `text` as a JSON download named `file_name`.
pub fn download(file_name: &str, text: &str) -> Result<(), String> {
    download_as(file_name, text, "application/json")
}

/// Offers `text` as a download of the given MIME type.
pub fn download_as(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let document = document();
    let anchor = document
        .create_element("a")
        .map_err(|_| t("shell.files_no_download_link").to_string())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| t("shell.files_no_download_link").to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking the URL at once can cancel the download in some browsers; keep it a minute.
    set_timeout(move || drop(url), std::time::Duration::from_secs(60));
    Ok(())
}

/// Reads a picked or dropped file and hands it to the import flow; opens the assessment when the
/// file held exactly one. A file over the size cap is refused from the size the browser reports,
/// before a byte is read.
/// `navigate` comes from `use_navigate` called while the calling component was created.
pub fn import_file(
    state: AppState,
    file: web_sys::File,
    navigate: impl Fn(&str, NavigateOptions) + 'static,
) {
    let name = file.name();
    // `size` is a whole number of bytes held in an f64; the cast saturates, never panics.
    if let Err(too_large) = crate::format::check_file_size(file.size() as u64) {
        state.refuse_file(name, &too_large);
        return;
    }
    let file = gloo_file::File::from(file);
    spawn_local(async move {
        let checked = match gloo_file::futures::read_as_bytes(&file).await {
            Ok(bytes) => crate::format::import_bytes_unverified(&bytes),
            Err(e) => Err(FormatError::Unreadable(e.to_string())),
        };
        let imported = match checked {
            Ok(checked) => {
                let hash = match checked.content() {
                    Some(content) => browser_sha256(&content).await,
                    None => None,
                };
                Ok(checked.finish(hash.as_deref()))
            }
            Err(error) => Err(error),
        };
        match imported {
            Ok(imported) => {
                if let Some(id) = state.receive_imported(name, imported) {
                    navigate(&format!("/a/{id}"), NavigateOptions::default());
                }
            }
            Err(error) => state.refuse_file(name, &error),
        }
    });
}

/// SHA-256 of `bytes` in lowercase hex, by the browser's own implementation: on a large
/// workspace many times faster than hashing in WebAssembly. None where the browser offers none
/// (a page not served from https or localhost); the caller then hashes in WebAssembly.
async fn browser_sha256(bytes: &[u8]) -> Option<String> {
    let subtle = window().crypto().ok()?.subtle();
    if subtle.is_undefined() {
        return None;
    }
    // `digest` copies the bytes before it returns, so the view into wasm memory is not kept.
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(crate::format::hex(
        &js_sys::Uint8Array::new(&digest).to_vec(),
    ))
}

/// Exports assessments as a file download and says what happened.
/// Never call it while holding the workspace: it may change it (see `check_all_stored`).
pub fn export(state: AppState, kind: FileKind, assessments: &[Assessment], label: &str) {
    // A list left to read on first use that turns out not to read would be written empty.
    state.check_all_stored();
    let all_read = state
        .workspace
        .with_untracked(|w| assessments.iter().all(|a| w.get(a.id).is_some()));
    if !all_read {
        state.notify(t("shell.files_export_unreadable").to_string());
        return;
    }
    let now = Utc::now();
    let text = crate::format::export(kind, assessments, now);
    let name = crate::format::file_name(label, now.with_timezone(&Local).date_naive());
    match download(&name, &text) {
        Ok(()) => {
            let ids: Vec<_> = assessments.iter().map(|a| a.id).collect();
            state.exported(&ids);
            state.notify(tf("shell.files_exported", &[("name", &name)]));
        }
        Err(why) => state.notify(tf("shell.files_export_failed", &[("why", &why)])),
    }
}

/// Exports every assessment in this browser as one workspace file.
pub fn export_workspace(state: AppState) {
    // A copy (cheap: the bulky lists are shared), so `export` may change the workspace while it
    // finishes the checks of stored lists.
    let all = state.workspace.with_untracked(|w| w.assessments.clone());
    export(state, FileKind::Workspace, &all, "cto-workbench-workspace")
}
