//! The review of one area on its page: in reviewer mode, this browser's reviewer's status (not
//! reviewed, agreed, challenged), comment and private note, below what other reviewers said;
//! otherwise what every reviewer said, read-only and credited, when anyone said anything.
//!
//! Edits go through `review::set_area_review`, which drops an entry once it says nothing.

use leptos::prelude::*;

use crate::content::Area;
use crate::domain::model::MAX_TEXT_CHARS;
use crate::domain::review::{self, set_area_review, AreaReview, AreaStatus};
use crate::ui::assessment::review_answer::byline_lead;
use crate::ui::assessment::review_toggle::{use_identity, use_review_mode};
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
    let who = use_identity().0;
    // Every reviewer's entry for this area that the founder may see: (id, byline, entry).
    let all = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| review::credited(a, |r| r.areas.get(area_id)))
                .unwrap_or_default()
        })
    });
    let review = Memo::new(move |_| {
        let me = who.with(|w| w.id);
        all.with(|all| review::own(all, me))
    });
    let status = move || review.with(|r| r.as_ref().map(|r| r.status).unwrap_or_default());
    let edit = move |f: Box<dyn FnOnce(&mut AreaReview)>| {
        let me = who.get_untracked();
        state.edit(id, move |a| {
            set_area_review(a, &me, chrono::Utc::now(), area_id, f)
        });
    };
    let said = |r: &AreaReview| r.status != AreaStatus::NotReviewed || !r.comment.trim().is_empty();
    let notes = move |skip_mine: bool| {
        let me = who.with(|w| w.id);
        all.get()
            .into_iter()
            .filter(move |(rid, _, r)| !(skip_mine && *rid == me) && said(r))
            .map(|(rid, byline, r)| {
                let text = match r.comment.trim() {
                    "" => status_text(r.status),
                    comment => format!("{} — {comment}", status_text(r.status)),
                };
                view! {
                    <li data-reviewer=rid.to_string()>
                        <strong>{byline_lead(&byline)}</strong>
                        <span class="review-text">{text}</span>
                    </li>
                }
            })
            .collect_view()
    };
    // Reviewers who gave this area different statuses are told apart in words.
    let statuses_differ = move || {
        all.with(|all| {
            let mut given = all
                .iter()
                .map(|(_, _, r)| r.status)
                .filter(|s| *s != AreaStatus::NotReviewed);
            let first = given.next()?;
            given
                .any(|s| s != first)
                .then(|| t("reviewers.area_reviewers_differ").to_string())
        })
    };

    let read_only = move || {
        view! {
            <Show when=move || all.with(|a| a.iter().any(|(_, _, r)| said(r)))>
                <section class="area-review review-note" aria-labelledby="area-review-title">
                    <h3 id="area-review-title">{t("assess.review_area_title")}</h3>
                    <ul class="plain-list">{move || notes(false)}</ul>
                    {move || statuses_differ().map(|d| view! { <p class="review-differs">{d}</p> })}
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
                <ul class="plain-list review-others">{move || notes(true)}</ul>
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
                    <div class="field">
                        <label for="area-review-private">{t("reviewers.private_note")}</label>
                        <textarea
                            id="area-review-private"
                            class="private-note"
                            rows="2"
                            maxlength=MAX_TEXT_CHARS.to_string()
                            aria-describedby="area-review-private-hint"
                            prop:value=move || {
                                review.with(|r| r.as_ref().map(|r| r.private_note.clone()).unwrap_or_default())
                            }
                            on:input=move |ev| {
                                let note = event_target_value(&ev);
                                edit(Box::new(move |r| r.private_note = note));
                            }
                        ></textarea>
                        <p class="hint" id="area-review-private-hint">{t("reviewers.private_note_hint")}</p>
                    </div>
                </div>
            </section>
        </Show>
    }
}
