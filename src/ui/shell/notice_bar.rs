//! The message at the bottom after an action, with Undo where the action can be undone.

use leptos::prelude::*;

use crate::ui::i18n::t;
use crate::ui::state::use_app_state;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app_state();
    let notice = state.notice;
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || {
                notice
                    .get()
                    .map(|n| {
                        let can_undo = n.undo.is_some();
                        view! {
                            <div class="notice">
                                <span>{n.text}</span>
                                <Show when=move || can_undo>
                                    <button class="button" on:click=move |_| state.undo_notice()>
                                        {t("lead.undo")}
                                    </button>
                                </Show>
                                <button
                                    class="button quiet"
                                    aria-label=t("lead.dismiss")
                                    on:click=move |_| notice.set(None)
                                >
                                    "✕"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
