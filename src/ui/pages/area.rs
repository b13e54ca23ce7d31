//! One area of the assessment: its purpose, importance, questions, and the way to the next area.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::assessment::use_current;
use crate::content::{self, Area};
use crate::domain::answers::AreaSettings;
use crate::ui::area_nav::AreaNav;
use crate::ui::question_card::QuestionCard;
use crate::ui::review_area::AreaReviewPart;
use crate::ui::state::use_app_state;

#[component]
pub fn AreaSection() -> impl IntoView {
    let params = use_params_map();
    let area = Memo::new(move |_| {
        let id = params.read().get("area").unwrap_or_default();
        content::get().areas.iter().position(|a| a.id == id)
    });
    let current = use_current();
    let id = current.id;
    view! {
        <div class="area-layout">
            <AreaNav id results=current.results/>
            {move || match area.get() {
                Some(i) => view! { <AreaQuestions index=i/> }.into_any(),
                None => view! {
                    <section>
                        <h2>"Area not found"</h2>
                        <p><A href=format!("/a/{id}/assessment")>"Back to all areas"</A></p>
                    </section>
                }.into_any(),
            }}
        </div>
    }
}

const IMPORTANCE: [(u8, &str); 3] = [(1, "Less important"), (2, "Normal"), (3, "Critical")];

#[component]
fn AreaQuestions(index: usize) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let areas = &content::get().areas;
    let area: &'static Area = &areas[index];
    let result = Memo::new(move |_| current.results.with(|r| r.areas.get(index).cloned()));
    let importance =
        Memo::new(move |_| result.with(|r| r.as_ref().map(|r| r.importance).unwrap_or(2)));
    let set_importance = move |value: u8| {
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
    view! {
        <section class="area" aria-labelledby="area-title">
            <p class="eyebrow">{format!("Area {} of {}", area.number, areas.len())}</p>
            <h2 id="area-title">{area.name.clone()}</h2>
            <p>{area.purpose.clone()}</p>
            <p class="progress-line">
                {move || result.with(|r| r.as_ref().map(|r| format!(
                    "{} of {} questions answered in this area{}.",
                    r.done,
                    r.questions,
                    if r.not_applicable > 0 { format!(", {} marked not applicable", r.not_applicable) } else { String::new() }
                )))}
            </p>
            <fieldset class="importance">
                <legend>"How much does this area matter to your company?"</legend>
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
                                <label for=input_id>{label}</label>
                            </span>
                        }
                    })
                    .collect_view()}
                <p class="hint">"Importance multiplies this area's gap when ranking priorities."</p>
            </fieldset>
            <AreaReviewPart area/>
            {area
                .questions
                .iter()
                .map(|q| view! { <QuestionCard area question=q/> })
                .collect_view()}
            <nav class="area-pager" aria-label="Other areas">
                {prev.map(|a| view! {
                    <A href=format!("/a/{id}/assessment/{}", a.id)>{format!("← {}", a.name)}</A>
                })}
                <A href=format!("/a/{id}/assessment")>"All areas"</A>
                {match next {
                    Some(a) => view! {
                        <A href=format!("/a/{id}/assessment/{}", a.id)>{format!("Next: {} →", a.name)}</A>
                    }.into_any(),
                    None => view! {
                        <A href=format!("/a/{id}/results")>"See the results →"</A>
                    }.into_any(),
                }}
            </nav>
        </section>
    }
}
