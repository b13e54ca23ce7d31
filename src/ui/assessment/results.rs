//! Results section: maturity index, area scores, radar, ranked gaps, and the SWOT.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::charts::{gaps, radar};
use crate::domain::scoring::{fmt1, Results};
use crate::ui::assessment::area_nav::area_name;
use crate::ui::assessment::swot_board::SwotBoard;
use crate::ui::assessment::verdict_panel::VerdictPanel;
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{t, tf};
use crate::ui::shell::assessment_frame::use_current;

/// How many gaps the ranked chart shows.
const TOP_GAPS: usize = 8;

/// The radar of each area's score today against its target, as the Results page and the board
/// report draw it.
pub fn today_and_target_radar(r: &Results) -> Result<String, crate::charts::ChartError> {
    let axes: Vec<String> = r
        .areas
        .iter()
        .map(|a| area_name(&a.area_id, &a.name))
        .collect();
    let series = vec![
        radar::RadarSeries {
            label: t("assess.results_today").to_string(),
            values: r.areas.iter().map(|a| a.score).collect(),
            kind: radar::SeriesKind::Current,
        },
        radar::RadarSeries {
            label: t("assess.results_target").to_string(),
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
            label: area_name(&a.area_id, &a.name),
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
            Some(index) => tf(
                if r.counted == 1 {
                    "assess.results_summary_one"
                } else {
                    "assess.results_summary_many"
                },
                &[
                    ("index", &fmt1(index)),
                    ("counted", &r.counted.to_string()),
                    ("scored", &r.scored_areas.to_string()),
                    ("areas", &r.areas.len().to_string()),
                ],
            ),
            None => t("assess.results_no_scores").to_string(),
        })
    };
    view! {
        <section aria-labelledby="results-title">
            <h2 id="results-title">{t("assess.results_title")}</h2>
            <p class="headline" data-testid="maturity-summary">{summary}</p>
            <VerdictPanel/>
            <details class="formula">
                <summary>{t("assess.results_formula")}</summary>
                <ul>
                    <li>{t("assess.results_formula_counts")}</li>
                    <li>{t("assess.results_formula_score")}</li>
                    <li>{t("assess.results_formula_target")}</li>
                    <li>{t("assess.results_formula_gap")}</li>
                    <li>{t("assess.results_formula_priority")}</li>
                    <li>{t("assess.results_formula_index")}</li>
                </ul>
            </details>
            <div class="results-grid">
                <div>
                    <h3>{t("assess.results_radar_title")}</h3>
                    <ChartView svg=radar_svg label=t("assess.results_radar_label")/>
                </div>
                <div>
                    <h3>{t("assess.results_gaps_title")}</h3>
                    <ChartView svg=gap_svg label=t("assess.results_gaps_label")/>
                    <ol class="gap-list">
                        {move || results.with(|r| r.ranked_gaps().into_iter().take(TOP_GAPS).map(|a| {
                            let href = format!("/a/{id}/assessment/{}", a.area_id);
                            let text = tf(
                                "assess.results_gap_line",
                                &[
                                    ("gap", &fmt1(a.gap.unwrap_or(0.0))),
                                    ("today", &fmt1(a.score.unwrap_or(0.0))),
                                    ("target", &fmt1(a.target.unwrap_or(0.0))),
                                    ("importance", &a.importance.to_string()),
                                    ("priority", &fmt1(a.priority.unwrap_or(0.0))),
                                ],
                            );
                            let name = area_name(&a.area_id, &a.name);
                            view! { <li><A href=href>{name}</A> {text}</li> }
                        }).collect_view())}
                    </ol>
                </div>
            </div>
            <table class="data-table scores">
                <caption>{t("assess.results_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("assess.results_area")}</th>
                        <th scope="col">{t("assess.results_counted")}</th>
                        <th scope="col">{t("assess.results_today")}</th>
                        <th scope="col">{t("assess.results_target")}</th>
                        <th scope="col">{t("assess.results_gap")}</th>
                        <th scope="col">{t("assess.results_importance")}</th>
                        <th scope="col">{t("assess.results_priority")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || results.with(|r| r.areas.iter().map(|a| {
                        let opt = |v: Option<f64>| v.map(fmt1).unwrap_or_else(|| "–".to_string());
                        view! {
                            <tr>
                                <th scope="row">{area_name(&a.area_id, &a.name)}</th>
                                <td>{tf(
                                    "assess.results_x_of_y",
                                    &[("counted", &a.counted.to_string()), ("questions", &a.questions.to_string())],
                                )}</td>
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
