//! Saved / saving / not saved, with the reason, announced politely to screen readers. A failed
//! write to the workspace folder shows here too, like a failed save.

use leptos::prelude::*;

use crate::ui::i18n::{t, tf};
use crate::ui::shell::folder_sync::use_folder_sync;
use crate::ui::state::{use_app_state, SaveStatus};

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let state = use_app_state();
    let status = state.save_status;
    let folder = use_folder_sync();
    let folder_error = move || folder.and_then(|f| f.view.with(|v| v.error.clone()));
    let class = move || match status.get() {
        SaveStatus::Saved | SaveStatus::Saving if folder_error().is_some() => {
            "save-status not-saved"
        }
        SaveStatus::Saved => "save-status saved",
        SaveStatus::Saving => "save-status saving",
        SaveStatus::NotSaved(_) | SaveStatus::MemoryOnly(_) => "save-status not-saved",
    };
    let text = move || {
        let text = match status.get() {
            SaveStatus::Saved => t("lead.saved").to_string(),
            SaveStatus::Saving => t("lead.saving").to_string(),
            SaveStatus::NotSaved(why) => tf("lead.not_saved", &[("why", &why)]),
            SaveStatus::MemoryOnly(why) => tf("lead.memory_only", &[("why", &why)]),
        };
        match folder_error() {
            Some(why) => format!("{text} {}", tf("folder.indicator_failed", &[("why", &why)])),
            None => text,
        }
    };
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-status">
            {text}
        </p>
    }
}
