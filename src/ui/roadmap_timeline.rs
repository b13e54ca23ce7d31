//! The roadmap timeline: one bar per dated initiative, grouped by area or by horizon, with a
//! today line, milestones and dependency conflicts marked; and beside it the same initiatives as
//! a list, which is the chart's text alternative and the way into editing each one.

use std::collections::HashSet;

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use super::chart_view::ChartView;
use super::initiative_edit::{show_date, title_of};
use super::numbers::{format_amount, trim_number};
use super::pages::assessment::use_current;
use crate::charts::timeline::{self, Bar, Group, Timeline};
use crate::content;
use crate::domain::roadmap::{deps, grouped, GroupBy, InitiativeStatus};
use crate::domain::Assessment;

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
            grouped(content::get(), &a.initiatives, today, by)
                .into_iter()
                .map(|(label, list)| Group {
                    label,
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
                                format!(
                                    "“{}” starts on {}, before “{}” ends on {}.",
                                    name(c.initiative),
                                    show_date(c.starts),
                                    name(c.dependency),
                                    show_date(c.dependency_ends)
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
            grouped(content::get(), &a.initiatives, today, by.get())
                .into_iter()
                .map(|(label, list)| {
                    let rows = list
                        .into_iter()
                        .map(|i| Row {
                            id: i.id,
                            title: title_of(i),
                            status: i.status,
                            dates: match (i.start, i.end()) {
                                (Some(s), Some(e)) => format!(
                                    "{} to {} ({} weeks)",
                                    show_date(s),
                                    show_date(e - chrono::Days::new(1)),
                                    i.duration_weeks
                                ),
                                _ => format!("Not dated ({} weeks)", i.duration_weeks),
                            },
                            effort: format!("{} person-weeks", trim_number(i.effort_weeks)),
                            cost: cost_text(i.one_off_cost, i.monthly_cost),
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
                    (label, rows)
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
            format!(
                "{} initiatives: {} in progress, {} planned, {} done, {} dropped; {} not dated yet.",
                a.initiatives.len(),
                n(InitiativeStatus::InProgress),
                n(InitiativeStatus::Planned),
                n(InitiativeStatus::Done),
                n(InitiativeStatus::Dropped),
                undated
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
            <p class="empty">
                "No initiatives yet. Use “Suggest from gaps” to start from the assessment, or add one yourself."
            </p>
        }>
            <p data-testid="roadmap-summary">{move || counts.get()}</p>
            <Show when=move || !conflicts.with(Vec::is_empty)>
                <div class="warning-box" role="note" aria-labelledby="conflicts-title">
                    <h3 id="conflicts-title">"⚠ Dependency conflicts"</h3>
                    <ul>
                        {move || conflicts.get().into_iter().map(|(iid, text)| view! {
                            <li><A href=format!("/a/{id}/roadmap/{iid}")>{text}</A></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <div class="field inline">
                <label for="roadmap-group-by">"Group by"</label>
                <select id="roadmap-group-by" on:change=move |ev| {
                    by.set(if event_target_value(&ev) == "horizon" { GroupBy::Horizon } else { GroupBy::Area })
                }>
                    <option value="area" selected=move || by.get() == GroupBy::Area>"Area"</option>
                    <option value="horizon" selected=move || by.get() == GroupBy::Horizon>"Horizon (now, next, later)"</option>
                </select>
            </div>
            <div class="timeline-scroll" data-testid="roadmap-timeline">
                <ChartView svg label="Roadmap timeline: one bar per dated initiative; the list below has the same initiatives"/>
            </div>
            <p class="hint">
                "The legend above the chart names the colours and marks. Dropped and undated "
                "initiatives appear only in the list below, where every initiative opens for editing."
            </p>
            <div class="table-scroll">
                <table class="data-table roadmap-list">
                    <caption>"Initiatives on the roadmap"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Initiative"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"When"</th>
                            <th scope="col">"Effort"</th>
                            <th scope="col">"Cost"</th>
                            <th scope="col">"Waits for"</th>
                        </tr>
                    </thead>
                    {move || groups.get().into_iter().map(|(label, rows)| view! {
                        <tbody>
                            <tr class="group-row"><th scope="rowgroup" colspan="6">{label}</th></tr>
                            {rows.into_iter().map(|r| view! {
                                <tr data-testid="initiative-row">
                                    <th scope="row">
                                        <A href=format!("/a/{id}/roadmap/{}", r.id)>{r.title}</A>
                                        {r.milestone.then_some(" ◆ milestone")}
                                        {r.conflict.then(|| view! { <span class="flag">" ⚠ conflict"</span> })}
                                    </th>
                                    <td>{r.status.label()}</td>
                                    <td>{r.dates}</td>
                                    <td>{r.effort}</td>
                                    <td>{r.cost}</td>
                                    <td>{if r.waits_for.is_empty() { "—".to_string() } else { r.waits_for.join("; ") }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    }).collect_view()}
                </table>
            </div>
        </Show>
    }
}

fn cost_text(one_off: Option<f64>, monthly: Option<f64>) -> String {
    match (one_off, monthly) {
        (None, None) => "—".to_string(),
        (Some(o), None) => format!("{} once", format_amount(o)),
        (None, Some(m)) => format!("{} per month", format_amount(m)),
        (Some(o), Some(m)) => format!("{} once + {} per month", format_amount(o), format_amount(m)),
    }
}
