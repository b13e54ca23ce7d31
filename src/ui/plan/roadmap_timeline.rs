//! The roadmap timeline: one bar per dated initiative, grouped by area or by horizon, with a
//! today line, milestones and dependency conflicts marked; and beside it the same initiatives as
//! a list, which is the chart's text alternative and the way into editing each one.

use std::collections::HashSet;

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::charts::timeline::{self, Bar, Group, Timeline};
use crate::domain::roadmap::{deps, grouped, GroupBy, Horizon, InitiativeStatus, NO_AREA};
use crate::domain::Assessment;
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{content, l, t, tf};
use crate::ui::plan::initiative_cost::{cost_cell, cost_of, QuarterCostTable};
use crate::ui::plan::initiative_edit::{show_date, title_of};
use crate::ui::plan::units;
use crate::ui::shell::assessment_frame::use_current;

/// Width the timeline is drawn at; the page scales it down on small screens.
const WIDTH: u32 = 1100;

/// One row of the list under the chart.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Uuid,
    title: String,
    status: InitiativeStatus,
    dates: String,
    effort: String,
    cost: String,
    waits_for: Vec<String>,
    milestone: bool,
    conflict: bool,
}

/// A group's label in the language in use. Area names come translated with the content; the
/// horizons and "No area" come from the model in English.
fn group_label(label: String) -> String {
    if label == NO_AREA {
        return t("plan.roadmap_timeline_no_area").to_string();
    }
    Horizon::ALL
        .into_iter()
        .find(|h| h.label() == label)
        .map(|h| l(h.label()).to_string())
        .unwrap_or(label)
}

/// The timeline chart's data: dated, not-dropped initiatives in their groups, conflicts marked.
/// Shared by the roadmap and the board report.
pub fn timeline_of(
    a: Option<&Assessment>,
    today: NaiveDate,
    by: GroupBy,
    flagged: &HashSet<Uuid>,
) -> Timeline {
    let groups = a
        .map(|a| {
            grouped(content(), &a.initiatives, today, by)
                .into_iter()
                .map(|(label, list)| Group {
                    label: group_label(label),
                    bars: list
                        .into_iter()
                        .filter(|i| i.status != InitiativeStatus::Dropped)
                        .filter_map(|i| {
                            Some(Bar {
                                label: title_of(i),
                                start: i.start?,
                                end: i.end()?,
                                milestone: i.milestone,
                                conflict: flagged.contains(&i.id),
                                status: i.status,
                            })
                        })
                        .collect(),
                })
                .filter(|g| !g.bars.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Timeline { groups, today }
}

#[component]
pub fn RoadmapTimeline() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let by = RwSignal::new(GroupBy::Area);
    let today = Local::now().date_naive();
    let conflicts = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    deps::conflicts(&a.initiatives)
                        .into_iter()
                        .map(|c| {
                            let name = |x: Uuid| {
                                a.initiatives
                                    .iter()
                                    .find(|i| i.id == x)
                                    .map(title_of)
                                    .unwrap_or_default()
                            };
                            (
                                c.initiative,
                                tf(
                                    "plan.roadmap_timeline_conflict",
                                    &[
                                        ("initiative", &name(c.initiative)),
                                        ("starts", &show_date(c.starts)),
                                        ("dependency", &name(c.dependency)),
                                        ("ends", &show_date(c.dependency_ends)),
                                    ],
                                ),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let groups = Memo::new(move |_| {
        let flagged: HashSet<Uuid> = conflicts.with(|c| c.iter().map(|x| x.0).collect());
        current.assessment.with(|a| {
            let Some(a) = a.as_ref() else {
                return Vec::new();
            };
            grouped(content(), &a.initiatives, today, by.get())
                .into_iter()
                .map(|(label, list)| {
                    let rows = list
                        .into_iter()
                        .map(|i| Row {
                            id: i.id,
                            title: title_of(i),
                            status: i.status,
                            dates: match (i.start, i.end()) {
                                (Some(s), Some(e)) => tf(
                                    "plan.roadmap_timeline_dates",
                                    &[
                                        ("start", &show_date(s)),
                                        ("end", &show_date(e - chrono::Days::new(1))),
                                        ("weeks", &units::weeks(f64::from(i.duration_weeks))),
                                    ],
                                ),
                                _ => tf(
                                    "plan.roadmap_timeline_not_dated",
                                    &[("weeks", &units::weeks(f64::from(i.duration_weeks)))],
                                ),
                            },
                            effort: units::person_weeks(i.effort_weeks),
                            cost: cost_cell(&cost_of(a, i), &a.profile.currency),
                            waits_for: i
                                .depends_on
                                .iter()
                                .filter_map(|d| a.initiatives.iter().find(|x| x.id == *d))
                                .map(title_of)
                                .collect(),
                            milestone: i.milestone,
                            conflict: flagged.contains(&i.id),
                        })
                        .collect::<Vec<_>>();
                    (group_label(label), rows)
                })
                .collect::<Vec<_>>()
        })
    });
    let chart = Memo::new(move |_| {
        let flagged: HashSet<Uuid> = conflicts.with(|c| c.iter().map(|x| x.0).collect());
        current
            .assessment
            .with(|a| timeline_of(a.as_ref(), today, by.get(), &flagged))
    });
    let svg = Signal::derive(move || chart.with(|t| timeline::render(t, WIDTH)));
    let counts = Memo::new(move |_| {
        current.assessment.with(|a| {
            let Some(a) = a.as_ref() else {
                return String::new();
            };
            let n = |s: InitiativeStatus| a.initiatives.iter().filter(|i| i.status == s).count();
            let undated = a
                .initiatives
                .iter()
                .filter(|i| i.start.is_none() && i.status != InitiativeStatus::Dropped)
                .count();
            tf(
                "plan.roadmap_timeline_counts",
                &[
                    ("total", &a.initiatives.len().to_string()),
                    ("in_progress", &n(InitiativeStatus::InProgress).to_string()),
                    ("planned", &n(InitiativeStatus::Planned).to_string()),
                    ("done", &n(InitiativeStatus::Done).to_string()),
                    ("dropped", &n(InitiativeStatus::Dropped).to_string()),
                    ("undated", &undated.to_string()),
                ],
            )
        })
    });
    let empty = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().is_none_or(|a| a.initiatives.is_empty()))
    });
    view! {
        <Show when=move || !empty.get() fallback=|| view! {
            <p class="empty">{t("plan.roadmap_timeline_empty")}</p>
        }>
            <p data-testid="roadmap-summary">{move || counts.get()}</p>
            <Show when=move || !conflicts.with(Vec::is_empty)>
                <div class="warning-box" role="note" aria-labelledby="conflicts-title">
                    <h3 id="conflicts-title">{t("plan.roadmap_timeline_conflicts_title")}</h3>
                    <ul>
                        {move || conflicts.get().into_iter().map(|(iid, text)| view! {
                            <li><A href=format!("/a/{id}/roadmap/{iid}")>{text}</A></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <div class="field inline">
                <label for="roadmap-group-by">{t("plan.roadmap_timeline_group_by")}</label>
                <select id="roadmap-group-by" on:change=move |ev| {
                    by.set(if event_target_value(&ev) == "horizon" { GroupBy::Horizon } else { GroupBy::Area })
                }>
                    <option value="area" selected=move || by.get() == GroupBy::Area>{t("plan.roadmap_timeline_by_area")}</option>
                    <option value="horizon" selected=move || by.get() == GroupBy::Horizon>{t("plan.roadmap_timeline_by_horizon")}</option>
                </select>
            </div>
            <div class="timeline-scroll" data-testid="roadmap-timeline">
                <ChartView svg label=t("plan.roadmap_timeline_chart_label")/>
            </div>
            <p class="hint">{t("plan.roadmap_timeline_hint")}</p>
            <div class="table-scroll">
                <table class="data-table roadmap-list">
                    <caption>{t("plan.roadmap_timeline_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("plan.roadmap_timeline_initiative")}</th>
                            <th scope="col">{t("plan.roadmap_timeline_status")}</th>
                            <th scope="col">{t("plan.roadmap_timeline_when")}</th>
                            <th scope="col">{t("plan.roadmap_timeline_effort_col")}</th>
                            <th scope="col">{t("plan.roadmap_timeline_cost")}</th>
                            <th scope="col">{t("plan.roadmap_timeline_waits_for")}</th>
                        </tr>
                    </thead>
                    {move || groups.get().into_iter().map(|(label, rows)| view! {
                        <tbody>
                            <tr class="group-row"><th scope="rowgroup" colspan="6">{label}</th></tr>
                            {rows.into_iter().map(|r| view! {
                                <tr data-testid="initiative-row">
                                    <th scope="row">
                                        <A href=format!("/a/{id}/roadmap/{}", r.id)>{r.title}</A>
                                        {r.milestone.then(|| format!(" {}", t("plan.roadmap_timeline_milestone")))}
                                        {r.conflict.then(|| view! { <span class="flag">" "{t("plan.roadmap_timeline_conflict_flag")}</span> })}
                                    </th>
                                    <td>{l(r.status.label())}</td>
                                    <td>{r.dates}</td>
                                    <td>{r.effort}</td>
                                    <td data-testid="initiative-cost-cell">{r.cost}</td>
                                    <td>{if r.waits_for.is_empty() { "—".to_string() } else { r.waits_for.join("; ") }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    }).collect_view()}
                </table>
            </div>
            <QuarterCostTable/>
        </Show>
    }
}
