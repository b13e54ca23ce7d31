//! The board report's assessment parts: the summary on its first page, where the company stands
//! (radar and table) and the largest gaps (bar chart and table). Every figure comes from
//! [`crate::domain::scoring`]; this file only words and lays them out.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::scoring::{fmt1, AreaResult, Results};
use crate::ui::assessment::results::{largest_gaps_chart, today_and_target_radar};
use crate::ui::assessment::verdict_panel::VerdictPanel;
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{date, l, t, tf};
use crate::ui::plan::initiative_edit::title_of;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::track::report_plan::next_milestones;

/// Gaps named in the summary.
const SUMMARY_GAPS: usize = 3;
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

/// One gap in words, e.g. "Security: today 1.5 against a target of 3.0, a gap of 1.5;
/// importance 3 of 3, priority 4.5".
pub fn gap_words(a: &AreaResult) -> String {
    tf(
        "partners.report_assessment_gap",
        &[
            ("area", &a.name),
            ("today", &fmt1(a.score.unwrap_or(0.0))),
            ("target", &fmt1(a.target.unwrap_or(0.0))),
            ("gap", &fmt1(a.gap.unwrap_or(0.0))),
            ("importance", &a.importance.to_string()),
            ("priority", &fmt1(a.priority.unwrap_or(0.0))),
        ],
    )
}

#[component]
pub fn ReportSummary(today: NaiveDate) -> impl IntoView {
    let current = use_current();
    let results = current.results;
    let gaps = Memo::new(move |_| {
        results.with(|r| {
            r.ranked_gaps()
                .into_iter()
                .take(SUMMARY_GAPS)
                .map(gap_words)
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
        <section class="report-section" aria-labelledby="report-summary-title">
            <h3 id="report-summary-title">{t("partners.report_assessment_summary")}</h3>
            <p class="headline" data-testid="report-index">{move || results.with(index_sentence)}</p>
            <VerdictPanel level=4/>
            <p>{move || results.with(answered_sentence)}</p>
            <h4>{t("partners.report_assessment_gaps")}</h4>
            <Show
                when=move || !gaps.with(Vec::is_empty)
                fallback=move || view! {
                    <p>{move || if results.with(|r| r.index.is_some()) {
                        t("partners.report_assessment_no_gap")
                    } else {
                        t("partners.report_assessment_no_gap_yet")
                    }}</p>
                }
            >
                <ol data-testid="report-top-gaps">
                    {move || gaps.get().into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                </ol>
            </Show>
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

#[component]
pub fn ReportStanding() -> impl IntoView {
    let results = use_current().results;
    let svg = Memo::new(move |_| results.with(today_and_target_radar));
    let opt = |v: Option<f64>| v.map(fmt1).unwrap_or_else(|| "–".to_string());
    view! {
        <section class="report-section" aria-labelledby="report-standing-title">
            <h3 id="report-standing-title">{t("partners.report_assessment_standing")}</h3>
            <ChartView svg label=t("partners.report_assessment_radar")/>
            <table class="data-table">
                <caption>{t("partners.report_assessment_standing_table")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("partners.report_assessment_area")}</th>
                        <th scope="col">{t("partners.report_assessment_today")}</th>
                        <th scope="col">{t("partners.report_assessment_target")}</th>
                        <th scope="col">{t("partners.report_assessment_gap_col")}</th>
                        <th scope="col">{t("partners.report_assessment_answered_col")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || results.with(|r| r.areas.iter().map(|a| view! {
                        <tr>
                            <th scope="row">{a.name.clone()}</th>
                            <td>{opt(a.score)}</td>
                            <td>{opt(a.target)}</td>
                            <td>{opt(a.gap)}</td>
                            <td>{tf("partners.report_assessment_done_of", &[("done", &a.done.to_string()), ("questions", &a.questions.to_string())])}</td>
                        </tr>
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn ReportGaps() -> impl IntoView {
    let results = use_current().results;
    let svg = Memo::new(move |_| results.with(|r| largest_gaps_chart(r, TOP_GAPS)));
    let empty = Memo::new(move |_| results.with(|r| r.ranked_gaps().is_empty()));
    view! {
        <section class="report-section" aria-labelledby="report-gaps-title">
            <h3 id="report-gaps-title">{t("partners.report_assessment_gaps")}</h3>
            <p class="muted">{t("partners.report_assessment_gaps_intro")}</p>
            <Show
                when=move || !empty.get()
                fallback=|| view! { <p>{t("partners.report_assessment_no_gap")}</p> }
            >
                <ChartView svg label=t("partners.report_assessment_gaps_chart")/>
                <table class="data-table">
                    <caption>{tf("partners.report_assessment_gaps_table", &[("count", &TOP_GAPS.to_string())])}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("partners.report_assessment_rank")}</th>
                            <th scope="col">{t("partners.report_assessment_area")}</th>
                            <th scope="col">{t("partners.report_assessment_today")}</th>
                            <th scope="col">{t("partners.report_assessment_target")}</th>
                            <th scope="col">{t("partners.report_assessment_gap_col")}</th>
                            <th scope="col">{t("partners.report_assessment_importance")}</th>
                            <th scope="col">{t("partners.report_assessment_priority")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || results.with(|r| r.ranked_gaps().into_iter().take(TOP_GAPS).enumerate().map(|(n, a)| view! {
                            <tr>
                                <td>{n + 1}</td>
                                <th scope="row">{a.name.clone()}</th>
                                <td>{fmt1(a.score.unwrap_or(0.0))}</td>
                                <td>{fmt1(a.target.unwrap_or(0.0))}</td>
                                <td>{fmt1(a.gap.unwrap_or(0.0))}</td>
                                <td>{a.importance}</td>
                                <td>{fmt1(a.priority.unwrap_or(0.0))}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
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

    #[test]
    fn gap_words_name_the_area_and_figures() {
        let r = scored();
        let top = r.ranked_gaps()[0];
        assert_eq!(
            gap_words(top),
            format!(
                "{}: today 1.0 against a target of 3.0, a gap of 2.0; importance 2 of 3, priority 4.0",
                top.name
            )
        );
    }
}
