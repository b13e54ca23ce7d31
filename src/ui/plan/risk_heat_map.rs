//! The risk heat map (drawn by `charts::heatmap`) and its text alternative: a table of every
//! non-empty cell with the titles of the risks in it. Only open risks are placed.

use leptos::prelude::*;

use crate::charts::heatmap;
use crate::domain::risk::{band, heat_counts, heat_map, occupied_cells};
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{l, t};
use crate::ui::plan::risk_register::{display_title, impact_word, likelihood_word};
use crate::ui::shell::assessment_frame::use_current;

/// Drawing size; the page scales the SVG down on narrow screens.
const WIDTH: u32 = 480;
const HEIGHT: u32 = 420;

/// One row of the table: the cell in words and the titles in it.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    likelihood: String,
    impact: String,
    score: String,
    titles: Vec<String>,
}

#[component]
pub fn RiskHeatMap() -> impl IntoView {
    let current = use_current();
    let counts = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| heat_counts(&heat_map(&a.risks)))
                .unwrap_or_default()
        })
    });
    let svg = Memo::new(move |_| counts.with(|c| heatmap::render(c, WIDTH, HEIGHT)));
    let rows = Memo::new(move |_| {
        current.assessment.with(|a| {
            let Some(a) = a.as_ref() else {
                return Vec::new();
            };
            occupied_cells(&a.risks)
                .into_iter()
                .map(|cell| Row {
                    likelihood: format!(
                        "{} – {}",
                        cell.likelihood,
                        likelihood_word(cell.likelihood)
                    ),
                    impact: format!("{} – {}", cell.impact, impact_word(cell.impact)),
                    score: format!("{}: {}", cell.score(), l(band(cell.score()).label())),
                    titles: cell
                        .risks
                        .iter()
                        .filter_map(|id| a.risks.iter().find(|r| r.id == *id))
                        .map(|r| display_title(&r.title))
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="subsection" aria-labelledby="risk-heat-map-title">
            <h3 id="risk-heat-map-title">{t("plan.risk_heat_map_title")}</h3>
            <p class="muted">{t("plan.risk_heat_map_intro")}</p>
            <ChartView svg=svg label=t("plan.risk_heat_map_chart_label")/>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">{t("plan.risk_heat_map_empty")}</p> }
            >
                <div class="table-scroll">
                    <table class="data-table">
                        <caption>{t("plan.risk_heat_map_caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("plan.risk_heat_map_likelihood")}</th>
                                <th scope="col">{t("plan.risk_heat_map_impact")}</th>
                                <th scope="col">{t("plan.risk_heat_map_score")}</th>
                                <th scope="col">{t("plan.risk_heat_map_risks")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|row| view! {
                                <tr>
                                    <td>{row.likelihood}</td>
                                    <td>{row.impact}</td>
                                    <td>{row.score}</td>
                                    <td><ul class="cell-list">{row.titles.into_iter().map(|title| view! { <li>{title}</li> }).collect_view()}</ul></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
