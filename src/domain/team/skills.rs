//! The skills matrix: every skill the team has, plans to gain or the open roadmap needs, with each
//! person's level, the level needed, the gap today and the planned change that closes it.
//!
//! Skills are matched by [`skill_key`], so "Rust" and " rust " are one skill, shown with the
//! first spelling met (people first, then the plan, then initiatives).

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Team, MAX_SKILL};
use crate::domain::roadmap::Initiative;

/// The key skills are matched by: trimmed, lowercased, inner whitespace collapsed to one space.
pub fn skill_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One skill across the team.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillRow {
    /// The first spelling met.
    pub name: String,
    /// Each person's level, in team order; 0 when they do not have the skill.
    pub levels: Vec<(Uuid, u8)>,
    /// The highest level among today's people.
    pub best: u8,
    /// The highest level asked by an open initiative; `None` when none asks for it.
    pub needed: Option<u8>,
    /// Open initiatives that need the skill, in roadmap order.
    pub needed_by: Vec<Uuid>,
    /// The planned change bringing the skill: (date, level, change id). See [`skills_matrix`].
    pub planned: Option<(NaiveDate, u8, Uuid)>,
    /// `needed - best` when positive: how many levels today's people lack.
    pub gap: Option<u8>,
}

impl SkillRow {
    /// True when a planned change brings the skill at the needed level or above.
    pub fn planned_closes_gap(&self) -> bool {
        match (self.planned, self.needed) {
            (Some((_, level, _)), Some(needed)) => level >= needed,
            _ => false,
        }
    }
}

/// All skills, gaps first (largest first), then by name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SkillsMatrix {
    pub skills: Vec<SkillRow>,
}

/// Builds the matrix from the team and the roadmap. Only open initiatives (planned or in progress)
/// set what is needed; the gap counts today's people only, not planned changes. `planned` is the
/// earliest change that brings the skill at the needed level or above; when nothing is needed or
/// no change reaches that level, the earliest change that brings the skill at all (level 1 or
/// more). Levels above [`MAX_SKILL`] in a file count as [`MAX_SKILL`].
pub fn skills_matrix(team: &Team, initiatives: &[Initiative]) -> SkillsMatrix {
    // Key → display name, in the order first met.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut meet = |name: &str| {
        let key = skill_key(name);
        if !key.is_empty() && !names.contains_key(&key) {
            names.insert(key, name.trim().to_string());
        }
    };
    let open: Vec<&Initiative> = initiatives.iter().filter(|i| i.is_open()).collect();
    team.people
        .iter()
        .flat_map(|p| p.skills.keys())
        .chain(team.changes.iter().flat_map(|c| c.skills.keys()))
        .chain(open.iter().flat_map(|i| i.skills.keys()))
        .for_each(|name| meet(name));

    // A map may hold two spellings of one skill (hand-edited files); the higher level counts.
    let level_in = |skills: &BTreeMap<String, u8>, key: &str| -> Option<u8> {
        skills
            .iter()
            .filter(|(name, _)| skill_key(name) == key)
            .map(|(_, level)| (*level).min(MAX_SKILL))
            .max()
    };

    let mut changes: Vec<_> = team.changes.iter().collect();
    changes.sort_by_key(|c| c.date);

    let mut skills: Vec<SkillRow> = names
        .into_iter()
        .map(|(key, name)| {
            let levels: Vec<(Uuid, u8)> = team
                .people
                .iter()
                .map(|p| (p.id, level_in(&p.skills, &key).unwrap_or(0)))
                .collect();
            let best = levels.iter().map(|(_, l)| *l).max().unwrap_or(0);
            let asked: Vec<(Uuid, u8)> = open
                .iter()
                .filter_map(|i| level_in(&i.skills, &key).map(|l| (i.id, l)))
                .collect();
            let needed = asked.iter().map(|(_, l)| *l).max();
            let bringing = || {
                changes.iter().filter_map(|c| {
                    level_in(&c.skills, &key)
                        .filter(|l| *l > 0)
                        .map(|l| (c.date, l, c.id))
                })
            };
            let planned = needed
                .and_then(|n| bringing().find(|(_, l, _)| *l >= n))
                .or_else(|| bringing().next());
            let gap = needed.and_then(|n| n.checked_sub(best)).filter(|g| *g > 0);
            SkillRow {
                name,
                levels,
                best,
                needed,
                needed_by: asked.into_iter().map(|(id, _)| id).collect(),
                planned,
                gap,
            }
        })
        .collect();
    skills.sort_by_cached_key(|s| (Reverse(s.gap.unwrap_or(0)), skill_key(&s.name)));
    SkillsMatrix { skills }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roadmap::InitiativeStatus;
    use crate::domain::team::{ChangeKind, Person, TeamChange};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn skills(list: &[(&str, u8)]) -> BTreeMap<String, u8> {
        list.iter().map(|(n, l)| (n.to_string(), *l)).collect()
    }

    fn person(name: &str, list: &[(&str, u8)]) -> Person {
        Person {
            id: Uuid::new_v4(),
            name: name.into(),
            role: String::new(),
            monthly_cost: None,
            roadmap_share: 100,
            skills: skills(list),
        }
    }

    fn change(date: NaiveDate, list: &[(&str, u8)]) -> TeamChange {
        TeamChange {
            id: Uuid::new_v4(),
            kind: ChangeKind::Hire,
            title: "Hire".into(),
            date,
            person: None,
            capacity_weeks: 4.0,
            monthly_cost: None,
            one_off_cost: None,
            skills: skills(list),
        }
    }

    fn initiative(status: InitiativeStatus, list: &[(&str, u8)]) -> Initiative {
        let mut i = Initiative::new(Uuid::new_v4(), "Work");
        i.status = status;
        i.skills = skills(list);
        i
    }

    fn row<'a>(m: &'a SkillsMatrix, name: &str) -> &'a SkillRow {
        m.skills
            .iter()
            .find(|s| skill_key(&s.name) == skill_key(name))
            .unwrap()
    }

    #[test]
    fn skill_keys_ignore_case_and_spacing() {
        assert_eq!(skill_key(" rust "), "rust");
        assert_eq!(skill_key("Rust"), skill_key(" rust "));
        assert_eq!(skill_key("  Cloud \t Security "), "cloud security");
        assert_ne!(skill_key("Go"), skill_key("Rust"));
    }

    #[test]
    fn spellings_merge_into_one_row_with_the_first_name_met() {
        let ana = person("Ana", &[("Rust", 3)]);
        let ben = person("Ben", &[(" rust ", 1), ("SQL", 2)]);
        let team = Team {
            people: vec![ana.clone(), ben.clone()],
            ..Team::default()
        };
        let m = skills_matrix(&team, &[]);
        assert_eq!(m.skills.len(), 2);
        let rust = row(&m, "rust");
        assert_eq!(rust.name, "Rust");
        assert_eq!(rust.levels, vec![(ana.id, 3), (ben.id, 1)]);
        assert_eq!(rust.best, 3);
        assert_eq!(rust.needed, None);
        assert_eq!(rust.gap, None);
        assert_eq!(row(&m, "sql").levels, vec![(ana.id, 0), (ben.id, 2)]);
    }

    #[test]
    fn needed_comes_from_open_initiatives_only() {
        let team = Team {
            people: vec![person("Ana", &[("Rust", 1)])],
            ..Team::default()
        };
        let planned = initiative(InitiativeStatus::Planned, &[("rust", 2)]);
        let doing = initiative(InitiativeStatus::InProgress, &[("RUST", 3)]);
        let done = initiative(InitiativeStatus::Done, &[("Rust", 4), ("Kubernetes", 4)]);
        let dropped = initiative(InitiativeStatus::Dropped, &[("Rust", 4)]);
        let work = vec![planned.clone(), done, doing.clone(), dropped];
        let m = skills_matrix(&team, &work);
        // A closed initiative adds neither a skill nor a need.
        assert_eq!(m.skills.len(), 1);
        let rust = row(&m, "Rust");
        assert_eq!(rust.needed, Some(3));
        assert_eq!(rust.needed_by, vec![planned.id, doing.id]);
        assert_eq!(rust.gap, Some(2));
    }

    #[test]
    fn gaps_sort_first_largest_first_then_by_name() {
        let team = Team {
            people: vec![person("Ana", &[("Rust", 3), ("Design", 1), ("Go", 2)])],
            ..Team::default()
        };
        let work = vec![initiative(
            InitiativeStatus::Planned,
            &[
                ("Security", 2),
                ("Design", 4),
                ("Rust", 2),
                ("Accessibility", 2),
            ],
        )];
        let m = skills_matrix(&team, &work);
        let order: Vec<(&str, Option<u8>)> =
            m.skills.iter().map(|s| (s.name.as_str(), s.gap)).collect();
        assert_eq!(
            order,
            vec![
                ("Design", Some(3)),
                ("Accessibility", Some(2)),
                ("Security", Some(2)),
                ("Go", None),
                ("Rust", None),
            ]
        );
        // Nobody has security: best is 0 and the row lists the person with 0.
        assert_eq!(row(&m, "Security").best, 0);
        assert_eq!(row(&m, "Security").levels[0].1, 0);
    }

    #[test]
    fn planned_change_that_reaches_the_need_is_named() {
        let weak = change(d(2026, 2, 1), &[("Security", 1)]);
        let strong_late = change(d(2026, 9, 1), &[("security", 3)]);
        let strong = change(d(2026, 5, 1), &[("Security", 4)]);
        let team = Team {
            people: vec![person("Ana", &[])],
            changes: vec![strong_late, weak.clone(), strong.clone()],
            ..Team::default()
        };
        let work = vec![initiative(InitiativeStatus::Planned, &[("Security", 3)])];
        let m = skills_matrix(&team, &work);
        let sec = row(&m, "Security");
        // The gap still counts today's people only.
        assert_eq!(sec.gap, Some(3));
        assert_eq!(sec.planned, Some((d(2026, 5, 1), 4, strong.id)));
        assert!(sec.planned_closes_gap());

        // Without a change reaching the need, the earliest one is named and does not close it.
        let team = Team {
            people: vec![person("Ana", &[])],
            changes: vec![weak.clone()],
            ..Team::default()
        };
        let sec = skills_matrix(&team, &work).skills.remove(0);
        assert_eq!(sec.planned, Some((d(2026, 2, 1), 1, weak.id)));
        assert!(!sec.planned_closes_gap());
    }

    #[test]
    fn skills_only_in_the_plan_still_appear_and_levels_are_capped() {
        let team = Team {
            people: vec![person("Ana", &[("Rust", 9)])],
            changes: vec![change(d(2026, 3, 1), &[("Terraform", 2), ("  ", 3)])],
            ..Team::default()
        };
        let m = skills_matrix(&team, &[]);
        assert_eq!(m.skills.len(), 2);
        assert_eq!(row(&m, "Rust").best, MAX_SKILL);
        let tf = row(&m, "Terraform");
        assert_eq!(tf.best, 0);
        assert_eq!(tf.planned.map(|p| p.1), Some(2));
    }
}
