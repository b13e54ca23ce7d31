//! When this assessment was last exported, and a reminder after a week of edits without an export:
//! the exported file is the user's only copy outside this browser.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::backup::REMIND_AFTER_DAYS;
use crate::ui::i18n::{date_time, t, tf};
use crate::ui::state::use_app_state;

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
                Some(at) => tf("shell.export_reminder_last", &[("when", &date_time(at))]),
                None => t("shell.export_reminder_never").to_string(),
            }}
        </p>
        {move || {
            reminder
                .get()
                .map(|r| {
                    let text = if r.ever_exported {
                        tf(
                            "shell.export_reminder_since_export",
                            &[("days", &r.days.to_string())],
                        )
                    } else {
                        tf(
                            "shell.export_reminder_never_exported",
                            &[("days", &r.days.max(REMIND_AFTER_DAYS).to_string())],
                        )
                    };
                    view! {
                        <div class="banner warning export-reminder" role="status">
                            <p>{tf("shell.export_reminder_warning", &[("text", &text)])}</p>
                            <button class="button primary" on:click=move |_| on_export()>
                                {t("shell.export_reminder_export_now")}
                            </button>
                        </div>
                    }
                })
        }}
    }
}
