//! A consultant's review of an assessment: a level and a comment per answer, a status per area.
//! Saved in the same file, so the founder sees the review after importing it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::domain::Assessment;
use crate::i18n::{tr, trf};

/// The reviewer's view of one answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerReview {
    /// The level the reviewer would give, 0 to 4; `None` when they only comment.
    pub level: Option<u8>,
    pub comment: String,
}

impl AnswerReview {
    pub fn is_empty(&self) -> bool {
        self.level.is_none() && self.comment.trim().is_empty()
    }
}

/// Where the review of one area stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaStatus {
    #[default]
    NotReviewed,
    Agreed,
    Challenged,
}

impl AreaStatus {
    pub const ALL: [AreaStatus; 3] = [
        AreaStatus::NotReviewed,
        AreaStatus::Agreed,
        AreaStatus::Challenged,
    ];

    /// The value written in files; stable once released.
    pub fn id(self) -> &'static str {
        match self {
            AreaStatus::NotReviewed => "not-reviewed",
            AreaStatus::Agreed => "agreed",
            AreaStatus::Challenged => "challenged",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AreaStatus::NotReviewed => "Not reviewed",
            AreaStatus::Agreed => "Agreed",
            AreaStatus::Challenged => "Challenged",
        }
    }

    pub fn from_id(id: &str) -> Option<AreaStatus> {
        AreaStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// The reviewer's view of one area.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaReview {
    pub status: AreaStatus,
    pub comment: String,
}

/// The whole review. Empty until a reviewer writes something.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Who reviewed, e.g. "Jane Doe, fractional CTO".
    pub reviewer: String,
    /// Keyed by question id.
    pub answers: BTreeMap<String, AnswerReview>,
    /// Keyed by area id.
    pub areas: BTreeMap<String, AreaReview>,
}

impl AreaReview {
    /// Nothing said: no status and no comment. Such entries are not kept in the file.
    pub fn is_empty(&self) -> bool {
        self.status == AreaStatus::NotReviewed && self.comment.trim().is_empty()
    }
}

impl Review {
    /// True until a reviewer has written a name, a level, a comment or a status.
    pub fn is_empty(&self) -> bool {
        self.reviewer.trim().is_empty() && self.answers.is_empty() && self.areas.is_empty()
    }

    /// "Reviewer (Jane Doe)", or just "Reviewer" while no name is given (in the language in use).
    pub fn byline(&self) -> String {
        match self.reviewer.trim() {
            "" => tr("domain.review_reviewer").to_string(),
            name => trf("domain.review_reviewer_named", &[("name", name)]),
        }
    }
}

/// Changes the review of one answer with `f`, then drops the entry if nothing is left in it, so
/// the file only holds what the reviewer actually said.
pub fn set_answer_review(
    review: &mut Review,
    question_id: &str,
    f: impl FnOnce(&mut AnswerReview),
) {
    let entry = review.answers.entry(question_id.to_string()).or_default();
    f(entry);
    if entry.is_empty() {
        review.answers.remove(question_id);
    }
}

/// Changes the review of one area with `f`, then drops the entry if it is back to "not
/// reviewed" with no comment.
pub fn set_area_review(review: &mut Review, area_id: &str, f: impl FnOnce(&mut AreaReview)) {
    let entry = review.areas.entry(area_id.to_string()).or_default();
    f(entry);
    if entry.is_empty() {
        review.areas.remove(area_id);
    }
}

/// A level in words, e.g. "level 2 (Defined)"; the name is left out if the scale lacks it.
pub fn level_text(content: &Content, level: u8) -> String {
    match content.scale.get(usize::from(level)) {
        Some(s) => trf(
            "domain.review_level_named",
            &[("level", &level.to_string()), ("name", &s.name)],
        ),
        None => trf("domain.review_level", &[("level", &level.to_string())]),
    }
}

/// An answer where the reviewer's level is not the founder's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelDifference {
    pub area_id: String,
    pub area_name: String,
    pub question_id: String,
    pub question_text: String,
    /// The founder's level; `None` when unanswered or marked not applicable.
    pub founder: Option<u8>,
    pub reviewer: u8,
}

/// What the review says overall, for the overview page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewSummary {
    pub reviewer: String,
    pub agreed: usize,
    pub challenged: usize,
    /// Areas with no status yet (including those the review never touched).
    pub not_reviewed: usize,
    /// Comments on answers and on areas, blank ones not counted.
    pub comments: usize,
    /// Challenged areas in framework order: (area id, area name).
    pub challenged_areas: Vec<(String, String)>,
    /// In framework order (area, then question).
    pub differences: Vec<LevelDifference>,
}

/// Counts the review against the framework. Entries for questions or areas the framework does not
/// know (e.g. from a newer version of the app) are left out, since the founder cannot see them.
pub fn summary(content: &Content, a: &Assessment) -> ReviewSummary {
    let review = &a.review;
    let mut s = ReviewSummary {
        reviewer: review.reviewer.trim().to_string(),
        ..ReviewSummary::default()
    };
    for area in &content.areas {
        let area_review = review.areas.get(&area.id);
        match area_review.map(|r| r.status).unwrap_or_default() {
            AreaStatus::NotReviewed => s.not_reviewed += 1,
            AreaStatus::Agreed => s.agreed += 1,
            AreaStatus::Challenged => {
                s.challenged += 1;
                s.challenged_areas
                    .push((area.id.clone(), area.name.clone()));
            }
        }
        if area_review.is_some_and(|r| !r.comment.trim().is_empty()) {
            s.comments += 1;
        }
        for q in &area.questions {
            let Some(answer_review) = review.answers.get(&q.id) else {
                continue;
            };
            if !answer_review.comment.trim().is_empty() {
                s.comments += 1;
            }
            let founder = a
                .answers
                .get(&q.id)
                .filter(|x| !x.is_not_applicable())
                .and_then(|x| x.current);
            if let Some(level) = answer_review.level.filter(|l| Some(*l) != founder) {
                s.differences.push(LevelDifference {
                    area_id: area.id.clone(),
                    area_name: area.name.clone(),
                    question_id: q.id.clone(),
                    question_text: q.text.clone(),
                    founder,
                    reviewer: level,
                });
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use uuid::Uuid;

    fn assessment() -> Assessment {
        Assessment::new(Uuid::nil(), "t", DateTime::from_timestamp(0, 0).unwrap())
    }

    /// The first two areas of the real framework and their first questions' ids.
    fn ids() -> (String, String, String, String) {
        let c = crate::content::get();
        (
            c.areas[0].id.clone(),
            c.areas[1].id.clone(),
            c.areas[0].questions[0].id.clone(),
            c.areas[0].questions[1].id.clone(),
        )
    }

    #[test]
    fn set_answer_review_keeps_what_was_said_and_prunes_empty_entries() {
        let mut r = Review::default();
        set_answer_review(&mut r, "a.q1", |x| x.level = Some(3));
        assert_eq!(
            r.answers.get("a.q1"),
            Some(&AnswerReview {
                level: Some(3),
                comment: String::new()
            })
        );
        set_answer_review(&mut r, "a.q1", |x| x.comment = "Seen the runbook".into());
        set_answer_review(&mut r, "a.q1", |x| x.level = None);
        assert_eq!(r.answers["a.q1"].comment, "Seen the runbook");
        // A comment of only spaces counts as nothing.
        set_answer_review(&mut r, "a.q1", |x| x.comment = "  ".into());
        assert!(r.answers.is_empty());
        // Touching a question without saying anything leaves no trace.
        set_answer_review(&mut r, "a.q2", |_| {});
        assert!(r.answers.is_empty());
        assert!(r.is_empty());
    }

    #[test]
    fn set_area_review_drops_entries_back_at_not_reviewed() {
        let mut r = Review::default();
        set_area_review(&mut r, "security", |x| x.status = AreaStatus::Challenged);
        assert_eq!(r.areas["security"].status, AreaStatus::Challenged);
        set_area_review(&mut r, "security", |x| {
            x.comment = "No backups tested".into()
        });
        set_area_review(&mut r, "security", |x| x.status = AreaStatus::NotReviewed);
        // The comment alone keeps the entry.
        assert_eq!(r.areas["security"].comment, "No backups tested");
        set_area_review(&mut r, "security", |x| x.comment.clear());
        assert!(r.areas.is_empty());
    }

    #[test]
    fn reviewer_name_alone_makes_a_review() {
        let mut r = Review::default();
        assert!(r.is_empty());
        assert_eq!(r.byline(), "Reviewer");
        r.reviewer = "  Jane Doe ".into();
        assert!(!r.is_empty());
        assert_eq!(r.byline(), "Reviewer (Jane Doe)");
    }

    #[test]
    fn level_text_names_the_level() {
        let c = crate::content::get();
        assert_eq!(level_text(c, 2), "level 2 (Defined)");
        assert_eq!(level_text(c, 9), "level 9");
    }

    #[test]
    fn summary_of_an_empty_review_counts_every_area_as_not_reviewed() {
        let c = crate::content::get();
        let s = summary(c, &assessment());
        assert_eq!(s.not_reviewed, c.areas.len());
        assert_eq!((s.agreed, s.challenged, s.comments), (0, 0, 0));
        assert!(s.differences.is_empty() && s.challenged_areas.is_empty());
    }

    #[test]
    fn summary_counts_statuses_comments_and_differences() {
        let c = crate::content::get();
        let (area0, area1, q0, q1) = ids();
        let mut a = assessment();
        a.review.reviewer = "Jane".into();
        a.answers.entry(q0.clone()).or_default().current = Some(1);
        a.answers.entry(q1.clone()).or_default().current = Some(2);
        // Different level with a comment; same level with a comment; a blank comment.
        set_answer_review(&mut a.review, &q0, |x| {
            x.level = Some(3);
            x.comment = "Only one person knows this".into();
        });
        set_answer_review(&mut a.review, &q1, |x| {
            x.level = Some(2);
            x.comment = "Agreed".into();
        });
        set_area_review(&mut a.review, &area0, |x| x.status = AreaStatus::Challenged);
        set_area_review(&mut a.review, &area1, |x| {
            x.status = AreaStatus::Agreed;
            x.comment = "Fine".into();
        });
        // Unknown ids (from a newer framework) are not counted.
        set_answer_review(&mut a.review, "gone.q9", |x| x.comment = "old".into());
        set_area_review(&mut a.review, "gone", |x| x.status = AreaStatus::Agreed);

        let s = summary(c, &a);
        assert_eq!(s.reviewer, "Jane");
        assert_eq!((s.agreed, s.challenged), (1, 1));
        assert_eq!(s.not_reviewed, c.areas.len() - 2);
        assert_eq!(s.comments, 3);
        assert_eq!(
            s.challenged_areas,
            vec![(area0.clone(), c.areas[0].name.clone())]
        );
        assert_eq!(
            s.differences,
            vec![LevelDifference {
                area_id: area0,
                area_name: c.areas[0].name.clone(),
                question_id: q0,
                question_text: c.areas[0].questions[0].text.clone(),
                founder: Some(1),
                reviewer: 3,
            }]
        );
    }

    #[test]
    fn a_level_on_an_unanswered_or_not_applicable_question_differs() {
        let c = crate::content::get();
        let (_, _, q0, q1) = ids();
        let mut a = assessment();
        a.answers.entry(q1.clone()).or_default().not_applicable = Some("no app".into());
        a.answers.get_mut(&q1).unwrap().current = Some(2);
        set_answer_review(&mut a.review, &q0, |x| x.level = Some(0));
        set_answer_review(&mut a.review, &q1, |x| x.level = Some(2));
        let s = summary(c, &a);
        let got: Vec<(&str, Option<u8>, u8)> = s
            .differences
            .iter()
            .map(|d| (d.question_id.as_str(), d.founder, d.reviewer))
            .collect();
        assert_eq!(got, vec![(q0.as_str(), None, 0), (q1.as_str(), None, 2)]);
    }
}
