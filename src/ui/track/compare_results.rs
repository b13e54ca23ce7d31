//! The outcome of a comparison: a summary sentence, the radar overlay with the area table as
//! its text alternative, and the questions that differ, largest disagreement first.
//!
//! Shows a `domain::compare::Comparison`; works nothing out itself beyond wording.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::charts::radar;
use crate::domain::compare::{Comparison, Counts, QuestionRow, SideAnswer};
use crate::domain::scoring::{fmt1, round1};
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{t, tf};

/// How the assessment being compared is named on the page.
pub fn this_side() -> &'static str {
    t("assess.compare_results_this_side")
}

/// The key for `n` of something: `one` when there is exactly one, else `many`.
fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The summary under the heading, e.g. "12 questions answered on both sides: 8 agree, ...".
pub fn summary(c: &Comparison, right: &str) -> String {
    let Counts {
        both_answered,
        agree,
        differ_by_one,
        differ_by_two_or_more,
        one_side_only,
    } = c.counts;
    let mut text = if both_answered == 0 {
        t("assess.compare_results_none_both").to_string()
    } else {
        tf(
            plural(
                both_answered,
                "assess.compare_results_both_one",
                "assess.compare_results_both_many",
            ),
            &[
                ("n", &both_answered.to_string()),
                ("agree", &agree.to_string()),
                ("one", &differ_by_one.to_string()),
                ("two", &differ_by_two_or_more.to_string()),
            ],
        )
    };
    if one_side_only > 0 {
        text.push_str(&tf(
            plural(
                one_side_only,
                "assess.compare_results_one_side_one",
                "assess.compare_results_one_side_many",
            ),
            &[("n", &one_side_only.to_string())],
        ));
    }
    let index = |v: Option<f64>| {
        v.map(fmt1)
            .unwrap_or_else(|| t("assess.compare_results_none_yet").to_string())
    };
    text.push_str(&tf(
        "assess.compare_results_index",
        &[
            ("left", &index(c.left_index)),
            ("other", right),
            ("right", &index(c.right_index)),
        ],
    ));
    text
}

/// One side's answer in a table cell: "2 (target 3)", "does not apply" or "not answered".
pub fn side_text(s: &SideAnswer) -> String {
    if s.not_applicable {
        t("assess.compare_results_na").to_string()
    } else {
        match s.current {
            Some(level) => tf(
                "assess.compare_results_level",
                &[
                    ("level", &level.to_string()),
                    ("target", &s.target.to_string()),
                ],
            ),
            None => t("assess.compare_results_unanswered").to_string(),
        }
    }
}

/// How far apart the two sides are, in words; a ⚠ marks two levels or more.
pub fn difference_text(row: &QuestionRow) -> String {
    match row.disagreement {
        Some(0) => t("assess.compare_results_same_level").to_string(),
        Some(1) => t("assess.compare_results_one_apart").to_string(),
        Some(d) => tf("assess.compare_results_apart", &[("n", &d.to_string())]),
        None if row.one_side_only() => t("assess.compare_results_one_side").to_string(),
        None => t("assess.compare_results_neither").to_string(),
    }
}

/// An area's score difference with its sign: "+0.5", "−1.0", "same", or "–" when a side has
/// no score.
pub fn signed(d: Option<f64>) -> String {
    match d.map(round1) {
        None => "–".to_string(),
        Some(r) if r > 0.0 => format!("+{}", fmt1(r)),
        Some(r) if r < 0.0 => format!("−{}", fmt1(-r)),
        Some(_) => t("assess.compare_results_same").to_string(),
    }
}

#[component]
pub fn CompareResults(
    /// The assessment being compared: its area pages are linked from the question table.
    id: Uuid,
    #[prop(into)] comparison: Signal<Comparison>,
    /// The other side's name.
    #[prop(into)]
    right: Signal<String>,
) -> impl IntoView {
    let radar_svg = Memo::new(move |_| {
        let right = right.get();
        comparison.with(|c| {
            let axes: Vec<String> = c.areas.iter().map(|a| a.name.clone()).collect();
            let series = vec![
                radar::RadarSeries {
                    label: this_side().to_string(),
                    values: c.areas.iter().map(|a| a.left).collect(),
                    kind: radar::SeriesKind::Current,
                },
                radar::RadarSeries {
                    label: right,
                    values: c.areas.iter().map(|a| a.right).collect(),
                    kind: radar::SeriesKind::Other,
                },
            ];
            radar::render(&axes, &series, 4.0, 560, 460)
        })
    });
    let score = |v: Option<f64>| v.map(fmt1).unwrap_or_else(|| "–".to_string());
    let area_rows = move || {
        comparison.with(|c| {
            c.areas
                .iter()
                .map(|a| {
                    view! {
                        <tr>
                            <th scope="row">{a.name.clone()}</th>
                            <td>{score(a.left)}</td>
                            <td>{score(a.right)}</td>
                            <td>{signed(a.difference)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let question_rows = move || {
        comparison.with(|c| {
            c.differences()
                .map(|q| {
                    let href = format!("/a/{id}/assessment/{}", q.area_id);
                    // The link's children outlive this borrow of the comparison.
                    let text = q.question_text.clone();
                    view! {
                        <tr>
                            <th scope="row">
                                <A href=href>{text}</A>
                            </th>
                            <td>{q.area_name.clone()}</td>
                            <td>{side_text(&q.left)}</td>
                            <td>{side_text(&q.right)}</td>
                            <td>{difference_text(q)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let any_difference = move || comparison.with(|c| c.differences().next().is_some());
    view! {
        <p class="headline" data-testid="compare-summary">
            {move || comparison.with(|c| summary(c, &right.get()))}
        </p>
        <h3>{t("assess.compare_results_areas_title")}</h3>
        <ChartView svg=radar_svg label=t("assess.compare_results_radar_label")/>
        <p class="hint">{t("assess.compare_results_hint")}</p>
        <table class="data-table compare-areas">
            <caption>{t("assess.compare_results_areas_caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("assess.compare_results_area")}</th>
                    <th scope="col">{this_side()}</th>
                    <th scope="col">{move || right.get()}</th>
                    <th scope="col">{t("assess.compare_results_difference")}</th>
                </tr>
            </thead>
            <tbody>{area_rows}</tbody>
        </table>
        <h3>{t("assess.compare_results_questions_title")}</h3>
        <Show
            when=any_difference
            fallback=|| view! {
                <p class="empty">{t("assess.compare_results_no_differences")}</p>
            }
        >
            <table class="data-table compare-questions">
                <caption>{t("assess.compare_results_questions_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("assess.compare_results_question")}</th>
                        <th scope="col">{t("assess.compare_results_area")}</th>
                        <th scope="col">{this_side()}</th>
                        <th scope="col">{move || right.get()}</th>
                        <th scope="col">{t("assess.compare_results_difference")}</th>
                    </tr>
                </thead>
                <tbody>{question_rows}</tbody>
            </table>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compare::Counts;

    fn side(current: Option<u8>, na: bool) -> SideAnswer {
        SideAnswer {
            current,
            target: 3,
            not_applicable: na,
        }
    }

    fn row(l: SideAnswer, r: SideAnswer, d: Option<u8>) -> QuestionRow {
        QuestionRow {
            area_id: "a".into(),
            area_name: "A".into(),
            question_id: "a.q".into(),
            question_text: "Q".into(),
            left: l,
            right: r,
            disagreement: d,
        }
    }

    #[test]
    fn summary_counts_and_indexes() {
        let c = Comparison {
            counts: Counts {
                both_answered: 6,
                agree: 3,
                differ_by_one: 2,
                differ_by_two_or_more: 1,
                one_side_only: 1,
            },
            left_index: Some(2.25),
            right_index: None,
            ..Comparison::default()
        };
        assert_eq!(
            summary(&c, "Reviewer"),
            "6 questions answered on both sides: 3 agree, 2 differ by one level, 1 by two \
             levels or more. 1 question answered on one side only. Maturity index (average \
             area score, 0 to 4): this assessment 2.3, Reviewer none yet."
        );
        let empty = summary(&Comparison::default(), "B");
        assert!(
            empty.starts_with("No question has a level on both sides yet"),
            "{empty}"
        );
        assert!(!empty.contains("one side only"), "{empty}");
    }

    #[test]
    fn cells_read_as_words() {
        assert_eq!(side_text(&side(Some(2), false)), "2 (target 3)");
        assert_eq!(side_text(&side(Some(2), true)), "does not apply");
        assert_eq!(side_text(&side(None, false)), "not answered");
        let both = |d| row(side(Some(1), false), side(Some(1 + d), false), Some(d));
        assert_eq!(difference_text(&both(0)), "same level");
        assert_eq!(difference_text(&both(1)), "1 level apart");
        assert_eq!(difference_text(&both(3)), "⚠ 3 levels apart");
        let one = row(side(Some(1), false), side(None, false), None);
        assert_eq!(difference_text(&one), "answered on one side only");
        assert_eq!(signed(Some(0.54)), "+0.5");
        assert_eq!(signed(Some(-1.0)), "−1.0");
        assert_eq!(signed(Some(0.04)), "same");
        assert_eq!(signed(None), "–");
    }
}
