//! The quick pass and how long answering takes.
//!
//! Owns: which questions a pass asks (the quick pass asks each area's key question, marked in
//! the content; the full assessment asks all of them), how many of them are left, and the time
//! estimate shown on the welcome screen, the Overview and the Assessment pages. Answers are the
//! same in both passes: the pass only chooses what is shown, it is never stored. Plain Rust: no
//! leptos, web-sys or clock.

use std::collections::BTreeMap;

use crate::content::{Area, Content, Question};
use crate::domain::answers::Answer;

/// Reading speed assumed for the estimate: a careful reader of plain prose.
pub const WORDS_PER_MINUTE: f64 = 200.0;
/// Time to weigh the five levels and pick one, on top of reading, per question.
pub const THINK_SECONDS: f64 = 15.0;

/// Which questions the founder is going through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pass {
    /// One key question per area.
    Quick,
    /// Every question.
    #[default]
    Full,
}

impl Pass {
    /// The value of the `pass` query parameter in a page's address (`?pass=quick`).
    pub const QUERY_VALUE: &'static str = "quick";

    /// The pass a page's `pass` query parameter asks for; anything but "quick" is the full set.
    pub fn from_query(value: Option<&str>) -> Pass {
        if value == Some(Pass::QUERY_VALUE) {
            Pass::Quick
        } else {
            Pass::Full
        }
    }

    /// The query string to add to an area's address for this pass ("" for the full set).
    pub fn query(self) -> &'static str {
        match self {
            Pass::Quick => "?pass=quick",
            Pass::Full => "",
        }
    }

    /// Whether the pass asks this question.
    pub fn asks(self, question: &Question) -> bool {
        match self {
            Pass::Quick => question.key_question,
            Pass::Full => true,
        }
    }
}

/// Whether the area's key question is answered (a level, or "does not apply" with a reason).
pub fn key_answered(area: &Area, answers: &BTreeMap<String, Answer>) -> bool {
    area.key_question()
        .and_then(|k| answers.get(&k.id))
        .is_some_and(Answer::is_done)
}

/// Words a reader goes through to answer `question`: its text, its help (shown open in the quick
/// pass) and its five level descriptions, counted as runs of non-space characters.
pub fn words_to_read(question: &Question) -> usize {
    let count = |s: &str| s.split_whitespace().count();
    count(&question.text)
        + count(&question.help)
        + question.levels.iter().map(|l| count(l)).sum::<usize>()
}

/// Seconds to read and answer one question:
/// `words_to_read / WORDS_PER_MINUTE × 60 + THINK_SECONDS`.
///
/// The words are English words; call it with the English content (`content::get()`), so both
/// languages show the same times. For example a question of 160 words takes
/// 160 / 200 × 60 + 15 = 63 seconds.
pub fn answer_seconds(question: &Question) -> f64 {
    words_to_read(question) as f64 / WORDS_PER_MINUTE * 60.0 + THINK_SECONDS
}

/// A pass's size and what is left of it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PassTime {
    /// Questions the pass asks.
    pub questions: usize,
    /// Of those, answered (a level, or "does not apply" with a reason).
    pub done: usize,
    /// Estimated seconds for the whole pass.
    pub total_seconds: f64,
    /// Estimated seconds for the questions not yet answered.
    pub left_seconds: f64,
}

impl PassTime {
    pub fn left(&self) -> usize {
        self.questions - self.done
    }
}

/// The questions `pass` asks, how many are answered, and the time for the whole pass and for
/// what is left. Answers to questions the content does not have are ignored.
pub fn pass_time(content: &Content, answers: &BTreeMap<String, Answer>, pass: Pass) -> PassTime {
    let mut t = PassTime::default();
    for q in content.areas.iter().flat_map(|a| &a.questions) {
        if !pass.asks(q) {
            continue;
        }
        // The English words, whichever language's texts are loaded (see `content::reading`).
        let seconds = match crate::content::reading::english_words(&q.id) {
            Some(words) => words as f64 / WORDS_PER_MINUTE * 60.0 + THINK_SECONDS,
            None => answer_seconds(q),
        };
        t.questions += 1;
        t.total_seconds += seconds;
        if answers.get(&q.id).is_some_and(Answer::is_done) {
            t.done += 1;
        } else {
            t.left_seconds += seconds;
        }
    }
    t
}

/// Minutes as the screen says them after "about": under 20 minutes the nearest whole minute (at
/// least 1 while anything is left), so a pass of 17 minutes is never promised as 15; from 20
/// minutes on the nearest 5, since an estimate is not better than that. Nothing left is 0.
pub fn about_minutes(seconds: f64) -> u32 {
    if seconds.is_nan() || seconds <= 0.0 {
        return 0;
    }
    let minutes = seconds / 60.0;
    if minutes < 19.5 {
        minutes.round().max(1.0) as u32
    } else {
        ((minutes / 5.0).round() * 5.0) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_content::area;

    fn question(words: usize) -> Question {
        let mut q = crate::content::test_content::question("a.q");
        // Help of 1 word and five levels of 1: the text makes up the rest.
        q.text = vec!["word"; words - 6].join(" ");
        q
    }

    #[test]
    fn words_count_text_help_and_levels() {
        let q = crate::content::test_content::question("a.q0");
        // "Question a.q0" (2) + "h" (1) + five levels of one word.
        assert_eq!(words_to_read(&q), 8);
        let mut spaced = q.clone();
        spaced.help = "  Why  it\nmatters ".into();
        assert_eq!(words_to_read(&spaced), 10);
    }

    #[test]
    fn answer_time_is_reading_at_200_words_a_minute_plus_think_time() {
        assert_eq!(answer_seconds(&question(160)), 63.0);
        assert_eq!(answer_seconds(&question(200)), 75.0);
        // Longer questions take longer, at 0.3 seconds a word.
        let d = answer_seconds(&question(210)) - answer_seconds(&question(200));
        assert!((d - 3.0).abs() < 1e-9);
    }

    #[test]
    fn rounding_for_about() {
        assert_eq!(about_minutes(0.0), 0);
        assert_eq!(about_minutes(-3.0), 0);
        assert_eq!(about_minutes(f64::NAN), 0);
        assert_eq!(about_minutes(20.0), 1);
        assert_eq!(about_minutes(8.4 * 60.0), 8);
        assert_eq!(about_minutes(9.6 * 60.0), 10);
        assert_eq!(about_minutes(12.4 * 60.0), 12);
        assert_eq!(about_minutes(12.5 * 60.0), 13);
        assert_eq!(about_minutes(16.9 * 60.0), 17);
        assert_eq!(about_minutes(19.6 * 60.0), 20);
        assert_eq!(about_minutes(22.4 * 60.0), 20);
        assert_eq!(about_minutes(80.2 * 60.0), 80);
    }

    #[test]
    fn passes_count_what_is_left() {
        let content = Content {
            scale: vec![],
            areas: vec![area("a", 3), area("b", 2)],
        };
        let mut answers = BTreeMap::new();
        let full = pass_time(&content, &answers, Pass::Full);
        let quick = pass_time(&content, &answers, Pass::Quick);
        assert_eq!((full.questions, full.done), (5, 0));
        assert_eq!((quick.questions, quick.done), (2, 0));
        // Each test question has 8 words: 2.4 s reading + 15 s thinking.
        assert!((full.total_seconds - 5.0 * 17.4).abs() < 1e-9);
        assert_eq!(full.left_seconds, full.total_seconds);
        answers.insert(
            "a.q0".to_string(),
            Answer {
                current: Some(2),
                ..Answer::default()
            },
        );
        answers.insert(
            "b.q1".to_string(),
            Answer {
                not_applicable: Some("no".into()),
                ..Answer::default()
            },
        );
        // Notes alone do not make an answer.
        answers.insert(
            "b.q0".to_string(),
            Answer {
                notes: "later".into(),
                ..Answer::default()
            },
        );
        let full = pass_time(&content, &answers, Pass::Full);
        let quick = pass_time(&content, &answers, Pass::Quick);
        assert_eq!((full.done, full.left()), (2, 3));
        assert_eq!((quick.done, quick.left()), (1, 1));
        assert!((full.left_seconds - 3.0 * 17.4).abs() < 1e-9);
        assert!((quick.left_seconds - 17.4).abs() < 1e-9);
        assert!(key_answered(&content.areas[0], &answers));
        // b's key question only has notes.
        assert!(!key_answered(&content.areas[1], &answers));
    }

    #[test]
    fn the_real_quick_pass_is_16_questions_of_about_18_minutes() {
        let content = crate::content::get();
        let quick = pass_time(content, &BTreeMap::new(), Pass::Quick);
        let full = pass_time(content, &BTreeMap::new(), Pass::Full);
        assert_eq!(quick.questions, 16);
        assert_eq!(full.questions, content.question_count());
        assert_eq!(about_minutes(quick.total_seconds), 18);
        assert!(full.total_seconds > 4.0 * quick.total_seconds);
    }

    #[test]
    fn the_pass_comes_from_the_address() {
        assert_eq!(Pass::from_query(Some("quick")), Pass::Quick);
        assert_eq!(Pass::from_query(Some("full")), Pass::Full);
        assert_eq!(Pass::from_query(None), Pass::Full);
        assert_eq!(Pass::Quick.query(), "?pass=quick");
        assert_eq!(Pass::Full.query(), "");
    }
}
