//! The board report's assessment parts: the summary on its first page, where the company stands
//! (radar and table) and the largest gaps (bar chart and table). Every figure comes from
//! [`crate::domain::scoring`]; this file only words and lays them out.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::chart_view::ChartView;
use super::initiative_edit::{show_date, title_of};
use super::pages::assessment::use_current;
use super::pages::results::{largest_gaps_chart, today_and_target_radar};
use super::report_plan::next_milestones;
use crate::domain::scoring::{fmt1, AreaResult, Results};

/// Gaps named in the summary.
const SUMMARY_GAPS: usize = 3;
/// Milestones named in the summary.
const SUMMARY_MILESTONES: usize = 3;
/// Gaps in the "Largest gaps" chart and table.
const TOP_GAPS: usize = 8;

/// The maturity index with what it rests on, in one sentence.
pub fn index_sentence(r: &Results) -> String {
    match r.index {
        Some(index) => format!(
            "Maturity index {} of 4: the average of the area scores (0 absent to 4 optimizing), \
             from {} answered question{} in {} of {} areas.",
            fmt1(index),
            r.counted,
            if r.counted == 1 { "" } else { "s" },
            r.scored_areas,
            r.areas.len()
        ),
        None => "No maturity index yet: no question has been answered with a level.".to_string(),
    }
}

/// How much of the assessment is done, e.g. "62 of 80 questions answered (5 marked “does not
/// apply”)."
pub fn answered_sentence(r: &Results) -> String {
    let not_applicable: usize = r.areas.iter().map(|a| a.not_applicable).sum();
    let note = match not_applicable {
        0 => String::new(),
        1 => " (1 marked “does not apply”)".to_string(),
        n => format!(" ({n} marked “does not apply”)"),
    };
    format!("{} of {} questions answered{note}.", r.done, r.questions)
}

/// One gap in words, e.g. "Security: today 1.5 against a target of 3.0, a gap of 1.5;
/// importance 3 of 3, priority 4.5".
pub fn gap_words(a: &AreaResult) -> String {
    format!(
        "{}: today {} against a target of {}, a gap of {}; importance {} of 3, priority {}",
        a.name,
        fmt1(a.score.unwrap_or(0.0)),
        fmt1(a.target.unwrap_or(0.0)),
        fmt1(a.gap.unwrap_or(0.0)),
        a.importance,
        fmt1(a.priority.unwrap_or(0.0))
    )
}

#[component]
pub fn ReportSummary(today: NaiveDate) -> impl IntoView {
    let current = use_current();
    let results = current.results;
    let gaps = Memo::new(move |_| {
        results.with(|r| {
            r.ranked_gaps()
                .into_iter()
                .take(SUMMARY_GAPS)
                .map(gap_words)
                .collect::<Vec<_>>()
        })
    });
    let milestones = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    next_milestones(&a.initiatives, today, SUMMARY_MILESTONES)
                        .into_iter()
                        .map(|i| {
                            let due = i
                                .end()
                                .and_then(|e| e.pred_opt())
                                .map(show_date)
                                .unwrap_or_default();
                            format!(
                                "{}: due {due} ({})",
                                title_of(i),
                                i.status.label().to_lowercase()
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="report-section" aria-labelledby="report-summary-title">
            <h3 id="report-summary-title">"Summary"</h3>
            <p class="headline" data-testid="report-index">{move || results.with(index_sentence)}</p>
            <p>{move || results.with(answered_sentence)}</p>
            <h4>"Largest gaps"</h4>
            <Show
                when=move || !gaps.with(Vec::is_empty)
                fallback=move || view! {
                    <p>{move || if results.with(|r| r.index.is_some()) {
                        "No answered area is below its target."
                    } else {
                        "None yet: gaps appear once questions are answered."
                    }}</p>
                }
            >
                <ol data-testid="report-top-gaps">
                    {move || gaps.get().into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                </ol>
            </Show>
            <h4>"Next milestones"</h4>
            <Show
                when=move || !milestones.with(Vec::is_empty)
                fallback=|| view! { <p>"No milestone is dated ahead on the roadmap."</p> }
            >
                <ul>
                    {move || milestones.get().into_iter().map(|m| view! { <li>"◆ " {m}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
pub fn ReportStanding() -> impl IntoView {
    let results = use_current().results;
    let svg = Memo::new(move |_| results.with(today_and_target_radar));
    let opt = |v: Option<f64>| v.map(fmt1).unwrap_or_else(|| "–".to_string());
    view! {
        <section class="report-section" aria-labelledby="report-standing-title">
            <h3 id="report-standing-title">"Where we stand"</h3>
            <ChartView svg label="Radar chart of each area's score today and its target, 0 to 4. The table beside it gives the figures."/>
            <table class="data-table">
                <caption>"Scores by area (levels 0 to 4; “–” means no answer yet)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Today"</th>
                        <th scope="col">"Target"</th>
                        <th scope="col">"Gap"</th>
                        <th scope="col">"Answered"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || results.with(|r| r.areas.iter().map(|a| view! {
                        <tr>
                            <th scope="row">{a.name.clone()}</th>
                            <td>{opt(a.score)}</td>
                            <td>{opt(a.target)}</td>
                            <td>{opt(a.gap)}</td>
                            <td>{format!("{} of {}", a.done, a.questions)}</td>
                        </tr>
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn ReportGaps() -> impl IntoView {
    let results = use_current().results;
    let svg = Memo::new(move |_| results.with(|r| largest_gaps_chart(r, TOP_GAPS)));
    let empty = Memo::new(move |_| results.with(|r| r.ranked_gaps().is_empty()));
    view! {
        <section class="report-section" aria-labelledby="report-gaps-title">
            <h3 id="report-gaps-title">"Largest gaps"</h3>
            <p class="muted">
                "Gap = target − today. Priority = gap × importance (1 less important, 2 normal, "
                "3 critical), so the first rows are where improvement matters most."
            </p>
            <Show
                when=move || !empty.get()
                fallback=|| view! { <p>"No answered area is below its target."</p> }
            >
                <ChartView svg label="Bar chart of the areas with the highest priority gaps. The table below gives the figures."/>
                <table class="data-table">
                    <caption>{format!("The {TOP_GAPS} largest gaps, highest priority first")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Rank"</th>
                            <th scope="col">"Area"</th>
                            <th scope="col">"Today"</th>
                            <th scope="col">"Target"</th>
                            <th scope="col">"Gap"</th>
                            <th scope="col">"Importance"</th>
                            <th scope="col">"Priority"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || results.with(|r| r.ranked_gaps().into_iter().take(TOP_GAPS).enumerate().map(|(n, a)| view! {
                            <tr>
                                <td>{n + 1}</td>
                                <th scope="row">{a.name.clone()}</th>
                                <td>{fmt1(a.score.unwrap_or(0.0))}</td>
                                <td>{fmt1(a.target.unwrap_or(0.0))}</td>
                                <td>{fmt1(a.gap.unwrap_or(0.0))}</td>
                                <td>{a.importance}</td>
                                <td>{fmt1(a.priority.unwrap_or(0.0))}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::scoring::compute;
    use crate::domain::Assessment;
    use uuid::Uuid;

    fn scored() -> Results {
        let content = crate::content::get();
        let mut a = Assessment::new(Uuid::nil(), "x", "2026-01-01T00:00:00Z".parse().unwrap());
        let area = &content.areas[0];
        a.answers.insert(
            area.questions[0].id.clone(),
            Answer {
                current: Some(1),
                target: Some(3),
                ..Answer::default()
            },
        );
        a.answers.insert(
            area.questions[1].id.clone(),
            Answer {
                not_applicable: Some("No".into()),
                ..Answer::default()
            },
        );
        compute(content, &a)
    }

    #[test]
    fn index_sentence_gives_the_basis() {
        let r = scored();
        assert_eq!(
            index_sentence(&r),
            format!(
                "Maturity index 1.0 of 4: the average of the area scores (0 absent to 4 \
                 optimizing), from 1 answered question in 1 of {} areas.",
                r.areas.len()
            )
        );
        assert!(index_sentence(&Results::default()).starts_with("No maturity index yet"));
    }

    #[test]
    fn answered_sentence_counts_not_applicable() {
        let r = scored();
        assert_eq!(
            answered_sentence(&r),
            format!(
                "2 of {} questions answered (1 marked “does not apply”).",
                r.questions
            )
        );
    }

    #[test]
    fn gap_words_name_the_area_and_figures() {
        let r = scored();
        let top = r.ranked_gaps()[0];
        assert_eq!(
            gap_words(top),
            format!(
                "{}: today 1.0 against a target of 3.0, a gap of 2.0; importance 2 of 3, priority 4.0",
                top.name
            )
        );
    }
}
