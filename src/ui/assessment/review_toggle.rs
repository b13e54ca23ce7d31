//! The "Reviewer mode" switch in the assessment header, and the name the reviewer reviews under.
//!
//! Owns [`ReviewMode`], the switch shared by every component that shows review fields, and
//! [`Identity`], who reviews in this browser. The switch belongs to this page, never to the file:
//! it is kept in memory only, so a reload turns it off. The identity (a stable id and a name) is a
//! preference of this browser (src/storage/reviewer.rs); each review edited here is credited to it.

use leptos::prelude::*;

use crate::domain::model::MAX_TEXT_CHARS;
use crate::domain::review::{self, Reviewer};
use crate::storage::{load_reviewer, save_reviewer_name};
use crate::ui::i18n::t;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// Whether review fields are editable (on) and the founder's answers read-only, or review fields
/// only shown (off).
#[derive(Clone, Copy)]
pub struct ReviewMode(pub RwSignal<bool>);

/// Who reviews in this browser.
#[derive(Clone, Copy)]
pub struct Identity(pub RwSignal<Reviewer>);

/// Creates the switch (off) and the identity (from this browser's preferences) and provides both
/// below the caller. Called once at the top of `App`.
pub fn provide_review_mode() -> ReviewMode {
    let mode = ReviewMode(RwSignal::new(false));
    provide_context(mode);
    provide_context(Identity(RwSignal::new(load_reviewer())));
    mode
}

/// The switch provided by [`provide_review_mode`]; if none was provided, one is created here so
/// a component used on its own still works (off by default).
pub fn use_review_mode() -> ReviewMode {
    use_context::<ReviewMode>().unwrap_or_else(provide_review_mode)
}

/// Who reviews in this browser (see [`provide_review_mode`]).
pub fn use_identity() -> Identity {
    use_context::<Identity>().unwrap_or_else(|| {
        provide_review_mode();
        use_context::<Identity>().unwrap_or_else(|| Identity(RwSignal::new(load_reviewer())))
    })
}

#[component]
pub fn ReviewToggle() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let mode = use_review_mode().0;
    let who = use_identity().0;
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
                        prop:value=move || who.with(|w| w.name.clone())
                        on:input=move |ev| {
                            let name = event_target_value(&ev);
                            save_reviewer_name(&name);
                            who.update(|w| w.name = name.clone());
                            let reviewer_id = who.with_untracked(|w| w.id);
                            // Only this reviewer's own review is renamed; others keep their credits.
                            let has_own = current.assessment.with_untracked(|a| {
                                a.as_ref().is_some_and(|a| review::review_by(a, reviewer_id).is_some())
                            });
                            if has_own {
                                state.edit(id, move |a| _ = review::rename(a, reviewer_id, &name));
                            }
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
