//! Progress over time: the scores of every snapshot, oldest first, followed by the assessment
//! as it is now. Owns what "a point in time" means ([`Moment`]) and the order of the points;
//! the scores themselves always come from `scoring::compute`, so a snapshot is scored by exactly
//! the rules the results page uses.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::list::{display_name, find, in_date_order};
use crate::content::Content;
use crate::domain::scoring::{self, Results};
use crate::domain::Assessment;

/// The label of the point that is the assessment as it is now.
pub const NOW_LABEL: &str = "Now";

/// A point in time that can be scored: a snapshot, or the assessment as it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Moment {
    Now,
    Snapshot(Uuid),
}

impl Moment {
    /// The text used as the value of a choice in a form: "now" or the snapshot's id.
    pub fn value(self) -> String {
        match self {
            Moment::Now => "now".to_string(),
            Moment::Snapshot(id) => id.to_string(),
        }
    }

    /// Reads [`Moment::value`] back; `None` for anything else.
    pub fn from_value(text: &str) -> Option<Moment> {
        if text == "now" {
            return Some(Moment::Now);
        }
        Uuid::parse_str(text).ok().map(Moment::Snapshot)
    }
}

/// Why a point in time could not be scored.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("{}", crate::i18n::tr("domain.progress_snapshot_gone"))]
    NotFound(Uuid),
}

/// One area's score at one point in time.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaScore {
    pub area_id: String,
    pub name: String,
    /// 0 to 4; `None` when no question of the area counted then.
    pub score: Option<f64>,
}

/// The scores at one point in time.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    pub moment: Moment,
    /// The snapshot's name, or [`NOW_LABEL`].
    pub name: String,
    /// When the snapshot was taken; `None` for now.
    pub taken_at: Option<DateTime<Utc>>,
    /// The maturity index, 0 to 4; `None` when nothing counted.
    pub index: Option<f64>,
    /// Every area of the framework, in its order.
    pub areas: Vec<AreaScore>,
}

impl SeriesPoint {
    /// The score of one area at this point, if it had one.
    pub fn score_of(&self, area_id: &str) -> Option<f64> {
        self.areas
            .iter()
            .find(|s| s.area_id == area_id)
            .and_then(|s| s.score)
    }
}

/// Scores every snapshot, oldest first, then the assessment as it is now (always the last
/// point, so there is at least one).
pub fn series(content: &Content, a: &Assessment) -> Vec<SeriesPoint> {
    let mut points: Vec<SeriesPoint> = in_date_order(a)
        .into_iter()
        .map(|s| {
            point(
                Moment::Snapshot(s.id),
                display_name(s),
                Some(s.taken_at),
                &scoring::compute(content, &s.as_assessment(a)),
            )
        })
        .collect();
    points.push(point(
        Moment::Now,
        NOW_LABEL.to_string(),
        None,
        &scoring::compute(content, a),
    ));
    points
}

/// The full results at one point in time.
pub fn results_at(
    content: &Content,
    a: &Assessment,
    moment: Moment,
) -> Result<Results, SnapshotError> {
    match moment {
        Moment::Now => Ok(scoring::compute(content, a)),
        Moment::Snapshot(id) => find(a, id)
            .map(|s| scoring::compute(content, &s.as_assessment(a)))
            .ok_or(SnapshotError::NotFound(id)),
    }
}

fn point(
    moment: Moment,
    name: String,
    taken_at: Option<DateTime<Utc>>,
    results: &Results,
) -> SeriesPoint {
    SeriesPoint {
        moment,
        name,
        taken_at,
        index: results.index,
        areas: results
            .areas
            .iter()
            .map(|r| AreaScore {
                area_id: r.area_id.clone(),
                name: r.name.clone(),
                score: r.score,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::list::take;
    use super::super::test_fixtures::{assessment, at, content, day, set};
    use super::*;

    #[test]
    fn points_are_in_date_order_with_now_last() {
        let c = content();
        let mut a = assessment();
        set(&mut a, "a.q0", Some(1));
        take(
            &mut a,
            Uuid::from_u128(2),
            "June",
            at(2026, 6, 1),
            day(2026, 6, 1),
        );
        set(&mut a, "a.q0", Some(3));
        set(&mut a, "b.q0", Some(2));
        // Listed first in the file but taken earlier: still the first point.
        let mut early = assessment();
        set(&mut early, "a.q0", Some(0));
        take(
            &mut early,
            Uuid::from_u128(1),
            "January",
            at(2026, 1, 15),
            day(2026, 1, 15),
        );
        a.snapshots.insert(0, early.snapshots.remove(0));
        set(&mut a, "a.q0", Some(4));

        let points = series(&c, &a);
        let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["January", "June", "Now"]);
        assert_eq!(points[0].moment, Moment::Snapshot(Uuid::from_u128(1)));
        assert_eq!(points[2].moment, Moment::Now);
        assert_eq!(points[0].taken_at, Some(at(2026, 1, 15)));
        assert_eq!(points[2].taken_at, None);
        // Area a: 0, then 1, now 4 (each from its one answered question).
        let a_scores: Vec<Option<f64>> = points.iter().map(|p| p.score_of("a")).collect();
        assert_eq!(a_scores, [Some(0.0), Some(1.0), Some(4.0)]);
        // Area b was unanswered until after June.
        let b_scores: Vec<Option<f64>> = points.iter().map(|p| p.score_of("b")).collect();
        assert_eq!(b_scores, [None, None, Some(2.0)]);
        // The index averages the scored areas only: (4 + 2) / 2 now.
        let index: Vec<Option<f64>> = points.iter().map(|p| p.index).collect();
        assert_eq!(index, [Some(0.0), Some(1.0), Some(3.0)]);
        assert_eq!(points[2].areas.len(), 3);
        assert_eq!(points[2].areas[1].name, "B");
    }

    #[test]
    fn an_assessment_without_snapshots_or_answers_has_one_empty_point() {
        let points = series(&content(), &assessment());
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].name, NOW_LABEL);
        assert_eq!(points[0].index, None);
        assert!(points[0].areas.iter().all(|s| s.score.is_none()));
        assert_eq!(points[0].score_of("no-such-area"), None);
    }

    #[test]
    fn snapshots_keep_the_stage_and_importance_they_were_taken_with() {
        let c = content();
        let mut a = assessment();
        set(&mut a, "a.q0", Some(1));
        take(
            &mut a,
            Uuid::from_u128(1),
            "seed",
            at(2026, 2, 1),
            day(2026, 2, 1),
        );
        a.profile.stage = crate::domain::Stage::SeriesBPlus;
        let then = results_at(&c, &a, Moment::Snapshot(Uuid::from_u128(1))).unwrap();
        let now = results_at(&c, &a, Moment::Now).unwrap();
        // Seed default target 2, series B+ default 3.
        assert_eq!(then.areas[0].target, Some(2.0));
        assert_eq!(now.areas[0].target, Some(3.0));
        assert_eq!(
            results_at(&c, &a, Moment::Snapshot(Uuid::from_u128(9))),
            Err(SnapshotError::NotFound(Uuid::from_u128(9)))
        );
    }

    #[test]
    fn moments_round_trip_through_form_values() {
        let id = Uuid::from_u128(0xabc);
        for m in [Moment::Now, Moment::Snapshot(id)] {
            assert_eq!(Moment::from_value(&m.value()), Some(m));
        }
        assert_eq!(Moment::from_value("later"), None);
        assert_eq!(Moment::from_value(""), None);
    }

    #[test]
    fn real_content_gives_sixteen_areas_per_point() {
        let c = crate::content::get();
        let mut a = assessment();
        let q = &c.areas[0].questions[0].id;
        set(&mut a, q, Some(3));
        take(
            &mut a,
            Uuid::from_u128(1),
            "",
            at(2026, 11, 23),
            day(2026, 11, 23),
        );
        let points = series(c, &a);
        assert_eq!(points.len(), 2);
        assert!(points.iter().all(|p| p.areas.len() == 16));
        assert_eq!(points[0].name, "Snapshot of 23 Nov 2026");
        assert_eq!(points[0].index, Some(3.0));
    }
}
