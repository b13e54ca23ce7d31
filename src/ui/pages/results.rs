//! Results section: maturity index, area scores, radar, ranked gaps, and the SWOT.

use leptos::prelude::*;
use leptos_router::components::A;

use super::assessment::use_current;
use crate::charts::{gaps, radar};
use crate::domain::scoring::{fmt1, Results};
use crate::ui::chart_view::ChartView;
use crate::ui::swot_board::SwotBoard;

/// How many gaps the ranked chart shows.
const TOP_GAPS: usize = 8;

/// The radar of each area's score today against its target, as the Results page and the board
/// report draw it.
pub fn today_and_target_radar(r: &Results) -> Result<String, crate::charts::ChartError> {
    let axes: Vec<String> = r.areas.iter().map(|a| a.name.clone()).collect();
    let series = vec![
        radar::RadarSeries {
            label: "Today".to_string(),
            values: r.areas.iter().map(|a| a.score).collect(),
            kind: radar::SeriesKind::Current,
        },
        radar::RadarSeries {
            label: "Target".to_string(),
            values: r.areas.iter().map(|a| a.target).collect(),
            kind: radar::SeriesKind::Target,
        },
    ];
    radar::render(&axes, &series, 4.0, 560, 460)
}

/// The ranked chart of the `top` largest-priority gaps, as the Results page and the report draw it.
pub fn largest_gaps_chart(r: &Results, top: usize) -> Result<String, crate::charts::ChartError> {
    let bars: Vec<gaps::GapBar> = r
        .ranked_gaps()
        .into_iter()
        .take(top)
        .map(|a| gaps::GapBar {
            label: a.name.clone(),
            current: a.score.unwrap_or(0.0),
            target: a.target.unwrap_or(0.0),
            priority: a.priority.unwrap_or(0.0),
        })
        .collect();
    gaps::render(&bars, 640, 34)
}

#[component]
pub fn ResultsSection() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let results = current.results;
    let radar_svg = Memo::new(move |_| results.with(today_and_target_radar));
    let gap_svg = Memo::new(move |_| results.with(|r| largest_gaps_chart(r, TOP_GAPS)));
    let summary = move || {
        results.with(|r| match r.index {
            Some(index) => format!(
                "Maturity index {} of 4, from {} answered question{} in {} of {} areas.",
                fmt1(index),
                r.counted,
                if r.counted == 1 { "" } else { "s" },
                r.scored_areas,
                r.areas.len()
            ),
            None => "No scores yet: answer a few questions in the assessment to see results."
                .to_string(),
        })
    };
    view! {
        <section aria-labelledby="results-title">
            <h2 id="results-title">"Results"</h2>
            <p class="headline" data-testid="maturity-summary">{summary}</p>
            <details class="formula">
                <summary>"How the scores are worked out"</summary>
                <ul>
                    <li>"A question counts once it has a level and is not marked “does not apply”."</li>
                    <li>"An area's score is the average level of its counted questions, from 0 to 4."</li>
                    <li>"Its target is the average target of the same questions: yours where you set one, otherwise the default for your company's stage."</li>
                    <li>"Gap = target − score. A negative gap means you are ahead of target."</li>
                    <li>"Priority = gap × importance (1 less important, 2 normal, 3 critical); areas at or above target have priority 0."</li>
                    <li>"The maturity index is the average of the area scores, each area weighing the same, whatever its number of questions."</li>
                </ul>
            </details>
            <div class="results-grid">
                <div>
                    <h3>"Today and target, by area"</h3>
                    <ChartView svg=radar_svg label="Radar chart of each area's score today and its target, 0 to 4. The table below gives the figures."/>
                </div>
                <div>
                    <h3>"Largest gaps"</h3>
                    <ChartView svg=gap_svg label="Bar chart of the areas with the highest priority gaps. The list below gives the figures."/>
                    <ol class="gap-list">
                        {move || results.with(|r| r.ranked_gaps().into_iter().take(TOP_GAPS).map(|a| {
                            let href = format!("/a/{id}/assessment/{}", a.area_id);
                            let text = format!(
                                "gap {} (today {}, target {}), importance {}, priority {}",
                                fmt1(a.gap.unwrap_or(0.0)),
                                fmt1(a.score.unwrap_or(0.0)),
                                fmt1(a.target.unwrap_or(0.0)),
                                a.importance,
                                fmt1(a.priority.unwrap_or(0.0))
                            );
                            let name = a.name.clone();
                            view! { <li><A href=href>{name}</A> ": " {text}</li> }
                        }).collect_view())}
                    </ol>
                </div>
            </div>
            <table class="data-table scores">
                <caption>"Scores by area (levels 0 to 4)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Counted"</th>
                        <th scope="col">"Today"</th>
                        <th scope="col">"Target"</th>
                        <th scope="col">"Gap"</th>
                        <th scope="col">"Importance"</th>
                        <th scope="col">"Priority"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || results.with(|r| r.areas.iter().map(|a| {
                        let opt = |v: Option<f64>| v.map(fmt1).unwrap_or_else(|| "–".to_string());
                        view! {
                            <tr>
                                <th scope="row">{a.name.clone()}</th>
                                <td>{format!("{} of {}", a.counted, a.questions)}</td>
                                <td>{opt(a.score)}</td>
                                <td>{opt(a.target)}</td>
                                <td>{opt(a.gap)}</td>
                                <td>{a.importance}</td>
                                <td>{opt(a.priority)}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
            <SwotBoard/>
        </section>
    }
}
