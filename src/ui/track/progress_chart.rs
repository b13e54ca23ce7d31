//! Progress over time: the chart of each ticked area's score across snapshots (the maturity
//! index in bold), the boxes that choose its lines, and the same figures as a table.

use leptos::prelude::*;

use chrono::Local;

use crate::charts::progress::{self, INDEX_KEY};
use crate::domain::scoring::fmt1;
use crate::domain::snapshot::progress::SeriesPoint;
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{content, date, t};
use crate::ui::shell::assessment_frame::use_current;

/// Areas ticked at first, besides the index: the largest gaps now.
const DEFAULT_AREAS: usize = 3;
const CHART_WIDTH: u32 = 720;
const CHART_HEIGHT: u32 = 360;

/// A table cell's text: one decimal, or "–" with no score.
fn cell(v: Option<f64>) -> String {
    v.map(fmt1).unwrap_or_else(|| "–".to_string())
}

/// A column heading: the snapshot's name and day, or "Now".
fn heading(p: &SeriesPoint) -> (String, Option<String>) {
    match p.taken_at {
        Some(at) => (
            p.name.clone(),
            Some(date(at.with_timezone(&Local).date_naive())),
        ),
        None => (t("assess.progress_chart_now").to_string(), None),
    }
}

#[component]
pub fn ProgressChart(
    /// The scores of every snapshot and now, from `progress::series`.
    #[prop(into)]
    series: Signal<Vec<SeriesPoint>>,
) -> impl IntoView {
    let current = use_current();
    let initial: Vec<String> = current.results.with_untracked(|r| {
        std::iter::once(INDEX_KEY.to_string())
            .chain(
                r.ranked_gaps()
                    .into_iter()
                    .take(DEFAULT_AREAS)
                    .map(|a| a.area_id.clone()),
            )
            .collect()
    });
    let selected = RwSignal::new(initial);
    let toggle = move |key: String, on: bool| {
        selected.update(|s| {
            s.retain(|k| *k != key);
            if on {
                s.push(key);
            }
        })
    };
    let svg = Memo::new(move |_| {
        series.with(|points| {
            selected.with(|keys| progress::render(points, keys, CHART_WIDTH, CHART_HEIGHT))
        })
    });
    let choices: Vec<(String, String)> = std::iter::once((
        INDEX_KEY.to_string(),
        t("assess.progress_chart_index").to_string(),
    ))
    .chain(
        content()
            .areas
            .iter()
            .map(|a| (a.id.clone(), a.name.clone())),
    )
    .collect();
    view! {
        <section class="subsection" aria-labelledby="progress-title">
            <h3 id="progress-title">{t("assess.progress_chart_title")}</h3>
            <p class="muted">{t("assess.progress_chart_intro")}</p>
            <fieldset class="progress-lines">
                <legend>{t("assess.progress_chart_lines")}</legend>
                {choices
                    .into_iter()
                    .map(|(key, label)| {
                        let box_id = format!("progress-line-{key}");
                        let checked_key = key.clone();
                        view! {
                            <span class="check">
                                <input
                                    type="checkbox"
                                    id=box_id.clone()
                                    prop:checked=move || selected.with(|s| s.contains(&checked_key))
                                    on:change=move |ev| toggle(key.clone(), event_target_checked(&ev))
                                />
                                <label for=box_id>{label}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <ChartView
                svg=svg
                label=t("assess.progress_chart_label")
            />
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="progress-table-caption">
                <table class="data-table progress-table">
                    <caption id="progress-table-caption">
                        {t("assess.progress_chart_caption")}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("assess.progress_chart_area")}</th>
                            {move || series.with(|points| points.iter().map(|p| {
                                let (name, day) = heading(p);
                                view! {
                                    <th scope="col">
                                        {name}
                                        {day.map(|d| view! { <br/><span class="muted">{d}</span> })}
                                    </th>
                                }
                            }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="total">
                            <th scope="row">{t("assess.progress_chart_index")}</th>
                            {move || series.with(|points| points.iter().map(|p| view! { <td>{cell(p.index)}</td> }).collect_view())}
                        </tr>
                        {content().areas.iter().map(|area| {
                            let area_id = area.id.clone();
                            view! {
                                <tr>
                                    <th scope="row">{area.name.clone()}</th>
                                    {move || series.with(|points| points.iter().map(|p| {
                                        view! { <td>{cell(p.score_of(&area_id))}</td> }
                                    }).collect_view())}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
