//! Assessment section, start page: progress over the 16 areas and what is left to answer.

use leptos::prelude::*;
use leptos_router::components::A;

use super::assessment::use_current;
use crate::content;

#[component]
pub fn AssessmentSection() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let results = current.results;
    let next_area = Memo::new(move |_| {
        results.with(|r| {
            r.areas
                .iter()
                .find(|a| a.done < a.questions)
                .map(|a| (a.area_id.clone(), a.name.clone()))
        })
    });
    let areas = &content::get().areas;
    view! {
        <section aria-labelledby="assessment-title">
            <h2 id="assessment-title">"Self-assessment"</h2>
            <p class="muted">
                "Rate each practice from 0 (absent) to 4 (optimizing) as it is today, not as "
                "planned. Skip anything and come back later; mark a question “does not apply” "
                "with a reason to leave it out of the scores."
            </p>
            <p class="progress-line">
                {move || results.with(|r| format!(
                    "{} of {} questions answered overall.", r.done, r.questions
                ))}
            </p>
            <progress
                max=move || results.with(|r| r.questions)
                value=move || results.with(|r| r.done)
                aria-label="Questions answered overall"
            ></progress>
            <p>
                {move || match next_area.get() {
                    Some((area_id, name)) => view! {
                        <A href=format!("/a/{id}/assessment/{area_id}")>
                            {format!("Continue with {name}")}
                        </A>
                    }.into_any(),
                    None => view! {
                        <span>"Every question is answered. "</span>
                        <A href=format!("/a/{id}/results")>"See the results"</A>
                    }.into_any(),
                }}
            </p>
            <table class="data-table">
                <caption>"What is left, area by area"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Answered"</th>
                        <th scope="col">"Not applicable"</th>
                        <th scope="col">"Left"</th>
                    </tr>
                </thead>
                <tbody>
                    {areas
                        .iter()
                        .enumerate()
                        .map(|(i, area)| {
                            let row = move || results.with(|r| r.areas.get(i).cloned());
                            view! {
                                <tr>
                                    <th scope="row">
                                        <A href=format!("/a/{id}/assessment/{}", area.id)>
                                            {area.number} ". " {area.name.clone()}
                                        </A>
                                    </th>
                                    <td>{move || row().map(|r| format!("{} of {}", r.done, r.questions))}</td>
                                    <td>{move || row().map(|r| r.not_applicable)}</td>
                                    <td>{move || row().map(|r| r.questions - r.done)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}
