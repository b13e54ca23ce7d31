//! One question: current level, target, not applicable (with a required reason), confidence,
//! notes and evidence links. Every change is saved as it is made.

use leptos::prelude::*;

use super::pages::assessment::use_current;
use super::review_answer::AnswerReviewPart;
use super::state::use_app_state;
use crate::content::{self, Area, Question};
use crate::domain::answers::{check_link, Answer, Confidence};
use crate::domain::links;

#[component]
pub fn QuestionCard(area: &'static Area, question: &'static Question) -> impl IntoView {
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
    let edit = move |f: Box<dyn FnOnce(&mut Answer)>| {
        state.edit(id, |a| {
            let entry = a.answers.entry(qid.to_string()).or_default();
            f(entry);
            // An answer with nothing in it is not kept, so files stay small and "done" stays exact.
            if entry.is_empty() {
                a.answers.remove(qid);
            }
        })
    };
    let scale = &content::get().scale;

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
            Err(e) => link_error.set(Some(format!("Not added: {e}."))),
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
                "Not applicable".to_string()
            } else if let Some(c) = a.current {
                format!("Answered: {c} {}", level_name(c))
            } else {
                "Not answered yet".to_string()
            }
        })
    };

    view! {
        <article class="question" id=format!("q-{dom}") aria-labelledby=format!("q-{dom}-title")>
            <header class="question-head">
                <h3 id=format!("q-{dom}-title")>{question.text.clone()}</h3>
                <p class="question-status" class:done=move || answer.with(Answer::is_done)>{status}</p>
            </header>
            <details class="help">
                <summary>"Why this matters"</summary>
                <p>{question.help.clone()}</p>
            </details>
            <fieldset class="levels" disabled=move || answer.with(Answer::is_not_applicable)>
                <legend>"Where are you today?"</legend>
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
                    "Clear answer"
                </button>
            </fieldset>
            <AnswerReviewPart question/>
            <div class="question-grid">
                <div class="field">
                    <label for=format!("{dom}-target")>"Target level"</label>
                    <select
                        id=format!("{dom}-target")
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let t = v.parse::<u8>().ok().filter(|t| *t <= 4);
                            edit(Box::new(move |a| a.target = t));
                        }
                    >
                        <option value="" selected=move || answer.with(|a| a.target.is_none())>
                            {move || format!("Stage default: {} {}", default_target(), level_name(default_target()))}
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
                <div class="field">
                    <label for=format!("{dom}-confidence")>"Confidence"</label>
                    <select
                        id=format!("{dom}-confidence")
                        on:change=move |ev| {
                            let c = Confidence::from_id(&event_target_value(&ev));
                            edit(Box::new(move |a| a.confidence = c));
                        }
                    >
                        <option value="" selected=move || answer.with(|a| a.confidence.is_none())>"Not said"</option>
                        {Confidence::ALL
                            .into_iter()
                            .map(|c| view! {
                                <option value=c.id() selected=move || answer.with(|a| a.confidence == Some(c))>
                                    {c.label()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
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
                        " Does not apply to us"
                    </label>
                    <Show when=move || na_open.get()>
                        <label for=format!("{dom}-na-reason")>"Reason it does not apply"</label>
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
                                "⚠ A reason is required. Until you give one, the question still counts as unanswered."
                            } else {
                                "Not-applicable questions are left out of the scores."
                            }}
                        </p>
                    </Show>
                </div>
            </div>
            <div class="field">
                <label for=format!("{dom}-notes")>"Notes"</label>
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
            <div class="evidence">
                <p class="field-title" id=format!("{dom}-evidence-title")>"Evidence links"</p>
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
                                            <span class="link-as-text" title="Not a web or e-mail address, so it cannot be opened">
                                                {link.clone()}
                                            </span>
                                        }
                                        .into_any(),
                                    }}
                                    " "
                                    <button
                                        type="button"
                                        class="button small quiet"
                                        aria-label=format!("Remove link {link}")
                                        on:click=move |_| {
                                            let l = remove_link.clone();
                                            edit(Box::new(move |a| a.evidence.retain(|x| *x != l)));
                                        }
                                    >
                                        "Remove"
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
                        {format!("Add an evidence link for: {}", question.text)}
                    </label>
                    <input
                        type="text"
                        id=format!("{dom}-link")
                        placeholder="https://…"
                        aria-invalid=move || link_error.with(Option::is_some).to_string()
                        prop:value=move || link_draft.get()
                        on:input=move |ev| link_draft.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button small">"Add link"</button>
                    <Show when=move || link_error.with(Option::is_some)>
                        <p class="hint error-text" role="alert">{move || link_error.get()}</p>
                    </Show>
                </form>
            </div>
        </article>
    }
}
