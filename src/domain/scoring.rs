//! Scores, gaps and priorities from the answers, and the SWOT proposal that follows from them.
//!
//! Rules, also explained on the results page:
//! - a question counts when it has a current level and is not marked "not applicable";
//! - an area's score is the average current level of its counted questions, and its target the
//!   average target of the same questions (a question's target is the founder's, or the default
//!   for the company's stage);
//! - gap = target − score, each rounded to the one decimal shown; priority = gap × importance (1 to 3), only for positive gaps;
//! - the maturity index is the average of the area scores, each area weighing the same.

use crate::content::{Area, Content};
use crate::domain::answers::{Answer, DEFAULT_IMPORTANCE};
use crate::domain::Assessment;
use crate::i18n::trf;

/// A proposed SWOT line: (area id, text).
pub type Proposal = (String, String);

/// One area's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaResult {
    pub area_id: String,
    pub name: String,
    pub questions: usize,
    /// Questions with a level or marked not applicable.
    pub done: usize,
    pub not_applicable: usize,
    /// Questions that enter the score: a level and applicable.
    pub counted: usize,
    pub score: Option<f64>,
    pub target: Option<f64>,
    pub gap: Option<f64>,
    pub importance: u8,
    /// `gap × importance` when the gap is positive, else 0; `None` when nothing counted.
    pub priority: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub areas: Vec<AreaResult>,
    /// Average of the area scores, 0 to 4; `None` until some question counts.
    pub index: Option<f64>,
    pub questions: usize,
    pub done: usize,
    pub counted: usize,
    pub scored_areas: usize,
}

/// The target of a question for this assessment: the founder's choice, else the stage default.
pub fn target_of(
    area: &Area,
    question: &crate::content::Question,
    answer: Option<&Answer>,
    a: &Assessment,
) -> u8 {
    answer
        .and_then(|x| x.target)
        .unwrap_or_else(|| area.default_target(question, a.profile.stage))
}

pub fn importance_of(area_id: &str, a: &Assessment) -> u8 {
    a.areas
        .get(area_id)
        .map(|s| s.importance)
        .unwrap_or(DEFAULT_IMPORTANCE)
}

pub fn area_result(area: &Area, a: &Assessment) -> AreaResult {
    let mut done = 0;
    let mut not_applicable = 0;
    let mut current_sum = 0.0;
    let mut target_sum = 0.0;
    let mut counted = 0;
    for q in &area.questions {
        let answer = a.answers.get(&q.id);
        if let Some(ans) = answer {
            if ans.is_done() {
                done += 1;
            }
            if ans.is_not_applicable() {
                not_applicable += 1;
                continue;
            }
            if let Some(level) = ans.current {
                counted += 1;
                current_sum += f64::from(level);
                target_sum += f64::from(target_of(area, q, answer, a));
            }
        }
    }
    let importance = importance_of(&area.id, a);
    let (score, target, gap, priority) = if counted == 0 {
        (None, None, None, None)
    } else {
        let n = counted as f64;
        let score = current_sum / n;
        let target = target_sum / n;
        // The gap a reader can check: the target shown minus today shown (one decimal each),
        // so the table, the charts and the report never disagree by a rounding.
        let gap = round1(round1(target) - round1(score));
        (
            Some(score),
            Some(target),
            Some(gap),
            Some(gap.max(0.0) * f64::from(importance)),
        )
    };
    AreaResult {
        area_id: area.id.clone(),
        name: area.name.clone(),
        questions: area.questions.len(),
        done,
        not_applicable,
        counted,
        score,
        target,
        gap,
        importance,
        priority,
    }
}

pub fn compute(content: &Content, a: &Assessment) -> Results {
    let areas: Vec<AreaResult> = content
        .areas
        .iter()
        .map(|area| area_result(area, a))
        .collect();
    let scores: Vec<f64> = areas.iter().filter_map(|r| r.score).collect();
    let index = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    Results {
        questions: areas.iter().map(|r| r.questions).sum(),
        done: areas.iter().map(|r| r.done).sum(),
        counted: areas.iter().map(|r| r.counted).sum(),
        scored_areas: scores.len(),
        index,
        areas,
    }
}

impl Results {
    /// Areas with a positive gap, highest priority first (ties: larger gap, then area order).
    pub fn ranked_gaps(&self) -> Vec<&AreaResult> {
        let mut gaps: Vec<&AreaResult> = self
            .areas
            .iter()
            .filter(|r| r.gap.is_some_and(|g| g > 1e-9))
            .collect();
        gaps.sort_by(|x, y| {
            let p = y
                .priority
                .unwrap_or(0.0)
                .total_cmp(&x.priority.unwrap_or(0.0));
            p.then(y.gap.unwrap_or(0.0).total_cmp(&x.gap.unwrap_or(0.0)))
        });
        gaps
    }

    /// Proposed SWOT lines: the `n` strongest areas (score at or above target first, then the
    /// highest scores) and the `n` weakest (highest priority).
    pub fn propose_swot(&self, n: usize) -> (Vec<Proposal>, Vec<Proposal>) {
        let mut scored: Vec<&AreaResult> =
            self.areas.iter().filter(|r| r.score.is_some()).collect();
        scored.sort_by(|x, y| {
            let s = y.score.unwrap_or(0.0).total_cmp(&x.score.unwrap_or(0.0));
            s.then(x.gap.unwrap_or(0.0).total_cmp(&y.gap.unwrap_or(0.0)))
        });
        let weak_ids: Vec<&str> = self
            .ranked_gaps()
            .into_iter()
            .take(n)
            .map(|r| r.area_id.as_str())
            .collect();
        let strengths = scored
            .iter()
            .filter(|r| !weak_ids.contains(&r.area_id.as_str()))
            .filter(|r| r.score.unwrap_or(0.0) >= 2.0)
            .take(n)
            .map(|r| {
                (r.area_id.clone(), {
                    let score = fmt1(r.score.unwrap_or(0.0));
                    let args = [("area", r.name.as_str()), ("score", score.as_str())];
                    if r.gap.unwrap_or(0.0) <= 0.0 {
                        trf("domain.scoring_strength_at_target", &args)
                    } else {
                        let target = fmt1(r.target.unwrap_or(0.0));
                        trf(
                            "domain.scoring_strength_below_target",
                            &[args[0], args[1], ("target", &target)],
                        )
                    }
                })
            })
            .collect();
        let weaknesses = self
            .ranked_gaps()
            .into_iter()
            .take(n)
            .map(|r| {
                (
                    r.area_id.clone(),
                    trf(
                        "domain.scoring_weakness",
                        &[
                            ("area", &r.name),
                            ("score", &fmt1(r.score.unwrap_or(0.0))),
                            ("target", &fmt1(r.target.unwrap_or(0.0))),
                            ("gap", &fmt1(r.gap.unwrap_or(0.0))),
                        ],
                    ),
                )
            })
            .collect();
        (strengths, weaknesses)
    }
}

/// Rounds to one decimal, halves away from zero (2.25 → 2.3), as shown on screen.
pub fn round1(x: f64) -> f64 {
    // Half away from zero on the decimal value: scores are means of whole levels, so an exact
    // 2.95 arrives as 2.9499999999999997 and would read "2.9". Such means lie at least 1/800
    // from a rounding edge unless they are on it, far beyond this nudge.
    let nudge = if x < 0.0 { -1e-9 } else { 1e-9 };
    (x * 10.0 + nudge).round() / 10.0
}

/// A figure with one decimal, e.g. "2.3".
pub fn fmt1(x: f64) -> String {
    let r = round1(x);
    // Avoid "-0.0" for tiny negative values.
    let r = if r == 0.0 { 0.0 } else { r };
    format!("{r:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_content::area;
    use crate::content::StageTargets;
    use crate::domain::answers::AreaSettings;
    use crate::domain::Stage;
    use chrono::DateTime;
    use uuid::Uuid;

    fn targets(p: u8, s: u8, a: u8, b: u8) -> StageTargets {
        StageTargets {
            pre_seed: p,
            seed: s,
            series_a: a,
            series_b_plus: b,
        }
    }

    fn content() -> Content {
        Content {
            scale: vec![],
            areas: vec![area("a", 3), area("b", 2), area("c", 2)],
        }
    }

    fn assessment() -> Assessment {
        let mut a = Assessment::new(Uuid::nil(), "t", DateTime::from_timestamp(0, 0).unwrap());
        a.profile.stage = Stage::Seed;
        a
    }

    fn answer(a: &mut Assessment, id: &str, current: Option<u8>, target: Option<u8>) {
        let ans = a.answers.entry(id.into()).or_default();
        ans.current = current;
        ans.target = target;
    }

    #[test]
    fn empty_assessment_has_no_scores() {
        let r = compute(&content(), &assessment());
        assert_eq!(r.index, None);
        assert_eq!((r.questions, r.done, r.counted), (7, 0, 0));
        assert!(r
            .areas
            .iter()
            .all(|x| x.score.is_none() && x.priority.is_none()));
        assert!(r.ranked_gaps().is_empty());
    }

    #[test]
    fn not_applicable_is_excluded_from_scores_but_counts_as_done() {
        let mut a = assessment();
        answer(&mut a, "a.q0", Some(1), None);
        answer(&mut a, "a.q1", Some(0), None);
        a.answers.get_mut("a.q1").unwrap().not_applicable = Some("no hardware".into());
        let r = compute(&content(), &a);
        let ra = &r.areas[0];
        assert_eq!((ra.done, ra.not_applicable, ra.counted), (2, 1, 1));
        assert_eq!(ra.score, Some(1.0));
        // Seed default target for area a is 2.
        assert_eq!(ra.target, Some(2.0));
        assert_eq!(ra.gap, Some(1.0));
        assert_eq!(ra.priority, Some(2.0));
    }

    #[test]
    fn all_not_applicable_area_has_no_score_and_no_gap() {
        let mut a = assessment();
        for id in ["b.q0", "b.q1"] {
            a.answers.entry(id.into()).or_default().not_applicable = Some("n/a".into());
        }
        answer(&mut a, "a.q0", Some(3), None);
        let r = compute(&content(), &a);
        assert_eq!(r.areas[1].done, 2);
        assert_eq!(r.areas[1].score, None);
        assert_eq!(r.areas[1].gap, None);
        // The index averages only areas with a score.
        assert_eq!(r.index, Some(3.0));
        assert_eq!(r.scored_areas, 1);
    }

    #[test]
    fn stage_sets_default_targets_and_founder_overrides_them() {
        let mut a = assessment();
        answer(&mut a, "a.q0", Some(1), None);
        a.profile.stage = Stage::PreSeed;
        assert_eq!(compute(&content(), &a).areas[0].target, Some(1.0));
        a.profile.stage = Stage::SeriesBPlus;
        assert_eq!(compute(&content(), &a).areas[0].target, Some(3.0));
        answer(&mut a, "a.q0", Some(1), Some(4));
        assert_eq!(compute(&content(), &a).areas[0].target, Some(4.0));
    }

    #[test]
    fn question_level_targets_override_the_area() {
        let mut c = content();
        c.areas[0].questions[0].default_targets = Some(targets(0, 0, 1, 2));
        let mut a = assessment();
        answer(&mut a, "a.q0", Some(0), None);
        assert_eq!(compute(&c, &a).areas[0].target, Some(0.0));
        assert_eq!(compute(&c, &a).areas[0].gap, Some(0.0));
    }

    #[test]
    fn priority_weighs_gap_by_importance_and_ranks() {
        let mut a = assessment();
        answer(&mut a, "a.q0", Some(1), Some(3)); // gap 2, importance 1 -> 2
        answer(&mut a, "b.q0", Some(2), Some(3)); // gap 1, importance 3 -> 3
        answer(&mut a, "c.q0", Some(4), Some(2)); // ahead of target: gap -2, priority 0
        a.areas.insert("a".into(), AreaSettings { importance: 1 });
        a.areas.insert("b".into(), AreaSettings { importance: 3 });
        let r = compute(&content(), &a);
        let ranked: Vec<&str> = r.ranked_gaps().iter().map(|x| x.area_id.as_str()).collect();
        assert_eq!(ranked, ["b", "a"]);
        assert_eq!(r.areas[2].priority, Some(0.0));
        assert_eq!(r.areas[2].gap, Some(-2.0));
    }

    #[test]
    fn averages_and_rounding() {
        let mut a = assessment();
        answer(&mut a, "a.q0", Some(1), Some(3));
        answer(&mut a, "a.q1", Some(2), Some(3));
        answer(&mut a, "a.q2", Some(2), Some(4));
        answer(&mut a, "b.q0", Some(4), None);
        let r = compute(&content(), &a);
        let s = r.areas[0].score.unwrap();
        assert!((s - 5.0 / 3.0).abs() < 1e-12);
        assert_eq!(fmt1(s), "1.7");
        // Target 10/3 reads 3.3 and today 5/3 reads 1.7: the gap shown is their difference,
        // 1.6, not the exact 1.67 rounded (which a reader could not check).
        assert_eq!(fmt1(r.areas[0].gap.unwrap()), "1.6");
        assert_eq!(fmt1(2.95), "3.0");
        assert_eq!(fmt1((2.0 + 3.9) / 2.0), "3.0");
        assert_eq!(fmt1(-0.25), "-0.3");
        // Index = mean of area scores (5/3 and 4), not of questions.
        assert!((r.index.unwrap() - (5.0 / 3.0 + 4.0) / 2.0).abs() < 1e-12);
        assert_eq!(fmt1(2.25), "2.3");
        assert_eq!(fmt1(-0.04), "0.0");
        assert_eq!(round1(1.249), 1.2);
    }

    #[test]
    fn unknown_question_ids_are_kept_but_ignored() {
        let mut a = assessment();
        answer(&mut a, "retired.question", Some(4), None);
        let r = compute(&content(), &a);
        assert_eq!(r.done, 0);
        assert!(a.answers.contains_key("retired.question"));
    }

    #[test]
    fn swot_proposals_link_to_areas() {
        let mut a = assessment();
        answer(&mut a, "a.q0", Some(0), Some(3));
        answer(&mut a, "b.q0", Some(4), Some(3));
        answer(&mut a, "c.q0", Some(3), Some(3));
        let (s, w) = compute(&content(), &a).propose_swot(2);
        assert_eq!(
            s.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            ["b", "c"]
        );
        assert!(s[0].1.starts_with("B: 4.0 of 4, at or above target"));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0, "a");
        assert_eq!(w[0].1, "A: 0.0 of 4 against a target of 3.0 (gap 3.0)");
    }
}
