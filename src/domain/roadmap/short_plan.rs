//! "Next 90 days": the few steps a founder should take first, drawn from the roadmap she has
//! accepted and, where that leaves room, from the suggestions the gaps give.
//!
//! Rules (the Overview states them in one sentence):
//! - At most [`STEPS`] steps, ranked by their area's priority (gap × importance, as on Results);
//!   an initiative linked to several areas takes the highest of them.
//! - First the open initiatives (planned or in progress) that start within [`HORIZON_DAYS`] days
//!   of today, or have no start date yet; done and dropped ones never appear.
//! - Then, for the slots left, suggestions from the gaps: only the first step of each question
//!   (climbing one level), and none for a question that already has an open initiative.
//! - Ties keep the roadmap's order, then the suggestions' (framework) order.

use chrono::{Duration, NaiveDate};
use uuid::Uuid;

use super::suggest::Suggestion;
use super::{Initiative, InitiativeStatus};
use crate::domain::scoring::Results;
use crate::domain::Assessment;

/// How many steps the short plan shows.
pub const STEPS: usize = 5;
/// How far ahead the short plan looks, in days.
pub const HORIZON_DAYS: i64 = 90;

/// Where a step comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// An initiative already on the roadmap.
    Accepted(Uuid),
    /// A suggestion not yet accepted: the index in the list given to [`next_steps`].
    Suggested(usize),
}

/// One step of the short plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub source: Source,
    /// The initiative as it stands (for a suggestion: as it would be added).
    pub initiative: Initiative,
    /// The area it improves most, by name; empty when it names no area.
    pub area_name: String,
    /// The priority it ranks by; `None` when none of its areas has a gap.
    pub priority: Option<f64>,
}

/// The highest priority among the areas an initiative improves.
fn priority_of(results: &Results, areas: &[String]) -> (Option<f64>, String) {
    results
        .areas
        .iter()
        .filter(|r| areas.contains(&r.area_id))
        .filter_map(|r| r.priority.map(|p| (p, r.name.clone())))
        .fold((None, String::new()), |best, (p, name)| match best.0 {
            Some(b) if b >= p => best,
            _ => (Some(p), name),
        })
}

fn rank(steps: &mut [Step]) {
    // Stable: ties keep the order they came in.
    steps.sort_by(|x, y| {
        y.priority
            .unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&x.priority.unwrap_or(f64::NEG_INFINITY))
    });
}

/// The short plan for `today`: see the module's rules. `suggestions` is what
/// [`super::suggest::suggest`] proposes for the same assessment.
pub fn next_steps(
    a: &Assessment,
    results: &Results,
    suggestions: &[Suggestion],
    today: NaiveDate,
) -> Vec<Step> {
    let horizon = today + Duration::days(HORIZON_DAYS);
    let open = |i: &Initiative| {
        matches!(
            i.status,
            InitiativeStatus::Planned | InitiativeStatus::InProgress
        )
    };
    let mut accepted: Vec<Step> = a
        .initiatives
        .iter()
        .filter(|i| open(i))
        .filter(|i| i.start.is_none_or(|s| s < horizon))
        .map(|i| {
            let (priority, area_name) = priority_of(results, &i.areas);
            Step {
                source: Source::Accepted(i.id),
                initiative: i.clone(),
                area_name,
                priority,
            }
        })
        .collect();
    rank(&mut accepted);
    accepted.truncate(STEPS);
    let covered: Vec<&str> = a
        .initiatives
        .iter()
        .filter(|i| open(i))
        .flat_map(|i| i.questions.iter().map(String::as_str))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    let mut suggested: Vec<Step> = Vec::new();
    for (index, s) in suggestions.iter().enumerate() {
        let Some(question) = s.initiative.questions.first().map(String::as_str) else {
            continue;
        };
        if covered.contains(&question) || seen.contains(&question) {
            continue;
        }
        seen.push(question);
        suggested.push(Step {
            source: Source::Suggested(index),
            initiative: s.initiative.clone(),
            area_name: s.area_name.clone(),
            priority: Some(s.priority),
        });
    }
    rank(&mut suggested);
    let room = STEPS - accepted.len();
    accepted.extend(suggested.into_iter().take(room));
    accepted
}

/// The short plan's totals: its effort in person-weeks, and its cost as the sum of each step's
/// own cost ([`crate::domain::budget::plan::initiative_cost`], the figure each row shows).
/// The cost is `None` while a step's cost is unknown (no rate, and nothing else to count), so a
/// total is never shown that leaves steps out.
pub fn totals(steps: &[Step], rate: Option<f64>) -> (f64, Option<f64>) {
    use crate::domain::budget::plan::initiative_cost;
    let effort = steps
        .iter()
        .map(|s| s.initiative.effort_weeks)
        .filter(|e| e.is_finite() && *e > 0.0)
        .sum();
    let cost = steps.iter().try_fold(0.0, |sum, s| {
        let c = initiative_cost(&s.initiative, rate);
        (c.work.is_some() || c.total() != 0.0).then(|| sum + c.total())
    });
    (effort, cost)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::domain::roadmap::suggest::suggest;
    use crate::domain::scoring::compute;
    use chrono::Utc;

    fn content() -> &'static Content {
        crate::content::get()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, 10).unwrap()
    }

    /// A seed company with every key area answered low, so there are gaps everywhere.
    fn assessment() -> Assessment {
        let mut a = Assessment::new(Uuid::from_u128(1), "A", Utc::now());
        a.profile.stage = crate::domain::Stage::SeriesA;
        for area in &content().areas {
            for q in &area.questions {
                a.answers.insert(
                    q.id.clone(),
                    crate::domain::answers::Answer {
                        current: Some(0),
                        ..Default::default()
                    },
                );
            }
        }
        a
    }

    fn ids() -> impl FnMut() -> Uuid {
        let mut n = 1000u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    #[test]
    fn with_nothing_accepted_it_offers_the_first_step_of_five_questions_by_priority() {
        let a = assessment();
        let results = compute(content(), &a);
        let suggestions = suggest(content(), &a, &results, ids());
        let steps = next_steps(&a, &results, &suggestions, today());
        assert_eq!(steps.len(), STEPS);
        assert!(steps
            .iter()
            .all(|s| matches!(s.source, Source::Suggested(_))));
        // One step per question, each the first level to climb.
        let mut questions: Vec<&String> =
            steps.iter().map(|s| &s.initiative.questions[0]).collect();
        questions.dedup();
        assert_eq!(questions.len(), STEPS);
        for s in &steps {
            let Source::Suggested(i) = s.source else {
                unreachable!()
            };
            assert_eq!(suggestions[i].from_level, 0);
        }
        // Highest priority first, and no skipped suggestion ranks above the last one shown.
        let p: Vec<f64> = steps.iter().map(|s| s.priority.unwrap()).collect();
        assert!(p.windows(2).all(|w| w[0] >= w[1]), "{p:?}");
        let top = results
            .areas
            .iter()
            .filter_map(|r| r.priority)
            .fold(f64::MIN, f64::max);
        assert_eq!(p[0], top);
    }

    #[test]
    fn accepted_work_in_the_next_90_days_comes_first_and_done_or_later_work_does_not() {
        let mut a = assessment();
        let results = compute(content(), &a);
        let suggestions = suggest(content(), &a, &results, ids());
        let mut soon = suggestions[3].initiative.clone();
        soon.start = Some(today() + Duration::days(30));
        let mut later = suggestions[4].initiative.clone();
        later.start = Some(today() + Duration::days(HORIZON_DAYS));
        let mut done = suggestions[5].initiative.clone();
        done.status = InitiativeStatus::Done;
        let mut undated = suggestions[6].initiative.clone();
        undated.start = None;
        a.initiatives = vec![soon.clone(), later, done, undated.clone()].into();
        let steps = next_steps(&a, &results, &suggestions, today());
        assert_eq!(steps.len(), STEPS);
        let accepted: Vec<Uuid> = steps
            .iter()
            .filter_map(|s| match s.source {
                Source::Accepted(id) => Some(id),
                Source::Suggested(_) => None,
            })
            .collect();
        assert_eq!(accepted.len(), 2);
        assert!(accepted.contains(&soon.id) && accepted.contains(&undated.id));
        assert!(matches!(steps[0].source, Source::Accepted(_)));
        assert!(matches!(steps[1].source, Source::Accepted(_)));
        // Questions with open work are not suggested again.
        for s in &steps[2..] {
            assert_ne!(s.initiative.questions, soon.questions);
            assert_ne!(s.initiative.questions, undated.questions);
        }
    }

    #[test]
    fn with_no_gaps_and_no_roadmap_there_is_nothing_to_do() {
        let a = Assessment::new(Uuid::from_u128(2), "Empty", Utc::now());
        let results = compute(content(), &a);
        let suggestions = suggest(content(), &a, &results, ids());
        assert!(next_steps(&a, &results, &suggestions, today()).is_empty());
    }

    #[test]
    fn totals_add_each_steps_own_cost_and_say_nothing_while_one_is_unknown() {
        let step = |effort: f64, one_off: Option<f64>| {
            let mut initiative = Initiative::new(Uuid::new_v4(), "x");
            initiative.effort_weeks = effort;
            initiative.one_off_cost = one_off;
            Step {
                source: Source::Suggested(0),
                initiative,
                area_name: String::new(),
                priority: None,
            }
        };
        let steps = [step(1.0, None), step(2.5, Some(400.0))];
        assert_eq!(totals(&steps, Some(1_000.0)), (3.5, Some(3_900.0)));
        // Without a rate the first step's cost is unknown: no total that leaves it out.
        assert_eq!(totals(&steps, None), (3.5, None));
        assert_eq!(totals(&steps[1..], None), (2.5, Some(400.0)));
        assert_eq!(totals(&[], None), (0.0, Some(0.0)));
    }

    #[test]
    fn a_steps_outside_cost_in_the_plans_currency_is_in_the_total_and_its_length_kept() {
        let step = crate::content::Improvement {
            title: "SOC 2 Type I".into(),
            detail: String::new(),
            effort_weeks: 2.0,
            recurring_weeks_per_quarter: 1.0,
            elapsed_weeks: Some(26.0),
            outside_cost: Some(crate::content::OutsideCost {
                low: 8_000.0,
                high: 20_000.0,
                currency: "EUR".into(),
                what: "audit fee".into(),
            }),
        };
        let mut initiative = Initiative::new(Uuid::from_u128(7), "x");
        crate::domain::roadmap::effort::carry_over(&mut initiative, &step, "EUR");
        let s = Step {
            source: Source::Suggested(0),
            initiative: initiative.clone(),
            area_name: String::new(),
            priority: None,
        };
        assert_eq!(s.initiative.duration_weeks, 26);
        // 2 person-weeks at 1,000 and the middle of the audit fee; the ongoing work is not a
        // one-off and is not in the total.
        assert_eq!(totals(&[s], Some(1_000.0)), (2.0, Some(16_000.0)));
        // In dollars nothing is filled in: only the work counts until a quote is entered.
        crate::domain::roadmap::effort::carry_over(&mut initiative, &step, "USD");
        let s = Step {
            source: Source::Suggested(0),
            initiative,
            area_name: String::new(),
            priority: None,
        };
        assert_eq!(totals(&[s], Some(1_000.0)), (2.0, Some(2_000.0)));
    }
}
