//! Planned spend per quarter and category, set against the agreed budget.
//!
//! Owns: [`QuarterPlan`], [`Source`], [`plan`], [`default_range`], [`undated_initiatives`] and
//! [`Budget::set_amount`].
//! Pure functions over an [`Assessment`]: "today" comes in as an argument, never from the clock.
//!
//! Where planned spend comes from (these rules are shown to users, keep them in plain words):
//!
//! - **Initiatives** that are not dropped: the one-off cost in the quarter the work starts, and
//!   the monthly cost for every day from the start up to (not including) the end, into the
//!   initiative's cost category. Undated initiatives are not counted. A step's outside cost (an
//!   auditor's fee) is its one-off cost.
//! - **Ongoing work after initiatives**: an initiative's ongoing effort (person-weeks a quarter)
//!   valued at the person-week rate, a third of it each month from the initiative's end onwards,
//!   for every initiative not dropped, into its cost category; counted, like the initiatives'
//!   work, only when no existing payroll pays for it.
//! - **Team**: every person's monthly cost in every month (they are on the team now), and each
//!   planned change (hire, contractor, training) from its date onwards, plus its one-off cost in
//!   the quarter of its date. All of it is People.
//! - **Inventory**: items in use or being phased out, every month: software is Tools and
//!   vendors; hardware, networking and storage are Infrastructure.
//! - **Running costs**: every day from their start to their end date (both included), or on
//!   and on when there is no end, into their category.
//!
//! A monthly amount M spread over part of a month counts M / (days in that month) per day, so
//! 1000 a month from 15 March to 14 April is 17/31 × 1000 in March and 14/30 × 1000 in April.
//! Amounts that are not numbers, infinite or below zero are ignored.

use chrono::{Datelike, Days, NaiveDate};

use super::{Budget, BudgetCategory, Quarter, QuarterBudget};
use crate::domain::context::{monthly_cost_by_category, Category};
use crate::domain::roadmap::{Initiative, InitiativeStatus};
use crate::domain::Assessment;

/// Most quarters [`plan`] computes (25 years); a longer request is cut to this.
pub const MAX_PLAN_QUARTERS: usize = 100;
/// Fewest quarters [`default_range`] shows.
pub const MIN_RANGE_QUARTERS: usize = 4;
/// Most quarters [`default_range`] shows.
pub const MAX_RANGE_QUARTERS: usize = 12;
/// Planned spend above the budget by less than this (half a cent) is rounding, not "over".
pub const OVER_TOLERANCE: f64 = 0.005;

/// Where a planned amount comes from. The first three are the plan's new spend, the others the
/// running costs the company pays anyway ([`Source::is_new_spend`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// Initiatives' one-off and monthly costs.
    Initiatives,
    /// Initiatives' effort valued at the person-week rate, when no existing payroll pays it.
    InitiativeWork,
    /// Planned hires, contractors and training (the Team plan's changes).
    TeamChanges,
    /// Today's people on the Team: the existing payroll.
    Team,
    Inventory,
    RunningCosts,
    /// Initiatives' ongoing effort after they end, valued at the person-week rate, when no
    /// existing payroll pays it.
    OngoingWork,
}

impl Source {
    pub const ALL: [Source; 7] = [
        Source::Initiatives,
        Source::InitiativeWork,
        Source::TeamChanges,
        Source::Team,
        Source::Inventory,
        Source::RunningCosts,
        Source::OngoingWork,
    ];

    /// The catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Source::Initiatives => "money.source_initiatives",
            Source::InitiativeWork => "money.source_initiative_work",
            Source::TeamChanges => "money.source_team_changes",
            Source::Team => "money.source_payroll",
            Source::Inventory => "money.source_inventory",
            Source::RunningCosts => "money.source_running_costs",
            Source::OngoingWork => "effort.source_ongoing_work",
        }
    }

    /// True for the plan's new spend (initiatives and team changes), false for what the company
    /// already pays (payroll, inventory, running costs).
    pub fn is_new_spend(self) -> bool {
        matches!(
            self,
            Source::Initiatives
                | Source::InitiativeWork
                | Source::TeamChanges
                | Source::OngoingWork
        )
    }

    /// Position in [`Source::ALL`], for per-source arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One quarter: planned spend and agreed budget per category, and where the spend comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterPlan {
    pub quarter: Quarter,
    /// Planned spend by [`BudgetCategory::index`].
    pub planned: [f64; 4],
    /// Agreed budget by [`BudgetCategory::index`]; `None` where nothing was agreed.
    pub budget: [Option<f64>; 4],
    /// Planned spend by [`Source::index`], then [`BudgetCategory::index`]; each category's
    /// sources add up to its `planned` amount.
    pub sources: [[f64; 4]; 7],
}

impl QuarterPlan {
    /// An empty quarter: nothing planned, no budget.
    pub fn new(quarter: Quarter) -> Self {
        QuarterPlan {
            quarter,
            planned: [0.0; 4],
            budget: [None; 4],
            sources: [[0.0; 4]; 7],
        }
    }

    /// Planned spend in all categories.
    pub fn planned_total(&self) -> f64 {
        self.planned.iter().sum()
    }

    /// The agreed budget over the categories that have one; `None` when none has.
    pub fn budget_total(&self) -> Option<f64> {
        self.budget
            .iter()
            .flatten()
            .copied()
            .reduce(|sum, v| sum + v)
    }

    /// How much planned spend in `category` exceeds its budget; `None` when no budget is set
    /// for it or the spend stays within it.
    pub fn over(&self, category: BudgetCategory) -> Option<f64> {
        let i = category.index();
        let budget = self.budget[i]?;
        let over = self.planned[i] - budget;
        (over > OVER_TOLERANCE).then_some(over)
    }

    /// The categories over budget, with the amount over each.
    pub fn over_categories(&self) -> Vec<(BudgetCategory, f64)> {
        BudgetCategory::ALL
            .into_iter()
            .filter_map(|c| self.over(c).map(|v| (c, v)))
            .collect()
    }

    /// The amounts over budget added up across categories (what would have to be cut for
    /// every category to fit its budget); `None` when no category is over. An underspend in one
    /// category does not make up for an overspend in another: each budget is agreed on its own.
    pub fn over_total(&self) -> Option<f64> {
        self.over_categories()
            .into_iter()
            .map(|(_, v)| v)
            .reduce(|sum, v| sum + v)
    }

    /// The plan's new spend in all categories (see [`Source::is_new_spend`]).
    pub fn new_spend(&self) -> f64 {
        Source::ALL
            .into_iter()
            .filter(|s| s.is_new_spend())
            .map(|s| self.source_total(s))
            .sum()
    }

    /// Planned spend from `source` in all categories.
    pub fn source_total(&self, source: Source) -> f64 {
        self.sources[source.index()].iter().sum()
    }

    fn add(&mut self, source: Source, category: BudgetCategory, amount: f64) {
        self.planned[category.index()] += amount;
        self.sources[source.index()][category.index()] += amount;
    }
}

impl Quarter {
    /// The quarter `n` quarters after this one (before it when `n` is negative).
    pub fn plus(self, n: i64) -> Quarter {
        let ordinal = self.ordinal() + n;
        Quarter {
            year: i32::try_from(ordinal.div_euclid(4)).unwrap_or(self.year),
            q: ordinal.rem_euclid(4) as u8 + 1,
        }
    }

    /// How many quarters after `earlier` this one is (negative when before it).
    pub fn since(self, earlier: Quarter) -> i64 {
        self.ordinal() - earlier.ordinal()
    }

    /// Last day of the quarter.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    fn ordinal(self) -> i64 {
        i64::from(self.year) * 4 + i64::from(self.q.clamp(1, 4)) - 1
    }
}

impl Budget {
    /// Sets the agreed budget of `category` in `quarter`, adding the quarter's entry when it has
    /// none yet. Clearing an amount keeps the entry (it may hold other categories, and it keeps
    /// the quarter in the default range while the user is editing it).
    pub fn set_amount(&mut self, quarter: Quarter, category: BudgetCategory, amount: Option<f64>) {
        if let Some(entry) = self.quarters.iter_mut().find(|b| b.quarter == quarter) {
            *entry.amount_mut(category) = amount;
        } else if amount.is_some() {
            let mut entry = QuarterBudget::new(quarter);
            *entry.amount_mut(category) = amount;
            self.quarters.push(entry);
        }
    }
}

/// A usable amount: finite and not below zero.
fn amount(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite() && *v >= 0.0)
}

fn category_of(c: Category) -> BudgetCategory {
    match c {
        Category::Software => BudgetCategory::ToolsVendors,
        Category::Hardware | Category::Networking | Category::Storage => {
            BudgetCategory::Infrastructure
        }
    }
}

/// The quarters being planned and the accumulation into them.
struct Plans {
    first: Quarter,
    start: NaiveDate,
    /// The day after the last quarter.
    end: NaiveDate,
    quarters: Vec<QuarterPlan>,
}

impl Plans {
    fn new(first: Quarter, count: usize) -> Self {
        let quarters: Vec<QuarterPlan> = (0..count)
            .map(|i| QuarterPlan::new(first.plus(i as i64)))
            .collect();
        let end = first.plus(count as i64).first_day();
        Plans {
            first,
            start: first.first_day(),
            end,
            quarters,
        }
    }

    fn at(&mut self, q: Quarter) -> Option<&mut QuarterPlan> {
        let i = usize::try_from(q.since(self.first)).ok()?;
        self.quarters.get_mut(i)
    }

    /// Adds `value` once, in the quarter holding `date`.
    fn once(&mut self, date: NaiveDate, source: Source, category: BudgetCategory, value: f64) {
        if let Some(p) = self.at(Quarter::of(date)) {
            p.add(source, category, value);
        }
    }

    /// Adds `monthly` pro rata by day over `[from, until)`; `None` runs to the end of the plan.
    fn monthly(
        &mut self,
        from: NaiveDate,
        until: Option<NaiveDate>,
        source: Source,
        category: BudgetCategory,
        monthly: f64,
    ) -> f64 {
        let mut added = 0.0;
        let from = from.max(self.start);
        let until = until.map_or(self.end, |u| u.min(self.end));
        let mut day = from;
        // One step per month: at most 3 × MAX_PLAN_QUARTERS steps.
        while day < until {
            let month_start = day.with_day(1).unwrap_or(day);
            let Some(next_month) = month_start.checked_add_months(chrono::Months::new(1)) else {
                break;
            };
            let in_month = (next_month - month_start).num_days() as f64;
            let seg_end = next_month.min(until);
            let days = (seg_end - day).num_days() as f64;
            if let Some(p) = self.at(Quarter::of(day)) {
                let v = monthly * (days / in_month);
                p.add(source, category, v);
                added += v;
            }
            day = seg_end;
        }
        added
    }

    /// Adds `total` spread evenly by day over `[from, until)`, split at quarter edges.
    fn evenly(
        &mut self,
        from: NaiveDate,
        until: NaiveDate,
        source: Source,
        category: BudgetCategory,
        total: f64,
    ) {
        let all_days = (until - from).num_days();
        if all_days <= 0 {
            return;
        }
        let mut day = from;
        // One step per quarter: at most MAX_PLAN_QUARTERS steps inside the plan.
        while day < until {
            let q = Quarter::of(day);
            let seg_end = q.next().first_day().min(until);
            let days = (seg_end - day).num_days() as f64;
            if let Some(p) = self.at(q) {
                p.add(source, category, total * days / all_days as f64);
            }
            if seg_end <= day {
                break;
            }
            day = seg_end;
        }
    }
}

/// What one initiative costs, by the rules in the module documentation plus its effort valued
/// at the person-week rate. Computed only by [`initiative_cost`]; every page shows this.
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeCost {
    /// Effort × rate; `None` when no rate is known (no Team costs and no rate set).
    pub work: Option<f64>,
    /// The one-off cost (0 when none).
    pub one_off: f64,
    /// The monthly cost over the initiative's dates, pro rata by day; `None` when it has a
    /// monthly cost but no dates to count it over.
    pub running: Option<f64>,
    /// Per quarter from its start: (quarter, effort valued at the rate, one-off and monthly
    /// costs). Empty when undated.
    pub quarters: Vec<(Quarter, f64, f64)>,
    /// The ongoing effort valued at the rate, per quarter after the end; not part of
    /// [`InitiativeCost::total`], since it never ends. `None` when no rate is known, 0 when the
    /// work is one-off.
    pub ongoing_per_quarter: Option<f64>,
}

impl InitiativeCost {
    /// The parts that are known, added up.
    pub fn total(&self) -> f64 {
        self.work.unwrap_or(0.0) + self.one_off + self.running.unwrap_or(0.0)
    }

    /// True when every part is known (a rate, and dates when there is a monthly cost).
    pub fn is_complete(&self) -> bool {
        self.work.is_some() && self.running.is_some()
    }
}

/// One initiative's cost: effort_weeks × `rate` (spread evenly by day over its dates) + the
/// one-off cost (in its start quarter) + the monthly cost pro rata by day from its start up to
/// its end, exactly as [`plan`] counts them. Negative or non-finite figures count as nothing.
pub fn initiative_cost(i: &Initiative, rate: Option<f64>) -> InitiativeCost {
    let rate = rate.filter(|r| r.is_finite() && *r >= 0.0);
    let effort = if i.effort_weeks.is_finite() && i.effort_weeks > 0.0 {
        i.effort_weeks
    } else {
        0.0
    };
    let work = rate.map(|r| effort * r);
    let ongoing_per_quarter = rate.map(|r| i.recurring() * r);
    let one_off = amount(i.one_off_cost).unwrap_or(0.0);
    let monthly = amount(i.monthly_cost).unwrap_or(0.0);
    let (Some(start), Some(end)) = (i.start, i.end()) else {
        return InitiativeCost {
            work,
            one_off,
            running: (monthly == 0.0).then_some(0.0),
            quarters: Vec::new(),
            ongoing_per_quarter,
        };
    };
    let first = Quarter::of(start);
    let last = Quarter::of(end.pred_opt().unwrap_or(end));
    let count = usize::try_from(last.since(first) + 1).unwrap_or(1);
    let mut plans = Plans::new(first, count.clamp(1, MAX_PLAN_QUARTERS));
    let category = i.cost_category;
    if let Some(w) = work {
        plans.evenly(start, end, Source::InitiativeWork, category, w);
    }
    plans.once(start, Source::Initiatives, category, one_off);
    let running = plans.monthly(start, Some(end), Source::Initiatives, category, monthly);
    InitiativeCost {
        work,
        one_off,
        running: Some(running),
        quarters: plans
            .quarters
            .iter()
            .map(|p| {
                (
                    p.quarter,
                    p.source_total(Source::InitiativeWork),
                    p.source_total(Source::Initiatives),
                )
            })
            .collect(),
        ongoing_per_quarter,
    }
}

/// The cost of the initiatives that are not dropped, added up per quarter (effort valued at the
/// rate included), over every quarter from the first dated one's start to the last one's end,
/// with the quarters in between that hold nothing. Undated initiatives are not counted.
pub fn initiative_totals(a: &Assessment) -> Vec<(Quarter, f64)> {
    let rate = crate::domain::costs::person_week_rate(a).map(|r| r.per_week);
    let mut by_quarter: std::collections::BTreeMap<Quarter, f64> = Default::default();
    for i in a
        .initiatives
        .iter()
        .filter(|i| i.status != InitiativeStatus::Dropped)
    {
        for (q, work, other) in initiative_cost(i, rate).quarters {
            *by_quarter.entry(q).or_default() += work + other;
        }
    }
    let (Some(first), Some(last)) = (
        by_quarter.keys().next().copied(),
        by_quarter.keys().last().copied(),
    ) else {
        return Vec::new();
    };
    let count = usize::try_from(last.since(first) + 1).unwrap_or(0);
    (0..count.min(MAX_PLAN_QUARTERS))
        .map(|n| {
            let q = first.plus(n as i64);
            (q, by_quarter.get(&q).copied().unwrap_or(0.0))
        })
        .collect()
}

/// Planned spend and budget for `count` quarters from `first` (at most [`MAX_PLAN_QUARTERS`]),
/// following the rules in the module documentation.
pub fn plan(a: &Assessment, first: Quarter, count: usize) -> Vec<QuarterPlan> {
    let mut plans = Plans::new(first, count.min(MAX_PLAN_QUARTERS));

    // The effort is new spend only when no existing payroll pays for it: when the rate is one
    // the founder set, not derived from the Team's people (see [`crate::domain::costs`]).
    let rate = crate::domain::costs::person_week_rate(a);
    let work_rate = rate.filter(|r| !r.paid_by_payroll()).map(|r| r.per_week);
    for i in a
        .initiatives
        .iter()
        .filter(|i| i.status != InitiativeStatus::Dropped)
    {
        for (q, work, other) in initiative_cost(i, work_rate).quarters {
            if let Some(p) = plans.at(q) {
                p.add(Source::InitiativeWork, i.cost_category, work);
                p.add(Source::Initiatives, i.cost_category, other);
            }
        }
        if let (Some(r), Some(end)) = (work_rate, i.end()) {
            let per_quarter = i.recurring() * r;
            if per_quarter > 0.0 {
                plans.monthly(
                    end,
                    None,
                    Source::OngoingWork,
                    i.cost_category,
                    per_quarter / 3.0,
                );
            }
        }
    }

    let people = BudgetCategory::People;
    for p in &a.team.people {
        if let Some(v) = amount(p.monthly_cost) {
            plans.monthly(plans.start, None, Source::Team, people, v);
        }
    }
    for c in &a.team.changes {
        if let Some(v) = amount(c.monthly_cost) {
            plans.monthly(c.date, None, Source::TeamChanges, people, v);
        }
        if let Some(v) = amount(c.one_off_cost) {
            plans.once(c.date, Source::TeamChanges, people, v);
        }
    }

    for (c, v) in monthly_cost_by_category(&a.inventory) {
        if let Some(v) = amount(Some(v)).filter(|v| *v > 0.0) {
            plans.monthly(plans.start, None, Source::Inventory, category_of(c), v);
        }
    }

    for r in &a.budget.running_costs {
        let Some(v) = amount(Some(r.monthly)) else {
            continue;
        };
        // The end date is the last day paid; one before the start pays nothing.
        let until = r.end.map(|end| end.succ_opt().unwrap_or(end));
        plans.monthly(r.start, until, Source::RunningCosts, r.category, v);
    }

    for p in &mut plans.quarters {
        if let Some(b) = a.budget.quarter(p.quarter) {
            for c in BudgetCategory::ALL {
                p.budget[c.index()] = b.amount(c).filter(|v| v.is_finite());
            }
        }
    }
    plans.quarters
}

/// The quarters shown by default: from today's quarter to the last quarter that holds the last
/// day of work of a dated open initiative, a team change or a budget entry, at least
/// [`MIN_RANGE_QUARTERS`] and at most [`MAX_RANGE_QUARTERS`]. Returns (first quarter, count).
pub fn default_range(a: &Assessment, today: NaiveDate) -> (Quarter, usize) {
    let first = Quarter::of(today);
    let initiative_ends = a
        .initiatives
        .iter()
        .filter(|i| i.is_open())
        .filter_map(Initiative::end)
        // `end` is the day after the last day of work.
        .map(|end| Quarter::of(end.checked_sub_days(Days::new(1)).unwrap_or(end)));
    let changes = a.team.changes.iter().map(|c| Quarter::of(c.date));
    let budgets = a.budget.quarters.iter().map(|b| b.quarter);
    let last = initiative_ends.chain(changes).chain(budgets).max();
    let wanted = last.map_or(0, |last| last.since(first) + 1);
    let count = usize::try_from(wanted).unwrap_or(0);
    (first, count.clamp(MIN_RANGE_QUARTERS, MAX_RANGE_QUARTERS))
}

/// Initiatives with a cost that [`plan`] cannot count because they have no start date yet
/// (dropped ones excluded), in roadmap order.
pub fn undated_initiatives(a: &Assessment) -> Vec<&Initiative> {
    a.initiatives
        .iter()
        .filter(|i| i.status != InitiativeStatus::Dropped && i.start.is_none())
        .filter(|i| {
            amount(i.one_off_cost).is_some_and(|v| v > 0.0)
                || amount(i.monthly_cost).is_some_and(|v| v > 0.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::domain::budget::RunningCost;
    use crate::domain::context::{InventoryItem, Lifecycle};
    use crate::domain::team::{ChangeKind, Person, TeamChange, WEEKS_PER_MONTH};

    const PEOPLE: usize = 0;
    const TOOLS: usize = 1;
    const INFRA: usize = 2;
    const PARTNER: usize = 3;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn quarter(s: &str) -> Quarter {
        Quarter::parse(s).unwrap()
    }

    fn assessment() -> Assessment {
        Assessment::new(
            Uuid::new_v4(),
            "Test",
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        )
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    fn assert_close(actual: f64, expected: f64) {
        assert!(close(actual, expected), "{actual} != {expected}");
    }

    fn initiative(start: Option<&str>, weeks: u32) -> Initiative {
        let mut i = Initiative::new(Uuid::new_v4(), "Work");
        i.start = start.map(date);
        i.duration_weeks = weeks;
        i
    }

    fn running(
        category: BudgetCategory,
        monthly: f64,
        start: &str,
        end: Option<&str>,
    ) -> RunningCost {
        RunningCost {
            id: Uuid::new_v4(),
            name: "Retainer".into(),
            category,
            monthly,
            start: date(start),
            end: end.map(date),
        }
    }

    fn change(date_text: &str, monthly: Option<f64>, one_off: Option<f64>) -> TeamChange {
        TeamChange {
            id: Uuid::new_v4(),
            kind: ChangeKind::Hire,
            title: "Engineer".into(),
            date: date(date_text),
            person: None,
            capacity_weeks: 3.0,
            monthly_cost: monthly,
            one_off_cost: one_off,
            skills: BTreeMap::new(),
        }
    }

    fn item(category: Category, cost: Option<f64>, lifecycle: Lifecycle) -> InventoryItem {
        InventoryItem {
            id: Uuid::new_v4(),
            category,
            name: "x".into(),
            owner: String::new(),
            monthly_cost: cost,
            lifecycle,
        }
    }

    /// The native test the issue asks for: a monthly cost crossing a quarter edge is split by
    /// the days in each month.
    #[test]
    fn budget_by_quarter_including_monthly_costs_across_quarter_edges() {
        let mut a = assessment();
        // 1000 a month from 15 March up to 15 April: the last day paid is 14 April.
        a.budget.running_costs.push(running(
            BudgetCategory::Partner,
            1000.0,
            "2026-03-15",
            Some("2026-04-14"),
        ));
        // The same, paid on 15 April too (a running cost's end day is included).
        a.budget.running_costs.push(running(
            BudgetCategory::People,
            1000.0,
            "2026-03-15",
            Some("2026-04-15"),
        ));
        let plans = plan(&a, quarter("2026-Q1"), 3);
        assert_eq!(plans.len(), 3);
        assert_eq!(plans[0].quarter, quarter("2026-Q1"));
        assert_eq!(plans[2].quarter, quarter("2026-Q3"));
        assert_close(plans[0].planned[PARTNER], 17.0 / 31.0 * 1000.0);
        assert_close(plans[1].planned[PARTNER], 14.0 / 30.0 * 1000.0);
        assert_close(plans[2].planned[PARTNER], 0.0);
        assert_close(plans[0].planned[PEOPLE], 17.0 / 31.0 * 1000.0);
        assert_close(plans[1].planned[PEOPLE], 15.0 / 30.0 * 1000.0);
        assert_close(plans[0].planned[TOOLS], 0.0);

        // An initiative's end is exclusive: 15 March plus 4 weeks is 12 April, so work runs
        // 15 March to 11 April: 17 days of March and 11 of April.
        let mut i = initiative(Some("2026-03-15"), 4);
        i.monthly_cost = Some(1000.0);
        i.cost_category = BudgetCategory::ToolsVendors;
        a.initiatives.push(i);
        let plans = plan(&a, quarter("2026-Q1"), 2);
        assert_close(plans[0].planned[TOOLS], 17.0 / 31.0 * 1000.0);
        assert_close(plans[1].planned[TOOLS], 11.0 / 30.0 * 1000.0);
        assert_close(
            plans[0].source_total(Source::Initiatives),
            17.0 / 31.0 * 1000.0,
        );
        assert_close(
            plans[0].source_total(Source::RunningCosts),
            2.0 * 17.0 / 31.0 * 1000.0,
        );
    }

    #[test]
    fn whole_months_count_the_full_monthly_amount() {
        let mut a = assessment();
        a.budget.running_costs.push(running(
            BudgetCategory::Partner,
            1200.0,
            "2026-02-01",
            Some("2026-02-28"),
        ));
        let plans = plan(&a, quarter("2026-Q1"), 1);
        assert_close(plans[0].planned[PARTNER], 1200.0);
    }

    #[test]
    fn one_off_costs_land_in_the_start_quarter() {
        let mut a = assessment();
        let mut i = initiative(Some("2026-06-30"), 10);
        i.one_off_cost = Some(5000.0);
        i.cost_category = BudgetCategory::Infrastructure;
        a.initiatives.push(i);
        let plans = plan(&a, quarter("2026-Q2"), 2);
        assert_close(plans[0].planned[INFRA], 5000.0);
        assert_close(plans[1].planned[INFRA], 0.0);
        // Outside the range it is not counted anywhere.
        let later = plan(&a, quarter("2026-Q3"), 2);
        assert_close(later[0].planned_total() + later[1].planned_total(), 0.0);
    }

    #[test]
    fn dropped_and_undated_initiatives_are_not_counted_but_done_ones_are() {
        let mut a = assessment();
        let mut dropped = initiative(Some("2026-01-05"), 4);
        dropped.status = InitiativeStatus::Dropped;
        dropped.one_off_cost = Some(100.0);
        dropped.monthly_cost = Some(100.0);
        let mut undated = initiative(None, 4);
        undated.one_off_cost = Some(300.0);
        let mut undated_free = initiative(None, 4);
        undated_free.one_off_cost = Some(0.0);
        let mut done = initiative(Some("2026-01-05"), 4);
        done.status = InitiativeStatus::Done;
        done.one_off_cost = Some(40.0);
        let mut undated_dropped = initiative(None, 4);
        undated_dropped.status = InitiativeStatus::Dropped;
        undated_dropped.monthly_cost = Some(10.0);
        a.initiatives = vec![
            dropped,
            undated.clone(),
            undated_free,
            done,
            undated_dropped,
        ]
        .into();
        let plans = plan(&a, quarter("2026-Q1"), 4);
        assert_close(plans[0].planned_total(), 40.0);
        assert_close(plans.iter().map(QuarterPlan::planned_total).sum(), 40.0);
        let listed: Vec<Uuid> = undated_initiatives(&a).iter().map(|i| i.id).collect();
        assert_eq!(listed, vec![undated.id]);
    }

    #[test]
    fn inventory_maps_categories_and_counts_running_items_only() {
        let mut a = assessment();
        a.inventory = vec![
            item(Category::Software, Some(100.0), Lifecycle::Active),
            item(Category::Software, Some(50.0), Lifecycle::Sunsetting),
            item(Category::Software, Some(999.0), Lifecycle::Retired),
            item(Category::Software, Some(999.0), Lifecycle::Planned),
            item(Category::Hardware, Some(10.0), Lifecycle::Active),
            item(Category::Networking, Some(20.0), Lifecycle::Active),
            item(Category::Storage, Some(30.0), Lifecycle::Sunsetting),
            item(Category::Storage, None, Lifecycle::Active),
        ];
        let plans = plan(&a, quarter("2026-Q3"), 2);
        for p in &plans {
            assert_close(p.planned[TOOLS], 3.0 * 150.0);
            assert_close(p.planned[INFRA], 3.0 * 60.0);
            assert_close(p.planned[PEOPLE] + p.planned[PARTNER], 0.0);
            assert_close(p.source_total(Source::Inventory), 3.0 * 210.0);
        }
    }

    #[test]
    fn team_people_every_month_and_changes_from_their_date() {
        let mut a = assessment();
        a.team.people.push(Person {
            id: Uuid::new_v4(),
            name: "Ana".into(),
            role: "Engineer".into(),
            monthly_cost: Some(6000.0),
            roadmap_share: 50,
            skills: BTreeMap::new(),
        });
        a.team.people.push(Person {
            id: Uuid::new_v4(),
            name: "Unknown cost".into(),
            role: "Designer".into(),
            monthly_cost: None,
            roadmap_share: 50,
            skills: BTreeMap::new(),
        });
        // A hire from 16 May (16 of 31 days in May), with a recruiting fee.
        a.team
            .changes
            .push(change("2026-05-16", Some(3100.0), Some(2000.0)));
        // A contractor in the next quarter counts as People too.
        let mut contractor = change("2026-07-01", Some(1000.0), None);
        contractor.kind = ChangeKind::Contractor;
        a.team.changes.push(contractor);
        let plans = plan(&a, quarter("2026-Q2"), 2);
        let q2 = 3.0 * 6000.0 + 16.0 / 31.0 * 3100.0 + 3100.0 + 2000.0;
        assert_close(plans[0].planned[PEOPLE], q2);
        let q3 = 3.0 * 6000.0 + 3.0 * 3100.0 + 3.0 * 1000.0;
        assert_close(plans[1].planned[PEOPLE], q3);
        // Today's people are the existing payroll; the hire and the contractor are new spend.
        assert_close(plans[1].source_total(Source::Team), 3.0 * 6000.0);
        assert_close(
            plans[1].source_total(Source::TeamChanges),
            3.0 * 3100.0 + 3.0 * 1000.0,
        );
        assert_close(plans[1].planned[TOOLS], 0.0);
    }

    #[test]
    fn running_costs_with_and_without_an_end() {
        let mut a = assessment();
        a.budget.running_costs = vec![
            running(BudgetCategory::Partner, 900.0, "2025-11-01", None),
            running(
                BudgetCategory::ToolsVendors,
                300.0,
                "2026-01-01",
                Some("2026-01-31"),
            ),
            // Ends before it starts: pays nothing.
            running(
                BudgetCategory::Infrastructure,
                500.0,
                "2026-02-01",
                Some("2026-01-01"),
            ),
            // Not a number: ignored.
            running(BudgetCategory::People, f64::NAN, "2026-01-01", None),
        ];
        let plans = plan(&a, quarter("2026-Q1"), 3);
        for p in &plans {
            assert_close(p.planned[PARTNER], 2700.0);
            assert_close(p.planned[INFRA], 0.0);
            assert_close(p.planned[PEOPLE], 0.0);
        }
        assert_close(plans[0].planned[TOOLS], 300.0);
        assert_close(plans[1].planned[TOOLS], 0.0);
    }

    #[test]
    fn sources_add_up_to_the_planned_amounts() {
        let mut a = assessment();
        a.inventory
            .push(item(Category::Software, Some(70.0), Lifecycle::Active));
        a.budget.running_costs.push(running(
            BudgetCategory::ToolsVendors,
            30.0,
            "2026-01-01",
            None,
        ));
        let mut i = initiative(Some("2026-02-10"), 3);
        i.cost_category = BudgetCategory::ToolsVendors;
        i.one_off_cost = Some(55.0);
        a.initiatives.push(i);
        let p = &plan(&a, quarter("2026-Q1"), 1)[0];
        assert_close(p.planned[TOOLS], 3.0 * 70.0 + 3.0 * 30.0 + 55.0);
        let by_source: f64 = Source::ALL
            .iter()
            .map(|s| p.sources[s.index()][TOOLS])
            .sum();
        assert_close(by_source, p.planned[TOOLS]);
        assert_close(p.source_total(Source::Initiatives), 55.0);
    }

    #[test]
    fn over_budget_per_category_and_in_total() {
        let mut a = assessment();
        a.inventory
            .push(item(Category::Software, Some(1000.0), Lifecycle::Active));
        a.inventory
            .push(item(Category::Hardware, Some(100.0), Lifecycle::Active));
        let mut b = QuarterBudget::new(quarter("2026-Q1"));
        b.tools_vendors = Some(2500.0);
        b.infrastructure = Some(1000.0);
        a.budget.quarters.push(b);
        let mut exact = QuarterBudget::new(quarter("2026-Q2"));
        exact.tools_vendors = Some(3000.0);
        a.budget.quarters.push(exact);
        let plans = plan(&a, quarter("2026-Q1"), 2);
        let q1 = &plans[0];
        assert_eq!(q1.budget[TOOLS], Some(2500.0));
        assert_eq!(q1.budget[PEOPLE], None);
        assert_eq!(q1.budget_total(), Some(3500.0));
        assert_close(q1.over(BudgetCategory::ToolsVendors).unwrap(), 500.0);
        // Infrastructure is under budget; that does not offset tools.
        assert_eq!(q1.over(BudgetCategory::Infrastructure), None);
        assert_close(q1.over_total().unwrap(), 500.0);
        assert_eq!(
            q1.over_categories()
                .iter()
                .map(|(c, _)| *c)
                .collect::<Vec<_>>(),
            vec![BudgetCategory::ToolsVendors]
        );
        // Exactly on budget is not over.
        assert_eq!(plans[1].over(BudgetCategory::ToolsVendors), None);
        assert_eq!(plans[1].over_total(), None);
    }

    #[test]
    fn quarters_without_a_budget_are_never_over() {
        let mut a = assessment();
        a.inventory
            .push(item(Category::Software, Some(1.0e6), Lifecycle::Active));
        // A budget for people only: tools have none, so they are never over.
        let mut b = QuarterBudget::new(quarter("2026-Q1"));
        b.people = Some(0.0);
        a.budget.quarters.push(b);
        let plans = plan(&a, quarter("2026-Q1"), 2);
        assert_eq!(plans[0].over_total(), None);
        assert_eq!(plans[1].over_total(), None);
        assert_eq!(plans[1].budget_total(), None);
        assert_eq!(plans[0].budget_total(), Some(0.0));
        for c in BudgetCategory::ALL {
            assert_eq!(plans[1].over(c), None);
        }
    }

    #[test]
    fn plan_length_is_bounded_and_starts_where_asked() {
        let a = assessment();
        let plans = plan(&a, quarter("2025-Q4"), 3);
        let quarters: Vec<String> = plans.iter().map(|p| p.quarter.to_string()).collect();
        assert_eq!(quarters, vec!["2025-Q4", "2026-Q1", "2026-Q2"]);
        assert!(plan(&a, quarter("2026-Q1"), 0).is_empty());
        assert_eq!(
            plan(&a, quarter("2026-Q1"), usize::MAX).len(),
            MAX_PLAN_QUARTERS
        );
    }

    #[test]
    fn setting_a_budget_creates_the_quarter_once() {
        let mut b = Budget::default();
        let q = quarter("2026-Q3");
        // Clearing a quarter that has no entry adds nothing.
        b.set_amount(q, BudgetCategory::People, None);
        assert!(b.quarters.is_empty());
        b.set_amount(q, BudgetCategory::People, Some(9000.0));
        b.set_amount(q, BudgetCategory::Partner, Some(1500.0));
        assert_eq!(b.quarters.len(), 1);
        let entry = b.quarter(q).unwrap();
        assert_eq!(entry.people, Some(9000.0));
        assert_eq!(entry.partner, Some(1500.0));
        assert_eq!(entry.tools_vendors, None);
        b.set_amount(q, BudgetCategory::People, None);
        assert_eq!(b.quarter(q).unwrap().people, None);
        assert_eq!(b.quarters.len(), 1);
        b.set_amount(quarter("2026-Q4"), BudgetCategory::ToolsVendors, Some(0.0));
        assert_eq!(b.quarters.len(), 2);
        assert_eq!(
            b.quarter(quarter("2026-Q4")).unwrap().tools_vendors,
            Some(0.0)
        );
    }

    #[test]
    fn quarter_arithmetic() {
        let q = quarter("2026-Q3");
        assert_eq!(q.plus(2), quarter("2027-Q1"));
        assert_eq!(q.plus(-3), quarter("2025-Q4"));
        assert_eq!(q.plus(0), q);
        assert_eq!(quarter("2027-Q1").since(q), 2);
        assert_eq!(quarter("2025-Q4").since(q), -3);
        assert_eq!(q.last_day(), date("2026-09-30"));
        assert_eq!(quarter("2026-Q4").last_day(), date("2026-12-31"));
    }

    #[test]
    fn default_range_is_at_least_four_quarters_from_today() {
        let a = assessment();
        assert_eq!(
            default_range(&a, date("2026-05-20")),
            (quarter("2026-Q2"), 4)
        );
    }

    #[test]
    fn default_range_reaches_the_last_planned_item() {
        let today = date("2026-05-20");
        let mut a = assessment();
        // Ends (exclusive) on 1 April 2028: last day of work 31 March 2028, in 2028-Q1.
        let mut i = initiative(Some("2028-01-08"), 12);
        assert_eq!(i.end(), Some(date("2028-04-01")));
        i.status = InitiativeStatus::InProgress;
        a.initiatives.push(i);
        assert_eq!(default_range(&a, today), (quarter("2026-Q2"), 8));

        // A team change later still.
        a.team.changes.push(change("2028-08-01", None, None));
        assert_eq!(default_range(&a, today), (quarter("2026-Q2"), 10));

        // A budget entry later again.
        a.budget
            .quarters
            .push(QuarterBudget::new(quarter("2028-Q4")));
        assert_eq!(default_range(&a, today), (quarter("2026-Q2"), 11));
    }

    #[test]
    fn default_range_ignores_closed_initiatives_and_caps_at_twelve() {
        let today = date("2026-05-20");
        let mut a = assessment();
        let mut done = initiative(Some("2029-01-01"), 4);
        done.status = InitiativeStatus::Done;
        let mut dropped = initiative(Some("2029-01-01"), 4);
        dropped.status = InitiativeStatus::Dropped;
        // Undated initiatives have no end to reach.
        a.initiatives = vec![done, dropped, initiative(None, 4)].into();
        assert_eq!(default_range(&a, today), (quarter("2026-Q2"), 4));

        a.budget
            .quarters
            .push(QuarterBudget::new(quarter("2035-Q1")));
        assert_eq!(default_range(&a, today), (quarter("2026-Q2"), 12));

        // Only past items: still four quarters from today.
        let mut past = assessment();
        past.team.changes.push(change("2020-01-01", None, None));
        assert_eq!(default_range(&past, today), (quarter("2026-Q2"), 4));
    }

    fn paid_person(cost: f64, share: u8) -> crate::domain::team::Person {
        crate::domain::team::Person {
            id: Uuid::new_v4(),
            name: "P".into(),
            role: "Engineer".into(),
            monthly_cost: Some(cost),
            roadmap_share: share,
            skills: BTreeMap::new(),
        }
    }

    #[test]
    fn rate_from_people_with_part_time_shares_else_the_rate_set_else_none() {
        use crate::domain::costs::{person_week_rate, RateBasis};
        let mut a = assessment();
        assert_eq!(
            person_week_rate(&a),
            None,
            "no people, no rate set: no rate"
        );
        a.costs.person_week_rate = Some(2000.0);
        let set = person_week_rate(&a).unwrap();
        assert_eq!(set.basis, RateBasis::Set);
        assert_close(set.per_week, 2000.0);
        // 8,000 a month at 50 % and 4,000 at 100 %, and one person with no cost (not counted):
        // 12,000 / (52/12 × 1.5) = 12,000 / 6.5.
        a.team.people.push(paid_person(8000.0, 50));
        a.team.people.push(paid_person(4000.0, 100));
        let mut unpaid = paid_person(0.0, 100);
        unpaid.monthly_cost = None;
        a.team.people.push(unpaid);
        let team = person_week_rate(&a).unwrap();
        assert_eq!(team.basis, RateBasis::Team { people: 2 });
        assert!(team.paid_by_payroll());
        assert_close(team.per_week, 12000.0 / 6.5);
        // People with a cost but no time for the roadmap give no rate: the set one applies.
        a.team.people = vec![paid_person(5000.0, 0)];
        assert_eq!(person_week_rate(&a).unwrap().basis, RateBasis::Set);
        a.costs.person_week_rate = None;
        assert_eq!(person_week_rate(&a), None);
    }

    /// An audit step: its outside cost is the one-off in the start quarter, and its ongoing
    /// effort (3 person-weeks a quarter at 2,000) costs 2,000 a month from its end, quarter by
    /// quarter; each quarter's categories and sources still add up.
    #[test]
    fn budget_counts_outside_and_ongoing_cost_by_quarter() {
        let mut a = assessment();
        a.costs.person_week_rate = Some(2000.0);
        // 5 January + 12 weeks: ends (exclusive) on 30 March 2026.
        let mut i = initiative(Some("2026-01-05"), 12);
        i.effort_weeks = 2.0;
        i.one_off_cost = Some(14_000.0);
        i.recurring_weeks_per_quarter = 3.0;
        a.initiatives = vec![i.clone()].into();
        let plans = plan(&a, quarter("2026-Q1"), 3);
        let q1 = &plans[0];
        assert_close(q1.sources[Source::Initiatives.index()][PEOPLE], 14_000.0);
        assert_close(q1.sources[Source::InitiativeWork.index()][PEOPLE], 4_000.0);
        // 30 and 31 March: 2 of 31 days of 2,000.
        assert_close(
            q1.sources[Source::OngoingWork.index()][PEOPLE],
            2000.0 * 2.0 / 31.0,
        );
        for p in &plans[1..] {
            assert_close(p.source_total(Source::OngoingWork), 6_000.0);
            assert_close(p.planned[PEOPLE], 6_000.0);
            assert_close(p.new_spend(), 6_000.0);
        }
        for p in &plans {
            let sources: f64 = Source::ALL.iter().map(|s| p.source_total(*s)).sum();
            assert_close(p.planned_total(), sources);
        }
        let c = initiative_cost(&i, Some(2000.0));
        assert_eq!(c.ongoing_per_quarter, Some(6_000.0));
        assert_close(c.total(), 4_000.0 + 14_000.0);
        // Paid by payroll (the rate from the Team's people), the ongoing work is not new spend.
        a.team.people.push(paid_person(8000.0, 100));
        let plans = plan(&a, quarter("2026-Q1"), 3);
        assert!(plans
            .iter()
            .all(|p| p.source_total(Source::OngoingWork) == 0.0));
        // Dropped work goes on costing nothing.
        a.team.people.clear();
        a.initiatives[0].status = InitiativeStatus::Dropped;
        let plans = plan(&a, quarter("2026-Q1"), 3);
        assert!(plans.iter().all(|p| p.planned_total() == 0.0));
    }

    /// An initiative's cost: effort × rate spread by day, one-off in its start quarter, monthly
    /// cost day by day across the quarter edge; the total is the sum of its quarters.
    #[test]
    fn initiative_cost_across_a_quarter_edge() {
        // 15 March + 4 weeks: work on 28 days, 17 in March (Q1) and 11 in April (Q2).
        let mut i = initiative(Some("2026-03-15"), 4);
        i.effort_weeks = 6.0;
        i.one_off_cost = Some(1000.0);
        i.monthly_cost = Some(3100.0);
        let c = initiative_cost(&i, Some(2000.0));
        assert_close(c.work.unwrap(), 12000.0);
        assert_close(c.one_off, 1000.0);
        let running = 17.0 / 31.0 * 3100.0 + 11.0 / 30.0 * 3100.0;
        assert_close(c.running.unwrap(), running);
        assert_eq!(c.quarters.len(), 2);
        assert_eq!(c.quarters[0].0, quarter("2026-Q1"));
        assert_close(c.quarters[0].1, 12000.0 * 17.0 / 28.0);
        assert_close(c.quarters[0].2, 1000.0 + 1700.0);
        assert_close(c.quarters[1].1, 12000.0 * 11.0 / 28.0);
        assert_close(c.quarters[1].2, 11.0 / 30.0 * 3100.0);
        assert_close(c.total(), 12000.0 + 1000.0 + running);
        let by_quarter: f64 = c.quarters.iter().map(|q| q.1 + q.2).sum();
        assert_close(by_quarter, c.total());
        assert!(c.is_complete());

        // No rate: the work is unknown, the rest still counts.
        let no_rate = initiative_cost(&i, None);
        assert_eq!(no_rate.work, None);
        assert_close(no_rate.total(), 1000.0 + running);
        // Undated: the monthly cost cannot be counted.
        let undated = initiative_cost(&initiative(None, 4), Some(100.0));
        assert_close(undated.work.unwrap(), 0.0);
        let mut undated_monthly = initiative(None, 4);
        undated_monthly.monthly_cost = Some(50.0);
        assert_eq!(initiative_cost(&undated_monthly, Some(1.0)).running, None);
    }

    /// The plan's new spend counts initiatives' work only when no existing payroll pays it,
    /// and the per-quarter initiative totals are the sums of the initiatives' own costs.
    #[test]
    fn work_is_new_spend_only_when_the_rate_is_set_not_paid_by_payroll() {
        let mut a = assessment();
        let mut i = initiative(Some("2026-03-15"), 4);
        i.effort_weeks = 6.0;
        i.one_off_cost = Some(1000.0);
        a.initiatives.push(i.clone());
        a.costs.person_week_rate = Some(2000.0);
        let plans = plan(&a, quarter("2026-Q1"), 2);
        assert_close(
            plans[0].source_total(Source::InitiativeWork),
            12000.0 * 17.0 / 28.0,
        );
        assert_close(
            plans[0].new_spend() + plans[1].new_spend(),
            12000.0 + 1000.0,
        );
        let totals = initiative_totals(&a);
        assert_eq!(totals.len(), 2);
        assert_close(totals[0].1, 12000.0 * 17.0 / 28.0 + 1000.0);
        assert_close(totals[1].1, 12000.0 * 11.0 / 28.0);

        // With a paid team the work is in payroll already: not added again.
        a.team.people.push(paid_person(13000.0, 100));
        let plans = plan(&a, quarter("2026-Q1"), 2);
        assert_close(plans[0].source_total(Source::InitiativeWork), 0.0);
        assert_close(plans[0].new_spend(), 1000.0);
        assert_close(plans[0].source_total(Source::Team), 13000.0 * 3.0);
        // ... but the initiative's own cost still values its work, at the team's rate.
        let rate = 13000.0 / WEEKS_PER_MONTH;
        let totals = initiative_totals(&a);
        assert_close(totals[0].1 + totals[1].1, 6.0 * rate + 1000.0);
        // Planned hires are new spend; today's people are not.
        a.team
            .changes
            .push(change("2026-01-01", Some(500.0), Some(200.0)));
        let plans = plan(&a, quarter("2026-Q1"), 1);
        assert_close(plans[0].source_total(Source::TeamChanges), 1700.0);
        assert_close(plans[0].new_spend(), 1000.0 + 1700.0);
    }
}
