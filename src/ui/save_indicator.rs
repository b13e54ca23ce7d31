//! Saved / saving / not saved, with the reason, announced politely to screen readers.

use leptos::prelude::*;

use super::state::{use_app_state, SaveStatus};

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
        SaveStatus::Saved => "✓ Saved in this browser".to_string(),
        SaveStatus::Saving => "… Saving".to_string(),
        SaveStatus::NotSaved(why) => {
            format!("⚠ Not saved: {why}. Export your work to keep a copy.")
        }
        SaveStatus::MemoryOnly(why) => format!(
            "⚠ Not saved: this browser blocks storage ({why}). Work stays only in this tab; \
             export it to keep it."
        ),
    };
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-status">
            {text}
        </p>
    }
}
