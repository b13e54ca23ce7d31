//! One question: current level, target, not applicable (with a required reason), confidence,
//! notes and evidence links. Every change is saved as it is made. In the quick pass the card
//! keeps the level and confidence in view and folds the rest away; the answer is the same.

use leptos::prelude::*;

use crate::content::{Area, Question};
use crate::domain::answers::{check_link, Answer, Confidence, LinkError};
use crate::domain::links;
use crate::ui::assessment::review_answer::AnswerReviewPart;
use crate::ui::assessment::review_toggle::use_review_mode;
use crate::ui::i18n::{content, l, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// Why a link was not added, as a whole sentence in the language in use.
fn link_refusal(e: &LinkError) -> &'static str {
    match e {
        LinkError::Empty => t("assess.question_card_link_empty"),
        LinkError::Scheme => t("assess.question_card_link_scheme"),
        LinkError::Characters => t("assess.question_card_link_characters"),
        LinkError::TooLong => t("assess.question_card_link_too_long"),
    }
}

#[component]
pub fn QuestionCard(
    area: &'static Area,
    question: &'static Question,
    /// The quick pass: the help is open, confidence stays in view and the rest of the answer
    /// (target, does not apply, notes, evidence) folds away under one summary.
    #[prop(optional)]
    quick: bool,
) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let qid = question.id.as_str();
    let dom: &'static str = &question.dom_id;
    let answer = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().and_then(|a| a.answers.get(qid).cloned()))
            .unwrap_or_default()
    });
    let stage = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().map(|a| a.profile.stage).unwrap_or_default())
    });
    // In reviewer mode the founder's answer is shown, never changed: the fields are disabled and
    // any edit that still arrives (a keyboard shortcut, a stale event) is dropped here.
    let reviewing = use_review_mode().0;
    let edit = move |f: Box<dyn FnOnce(&mut Answer)>| {
        if reviewing.get_untracked() {
            return;
        }
        state.edit(id, |a| {
            let entry = a.answers.entry(qid.to_string()).or_default();
            f(entry);
            // An answer with nothing in it is not kept, so files stay small and "done" stays exact.
            if entry.is_empty() {
                a.answers.remove(qid);
            }
        })
    };
    let scale = &content().scale;

    // "Not applicable" needs a reason: the box can be ticked first, but the question only
    // counts as not applicable once a reason is given.
    let na_open = RwSignal::new(answer.with_untracked(|a| a.is_not_applicable()));
    let na_reason =
        RwSignal::new(answer.with_untracked(|a| a.not_applicable.clone().unwrap_or_default()));
    let na_missing = Memo::new(move |_| na_open.get() && na_reason.with(|r| r.trim().is_empty()));

    let default_target = move || area.default_target(question, stage.get());
    let target_value = move || {
        answer
            .with(|a| a.target)
            .map(|t| t.to_string())
            .unwrap_or_default()
    };

    let link_draft = RwSignal::new(String::new());
    let link_error = RwSignal::new(None::<String>);
    let add_link = move || {
        let link = link_draft.get_untracked().trim().to_string();
        match check_link(&link) {
            Ok(()) => {
                link_error.set(None);
                link_draft.set(String::new());
                edit(Box::new(move |a| {
                    if !a.evidence.contains(&link) {
                        a.evidence.push(link)
                    }
                }));
            }
            Err(e) => link_error.set(Some(link_refusal(&e).to_string())),
        }
    };

    let level_name = move |l: u8| {
        scale
            .get(usize::from(l))
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let status = move || {
        answer.with(|a| {
            if a.is_not_applicable() {
                t("assess.question_card_status_na").to_string()
            } else if let Some(c) = a.current {
                tf(
                    "assess.question_card_status_answered",
                    &[("level", &c.to_string()), ("name", &level_name(c))],
                )
            } else {
                t("assess.question_card_status_unanswered").to_string()
            }
        })
    };

    let target_field = move || {
        view! {
            <div class="field">
                <label for=format!("{dom}-target")>{t("assess.question_card_target")}</label>
                <select
                    id=format!("{dom}-target")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let t = v.parse::<u8>().ok().filter(|t| *t <= 4);
                        edit(Box::new(move |a| a.target = t));
                    }
                >
                    <option value="" selected=move || answer.with(|a| a.target.is_none())>
                        {move || tf(
                            // A stage not set falls back to seed's targets, and says so.
                            if stage.get().is_unknown() {
                                "spec.question_card_seed_default"
                            } else {
                                "assess.question_card_stage_default"
                            },
                            &[
                                ("level", &default_target().to_string()),
                                ("name", &level_name(default_target())),
                            ],
                        )}
                    </option>
                    {(0u8..=4)
                        .map(|l| {
                            view! {
                                <option value=l.to_string() selected=move || target_value() == l.to_string()>
                                    {format!("{l} {}", level_name(l))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let confidence_field = move || {
        view! {
            <div class="field">
                <label for=format!("{dom}-confidence")>{t("assess.question_card_confidence")}</label>
                <select
                    id=format!("{dom}-confidence")
                    on:change=move |ev| {
                        let c = Confidence::from_id(&event_target_value(&ev));
                        edit(Box::new(move |a| a.confidence = c));
                    }
                >
                    <option value="" selected=move || answer.with(|a| a.confidence.is_none())>{t("assess.question_card_not_said")}</option>
                    {Confidence::ALL
                        .into_iter()
                        .map(|c| view! {
                            <option value=c.id() selected=move || answer.with(|a| a.confidence == Some(c))>
                                {l(c.label())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let na_field = move || {
        view! {
            <div class="field na-field">
                <label class="checkbox">
                    <input
                        type="checkbox"
                        prop:checked=move || na_open.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            na_open.set(on);
                            let reason = na_reason.get_untracked().trim().to_string();
                            edit(Box::new(move |a| {
                                a.not_applicable = (on && !reason.is_empty()).then_some(reason);
                            }));
                        }
                    />
                    {t("assess.question_card_na")}
                </label>
                <Show when=move || na_open.get()>
                    <label for=format!("{dom}-na-reason")>{t("assess.question_card_na_reason")}</label>
                    <input
                        type="text"
                        id=format!("{dom}-na-reason")
                        aria-invalid=move || na_missing.get().to_string()
                        aria-describedby=format!("{dom}-na-hint")
                        prop:value=move || na_reason.get()
                        on:input=move |ev| {
                            let reason = event_target_value(&ev);
                            na_reason.set(reason.clone());
                            let trimmed = reason.trim().to_string();
                            edit(Box::new(move |a| {
                                a.not_applicable = (!trimmed.is_empty()).then_some(trimmed);
                            }));
                        }
                    />
                    <p class="hint" id=format!("{dom}-na-hint") role=move || na_missing.get().then_some("alert")>
                        {move || if na_missing.get() {
                            t("assess.question_card_na_required")
                        } else {
                            t("assess.question_card_na_hint")
                        }}
                    </p>
                </Show>
            </div>
        }
    };
    let notes_field = move || {
        view! {
            <div class="field">
                <label for=format!("{dom}-notes")>{t("assess.question_card_notes")}</label>
                <textarea
                    id=format!("{dom}-notes")
                    rows="2"
                    prop:value=move || answer.with(|a| a.notes.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |a| a.notes = v));
                    }
                ></textarea>
            </div>
        }
    };
    let evidence_field = move || {
        view! {
            <div class="evidence">
                <p class="field-title" id=format!("{dom}-evidence-title")>{t("assess.question_card_evidence")}</p>
                <ul aria-labelledby=format!("{dom}-evidence-title")>
                    <For
                        each=move || answer.with(|a| a.evidence.clone())
                        key=|l| l.clone()
                        let:link
                    >
                        {
                            let remove_link = link.clone();
                            view! {
                                <li>
                                    {match links::safe_href(&link) {
                                        Some(href) => view! {
                                            <a href=href.to_string() target="_blank" rel="noopener noreferrer">{link.clone()}</a>
                                        }
                                        .into_any(),
                                        // Not a web or e-mail address (e.g. javascript: from a hand-edited
                                        // file): shown, never followed.
                                        None => view! {
                                            <span class="link-as-text" title=t("assess.question_card_unsafe_link")>
                                                {link.clone()}
                                            </span>
                                        }
                                        .into_any(),
                                    }}
                                    " "
                                    <button
                                        type="button"
                                        class="button small quiet"
                                        aria-label=tf("assess.question_card_remove_link", &[("link", &link)])
                                        on:click=move |_| {
                                            let l = remove_link.clone();
                                            edit(Box::new(move |a| a.evidence.retain(|x| *x != l)));
                                        }
                                    >
                                        {t("assess.question_card_remove")}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <form
                    class="inline-form"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        add_link();
                    }
                >
                    <label class="visually-hidden" for=format!("{dom}-link")>
                        {tf("assess.question_card_add_link_for", &[("question", &question.text)])}
                    </label>
                    <input
                        type="text"
                        id=format!("{dom}-link")
                        placeholder="https://…"
                        aria-invalid=move || link_error.with(Option::is_some).to_string()
                        prop:value=move || link_draft.get()
                        on:input=move |ev| link_draft.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button small">{t("assess.question_card_add_link")}</button>
                    <Show when=move || link_error.with(Option::is_some)>
                        <p class="hint error-text" role="alert">{move || link_error.get()}</p>
                    </Show>
                </form>
            </div>
        }
    };

    view! {
        <article class="question" id=format!("q-{dom}") aria-labelledby=format!("q-{dom}-title")>
            <header class="question-head">
                <h3 id=format!("q-{dom}-title")>{question.text.clone()}</h3>
                {(question.key_question && !quick).then(|| view! {
                    <p class="key-badge">{t("verdict.key_badge")}</p>
                })}
                <p class="question-status" class:done=move || answer.with(Answer::is_done)>{status}</p>
            </header>
            <details class="help" open=quick>
                <summary>{t("assess.question_card_why")}</summary>
                <p>{question.help.clone()}</p>
            </details>
            <fieldset
                class="levels"
                class:read-only=move || reviewing.get()
                disabled=move || reviewing.get() || answer.with(Answer::is_not_applicable)
            >
                <legend>{t("assess.question_card_today")}</legend>
                <Show when=move || reviewing.get()>
                    <p class="hint read-only-note">{t("reviewers.founder_read_only")}</p>
                </Show>
                {question
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let level = i as u8;
                        let input_id = format!("{dom}-current-{level}");
                        view! {
                            <div class="level-option">
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name=format!("{dom}-current")
                                    prop:checked=move || answer.with(|a| a.current == Some(level))
                                    on:change=move |_| edit(Box::new(move |a| a.current = Some(level)))
                                />
                                <label for=input_id>
                                    <span class="level-name">{level} " · " {level_name(level)}</span>
                                    <span class="level-text">{text.clone()}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    class="button small quiet"
                    disabled=move || answer.with(|a| a.current.is_none())
                    on:click=move |_| edit(Box::new(|a| a.current = None))
                >
                    {t("assess.question_card_clear")}
                </button>
            </fieldset>
            <AnswerReviewPart question/>
            <fieldset class="founder-fields" disabled=move || reviewing.get()>
            {if quick {
                view! {
                    <div class="question-grid confidence-only">{confidence_field()}</div>
                    <details class="question-more">
                        <summary>{t("verdict.more_fields")}</summary>
                        <div class="question-grid">{target_field()}{na_field()}</div>
                        {notes_field()}
                        {evidence_field()}
                    </details>
                }
                .into_any()
            } else {
                view! {
                    <div class="question-grid">{target_field()}{confidence_field()}{na_field()}</div>
                    {notes_field()}
                    {evidence_field()}
                }
                .into_any()
            }}
            </fieldset>
        </article>
    }
}
