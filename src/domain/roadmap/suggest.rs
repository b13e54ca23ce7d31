//! "Suggest from gaps": proposes initiatives from the assessment's largest gaps, using the
//! content's improvement steps. Only proposes; the user accepts, edits or discards each one (the
//! UI does that part) and nothing here changes the assessment.
//!
//! Owns: [`Suggestion`] and [`suggest`]. Rules:
//! - Areas come by descending priority (gap × importance; ties by area number); an area without
//!   a positive gap gets nothing.
//! - Within an area, every applicable, answered question below its target gets one suggestion per
//!   level to climb: `improvements[L]` is the step from level L to L + 1.
//! - A step is remembered on the initiative as `question-id@L` (`suggested_from`). A step that
//!   any initiative already carries is never proposed again, even when that initiative was
//!   dropped: the user discarded it on purpose.
//! - Step L + 1 depends on step L of the same question: on the new suggestion, or on the
//!   initiative that carries step L when it was accepted earlier (not when it was dropped).
//! - Duration: the effort paced at half a person's time, `ceil(2 × effort)` weeks, at least one,
//!   or the step's elapsed weeks when longer (an audit's observation window). Founders rarely
//!   have anyone full time for improvement work; they can edit it.
//! - The step's ongoing effort and outside cost go on the initiative as [`super::effort`] says:
//!   the outside cost is filled in only in the assessment's own currency, never converted.

use std::collections::HashMap;

use uuid::Uuid;

use super::{Initiative, InitiativeStatus, MAX_DURATION_WEEKS};
use crate::content::{Content, Improvement};
use crate::domain::budget::BudgetCategory;
use crate::domain::scoring::{target_of, Results};
use crate::domain::Assessment;

/// Gaps smaller than this are rounding, not gaps.
const EPSILON: f64 = 1e-9;

/// One proposed initiative and where it came from, for the user to accept, edit or discard.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub initiative: Initiative,
    pub area_name: String,
    pub question_text: String,
    /// The level the step starts from; the step reaches `to_level` (one more).
    pub from_level: u8,
    pub to_level: u8,
    /// The area's priority (gap × importance), for sorting and display.
    pub priority: f64,
    /// The content's step, for showing what it asks for (ongoing effort, elapsed weeks, the
    /// outside cost in its own currency).
    pub step: Improvement,
}

/// The key stored in `suggested_from` for the step from `level` to `level + 1` of a question.
pub fn step_key(question_id: &str, level: u8) -> String {
    format!("{question_id}@{level}")
}

/// Weeks needed to do `effort_weeks` of work at half a person's time: at least one.
pub fn paced_duration(effort_weeks: f64) -> u32 {
    if !effort_weeks.is_finite() || effort_weeks <= 0.0 {
        return 1;
    }
    let weeks = (effort_weeks * 2.0)
        .ceil()
        .min(f64::from(MAX_DURATION_WEEKS));
    // In range 1..=MAX_DURATION_WEEKS after the clamp, so the conversion is exact.
    (weeks as u32).clamp(1, MAX_DURATION_WEEKS)
}

fn initiative_from(
    id: Uuid,
    area_id: &str,
    question_id: &str,
    key: String,
    step: &Improvement,
    currency: &str,
) -> Initiative {
    let mut initiative = Initiative::new(id, step.title.clone());
    initiative.description = step.detail.clone();
    initiative.areas = vec![area_id.to_string()];
    initiative.questions = vec![question_id.to_string()];
    super::effort::carry_over(&mut initiative, step, currency);
    initiative.start = None;
    initiative.status = InitiativeStatus::Planned;
    initiative.cost_category = BudgetCategory::People;
    initiative.suggested_from = Some(key);
    initiative
}

/// Initiatives proposed from the gaps of `a`, in order of area priority, then question order in
/// the content, then step. `results` is `scoring::compute(content, a)`; `new_id` gives each
/// suggestion its id (called once per suggestion, in the order returned).
pub fn suggest(
    content: &Content,
    a: &Assessment,
    results: &Results,
    mut new_id: impl FnMut() -> Uuid,
) -> Vec<Suggestion> {
    // Existing steps: whether any initiative carries the key, and which one to depend on.
    let mut carried: HashMap<&str, Option<Uuid>> = HashMap::new();
    for i in &a.initiatives {
        if let Some(key) = i.suggested_from.as_deref() {
            let entry = carried.entry(key).or_insert(None);
            if entry.is_none() && i.status != InitiativeStatus::Dropped {
                *entry = Some(i.id);
            }
        }
    }

    let mut areas: Vec<(f64, u8, &crate::content::Area)> = results
        .areas
        .iter()
        .filter(|r| r.gap.is_some_and(|g| g > EPSILON))
        .filter_map(|r| {
            let area = content.area(&r.area_id)?;
            Some((r.priority.unwrap_or(0.0), area.number, area))
        })
        .collect();
    areas.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));

    let mut out = Vec::new();
    for (priority, _, area) in areas {
        for q in &area.questions {
            let answer = a.answers.get(&q.id);
            let Some(current) = answer
                .filter(|x| !x.is_not_applicable())
                .and_then(|x| x.current)
            else {
                continue;
            };
            let target = target_of(area, q, answer, a);
            // The previous step's initiative, new or accepted earlier, for chaining.
            let mut previous: Option<Uuid> = None;
            for level in current..target {
                let key = step_key(&q.id, level);
                if let Some(existing) = carried.get(key.as_str()) {
                    previous = *existing;
                    continue;
                }
                let Some(step) = q.improvements.get(usize::from(level)) else {
                    break;
                };
                let mut initiative =
                    initiative_from(new_id(), &area.id, &q.id, key, step, &a.profile.currency);
                initiative.depends_on = previous.into_iter().collect();
                previous = Some(initiative.id);
                out.push(Suggestion {
                    initiative,
                    area_name: area.name.clone(),
                    question_text: q.text.clone(),
                    from_level: level,
                    to_level: level + 1,
                    priority,
                    step: step.clone(),
                });
            }
        }
    }
    out
}

/// Suggestions shown at a time: a founder reads one page of steps, not a 14-screen list.
pub const PAGE_SIZE: usize = 5;

/// The page of a list of `len` suggestions: its bounds `start..end` and the number of pages.
/// A page past the end shows the last one, so accepting the last items never leaves an empty page.
pub fn page_bounds(len: usize, page: usize) -> (usize, usize, usize) {
    let pages = len.div_ceil(PAGE_SIZE).max(1);
    let page = page.min(pages - 1);
    let start = page * PAGE_SIZE;
    (start.min(len), (start + PAGE_SIZE).min(len), pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::domain::answers::{Answer, AreaSettings};
    use crate::domain::demo::demo_assessment;
    use crate::domain::scoring::compute;
    use crate::domain::Stage;
    use chrono::DateTime;

    fn ids() -> impl FnMut() -> Uuid {
        let mut n = 0u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    fn assessment() -> Assessment {
        let mut a = Assessment::new(Uuid::nil(), "t", DateTime::from_timestamp(0, 0).unwrap());
        a.profile.stage = Stage::Seed;
        a
    }

    fn answer(a: &mut Assessment, id: &str, current: u8, target: Option<u8>) {
        a.answers.insert(
            id.into(),
            Answer {
                current: Some(current),
                target,
                ..Answer::default()
            },
        );
    }

    fn run(a: &Assessment) -> Vec<Suggestion> {
        let c = content::get();
        suggest(c, a, &compute(c, a), ids())
    }

    fn keys(s: &[Suggestion]) -> Vec<String> {
        s.iter()
            .map(|x| x.initiative.suggested_from.clone().unwrap())
            .collect()
    }

    #[test]
    fn nothing_without_gaps() {
        assert!(run(&assessment()).is_empty());
        let mut a = assessment();
        for area in &content::get().areas {
            for q in &area.questions {
                answer(&mut a, &q.id, 4, None);
            }
        }
        assert!(run(&a).is_empty());
    }

    #[test]
    fn one_suggestion_per_step_chained() {
        let mut a = assessment();
        answer(&mut a, "delivery.iterations", 0, Some(3));
        let s = run(&a);
        assert_eq!(
            keys(&s),
            [
                "delivery.iterations@0",
                "delivery.iterations@1",
                "delivery.iterations@2"
            ]
        );
        let (_, q) = content::get().question("delivery.iterations").unwrap();
        let first = &s[0].initiative;
        assert_eq!(first.id, Uuid::from_u128(1));
        assert_eq!(first.title, q.improvements[0].title);
        assert_eq!(first.title, "Put all work on one shared board");
        assert_eq!(first.description, q.improvements[0].detail);
        assert_eq!(first.areas, ["delivery"]);
        assert_eq!(first.questions, ["delivery.iterations"]);
        assert_eq!(first.effort_weeks, 0.5);
        assert_eq!(first.duration_weeks, 1);
        assert_eq!(first.start, None);
        assert_eq!(first.status, InitiativeStatus::Planned);
        assert_eq!(first.cost_category, BudgetCategory::People);
        assert!(first.depends_on.is_empty() && first.goals.is_empty() && first.owner.is_empty());
        // The second step: one person-week at half pace takes two weeks, after the first.
        assert_eq!(s[1].initiative.effort_weeks, 1.0);
        assert_eq!(s[1].initiative.duration_weeks, 2);
        assert_eq!(s[1].initiative.depends_on, [Uuid::from_u128(1)]);
        assert_eq!(s[2].initiative.depends_on, [Uuid::from_u128(2)]);
        assert_eq!((s[2].from_level, s[2].to_level), (2, 3));
        assert_eq!(s[0].area_name, "Development process");
        assert_eq!(s[0].question_text, q.text);
        // Gap 3 × default importance 2.
        assert_eq!(s[0].priority, 6.0);
    }

    #[test]
    fn default_target_comes_from_the_stage() {
        let mut a = assessment();
        answer(&mut a, "delivery.iterations", 0, None);
        let (area, q) = content::get().question("delivery.iterations").unwrap();
        let target = area.default_target(q, Stage::Seed);
        assert!(target > 0);
        assert_eq!(run(&a).len(), usize::from(target));
    }

    #[test]
    fn not_applicable_unanswered_and_at_target_get_nothing() {
        let mut a = assessment();
        answer(&mut a, "delivery.iterations", 0, Some(2));
        a.answers
            .get_mut("delivery.iterations")
            .unwrap()
            .not_applicable = Some("n/a".into());
        a.answers.insert(
            "delivery.code-review".into(),
            Answer {
                target: Some(4),
                ..Answer::default()
            },
        );
        answer(&mut a, "delivery.releases", 3, Some(3));
        answer(&mut a, "delivery.running-the-product", 3, Some(2));
        answer(&mut a, "delivery.continuous-integration", 0, Some(2));
        // The area's gap is positive (levels 6 against targets 7), though one question is ahead.
        let s = run(&a);
        assert_eq!(
            keys(&s),
            [
                "delivery.continuous-integration@0",
                "delivery.continuous-integration@1"
            ]
        );
    }

    #[test]
    fn steps_already_carried_are_skipped_and_chained_to() {
        let mut a = assessment();
        answer(&mut a, "delivery.iterations", 0, Some(4));
        let mut accepted = Initiative::new(Uuid::from_u128(100), "mine");
        accepted.suggested_from = Some("delivery.iterations@0".into());
        let mut discarded = Initiative::new(Uuid::from_u128(101), "not now");
        discarded.suggested_from = Some("delivery.iterations@2".into());
        discarded.status = InitiativeStatus::Dropped;
        a.initiatives = vec![accepted, discarded].into();
        let s = run(&a);
        assert_eq!(keys(&s), ["delivery.iterations@1", "delivery.iterations@3"]);
        // Step 1 waits for the accepted step 0; step 3's predecessor was dropped.
        assert_eq!(s[0].initiative.depends_on, [Uuid::from_u128(100)]);
        assert!(s[1].initiative.depends_on.is_empty());
    }

    #[test]
    fn ordered_by_area_priority_then_question_then_step() {
        let c = content::get();
        let delivery = c.area("delivery").unwrap();
        let (q0, q1) = (&delivery.questions[0].id, &delivery.questions[1].id);
        let mut a = assessment();
        // Delivery: gap (2 + 1) / 2 = 1.5, importance 2 → 3. Listed second-question first.
        answer(&mut a, q1, 1, Some(2));
        answer(&mut a, q0, 0, Some(2));
        // Security: gap 2 × importance 3 → 6, first.
        answer(&mut a, "security.access-control", 1, Some(3));
        a.areas
            .insert("security".into(), AreaSettings { importance: 3 });
        // Strategy (area 3) and team (area 5): priority 3 each, like delivery (area 7).
        answer(&mut a, "team.roles", 1, Some(2));
        a.areas
            .insert("team".into(), AreaSettings { importance: 3 });
        let strategy_q = &c.area("strategy").unwrap().questions[0].id;
        answer(&mut a, strategy_q, 0, Some(1));
        a.areas
            .insert("strategy".into(), AreaSettings { importance: 3 });
        let s = run(&a);
        let got: Vec<(String, f64)> = s
            .iter()
            .map(|x| (x.initiative.suggested_from.clone().unwrap(), x.priority))
            .collect();
        assert_eq!(
            got,
            vec![
                ("security.access-control@1".to_string(), 6.0),
                ("security.access-control@2".to_string(), 6.0),
                (format!("{strategy_q}@0"), 3.0),
                ("team.roles@1".to_string(), 3.0),
                (format!("{q0}@0"), 3.0),
                (format!("{q0}@1"), 3.0),
                (format!("{q1}@1"), 3.0),
            ]
        );
        // Ids are handed out in the order returned.
        let n: Vec<u128> = s.iter().map(|x| x.initiative.id.as_u128()).collect();
        assert_eq!(n, (1..=7).collect::<Vec<_>>());
    }

    #[test]
    fn demo_suggestions_follow_the_rules_and_are_not_repeated() {
        let c = content::get();
        let mut a = demo_assessment(c, DateTime::from_timestamp(1_772_500_000, 0).unwrap());
        let results = compute(c, &a);
        let s = suggest(c, &a, &results, ids());
        assert!(s.len() >= 10, "only {} suggestions", s.len());
        for pair in s.windows(2) {
            assert!(pair[0].priority >= pair[1].priority);
        }
        let mut seen = std::collections::HashSet::new();
        for x in &s {
            let i = &x.initiative;
            let q = &i.questions[0];
            assert_eq!(
                i.suggested_from.as_deref(),
                Some(format!("{q}@{}", x.from_level).as_str())
            );
            assert!(seen.insert(i.suggested_from.clone()));
            let (area, question) = c.question(q).unwrap();
            assert_eq!(i.areas, std::slice::from_ref(&area.id));
            let r = results.areas.iter().find(|r| r.area_id == area.id).unwrap();
            assert!(r.gap.unwrap() > 0.0);
            let answer = &a.answers[q];
            assert!(x.from_level >= answer.current.unwrap());
            assert!(x.to_level <= target_of(area, question, Some(answer), &a));
            // A step above the current level waits for the step below it: a new suggestion or
            // an initiative of the demo's roadmap carrying that step.
            if x.from_level > answer.current.unwrap() {
                let below_key = step_key(q, x.from_level - 1);
                let below = s
                    .iter()
                    .map(|y| &y.initiative)
                    .chain(&a.initiatives)
                    .find(|y| y.id == i.depends_on[0])
                    .unwrap();
                assert_eq!(below.suggested_from.as_deref(), Some(below_key.as_str()));
            }
            // Nothing the demo's roadmap already carries comes back.
            assert!(a
                .initiatives
                .iter()
                .all(|e| e.suggested_from != i.suggested_from));
        }
        // Accepting them all leaves nothing more to suggest.
        a.initiatives.extend(s.into_iter().map(|x| x.initiative));
        assert!(suggest(c, &a, &results, ids()).is_empty());
    }

    /// The content with the first step of delivery.iterations made an audit: 2 person-weeks,
    /// 1 a quarter afterwards, 26 weeks at least, 8,000 to 20,000 euros outside.
    fn with_audit_step() -> content::Content {
        let mut c = content::get().clone();
        let area = c.areas.iter_mut().find(|a| a.id == "delivery").unwrap();
        let q = area
            .questions
            .iter_mut()
            .find(|q| q.id == "delivery.iterations")
            .unwrap();
        let step = &mut q.improvements[0];
        step.effort_weeks = 2.0;
        step.recurring_weeks_per_quarter = 1.0;
        step.elapsed_weeks = Some(26.0);
        step.outside_cost = Some(crate::content::OutsideCost {
            low: 8_000.0,
            high: 20_000.0,
            currency: "EUR".into(),
            what: "audit fee".into(),
        });
        c
    }

    #[test]
    fn a_step_brings_its_elapsed_weeks_ongoing_effort_and_outside_cost() {
        let c = with_audit_step();
        let mut a = assessment();
        a.profile.currency = "EUR".into();
        answer(&mut a, "delivery.iterations", 0, Some(1));
        let s = suggest(&c, &a, &compute(&c, &a), ids());
        assert_eq!(s.len(), 1);
        let i = &s[0].initiative;
        // Two person-weeks at half pace need 4 weeks; the step takes 26 at least.
        assert_eq!(i.duration_weeks, 26);
        assert_eq!(i.effort_weeks, 2.0);
        assert_eq!(i.recurring_weeks_per_quarter, 1.0);
        assert_eq!(i.one_off_cost, Some(14_000.0), "the middle of the range");
        assert_eq!(s[0].step.outside_cost.as_ref().unwrap().what, "audit fee");
    }

    #[test]
    fn an_outside_cost_in_another_currency_is_not_filled_in() {
        let c = with_audit_step();
        let mut a = assessment();
        a.profile.currency = "USD".into();
        answer(&mut a, "delivery.iterations", 0, Some(1));
        let s = suggest(&c, &a, &compute(&c, &a), ids());
        assert_eq!(s[0].initiative.one_off_cost, None);
        assert_eq!(s[0].initiative.duration_weeks, 26);
        // The range stays with the suggestion, in its own currency, for the founder to read.
        let cost = s[0].step.outside_cost.as_ref().unwrap();
        assert_eq!(
            (cost.low, cost.high, cost.currency.as_str()),
            (8_000.0, 20_000.0, "EUR")
        );
    }

    #[test]
    fn pages_hold_five_and_a_page_past_the_end_shows_the_last() {
        assert_eq!(page_bounds(0, 0), (0, 0, 1));
        assert_eq!(page_bounds(3, 0), (0, 3, 1));
        assert_eq!(page_bounds(36, 0), (0, 5, 8));
        assert_eq!(page_bounds(36, 7), (35, 36, 8));
        assert_eq!(page_bounds(36, 9), (35, 36, 8));
        assert_eq!(page_bounds(10, 1), (5, 10, 2));
    }
}
