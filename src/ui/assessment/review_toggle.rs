//! Reviewer mode: the switch (in a "Reviewing for a client?" disclosure under the assessment's
//! title), the banner naming who reviews, and "Export for the client".
//!
//! Owns [`ReviewMode`], the switch shared by every component that shows review fields, and
//! [`Identity`], who reviews in this browser. The switch belongs to this browser, never to the file:
//! it is remembered per assessment (src/storage/reviewer.rs), so a reload or a direct link keeps it
//! on. The identity (a stable id and a name) is a
//! preference of this browser (src/storage/reviewer.rs); each review edited here is credited to it.

use leptos::prelude::*;

use crate::domain::model::MAX_TEXT_CHARS;
use crate::domain::review::{self, Reviewer};
use crate::format::client::without_private_notes;
use crate::format::FileKind;
use crate::storage::{load_reviewer, load_reviewing, save_reviewer_name, save_reviewing};
use crate::ui::common::files;
use crate::ui::i18n::{t, tf};
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

/// Marks the page as in reviewer mode (`data-reviewing` on the root element), so the style gives
/// the assessment a distinct frame; removed again when the mode is off or the page is left.
fn mark_page(on: bool) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = if on {
        root.set_attribute("data-reviewing", "")
    } else {
        root.remove_attribute("data-reviewing")
    };
}

/// Reviewer mode, out of a founder's way until asked for: a "Reviewing for a client?"
/// disclosure holding the switch, open at once when the assessment already holds a review; with
/// the mode on, a banner naming who reviews, the name box and the page's distinct frame.
#[component]
pub fn ReviewToggle() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let mode = use_review_mode().0;
    let who = use_identity().0;
    let has_review = current
        .assessment
        .with_untracked(|a| a.as_ref().is_some_and(|a| !a.reviews.is_empty()));
    // The switch is shared by the whole app; each assessment restores its own remembered state.
    mode.set(load_reviewing(id));
    Effect::new(move |_| mark_page(mode.get()));
    on_cleanup(|| mark_page(false));
    let banner = move || {
        who.with(|w| match w.name.trim() {
            "" => t("reviewers.banner_unnamed").to_string(),
            name => tf("reviewers.banner", &[("name", name)]),
        })
    };
    view! {
        <Show when=move || mode.get()>
            <div class="review-banner" role="status" data-testid="review-banner">
                <p><strong>{banner}</strong></p>
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
                <p class="hint review-mode-hint">{t("reviewers.banner_hint")}</p>
            </div>
        </Show>
        <details class="review-toggle" open=has_review || mode.get_untracked()>
            <summary>{t("reviewers.disclosure")}</summary>
            <p class="hint" id="reviewer-mode-hint">{t("lead.reviewer_hint")}</p>
            <label class="checkbox" title=t("lead.reviewer_title")>
                <input
                    type="checkbox"
                    id="reviewer-mode"
                    aria-describedby="reviewer-mode-hint"
                    prop:checked=move || mode.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        save_reviewing(id, on);
                        mode.set(on);
                    }
                />
                " "{t("lead.reviewer_mode")}
            </label>
        </details>
    }
}

/// "Export for the client", next to the normal export: the assessment without the reviewer's
/// private notes (see `format::client`), shown in reviewer mode or while the assessment holds a
/// private note. Says how many notes were left out.
#[component]
pub fn ClientExport() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let mode = use_review_mode().0;
    let notes = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.reviews
                        .iter()
                        .map(review::Review::private_notes)
                        .sum::<usize>()
                })
                .unwrap_or(0)
        })
    });
    let export = move |_| {
        let Some(a) = current.assessment.get_untracked() else {
            return;
        };
        let (copy, removed) = without_private_notes(std::slice::from_ref(&a));
        let label = tf("reviewers.client_file", &[("name", &a.display_name())]);
        files::export(state, FileKind::Assessment, &copy, &label);
        let said = match removed {
            0 => t("reviewers.client_exported_none").to_string(),
            1 => t("reviewers.client_exported_one").to_string(),
            n => tf(
                "reviewers.client_exported_many",
                &[("count", &n.to_string())],
            ),
        };
        state.notify(said);
    };
    view! {
        <Show when=move || mode.get() || (notes.get() > 0)>
            <button
                class="button"
                title=t("reviewers.client_export_title")
                on:click=export
            >
                {t("reviewers.client_export")}
            </button>
        </Show>
    }
}
