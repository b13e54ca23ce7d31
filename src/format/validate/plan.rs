//! Checks for the planning sections (schema v5): initiatives, budget, team and risks. Every
//! reference between items (a dependency, a goal, a trained person, a mitigating initiative) must
//! resolve inside the same assessment, so the UI never meets a dangling id.

use std::collections::{BTreeMap, HashSet};

use uuid::Uuid;

use super::{id_key, number, out_of_range_whole, small, text, unique_ids, Trusted};
use crate::domain::budget::Budget;
use crate::domain::context::MAX_MONTHLY_COST;
use crate::domain::model::Assessment;
use crate::domain::roadmap::{deps, MAX_DURATION_WEEKS, MAX_EFFORT_WEEKS, MAX_RECURRING_WEEKS};
use crate::domain::team::{Team, MAX_SKILL, ROLES};
use crate::format::Problem;
use crate::i18n::{tr, trf};

/// Longest skill name accepted.
const MAX_SKILL_CHARS: usize = 100;
/// Most capacity one planned change may add, in person-weeks per month (about 230 people).
const MAX_CAPACITY_WEEKS: f64 = 1_000.0;

pub(super) fn plan(at: &str, a: &Assessment, trusted: Trusted, problems: &mut Vec<Problem>) {
    if !trusted.initiatives {
        initiatives(at, a, problems);
    }
    budget(&format!("{at}.budget"), &a.budget, problems);
    team(&format!("{at}.team"), &a.team, problems);
    // Risks link to initiatives: trusted only when those are unchanged too.
    if !(trusted.risks && trusted.initiatives) {
        risks(at, a, problems);
    }
}

fn money(problems: &mut Vec<Problem>, path: impl FnOnce() -> String, value: Option<f64>) {
    if let Some(v) = value {
        number(problems, path, v, 0.0..=MAX_MONTHLY_COST);
    }
}

fn skills(problems: &mut Vec<Problem>, path: &str, skills: &BTreeMap<String, u8>) {
    for (name, level) in skills {
        let chars = name.chars().count();
        if name.trim().is_empty() || chars > MAX_SKILL_CHARS {
            problems.push(Problem::new(
                format!("{path}[\"{name}\"]"),
                trf(
                    "format.plan_skill_name",
                    &[("max", &MAX_SKILL_CHARS.to_string())],
                ),
            ));
        }
        small(
            problems,
            || format!("{path}[\"{name}\"]"),
            *level,
            0..=MAX_SKILL,
        );
    }
}

fn initiatives(at: &str, a: &Assessment, problems: &mut Vec<Problem>) {
    let path = format!("{at}.initiatives");
    unique_ids(problems, &path, a.initiatives.iter().map(|i| &i.id));
    let ids: HashSet<Uuid> = a.initiatives.iter().map(|i| i.id).collect();
    let goals: HashSet<Uuid> = a.goals.iter().map(|g| g.id).collect();
    for (i, item) in a.initiatives.iter().enumerate() {
        let here = format!("{path}[{i}]");
        for (field, value) in [
            ("title", &item.title),
            ("description", &item.description),
            ("owner", &item.owner),
        ] {
            text(problems, || format!("{here}.{field}"), value);
        }
        for (j, area) in item.areas.iter().enumerate() {
            id_key(problems, || format!("{here}.areas[{j}]"), area);
        }
        for (j, q) in item.questions.iter().enumerate() {
            id_key(problems, || format!("{here}.questions[{j}]"), q);
        }
        for (j, g) in item.goals.iter().enumerate() {
            if !goals.contains(g) {
                problems.push(Problem::new(
                    format!("{here}.goals[{j}]"),
                    tr("format.plan_no_such_goal"),
                ));
            }
        }
        if !(1..=MAX_DURATION_WEEKS).contains(&item.duration_weeks) {
            problems.push(out_of_range_whole(
                format!("{here}.duration_weeks"),
                item.duration_weeks,
                1,
                MAX_DURATION_WEEKS,
            ));
        }
        number(
            problems,
            || format!("{here}.effort_weeks"),
            item.effort_weeks,
            0.0..=MAX_EFFORT_WEEKS,
        );
        number(
            problems,
            || format!("{here}.recurring_weeks_per_quarter"),
            item.recurring_weeks_per_quarter,
            0.0..=MAX_RECURRING_WEEKS,
        );
        money(
            problems,
            || format!("{here}.one_off_cost"),
            item.one_off_cost,
        );
        money(
            problems,
            || format!("{here}.monthly_cost"),
            item.monthly_cost,
        );
        let mut seen = HashSet::new();
        for (j, d) in item.depends_on.iter().enumerate() {
            let at_dep = format!("{here}.depends_on[{j}]");
            if *d == item.id {
                problems.push(Problem::new(at_dep, tr("format.plan_depends_on_itself")));
            } else if !ids.contains(d) {
                problems.push(Problem::new(at_dep, tr("format.plan_no_such_initiative")));
            } else if !seen.insert(*d) {
                problems.push(Problem::new(at_dep, tr("format.plan_dependency_twice")));
            }
        }
        skills(problems, &format!("{here}.skills"), &item.skills);
        if let Some(key) = &item.suggested_from {
            text(problems, || format!("{here}.suggested_from"), key);
        }
    }
    // A self-dependency is reported above with its path; a longer cycle is named here.
    if let Some(cycle) = deps::find_cycle(&a.initiatives) {
        if cycle.len() > 1 {
            problems.push(Problem::new(
                path,
                trf(
                    "format.plan_dependency_cycle",
                    &[("cycle", &deps::describe_cycle(&a.initiatives, &cycle))],
                ),
            ));
        }
    }
}

fn budget(path: &str, b: &Budget, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for (i, q) in b.quarters.iter().enumerate() {
        let here = format!("{path}.quarters[{i}]");
        if !seen.insert(q.quarter) {
            problems.push(Problem::new(
                format!("{here}.quarter"),
                trf(
                    "format.plan_quarter_twice",
                    &[("quarter", &q.quarter.to_string())],
                ),
            ));
        }
        for c in crate::domain::budget::BudgetCategory::ALL {
            money(
                problems,
                || format!("{here}.{}", c.id().replace('-', "_")),
                q.amount(c),
            );
        }
    }
    let costs = format!("{path}.running_costs");
    unique_ids(problems, &costs, b.running_costs.iter().map(|c| &c.id));
    for (i, c) in b.running_costs.iter().enumerate() {
        let here = format!("{costs}[{i}]");
        text(problems, || format!("{here}.name"), &c.name);
        number(
            problems,
            || format!("{here}.monthly"),
            c.monthly,
            0.0..=MAX_MONTHLY_COST,
        );
        if c.end.is_some_and(|end| end < c.start) {
            problems.push(Problem::new(
                format!("{here}.end"),
                tr("format.plan_end_before_start"),
            ));
        }
    }
}

fn team(path: &str, t: &Team, problems: &mut Vec<Problem>) {
    let people = format!("{path}.people");
    unique_ids(problems, &people, t.people.iter().map(|p| &p.id));
    for (i, p) in t.people.iter().enumerate() {
        let here = format!("{people}[{i}]");
        text(problems, || format!("{here}.name"), &p.name);
        text(problems, || format!("{here}.role"), &p.role);
        money(problems, || format!("{here}.monthly_cost"), p.monthly_cost);
        small(
            problems,
            || format!("{here}.roadmap_share"),
            p.roadmap_share,
            0..=100,
        );
        skills(problems, &format!("{here}.skills"), &p.skills);
    }
    let changes = format!("{path}.changes");
    unique_ids(problems, &changes, t.changes.iter().map(|c| &c.id));
    let people_ids: HashSet<Uuid> = t.people.iter().map(|p| p.id).collect();
    for (i, c) in t.changes.iter().enumerate() {
        let here = format!("{changes}[{i}]");
        text(problems, || format!("{here}.title"), &c.title);
        if let Some(person) = c.person {
            if !people_ids.contains(&person) {
                problems.push(Problem::new(
                    format!("{here}.person"),
                    tr("format.plan_no_such_person"),
                ));
            }
        }
        number(
            problems,
            || format!("{here}.capacity_weeks"),
            c.capacity_weeks,
            0.0..=MAX_CAPACITY_WEEKS,
        );
        money(problems, || format!("{here}.monthly_cost"), c.monthly_cost);
        money(problems, || format!("{here}.one_off_cost"), c.one_off_cost);
        skills(problems, &format!("{here}.skills"), &c.skills);
    }
    for (role, r) in &t.responsibilities {
        let here = format!("{path}.responsibilities[\"{role}\"]");
        if !ROLES.iter().any(|(id, _)| id == role) {
            let known: Vec<&str> = ROLES.iter().map(|(id, _)| *id).collect();
            problems.push(Problem::new(
                here.clone(),
                trf("format.plan_unknown_role", &[("roles", &known.join(", "))]),
            ));
        }
        let mut seen = HashSet::new();
        for (j, party) in r.responsible.iter().enumerate() {
            if !seen.insert(*party) {
                problems.push(Problem::new(
                    format!("{here}.responsible[{j}]"),
                    tr("format.plan_listed_twice"),
                ));
            }
        }
    }
}

fn risks(at: &str, a: &Assessment, problems: &mut Vec<Problem>) {
    let path = format!("{at}.risks");
    unique_ids(problems, &path, a.risks.iter().map(|r| &r.id));
    let initiatives: HashSet<Uuid> = a.initiatives.iter().map(|i| i.id).collect();
    for (i, r) in a.risks.iter().enumerate() {
        let here = format!("{path}[{i}]");
        for (field, value) in [
            ("title", &r.title),
            ("description", &r.description),
            ("owner", &r.owner),
            ("mitigation", &r.mitigation),
        ] {
            text(problems, || format!("{here}.{field}"), value);
        }
        small(
            problems,
            || format!("{here}.likelihood"),
            r.likelihood,
            1..=5,
        );
        small(problems, || format!("{here}.impact"), r.impact, 1..=5);
        for (j, id) in r.initiatives.iter().enumerate() {
            if !initiatives.contains(id) {
                problems.push(Problem::new(
                    format!("{here}.initiatives[{j}]"),
                    tr("format.plan_no_such_initiative"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::super::envelope;
    use crate::domain::model::Assessment;
    use crate::domain::roadmap::Initiative;
    use crate::format::FileKind;

    fn with_recurring(weeks: f64) -> Result<(), String> {
        let mut a = Assessment::new(
            Uuid::from_u128(1),
            "A",
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        );
        let mut i = Initiative::new(Uuid::from_u128(2), "Audit");
        i.recurring_weeks_per_quarter = weeks;
        a.initiatives = vec![i].into();
        envelope(FileKind::Assessment, &[a]).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn ongoing_effort_must_be_a_number_in_range() {
        assert_eq!(with_recurring(0.0), Ok(()));
        assert_eq!(with_recurring(2.5), Ok(()));
        for bad in [-1.0, f64::NAN, 1_000.5] {
            let e = with_recurring(bad).unwrap_err();
            assert!(
                e.contains("initiatives[0].recurring_weeks_per_quarter"),
                "{bad}: {e}"
            );
        }
    }
}
