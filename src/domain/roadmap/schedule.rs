//! "Schedule": places planned initiatives as early as their dependencies and the team's capacity
//! allow, and says what moved and why. Pure: today and the capacity come in as arguments.
//!
//! Owns: [`Scope`], [`MoveReason`], [`Move`], [`Schedule`], [`schedule`], [`apply`] and
//! [`describe_move`]. Never changes the initiatives itself; [`apply`] does, when the user agrees.
//!
//! Rules (keep them in plain words, the Roadmap page explains them):
//! - Nothing is placed while the dependencies form a cycle ([`super::deps::find_cycle`]).
//! - Done and dropped initiatives never move and use no capacity. In-progress ones never move and
//!   use capacity over their dated weeks. Planned ones move when in scope; the others stay put
//!   and, when dated, use capacity like in-progress ones.
//! - Time is cut into weeks from today: week k is the 7 days from `today + 7k`. Its capacity is
//!   `weekly_capacity(today + 7k)` person-weeks; an initiative's load is its effort spread evenly
//!   over its duration (`effort_weeks / duration_weeks` in each of its weeks). An initiative that
//!   stays put uses its full weekly load in every week it touches, even partly, so the team is
//!   never counted as doing more than it can on any day.
//! - Initiatives that may move are placed in dependency order (a dependency first); among those
//!   ready together, the user's order wins: earlier current start first, undated last, then list
//!   order.
//! - Earliest start: today, or the latest end of a dependency (not dropped, and dated) if later.
//!   Starts are always aligned to the weeks above (`today + 7k`): a dependency ending mid-week
//!   pushes its follower to the next week start, which keeps every placed initiative on the same
//!   grid the capacity is counted on.
//! - The start is the first week start at or after the earliest where every week of the duration
//!   still has room for the load. "As early as possible" also pulls initiatives earlier when room
//!   has appeared: a planned start is a wish the schedule may improve on, as the issue asks.
//! - When it can never fit (its load exceeds an empty week, or no fit within [`SEARCH_WEEKS`]
//!   weeks of its earliest start) it is placed at the earliest start anyway, still uses its load,
//!   and is listed as overloaded. Zero effort uses no capacity.
//! - Ongoing effort (`recurring_weeks_per_quarter`) goes on after the work ends: from the week
//!   holding an initiative's end onwards, every week carries a thirteenth of it, for every
//!   initiative not dropped (a done step's monthly review still takes time). It takes room from
//!   what is placed later; it is not itself a reason to move an initiative, because it never
//!   ends and so could never be "fitted" by waiting.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap, HashSet};

use chrono::{Days, NaiveDate};
use uuid::Uuid;

use crate::i18n::trf;

use super::deps::{self, title_of};
use super::{Initiative, InitiativeStatus, WEEKS_PER_QUARTER};

/// How far past its earliest start an initiative is looked for room: ten years of weeks.
pub const SEARCH_WEEKS: usize = 520;
/// Capacity is counted this many weeks ahead at most (about a thousand years); an initiative
/// that would reach beyond it is placed by its dependencies alone and listed as overloaded.
pub const MAX_WEEKS: usize = 52 * 1000;
/// Slack for comparing loads: sums of fractions like 1/3 must not fail on rounding.
const EPSILON: f64 = 1e-9;

/// Which initiatives "Schedule" may move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every planned initiative.
    All,
    /// Only these planned initiatives; every other one stays where it is.
    Only(BTreeSet<Uuid>),
}

impl Scope {
    /// True when the initiative with this id may move (if it is planned).
    pub fn includes(&self, id: Uuid) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(ids) => ids.contains(&id),
        }
    }
}

/// Why an initiative got its new start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveReason {
    /// It waits for this initiative to end.
    Dependency(Uuid),
    /// The team is full before then.
    Capacity,
    /// It was undated or in the past (or could start sooner); the earliest start is today.
    Today,
}

/// One initiative's new start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub id: Uuid,
    /// The start before scheduling; `None` when it was undated.
    pub from: Option<NaiveDate>,
    pub to: NaiveDate,
    pub reason: MoveReason,
}

/// What "Schedule" proposes; nothing changes until [`apply`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    /// New starts, in list order; only initiatives whose start changes.
    pub moves: Vec<Move>,
    /// Initiatives placed although the team has no room for them, in list order.
    pub overloaded: Vec<Uuid>,
    /// Set when dependencies form a cycle; then nothing is placed.
    pub unplaced_cycle: Option<Vec<Uuid>>,
}

/// The first day of week `k` counted from today; `None` past the calendar's end.
fn week_start(today: NaiveDate, k: usize) -> Option<NaiveDate> {
    today.checked_add_days(Days::new(7 * k as u64))
}

/// Load per week of an initiative: its effort spread over its duration; 0 for no or bad effort.
fn weekly_load(item: &Initiative) -> f64 {
    let effort = item.effort_weeks;
    if effort.is_finite() && effort > 0.0 {
        effort / f64::from(item.duration_weeks.max(1))
    } else {
        0.0
    }
}

/// Load per week of an initiative's ongoing effort, after it ends.
fn ongoing_load(item: &Initiative) -> f64 {
    item.recurring() / WEEKS_PER_QUARTER
}

/// Capacity and use per week from today, grown on demand up to [`MAX_WEEKS`].
struct Grid<F> {
    today: NaiveDate,
    weekly_capacity: F,
    capacity: Vec<f64>,
    used: Vec<f64>,
    /// Loads of initiatives that stay put: (first week, week after the last, load). Kept so
    /// weeks added later get their share too.
    fixed: Vec<(usize, usize, f64)>,
}

impl<F: Fn(NaiveDate) -> f64> Grid<F> {
    fn new(today: NaiveDate, weekly_capacity: F) -> Self {
        Grid {
            today,
            weekly_capacity,
            capacity: Vec::new(),
            used: Vec::new(),
            fixed: Vec::new(),
        }
    }

    /// Makes sure weeks `0..len` exist (capped at [`MAX_WEEKS`]).
    fn ensure(&mut self, len: usize) {
        let old = self.capacity.len();
        if len <= old {
            return;
        }
        // Grow at least by doubling so a long chain does not ask for one week at a time.
        let new = len.max(old * 2).clamp(SEARCH_WEEKS, MAX_WEEKS);
        for k in old..new {
            let c = week_start(self.today, k).map_or(0.0, |d| (self.weekly_capacity)(d));
            // A negative or not-a-number capacity means no one is available.
            self.capacity
                .push(if c.is_finite() && c > 0.0 { c } else { 0.0 });
            self.used.push(0.0);
        }
        for &(from, to, load) in &self.fixed {
            for k in from.max(old)..to.min(new) {
                self.used[k] += load;
            }
        }
    }

    /// Records an initiative that stays put, over every week its dates touch.
    fn add_fixed(&mut self, start: NaiveDate, end: NaiveDate, load: f64) {
        let first = (start - self.today).num_days().max(0);
        let after = (end - self.today).num_days();
        if after <= 0 || load <= 0.0 {
            return;
        }
        let to_week = |days: i64| usize::try_from(days).unwrap_or(usize::MAX).min(MAX_WEEKS);
        let (from, to) = (to_week(first / 7), to_week((after + 6) / 7));
        let known = self.capacity.len();
        for k in from..to.min(known) {
            self.used[k] += load;
        }
        self.fixed.push((from, to, load));
    }

    /// Records ongoing effort from week `from` on, for good: the weeks known now and those
    /// added later.
    fn add_ongoing(&mut self, from: usize, load: f64) {
        if load <= 0.0 || from >= MAX_WEEKS {
            return;
        }
        let known = self.capacity.len();
        for k in from..known {
            self.used[k] += load;
        }
        self.fixed.push((from, MAX_WEEKS, load));
    }

    /// Ongoing effort from the week holding `end` (an initiative that stays put) on.
    fn add_ongoing_from(&mut self, end: NaiveDate, load: f64) {
        let days = (end - self.today).num_days().max(0);
        let week = usize::try_from(days / 7)
            .unwrap_or(usize::MAX)
            .min(MAX_WEEKS);
        self.add_ongoing(week, load);
    }

    /// The first week in `from..to` without room for `load`, if any.
    fn first_full_week(&self, from: usize, to: usize, load: f64) -> Option<usize> {
        (from..to).find(|&k| self.capacity[k] - self.used[k] < load - EPSILON)
    }

    /// The first week start in `k0..k0 + SEARCH_WEEKS` where `weeks` weeks in a row have room.
    fn find_room(&mut self, k0: usize, weeks: usize, load: f64) -> Option<usize> {
        let last = (k0 + SEARCH_WEEKS).min(MAX_WEEKS.saturating_sub(weeks) + 1);
        self.ensure(last + weeks);
        let mut k = k0;
        // Each week is looked at once: after a full week, the search restarts just past it.
        while k < last {
            match self.first_full_week(k, k + weeks, load) {
                None => return Some(k),
                Some(full) => k = full + 1,
            }
        }
        None
    }

    fn reserve(&mut self, from: usize, weeks: usize, load: f64) {
        let to = (from + weeks).min(MAX_WEEKS);
        self.ensure(to);
        for k in from..to {
            self.used[k] += load;
        }
    }
}

/// Places the planned initiatives in `scope` as early as dependencies and capacity allow.
/// `weekly_capacity(d)` is the person-weeks the team has in the week starting on `d`. See the
/// module documentation for the rules.
pub fn schedule(
    items: &[Initiative],
    today: NaiveDate,
    weekly_capacity: impl Fn(NaiveDate) -> f64,
    scope: &Scope,
) -> Schedule {
    if let Some(cycle) = deps::find_cycle(items) {
        return Schedule {
            unplaced_cycle: Some(cycle),
            ..Schedule::default()
        };
    }
    let mut index = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        index.entry(item.id).or_insert(i);
    }
    let movable: Vec<bool> = items
        .iter()
        .map(|i| i.status == InitiativeStatus::Planned && scope.includes(i.id))
        .collect();

    let mut grid = Grid::new(today, weekly_capacity);
    for (i, item) in items.iter().enumerate() {
        if !movable[i] && item.is_open() {
            if let (Some(start), Some(end)) = (item.start, item.end()) {
                grid.add_fixed(start, end, weekly_load(item));
            }
        }
        // Ongoing effort of what stays put, done ones included; dropped work has none.
        if !movable[i] && item.status != InitiativeStatus::Dropped {
            if let Some(end) = item.end() {
                grid.add_ongoing_from(end, ongoing_load(item));
            }
        }
    }

    // Each initiative's dependencies that count: known, not dropped, each once.
    let deps_of: Vec<Vec<usize>> = items
        .iter()
        .map(|item| {
            let mut seen = HashSet::new();
            item.depends_on
                .iter()
                .filter_map(|d| index.get(d).copied())
                .filter(|&d| items[d].status != InitiativeStatus::Dropped && seen.insert(d))
                .collect()
        })
        .collect();

    // Kahn's algorithm over the movable ones; fixed dependencies are already in place.
    let mut waiting_on = vec![0usize; items.len()];
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for (i, ds) in deps_of.iter().enumerate() {
        if !movable[i] {
            continue;
        }
        for &d in ds {
            if movable[d] {
                waiting_on[i] += 1;
                followers[d].push(i);
            }
        }
    }
    let order_key = |i: usize| Reverse((items[i].start.is_none(), items[i].start, i));
    let mut ready: BinaryHeap<_> = (0..items.len())
        .filter(|&i| movable[i] && waiting_on[i] == 0)
        .map(order_key)
        .collect();

    // Ends as they will be after scheduling; starts as they will be, for the moves.
    let mut ends: Vec<Option<NaiveDate>> = items.iter().map(Initiative::end).collect();
    let mut placed: Vec<Option<(NaiveDate, MoveReason)>> = vec![None; items.len()];
    let mut overloaded = vec![false; items.len()];

    while let Some(Reverse((_, _, i))) = ready.pop() {
        let item = &items[i];
        // The latest-ending dependency; on a tie the first listed is named.
        let mut binding: Option<(NaiveDate, usize)> = None;
        for &d in &deps_of[i] {
            if let Some(end) = ends[d] {
                if binding.is_none_or(|(b, _)| end > b) {
                    binding = Some((end, d));
                }
            }
        }
        let earliest = binding.map_or(today, |(end, _)| end.max(today));
        let days = usize::try_from((earliest - today).num_days()).unwrap_or(0);
        let k0 = days.div_ceil(7);
        let weeks = usize::try_from(item.duration_weeks.max(1)).unwrap_or(usize::MAX);
        let load = weekly_load(item);

        let k = if load <= 0.0 {
            k0
        } else if k0.saturating_add(weeks) > MAX_WEEKS {
            overloaded[i] = true;
            k0
        } else if let Some(k) = grid.find_room(k0, weeks, load) {
            grid.reserve(k, weeks, load);
            k
        } else {
            overloaded[i] = true;
            grid.reserve(k0, weeks, load);
            k0
        };

        if let Some(start) = week_start(today, k) {
            let reason = match binding {
                _ if k > k0 => MoveReason::Capacity,
                Some((end, d)) if end > today => MoveReason::Dependency(items[d].id),
                _ => MoveReason::Today,
            };
            placed[i] = Some((start, reason));
            ends[i] = start.checked_add_days(Days::new(7 * weeks as u64));
            grid.add_ongoing(k.saturating_add(weeks), ongoing_load(item));
        }
        // Past the calendar's end nothing can be placed: the initiative keeps its dates.

        for &f in &followers[i] {
            waiting_on[f] -= 1;
            if waiting_on[f] == 0 {
                ready.push(order_key(f));
            }
        }
    }

    let moves = items
        .iter()
        .zip(&placed)
        .filter_map(|(item, p)| {
            let (to, reason) = (*p)?;
            (item.start != Some(to)).then_some(Move {
                id: item.id,
                from: item.start,
                to,
                reason,
            })
        })
        .collect();
    Schedule {
        moves,
        overloaded: items
            .iter()
            .zip(&overloaded)
            .filter(|(_, o)| **o)
            .map(|(item, _)| item.id)
            .collect(),
        unplaced_cycle: None,
    }
}

impl Schedule {
    /// The first sentence shown after scheduling, chosen with the overloaded list in view so the
    /// two never contradict: "nothing needed to move" only when everything also fits.
    pub fn headline(&self) -> String {
        let moved = self.moves.len().to_string();
        let over = self.overloaded.len().to_string();
        match (self.moves.len(), self.overloaded.len()) {
            (0, 0) => trf("money.schedule_nothing_moved", &[]),
            (0, _) => trf("money.schedule_none_fit", &[("over", &over)]),
            (1, 0) => trf("money.schedule_moved_one", &[]),
            (_, 0) => trf("money.schedule_moved", &[("moved", &moved)]),
            _ => trf(
                "money.schedule_moved_some_dont_fit",
                &[("moved", &moved), ("over", &over)],
            ),
        }
    }
}

/// Gives each moved initiative its new start.
pub fn apply(items: &mut [Initiative], schedule: &Schedule) {
    let to: HashMap<Uuid, NaiveDate> = schedule.moves.iter().map(|m| (m.id, m.to)).collect();
    for item in items {
        if let Some(date) = to.get(&item.id) {
            item.start = Some(*date);
        }
    }
}

/// A date as shown in messages, in the language in use: "3 Mar 2026", "2026年3月3日".
pub fn format_date(d: NaiveDate) -> String {
    crate::i18n::date(crate::i18n::current(), d)
}

/// A move in plain words, e.g. "“Set up CI” moves from 3 Mar 2026 to 17 Mar 2026: it waits for
/// “Choose a cloud”."
pub fn describe_move(items: &[Initiative], m: &Move) -> String {
    let title = title_of(items, m.id);
    let to = format_date(m.to);
    // One whole sentence per kind of move and reason, so no sentence is built from pieces.
    let Some(from) = m.from else {
        let args = [("title", title), ("to", to.as_str())];
        return match m.reason {
            MoveReason::Dependency(d) => trf(
                "domain.schedule_dated_waits",
                &[args[0], args[1], ("dependency", title_of(items, d))],
            ),
            MoveReason::Capacity => trf("domain.schedule_dated_capacity", &args),
            MoveReason::Today => trf("domain.schedule_dated_today", &args),
        };
    };
    let from_text = format_date(from);
    let args = [
        ("title", title),
        ("from", from_text.as_str()),
        ("to", to.as_str()),
    ];
    let earlier = m.to < from;
    match m.reason {
        MoveReason::Dependency(d) if earlier => trf(
            "domain.schedule_moved_after_dependency",
            &[
                args[0],
                args[1],
                args[2],
                ("dependency", title_of(items, d)),
            ],
        ),
        MoveReason::Dependency(d) => trf(
            "domain.schedule_moved_waits",
            &[
                args[0],
                args[1],
                args[2],
                ("dependency", title_of(items, d)),
            ],
        ),
        MoveReason::Capacity => trf("domain.schedule_moved_capacity", &args),
        MoveReason::Today if earlier => trf("domain.schedule_moved_today", &args),
        MoveReason::Today => trf("domain.schedule_moved_past", &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
    }

    fn week(k: u64) -> NaiveDate {
        today().checked_add_days(Days::new(7 * k)).unwrap()
    }

    fn item(n: u128, title: &str, weeks: u32, effort: f64, deps: &[u128]) -> Initiative {
        let mut i = Initiative::new(id(n), title);
        i.duration_weeks = weeks;
        i.effort_weeks = effort;
        i.depends_on = deps.iter().map(|d| id(*d)).collect();
        i
    }

    fn flat(c: f64) -> impl Fn(NaiveDate) -> f64 {
        move |_| c
    }

    /// Starts after applying the schedule, in list order.
    fn starts(items: &[Initiative], s: &Schedule) -> Vec<Option<NaiveDate>> {
        let mut items = items.to_vec();
        apply(&mut items, s);
        items.iter().map(|i| i.start).collect()
    }

    fn mv(s: &Schedule, n: u128) -> &Move {
        s.moves.iter().find(|m| m.id == id(n)).unwrap()
    }

    #[test]
    fn ongoing_effort_takes_room_after_the_work_ends() {
        // A: 2 weeks of 2 person-weeks a week, then 13 person-weeks a quarter (1 a week).
        let mut a = item(1, "Audit", 2, 4.0, &[]);
        a.recurring_weeks_per_quarter = 13.0;
        // B needs 1.5 a week: after A, only 1 of the 2 is left in every week, for good.
        let b = item(2, "Other", 1, 1.5, &[]);
        let s = schedule(&[a.clone(), b.clone()], today(), flat(2.0), &Scope::All);
        assert_eq!(mv(&s, 1).to, today());
        assert_eq!(s.overloaded, [id(2)]);
        // Without the ongoing effort B starts when A ends.
        a.recurring_weeks_per_quarter = 0.0;
        let s = schedule(&[a.clone(), b.clone()], today(), flat(2.0), &Scope::All);
        assert_eq!(mv(&s, 2).to, week(2));
        assert!(s.overloaded.is_empty());
        // B needing 1 a week fits beside the ongoing effort, once A's work is over.
        a.recurring_weeks_per_quarter = 13.0;
        let small = item(2, "Other", 1, 1.0, &[]);
        let s = schedule(&[a, small], today(), flat(2.0), &Scope::All);
        assert_eq!(mv(&s, 2).to, week(2));
        assert!(s.overloaded.is_empty());
    }

    #[test]
    fn a_done_steps_ongoing_effort_still_counts_and_a_dropped_ones_does_not() {
        let mut done = item(1, "Reviews set up", 1, 1.0, &[]);
        done.status = InitiativeStatus::Done;
        done.start = Some(today() - Days::new(14));
        done.recurring_weeks_per_quarter = 26.0; // 2 a week
        let b = item(2, "Other", 1, 1.0, &[]);
        let s = schedule(&[done.clone(), b.clone()], today(), flat(2.0), &Scope::All);
        assert_eq!(s.overloaded, [id(2)]);
        done.status = InitiativeStatus::Dropped;
        let s = schedule(&[done, b], today(), flat(2.0), &Scope::All);
        assert!(s.overloaded.is_empty());
        assert_eq!(mv(&s, 2).to, today());
    }

    #[test]
    fn a_steps_elapsed_weeks_hold_its_followers_back() {
        // An audit: 2 person-weeks, but 26 weeks of observation before it is done.
        let step = crate::content::Improvement {
            title: "Audit".into(),
            detail: String::new(),
            effort_weeks: 2.0,
            recurring_weeks_per_quarter: 0.0,
            elapsed_weeks: Some(26.0),
            outside_cost: None,
        };
        let mut audit = item(1, "Audit", 1, 0.0, &[]);
        crate::domain::roadmap::effort::carry_over(&mut audit, &step, "EUR");
        let report = item(2, "Report", 1, 0.5, &[1]);
        let s = schedule(&[audit, report], today(), flat(1.0), &Scope::All);
        assert_eq!(mv(&s, 1).to, today());
        assert_eq!(mv(&s, 2).to, week(26));
        assert_eq!(mv(&s, 2).reason, MoveReason::Dependency(id(1)));
        assert!(s.overloaded.is_empty());
    }

    /// The contradiction: with no capacity every initiative is overloaded and none
    /// moves; the headline must then say they do not fit, never "nothing needed to move".
    #[test]
    fn schedule_messages_never_contradict_each_other() {
        let mut items: Vec<Initiative> = (1..=10).map(|n| item(n, "Work", 2, 3.0, &[])).collect();
        for i in &mut items {
            i.start = Some(today());
        }
        let none_fit = schedule(&items, today(), flat(0.0), &Scope::All);
        assert!(none_fit.moves.is_empty());
        assert_eq!(none_fit.overloaded.len(), 10);
        let headline = none_fit.headline();
        assert!(!headline.contains("nothing needed"), "{headline}");
        assert!(headline.contains("10 initiatives do not fit"), "{headline}");

        let fits = schedule(&items[..1], today(), flat(5.0), &Scope::All);
        assert!(fits.moves.is_empty() && fits.overloaded.is_empty());
        assert!(fits.headline().contains("nothing needed to move"));

        let mut undated = items[..2].to_vec();
        undated[0].start = None;
        let moved = schedule(&undated, today(), flat(0.0), &Scope::All);
        assert_eq!(moved.moves.len(), 1);
        assert_eq!(moved.overloaded.len(), 2);
        let headline = moved.headline();
        assert!(
            headline.contains("moved 1") && headline.contains("2 still do not fit"),
            "{headline}"
        );

        // Every combination: "nothing needed to move" appears exactly when all fit and none moved.
        for s in [&none_fit, &fits, &moved] {
            let calm = s.headline().contains("nothing needed to move");
            assert_eq!(calm, s.moves.is_empty() && s.overloaded.is_empty());
        }
    }

    #[test]
    fn capacity_one_puts_the_second_after_the_first() {
        let items = vec![item(1, "A", 4, 4.0, &[]), item(2, "B", 4, 4.0, &[])];
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert_eq!(starts(&items, &s), vec![Some(week(0)), Some(week(4))]);
        assert_eq!(mv(&s, 1).reason, MoveReason::Today);
        assert_eq!(mv(&s, 2).reason, MoveReason::Capacity);
        assert!(s.overloaded.is_empty());
        assert_eq!(s.unplaced_cycle, None);
    }

    #[test]
    fn capacity_two_starts_both_today() {
        let items = vec![item(1, "A", 4, 4.0, &[]), item(2, "B", 4, 4.0, &[])];
        let s = schedule(&items, today(), flat(2.0), &Scope::All);
        assert_eq!(starts(&items, &s), vec![Some(week(0)), Some(week(0))]);
    }

    #[test]
    fn a_dependency_pushes_its_follower() {
        // B is listed first but waits for A; plenty of capacity.
        let items = vec![item(2, "B", 2, 1.0, &[1]), item(1, "A", 3, 1.0, &[])];
        let s = schedule(&items, today(), flat(10.0), &Scope::All);
        assert_eq!(starts(&items, &s), vec![Some(week(3)), Some(week(0))]);
        assert_eq!(mv(&s, 2).reason, MoveReason::Dependency(id(1)));
        // Moves are reported in list order.
        assert_eq!(s.moves[0].id, id(2));
    }

    #[test]
    fn a_dependency_ending_mid_week_pushes_to_the_next_week_start() {
        let mut a = item(1, "A", 1, 1.0, &[]);
        a.status = InitiativeStatus::InProgress;
        a.start = Some(today() - Days::new(3)); // ends today + 4 days
        let items = vec![a, item(2, "B", 1, 0.0, &[1])];
        let s = schedule(&items, today(), flat(10.0), &Scope::All);
        assert_eq!(s.moves.len(), 1);
        assert_eq!(mv(&s, 2).to, week(1));
        assert_eq!(mv(&s, 2).reason, MoveReason::Dependency(id(1)));
    }

    #[test]
    fn in_progress_stays_and_uses_capacity() {
        let mut running = item(1, "Running", 4, 4.0, &[]);
        running.status = InitiativeStatus::InProgress;
        running.start = Some(today() - Days::new(14)); // two weeks left
        let items = vec![running, item(2, "New", 1, 1.0, &[])];
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert_eq!(s.moves.len(), 1);
        assert_eq!(mv(&s, 2).to, week(2));
        assert_eq!(mv(&s, 2).reason, MoveReason::Capacity);
    }

    #[test]
    fn done_and_dropped_never_move_and_use_nothing() {
        let mut done = item(1, "Done", 4, 4.0, &[]);
        done.status = InitiativeStatus::Done;
        done.start = Some(week(0));
        let mut dropped = item(2, "Dropped", 4, 4.0, &[]);
        dropped.status = InitiativeStatus::Dropped;
        let items = vec![done, dropped, item(3, "New", 4, 4.0, &[2])];
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert_eq!(s.moves.len(), 1);
        assert_eq!(mv(&s, 3).to, week(0));
        // Its only dependency is dropped: nothing held it back.
        assert_eq!(mv(&s, 3).reason, MoveReason::Today);
    }

    #[test]
    fn scope_only_leaves_the_others_in_place_but_counts_them() {
        let mut a = item(1, "A", 4, 4.0, &[]);
        a.start = Some(week(1));
        let mut b = item(2, "B", 4, 4.0, &[]);
        b.start = Some(week(6));
        let c = item(3, "C", 2, 2.0, &[]);
        let items = vec![a, b, c];
        let scope = Scope::Only(BTreeSet::from([id(3)]));
        let s = schedule(&items, today(), flat(1.0), &scope);
        assert_eq!(s.moves.len(), 1, "{:?}", s.moves);
        // Week 0 is free, weeks 1-4 are taken by A: C (2 weeks) fits from week 10, after B.
        assert_eq!(mv(&s, 3).to, week(10));
        assert_eq!(mv(&s, 3).from, None);
        assert_eq!(mv(&s, 3).reason, MoveReason::Capacity);
        // With Scope::All, A is pulled to today and C follows.
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert_eq!(
            starts(&items, &s),
            vec![Some(week(0)), Some(week(4)), Some(week(8))]
        );
        assert_eq!(mv(&s, 1).reason, MoveReason::Today);
    }

    #[test]
    fn an_initiative_already_in_place_is_not_reported() {
        let mut a = item(1, "A", 4, 4.0, &[]);
        a.start = Some(week(0));
        let s = schedule(&[a], today(), flat(1.0), &Scope::All);
        assert!(s.moves.is_empty());
    }

    #[test]
    fn too_big_for_any_week_is_overloaded_and_placed_by_dependencies() {
        // Load 2 per week against a capacity of 1.
        let items = vec![
            item(1, "A", 2, 1.0, &[]),
            item(2, "Huge", 2, 4.0, &[1]),
            item(3, "C", 1, 0.5, &[]),
            item(4, "D", 1, 1.0, &[]),
        ];
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert_eq!(s.overloaded, vec![id(2)]);
        assert_eq!(mv(&s, 2).to, week(2));
        assert_eq!(mv(&s, 2).reason, MoveReason::Dependency(id(1)));
        // A takes half of weeks 0-1 and C the other half of week 0.
        assert_eq!(mv(&s, 3).to, week(0));
        // "Huge" still reserves weeks 2-3, so D (a full person) waits for week 4.
        assert_eq!(mv(&s, 4).to, week(4));
        assert_eq!(mv(&s, 4).reason, MoveReason::Capacity);
    }

    #[test]
    fn zero_capacity_places_by_dependencies_only() {
        let items = vec![
            item(1, "A", 2, 1.0, &[]),
            item(2, "B", 1, 1.0, &[1]),
            item(3, "Free", 1, 0.0, &[]),
        ];
        let s = schedule(&items, today(), flat(0.0), &Scope::All);
        assert_eq!(s.overloaded, vec![id(1), id(2)]);
        assert_eq!(
            starts(&items, &s),
            vec![Some(week(0)), Some(week(2)), Some(week(0))]
        );
    }

    #[test]
    fn capacity_follows_the_weeks_and_bad_numbers_mean_none() {
        // Nobody until week 3, then one person; NaN counts as nobody.
        let hired = week(3);
        let cap = move |d: NaiveDate| if d >= hired { 1.0 } else { f64::NAN };
        let s = schedule(&[item(1, "A", 2, 2.0, &[])], today(), cap, &Scope::All);
        assert_eq!(s.moves[0].to, week(3));
        assert_eq!(s.moves[0].reason, MoveReason::Capacity);
    }

    #[test]
    fn ready_together_keeps_the_users_order() {
        // Capacity for one at a time: earlier current start first, undated last.
        let mut late = item(1, "Late", 1, 1.0, &[]);
        late.start = Some(week(9));
        let mut early = item(2, "Early", 1, 1.0, &[]);
        early.start = Some(week(5));
        let undated = item(3, "Undated", 1, 1.0, &[]);
        let items = vec![undated, late, early];
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert_eq!(
            starts(&items, &s),
            vec![Some(week(2)), Some(week(1)), Some(week(0))]
        );
    }

    #[test]
    fn a_cycle_places_nothing() {
        let items = vec![item(1, "A", 1, 1.0, &[2]), item(2, "B", 1, 1.0, &[1])];
        let s = schedule(&items, today(), flat(5.0), &Scope::All);
        assert!(s.moves.is_empty());
        assert_eq!(s.unplaced_cycle, Some(vec![id(1), id(2)]));
    }

    #[test]
    fn describe_move_in_plain_words() {
        let items = vec![
            item(1, "Choose a cloud", 2, 1.0, &[]),
            item(2, "Set up CI", 2, 1.0, &[1]),
        ];
        let d = |from, to, reason| {
            describe_move(
                &items,
                &Move {
                    id: id(2),
                    from,
                    to,
                    reason,
                },
            )
        };
        let (mar3, mar17) = (week(0), week(2));
        assert_eq!(
            d(Some(mar3), mar17, MoveReason::Dependency(id(1))),
            "“Set up CI” moves from 3 Mar 2026 to 17 Mar 2026: it waits for “Choose a cloud”."
        );
        assert_eq!(
            d(Some(mar17), mar3, MoveReason::Dependency(id(1))),
            "“Set up CI” moves from 17 Mar 2026 to 3 Mar 2026: it can start as soon as \
             “Choose a cloud” ends."
        );
        assert_eq!(
            d(Some(mar3), mar17, MoveReason::Capacity),
            "“Set up CI” moves from 3 Mar 2026 to 17 Mar 2026: the team has no capacity left \
             before then."
        );
        assert_eq!(
            d(None, mar3, MoveReason::Today),
            "“Set up CI” gets a start date, 3 Mar 2026: it was undated, and the earliest start \
             is today."
        );
        assert_eq!(
            d(Some(mar3 - Days::new(30)), mar3, MoveReason::Today),
            "“Set up CI” moves from 1 Feb 2026 to 3 Mar 2026: it was in the past, and the \
             earliest start is today."
        );
    }

    #[test]
    fn describe_move_in_chinese() {
        let items = vec![
            item(1, "选择云平台", 2, 1.0, &[]),
            item(2, "", 2, 1.0, &[1]),
        ];
        let d = |from, to, reason| {
            describe_move(
                &items,
                &Move {
                    id: id(2),
                    from,
                    to,
                    reason,
                },
            )
        };
        let (mar3, mar17) = (week(0), week(2));
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let texts = [
            d(Some(mar3), mar17, MoveReason::Dependency(id(1))),
            d(Some(mar17), mar3, MoveReason::Dependency(id(1))),
            d(None, mar17, MoveReason::Capacity),
            d(None, mar3, MoveReason::Today),
            d(Some(mar3), mar17, MoveReason::Dependency(id(9))),
            deps::describe_cycle(&items, &[id(1), id(2)]),
        ];
        crate::i18n::set_current(crate::i18n::Lang::En);
        assert_eq!(
            texts,
            [
                "“未命名举措”从 2026年3月3日 移到 2026年3月17日：它要等“选择云平台”完成。",
                "“未命名举措”从 2026年3月17日 移到 2026年3月3日：“选择云平台”一结束它就可以开始。",
                "“未命名举措”有了开始日期 2026年3月17日：在此之前团队已没有剩余产能。",
                "“未命名举措”有了开始日期 2026年3月3日：它原先没有日期，最早只能今天开始。",
                "“未命名举措”从 2026年3月3日 移到 2026年3月17日：它要等“一项已不存在的举措”完成。",
                "“选择云平台” → “未命名举措” → “选择云平台”",
            ]
        );
    }

    /// Every dependency (not dropped, dated) ends on or before its follower starts.
    fn respects_dependencies(items: &[Initiative]) -> Result<(), String> {
        match deps::conflicts(items).first() {
            Some(c) => Err(format!("{c:?}")),
            None => Ok(()),
        }
    }

    #[test]
    fn a_chain_of_300_runs_fast_and_in_order() {
        // Listed last-first so the list order never helps.
        let n = 300u128;
        let items: Vec<Initiative> = (1..=n)
            .rev()
            .map(|k| {
                let deps: Vec<u128> = if k > 1 { vec![k - 1] } else { vec![] };
                item(k, "step", 1 + (k % 5) as u32, 1.0, &deps)
            })
            .collect();
        let started = std::time::Instant::now();
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert!(started.elapsed().as_secs_f64() < 1.0);
        assert_eq!(s.moves.len(), 300);
        assert!(s.overloaded.is_empty());
        let mut placed = items.clone();
        apply(&mut placed, &s);
        respects_dependencies(&placed).unwrap();
        // A chain with room to spare is back to back: the last starts when all others end.
        let total: u64 = (1..n).map(|k| 1 + (k % 5) as u64).sum();
        assert_eq!(placed[0].start, Some(week(total)));
    }

    #[test]
    fn three_hundred_that_never_fit_search_ten_years_quickly() {
        let items: Vec<Initiative> = (1..=300).map(|k| item(k, "x", 520, 1040.0, &[])).collect();
        let started = std::time::Instant::now();
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert!(started.elapsed().as_secs_f64() < 1.0);
        assert_eq!(s.overloaded.len(), 300);
        // Half a person each: two fit side by side in the first ten years, the rest do not.
        let items: Vec<Initiative> = (1..=300).map(|k| item(k, "x", 520, 260.0, &[])).collect();
        let s = schedule(&items, today(), flat(1.0), &Scope::All);
        assert_eq!(s.overloaded.len(), 298);
        assert_eq!(mv(&s, 3).to, week(0));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Random roadmaps without cycles (each depends only on earlier ids): after scheduling,
        /// no dependency conflicts remain, nothing starts before today, and no week holds more
        /// than the capacity unless something was reported overloaded.
        #[test]
        fn schedules_respect_dependencies_and_capacity(
            specs in prop::collection::vec(
                (1u32..6, 0u32..8, prop::collection::vec(0usize..40, 0..3), 0u8..4, prop::option::of(0u64..10)),
                1..40,
            ),
            capacity in 0u32..4,
        ) {
            let statuses = [
                InitiativeStatus::Planned,
                InitiativeStatus::Planned,
                InitiativeStatus::InProgress,
                InitiativeStatus::Done,
            ];
            let items: Vec<Initiative> = specs
                .iter()
                .enumerate()
                .map(|(k, (weeks, effort, deps, status, start))| {
                    let deps: Vec<u128> =
                        deps.iter().filter(|d| **d < k).map(|d| *d as u128 + 1).collect();
                    let mut i = item(k as u128 + 1, "x", *weeks, f64::from(*effort), &deps);
                    i.status = statuses[usize::from(*status)];
                    i.start = start.map(week);
                    i
                })
                .collect();
            let s = schedule(&items, today(), flat(f64::from(capacity)), &Scope::All);
            let mut placed = items.clone();
            apply(&mut placed, &s);
            for (before, after) in items.iter().zip(&placed) {
                if before.status != InitiativeStatus::Planned {
                    prop_assert_eq!(before.start, after.start);
                } else {
                    prop_assert!(after.start.is_some_and(|d| d >= today()));
                }
            }
            // Only planned followers can be fixed by the schedule.
            for c in deps::conflicts(&placed) {
                let follower = placed.iter().find(|i| i.id == c.initiative).unwrap();
                prop_assert!(follower.status != InitiativeStatus::Planned, "{:?}", c);
            }
            if s.overloaded.is_empty() {
                // Weeks where a moved initiative runs hold no more than the capacity (those
                // already overfull from in-progress work are left alone by the schedule).
                let mut total = vec![0.0; 2000];
                let mut moved = vec![0.0; 2000];
                for (before, i) in items.iter().zip(&placed).filter(|(_, i)| i.is_open()) {
                    let Some(start) = i.start else { continue };
                    let first = (start - today()).num_days().max(0) as usize / 7;
                    let after = ((i.end().unwrap() - today()).num_days() + 6).max(0) as usize / 7;
                    for w in first..after {
                        total[w] += weekly_load(i);
                        if before.status == InitiativeStatus::Planned {
                            moved[w] += weekly_load(i);
                        }
                    }
                }
                for (t, m) in total.iter().zip(&moved) {
                    prop_assert!(*m <= 0.0 || *t <= f64::from(capacity) + 1e-6, "week load {}", t);
                }
            }
        }
    }
}
