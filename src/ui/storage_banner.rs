//! The lasting banner when work is not being saved: storage full, refused, or unavailable.
//! It stays until a save succeeds, and offers the one thing that keeps the work: an export.

use leptos::prelude::*;

use super::files;
use super::state::{use_app_state, SaveStatus};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    let export_all = move |_| files::export_workspace(state);
    let message = move || {
        match state.save_status.get() {
        SaveStatus::NotSaved(why) => Some((
            "Your changes are not being saved".to_string(),
            format!(
                "The last save failed: {why}. Everything you see stays while this tab is open, and \
                 saving resumes by itself once there is room. Export a copy now to be safe."
            ),
            true,
        )),
        SaveStatus::MemoryOnly(why) => Some((
            "This browser is not keeping your work".to_string(),
            format!(
                "Storage is blocked or unavailable here ({why}), for example in a private window. \
                 The app works, but your work lives only in this tab: export it before you close it."
            ),
            false,
        )),
        SaveStatus::Saved | SaveStatus::Saving => None,
    }
    };
    move || {
        message().map(|(title, body, retry)| {
            view! {
                <div class="banner warning storage-banner" role="alert" data-testid="storage-banner">
                    <p><strong>"⚠ " {title}</strong></p>
                    <p>{body}</p>
                    <div class="toolbar">
                        <button class="button primary" on:click=export_all>
                            "Export everything now"
                        </button>
                        <Show when=move || retry>
                            <button class="button" on:click=move |_| state.save_now()>
                                "Try saving again"
                            </button>
                        </Show>
                    </div>
                </div>
            }
        })
    }
}
