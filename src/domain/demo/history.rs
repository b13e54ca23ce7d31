//! The demo company's history and review: three quarterly snapshots showing steady progress,
//! and a fractional CTO's review with levels, comments and area statuses, so the Snapshots,
//! Compare and Report sections have something to show.

use chrono::{DateTime, Days, Utc};
use uuid::Uuid;

use crate::content::Content;
use crate::domain::model::Assessment;
use crate::domain::review::{AnswerReview, AreaReview, AreaStatus, Review};
use crate::domain::snapshot::Snapshot;

/// How far below today's level question number `i` was at a snapshot.
type Below = fn(usize) -> u8;

/// (days ago, name, how far below today's level each question was).
const SNAPSHOTS: [(u64, &str, Below); 3] = [
    (273, "First review, nine months ago", |i| {
        1 + u8::from(i % 3 == 0)
    }),
    (182, "Second review, six months ago", |i| {
        u8::from(i % 2 == 0) + u8::from(i % 5 == 0)
    }),
    (91, "Third review, three months ago", |i| {
        u8::from(i % 4 == 0)
    }),
];

pub(super) fn add_history(content: &Content, a: &mut Assessment, now: DateTime<Utc>) {
    let question_ids: Vec<&str> = content
        .areas
        .iter()
        .flat_map(|area| area.questions.iter().map(|q| q.id.as_str()))
        .collect();
    a.snapshots = SNAPSHOTS
        .iter()
        .enumerate()
        .map(|(n, (days, name, below))| {
            let taken = now.checked_sub_days(Days::new(*days)).unwrap_or(now);
            let mut s = Snapshot::take(a, demo_id(n as u128 + 1), *name, taken);
            for (i, id) in question_ids.iter().enumerate() {
                if let Some(answer) = s.answers.get_mut(*id) {
                    answer.current = answer.current.map(|l| l.saturating_sub(below(i)));
                }
            }
            s
        })
        .collect();
    a.reviews = vec![review(content)];
}

/// The demo reviewer's id, fixed so demo files from any day merge as the same reviewer.
pub const DEMO_REVIEWER: Uuid = Uuid::from_u128(0x7072_6979_6100_4000_8000_6e61_6972_0001);

fn demo_id(n: u128) -> Uuid {
    Uuid::from_u128(0x6c75_6d65_6e00_4000_8000_6869_7374_0000 + n)
}

/// (question id, reviewer's level, comment). By id, not position, so an edition that adds a
/// question does not move a comment onto another one.
const ANSWER_REVIEWS: [(&str, Option<u8>, &str); 5] = [
    (
        "strategy.written-strategy",
        Some(1),
        "The strategy lives in Tomás's head; until it is written and agreed it is level 1.",
    ),
    (
        "security.secrets",
        Some(1),
        "Cloud keys and the database password are pasted in the team chat: no secrets store yet.",
    ),
    (
        "delivery.iterations",
        None,
        "Agreed: the pipeline deploys every merge. Keep the rollback drill quarterly.",
    ),
    (
        "risk.register",
        Some(0),
        "No register existed before this review; the first risk session is booked.",
    ),
    (
        "team.collaboration",
        Some(3),
        "Better than stated: the onboarding guide and pairing rota are in use.",
    ),
];

const AREA_REVIEWS: [(&str, AreaStatus, &str); 5] = [
    (
        "strategy",
        AreaStatus::Challenged,
        "Scores are generous: nothing is written down yet.",
    ),
    ("delivery", AreaStatus::Agreed, ""),
    (
        "security",
        AreaStatus::Challenged,
        "Access control must come first for the enterprise deals.",
    ),
    ("team", AreaStatus::Agreed, ""),
    ("architecture", AreaStatus::Agreed, ""),
];

fn review(content: &Content) -> Review {
    let mut review = Review {
        reviewer_id: DEMO_REVIEWER,
        reviewer: "Priya Nair, fractional CTO".to_string(),
        ..Review::default()
    };
    for (id, level, comment) in ANSWER_REVIEWS {
        if let Some((_, q)) = content.question(id) {
            review.answers.insert(
                q.id.clone(),
                AnswerReview {
                    level,
                    comment: comment.to_string(),
                    private_note: String::new(),
                },
            );
        }
    }
    for (area, status, comment) in AREA_REVIEWS {
        review.areas.insert(
            area.to_string(),
            AreaReview {
                status,
                comment: comment.to_string(),
                private_note: String::new(),
            },
        );
    }
    review
}

#[cfg(test)]
mod tests {
    use crate::domain::demo::demo_assessment;
    use crate::domain::scoring;

    #[test]
    fn snapshots_show_progress_and_the_review_names_real_questions() {
        let content = crate::content::get();
        let now = "2026-11-23T15:00:00Z".parse().unwrap();
        let a = demo_assessment(content, now);
        assert_eq!(a.snapshots.len(), 3);
        let index = |s: &crate::domain::snapshot::Snapshot| {
            scoring::compute(content, &s.as_assessment(&a))
                .index
                .unwrap()
        };
        let indices: Vec<f64> = a.snapshots.iter().map(index).collect();
        let today = scoring::compute(content, &a).index.unwrap();
        assert!(indices.windows(2).all(|w| w[0] < w[1]), "{indices:?}");
        assert!(indices[2] < today, "{indices:?} then {today}");
        assert!(a
            .snapshots
            .windows(2)
            .all(|w| w[0].taken_at < w[1].taken_at));
        assert_eq!(a.reviews.len(), 1);
        let review = &a.reviews[0];
        assert_eq!(review.answers.len(), 5);
        assert!(review.answers.keys().all(|q| content.question(q).is_some()));
        assert_eq!(review.areas.len(), 5);
        assert!(review.areas.keys().all(|id| content.area(id).is_some()));
    }
}
