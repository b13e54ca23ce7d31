//! Two assessments side by side: founder and consultant, CEO and CTO, this browser and a file.
//!
//! Owns the comparison of the self-assessment answers only (levels per question, scores per
//! area, and the counts that summarise them) and the "reviewer's view" of an assessment, so a
//! consultant's levels compare like any other assessment. Never changes either side, and never
//! imports leptos, web-sys or gloo.

use std::cmp::Reverse;

use uuid::Uuid;

use crate::content::Content;
use crate::domain::scoring::{self, target_of};
use crate::domain::Assessment;

/// How one side answered one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideAnswer {
    /// The level chosen, 0 to 4; `None` until answered.
    pub current: Option<u8>,
    /// The target in force: the side's own choice, else the default for its company's stage.
    pub target: u8,
    /// The side said the question does not apply.
    pub not_applicable: bool,
}

impl SideAnswer {
    /// The level that counts: chosen and applicable, as in the scores.
    pub fn level(&self) -> Option<u8> {
        self.current.filter(|_| !self.not_applicable)
    }
}

/// One question as both sides answered it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionRow {
    pub area_id: String,
    pub area_name: String,
    pub question_id: String,
    pub question_text: String,
    pub left: SideAnswer,
    pub right: SideAnswer,
    /// `|left − right|` when both sides gave a level that counts; `None` otherwise.
    pub disagreement: Option<u8>,
}

impl QuestionRow {
    /// Exactly one side gave a level that counts.
    pub fn one_side_only(&self) -> bool {
        self.left.level().is_some() != self.right.level().is_some()
    }

    /// Worth showing in a list of differences: the levels differ, or only one side gave one.
    pub fn differs(&self) -> bool {
        self.disagreement.is_some_and(|d| d > 0) || self.one_side_only()
    }
}

/// One area's score on both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub area_id: String,
    pub name: String,
    /// Average level of the counted questions, 0 to 4; `None` when none counted.
    pub left: Option<f64>,
    pub right: Option<f64>,
    /// `right − left` when both sides have a score: positive when the other side scores higher.
    pub difference: Option<f64>,
}

/// How many questions agree and how far the others are apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Both sides gave a level that counts.
    pub both_answered: usize,
    /// Both answered with the same level.
    pub agree: usize,
    /// Both answered, one level apart.
    pub differ_by_one: usize,
    /// Both answered, two levels or more apart.
    pub differ_by_two_or_more: usize,
    /// Only one side gave a level that counts.
    pub one_side_only: usize,
}

/// The whole comparison, left (this assessment) against right (the other side).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Every question of the framework, largest disagreement first; questions not answered by
    /// both come last. Ties keep area order, then question order.
    pub questions: Vec<QuestionRow>,
    /// Every area, in framework order.
    pub areas: Vec<AreaRow>,
    /// Maturity index (average area score) of each side.
    pub left_index: Option<f64>,
    pub right_index: Option<f64>,
    pub counts: Counts,
}

impl Comparison {
    /// The questions that differ (see [`QuestionRow::differs`]), largest disagreement first.
    pub fn differences(&self) -> impl Iterator<Item = &QuestionRow> {
        self.questions.iter().filter(|q| q.differs())
    }
}

/// Compares the self-assessment answers of `left` and `right` question by question and area by
/// area. Answers to question ids the content does not know are ignored, as in the scores.
pub fn compare(content: &Content, left: &Assessment, right: &Assessment) -> Comparison {
    let mut questions = Vec::with_capacity(content.question_count());
    for area in &content.areas {
        for q in &area.questions {
            let side = |a: &Assessment| {
                let answer = a.answers.get(&q.id);
                SideAnswer {
                    current: answer.and_then(|x| x.current),
                    target: target_of(area, q, answer, a),
                    not_applicable: answer.is_some_and(|x| x.is_not_applicable()),
                }
            };
            let (l, r) = (side(left), side(right));
            let disagreement = l.level().zip(r.level()).map(|(x, y)| x.abs_diff(y));
            questions.push(QuestionRow {
                area_id: area.id.clone(),
                area_name: area.name.clone(),
                question_id: q.id.clone(),
                question_text: q.text.clone(),
                left: l,
                right: r,
                disagreement,
            });
        }
    }
    let counts = count(&questions);
    // A stable sort keeps framework order among equals; `None` sorts below every level.
    questions.sort_by_key(|q| Reverse(q.disagreement));

    let left_results = scoring::compute(content, left);
    let right_results = scoring::compute(content, right);
    let areas = left_results
        .areas
        .iter()
        .zip(&right_results.areas)
        .map(|(l, r)| AreaRow {
            area_id: l.area_id.clone(),
            name: l.name.clone(),
            left: l.score,
            right: r.score,
            difference: l.score.zip(r.score).map(|(x, y)| y - x),
        })
        .collect();
    Comparison {
        questions,
        areas,
        left_index: left_results.index,
        right_index: right_results.index,
        counts,
    }
}

fn count(rows: &[QuestionRow]) -> Counts {
    let mut c = Counts::default();
    for row in rows {
        match row.disagreement {
            Some(0) => c.agree += 1,
            Some(1) => c.differ_by_one += 1,
            Some(_) => c.differ_by_two_or_more += 1,
            None if row.one_side_only() => c.one_side_only += 1,
            None => {}
        }
    }
    c.both_answered = c.agree + c.differ_by_one + c.differ_by_two_or_more;
    c
}

/// The assessment as its reviewers see it: the reviewed level (the most recent review's, see
/// [`crate::domain::review::reviewed_levels`]) replaces the founder's current
/// level wherever the reviewer gave one; everything else (targets, notes, the rest of the file)
/// stays the founder's. Comparing `a` with `reviewer_view(a)` is "founder vs reviewer".
///
/// A reviewer's level on a question the founder marked "does not apply" makes it count again:
/// by rating it the reviewer says it applies, and hiding their level would hide the challenge.
/// Reviews of question ids without an answer get a fresh answer holding only the level.
pub fn reviewer_view(a: &Assessment) -> Assessment {
    reviewer_view_of(a, None)
}

/// [`reviewer_view`] with one reviewer's levels only (`Some(id)`), or the latest of each
/// question (`None`).
pub fn reviewer_view_of(a: &Assessment, reviewer: Option<Uuid>) -> Assessment {
    let mut view = a.clone();
    for (question_id, level) in crate::domain::review::reviewed_levels(a, reviewer) {
        let answer = view.answers.entry(question_id).or_default();
        answer.current = Some(level);
        answer.not_applicable = None;
    }
    view
}

/// Whether any reviewer gave at least one level, i.e. whether [`reviewer_view`] differs from `a`
/// in any level.
pub fn has_reviewer_levels(a: &Assessment) -> bool {
    a.reviews
        .iter()
        .any(|r| r.answers.values().any(|x| x.level.is_some()))
}

/// The reviewers who gave at least one level, as (id, name), the most recently changed first.
pub fn reviewers_with_levels(a: &Assessment) -> Vec<(Uuid, String)> {
    crate::domain::review::latest_first(a)
        .into_iter()
        .filter(|r| r.answers.values().any(|x| x.level.is_some()))
        .map(|r| (r.reviewer_id, r.reviewer.trim().to_string()))
        .collect()
}

/// The assessment of a file to compare with: the one with the same id (the same company's file
/// coming back from a reviewer), else the first; `None` when the file holds none.
pub fn pick_from_file(assessments: &[Assessment], id: Uuid) -> Option<&Assessment> {
    assessments
        .iter()
        .find(|a| a.id == id)
        .or_else(|| assessments.first())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_content::area;
    use crate::domain::review::AnswerReview;
    use crate::domain::Stage;
    use chrono::DateTime;

    fn content() -> Content {
        Content {
            scale: vec![],
            areas: vec![area("a", 3), area("b", 2)],
        }
    }

    fn assessment() -> Assessment {
        let mut a = Assessment::new(Uuid::nil(), "t", DateTime::from_timestamp(0, 0).unwrap());
        a.profile.stage = Stage::Seed;
        a
    }

    fn set(a: &mut Assessment, id: &str, current: u8) {
        a.answers.entry(id.into()).or_default().current = Some(current);
    }

    fn ids(c: &Comparison) -> Vec<&str> {
        c.questions.iter().map(|q| q.question_id.as_str()).collect()
    }

    #[test]
    fn identical_assessments_agree_everywhere() {
        let mut a = assessment();
        set(&mut a, "a.q0", 2);
        set(&mut a, "b.q1", 4);
        let c = compare(&content(), &a, &a);
        assert_eq!(
            c.counts,
            Counts {
                both_answered: 2,
                agree: 2,
                ..Counts::default()
            }
        );
        assert_eq!(c.differences().count(), 0);
        assert_eq!(c.areas[0].difference, Some(0.0));
        assert_eq!(c.left_index, c.right_index);
    }

    #[test]
    fn rows_sort_by_disagreement_then_area_then_question() {
        let (mut l, mut r) = (assessment(), assessment());
        // a.q0: 1 apart, a.q1: 3 apart, a.q2: left only, b.q0: 3 apart, b.q1: agree.
        for (id, x, y) in [
            ("a.q0", 2, 1),
            ("a.q1", 0, 3),
            ("b.q0", 4, 1),
            ("b.q1", 2, 2),
        ] {
            set(&mut l, id, x);
            set(&mut r, id, y);
        }
        set(&mut l, "a.q2", 1);
        let c = compare(&content(), &l, &r);
        assert_eq!(ids(&c), ["a.q1", "b.q0", "a.q0", "b.q1", "a.q2"]);
        assert_eq!(
            c.questions
                .iter()
                .map(|q| q.disagreement)
                .collect::<Vec<_>>(),
            [Some(3), Some(3), Some(1), Some(0), None]
        );
        let shown: Vec<&str> = c.differences().map(|q| q.question_id.as_str()).collect();
        assert_eq!(shown, ["a.q1", "b.q0", "a.q0", "a.q2"]);
        assert_eq!(
            c.counts,
            Counts {
                both_answered: 4,
                agree: 1,
                differ_by_one: 1,
                differ_by_two_or_more: 2,
                one_side_only: 1,
            }
        );
        let row = &c.questions[0];
        assert_eq!(
            (row.area_name.as_str(), row.question_text.as_str()),
            ("A", "Question a.q1")
        );
        assert_eq!((row.left.current, row.right.current), (Some(0), Some(3)));
    }

    #[test]
    fn not_applicable_counts_as_not_answered() {
        let (mut l, mut r) = (assessment(), assessment());
        set(&mut l, "a.q0", 3);
        set(&mut r, "a.q0", 0);
        r.answers.get_mut("a.q0").unwrap().not_applicable = Some("no servers".into());
        let c = compare(&content(), &l, &r);
        let row = &c.questions[0];
        assert_eq!(row.question_id, "a.q0");
        assert!(row.right.not_applicable);
        assert_eq!(row.right.level(), None);
        assert_eq!(row.disagreement, None);
        assert!(row.one_side_only() && row.differs());
        assert_eq!(c.counts.one_side_only, 1);
        assert_eq!(c.counts.both_answered, 0);
    }

    #[test]
    fn targets_are_each_sides_own_or_stage_default() {
        let (mut l, mut r) = (assessment(), assessment());
        set(&mut l, "a.q0", 1);
        l.answers.get_mut("a.q0").unwrap().target = Some(4);
        r.profile.stage = Stage::SeriesA;
        let c = compare(&content(), &l, &r);
        let row = c
            .questions
            .iter()
            .find(|q| q.question_id == "a.q0")
            .unwrap();
        assert_eq!((row.left.target, row.right.target), (4, 3));
        // Seed default for an untouched question.
        assert_eq!(c.questions.last().unwrap().left.target, 2);
    }

    #[test]
    fn area_scores_and_differences() {
        let (mut l, mut r) = (assessment(), assessment());
        set(&mut l, "a.q0", 1);
        set(&mut l, "a.q1", 2);
        set(&mut r, "a.q0", 3);
        set(&mut r, "b.q0", 2);
        let c = compare(&content(), &l, &r);
        assert_eq!(c.areas.len(), 2);
        assert_eq!(c.areas[0].area_id, "a");
        assert_eq!((c.areas[0].left, c.areas[0].right), (Some(1.5), Some(3.0)));
        assert_eq!(c.areas[0].difference, Some(1.5));
        assert_eq!((c.areas[1].left, c.areas[1].right), (None, Some(2.0)));
        assert_eq!(c.areas[1].difference, None);
        assert_eq!(c.left_index, Some(1.5));
        assert_eq!(c.right_index, Some(2.5));
    }

    #[test]
    fn unknown_question_ids_are_ignored() {
        let (mut l, r) = (assessment(), assessment());
        set(&mut l, "retired.q", 4);
        let c = compare(&content(), &l, &r);
        assert_eq!(c.questions.len(), 5);
        assert_eq!(c.counts, Counts::default());
    }

    #[test]
    fn reviewer_view_replaces_levels_where_given() {
        let mut a = assessment();
        set(&mut a, "a.q0", 3);
        set(&mut a, "a.q1", 2);
        a.answers.get_mut("a.q1").unwrap().notes = "kept".into();
        set(&mut a, "b.q0", 1);
        a.answers.get_mut("b.q0").unwrap().not_applicable = Some("n/a".into());
        let review = |level: Option<u8>| AnswerReview {
            level,
            comment: "c".into(),
            ..Default::default()
        };
        a.reviews.push(Default::default());
        let r = &mut a.reviews[0];
        r.answers.insert("a.q0".into(), review(Some(1)));
        r.answers.insert("a.q1".into(), review(None));
        r.answers.insert("a.q2".into(), review(Some(4)));
        r.answers.insert("b.q0".into(), review(Some(2)));
        assert!(has_reviewer_levels(&a));

        let v = reviewer_view(&a);
        assert_eq!(v.answers["a.q0"].current, Some(1));
        assert_eq!(v.answers["a.q1"].current, Some(2));
        assert_eq!(v.answers["a.q1"].notes, "kept");
        assert_eq!(v.answers["a.q2"].current, Some(4));
        assert_eq!(v.answers["b.q0"].current, Some(2));
        assert_eq!(v.answers["b.q0"].not_applicable, None);
        // The original is untouched.
        assert_eq!(a.answers["a.q0"].current, Some(3));

        let c = compare(&content(), &a, &v);
        assert_eq!(ids(&c)[0], "a.q0");
        assert_eq!(c.questions[0].disagreement, Some(2));
        assert_eq!(
            c.counts,
            Counts {
                both_answered: 2,
                agree: 1,
                differ_by_one: 0,
                differ_by_two_or_more: 1,
                one_side_only: 2,
            }
        );
    }

    #[test]
    fn comments_alone_are_not_reviewer_levels() {
        let mut a = assessment();
        assert!(!has_reviewer_levels(&a));
        a.reviews.push(Default::default());
        a.reviews[0].answers.insert(
            "a.q0".into(),
            AnswerReview {
                level: None,
                comment: "why?".into(),
                ..Default::default()
            },
        );
        assert!(!has_reviewer_levels(&a));
        assert_eq!(reviewer_view(&a), a);
    }

    #[test]
    fn a_file_gives_the_same_assessment_else_the_first() {
        let mut first = assessment();
        first.id = Uuid::from_u128(1);
        let mut same = assessment();
        same.id = Uuid::from_u128(2);
        let list = vec![first, same];
        assert_eq!(
            pick_from_file(&list, Uuid::from_u128(2)).unwrap().id,
            Uuid::from_u128(2)
        );
        assert_eq!(
            pick_from_file(&list, Uuid::from_u128(9)).unwrap().id,
            Uuid::from_u128(1)
        );
        assert!(pick_from_file(&[], Uuid::from_u128(1)).is_none());
    }

    #[test]
    fn the_real_content_compares() {
        let content = crate::content::get();
        let mut l = assessment();
        let r = assessment();
        let first = &content.areas[0].questions[0].id;
        set(&mut l, first, 2);
        let c = compare(content, &l, &r);
        assert_eq!(c.questions.len(), content.question_count());
        assert_eq!(c.areas.len(), content.areas.len());
        assert_eq!(c.counts.one_side_only, 1);
        // Rows without a disagreement keep framework order, so the one answer comes first.
        assert_eq!(&c.questions[0].question_id, first);
        assert!(c.questions[0].differs());
        assert_eq!(c.differences().count(), 1);
    }
}
