//! Overview section: where the assessment stands (profile, answers, scores) and what to do next.

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use super::assessment::use_current;
use super::format_time;
use crate::domain::scoring::fmt1;

/// `/a/:id` shows the overview under its own address, so the section tab is marked as current.
#[component]
pub fn OverviewRedirect() -> impl IntoView {
    let id = use_current().id;
    view! { <Redirect path=format!("/a/{id}/overview")/> }
}

/// How many gaps the overview lists.
const TOP: usize = 3;

#[component]
pub fn OverviewSection() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let a = current.assessment;
    let results = current.results;
    let completion = Memo::new(move |_| {
        a.with(|a| a.as_ref().map(|a| a.profile_completion()).unwrap_or((0, 0)))
    });
    let field = move |f: fn(&crate::domain::Assessment) -> String| {
        move || a.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    let next_area = Memo::new(move |_| {
        results.with(|r| {
            r.areas
                .iter()
                .find(|x| x.done < x.questions)
                .map(|x| (x.area_id.clone(), x.name.clone(), x.questions - x.done))
        })
    });
    view! {
        <section aria-labelledby="overview-title">
            <h2 id="overview-title">"Overview"</h2>
            <dl class="facts">
                <div><dt>"Company"</dt><dd>{field(|a| non_empty(&a.profile.company_name))}</dd></div>
                <div><dt>"Stage"</dt><dd>{field(|a| a.profile.stage.label().to_string())}</dd></div>
                <div><dt>"Industry"</dt><dd>{field(|a| non_empty(&a.profile.industry))}</dd></div>
                <div>
                    <dt>"Team size"</dt>
                    <dd>{field(|a| a.profile.team_size.map(|n| format!("{n} people")).unwrap_or_else(|| "not given".into()))}</dd>
                </div>
                <div><dt>"Created"</dt><dd>{field(|a| format_time(a.created_at))}</dd></div>
                <div><dt>"Last changed"</dt><dd>{field(|a| format_time(a.updated_at))}</dd></div>
            </dl>
            <h3>"Scores"</h3>
            <p class="headline">
                {move || results.with(|r| match r.index {
                    Some(index) => format!(
                        "Maturity index {} of 4, from {} answered questions in {} of {} areas.",
                        fmt1(index), r.counted, r.scored_areas, r.areas.len()
                    ),
                    None => "No scores yet.".to_string(),
                })}
            </p>
            <Show when=move || results.with(|r| !r.ranked_gaps().is_empty())>
                <p>"Largest gaps (target minus today, weighted by importance):"</p>
                <ol>
                    {move || results.with(|r| r.ranked_gaps().into_iter().take(TOP).map(|g| {
                        let href = format!("/a/{id}/assessment/{}", g.area_id);
                        let name = g.name.clone();
                        let text = format!(
                            ": today {} against a target of {}, priority {}",
                            fmt1(g.score.unwrap_or(0.0)),
                            fmt1(g.target.unwrap_or(0.0)),
                            fmt1(g.priority.unwrap_or(0.0))
                        );
                        view! { <li><A href=href>{name}</A>{text}</li> }
                    }).collect_view())}
                </ol>
            </Show>
            <crate::ui::review_summary::ReviewSummary/>
            <h3>"Progress"</h3>
            <ul class="progress-list">
                <li>
                    {move || {
                        let (filled, total) = completion.get();
                        format!("Company profile: {filled} of {total} fields filled.")
                    }}
                </li>
                <li>
                    {move || results.with(|r| format!(
                        "Assessment: {} of {} questions answered ({} areas complete).",
                        r.done,
                        r.questions,
                        r.areas.iter().filter(|x| x.done == x.questions).count()
                    ))}
                </li>
            </ul>
            <h3>"What to do next"</h3>
            <ol class="next-steps">
                <Show when=move || { let (f, t) = completion.get(); f < t }>
                    <li>
                        <A href=format!("/a/{id}/profile")>"Complete the company profile"</A>
                        ": stage, team size and business model set the targets for everything that follows."
                    </li>
                </Show>
                {move || next_area.get().map(|(area_id, name, left)| view! {
                    <li>
                        <A href=format!("/a/{id}/assessment/{area_id}")>{format!("Continue the assessment with {name}")}</A>
                        {format!(": {left} question(s) left there. Skip anything you are unsure of and come back later.")}
                    </li>
                })}
                <Show when=move || results.with(|r| r.index.is_some())>
                    <li>
                        <A href=format!("/a/{id}/results")>"Review the results"</A>
                        ": the radar, the largest gaps and a SWOT to edit."
                    </li>
                </Show>
                <li>"Export the assessment to back it up or send it to your fractional CTO."</li>
            </ol>
        </section>
    }
}

fn non_empty(text: &str) -> String {
    if text.trim().is_empty() {
        "not given".to_string()
    } else {
        text.to_string()
    }
}
