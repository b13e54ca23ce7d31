//! Files in and out of the browser: downloads and reading a picked or dropped file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use chrono::{Local, Utc};

use super::state::AppState;
use crate::domain::Assessment;
use crate::format::{FileKind, FormatError};

/// Files larger than this are refused before reading: no real workspace comes near it.
const MAX_IMPORT_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

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
        .map_err(|_| "the browser refused to create a download link".to_string())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "the browser refused to create a download link".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking the URL at once can cancel the download in some browsers; keep it a minute.
    set_timeout(move || drop(url), std::time::Duration::from_secs(60));
    Ok(())
}

/// Reads a picked or dropped file and hands it to the import flow; opens the assessment when the
/// file held exactly one.
/// `navigate` comes from `use_navigate` called while the calling component was created.
pub fn import_file(
    state: AppState,
    file: web_sys::File,
    navigate: impl Fn(&str, NavigateOptions) + 'static,
) {
    let name = file.name();
    if file.size() > MAX_IMPORT_BYTES {
        state.refuse_file(
            name,
            &FormatError::NotOurs(format!(
                "it is {:.0} MB, far larger than any workspace (limit 50 MB)",
                file.size() / 1024.0 / 1024.0
            )),
        );
        return;
    }
    let file = gloo_file::File::from(file);
    spawn_local(async move {
        match gloo_file::futures::read_as_text(&file).await {
            Ok(text) => {
                if let Some(id) = state.receive_file(name, &text) {
                    navigate(&format!("/a/{id}"), NavigateOptions::default());
                }
            }
            Err(e) => state.refuse_file(
                name,
                &FormatError::NotOurs(format!("the file could not be read as text ({e})")),
            ),
        }
    });
}

/// Exports assessments as a file download and says what happened.
pub fn export(state: AppState, kind: FileKind, assessments: &[Assessment], label: &str) {
    let now = Utc::now();
    let text = crate::format::export(kind, assessments, now);
    let name = crate::format::file_name(label, now.with_timezone(&Local).date_naive());
    match download(&name, &text) {
        Ok(()) => state.notify(format!("Exported {name}.")),
        Err(why) => state.notify(format!("Export failed: {why}.")),
    }
}
