//! One area of the assessment: its purpose, importance, questions, and the way to the next area.
//! In the quick pass (`?pass=quick`) only the area's key question, and the way to the next key
//! question; a link switches to all questions without losing anything.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::content::Area;
use crate::domain::answers::AreaSettings;
use crate::domain::quick_pass::{about_minutes, Pass};
use crate::ui::assessment::area_nav::AreaNav;
use crate::ui::assessment::pass_times::{full_line, use_pass_times};
use crate::ui::assessment::question_card::QuestionCard;
use crate::ui::assessment::review_area::AreaReviewPart;
use crate::ui::assessment::review_toggle::use_review_mode;
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

#[component]
pub fn AreaSection() -> impl IntoView {
    let params = use_params_map();
    let area = Memo::new(move |_| {
        let id = params.read().get("area").unwrap_or_default();
        content().areas.iter().position(|a| a.id == id)
    });
    // The quick pass lives in the address (`?pass=quick`), never in the file: the answers are
    // the same in both passes.
    let query = use_query_map();
    let pass = Memo::new(move |_| Pass::from_query(query.read().get("pass").as_deref()));
    let current = use_current();
    let id = current.id;
    view! {
        <div class="area-layout" class:quick=move || pass.get() == Pass::Quick>
            <AreaNav id results=current.results pass/>
            {move || match area.get() {
                Some(i) => view! { <AreaQuestions index=i pass=pass.get()/> }.into_any(),
                None => view! {
                    <section>
                        <h2>{t("assess.area_not_found")}</h2>
                        <p><A href=format!("/a/{id}/assessment")>{t("assess.area_back")}</A></p>
                    </section>
                }.into_any(),
            }}
        </div>
    }
}

/// The importance choices and the keys of their names.
const IMPORTANCE: [(u8, &str); 3] = [
    (1, "assess.area_importance_less"),
    (2, "assess.area_importance_normal"),
    (3, "assess.area_importance_critical"),
];

#[component]
fn AreaQuestions(index: usize, pass: Pass) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let areas = &content().areas;
    let area: &'static Area = &areas[index];
    let result = Memo::new(move |_| current.results.with(|r| r.areas.get(index).cloned()));
    let importance =
        Memo::new(move |_| result.with(|r| r.as_ref().map(|r| r.importance).unwrap_or(2)));
    // The area's importance is the founder's answer too: read-only in reviewer mode.
    let reviewing = use_review_mode().0;
    let set_importance = move |value: u8| {
        if reviewing.get_untracked() {
            return;
        }
        let area_id = area.id.clone();
        state.edit(id, move |a| {
            if value == AreaSettings::default().importance {
                a.areas.remove(&area_id);
            } else {
                a.areas.insert(area_id, AreaSettings { importance: value });
            }
        });
    };
    let prev = index.checked_sub(1).and_then(|i| areas.get(i));
    let next = areas.get(index + 1);
    let quick = pass == Pass::Quick;
    // Links between areas keep the pass the founder is in.
    let area_href = move |area_id: &str| format!("/a/{id}/assessment/{area_id}{}", pass.query());
    let pass_times = use_pass_times();
    let progress = move || {
        result.with(|r| {
            r.as_ref().map(|r| {
                let done = r.done.to_string();
                let questions = r.questions.to_string();
                let na = r.not_applicable.to_string();
                if r.not_applicable > 0 {
                    tf(
                        "assess.area_progress_na",
                        &[("done", &done), ("questions", &questions), ("na", &na)],
                    )
                } else {
                    tf(
                        "assess.area_progress",
                        &[("done", &done), ("questions", &questions)],
                    )
                }
            })
        })
    };
    let quick_progress = move || {
        pass_times.with(|(q, _)| {
            let keys = q.questions.to_string();
            if q.left() == 0 {
                tf("verdict.quick_progress_done", &[("keys", &keys)])
            } else {
                tf(
                    "verdict.quick_progress",
                    &[
                        ("done", &q.done.to_string()),
                        ("keys", &keys),
                        ("minutes", &about_minutes(q.left_seconds).to_string()),
                    ],
                )
            }
        })
    };
    let importance_field = move || {
        view! {
            <fieldset class="importance" disabled=move || reviewing.get()>
                <legend>{t("assess.area_importance_question")}</legend>
                {IMPORTANCE
                    .into_iter()
                    .map(|(value, label)| {
                        let input_id = format!("importance-{value}");
                        view! {
                            <span class="choice">
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name="importance"
                                    prop:checked=move || importance.get() == value
                                    on:change=move |_| set_importance(value)
                                />
                                <label for=input_id>{t(label)}</label>
                            </span>
                        }
                    })
                    .collect_view()}
                <p class="hint">{t("assess.area_importance_hint")}</p>
            </fieldset>
        }
    };
    let here = format!("/a/{id}/assessment/{}", area.id);
    view! {
        <section class="area" aria-labelledby="area-title">
            <p class="eyebrow">{tf(
                if quick { "verdict.quick_eyebrow" } else { "assess.area_eyebrow" },
                &[("number", &area.number.to_string()), ("total", &areas.len().to_string())],
            )}</p>
            <h2 id="area-title">{area.name.clone()}</h2>
            {if quick {
                view! {
                    <p class="pass-switch">
                        {t("verdict.quick_mode")} " "
                        <A href=here.clone()>{tf("verdict.show_all", &[("n", &area.questions.len().to_string())])}</A>
                    </p>
                    <details class="area-purpose">
                        <summary>{t("verdict.area_purpose")}</summary>
                        <p>{area.purpose.clone()}</p>
                    </details>
                    <p class="progress-line" data-testid="quick-progress">{quick_progress}</p>
                }
                .into_any()
            } else {
                view! {
                    <p class="pass-switch">
                        <A href=format!("{here}{}", Pass::Quick.query())>{t("verdict.switch_quick")}</A>
                    </p>
                    <p>{area.purpose.clone()}</p>
                    <p class="progress-line">{progress}</p>
                    <p class="hint" data-testid="full-pass-time">{move || pass_times.with(|(_, f)| full_line(f))}</p>
                    {importance_field()}
                }
                .into_any()
            }}
            <AreaReviewPart area/>
            {area
                .questions
                .iter()
                .filter(|q| pass.asks(q))
                .map(|q| view! { <QuestionCard area question=q quick/> })
                .collect_view()}
            <crate::ui::assessment::retired_answers::RetiredAnswers area/>
            <nav class="area-pager" aria-label=t("assess.area_other_areas")>
                {prev.map(|a| view! {
                    <A href=area_href(&a.id)>{tf("assess.area_previous", &[("area", &a.name)])}</A>
                })}
                <A href=format!("/a/{id}/assessment")>{t("assess.area_all")}</A>
                {match next {
                    Some(a) => view! {
                        <A href=area_href(&a.id)>{tf(
                            if quick { "verdict.next_key" } else { "assess.area_next" },
                            &[("area", &a.name)],
                        )}</A>
                    }.into_any(),
                    None => view! {
                        <A href=format!("/a/{id}/results")>{
                            if quick { t("verdict.see_quick_read") } else { t("assess.area_see_results") }
                        }</A>
                    }.into_any(),
                }}
            </nav>
        </section>
    }
}
