//! Capacity for roadmap work, in person-weeks: what the team offers in a week or a month (today's
//! people plus the hires, contractors and trainings planned up to then) and what the roadmap's
//! open, dated initiatives ask for in a month. Dates come in as arguments, never from the clock.

use chrono::{Datelike, Months, NaiveDate};

use super::{Team, TeamChange, WEEKS_PER_MONTH};
use crate::domain::roadmap::{Initiative, InitiativeStatus};
use crate::domain::Assessment;

/// A person's share of time for roadmap work as a fraction (0 to 1); a share above 100 % in a
/// hand-edited file counts as 100 %.
fn share(roadmap_share: u8) -> f64 {
    f64::from(roadmap_share.min(100)) / 100.0
}

/// Person-weeks per month a change adds; a non-finite number in a file counts as nothing.
fn change_weeks(change: &TeamChange) -> f64 {
    if change.capacity_weeks.is_finite() {
        change.capacity_weeks
    } else {
        0.0
    }
}

/// Person-weeks available for roadmap work in the week starting `week_start`: each person gives
/// their roadmap share of one week (a full-time person at 100 % gives 1), and each team change
/// dated on or before `week_start` adds its monthly capacity divided by [`WEEKS_PER_MONTH`].
/// Never below zero, even when a plan holds negative numbers. The roadmap scheduler calls this.
pub fn weekly_capacity(team: &Team, week_start: NaiveDate) -> f64 {
    let people: f64 = team.people.iter().map(|p| share(p.roadmap_share)).sum();
    let changes: f64 = team
        .changes
        .iter()
        .filter(|c| c.date <= week_start)
        .map(|c| change_weeks(c) / WEEKS_PER_MONTH)
        .sum();
    not_negative(people + changes)
}

/// Zero or more, and never "-0" (an empty sum of floats is -0.0, which prints as "-0.0").
fn not_negative(v: f64) -> f64 {
    if v > 0.0 {
        v
    } else {
        0.0
    }
}

/// Share of time each person the Profile's team size stands for gives the roadmap: the share a
/// person added on the Team page starts with (100 %).
pub const SEEDED_SHARE: u8 = 100;

/// How many people the Profile's team size stands for in capacity: the team size while the
/// Team lists no one, else `None` (the people entered replace it).
pub fn seeded_people(a: &Assessment) -> Option<u32> {
    a.team
        .people
        .is_empty()
        .then_some(a.profile.team_size)
        .flatten()
        .filter(|n| *n > 0)
}

/// [`weekly_capacity`] of the assessment's team, with the Profile's team size standing in for
/// the people until some are entered ([`seeded_people`], each at [`SEEDED_SHARE`]).
pub fn assessment_weekly_capacity(a: &Assessment, week_start: NaiveDate) -> f64 {
    let seeded = f64::from(seeded_people(a).unwrap_or(0)) * share(SEEDED_SHARE);
    not_negative(weekly_capacity(&a.team, week_start) + seeded)
}

/// [`monthly_capacity`] of the assessment's team, with the Profile's team size standing in for
/// the people until some are entered, as in [`assessment_weekly_capacity`].
pub fn assessment_monthly_capacity(a: &Assessment, month_start: NaiveDate) -> f64 {
    let seeded = f64::from(seeded_people(a).unwrap_or(0)) * share(SEEDED_SHARE) * WEEKS_PER_MONTH;
    not_negative(monthly_capacity(&a.team, month_start) + seeded)
}

/// The first day of the month holding `day`, the first day of the next month, and the number of
/// days in between. `None` only at the very end of the calendar chrono supports.
fn month_bounds(day: NaiveDate) -> Option<(NaiveDate, NaiveDate, i64)> {
    let first = day.with_day(1)?;
    let next = first.checked_add_months(Months::new(1))?;
    Some((first, next, (next - first).num_days()))
}

/// Person-weeks available for roadmap work in the calendar month holding `month_start` (any day
/// of the month will do): each person gives their share of [`WEEKS_PER_MONTH`], and each team
/// change its monthly capacity, pro rata by day when it starts during the month.
pub fn monthly_capacity(team: &Team, month_start: NaiveDate) -> f64 {
    let Some((first, next, days)) = month_bounds(month_start) else {
        return 0.0;
    };
    let people: f64 = team
        .people
        .iter()
        .map(|p| share(p.roadmap_share) * WEEKS_PER_MONTH)
        .sum();
    let changes: f64 = team
        .changes
        .iter()
        .filter(|c| c.date < next)
        .map(|c| {
            // Days of the month on which the change is in effect.
            let from = c.date.max(first);
            change_weeks(c) * (next - from).num_days() as f64 / days as f64
        })
        .sum();
    not_negative(people + changes)
}

/// Person-weeks the roadmap asks for in the calendar month holding `month_start`: each open,
/// dated initiative's effort spread evenly over the days from its start to its end, counting the
/// days that fall in the month; and, from its end onwards, the ongoing effort of every dated
/// initiative not dropped (a done step's monthly review still takes time), a third of its
/// person-weeks a quarter each month, pro rata by day. Undated initiatives ask for nothing.
pub fn monthly_demand(initiatives: &[Initiative], month_start: NaiveDate) -> f64 {
    let Some((first, next, days)) = month_bounds(month_start) else {
        return 0.0;
    };
    let one_off: f64 = initiatives
        .iter()
        .filter(|i| i.is_open() && i.effort_weeks.is_finite() && i.effort_weeks > 0.0)
        .filter_map(|i| {
            let (start, end) = (i.start?, i.end()?);
            let total = (end - start).num_days();
            let overlap = (end.min(next) - start.max(first)).num_days();
            (total > 0 && overlap > 0).then(|| i.effort_weeks * overlap as f64 / total as f64)
        })
        .sum();
    let ongoing: f64 = initiatives
        .iter()
        .filter(|i| i.status != InitiativeStatus::Dropped && i.recurring() > 0.0)
        .filter_map(|i| {
            let from = i.end()?.max(first);
            let in_month = (next - from).num_days();
            (in_month > 0).then(|| i.recurring() / 3.0 * in_month as f64 / days as f64)
        })
        .sum();
    one_off + ongoing
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use uuid::Uuid;

    use super::*;
    use crate::domain::roadmap::InitiativeStatus;
    use crate::domain::team::{ChangeKind, Person};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(share: u8) -> Person {
        Person {
            id: Uuid::new_v4(),
            name: "P".into(),
            role: "Engineer".into(),
            monthly_cost: None,
            roadmap_share: share,
            skills: BTreeMap::new(),
        }
    }

    fn hire(date: NaiveDate, capacity_weeks: f64) -> TeamChange {
        TeamChange {
            id: Uuid::new_v4(),
            kind: ChangeKind::Hire,
            title: "Backend engineer".into(),
            date,
            person: None,
            capacity_weeks,
            monthly_cost: None,
            one_off_cost: None,
            skills: BTreeMap::new(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn weekly_capacity_adds_shares_and_hires_from_their_date() {
        let team = Team {
            people: vec![person(100), person(50), person(0)],
            changes: vec![hire(d(2026, 3, 1), WEEKS_PER_MONTH)],
            ..Team::default()
        };
        assert!(close(weekly_capacity(&team, d(2026, 2, 23)), 1.5));
        // On the hire's date the new full-time engineer counts: one more person-week a week.
        assert!(close(weekly_capacity(&team, d(2026, 3, 1)), 2.5));
        assert!(close(weekly_capacity(&team, d(2026, 6, 1)), 2.5));
    }

    #[test]
    fn weekly_capacity_caps_shares_and_ignores_nonsense() {
        let team = Team {
            people: vec![person(250)],
            changes: vec![hire(d(2026, 1, 1), f64::NAN), hire(d(2026, 1, 1), -100.0)],
            ..Team::default()
        };
        assert_eq!(weekly_capacity(&team, d(2026, 2, 2)), 0.0);
        let team = Team {
            people: vec![person(250)],
            ..Team::default()
        };
        assert!(close(weekly_capacity(&team, d(2026, 2, 2)), 1.0));
    }

    #[test]
    fn monthly_capacity_counts_mid_month_changes_pro_rata_by_day() {
        let team = Team {
            people: vec![person(100)],
            // April has 30 days; starting on the 16th gives 15 of them.
            changes: vec![hire(d(2026, 4, 16), 6.0), hire(d(2026, 5, 1), 10.0)],
            ..Team::default()
        };
        assert!(close(
            monthly_capacity(&team, d(2026, 3, 1)),
            WEEKS_PER_MONTH
        ));
        assert!(close(
            monthly_capacity(&team, d(2026, 4, 1)),
            WEEKS_PER_MONTH + 3.0
        ));
        // Any day of the month gives the same month.
        assert!(close(
            monthly_capacity(&team, d(2026, 4, 20)),
            WEEKS_PER_MONTH + 3.0
        ));
        assert!(close(
            monthly_capacity(&team, d(2026, 5, 1)),
            WEEKS_PER_MONTH + 16.0
        ));
    }

    fn initiative(start: Option<NaiveDate>, weeks: u32, effort: f64) -> Initiative {
        let mut i = Initiative::new(Uuid::new_v4(), "Work");
        i.start = start;
        i.duration_weeks = weeks;
        i.effort_weeks = effort;
        i
    }

    #[test]
    fn monthly_demand_spreads_effort_evenly_over_the_duration() {
        // 4 weeks = 28 days from 18 May: 14 days in May, 14 in June.
        let work = vec![initiative(Some(d(2026, 5, 18)), 4, 8.0)];
        assert!(close(monthly_demand(&work, d(2026, 5, 1)), 4.0));
        assert!(close(monthly_demand(&work, d(2026, 6, 1)), 4.0));
        assert_eq!(monthly_demand(&work, d(2026, 4, 1)), 0.0);
        assert_eq!(monthly_demand(&work, d(2026, 7, 1)), 0.0);
    }

    #[test]
    fn monthly_demand_skips_closed_and_undated_work() {
        let mut done = initiative(Some(d(2026, 5, 4)), 2, 5.0);
        done.status = InitiativeStatus::Done;
        let mut dropped = initiative(Some(d(2026, 5, 4)), 2, 5.0);
        dropped.status = InitiativeStatus::Dropped;
        let mut doing = initiative(Some(d(2026, 5, 4)), 2, 3.0);
        doing.status = InitiativeStatus::InProgress;
        let work = vec![
            done,
            dropped,
            initiative(None, 2, 5.0),
            initiative(Some(d(2026, 5, 4)), 2, f64::INFINITY),
            doing,
        ];
        assert!(close(monthly_demand(&work, d(2026, 5, 1)), 3.0));
    }

    #[test]
    fn ongoing_effort_asks_a_third_of_a_quarter_each_month_after_the_end() {
        // 4 weeks from 4 May: ends (exclusive) 1 June; then 3 person-weeks a quarter.
        let mut audit = initiative(Some(d(2026, 5, 4)), 4, 4.0);
        audit.recurring_weeks_per_quarter = 3.0;
        assert!(close(monthly_demand(&[audit.clone()], d(2026, 5, 1)), 4.0));
        assert!(close(monthly_demand(&[audit.clone()], d(2026, 6, 1)), 1.0));
        assert!(close(monthly_demand(&[audit.clone()], d(2027, 2, 1)), 1.0));
        // Ending on 15 June (exclusive): half the one-off effort, and ongoing on 16 of 30 days.
        audit.start = Some(d(2026, 5, 18));
        assert!(close(
            monthly_demand(&[audit.clone()], d(2026, 6, 1)),
            2.0 + 16.0 / 30.0
        ));
        // Done, the review goes on; dropped, nothing; undated, nothing to count from.
        audit.status = InitiativeStatus::Done;
        assert!(close(monthly_demand(&[audit.clone()], d(2026, 7, 1)), 1.0));
        audit.status = InitiativeStatus::Dropped;
        assert_eq!(monthly_demand(&[audit.clone()], d(2026, 7, 1)), 0.0);
        audit.status = InitiativeStatus::Planned;
        audit.start = None;
        assert_eq!(monthly_demand(&[audit], d(2026, 7, 1)), 0.0);
    }

    #[test]
    fn capacity_is_never_negative_nor_minus_zero() {
        let mut team = Team::default();
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert!(weekly_capacity(&team, d).is_sign_positive());
        assert!(monthly_capacity(&team, d).is_sign_positive());
        assert_eq!(format!("{:.1}", monthly_capacity(&team, d)), "0.0");
        let mut cut = TeamChange {
            id: Uuid::from_u128(9),
            kind: ChangeKind::Contractor,
            title: "Leaves".into(),
            date: d,
            person: None,
            capacity_weeks: -8.0,
            monthly_cost: None,
            one_off_cost: None,
            skills: BTreeMap::new(),
        };
        team.changes.push(cut.clone());
        assert_eq!(weekly_capacity(&team, d), 0.0);
        assert!(monthly_capacity(&team, d).is_sign_positive());
        cut.capacity_weeks = f64::NAN;
        team.changes = vec![cut];
        assert!(weekly_capacity(&team, d).is_sign_positive());
    }

    #[test]
    fn the_profile_team_size_seeds_capacity_until_people_are_entered() {
        use chrono::{TimeZone, Utc};
        let mut a = Assessment::new(
            Uuid::from_u128(1),
            "T",
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        );
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(seeded_people(&a), None);
        assert_eq!(assessment_weekly_capacity(&a, d), 0.0);
        a.profile.team_size = Some(3);
        assert_eq!(seeded_people(&a), Some(3));
        assert_eq!(assessment_weekly_capacity(&a, d), 3.0);
        assert!((assessment_monthly_capacity(&a, d) - 3.0 * WEEKS_PER_MONTH).abs() < 1e-9);
        a.team.people.push(person(50));
        assert_eq!(seeded_people(&a), None);
        assert_eq!(assessment_weekly_capacity(&a, d), 0.5);
    }
}
