//! The review part of one question card: in reviewer mode, the reviewer's level and comment for
//! the answer; otherwise, what the reviewer said, read-only and clearly marked as theirs.
//!
//! Edits go through `review::set_answer_review`, which drops an entry once it is empty.

use leptos::prelude::*;

use crate::content::{Question, LEVELS};
use crate::domain::model::MAX_TEXT_CHARS;
use crate::domain::review::{self, set_answer_review, AnswerReview};
use crate::ui::assessment::review_toggle::use_review_mode;
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// A level in words, "level 2 (Defined)", in the language in use (the model's wording).
pub fn level_text(level: u8) -> String {
    review::level_text(content(), level)
}

/// The byline as it leads a note: "Reviewer: ".
pub fn byline_lead(byline: &str) -> String {
    tf("assess.review_answer_byline_lead", &[("who", byline)])
}

/// The founder's side of the answer, to say how the reviewer's level compares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Founder {
    NoLevel,
    NotApplicable,
    Level(u8),
}

#[component]
pub fn AnswerReviewPart(question: &'static Question) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let mode = use_review_mode().0;
    let id = current.id;
    let qid = question.id.as_str();
    let dom: &'static str = &question.dom_id;
    let review = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().and_then(|a| a.review.answers.get(qid).cloned()))
    });
    let byline = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().map(|a| a.review.byline()).unwrap_or_default())
    });
    let founder = Memo::new(move |_| {
        current
            .assessment
            .with(|a| match a.as_ref().and_then(|a| a.answers.get(qid)) {
                Some(x) if x.is_not_applicable() => Founder::NotApplicable,
                Some(x) => x.current.map_or(Founder::NoLevel, Founder::Level),
                None => Founder::NoLevel,
            })
    });
    let edit = move |f: Box<dyn FnOnce(&mut AnswerReview)>| {
        state.edit(id, move |a| set_answer_review(&mut a.review, qid, f));
    };
    let level_name = move |l: u8| {
        content()
            .scale
            .get(usize::from(l))
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let level_of = move || review.with(|r| r.as_ref().and_then(|r| r.level));

    let note = move || {
        review.with(|r| {
            r.as_ref().map(|r| {
                let level = r.level.map(level_text);
                let comment = r.comment.trim();
                match (level, comment.is_empty()) {
                    (Some(level), true) => level,
                    (Some(level), false) => format!("{level} — {comment}"),
                    (None, _) => comment.to_string(),
                }
            })
        })
    };
    // Said in words, not colour: a founder scanning the page should see where views part.
    let difference = move || {
        let reviewer = level_of()?;
        Some(match founder.get() {
            Founder::Level(l) if l == reviewer => return None,
            Founder::Level(l) => tf(
                "assess.review_answer_differs_level",
                &[("level", &level_text(l))],
            ),
            Founder::NoLevel => t("assess.review_answer_differs_no_level").to_string(),
            Founder::NotApplicable => t("assess.review_answer_differs_na").to_string(),
        })
    };

    let read_only = move || {
        view! {
            <Show when=move || review.with(Option::is_some)>
                <div class="review-note" id=format!("{dom}-review")>
                    <p>
                        <strong>{move || byline_lead(&byline.get())}</strong>
                        <span class="review-text">{note}</span>
                    </p>
                    {move || difference().map(|d| view! { <p class="review-differs">{d}</p> })}
                </div>
            </Show>
        }
    };

    view! {
        <Show when=move || mode.get() fallback=read_only>
            <fieldset class="review-edit">
                <legend>{t("assess.review_answer_legend")}</legend>
                <div class="question-grid">
                    <div class="field">
                        <label for=format!("{dom}-review-level")>{t("assess.review_answer_level_label")}</label>
                        <select
                            id=format!("{dom}-review-level")
                            on:change=move |ev| {
                                let level = event_target_value(&ev)
                                    .parse::<u8>()
                                    .ok()
                                    .filter(|l| usize::from(*l) < LEVELS);
                                edit(Box::new(move |r| r.level = level));
                            }
                        >
                            <option value="" selected=move || level_of().is_none()>{t("assess.review_answer_no_level")}</option>
                            {(0u8..=4)
                                .map(|l| {
                                    view! {
                                        <option value=l.to_string() selected=move || level_of() == Some(l)>
                                            {format!("{l} {}", level_name(l))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=format!("{dom}-review-comment")>{t("assess.review_answer_comment")}</label>
                        <textarea
                            id=format!("{dom}-review-comment")
                            rows="2"
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
                {move || difference().map(|d| view! { <p class="review-differs">{d}</p> })}
            </fieldset>
        </Show>
    }
}
