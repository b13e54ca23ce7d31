//! The lasting banner when work is not being saved: storage full, refused, or unavailable.
//! It stays until a save succeeds, and offers the one thing that keeps the work: an export.

use leptos::prelude::*;

use crate::ui::common::files;
use crate::ui::i18n::{t, tf};
use crate::ui::state::{use_app_state, SaveStatus};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    let export_all = move |_| files::export_workspace(state);
    let message = move || match state.save_status.get() {
        SaveStatus::NotSaved(why) => Some((
            t("shell.storage_banner_not_saved_title"),
            tf("shell.storage_banner_not_saved_body", &[("why", &why)]),
            true,
        )),
        SaveStatus::MemoryOnly(why) => Some((
            t("shell.storage_banner_memory_only_title"),
            tf("shell.storage_banner_memory_only_body", &[("why", &why)]),
            false,
        )),
        SaveStatus::Saved | SaveStatus::Saving => None,
    };
    move || {
        message().map(|(title, body, retry)| {
            view! {
                <div class="banner warning storage-banner" role="alert" data-testid="storage-banner">
                    <p><strong>{tf("shell.storage_banner_title", &[("title", title)])}</strong></p>
                    <p>{body}</p>
                    <div class="toolbar">
                        <button class="button primary" on:click=export_all>
                            {t("shell.storage_banner_export_all")}
                        </button>
                        <Show when=move || retry>
                            <button class="button" on:click=move |_| state.save_now()>
                                {t("shell.storage_banner_retry")}
                            </button>
                        </Show>
                    </div>
                </div>
            }
        })
    }
}
