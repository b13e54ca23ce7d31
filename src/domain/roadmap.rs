//! Initiatives and the roadmap they form: the data a founder plans with. Logic lives in the
//! submodules: `deps` (dependency cycles and start-before-dependency conflicts), `schedule`
//! (placing initiatives as early as dependencies and capacity allow) and `suggest` (initiatives
//! proposed from the assessment's gaps). Dates come in as arguments, never from the clock.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::budget::BudgetCategory;

pub mod deps;
pub mod effort;
pub mod schedule;
pub mod short_plan;
pub mod suggest;

/// Where an initiative is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InitiativeStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl InitiativeStatus {
    pub const ALL: [InitiativeStatus; 4] = [
        InitiativeStatus::Planned,
        InitiativeStatus::InProgress,
        InitiativeStatus::Done,
        InitiativeStatus::Dropped,
    ];

    /// The value written in files; stable once released.
    pub fn id(self) -> &'static str {
        match self {
            InitiativeStatus::Planned => "planned",
            InitiativeStatus::InProgress => "in-progress",
            InitiativeStatus::Done => "done",
            InitiativeStatus::Dropped => "dropped",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            InitiativeStatus::Planned => "Planned",
            InitiativeStatus::InProgress => "In progress",
            InitiativeStatus::Done => "Done",
            InitiativeStatus::Dropped => "Dropped",
        }
    }

    pub fn from_id(id: &str) -> Option<InitiativeStatus> {
        InitiativeStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Now, next or later: a coarse view of when an initiative happens, derived from its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Horizon {
    /// Under way, or starting within [`NOW_DAYS`] days.
    Now,
    /// Starting within [`NEXT_DAYS`] days.
    Next,
    /// Later, or not dated yet.
    Later,
}

/// An initiative starting within this many days of today is "now".
pub const NOW_DAYS: i64 = 90;
/// An initiative starting within this many days of today (and not "now") is "next".
pub const NEXT_DAYS: i64 = 270;

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::Next, Horizon::Later];

    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now (next 3 months)",
            Horizon::Next => "Next (3 to 9 months)",
            Horizon::Later => "Later (9 months or more, or not dated)",
        }
    }
}

/// Longest duration accepted, in weeks (ten years); beyond it a number is surely a typo.
pub const MAX_DURATION_WEEKS: u32 = 520;
/// Largest effort accepted for one initiative, in person-weeks.
pub const MAX_EFFORT_WEEKS: f64 = 10_000.0;
/// Largest ongoing effort accepted for one initiative, in person-weeks per quarter (a quarter
/// is 13 weeks, so this is about 77 people full time).
pub const MAX_RECURRING_WEEKS: f64 = 1_000.0;
/// Weeks in a quarter, for spreading ongoing effort over weeks (4 × 13 = 52).
pub const WEEKS_PER_QUARTER: f64 = 13.0;

/// A piece of work on the roadmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    /// Assessment areas this initiative improves (area ids).
    pub areas: Vec<String>,
    /// Assessment questions this initiative improves (question ids).
    pub questions: Vec<String>,
    /// Goals this initiative serves (goal ids of the same assessment).
    pub goals: Vec<Uuid>,
    /// First day of work; `None` until the initiative is dated.
    pub start: Option<NaiveDate>,
    /// Length in whole weeks, at least 1; the end is `start + 7 × duration_weeks` days.
    pub duration_weeks: u32,
    pub owner: String,
    pub status: InitiativeStatus,
    /// Work needed, in person-weeks: the one-off effort to get it done.
    pub effort_weeks: f64,
    /// Work that goes on after the initiative ends, in person-weeks per quarter (a monthly
    /// review, a yearly audit); 0 for one-off work. From the end onwards it takes team capacity
    /// and, valued at the person-week rate, counts in the budget. Left out of files when 0, so a
    /// file without ongoing work reads the same in earlier versions.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub recurring_weeks_per_quarter: f64,
    /// Paid once, in the start month; `None` when there is none or it is unknown.
    pub one_off_cost: Option<f64>,
    /// Paid every month while the initiative runs (start to end, pro rata by day). Costs that go
    /// on afterwards belong in the technology inventory or the budget's running costs.
    pub monthly_cost: Option<f64>,
    /// Who is paid: in-house people, tools and vendors, infrastructure or a partner.
    pub cost_category: BudgetCategory,
    /// Initiatives that must end before this one starts.
    pub depends_on: Vec<Uuid>,
    /// Marked on the timeline as a milestone (a date the board cares about).
    pub milestone: bool,
    /// Skills the work needs: skill name → level 0 to 4 (the team's scale).
    pub skills: BTreeMap<String, u8>,
    /// The improvement step this was suggested from, as `question-id@from-level`; `None` when
    /// the user wrote it. Keeps "Suggest from gaps" from proposing the same step twice.
    pub suggested_from: Option<String>,
}

impl Initiative {
    pub fn new(id: Uuid, title: impl Into<String>) -> Self {
        Initiative {
            id,
            title: title.into(),
            description: String::new(),
            areas: Vec::new(),
            questions: Vec::new(),
            goals: Vec::new(),
            start: None,
            duration_weeks: 4,
            owner: String::new(),
            status: InitiativeStatus::Planned,
            effort_weeks: 0.0,
            recurring_weeks_per_quarter: 0.0,
            one_off_cost: None,
            monthly_cost: None,
            cost_category: BudgetCategory::People,
            depends_on: Vec::new(),
            milestone: false,
            skills: BTreeMap::new(),
            suggested_from: None,
        }
    }

    /// The day after the last day of work (exclusive end); `None` while undated.
    pub fn end(&self) -> Option<NaiveDate> {
        let start = self.start?;
        start.checked_add_days(Days::new(7 * u64::from(self.duration_weeks.max(1))))
    }

    /// The ongoing effort in person-weeks per quarter that counts: 0 when none, or when the
    /// figure is not a number or below zero (a hand-edited file).
    pub fn recurring(&self) -> f64 {
        let r = self.recurring_weeks_per_quarter;
        if r.is_finite() && r > 0.0 {
            r
        } else {
            0.0
        }
    }

    /// True when the initiative still needs doing (neither done nor dropped).
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            InitiativeStatus::Planned | InitiativeStatus::InProgress
        )
    }

    /// Now, next or later, seen from `today`.
    pub fn horizon(&self, today: NaiveDate) -> Horizon {
        let Some(start) = self.start else {
            return Horizon::Later;
        };
        let days = (start - today).num_days();
        if self.status == InitiativeStatus::InProgress || days < NOW_DAYS {
            Horizon::Now
        } else if days < NEXT_DAYS {
            Horizon::Next
        } else {
            Horizon::Later
        }
    }
}

/// For `skip_serializing_if`: an ongoing effort of 0 is not written.
fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

/// How the timeline and the list group initiatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    Area,
    Horizon,
}

/// Label of the group for initiatives linked to no known area.
pub const NO_AREA: &str = "No area";

/// The initiatives in groups, in display order: by area (the first linked area, in the
/// framework's order, "No area" last) or by horizon (now, next, later). Within a group: dated
/// first by start, then undated, each in list order. Dropped initiatives come last in their group.
pub fn grouped<'a>(
    content: &crate::content::Content,
    items: &'a [Initiative],
    today: NaiveDate,
    by: GroupBy,
) -> Vec<(String, Vec<&'a Initiative>)> {
    // (sort key, label) per group.
    let group_of = |i: &Initiative| -> (usize, String) {
        match by {
            GroupBy::Area => i
                .areas
                .iter()
                .find_map(|id| content.area(id))
                .map(|a| (usize::from(a.number), a.name.clone()))
                .unwrap_or((usize::MAX, NO_AREA.to_string())),
            GroupBy::Horizon => {
                let h = i.horizon(today);
                (h as usize, h.label().to_string())
            }
        }
    };
    let mut groups: BTreeMap<(usize, String), Vec<&Initiative>> = BTreeMap::new();
    for i in items {
        groups.entry(group_of(i)).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|((_, label), mut list)| {
            // A stable sort keeps list order among equals.
            list.sort_by_key(|i| {
                (
                    i.status == InitiativeStatus::Dropped,
                    i.start.is_none(),
                    i.start,
                )
            });
            (label, list)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dated(n: u128, title: &str, start: Option<NaiveDate>, areas: &[&str]) -> Initiative {
        let mut i = Initiative::new(Uuid::from_u128(n), title);
        i.start = start;
        i.areas = areas.iter().map(|a| a.to_string()).collect();
        i
    }

    #[test]
    fn end_is_exclusive_and_whole_weeks() {
        let mut i = dated(1, "x", Some(day(2026, 1, 5)), &[]);
        i.duration_weeks = 2;
        assert_eq!(i.end(), Some(day(2026, 1, 19)));
        i.duration_weeks = 0;
        assert_eq!(
            i.end(),
            Some(day(2026, 1, 12)),
            "a zero duration counts as one week"
        );
        i.start = None;
        assert_eq!(i.end(), None);
    }

    #[test]
    fn ongoing_effort_is_left_out_of_files_when_none_and_read_as_none() {
        let mut i = dated(1, "x", None, &[]);
        let text = serde_json::to_string(&i).unwrap();
        assert!(!text.contains("recurring_weeks_per_quarter"), "{text}");
        let back: Initiative = serde_json::from_str(&text).unwrap();
        assert_eq!(back.recurring_weeks_per_quarter, 0.0);
        i.recurring_weeks_per_quarter = 1.5;
        let text = serde_json::to_string(&i).unwrap();
        assert!(
            text.contains("\"recurring_weeks_per_quarter\":1.5"),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Initiative>(&text).unwrap(), i);
        i.recurring_weeks_per_quarter = f64::NAN;
        assert_eq!(i.recurring(), 0.0);
        i.recurring_weeks_per_quarter = -2.0;
        assert_eq!(i.recurring(), 0.0);
    }

    #[test]
    fn horizon_from_start_and_status() {
        let today = day(2026, 1, 1);
        let mut i = dated(1, "x", Some(day(2026, 3, 31)), &[]);
        assert_eq!(i.horizon(today), Horizon::Now, "89 days ahead");
        i.start = Some(day(2026, 4, 1));
        assert_eq!(i.horizon(today), Horizon::Next, "90 days ahead");
        i.start = Some(day(2026, 9, 28));
        assert_eq!(i.horizon(today), Horizon::Later, "270 days ahead");
        i.status = InitiativeStatus::InProgress;
        assert_eq!(i.horizon(today), Horizon::Now, "under way is always now");
        i.start = None;
        assert_eq!(i.horizon(today), Horizon::Later, "undated is later");
    }

    #[test]
    fn groups_follow_area_order_and_dates() {
        let content = crate::content::get();
        let today = day(2026, 1, 1);
        let items = vec![
            dated(1, "no area", Some(day(2026, 2, 1)), &[]),
            dated(2, "team late", Some(day(2026, 6, 1)), &["team"]),
            dated(3, "goals", Some(day(2026, 3, 1)), &["business-goals"]),
            dated(4, "team undated", None, &["team"]),
            dated(
                5,
                "team early",
                Some(day(2026, 2, 1)),
                &["unknown-area", "team"],
            ),
        ];
        let groups = grouped(content, &items, today, GroupBy::Area);
        let labels: Vec<&str> = groups.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, vec!["Business goals", "Team", NO_AREA]);
        let team: Vec<&str> = groups[1].1.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(team, vec!["team early", "team late", "team undated"]);

        let by_horizon = grouped(content, &items, today, GroupBy::Horizon);
        let counts: Vec<(String, usize)> = by_horizon
            .iter()
            .map(|(l, v)| (l.clone(), v.len()))
            .collect();
        assert_eq!(
            counts,
            vec![
                (Horizon::Now.label().to_string(), 3),
                (Horizon::Next.label().to_string(), 1),
                (Horizon::Later.label().to_string(), 1),
            ]
        );
    }
}
