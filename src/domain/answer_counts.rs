//! One way to count an assessment's answers, for every page that shows a count: framework
//! questions answered or marked "does not apply", and, apart from them, answers to question ids
//! this version does not know (from a newer version or a hand-written file). Those are kept and
//! exported unchanged and listed in their own section; they are never in the framework counts.
//!
//! Also the one way to count what a review says ([`ReviewCounts`], [`LevelCounts`]): comments,
//! questions a reviewer rated, levels that differ from the founder's (only where both gave one)
//! and levels on questions the founder gave none. Overview, Report and Compare show these
//! numbers and nothing else, so the same review reads the same everywhere.

use std::collections::BTreeMap;

use crate::content::Content;

use super::answers::Answer;
use super::review::Review;
use super::Assessment;

/// The answers of one assessment (or snapshot), counted once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Questions in the framework.
    pub questions: usize,
    /// Framework questions with a level or marked "does not apply". Unknown ids not included.
    pub answered: usize,
    /// Of `answered`, those marked "does not apply".
    pub not_applicable: usize,
    /// Answers (not empty) to question ids the framework does not know, in id order. Not
    /// included in `answered`.
    pub unknown: Vec<String>,
}

/// Counts `answers` against the framework in `content`.
pub fn count(content: &Content, answers: &BTreeMap<String, Answer>) -> AnswerCounts {
    let mut counts = AnswerCounts {
        questions: content.question_count(),
        ..AnswerCounts::default()
    };
    for (id, answer) in answers {
        if content.question(id).is_none() {
            // A retired question's answer is known: its area's page shows it as retired.
            if !answer.is_empty() && content.retired_question(id).is_none() {
                counts.unknown.push(id.clone());
            }
        } else if answer.is_done() {
            counts.answered += 1;
            if answer.is_not_applicable() {
                counts.not_applicable += 1;
            }
        }
    }
    counts
}

/// The answers to question ids the framework does not know, not empty, in id order.
pub fn unknown_answers<'a>(
    content: &Content,
    answers: &'a BTreeMap<String, Answer>,
) -> Vec<(&'a str, &'a Answer)> {
    answers
        .iter()
        // A retired question's answer has its own section on its area's page.
        .filter(|(id, answer)| {
            content.question(id).is_none()
                && content.retired_question(id).is_none()
                && !answer.is_empty()
        })
        .map(|(id, answer)| (id.as_str(), answer))
        .collect()
}

/// How a set of reviewed levels (question id → level) stands against the founder's levels.
/// Only framework questions count: the founder cannot see the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LevelCounts {
    /// Framework questions with a reviewed level: `same + differ + founder_no_level`.
    pub rated: usize,
    /// Rated questions where the founder gave the same level.
    pub same: usize,
    /// Rated questions where the founder gave a level and the reviewer's is another. Questions
    /// the founder left without a level are never counted here.
    pub differ: usize,
    /// Rated questions where the founder gave no level (unanswered, or marked "does not
    /// apply").
    pub founder_no_level: usize,
}

/// The founder's level of a question: `None` when unanswered or marked "does not apply".
pub fn founder_level(a: &Assessment, question_id: &str) -> Option<u8> {
    a.answers
        .get(question_id)
        .filter(|x| !x.is_not_applicable())
        .and_then(|x| x.current)
}

/// Counts reviewed `levels` (e.g. [`crate::domain::review::reviewed_levels`]) against the
/// founder's levels in `a`.
pub fn level_counts(
    content: &Content,
    a: &Assessment,
    levels: &BTreeMap<String, u8>,
) -> LevelCounts {
    let mut c = LevelCounts::default();
    for (id, level) in levels {
        if content.question(id).is_none() {
            continue;
        }
        c.rated += 1;
        match founder_level(a, id) {
            None => c.founder_no_level += 1,
            Some(own) if own == *level => c.same += 1,
            Some(_) => c.differ += 1,
        }
    }
    c
}

/// What one reviewer's review says, counted once for every page that shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    /// The reviewer's levels against the founder's.
    pub levels: LevelCounts,
    /// Framework questions with a level or a non-blank comment from this reviewer.
    pub answers_reviewed: usize,
    /// Non-blank comments on framework questions and areas (private notes are never counted).
    pub comments: usize,
}

/// Counts one review of `a`. Entries for question or area ids the framework does not know are
/// left out, as everywhere the founder cannot see them.
pub fn review_counts(content: &Content, a: &Assessment, review: &Review) -> ReviewCounts {
    let levels: BTreeMap<String, u8> = review
        .answers
        .iter()
        .filter_map(|(id, x)| Some((id.clone(), x.level?)))
        .collect();
    let answer_comments = review
        .answers
        .iter()
        .filter(|(id, x)| content.question(id).is_some() && !x.comment.trim().is_empty())
        .count();
    let area_comments = review
        .areas
        .iter()
        .filter(|(id, x)| content.area(id).is_some() && !x.comment.trim().is_empty())
        .count();
    ReviewCounts {
        levels: level_counts(content, a, &levels),
        answers_reviewed: review
            .answers
            .iter()
            .filter(|(id, x)| {
                content.question(id).is_some()
                    && (x.level.is_some() || !x.comment.trim().is_empty())
            })
            .count(),
        comments: answer_comments + area_comments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring;
    use crate::domain::Assessment;

    #[test]
    fn unknown_ids_are_counted_apart_and_the_framework_counts_agree_with_the_results() {
        let content = crate::content::get();
        let now = chrono::DateTime::from_timestamp(0, 0).unwrap();
        let mut a = Assessment::new(uuid::Uuid::nil(), "t", now);
        let first = &content.areas[0].questions;
        a.answers.entry(first[0].id.clone()).or_default().current = Some(2);
        a.answers
            .entry(first[1].id.clone())
            .or_default()
            .not_applicable = Some("no".into());
        a.answers.entry(first[2].id.clone()).or_default().notes = "only a note".into();
        for id in ["zz.new-one", "aa.new-two"] {
            a.answers.entry(id.into()).or_default().current = Some(3);
        }
        a.answers.entry("zz.empty".into()).or_default();
        // Kept under a retired id (no new question means the same): shown as retired, not unknown.
        a.answers
            .entry("security.data-protection".into())
            .or_default()
            .current = Some(2);
        let c = count(content, &a.answers);
        assert_eq!((c.answered, c.not_applicable), (2, 1));
        assert_eq!(c.unknown, ["aa.new-two", "zz.new-one"]);
        assert_eq!(c.questions, content.question_count());
        // The results page, the report and the area pages count from the same answers.
        let r = scoring::compute(content, &a);
        assert_eq!(r.done, c.answered);
        assert_eq!(
            unknown_answers(content, &a.answers)
                .iter()
                .map(|(id, _)| *id)
                .collect::<Vec<_>>(),
            c.unknown
        );
    }

    /// The review: the founder answered 2 questions; the reviewer rated 11, 9 of them
    /// questions the founder never answered, left comments on 5 answers and 2 areas, and a
    /// private note that is never counted.
    #[test]
    fn review_counts_differences_only_where_both_gave_a_level() {
        use crate::domain::review::{set_answer_review, set_area_review, AreaStatus, Reviewer};
        let content = crate::content::get();
        let now = chrono::DateTime::from_timestamp(0, 0).unwrap();
        let mut a = Assessment::new(uuid::Uuid::nil(), "t", now);
        let qs: Vec<&str> = content
            .areas
            .iter()
            .flat_map(|x| &x.questions)
            .map(|q| q.id.as_str())
            .take(12)
            .collect();
        a.answers.entry(qs[0].into()).or_default().current = Some(2);
        a.answers.entry(qs[1].into()).or_default().current = Some(3);
        a.answers.entry(qs[2].into()).or_default().not_applicable = Some("no".into());
        let who = Reviewer {
            id: uuid::Uuid::from_u128(7),
            name: "Priya".into(),
        };
        // qs[0]: same level; qs[1]: differs; qs[2] (not applicable) to qs[10]: the founder gave
        // no level.
        for (n, q) in qs.iter().take(11).enumerate() {
            let level = if n == 1 { 1 } else { 2 };
            set_answer_review(&mut a, &who, now, q, |x| {
                x.level = Some(level);
                if n < 5 {
                    x.comment = format!("comment {n}");
                }
            });
        }
        set_answer_review(&mut a, &who, now, qs[11], |x| {
            x.private_note = "mine".into()
        });
        set_answer_review(&mut a, &who, now, "zz.unknown", |x| {
            x.level = Some(4);
            x.comment = "not in the framework".into();
        });
        for area in &content.areas[..2] {
            set_area_review(&mut a, &who, now, &area.id, |x| {
                x.status = AreaStatus::Agreed;
                x.comment = "fine".into();
            });
        }
        let c = review_counts(content, &a, &a.reviews[0]);
        assert_eq!(
            c.levels,
            LevelCounts {
                rated: 11,
                same: 1,
                differ: 1,
                founder_no_level: 9,
            }
        );
        assert_eq!(c.answers_reviewed, 11);
        assert_eq!(c.comments, 7);
        // The reviewed levels of the only reviewer count the same as the review itself.
        let levels = crate::domain::review::reviewed_levels(&a, None);
        assert_eq!(level_counts(content, &a, &levels), c.levels);
        assert_eq!(
            level_counts(
                content,
                &a,
                &crate::domain::review::reviewed_levels(&a, Some(who.id))
            ),
            c.levels
        );
    }
}
