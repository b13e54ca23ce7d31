//! "Share as link": says what the link would contain about people and money, offers to leave
//! them out (ticked whenever there is anything to leave out), packs the assessment into a link
//! and shows it with a copy button, its length and a privacy note; a long link suggests the file.
//!
//! The encoding and what "leave out" removes belong to `format::share`; this file only shows the result and talks to the
//! clipboard. Nothing is sent anywhere: the link is built in the browser.

use chrono::Utc;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Assessment;
use crate::format::share::redact::{redacted, Contents};
use crate::format::share::{self, ShareError};
use crate::format::FileKind;
use crate::ui::common::files;
use crate::ui::common::modal::Modal;
use crate::ui::i18n::{number, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// What the last press of "Copy link" achieved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyState {
    NotYet,
    Copied,
    /// The clipboard was refused or is missing (for example on a page served without https):
    /// the text is selected, and the user copies it by keyboard.
    ByHand,
}

#[component]
pub fn ShareButton() -> impl IntoView {
    let current = use_current();
    let open = RwSignal::new(false);
    // The assessment as it was when the dialog opened; the link is made from it.
    let taken = RwSignal::new(None::<Assessment>);
    let contents = RwSignal::new(Contents::default());
    let leave_out = RwSignal::new(false);
    let copy = RwSignal::new(CopyState::NotYet);
    let state = use_app_state();
    // What goes into the link: the whole assessment, or the copy without people and money.
    let shared = Memo::new(move |_| {
        let leave_out = leave_out.get();
        taken.with(|a| {
            a.as_ref()
                .map(|a| if leave_out { redacted(a) } else { a.clone() })
        })
    });
    let made = Memo::new(move |_| {
        let origin = window().location().origin().unwrap_or_default();
        shared.with(|a| {
            a.as_ref()
                .map(|a| share::encode(a, Utc::now()).map(|data| share::link(&origin, &data)))
        })
    });
    let show = move |_| {
        // A link must never carry a list that turned out not to read (see `check_all_stored`).
        state.check_all_stored();
        let a = current.assessment.get_untracked();
        let counted = a.as_ref().map(Contents::of).unwrap_or_default();
        contents.set(counted);
        // Leaving out is the default whenever there is anything to leave out.
        leave_out.set(counted.is_sensitive());
        taken.set(a);
        copy.set(CopyState::NotYet);
        open.set(true);
    };
    // The modal gives focus back to this button when it closes.
    let close = move || open.set(false);
    let export = move || {
        if let Some(a) = shared.get_untracked() {
            files::export(
                state,
                FileKind::Assessment,
                std::slice::from_ref(&a),
                &a.display_name(),
            );
        }
        close();
    };
    view! {
        <button class="button" on:click=show>
            {t("shell.share_button_open")}
        </button>
        <Show when=move || open.get()>
            <Modal title=t("shell.share_button_title") class="share-dialog" on_close=close>
                <Show when=move || taken.with(Option::is_some)>
                    <p class="share-contents" data-testid="share-contents">
                        {move || contents.get().summary()}
                    </p>
                    <Show when=move || contents.get().is_sensitive()>
                        <div class="field">
                            <label class="checkbox">
                                <input
                                    type="checkbox"
                                    aria-describedby="share-leave-out-hint"
                                    prop:checked=move || leave_out.get()
                                    on:change=move |ev| {
                                        leave_out.set(event_target_checked(&ev));
                                        copy.set(CopyState::NotYet);
                                    }
                                />
                                {t("share.leave_out")}
                            </label>
                            <p id="share-leave-out-hint" class="hint">
                                {t("share.leave_out_hint")}
                            </p>
                        </div>
                    </Show>
                </Show>
                {move || match made.get() {
                    Some(Ok(link)) => view! { <LinkReady link copy close export/> }.into_any(),
                    Some(Err(error)) => view! { <TooLarge error close export/> }.into_any(),
                    None => view! { <NoAssessment close/> }.into_any(),
                }}
            </Modal>
        </Show>
    }
}

#[component]
fn LinkReady(
    link: String,
    copy: RwSignal<CopyState>,
    close: impl Fn() + Copy + 'static,
    export: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let text_ref = NodeRef::<html::Textarea>::new();
    let size = tf("share.length", &[("n", &number(link.len() as f64, 0))]);
    let long = (link.len() > share::LONG_LINK_CHARS).then(|| {
        view! {
            <div class="share-long" data-testid="share-long">
                <p class="error-text">
                    {tf(
                        "share.long",
                        &[("max", &number(share::LONG_LINK_CHARS as f64, 0))],
                    )}
                </p>
                <p class="hint">{t("share.export_hint")}</p>
                <button class="button" on:click=move |_| export()>
                    {t("share.export")}
                </button>
            </div>
        }
    });
    let for_copy = link.clone();
    let on_copy = move |_| {
        // Selected first, so the text is ready for Ctrl+C whatever the clipboard does.
        if let Some(text) = text_ref.get_untracked() {
            text.select();
        }
        copy_to_clipboard(&for_copy, copy);
    };
    view! {
        <p class="share-privacy">{t("shell.share_button_privacy")}</p>
        <div class="field">
            <label for="share-link">{t("shell.share_button_link_label")}</label>
            <textarea
                id="share-link"
                class="share-link"
                rows="4"
                readonly
                spellcheck="false"
                aria-describedby="share-size"
                node_ref=text_ref
                prop:value=link
                on:focus=move |_| {
                    if let Some(text) = text_ref.get_untracked() {
                        text.select();
                    }
                }
            ></textarea>
            <p id="share-size" class="hint" data-testid="share-size">{size}</p>
        </div>
        {long}
        <p class="share-copy-status" role="status" aria-live="polite">
            {move || match copy.get() {
                CopyState::NotYet => "",
                CopyState::Copied => t("shell.share_button_copied"),
                CopyState::ByHand => t("shell.share_button_copy_by_hand"),
            }}
        </p>
        <div class="modal-actions">
            <button class="button primary" data-autofocus on:click=on_copy>
                {t("shell.share_button_copy")}
            </button>
            <button class="button" on:click=move |_| close()>
                {t("shell.share_button_close")}
            </button>
        </div>
    }
}

#[component]
fn TooLarge(
    error: ShareError,
    close: impl Fn() + Copy + 'static,
    export: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <p class="error-text">
            {tf("shell.share_button_error", &[("error", &error.to_string())])}
        </p>
        <div class="modal-actions">
            <button class="button primary" on:click=move |_| export()>
                {t("shell.share_button_export_instead")}
            </button>
            <button class="button" data-autofocus on:click=move |_| close()>
                {t("shell.share_button_close")}
            </button>
        </div>
    }
}

#[component]
fn NoAssessment(close: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <p>{t("shell.share_button_gone")}</p>
        <div class="modal-actions">
            <button class="button" on:click=move |_| close()>
                {t("shell.share_button_close")}
            </button>
        </div>
    }
}

/// Writes `text` to the clipboard and reports the outcome in `copy`. The clipboard only exists
/// on secure pages (https or localhost) and the user may refuse it; both end in [`CopyState::ByHand`].
fn copy_to_clipboard(text: &str, copy: RwSignal<CopyState>) {
    let navigator = window().navigator();
    // `navigator.clipboard` is undefined on insecure pages: calling into it would throw.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
    let Some(clipboard) = clipboard else {
        copy.set(CopyState::ByHand);
        return;
    };
    // The dialog may be gone by the time the browser answers: `try_set` then does nothing.
    let done = Closure::new(move |_: JsValue| {
        let _ = copy.try_set(CopyState::Copied);
    });
    let failed = Closure::new(move |_: JsValue| {
        let _ = copy.try_set(CopyState::ByHand);
    });
    let _ = clipboard.write_text(text).then2(&done, &failed);
    // The promise calls one of them later; they must outlive this function. Two small closures
    // per press is a leak we accept over holding them in state.
    done.forget();
    failed.forget();
}
