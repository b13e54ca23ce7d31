//! The review part of one question card: in reviewer mode, this browser's reviewer's level,
//! comment and private note for the answer, below what other reviewers said; otherwise what every
//! reviewer said, read-only, each credited by name, with where they part from the founder and from
//! each other.
//!
//! Edits go through `review::set_answer_review`, which drops an entry once it is empty.

use leptos::prelude::*;

use crate::content::{Question, LEVELS};
use crate::domain::model::MAX_TEXT_CHARS;
use crate::domain::review::{self, set_answer_review, AnswerReview};
use crate::ui::assessment::review_toggle::{use_identity, use_review_mode};
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
    let who = use_identity().0;
    // Every reviewer's entry for this answer: (reviewer id, byline, entry), in the file's order.
    let all = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| review::credited(a, |r| r.answers.get(qid)))
                .unwrap_or_default()
        })
    });
    // This browser's reviewer's own entry, the one reviewer mode edits.
    let review = Memo::new(move |_| {
        let me = who.with(|w| w.id);
        all.with(|all| review::own(all, me))
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
        let me = who.get_untracked();
        state.edit(id, move |a| {
            set_answer_review(a, &me, chrono::Utc::now(), qid, f)
        });
    };
    let level_name = move |l: u8| {
        content()
            .scale
            .get(usize::from(l))
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let level_of = move || review.with(|r| r.as_ref().and_then(|r| r.level));

    // Said in words, not colour: a founder scanning the page should see where views part. In
    // reviewer mode the reader is the reviewer, so the answer is called the founder's.
    let difference = move |reviewer: Option<u8>| {
        let reviewer = reviewer?;
        let [level, no_level, na] = if mode.get() {
            [
                "reviewers.founder_differs_level",
                "reviewers.founder_differs_no_level",
                "reviewers.founder_differs_na",
            ]
        } else {
            [
                "assess.review_answer_differs_level",
                "assess.review_answer_differs_no_level",
                "assess.review_answer_differs_na",
            ]
        };
        Some(match founder.get() {
            Founder::Level(l) if l == reviewer => return None,
            Founder::Level(l) => tf(level, &[("level", &level_text(l))]),
            Founder::NoLevel => t(no_level).to_string(),
            Founder::NotApplicable => t(na).to_string(),
        })
    };
    // Reviewers who gave different levels to this answer are told apart in words too.
    let reviewers_differ = move || {
        all.with(|all| {
            let mut levels = all.iter().filter_map(|(_, _, r)| r.level);
            let first = levels.next()?;
            levels
                .any(|l| l != first)
                .then(|| t("reviewers.answer_reviewers_differ").to_string())
        })
    };
    // What others said is shown in both modes; in reviewer mode the reviewer's own entry is the
    // form below instead.
    let notes = move |skip_mine: bool| {
        let me = who.with(|w| w.id);
        all.get()
            .into_iter()
            .filter(move |(rid, _, _)| !(skip_mine && *rid == me))
            .filter(|(_, _, r)| r.level.is_some() || !r.comment.trim().is_empty())
            .map(move |(rid, byline, r)| {
                let level = r.level.map(level_text);
                let comment = r.comment.trim().to_string();
                let text = match (level, comment.is_empty()) {
                    (Some(level), true) => level,
                    (Some(level), false) => format!("{level} — {comment}"),
                    (None, _) => comment,
                };
                let differs = difference(r.level);
                view! {
                    <li class="review-note" data-reviewer=rid.to_string()>
                        <p>
                            <strong>{byline_lead(&byline)}</strong>
                            <span class="review-text">{text}</span>
                        </p>
                        {differs.map(|d| view! { <p class="review-differs">{d}</p> })}
                    </li>
                }
            })
            .collect_view()
    };

    let read_only = move || {
        view! {
            <Show when=move || all.with(|a| a.iter().any(|(_, _, r)| r.level.is_some() || !r.comment.trim().is_empty()))>
                <div class="review-notes" id=format!("{dom}-review")>
                    <ul class="plain-list">{move || notes(false)}</ul>
                    {move || reviewers_differ().map(|d| view! { <p class="review-differs reviewers-differ">{d}</p> })}
                </div>
            </Show>
        }
    };

    view! {
        <Show when=move || mode.get() fallback=read_only>
            <ul class="plain-list review-others">{move || notes(true)}</ul>
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
                    <div class="field">
                        <label for=format!("{dom}-review-private")>{t("reviewers.private_note")}</label>
                        <textarea
                            id=format!("{dom}-review-private")
                            class="private-note"
                            rows="2"
                            maxlength=MAX_TEXT_CHARS.to_string()
                            aria-describedby=format!("{dom}-review-private-hint")
                            prop:value=move || {
                                review.with(|r| r.as_ref().map(|r| r.private_note.clone()).unwrap_or_default())
                            }
                            on:input=move |ev| {
                                let note = event_target_value(&ev);
                                edit(Box::new(move |r| r.private_note = note));
                            }
                        ></textarea>
                        <p class="hint" id=format!("{dom}-review-private-hint")>{t("reviewers.private_note_hint")}</p>
                    </div>
                </div>
                {move || difference(level_of()).map(|d| view! { <p class="review-differs">{d}</p> })}
            </fieldset>
        </Show>
    }
}
