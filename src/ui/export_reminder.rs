//! When this assessment was last exported, and a reminder after a week of edits without an export:
//! the exported file is the user's only copy outside this browser.

use chrono::{Local, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use super::state::use_app_state;
use crate::domain::backup::REMIND_AFTER_DAYS;

#[component]
pub fn ExportStatus(
    id: Uuid,
    on_export: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let last = Memo::new(move |_| state.export_log.with(|log| log.last_export(id)));
    // Re-read when the assessment changes: an edit can start the clock.
    let reminder = Memo::new(move |_| {
        state.workspace.track();
        state.export_log.with(|log| log.reminder(id, Utc::now()))
    });
    view! {
        <p class="muted small export-status" data-testid="export-status">
            {move || match last.get() {
                Some(at) => format!(
                    "Last exported {}",
                    at.with_timezone(&Local).format("%-d %b %Y, %H:%M")
                ),
                None => "Not exported yet".to_string(),
            }}
        </p>
        {move || {
            reminder
                .get()
                .map(|r| {
                    let text = if r.ever_exported {
                        format!(
                            "You have edited this assessment for {} days since your last export. \
                             Export a copy: it is your backup if this browser's data is lost.",
                            r.days
                        )
                    } else {
                        format!(
                            "You have been working on this assessment for {} days and have never \
                             exported it. Export a copy: it is your backup if this browser's data \
                             is lost.",
                            r.days.max(REMIND_AFTER_DAYS)
                        )
                    };
                    view! {
                        <div class="banner warning export-reminder" role="status">
                            <p>"⚠ " {text}</p>
                            <button class="button primary" on:click=move |_| on_export()>
                                "Export now"
                            </button>
                        </div>
                    }
                })
        }}
    }
}
