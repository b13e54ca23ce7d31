//! The board report's assessment parts: the summary on its first page (the index, the executive
//! summary and recommendations, the next milestones), where the company stands (radar and table)
//! and the largest gaps (bar chart and table), each on the levels of the chosen basis. Every
//! figure comes from [`crate::domain::board_report::figures`]; this file only words and lays
//! them out.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::charts::radar;
use crate::domain::board_report::{Basis, Figures};
use crate::domain::scoring::{fmt1, Results};
use crate::ui::assessment::area_nav::area_name;
use crate::ui::assessment::results::largest_gaps_chart;
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{date, l, t, tf, tn};
use crate::ui::plan::initiative_edit::title_of;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::track::report_basis::use_report_view;
use crate::ui::track::report_plan::next_milestones;
use crate::ui::track::report_table::{Column, ReportRow, ReportTable};
use crate::ui::track::report_words::ReportWords;

/// Milestones named in the summary.
const SUMMARY_MILESTONES: usize = 3;
/// Gaps in the "Largest gaps" chart and table.
const TOP_GAPS: usize = 8;

/// The maturity index with what it rests on, in one sentence.
pub fn index_sentence(r: &Results) -> String {
    match r.index {
        Some(index) => tf(
            if r.counted == 1 {
                "partners.report_assessment_index_one"
            } else {
                "partners.report_assessment_index"
            },
            &[
                ("index", &fmt1(index)),
                ("answered", &r.counted.to_string()),
                ("scored", &r.scored_areas.to_string()),
                ("areas", &r.areas.len().to_string()),
            ],
        ),
        None => t("partners.report_assessment_no_index").to_string(),
    }
}

/// How much of the assessment is done, e.g. "62 of 80 questions answered (5 marked “does not
/// apply”)."
pub fn answered_sentence(r: &Results) -> String {
    let not_applicable: usize = r.areas.iter().map(|a| a.not_applicable).sum();
    let key = match not_applicable {
        0 => "partners.report_assessment_answered",
        1 => "partners.report_assessment_answered_na_one",
        _ => "partners.report_assessment_answered_na",
    };
    tf(
        key,
        &[
            ("done", &r.done.to_string()),
            ("questions", &r.questions.to_string()),
            ("na", &not_applicable.to_string()),
        ],
    )
}

/// The figures of one basis beside its label, e.g. ("Reviewed levels", results).
fn shown_results(f: &Figures) -> Vec<(Basis, &Results)> {
    let own = (Basis::SelfAssessed, &f.self_assessed);
    match (f.basis, &f.reviewed) {
        (Basis::Both, Some(r)) => vec![own, (Basis::Reviewed, r)],
        (_, Some(r)) => vec![(Basis::Reviewed, r)],
        (_, None) => vec![own],
    }
}

/// A figure with one decimal, or a dash where there is none.
fn opt(v: Option<f64>) -> String {
    v.map(fmt1).unwrap_or_else(|| "–".to_string())
}

#[component]
pub fn ReportSummary(today: NaiveDate) -> impl IntoView {
    let current = use_current();
    let figures = use_report_view().figures;
    let headlines = Memo::new(move |_| {
        figures.with(|f| {
            shown_results(f)
                .into_iter()
                .map(|(basis, r)| {
                    tf(
                        "report.labelled",
                        &[("label", basis.label()), ("text", &index_sentence(r))],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let milestones = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    next_milestones(&a.initiatives, today, SUMMARY_MILESTONES)
                        .into_iter()
                        .map(|i| {
                            let due = i
                                .end()
                                .and_then(|e| e.pred_opt())
                                .map(date)
                                .unwrap_or_default();
                            tf(
                                "partners.report_assessment_milestone",
                                &[
                                    ("title", &title_of(i)),
                                    ("due", &due),
                                    ("status", &l(i.status.label()).to_lowercase()),
                                ],
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="report-section report-summary" aria-labelledby="report-summary-title">
            <h3 id="report-summary-title">{t("partners.report_assessment_summary")}</h3>
            {move || headlines.get().into_iter().map(|h| view! {
                <p class="headline" data-testid="report-index">{h}</p>
            }).collect_view()}
            <p>{move || figures.with(|f| answered_sentence(f.lead()))}</p>
            <ReportWords/>
            <h4>{t("partners.report_assessment_milestones")}</h4>
            <Show
                when=move || !milestones.with(Vec::is_empty)
                fallback=|| view! { <p>{t("partners.report_assessment_no_milestone")}</p> }
            >
                <ul>
                    {move || milestones.get().into_iter().map(|m| view! { <li>"◆ " {m}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// The radar of the shown levels against the target: the founder's, the reviewed, or both.
fn standing_radar(f: &Figures) -> Result<String, crate::charts::ChartError> {
    let lead = f.lead();
    let axes: Vec<String> = lead
        .areas
        .iter()
        .map(|a| area_name(&a.area_id, &a.name))
        .collect();
    let mut series: Vec<radar::RadarSeries> = shown_results(f)
        .into_iter()
        .enumerate()
        .map(|(n, (basis, r))| radar::RadarSeries {
            label: basis.label().to_string(),
            values: r.areas.iter().map(|a| a.score).collect(),
            kind: if n == 0 {
                radar::SeriesKind::Current
            } else {
                radar::SeriesKind::Other
            },
        })
        .collect();
    series.push(radar::RadarSeries {
        label: t("assess.results_target").to_string(),
        values: lead.areas.iter().map(|a| a.target).collect(),
        kind: radar::SeriesKind::Target,
    });
    radar::render(&axes, &series, 4.0, 560, 460)
}

/// A column per shown basis, headed by its name, in the order of [`shown_results`].
fn level_columns(basis: Basis) -> Vec<Column> {
    let shown = match basis {
        Basis::Both => vec![Basis::SelfAssessed, Basis::Reviewed],
        only => vec![only],
    };
    shown
        .into_iter()
        .map(|b| Column::plain(b.label()))
        .collect()
}

#[component]
pub fn ReportStanding() -> impl IntoView {
    let figures = use_report_view().figures;
    let svg = Memo::new(move |_| figures.with(standing_radar));
    let basis = Memo::new(move |_| figures.with(|f| f.basis));
    let table = move |basis: Basis| {
        let mut columns = vec![Column::heading(t("partners.report_assessment_area"))];
        columns.extend(level_columns(basis));
        columns.extend([
            Column::plain(t("partners.report_assessment_target")),
            Column::plain(t("partners.report_assessment_gap_col")),
            Column::plain(t("partners.report_assessment_answered_col")),
        ]);
        let rows = Signal::derive(move || {
            figures.with(|f| {
                f.lead()
                    .areas
                    .iter()
                    .map(|a| {
                        let mut cells = vec![a.name.clone()];
                        cells.extend(shown_results(f).into_iter().map(|(_, r)| {
                            opt(r
                                .areas
                                .iter()
                                .find(|x| x.area_id == a.area_id)
                                .and_then(|x| x.score))
                        }));
                        cells.extend([
                            opt(a.target),
                            opt(a.gap),
                            tf(
                                "partners.report_assessment_done_of",
                                &[
                                    ("done", &a.done.to_string()),
                                    ("questions", &a.questions.to_string()),
                                ],
                            ),
                        ]);
                        ReportRow {
                            key: a.area_id.clone(),
                            cells,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        });
        view! {
            <ReportTable caption=t("partners.report_assessment_standing_table") columns rows/>
        }
    };
    view! {
        <section class="report-section" aria-labelledby="report-standing-title">
            <h3 id="report-standing-title">{t("partners.report_assessment_standing")}</h3>
            <ChartView svg label=t("partners.report_assessment_radar")/>
            // The columns follow the basis: the table is drawn again when it changes.
            {move || table(basis.get())}
        </section>
    }
}

#[component]
pub fn ReportGaps() -> impl IntoView {
    let figures = use_report_view().figures;
    let svg = Memo::new(move |_| figures.with(|f| largest_gaps_chart(f.lead(), TOP_GAPS)));
    let empty = Memo::new(move |_| figures.with(|f| f.lead().ranked_gaps().is_empty()));
    let basis = Memo::new(move |_| figures.with(|f| f.basis));
    // The rows shown (and the chart's bars): the caption counts these, not the most there could be.
    let shown = Memo::new(move |_| figures.with(|f| f.lead().ranked_gaps().len().min(TOP_GAPS)));
    let table = move |basis: Basis, shown: usize| {
        let mut columns = vec![
            Column::plain(t("partners.report_assessment_rank")),
            Column::heading(t("partners.report_assessment_area")),
        ];
        columns.extend(level_columns(basis));
        columns.extend([
            Column::plain(t("partners.report_assessment_target")),
            Column::plain(t("partners.report_assessment_gap_col")),
            Column::plain(t("partners.report_assessment_importance")),
            Column::plain(t("partners.report_assessment_priority")),
        ]);
        let rows = Signal::derive(move || {
            figures.with(|f| {
                f.lead()
                    .ranked_gaps()
                    .into_iter()
                    .take(TOP_GAPS)
                    .enumerate()
                    .map(|(n, a)| {
                        let mut cells = vec![(n + 1).to_string(), a.name.clone()];
                        if f.basis == Basis::Both {
                            cells.push(opt(f.self_area(&a.area_id).and_then(|x| x.score)));
                        }
                        cells.extend([
                            fmt1(a.score.unwrap_or(0.0)),
                            fmt1(a.target.unwrap_or(0.0)),
                            fmt1(a.gap.unwrap_or(0.0)),
                            a.importance.to_string(),
                            fmt1(a.priority.unwrap_or(0.0)),
                        ]);
                        ReportRow {
                            key: a.area_id.clone(),
                            cells,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        });
        view! {
            <ReportTable
                caption=tn("report.gaps_table", shown, &[])
                columns
                rows
            />
        }
    };
    view! {
        <section class="report-section" aria-labelledby="report-gaps-title">
            <h3 id="report-gaps-title">{t("partners.report_assessment_gaps")}</h3>
            <p class="muted">{t("partners.report_assessment_gaps_intro")}</p>
            <Show
                when=move || !empty.get()
                fallback=|| view! { <p>{t("partners.report_assessment_no_gap")}</p> }
            >
                <ChartView svg label=t("partners.report_assessment_gaps_chart")/>
                {move || table(basis.get(), shown.get())}
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::scoring::compute;
    use crate::domain::Assessment;
    use uuid::Uuid;

    fn scored() -> Results {
        let content = crate::content::get();
        let mut a = Assessment::new(Uuid::nil(), "x", "2026-01-01T00:00:00Z".parse().unwrap());
        let area = &content.areas[0];
        a.answers.insert(
            area.questions[0].id.clone(),
            Answer {
                current: Some(1),
                target: Some(3),
                ..Answer::default()
            },
        );
        a.answers.insert(
            area.questions[1].id.clone(),
            Answer {
                not_applicable: Some("No".into()),
                ..Answer::default()
            },
        );
        compute(content, &a)
    }

    #[test]
    fn index_sentence_gives_the_basis() {
        let r = scored();
        assert_eq!(
            index_sentence(&r),
            format!(
                "Maturity index 1.0 of 4: the average of the area scores (0 absent to 4 \
                 optimizing), from 1 answered question in 1 of {} areas.",
                r.areas.len()
            )
        );
        assert!(index_sentence(&Results::default()).starts_with("No maturity index yet"));
    }

    #[test]
    fn answered_sentence_counts_not_applicable() {
        let r = scored();
        assert_eq!(
            answered_sentence(&r),
            format!(
                "2 of {} questions answered (1 marked “does not apply”).",
                r.questions
            )
        );
    }

    /// The case: an area at 1.75 against a target of 3, where `{:.1}` wrote the exact gap
    /// 1.25 as "1.2" in the chart while the text and tables said "1.3". The gap is now the
    /// difference of the figures shown (3.0 − 1.8 = 1.2), the same in all three.
    #[test]
    fn a_gap_reads_the_same_in_text_table_and_chart() {
        let content = crate::content::get();
        let mut a = Assessment::new(Uuid::nil(), "x", "2026-01-01T00:00:00Z".parse().unwrap());
        let area = &content.areas[0];
        for (q, level) in area.questions.iter().zip([2, 2, 2, 1]) {
            a.answers.insert(
                q.id.clone(),
                Answer {
                    current: Some(level),
                    target: Some(3),
                    ..Answer::default()
                },
            );
        }
        let r = compute(content, &a);
        let gap = r.ranked_gaps()[0];
        assert_eq!(gap.area_id, area.id);
        assert_eq!(gap.gap, Some(1.2));
        // The table's cell.
        assert_eq!(opt(gap.gap), "1.2");
        // The chart's label.
        let svg = largest_gaps_chart(&r, TOP_GAPS).unwrap();
        assert!(svg.contains("gap 1.2"), "{svg}");
        assert!(!svg.contains("gap 1.3"));
        // The text (the weaknesses proposed from the same results).
        let (_, weak) = r.propose_swot(3);
        assert!(weak[0].1.ends_with("(gap 1.2)"), "{}", weak[0].1);
    }

    #[test]
    fn the_gaps_caption_counts_the_rows_shown() {
        assert_eq!(
            tn("report.gaps_table", 3, &[]),
            "The 3 largest gaps, highest priority first"
        );
        assert_eq!(tn("report.gaps_table", 1, &[]), "The largest gap");
    }
}
