//! A modal question with two answers, for actions that need a second thought.

use crate::ui::common::modal::Modal;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// Shown while the parent renders it; focus moves to the safe answer (cancel) on open, and
/// Escape cancels.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(into)] confirm_label: String,
    on_confirm: impl Fn() + Send + 'static,
    on_cancel: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let cancel_on_escape = on_cancel.clone();
    view! {
        <Modal title alert=true described_by="confirm-body" on_close=cancel_on_escape>
            <p id="confirm-body">{body}</p>
            <div class="modal-actions">
                <button class="button danger" on:click=move |_| on_confirm()>
                    {confirm_label}
                </button>
                <button class="button" data-autofocus on:click=move |_| on_cancel()>
                    {t("lead.cancel")}
                </button>
            </div>
        </Modal>
    }
}
