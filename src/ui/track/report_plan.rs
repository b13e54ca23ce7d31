//! The board report's plan parts: the roadmap (timeline and the next initiatives) and the budget
//! for the next four quarters. Figures come from [`crate::domain::roadmap`] and
//! [`crate::domain::budget`]; this file picks what a board reads and words it. An initiative's
//! effort reads as [`crate::ui::plan::units::effort_line`] says, one-off and ongoing only (the
//! least time shows in its dates, the outside cost in the budget).

use std::collections::HashSet;

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::charts::timeline;
use crate::domain::budget::{default_range, plan, undated_initiatives, BudgetCategory, Standing};
use crate::domain::roadmap::{deps, GroupBy, Initiative, InitiativeStatus};
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{date, l, t, tf};
use crate::ui::plan::budget_table::{amount, over_text, within_text};
use crate::ui::plan::initiative_edit::title_of;
use crate::ui::plan::roadmap_timeline::timeline_of;
use crate::ui::plan::units::{effort_line, initiative_facts, EffortFacts};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::track::report_table::{of_assessment, Column, ReportPart, ReportRow, ReportTable};

/// Initiatives in the "next initiatives" table.
const NEXT_INITIATIVES: usize = 10;
/// Quarters in the budget table.
const BUDGET_QUARTERS: usize = 4;
/// Width the timeline is drawn at; print and small screens scale it down.
const TIMELINE_WIDTH: u32 = 960;

/// The last day of work of a dated initiative (its `end` is the day after).
fn last_day(i: &Initiative) -> Option<NaiveDate> {
    i.end().map(|end| end.pred_opt().unwrap_or(end))
}

/// Open milestones whose last day of work is today or later, soonest first (ties keep roadmap
/// order), at most `n`.
pub fn next_milestones(items: &[Initiative], today: NaiveDate, n: usize) -> Vec<&Initiative> {
    let mut out: Vec<&Initiative> = items
        .iter()
        .filter(|i| i.milestone && i.is_open())
        .filter(|i| last_day(i).is_some_and(|d| d >= today))
        .collect();
    out.sort_by_key(|i| i.end());
    out.truncate(n);
    out
}

/// Open initiatives still ahead or under way (undated ones too), by start date with undated
/// ones last (ties keep roadmap order), at most `n`.
pub fn next_initiatives(items: &[Initiative], today: NaiveDate, n: usize) -> Vec<&Initiative> {
    let mut out: Vec<&Initiative> = items
        .iter()
        .filter(|i| i.is_open())
        .filter(|i| last_day(i).is_none_or(|d| d >= today))
        .collect();
    out.sort_by_key(|i| (i.start.is_none(), i.start));
    out.truncate(n);
    out
}

/// Open initiatives whose planned last day has passed: late, or their status is out of date.
pub fn past_due(items: &[Initiative], today: NaiveDate) -> usize {
    items
        .iter()
        .filter(|i| i.is_open())
        .filter(|i| last_day(i).is_some_and(|d| d < today))
        .count()
}

/// One category of one quarter, e.g. "$12,000 of $15,000", "⚠ $18,000 of $15,000" or "$900 (no
/// budget)", in the whole units of [`Standing`] (the Budget page shows the same figures).
pub fn category_text(s: &Standing, c: BudgetCategory, currency: &str) -> String {
    let planned = amount(s.planned(c), currency);
    match s.budget(c) {
        Some(b) => {
            let mark = if s.over(c).is_some() { "⚠ " } else { "" };
            let text = tf(
                "partners.report_plan_of_budget",
                &[("planned", &planned), ("budget", &amount(b, currency))],
            );
            format!("{mark}{text}")
        }
        None => tf("partners.report_plan_no_budget", &[("planned", &planned)]),
    }
}

#[component]
pub fn ReportRoadmap(today: NaiveDate) -> impl IntoView {
    let current = use_current();
    let summary = of_assessment(move |a| {
        let n = |s: InitiativeStatus| a.initiatives.iter().filter(|i| i.status == s).count();
        tf(
            "partners.report_plan_summary",
            &[
                ("total", &a.initiatives.len().to_string()),
                ("in_progress", &n(InitiativeStatus::InProgress).to_string()),
                ("planned", &n(InitiativeStatus::Planned).to_string()),
                ("done", &n(InitiativeStatus::Done).to_string()),
                ("dropped", &n(InitiativeStatus::Dropped).to_string()),
            ],
        )
    });
    let warnings = of_assessment(move |a| {
        let mut out = Vec::new();
        let conflicts = deps::conflicts(&a.initiatives).len();
        if conflicts > 0 {
            let key = if conflicts == 1 {
                "partners.report_plan_conflict_one"
            } else {
                "partners.report_plan_conflicts"
            };
            out.push(tf(key, &[("count", &conflicts.to_string())]));
        }
        let late = past_due(&a.initiatives, today);
        if late > 0 {
            let key = if late == 1 {
                "partners.report_plan_late_one"
            } else {
                "partners.report_plan_late"
            };
            out.push(tf(key, &[("count", &late.to_string())]));
        }
        out
    });
    let chart = Memo::new(move |_| {
        current.assessment.with(|a| {
            let flagged: HashSet<Uuid> = a
                .as_ref()
                .map(|a| {
                    deps::conflicts(&a.initiatives)
                        .into_iter()
                        .map(|c| c.initiative)
                        .collect()
                })
                .unwrap_or_default();
            timeline_of(a.as_ref(), today, GroupBy::Horizon, &flagged)
        })
    });
    let svg = Signal::derive(move || chart.with(|t| timeline::render(t, TIMELINE_WIDTH)));
    let rows = of_assessment(move |a| {
        next_initiatives(&a.initiatives, today, NEXT_INITIATIVES)
            .into_iter()
            .map(|i| {
                let when = match (i.start, last_day(i)) {
                    (Some(s), Some(e)) => tf(
                        "partners.report_plan_when",
                        &[("start", &date(s)), ("end", &date(e))],
                    ),
                    _ => t("partners.report_plan_not_dated").to_string(),
                };
                let owner = match i.owner.trim() {
                    "" => "–".to_string(),
                    o => o.to_string(),
                };
                let milestone = if i.milestone {
                    t("partners.report_plan_milestone")
                } else {
                    ""
                };
                ReportRow {
                    key: i.id.to_string(),
                    cells: vec![
                        format!("{}{milestone}", title_of(i)),
                        l(i.status.label()).to_string(),
                        when,
                        owner,
                        // The board reads the work; the least time is in the dates and the
                        // outside cost in the budget below, so the line stays short on paper.
                        effort_line(&EffortFacts {
                            at_least_weeks: None,
                            outside: None,
                            ..initiative_facts(crate::ui::i18n::content(), i)
                        }),
                    ],
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <ReportPart heading_id="report-roadmap-title" title=t("partners.report_plan_roadmap")>
            <p>{move || summary.get()}</p>
            {move || warnings.get().into_iter().map(|w| view! { <p class="warning-text">{w}</p> }).collect_view()}
            <div class="timeline-scroll">
                <ChartView svg label=t("partners.report_plan_timeline")/>
            </div>
            <ReportTable
                caption=tf("partners.report_plan_next_table", &[("count", &NEXT_INITIATIVES.to_string())])
                columns=vec![
                    Column::heading(t("partners.report_plan_initiative")),
                    Column::plain(t("partners.report_plan_status")),
                    Column::plain(t("partners.report_plan_when_col")),
                    Column::plain(t("partners.report_plan_owner")),
                    Column::plain(t("partners.report_plan_effort")),
                ]
                rows
                empty=t("partners.report_plan_no_initiative")
            />
        </ReportPart>
    }
}

#[component]
pub fn ReportBudget(today: NaiveDate) -> impl IntoView {
    let plans = of_assessment(move |a| {
        let (first, _) = default_range(a, today);
        plan(a, first, BUDGET_QUARTERS)
    });
    let currency = of_assessment(|a| a.profile.currency.clone());
    let rows = Memo::new(move |_| {
        let currency = currency.get();
        plans.with(|ps| {
            ps.iter()
                .map(|p| {
                    let s = Standing::of(p);
                    let planned = amount(s.planned_total(), &currency);
                    let total = match s.budget_total() {
                        Some(b) => tf(
                            "partners.report_plan_of_budget",
                            &[("planned", &planned), ("budget", &amount(b, &currency))],
                        ),
                        None => tf("partners.report_plan_no_budget", &[("planned", &planned)]),
                    };
                    let status = match (over_text(&s, &currency), within_text(&s, &currency)) {
                        (Some(text), _) => format!("⚠ {text}"),
                        (None, Some(text)) => text,
                        (None, None) => t("partners.report_plan_nothing_to_compare").to_string(),
                    };
                    let mut cells = vec![p.quarter.to_string()];
                    cells.extend(BudgetCategory::ALL.map(|c| category_text(&s, c, &currency)));
                    cells.extend([total, status]);
                    ReportRow {
                        key: p.quarter.to_string(),
                        cells,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let mut columns = vec![Column::heading(t("partners.report_plan_quarter"))];
    columns.extend(BudgetCategory::ALL.map(|c| Column::plain(l(c.label()))));
    columns.extend([
        Column::plain(t("partners.report_plan_total")),
        Column::plain(t("partners.report_plan_over")),
    ]);
    let undated = of_assessment(|a| undated_initiatives(a).len());
    view! {
        <ReportPart heading_id="report-budget-title" title=t("partners.report_plan_budget")>
            <p class="muted">{t("partners.report_plan_budget_intro")}</p>
            <ReportTable
                caption=tf("partners.report_plan_budget_table", &[("count", &BUDGET_QUARTERS.to_string())])
                columns
                rows
            />
            <Show when=move || { undated.get() > 0 }>
                <p class="warning-text">
                    {move || match undated.get() {
                        1 => t("partners.report_plan_undated_one").to_string(),
                        n => tf("partners.report_plan_undated", &[("count", &n.to_string())]),
                    }}
                </p>
            </Show>
        </ReportPart>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::Quarter;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn item(n: u128, start: Option<NaiveDate>, weeks: u32) -> Initiative {
        let mut i = Initiative::new(Uuid::from_u128(n), format!("i{n}"));
        i.start = start;
        i.duration_weeks = weeks;
        i
    }

    fn titles(list: Vec<&Initiative>) -> Vec<&str> {
        list.into_iter().map(|i| i.title.as_str()).collect()
    }

    #[test]
    fn next_milestones_are_open_ahead_and_soonest_first() {
        let today = day(2026, 3, 1);
        let mut items = vec![
            item(1, Some(day(2026, 5, 1)), 4),
            item(2, Some(day(2026, 2, 1)), 4), // last day 28 Feb: passed
            item(3, Some(day(2026, 2, 23)), 1), // last day 1 Mar: today, still ahead
            item(4, Some(day(2026, 4, 1)), 2),
            item(5, None, 2),
            item(6, Some(day(2026, 4, 1)), 1),
            item(7, Some(day(2026, 3, 10)), 1),
        ];
        for i in &mut items {
            i.milestone = true;
        }
        items[5].status = InitiativeStatus::Done;
        items[6].milestone = false;
        assert_eq!(
            titles(next_milestones(&items, today, 3)),
            vec!["i3", "i4", "i1"]
        );
        assert_eq!(next_milestones(&items, today, 10).len(), 3);
    }

    #[test]
    fn next_initiatives_skip_finished_and_put_undated_last() {
        let today = day(2026, 3, 1);
        let mut items = vec![
            item(1, None, 4),
            item(2, Some(day(2026, 6, 1)), 4),
            item(3, Some(day(2026, 1, 5)), 2), // ended in January but still "planned"
            item(4, Some(day(2026, 2, 16)), 4), // under way
            item(5, Some(day(2026, 4, 1)), 4),
        ];
        items[4].status = InitiativeStatus::Dropped;
        assert_eq!(
            titles(next_initiatives(&items, today, 10)),
            vec!["i4", "i2", "i1"]
        );
        assert_eq!(titles(next_initiatives(&items, today, 1)), vec!["i4"]);
        assert_eq!(past_due(&items, today), 1);
        items[2].status = InitiativeStatus::Done;
        assert_eq!(past_due(&items, today), 0);
    }

    #[test]
    fn category_text_says_planned_of_budget_and_marks_over() {
        let mut p = crate::domain::budget::QuarterPlan::new(Quarter { year: 2026, q: 2 });
        p.planned = [12_000.4, 900.0, 0.0, 5000.0];
        p.budget = [Some(15_000.0), None, Some(0.0), Some(4000.0)];
        let s = Standing::of(&p);
        assert_eq!(
            category_text(&s, BudgetCategory::People, "USD"),
            "$12,000 of $15,000"
        );
        assert_eq!(
            category_text(&s, BudgetCategory::ToolsVendors, "USD"),
            "$900 (no budget)"
        );
        assert_eq!(
            category_text(&s, BudgetCategory::Infrastructure, ""),
            "0 of 0"
        );
        assert_eq!(
            category_text(&s, BudgetCategory::Partner, "EUR"),
            "⚠ €5,000 of €4,000"
        );
    }
}
