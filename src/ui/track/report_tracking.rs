//! The board report's tracking parts: KPI status, the top risks, the partner choice and the
//! consultant's review. Statuses come from the domain ([`crate::domain::kpi::trend::project`],
//! [`crate::domain::risk::ranked`], [`crate::domain::scorecard::engine`]); each is written in
//! words with a mark, never shown by colour alone.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::answer_counts::{review_counts, ReviewCounts};
use crate::domain::kpi::trend;
use crate::domain::kpi::Kpi;
use crate::domain::review::{AreaStatus, Review};
use crate::domain::risk::{ranked, summary};
use crate::domain::scorecard::engine;
use crate::domain::scorecard::ScorecardKind;
use crate::ui::assessment::review_counts::ReviewCountList;
use crate::ui::i18n::{content, date, l, t, tf, tn};
use crate::ui::plan::kpi_dashboard::status_text;
use crate::ui::plan::risk_register::{display_title, overdue_text, score_text};
use crate::ui::track::report_table::{of_assessment, Column, ReportPart, ReportRow, ReportTable};

/// Risks in the report's table.
const TOP_RISKS: usize = 5;

/// A value with its unit, e.g. "12 days" or "12" when there is no unit, written as every KPI
/// figure is ([`crate::domain::kpi::trend::value_text`]).
fn with_unit(value: f64, unit: &str) -> String {
    crate::domain::kpi::trend::value_text(value, unit)
}

/// The latest measurement of a KPI in words, e.g. "30 days on 1 Feb 2026".
pub fn latest_text(k: &Kpi) -> String {
    k.measurements
        .iter()
        .max_by_key(|m| m.date)
        .map(|m| {
            tf(
                "partners.report_tracking_latest",
                &[
                    ("value", &with_unit(m.value, &k.unit)),
                    ("date", &date(m.date)),
                ],
            )
        })
        .unwrap_or_else(|| t("partners.report_tracking_no_measurements").to_string())
}

/// The target of a KPI in words, e.g. "10 days by 31 Dec 2026".
pub fn target_text(k: &Kpi) -> String {
    k.target
        .map(|target| {
            tf(
                "partners.report_tracking_target_by",
                &[
                    ("value", &with_unit(target.value, &k.unit)),
                    ("date", &date(target.date)),
                ],
            )
        })
        .unwrap_or_else(|| t("partners.report_tracking_no_target").to_string())
}

/// An area's review status with a mark, never colour alone.
pub fn area_status_text(status: AreaStatus) -> String {
    let mark = match status {
        AreaStatus::Agreed => "✓",
        AreaStatus::Challenged => "⚠",
        AreaStatus::NotReviewed => "–",
    };
    format!("{mark} {}", l(status.label()))
}

/// True when a reviewer has written anything the founder sees: a name, a level or comment, or an
/// area review (private notes are the reviewer's own and never reported).
pub fn has_review(r: &Review) -> bool {
    !r.reviewer.trim().is_empty()
        || r.answers
            .values()
            .any(|x| x.level.is_some() || !x.comment.trim().is_empty())
        || r.areas
            .values()
            .any(|x| x.status != AreaStatus::NotReviewed || !x.comment.trim().is_empty())
}

#[component]
pub fn ReportKpis(today: NaiveDate) -> impl IntoView {
    let rows = of_assessment(move |a| {
        a.kpis
            .iter()
            .map(|k| {
                let p = trend::project(k, today);
                ReportRow {
                    key: k.id.to_string(),
                    cells: vec![
                        k.name.clone(),
                        status_text(&p.status),
                        latest_text(k),
                        target_text(k),
                        p.reason,
                    ],
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <ReportPart heading_id="report-kpis-title" title=t("partners.report_tracking_kpis")>
            <p class="muted">{t("partners.report_tracking_kpis_intro")}</p>
            <ReportTable
                caption=t("partners.report_tracking_kpis_table")
                columns=vec![
                    Column::heading(t("partners.report_tracking_kpi")),
                    Column::plain(t("partners.report_tracking_status")),
                    Column::plain(t("partners.report_tracking_latest_col")),
                    Column::plain(t("partners.report_tracking_target")),
                    Column::small(t("partners.report_tracking_why")),
                ]
                rows
                empty=t("partners.report_tracking_no_kpis")
            />
        </ReportPart>
    }
}

#[component]
pub fn ReportRisks(today: NaiveDate) -> impl IntoView {
    let sentence = of_assessment(move |a| summary(&a.risks, today).sentence());
    let rows = of_assessment(move |a| {
        ranked(&a.risks)
            .into_iter()
            .filter(|r| r.is_active())
            .take(TOP_RISKS)
            .map(|r| {
                let review = match (r.review_overdue(today), r.next_review) {
                    (Some(days), _) => overdue_text(days),
                    (None, Some(d)) => date(d),
                    (None, None) => t("partners.report_tracking_no_review_date").to_string(),
                };
                let or_dash = |s: &str| match s.trim() {
                    "" => "–".to_string(),
                    text => text.to_string(),
                };
                ReportRow {
                    key: r.id.to_string(),
                    cells: vec![
                        display_title(&r.title),
                        score_text(r.score()),
                        l(r.status.label()).to_string(),
                        or_dash(&r.owner),
                        or_dash(&r.mitigation),
                        review,
                    ],
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <ReportPart heading_id="report-risks-title" title=t("partners.report_tracking_risks")>
            <p class="headline">{move || sentence.get()}</p>
            <p class="muted">{t("partners.report_tracking_risks_intro")}</p>
            <Show when=move || !rows.with(Vec::is_empty)>
                <ReportTable
                    caption=tf("partners.report_tracking_risks_table", &[("count", &TOP_RISKS.to_string())])
                    columns=vec![
                        Column::heading(t("partners.report_tracking_risk")),
                        Column::plain(t("partners.report_tracking_score")),
                        Column::plain(t("partners.report_tracking_status")),
                        Column::plain(t("partners.report_tracking_owner")),
                        Column::small(t("partners.report_tracking_mitigation")),
                        Column::plain(t("partners.report_tracking_next_review")),
                    ]
                    rows
                />
            </Show>
        </ReportPart>
    }
}

/// One partner comparison as the report shows it. Lists key rows by their whole content: the
/// report only reads, so a row whose figures change is simply drawn again.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PartnerCard {
    id: Uuid,
    name: String,
    explanation: String,
    /// A row per candidate (rank, name, total, must-haves), in the engine's order.
    rows: Vec<ReportRow>,
}

#[component]
pub fn ReportPartners() -> impl IntoView {
    let cards = of_assessment(move |a| {
        a.scorecards
            .iter()
            .filter(|c| c.kind == ScorecardKind::Partner)
            .map(|c| {
                let outcome = engine::evaluate(c);
                let ranges = engine::sensitivity(c);
                let rows = outcome
                    .results
                    .iter()
                    .map(|r| {
                        let name = c
                            .candidate(r.candidate)
                            .map(|x| x.name.clone())
                            .unwrap_or_default();
                        let gates = if r.gate_failures.is_empty() {
                            t("partners.report_tracking_all_passed").to_string()
                        } else {
                            let reasons = r
                                .gate_failures
                                .iter()
                                .map(|g| g.reason.clone())
                                .collect::<Vec<_>>()
                                .join(t("partners.report_tracking_reason_separator"));
                            tf("partners.report_tracking_fails", &[("reasons", &reasons)])
                        };
                        ReportRow {
                            key: r.candidate.to_string(),
                            cells: vec![
                                r.rank.map_or_else(|| "–".to_string(), |k| k.to_string()),
                                name,
                                r.total.map_or_else(
                                    || t("partners.report_tracking_no_scores").to_string(),
                                    |total| format!("{total:.1}"),
                                ),
                                gates,
                            ],
                        }
                    })
                    .collect();
                PartnerCard {
                    id: c.id,
                    name: c.name.clone(),
                    explanation: engine::explain(c, &outcome, &ranges),
                    rows,
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <ReportPart heading_id="report-partners-title" title=t("partners.report_tracking_partners")>
            <Show
                when=move || !cards.with(Vec::is_empty)
                fallback=|| view! { <p>{t("partners.report_tracking_no_partners")}</p> }
            >
                <For each=move || cards.get() key=|c| c.clone() let:card>
                    <h4>{card.name}</h4>
                    <p>{card.explanation}</p>
                    <ReportTable
                        caption=t("partners.report_tracking_ranking")
                        columns=vec![
                            Column::plain(t("partners.report_tracking_rank")),
                            Column::heading(t("partners.report_tracking_candidate")),
                            Column::plain(t("partners.report_tracking_total")),
                            Column::plain(t("partners.report_tracking_must_haves")),
                        ]
                        rows=card.rows
                    />
                </For>
            </Show>
        </ReportPart>
    }
}

#[component]
pub fn ReportReview() -> impl IntoView {
    let reviews = of_assessment(|a| {
        a.reviews
            .iter()
            .filter(|r| has_review(r))
            .map(|r| (r.clone(), review_counts(content(), a, r)))
            .collect::<Vec<(Review, ReviewCounts)>>()
    });
    view! {
        <ReportPart heading_id="report-review-title" title=t("partners.report_tracking_review")>
            <Show
                when=move || reviews.with(|r| !r.is_empty())
                fallback=|| view! {
                    <p>{t("partners.report_tracking_no_review")}</p>
                }
            >
                {move || reviews.get().into_iter().map(|(r, counts)| view! { <ReviewerPart review=r counts/> }).collect_view()}
            </Show>
        </ReportPart>
    }
}

/// One reviewer's part of the report: who, what they said in counts, and a status per area.
#[component]
fn ReviewerPart(review: Review, counts: ReviewCounts) -> impl IntoView {
    let r = &review;
    // The counts are worded as on the Overview and Compare (ui::assessment::review_counts).
    let headline = match r.reviewer.trim() {
        "" => t("partners.report_tracking_reviewed_anonymous").to_string(),
        name => tf("partners.report_tracking_reviewed_by", &[("name", name)]),
    };
    // Only the areas the reviewer said something about get a row: a status, a comment (private
    // notes are never reported) or a level on one of its questions, the Portfolio's own rule for
    // an area in review. The others are named in one line, so a review of five areas does not
    // print sixteen rows.
    let levels_given = |area: &crate::content::Area| {
        area.questions
            .iter()
            .filter(|q| r.answers.get(&q.id).is_some_and(|x| x.level.is_some()))
            .count()
    };
    let (said, silent): (Vec<_>, Vec<_>) = content().areas.iter().partition(|area| {
        levels_given(area) > 0
            || r.areas.get(&area.id).is_some_and(|x| {
                x.status != AreaStatus::NotReviewed || !x.comment.trim().is_empty()
            })
    });
    let rows: Vec<ReportRow> = said
        .into_iter()
        .map(|area| {
            let entry = r.areas.get(&area.id);
            ReportRow {
                key: area.id.clone(),
                cells: vec![
                    area.name.clone(),
                    match entry.map(|x| x.status).unwrap_or_default() {
                        // Levels given but no verdict on the area yet: say so, not "Not reviewed".
                        AreaStatus::NotReviewed if levels_given(area) > 0 => {
                            tn("report.review_levels_only", levels_given(area), &[])
                        }
                        status => area_status_text(status),
                    },
                    entry
                        .map(|x| x.comment.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .unwrap_or_else(|| "–".to_string()),
                ],
            }
        })
        .collect();
    let not_reviewed = (!silent.is_empty()).then(|| {
        let names: Vec<&str> = silent.iter().map(|a| a.name.as_str()).collect();
        tn(
            "report.review_not_reviewed",
            names.len(),
            &[("areas", &crate::i18n::list_and(&names))],
        )
    });
    view! {
        <p class="headline">{headline}</p>
        <ReviewCountList counts/>
        <ReportTable
            caption=t("report.review_table")
            columns=vec![
                Column::heading(t("partners.report_tracking_area")),
                Column::plain(t("partners.report_tracking_status")),
                Column::small(t("partners.report_tracking_comment")),
            ]
            rows=Signal::stored(rows)
            empty=t("report.review_no_area")
        />
        {not_reviewed.map(|text| view! { <p class="muted">{text}</p> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::{DatedValue, Measurement};
    use crate::domain::review::{AnswerReview, AreaReview};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn kpi_texts_use_the_latest_date_and_the_unit() {
        let mut k = Kpi::new(Uuid::nil(), "Lead time");
        assert_eq!(latest_text(&k), "No measurements yet");
        assert_eq!(target_text(&k), "No target");
        k.unit = "days".into();
        k.measurements = vec![
            Measurement {
                id: Uuid::from_u128(1),
                date: day(2026, 2, 1),
                value: 30.0,
            },
            Measurement {
                id: Uuid::from_u128(2),
                date: day(2026, 1, 1),
                value: 41.5,
            },
        ];
        k.target = Some(DatedValue {
            date: day(2026, 12, 31),
            value: 10.0,
        });
        assert_eq!(latest_text(&k), "30 days on 1 Feb 2026");
        assert_eq!(target_text(&k), "10 days by 31 Dec 2026");
        k.unit = " ".into();
        assert_eq!(target_text(&k), "10 by 31 Dec 2026");
    }

    #[test]
    fn review_counts_only_what_a_reviewer_wrote() {
        let mut r = Review::default();
        assert!(!has_review(&r));
        r.answers.insert("q".into(), AnswerReview::default());
        r.areas.insert("a".into(), AreaReview::default());
        assert!(!has_review(&r), "empty entries are not a review");
        r.areas.insert(
            "b".into(),
            AreaReview {
                status: AreaStatus::Challenged,
                ..AreaReview::default()
            },
        );
        assert!(has_review(&r));
        assert_eq!(area_status_text(AreaStatus::Challenged), "⚠ Challenged");
        assert_eq!(area_status_text(AreaStatus::Agreed), "✓ Agreed");
        assert_eq!(area_status_text(AreaStatus::NotReviewed), "– Not reviewed");
    }
}
