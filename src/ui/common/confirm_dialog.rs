//! A modal question with two answers, for actions that need a second thought.

use crate::ui::i18n::t;
use leptos::html;
use leptos::prelude::*;

/// Shown while the parent renders it; focus moves to the safe answer (cancel) on open.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(into)] confirm_label: String,
    on_confirm: impl Fn() + 'static,
    on_cancel: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let cancel_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel_ref.get() {
            let _ = button.focus();
        }
    });
    let cancel_on_escape = on_cancel.clone();
    view! {
        <div class="modal-backdrop">
            <div
                class="modal"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="confirm-title"
                aria-describedby="confirm-body"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        cancel_on_escape();
                    }
                }
            >
                <h2 id="confirm-title">{title}</h2>
                <p id="confirm-body">{body}</p>
                <div class="modal-actions">
                    <button class="button danger" on:click=move |_| on_confirm()>
                        {confirm_label}
                    </button>
                    <button class="button" node_ref=cancel_ref on:click=move |_| on_cancel()>
                        {t("lead.cancel")}
                    </button>
                </div>
            </div>
        </div>
    }
}
