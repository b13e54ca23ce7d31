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

use super::i18n::{t, tf};
use super::state::AppState;
use crate::domain::Assessment;
use crate::format::{FileKind, FormatError};

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
        .map_err(|_| t("shell2.files_no_download_link").to_string())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| t("shell2.files_no_download_link").to_string())?;
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
        let imported = match gloo_file::futures::read_as_bytes(&file).await {
            Ok(bytes) => crate::format::import_bytes(&bytes),
            Err(e) => Err(FormatError::Unreadable(e.to_string())),
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

/// Exports assessments as a file download and says what happened.
pub fn export(state: AppState, kind: FileKind, assessments: &[Assessment], label: &str) {
    let now = Utc::now();
    let text = crate::format::export(kind, assessments, now);
    let name = crate::format::file_name(label, now.with_timezone(&Local).date_naive());
    match download(&name, &text) {
        Ok(()) => {
            let ids: Vec<_> = assessments.iter().map(|a| a.id).collect();
            state.exported(&ids);
            state.notify(tf("shell2.files_exported", &[("name", &name)]));
        }
        Err(why) => state.notify(tf("shell2.files_export_failed", &[("why", &why)])),
    }
}

/// Exports every assessment in this browser as one workspace file.
pub fn export_workspace(state: AppState) {
    state.workspace.with_untracked(|w| {
        export(
            state,
            FileKind::Workspace,
            &w.assessments,
            "cto-workbench-workspace",
        )
    })
}
