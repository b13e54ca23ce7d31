//! A review's counts as every page shows them: Overview (per reviewer), Report (per reviewer)
//! and Compare (the levels compared). The numbers come from [`crate::domain::answer_counts`]
//! and the words from the `reviewers.count_*` texts, so one review reads the same everywhere.
//! Each line carries `data-count` with its name, so tests read the same figure on every page.

use leptos::prelude::*;

use crate::domain::answer_counts::{LevelCounts, ReviewCounts};
use crate::ui::i18n::tn;

/// The lines of the list: (name, text). `comments` is left out where the page compares levels
/// only.
pub fn count_lines(levels: &LevelCounts, comments: Option<usize>) -> Vec<(&'static str, String)> {
    let mut lines = vec![
        ("rated", tn("reviewers.count_rated", levels.rated, &[])),
        ("differ", tn("reviewers.count_differ", levels.differ, &[])),
    ];
    if levels.founder_no_level > 0 {
        lines.push((
            "founder-no-level",
            tn(
                "reviewers.count_founder_no_level",
                levels.founder_no_level,
                &[],
            ),
        ));
    }
    if let Some(n) = comments {
        lines.push(("comments", tn("reviewers.count_comments", n, &[])));
    }
    lines
}

/// A review's counts (levels and comments), as Overview and Report show them.
#[component]
pub fn ReviewCountList(counts: ReviewCounts) -> impl IntoView {
    lines_view(count_lines(&counts.levels, Some(counts.comments)))
}

/// The list itself.
pub fn lines_view(lines: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <ul class="review-counts" data-testid="review-counts">
            {lines
                .into_iter()
                .map(|(name, text)| view! { <li data-count=name>{text}</li> })
                .collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_say_each_count_once_with_its_plural() {
        let levels = LevelCounts {
            rated: 11,
            same: 1,
            differ: 1,
            founder_no_level: 9,
        };
        let texts: Vec<String> = count_lines(&levels, Some(1))
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            texts,
            [
                "The reviewer rated 11 questions",
                "1 level differs from the founder's (where both gave a level)",
                "The reviewer rated 9 questions the founder left without a level (unanswered or “does not \
                 apply”)",
                "1 comment on answers and areas",
            ]
        );
        let none = LevelCounts::default();
        let names: Vec<&str> = count_lines(&none, None)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["rated", "differ"]);
    }
}
