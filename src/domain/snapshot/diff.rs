//! Comparing two points in time (two snapshots, or a snapshot and now): how each area's score
//! moved and which questions changed level, largest changes first. Scores come from
//! `scoring::compute`; levels are read from the answers as they were frozen.

use crate::content::Content;
use crate::domain::answers::Answer;
use crate::domain::scoring::fmt1;
use crate::domain::Assessment;
use crate::i18n::{tr, trf};

use super::list::find;
use super::progress::{results_at, Moment, SnapshotError};

/// Changes smaller than this are rounding noise, not change.
const EPSILON: f64 = 1e-9;

/// Where one question stood at one point in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionState {
    /// No level chosen yet.
    Unanswered,
    /// Marked "does not apply" (left out of the scores whatever its level).
    NotApplicable,
    /// A level from 0 to 4.
    Level(u8),
}

impl QuestionState {
    /// The state of a question given its answer, the way scoring reads it.
    pub fn of(answer: Option<&Answer>) -> QuestionState {
        match answer {
            Some(a) if a.is_not_applicable() => QuestionState::NotApplicable,
            Some(Answer {
                current: Some(level),
                ..
            }) => QuestionState::Level(*level),
            _ => QuestionState::Unanswered,
        }
    }

    /// In plain words in the language in use, e.g. "Level 2", "Not answered", "Does not apply".
    pub fn label(self) -> String {
        match self {
            QuestionState::Unanswered => tr("domain.diff_not_answered").to_string(),
            QuestionState::NotApplicable => tr("domain.diff_does_not_apply").to_string(),
            QuestionState::Level(level) => {
                trf("domain.diff_level", &[("level", &level.to_string())])
            }
        }
    }
}

/// How one area's score moved.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaChange {
    pub area_id: String,
    pub name: String,
    /// Score at the earlier point of the comparison ("from"); `None` when nothing counted.
    pub from: Option<f64>,
    /// Score at the later point ("to").
    pub to: Option<f64>,
}

impl AreaChange {
    /// `to − from` when both points have a score.
    pub fn change(&self) -> Option<f64> {
        Some(self.to? - self.from?)
    }

    /// The change in words, e.g. "up 0.5", "down 1.0", "no change", "newly scored".
    pub fn words(&self) -> String {
        change_words(self.from, self.to)
    }
}

/// One question whose state differs between the two points.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionChange {
    pub question_id: String,
    pub area_id: String,
    pub area_name: String,
    /// The question as the founder reads it.
    pub text: String,
    pub from: QuestionState,
    pub to: QuestionState,
}

impl QuestionChange {
    /// Levels gained (negative: lost) when both points have a level.
    pub fn change(&self) -> Option<i16> {
        match (self.from, self.to) {
            (QuestionState::Level(f), QuestionState::Level(t)) => Some(i16::from(t) - i16::from(f)),
            _ => None,
        }
    }
}

/// Everything that changed between two points in time.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotDiff {
    pub from_index: Option<f64>,
    pub to_index: Option<f64>,
    /// Every area of the framework: those that moved most first, then those that gained or
    /// lost a score, then the unchanged, each group in framework order.
    pub areas: Vec<AreaChange>,
    /// Only questions that changed: largest level changes first, then questions answered,
    /// cleared or marked "does not apply", each group in framework order.
    pub questions: Vec<QuestionChange>,
}

impl SnapshotDiff {
    /// `to − from` of the maturity index when both points have one.
    pub fn index_change(&self) -> Option<f64> {
        Some(self.to_index? - self.from_index?)
    }

    /// The index change in words, e.g. "up 0.3".
    pub fn index_words(&self) -> String {
        change_words(self.from_index, self.to_index)
    }
}

/// Compares `from` with `to`. Either may be now; comparing a point with itself gives no changes.
/// Fails when a snapshot is no longer in the assessment.
pub fn compare(
    content: &Content,
    a: &Assessment,
    from: Moment,
    to: Moment,
) -> Result<SnapshotDiff, SnapshotError> {
    let from_results = results_at(content, a, from)?;
    let to_results = results_at(content, a, to)?;
    let answers_at = |m: Moment| match m {
        Moment::Now => Ok(&a.answers),
        Moment::Snapshot(id) => find(a, id)
            .map(|s| &s.answers)
            .ok_or(SnapshotError::NotFound(id)),
    };
    let (from_answers, to_answers) = (answers_at(from)?, answers_at(to)?);

    let mut areas: Vec<AreaChange> = from_results
        .areas
        .iter()
        .zip(&to_results.areas)
        .map(|(f, t)| AreaChange {
            area_id: t.area_id.clone(),
            name: t.name.clone(),
            from: f.score,
            to: t.score,
        })
        .collect();
    // Stable sorts keep framework order within each group.
    areas.sort_by(|x, y| {
        area_rank(x)
            .cmp(&area_rank(y))
            .then(magnitude(y.change()).total_cmp(&magnitude(x.change())))
    });

    let mut questions: Vec<QuestionChange> = content
        .areas
        .iter()
        .flat_map(|area| area.questions.iter().map(move |q| (area, q)))
        .filter_map(|(area, q)| {
            let from = QuestionState::of(from_answers.get(&q.id));
            let to = QuestionState::of(to_answers.get(&q.id));
            (from != to).then(|| QuestionChange {
                question_id: q.id.clone(),
                area_id: area.id.clone(),
                area_name: area.name.clone(),
                text: q.text.clone(),
                from,
                to,
            })
        })
        .collect();
    questions.sort_by_key(|q| match q.change() {
        Some(d) => (0, -d.abs()),
        None => (1, 0),
    });

    Ok(SnapshotDiff {
        from_index: from_results.index,
        to_index: to_results.index,
        areas,
        questions,
    })
}

/// 0: the score moved; 1: a score appeared or disappeared; 2: unchanged or never scored.
fn area_rank(c: &AreaChange) -> u8 {
    match (c.from, c.to, c.change()) {
        (_, _, Some(d)) if d.abs() > EPSILON => 0,
        (Some(_), None, _) | (None, Some(_), _) => 1,
        _ => 2,
    }
}

fn magnitude(change: Option<f64>) -> f64 {
    change.map_or(0.0, f64::abs)
}

/// A change of score in words, with one decimal: "up 0.5", "down 1.0", "no change",
/// "newly scored", "no longer scored" or "not scored" (neither point has a score).
pub fn change_words(from: Option<f64>, to: Option<f64>) -> String {
    match (from, to) {
        (Some(f), Some(t)) => {
            let d = t - f;
            // Compare what is shown, so "up 0.0" never appears.
            if fmt1(d.abs()) == "0.0" {
                tr("domain.diff_no_change").to_string()
            } else if d > 0.0 {
                trf("domain.diff_up", &[("change", &fmt1(d))])
            } else {
                trf("domain.diff_down", &[("change", &fmt1(-d))])
            }
        }
        (None, Some(_)) => tr("domain.diff_newly_scored").to_string(),
        (Some(_), None) => tr("domain.diff_no_longer_scored").to_string(),
        (None, None) => tr("domain.diff_not_scored").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::list::take;
    use super::super::test_fixtures::{assessment, at, content, day, set};
    use super::*;
    use uuid::Uuid;

    /// A snapshot on 1 March with a.q0 = 1, a.q1 = 2, b.q0 = 3, c.q0 = 2, c.q1 = 2; then now:
    /// a.q0 = 3 (+2), a.q1 = 3 (+1), b.q0 cleared, b.q1 answered 1, c unchanged, a.q2 marked
    /// "does not apply".
    fn scenario() -> Assessment {
        let mut a = assessment();
        set(&mut a, "a.q0", Some(1));
        set(&mut a, "a.q1", Some(2));
        set(&mut a, "b.q0", Some(3));
        set(&mut a, "c.q0", Some(2));
        set(&mut a, "c.q1", Some(2));
        take(
            &mut a,
            Uuid::from_u128(1),
            "March",
            at(2026, 3, 1),
            day(2026, 3, 1),
        );
        set(&mut a, "a.q0", Some(3));
        set(&mut a, "a.q1", Some(3));
        set(&mut a, "b.q0", None);
        set(&mut a, "b.q1", Some(1));
        a.answers.entry("a.q2".into()).or_default().not_applicable = Some("no app".into());
        a
    }

    #[test]
    fn area_changes_are_computed_and_largest_first() {
        let diff = compare(
            &content(),
            &scenario(),
            Moment::Snapshot(Uuid::from_u128(1)),
            Moment::Now,
        )
        .unwrap();
        let rows: Vec<(&str, Option<f64>, Option<f64>)> = diff
            .areas
            .iter()
            .map(|c| (c.area_id.as_str(), c.from, c.to))
            .collect();
        // a: 1.5 -> 3.0 (+1.5); b: 3.0 -> 1.0 (-2.0); c: 2.0 -> 2.0.
        assert_eq!(
            rows,
            [
                ("b", Some(3.0), Some(1.0)),
                ("a", Some(1.5), Some(3.0)),
                ("c", Some(2.0), Some(2.0)),
            ]
        );
        assert_eq!(diff.areas[0].change(), Some(-2.0));
        assert_eq!(diff.areas[0].words(), "down 2.0");
        assert_eq!(diff.areas[1].words(), "up 1.5");
        assert_eq!(diff.areas[2].words(), "no change");
        // Index: (1.5 + 3 + 2) / 3 then (3 + 1 + 2) / 3.
        assert!((diff.from_index.unwrap() - 6.5 / 3.0).abs() < 1e-12);
        assert_eq!(diff.to_index, Some(2.0));
        assert_eq!(diff.index_words(), "down 0.2");
    }

    #[test]
    fn question_changes_list_levels_first_then_answered_or_cleared() {
        let diff = compare(
            &content(),
            &scenario(),
            Moment::Snapshot(Uuid::from_u128(1)),
            Moment::Now,
        )
        .unwrap();
        let rows: Vec<(&str, QuestionState, QuestionState)> = diff
            .questions
            .iter()
            .map(|q| (q.question_id.as_str(), q.from, q.to))
            .collect();
        use QuestionState::*;
        assert_eq!(
            rows,
            [
                ("a.q0", Level(1), Level(3)),
                ("a.q1", Level(2), Level(3)),
                ("a.q2", Unanswered, NotApplicable),
                ("b.q0", Level(3), Unanswered),
                ("b.q1", Unanswered, Level(1)),
            ]
        );
        assert_eq!(diff.questions[0].change(), Some(2));
        assert_eq!(diff.questions[2].change(), None);
        assert_eq!(diff.questions[0].text, "Question a.q0");
        assert_eq!(diff.questions[3].area_name, "B");
        assert_eq!(Level(2).label(), "Level 2");
        assert_eq!(Unanswered.label(), "Not answered");
        assert_eq!(NotApplicable.label(), "Does not apply");
    }

    #[test]
    fn comparing_backwards_reverses_the_signs() {
        let a = scenario();
        let diff = compare(
            &content(),
            &a,
            Moment::Now,
            Moment::Snapshot(Uuid::from_u128(1)),
        )
        .unwrap();
        let b = diff.areas.iter().find(|c| c.area_id == "b").unwrap();
        assert_eq!(b.change(), Some(2.0));
        assert_eq!(diff.questions[0].change(), Some(-2));
        assert_eq!(
            diff.index_change().map(|d| (d * 1e9).round()),
            Some((0.5 / 3.0 * 1e9_f64).round())
        );
    }

    #[test]
    fn a_point_compared_with_itself_has_no_changes() {
        let a = scenario();
        for m in [Moment::Now, Moment::Snapshot(Uuid::from_u128(1))] {
            let diff = compare(&content(), &a, m, m).unwrap();
            assert!(diff.questions.is_empty());
            assert!(diff.areas.iter().all(|c| c.change() == Some(0.0)));
            assert_eq!(diff.index_change(), Some(0.0));
        }
    }

    #[test]
    fn unanswered_areas_are_newly_scored_or_not_scored() {
        let mut a = assessment();
        take(
            &mut a,
            Uuid::from_u128(1),
            "empty",
            at(2026, 1, 1),
            day(2026, 1, 1),
        );
        set(&mut a, "c.q0", Some(2));
        let diff = compare(
            &content(),
            &a,
            Moment::Snapshot(Uuid::from_u128(1)),
            Moment::Now,
        )
        .unwrap();
        assert_eq!(diff.from_index, None);
        assert_eq!(diff.to_index, Some(2.0));
        assert_eq!(diff.index_change(), None);
        assert_eq!(diff.index_words(), "newly scored");
        // c gained a score, so it comes before a and b, which were never scored.
        let ids: Vec<&str> = diff.areas.iter().map(|c| c.area_id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
        assert_eq!(diff.areas[0].change(), None);
        assert_eq!(diff.areas[0].words(), "newly scored");
        assert_eq!(diff.areas[1].words(), "not scored");
        assert_eq!(change_words(Some(1.0), None), "no longer scored");
        assert_eq!(change_words(Some(1.0), Some(1.04)), "no change");
        assert_eq!(
            diff.questions
                .iter()
                .map(|q| q.question_id.as_str())
                .collect::<Vec<_>>(),
            ["c.q0"]
        );
    }

    #[test]
    fn not_applicable_wins_over_a_level_and_unknown_questions_are_ignored() {
        let mut a = assessment();
        set(&mut a, "a.q0", Some(2));
        set(&mut a, "retired.question", Some(1));
        take(
            &mut a,
            Uuid::from_u128(1),
            "before",
            at(2026, 1, 1),
            day(2026, 1, 1),
        );
        // Marked "does not apply" but the old level stays in the answer.
        a.answers.get_mut("a.q0").unwrap().not_applicable = Some("n/a".into());
        set(&mut a, "retired.question", Some(4));
        let diff = compare(
            &content(),
            &a,
            Moment::Snapshot(Uuid::from_u128(1)),
            Moment::Now,
        )
        .unwrap();
        assert_eq!(diff.questions.len(), 1);
        assert_eq!(diff.questions[0].from, QuestionState::Level(2));
        assert_eq!(diff.questions[0].to, QuestionState::NotApplicable);
        assert_eq!(diff.areas[0].words(), "no longer scored");
    }

    #[test]
    fn a_deleted_snapshot_is_refused_with_a_reason() {
        let a = scenario();
        let gone = Moment::Snapshot(Uuid::from_u128(42));
        for (f, t) in [(gone, Moment::Now), (Moment::Now, gone)] {
            let err = compare(&content(), &a, f, t).unwrap_err();
            assert_eq!(err, SnapshotError::NotFound(Uuid::from_u128(42)));
            assert!(err.to_string().contains("no longer in this assessment"));
        }
    }
}
