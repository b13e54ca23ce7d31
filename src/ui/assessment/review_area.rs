//! The review of one area on its page: in reviewer mode, the review status (not reviewed, agreed,
//! challenged) and a comment; otherwise, what the reviewer said, read-only, when they said
//! anything.
//!
//! Edits go through `review::set_area_review`, which drops an entry once it says nothing.

use leptos::prelude::*;

use crate::content::Area;
use crate::domain::model::MAX_TEXT_CHARS;
use crate::domain::review::{set_area_review, AreaReview, AreaStatus};
use crate::ui::assessment::review_answer::byline_lead;
use crate::ui::assessment::review_toggle::use_review_mode;
use crate::ui::i18n::{l, t};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// The status with a mark, so it never relies on colour: "✓ Agreed", "⚠ Challenged".
pub fn status_text(status: AreaStatus) -> String {
    match status {
        AreaStatus::NotReviewed => t("assess.review_area_not_reviewed").to_string(),
        AreaStatus::Agreed => format!("✓ {}", l(status.label())),
        AreaStatus::Challenged => format!("⚠ {}", l(status.label())),
    }
}

#[component]
pub fn AreaReviewPart(area: &'static Area) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let mode = use_review_mode().0;
    let id = current.id;
    let area_id = area.id.as_str();
    let review = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.review.areas.get(area_id).cloned())
        })
    });
    let byline = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().map(|a| a.review.byline()).unwrap_or_default())
    });
    let status = move || review.with(|r| r.as_ref().map(|r| r.status).unwrap_or_default());
    let edit = move |f: Box<dyn FnOnce(&mut AreaReview)>| {
        state.edit(id, move |a| set_area_review(&mut a.review, area_id, f));
    };
    let note = move || {
        review.with(|r| {
            r.as_ref()
                .map(|r| match r.comment.trim() {
                    "" => status_text(r.status),
                    comment => format!("{} — {comment}", status_text(r.status)),
                })
                .unwrap_or_default()
        })
    };

    let read_only = move || {
        view! {
            <Show when=move || review.with(Option::is_some)>
                <section class="area-review review-note" aria-labelledby="area-review-title">
                    <h3 id="area-review-title">{t("assess.review_area_title")}</h3>
                    <p>
                        <strong>{move || byline_lead(&byline.get())}</strong>
                        <span class="review-text">{note}</span>
                    </p>
                </section>
            </Show>
        }
    };

    view! {
        <Show when=move || mode.get() fallback=read_only>
            <section class="area-review review-edit" aria-labelledby="area-review-title">
                <h3 id="area-review-title">{t("assess.review_area_title")}</h3>
                <p class="hint">
                    {t("assess.review_area_hint")}
                </p>
                <div class="question-grid">
                    <div class="field">
                        <label for="area-review-status">{t("assess.review_area_status")}</label>
                        <select
                            id="area-review-status"
                            on:change=move |ev| {
                                let s = AreaStatus::from_id(&event_target_value(&ev)).unwrap_or_default();
                                edit(Box::new(move |r| r.status = s));
                            }
                        >
                            {AreaStatus::ALL
                                .into_iter()
                                .map(|s| view! {
                                    <option value=s.id() selected=move || status() == s>{l(s.label())}</option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="area-review-comment">{t("assess.review_area_comment")}</label>
                        <textarea
                            id="area-review-comment"
                            rows="3"
                            maxlength=MAX_TEXT_CHARS.to_string()
                            prop:value=move || {
                                review.with(|r| r.as_ref().map(|r| r.comment.clone()).unwrap_or_default())
                            }
                            on:input=move |ev| {
                                let comment = event_target_value(&ev);
                                edit(Box::new(move |r| r.comment = comment));
                            }
                        ></textarea>
                    </div>
                </div>
            </section>
        </Show>
    }
}
