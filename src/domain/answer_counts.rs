//! One way to count an assessment's answers, for every page that shows a count: framework
//! questions answered or marked "does not apply", and, apart from them, answers to question ids
//! this version does not know (from a newer version or a hand-written file). Those are kept and
//! exported unchanged and listed in their own section; they are never in the framework counts.

use std::collections::BTreeMap;

use crate::content::Content;

use super::answers::Answer;

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
            if !answer.is_empty() {
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
        .filter(|(id, answer)| content.question(id).is_none() && !answer.is_empty())
        .map(|(id, answer)| (id.as_str(), answer))
        .collect()
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
}
