//! The "Reviewer mode" switch in the assessment header, and the reviewer's name box beside it.
//!
//! Owns [`ReviewMode`], the switch shared by every component that shows review fields. The switch
//! belongs to this page, never to the file: it is kept in memory only (src/storage.rs is the one
//! owner of browser storage), so a reload turns it off. It is never in the workspace or an export. The reviewer's name, by contrast, is
//! part of the review and saved with the assessment.

use leptos::prelude::*;

use crate::domain::model::MAX_TEXT_CHARS;
use crate::ui::i18n::t;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// Whether review fields are editable (on) or only shown read-only (off).
#[derive(Clone, Copy)]
pub struct ReviewMode(pub RwSignal<bool>);

/// Creates the switch (off) and provides it below the caller.
/// Called once at the top of `App`.
pub fn provide_review_mode() -> ReviewMode {
    let mode = ReviewMode(RwSignal::new(false));
    provide_context(mode);
    mode
}

/// The switch provided by [`provide_review_mode`]; if none was provided, one is created here so
/// a component used on its own still works (off by default).
pub fn use_review_mode() -> ReviewMode {
    use_context::<ReviewMode>().unwrap_or_else(provide_review_mode)
}

#[component]
pub fn ReviewToggle() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let mode = use_review_mode().0;
    let reviewer = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.review.reviewer.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="review-toggle">
            <label class="checkbox" title=t("lead.reviewer_title")>
                <input
                    type="checkbox"
                    id="reviewer-mode"
                    aria-describedby="reviewer-mode-hint"
                    prop:checked=move || mode.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        mode.set(on);
                    }
                />
                " "{t("lead.reviewer_mode")}
            </label>
            <p class="visually-hidden" id="reviewer-mode-hint">
                {t("lead.reviewer_hint")}
            </p>
            <Show when=move || mode.get()>
                <div class="field reviewer-name">
                    <label for="reviewer-name">{t("lead.reviewer")}</label>
                    <input
                        type="text"
                        id="reviewer-name"
                        placeholder=t("lead.reviewer_placeholder")
                        maxlength=MAX_TEXT_CHARS.to_string()
                        prop:value=move || reviewer.get()
                        on:input=move |ev| {
                            let name = event_target_value(&ev);
                            state.edit(id, move |a| a.review.reviewer = name);
                        }
                    />
                </div>
                <p class="hint review-mode-hint">
                    {t("lead.reviewer_saved")}
                </p>
            </Show>
        </div>
    }
}
