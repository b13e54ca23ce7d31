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
use crate::ui::chart_view::ChartView;

/// How the assessment being compared is named on the page.
pub const THIS_SIDE: &str = "This assessment";

/// "1 question", "3 questions".
fn count_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
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
        "No question has a level on both sides yet, so no levels can be compared.".to_string()
    } else {
        format!(
            "{} answered on both sides: {agree} agree, {differ_by_one} differ by one level, \
             {differ_by_two_or_more} by two levels or more.",
            count_of(both_answered, "question")
        )
    };
    if one_side_only > 0 {
        text.push_str(&format!(
            " {} answered on one side only.",
            count_of(one_side_only, "question")
        ));
    }
    let index = |v: Option<f64>| v.map(fmt1).unwrap_or_else(|| "none yet".to_string());
    text.push_str(&format!(
        " Maturity index (average area score, 0 to 4): {} {}, {right} {}.",
        THIS_SIDE.to_lowercase(),
        index(c.left_index),
        index(c.right_index)
    ));
    text
}

/// One side's answer in a table cell: "2 (target 3)", "does not apply" or "not answered".
pub fn side_text(s: &SideAnswer) -> String {
    if s.not_applicable {
        "does not apply".to_string()
    } else {
        match s.current {
            Some(level) => format!("{level} (target {})", s.target),
            None => "not answered".to_string(),
        }
    }
}

/// How far apart the two sides are, in words; a ⚠ marks two levels or more.
pub fn difference_text(row: &QuestionRow) -> String {
    match row.disagreement {
        Some(0) => "same level".to_string(),
        Some(1) => "1 level apart".to_string(),
        Some(d) => format!("⚠ {d} levels apart"),
        None if row.one_side_only() => "answered on one side only".to_string(),
        None => "answered on neither side".to_string(),
    }
}

/// An area's score difference with its sign: "+0.5", "−1.0", "same", or "–" when a side has
/// no score.
pub fn signed(d: Option<f64>) -> String {
    match d.map(round1) {
        None => "–".to_string(),
        Some(r) if r > 0.0 => format!("+{}", fmt1(r)),
        Some(r) if r < 0.0 => format!("−{}", fmt1(-r)),
        Some(_) => "same".to_string(),
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
                    label: THIS_SIDE.to_string(),
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
        <h3>"Area scores"</h3>
        <ChartView
            svg=radar_svg
            label="Radar chart of each area's score on both sides, 0 to 4. The table below gives the figures."
        />
        <p class="hint">
            "A score is the average level of an area's answered questions, 0 to 4. "
            "Difference = the other side's score minus this assessment's: “+” means the other side rates the area higher."
        </p>
        <table class="data-table compare-areas">
            <caption>"Area scores side by side"</caption>
            <thead>
                <tr>
                    <th scope="col">"Area"</th>
                    <th scope="col">{THIS_SIDE}</th>
                    <th scope="col">{move || right.get()}</th>
                    <th scope="col">"Difference"</th>
                </tr>
            </thead>
            <tbody>{area_rows}</tbody>
        </table>
        <h3>"Differences per question"</h3>
        <Show
            when=any_difference
            fallback=|| view! {
                <p class="empty">"No differences: every question has the same level on both sides, or no level on either."</p>
            }
        >
            <table class="data-table compare-questions">
                <caption>"Differences per question, largest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Question"</th>
                        <th scope="col">"Area"</th>
                        <th scope="col">{THIS_SIDE}</th>
                        <th scope="col">{move || right.get()}</th>
                        <th scope="col">"Difference"</th>
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
