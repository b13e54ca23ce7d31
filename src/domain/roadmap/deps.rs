//! Dependencies between initiatives: cycles (A waits for B, which waits for A) and conflicts (an
//! initiative dated to start before one of its dependencies ends).
//!
//! Owns: [`find_cycle`], [`cycle_if_added`], [`describe_cycle`], [`Conflict`] and [`conflicts`].
//! Every search is iterative (no recursion), so a chain of hundreds of initiatives cannot
//! overflow the stack, and runs in list order, so the same roadmap always names the same cycle.
//!
//! Rules: an id in `depends_on` that matches no initiative is ignored (it may name an initiative
//! deleted since). Cycles are looked for among all initiatives, whatever their status: a cycle is
//! a mistake in the plan even when one of its members is done or dropped, and the scheduler
//! refuses to place anything while one exists.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Initiative, InitiativeStatus};

/// Position of each id in the list; with duplicate ids (never written by the app) the first wins.
fn index_of(items: &[Initiative]) -> HashMap<Uuid, usize> {
    let mut index = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        index.entry(item.id).or_insert(i);
    }
    index
}

/// A dependency cycle, if there is one: ids `[a, b, c]` mean a depends on b, b on c and c on a.
/// A self-dependency is a cycle of one. The search follows the list order and, within an
/// initiative, the order of its `depends_on`, so the answer is stable.
pub fn find_cycle(items: &[Initiative]) -> Option<Vec<Uuid>> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const FINISHED: u8 = 2;

    let index = index_of(items);
    let mut state = vec![NEW; items.len()];
    // The current path of the depth-first search: (initiative, next dependency to look at).
    let mut path: Vec<(usize, usize)> = Vec::new();
    for root in 0..items.len() {
        if state[root] != NEW {
            continue;
        }
        state[root] = ON_PATH;
        path.push((root, 0));
        while let Some(top) = path.last_mut() {
            let (node, next) = *top;
            let Some(dep) = items[node].depends_on.get(next) else {
                state[node] = FINISHED;
                path.pop();
                continue;
            };
            top.1 += 1;
            let Some(&d) = index.get(dep) else {
                continue;
            };
            match state[d] {
                NEW => {
                    state[d] = ON_PATH;
                    path.push((d, 0));
                }
                ON_PATH => {
                    // `d` is on the path: the cycle is the path from `d` to here.
                    let from = path.iter().position(|(n, _)| *n == d).unwrap_or(0);
                    return Some(path[from..].iter().map(|(n, _)| items[*n].id).collect());
                }
                _ => {}
            }
        }
    }
    None
}

/// The cycle that adding "`from` depends on `to`" would create, starting with `from`
/// (`[from, to, …]`), or `None` when the new dependency is safe. `from == to` is a cycle of one.
/// When several paths lead back, the one with the fewest steps is named.
pub fn cycle_if_added(items: &[Initiative], from: Uuid, to: Uuid) -> Option<Vec<Uuid>> {
    if from == to {
        return Some(vec![from]);
    }
    let index = index_of(items);
    let start = *index.get(&to)?;
    // Breadth-first from `to` along dependencies, looking for `from`.
    let mut came_from: HashMap<usize, usize> = HashMap::new();
    let mut seen = HashSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for dep in &items[node].depends_on {
            if *dep == from {
                let mut back = vec![node];
                let mut at = node;
                while let Some(&prev) = came_from.get(&at) {
                    back.push(prev);
                    at = prev;
                }
                let mut cycle = vec![from];
                cycle.extend(back.iter().rev().map(|n| items[*n].id));
                return Some(cycle);
            }
            if let Some(&d) = index.get(dep) {
                if seen.insert(d) {
                    came_from.insert(d, node);
                    queue.push_back(d);
                }
            }
        }
    }
    None
}

/// The title shown for an initiative in messages: trimmed, or a placeholder when blank.
pub fn display_title(item: &Initiative) -> &str {
    let title = item.title.trim();
    if title.is_empty() {
        crate::i18n::tr("domain.deps_untitled_initiative")
    } else {
        title
    }
}

/// The title of the initiative with this id, for messages.
pub(crate) fn title_of(items: &[Initiative], id: Uuid) -> &str {
    items
        .iter()
        .find(|i| i.id == id)
        .map(display_title)
        .unwrap_or_else(|| crate::i18n::tr("domain.deps_missing_initiative"))
}

/// A cycle in words, back to where it started: "“A” → “B” → “C” → “A”". Empty for an empty cycle.
pub fn describe_cycle(items: &[Initiative], cycle: &[Uuid]) -> String {
    let Some(first) = cycle.first() else {
        return String::new();
    };
    cycle
        .iter()
        .chain(std::iter::once(first))
        .map(|id| format!("“{}”", title_of(items, *id)))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// An initiative dated to start before one of its dependencies ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub initiative: Uuid,
    pub dependency: Uuid,
    /// When the initiative starts.
    pub starts: NaiveDate,
    /// The day after the dependency's last day of work (its exclusive end).
    pub dependency_ends: NaiveDate,
}

/// Every initiative (not dropped) that starts before one of its dependencies (not dropped) ends.
/// Both must be dated; starting on the dependency's end date is fine, since the end is the day
/// after its last day of work. In list order, then in `depends_on` order, each pair once.
pub fn conflicts(items: &[Initiative]) -> Vec<Conflict> {
    let index = index_of(items);
    let mut found = Vec::new();
    for item in items {
        if item.status == InitiativeStatus::Dropped {
            continue;
        }
        let Some(starts) = item.start else {
            continue;
        };
        let mut checked = HashSet::new();
        for dep_id in &item.depends_on {
            if !checked.insert(*dep_id) {
                continue;
            }
            let Some(dep) = index.get(dep_id).map(|&d| &items[d]) else {
                continue;
            };
            if dep.status == InitiativeStatus::Dropped {
                continue;
            }
            if let Some(dependency_ends) = dep.end() {
                if starts < dependency_ends {
                    found.push(Conflict {
                        initiative: item.id,
                        dependency: dep.id,
                        starts,
                        dependency_ends,
                    });
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn item(n: u128, title: &str, deps: &[u128]) -> Initiative {
        let mut i = Initiative::new(id(n), title);
        i.depends_on = deps.iter().map(|d| id(*d)).collect();
        i
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn no_dependencies_no_cycle() {
        let items = vec![item(1, "A", &[]), item(2, "B", &[1]), item(3, "C", &[1, 2])];
        assert_eq!(find_cycle(&items), None);
        assert_eq!(find_cycle(&[]), None);
    }

    #[test]
    fn self_dependency_is_a_cycle_of_one() {
        let items = vec![item(1, "A", &[]), item(2, "B", &[2])];
        assert_eq!(find_cycle(&items), Some(vec![id(2)]));
        assert_eq!(describe_cycle(&items, &[id(2)]), "“B” → “B”");
    }

    #[test]
    fn three_cycle_is_named_in_order() {
        // A depends on B, B on C, C on A; D hangs off the cycle and is not part of it.
        let items = vec![
            item(4, "D", &[1]),
            item(1, " Choose a cloud ", &[2]),
            item(2, "Set up CI", &[3]),
            item(3, "  ", &[1]),
        ];
        let cycle = find_cycle(&items).unwrap();
        assert_eq!(cycle, vec![id(1), id(2), id(3)]);
        assert_eq!(
            describe_cycle(&items, &cycle),
            "“Choose a cloud” → “Set up CI” → “Untitled initiative” → “Choose a cloud”"
        );
    }

    #[test]
    fn unknown_dependencies_are_ignored() {
        let items = vec![item(1, "A", &[99]), item(2, "B", &[1, 98])];
        assert_eq!(find_cycle(&items), None);
        assert!(conflicts(&items).is_empty());
    }

    #[test]
    fn a_two_cycle_found_from_later_in_the_list() {
        let items = vec![item(1, "A", &[]), item(2, "B", &[3]), item(3, "C", &[2])];
        assert_eq!(find_cycle(&items), Some(vec![id(2), id(3)]));
    }

    #[test]
    fn long_chains_do_not_overflow() {
        // 20,000 initiatives each depending on the previous (the first on an unknown id 0),
        // then the first made to depend on the last, closing the loop.
        let n = 20_000u128;
        let mut items: Vec<Initiative> = (1..=n).map(|k| item(k, "x", &[k - 1])).collect();
        assert_eq!(find_cycle(&items), None);
        items[0].depends_on = vec![id(n)];
        let cycle = find_cycle(&items).unwrap();
        assert_eq!(cycle.len(), n as usize);
        assert_eq!(cycle[0], id(1));
        assert_eq!(cycle[1], id(n));
    }

    #[test]
    fn cycle_if_added_names_the_loop_from_the_new_link() {
        // B depends on C, C depends on A. Adding "A depends on B" closes A → B → C → A.
        let items = vec![item(1, "A", &[]), item(2, "B", &[3]), item(3, "C", &[1])];
        assert_eq!(
            cycle_if_added(&items, id(1), id(2)),
            Some(vec![id(1), id(2), id(3)])
        );
        // Adding "A depends on C" closes A → C → A.
        assert_eq!(
            cycle_if_added(&items, id(1), id(3)),
            Some(vec![id(1), id(3)])
        );
        // Adding "B depends on A" follows the existing direction: safe.
        assert_eq!(cycle_if_added(&items, id(2), id(1)), None);
        // Depending on oneself.
        assert_eq!(cycle_if_added(&items, id(2), id(2)), Some(vec![id(2)]));
        // An unknown target cannot lead back.
        assert_eq!(cycle_if_added(&items, id(1), id(99)), None);
    }

    #[test]
    fn cycle_if_added_prefers_the_shortest_way_back() {
        // C depends on B and on A directly; B depends on A.
        let items = vec![item(1, "A", &[]), item(2, "B", &[1]), item(3, "C", &[2, 1])];
        assert_eq!(
            cycle_if_added(&items, id(1), id(3)),
            Some(vec![id(1), id(3)])
        );
    }

    #[test]
    fn conflicts_allow_starting_on_the_end_date() {
        let mut a = item(1, "A", &[]);
        a.start = Some(date(2026, 3, 2));
        a.duration_weeks = 2; // ends (exclusive) 16 Mar 2026
        let mut on_end = item(2, "B", &[1]);
        on_end.start = Some(date(2026, 3, 16));
        let mut day_before = item(3, "C", &[1, 1]);
        day_before.start = Some(date(2026, 3, 15));
        let undated = item(4, "D", &[1]);
        let items = vec![a, on_end, day_before, undated];
        assert_eq!(
            conflicts(&items),
            vec![Conflict {
                initiative: id(3),
                dependency: id(1),
                starts: date(2026, 3, 15),
                dependency_ends: date(2026, 3, 16),
            }]
        );
    }

    #[test]
    fn dropped_initiatives_never_conflict() {
        let mut a = item(1, "A", &[]);
        a.start = Some(date(2026, 3, 2));
        let mut b = item(2, "B", &[1]);
        b.start = Some(date(2026, 3, 3));
        let mut items = vec![a, b];
        assert_eq!(conflicts(&items).len(), 1);
        // Done still counts: the dates say the work overlapped.
        items[1].status = InitiativeStatus::Done;
        assert_eq!(conflicts(&items).len(), 1);
        items[1].status = InitiativeStatus::Dropped;
        assert!(conflicts(&items).is_empty());
        items[1].status = InitiativeStatus::Planned;
        items[0].status = InitiativeStatus::Dropped;
        assert!(conflicts(&items).is_empty());
    }
}
