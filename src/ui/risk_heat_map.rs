//! The risk heat map (drawn by `charts::heatmap`) and its text alternative: a table of every
//! non-empty cell with the titles of the risks in it. Only open risks are placed.

use leptos::prelude::*;

use super::chart_view::ChartView;
use super::pages::assessment::use_current;
use super::risk_register::display_title;
use crate::charts::heatmap;
use crate::domain::risk::{
    band, heat_counts, heat_map, impact_label, likelihood_label, occupied_cells,
};

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
                        likelihood_label(cell.likelihood)
                    ),
                    impact: format!("{} – {}", cell.impact, impact_label(cell.impact)),
                    score: format!("{}: {}", cell.score(), band(cell.score()).label()),
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
            <h3 id="risk-heat-map-title">"Heat map"</h3>
            <p class="muted">
                "Each open risk sits in the square for its likelihood (across) and impact (up); the "
                "number is how many risks are there. Closed risks are left out."
            </p>
            <ChartView svg=svg label="Risk heat map: likelihood against impact"/>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No open risks to place on the map."</p> }
            >
                <div class="table-scroll">
                    <table class="data-table">
                        <caption>"Risks by likelihood and impact"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Likelihood"</th>
                                <th scope="col">"Impact"</th>
                                <th scope="col">"Score"</th>
                                <th scope="col">"Risks"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|row| view! {
                                <tr>
                                    <td>{row.likelihood}</td>
                                    <td>{row.impact}</td>
                                    <td>{row.score}</td>
                                    <td><ul class="cell-list">{row.titles.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
