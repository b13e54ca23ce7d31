//! The decision: ranking with totals, gates and what is still unscored, a chart of every score,
//! and how far each weight can move before the winner changes.

use leptos::prelude::*;

use crate::charts::scorecard as chart;
use crate::domain::scorecard::engine::{self, Outcome, WeightRange};
use crate::domain::scorecard::price;
use crate::domain::scorecard::MAX_WEIGHT;
use crate::ui::choose::card_edit::use_card;
use crate::ui::choose::criteria_scores::shown_criterion;
use crate::ui::choose::sourcing::use_currency;
use crate::ui::common::chart_view::ChartView;
use crate::ui::common::numbers::money;
use crate::ui::i18n::{t, tf};

#[component]
pub fn ScorecardResults() -> impl IntoView {
    let card = use_card();
    // Evaluate and sensitivity run once per change of the card; everything below reads these.
    let outcome = card.derive(|c| Some(engine::evaluate(c)));
    let ranges = card.derive(engine::sensitivity);
    let currency = use_currency();
    let explanation = Memo::new(move |_| {
        card.card.with(|c| match (c, outcome.get()) {
            (Some(c), Some(o)) => {
                let text = ranges.with(|r| engine::explain(c, &o, r));
                let cur = currency.get();
                // The decision in money too: the leader's price and what the cheapest saves.
                match price::leader_price_sentence(c, o.winner, &|v| money(v, &cur)) {
                    Some(p) => format!("{text} {p}"),
                    None => text,
                }
            }
            _ => String::new(),
        })
    });
    let name_of = move |id: uuid::Uuid| {
        card.card.with(|c| {
            c.as_ref()
                .and_then(|c| c.candidate(id))
                .map(|x| x.name.clone())
                .unwrap_or_default()
        })
    };
    let criterion_name = move |id: &str| {
        card.card.with(|c| {
            c.as_ref()
                .and_then(|c| c.criterion(id).map(|x| shown_criterion(c.kind, x).name))
                .unwrap_or_default()
        })
    };
    let svg = Memo::new(move |_| {
        card.card.with(|c| {
            let Some(c) = c else {
                return chart::render(&[], &[], 640, 16);
            };
            let outcome = outcome.get().unwrap_or_else(|| engine::evaluate(c));
            let criteria: Vec<String> = c
                .criteria
                .iter()
                .map(|x| shown_criterion(c.kind, x).name)
                .collect();
            // The scores the totals count, derived price scores included.
            let counted = price::scores_as_counted(c);
            let series: Vec<chart::CandidateSeries> = c
                .candidates
                .iter()
                .zip(counted)
                .map(|(cand, scores)| chart::CandidateSeries {
                    name: cand.name.clone(),
                    scores: scores.into_iter().map(|s| s.map(f64::from)).collect(),
                    highlight: outcome.winner == Some(cand.id),
                    failed_gate: outcome
                        .results
                        .iter()
                        .any(|r| r.candidate == cand.id && !r.gate_failures.is_empty()),
                })
                .collect();
            chart::render(&criteria, &series, 640, 16)
        })
    });
    view! {
        <section class="subsection" aria-labelledby="decision-title">
            <h3 id="decision-title">{t("partners.scorecard_results_title")}</h3>
            <p class="headline" data-testid="decision-summary">{move || explanation.get()}</p>
            <table class="data-table">
                <caption>{t("partners.scorecard_results_ranking")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("partners.scorecard_results_rank")}</th>
                        <th scope="col">{t("partners.scorecard_results_candidate")}</th>
                        <th scope="col">{t("partners.scorecard_results_total")}</th>
                        <th scope="col">{t("partners.scorecard_results_weight_scored")}</th>
                        <th scope="col">{t("partners.scorecard_results_must_haves")}</th>
                        <th scope="col">{t("partners.scorecard_results_not_scored")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || outcome.get().map(|o: Outcome| o.results.into_iter().map(|r| {
                        let gates = if r.gate_failures.is_empty() {
                            t("partners.scorecard_results_all_passed").to_string()
                        } else {
                            tf("partners.scorecard_results_fails", &[("reasons", &r.gate_failures.iter().map(|g| g.reason.clone()).collect::<Vec<_>>().join(t("partners.scorecard_results_reason_separator")))])
                        };
                        let missing = if r.missing.is_empty() {
                            "–".to_string()
                        } else {
                            r.missing.iter().map(|m| criterion_name(m)).collect::<Vec<_>>().join(t("partners.scorecard_results_list_separator"))
                        };
                        view! {
                            <tr class:failed=!r.gate_failures.is_empty()>
                                <td>{r.rank.map(|k| k.to_string()).unwrap_or_else(|| "–".to_string())}</td>
                                <th scope="row">{name_of(r.candidate)}</th>
                                <td>{r.total.map(|total| format!("{total:.1}")).unwrap_or_else(|| t("partners.scorecard_results_no_scores").to_string())}</td>
                                <td>{tf("partners.scorecard_results_share", &[("share", &format!("{:.0}", r.scored_weight_share * 100.0))])}</td>
                                <td>{gates}</td>
                                <td>{missing}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
            <ChartView svg=svg label=t("partners.scorecard_results_chart")/>
            <Show when=move || ranges.with(|r: &Vec<WeightRange>| !r.is_empty())>
                <table class="data-table">
                    <caption>{t("partners.scorecard_results_sensitivity")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("partners.scorecard_results_criterion")}</th>
                            <th scope="col">{t("partners.scorecard_results_weight_now")}</th>
                            <th scope="col">{t("partners.scorecard_results_leader_stays")}</th>
                            <th scope="col">{t("partners.scorecard_results_below")}</th>
                            <th scope="col">{t("partners.scorecard_results_above")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || ranges.get().into_iter().map(|r| {
                            let whole = r.low <= 1e-9 && r.high >= MAX_WEIGHT - 1e-9;
                            view! {
                                <tr>
                                    <th scope="row">{criterion_name(&r.criterion)}</th>
                                    <td>{format!("{:.0}", r.current)}</td>
                                    <td>{if whole { t("partners.scorecard_results_any_weight").to_string() } else { tf("partners.scorecard_results_range", &[("low", &format!("{:.1}", r.low)), ("high", &format!("{:.1}", r.high))]) }}</td>
                                    <td>{r.below.map(name_of).map(|n| tf("partners.scorecard_results_leads", &[("name", &n)])).unwrap_or_else(|| "–".to_string())}</td>
                                    <td>{r.above.map(name_of).map(|n| tf("partners.scorecard_results_leads", &[("name", &n)])).unwrap_or_else(|| "–".to_string())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
