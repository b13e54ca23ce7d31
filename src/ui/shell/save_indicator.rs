//! Saved / saving / not saved, with the reason, announced politely to screen readers.

use leptos::prelude::*;

use crate::ui::i18n::{t, tf};
use crate::ui::state::{use_app_state, SaveStatus};

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let state = use_app_state();
    let status = state.save_status;
    let class = move || match status.get() {
        SaveStatus::Saved => "save-status saved",
        SaveStatus::Saving => "save-status saving",
        SaveStatus::NotSaved(_) | SaveStatus::MemoryOnly(_) => "save-status not-saved",
    };
    let text = move || match status.get() {
        SaveStatus::Saved => t("lead.saved").to_string(),
        SaveStatus::Saving => t("lead.saving").to_string(),
        SaveStatus::NotSaved(why) => tf("lead.not_saved", &[("why", &why)]),
        SaveStatus::MemoryOnly(why) => tf("lead.memory_only", &[("why", &why)]),
    };
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-status">
            {text}
        </p>
    }
}
