//! What initiatives cost in money, as the roadmap shows it: one initiative's cost with its parts
//! and the rate's basis ("from your team's 3 people" or "the rate you set"), and the roadmap's
//! cost per quarter. Every figure comes from [`crate::domain::budget::initiative_cost`] and
//! [`crate::domain::costs::person_week_rate`]; this file only writes them out.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::budget::{initiative_cost, initiative_totals, InitiativeCost};
use crate::domain::costs::{person_week_rate, Rate, RateBasis, MAX_COST_FIGURE};
use crate::domain::money::CURRENCIES;
use crate::domain::roadmap::Initiative;
use crate::domain::Assessment;
use crate::ui::common::numbers::{money, money_input, parse_money_text};
use crate::ui::common::parsed_field::ParsedField;
use crate::ui::i18n::{t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// The rate and where it comes from, in one sentence; or what to do when there is none.
pub fn rate_sentence(rate: Option<Rate>, currency: &str) -> String {
    match rate {
        Some(Rate {
            per_week,
            basis: RateBasis::Team { people },
        }) => tf(
            if people == 1 {
                "money.rate_from_team_one"
            } else {
                "money.rate_from_team"
            },
            &[
                ("rate", &money(per_week, currency)),
                ("count", &people.to_string()),
            ],
        ),
        Some(Rate {
            per_week,
            basis: RateBasis::Set,
        }) => tf("money.rate_set", &[("rate", &money(per_week, currency))]),
        None => t("money.rate_missing").to_string(),
    }
}

/// An initiative's cost with its rate, as every page computes it.
pub fn cost_of(a: &Assessment, i: &Initiative) -> InitiativeCost {
    initiative_cost(i, person_week_rate(a).map(|r| r.per_week))
}

/// The cost in a table cell: the total, and what it leaves out when something is missing.
pub fn cost_cell(c: &InitiativeCost, currency: &str) -> String {
    let total = money(c.total(), currency);
    match (c.work.is_some(), c.running.is_some()) {
        (true, true) => total,
        (false, true) => tf("money.cost_without_work", &[("total", &total)]),
        (true, false) => tf("money.cost_without_running", &[("total", &total)]),
        (false, false) => tf("money.cost_without_both", &[("total", &total)]),
    }
}

/// The ongoing work after the initiative's end, valued at the rate when there is one; it is not
/// in the total, because it never ends (the Budget counts it quarter by quarter).
pub fn ongoing_part(c: &InitiativeCost, recurring: f64, currency: &str) -> String {
    let effort = crate::ui::plan::units::person_weeks(recurring);
    match c.ongoing_per_quarter {
        Some(v) => tf(
            "effort.part_ongoing",
            &[("amount", &money(v, currency)), ("effort", &effort)],
        ),
        None => tf("effort.part_ongoing_no_rate", &[("effort", &effort)]),
    }
}

/// The cost on the initiative's page: total, its parts and the rate's basis.
#[component]
pub fn InitiativeCostPanel(iid: Uuid) -> impl IntoView {
    let current = use_current();
    let figures = Memo::new(move |_| {
        current.assessment.with(|a| {
            let a = a.as_ref()?;
            let i = a.initiatives.iter().find(|i| i.id == iid)?;
            let rate = person_week_rate(a);
            let cost = initiative_cost(i, rate.map(|r| r.per_week));
            Some((
                cost,
                rate,
                (i.effort_weeks, i.recurring()),
                a.profile.currency.clone(),
            ))
        })
    });
    move || {
        figures.get().map(|(cost, rate, (effort, recurring), currency)| {
            let work = match (cost.work, rate) {
                (Some(w), Some(r)) => tf(
                    "money.part_work",
                    &[
                        ("amount", &money(w, &currency)),
                        ("effort", &crate::ui::plan::units::person_weeks(effort)),
                        ("rate", &money(r.per_week, &currency)),
                    ],
                ),
                _ => t("money.part_work_no_rate").to_string(),
            };
            let running = match cost.running {
                Some(v) => tf("money.part_running", &[("amount", &money(v, &currency))]),
                None => t("money.part_running_undated").to_string(),
            };
            let ongoing = (recurring > 0.0).then(|| ongoing_part(&cost, recurring, &currency));
            view! {
                <div class="panel" data-testid="initiative-cost">
                    <p><strong>{t("money.cost_title")}" "<span data-testid="initiative-cost-total">{cost_cell(&cost, &currency)}</span></strong></p>
                    <ul>
                        <li>{work}</li>
                        <li>{tf("money.part_one_off", &[("amount", &money(cost.one_off, &currency))])}</li>
                        <li>{running}</li>
                        {ongoing.map(|text| view! { <li data-testid="initiative-cost-ongoing">{text}</li> })}
                    </ul>
                    <p class="small muted">{rate_sentence(rate, &currency)}</p>
                </div>
            }
        })
    }
}

/// The roadmap's cost per quarter (initiatives not dropped, dated ones), with the rate's basis.
#[component]
pub fn QuarterCostTable() -> impl IntoView {
    let current = use_current();
    let data = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    (
                        initiative_totals(a),
                        person_week_rate(a),
                        a.profile.currency.clone(),
                    )
                })
                .unwrap_or_default()
        })
    });
    move || {
        let (rows, rate, currency) = data.get();
        let sum: f64 = rows.iter().map(|r| r.1).sum();
        (!rows.is_empty()).then(|| {
            view! {
                <div class="table-scroll">
                    <table class="data-table compact" data-testid="quarter-costs">
                        <caption>{t("money.quarters_caption")}</caption>
                        <thead><tr>
                            <th scope="col">{t("money.quarters_quarter")}</th>
                            <th scope="col">{t("money.quarters_cost")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(q, v)| view! {
                                <tr data-quarter=q.to_string()><th scope="row">{q.to_string()}</th><td>{money(v, &currency)}</td></tr>
                            }).collect_view()}
                            <tr class="total"><th scope="row">{t("money.quarters_total")}</th><td>{money(sum, &currency)}</td></tr>
                        </tbody>
                    </table>
                </div>
                <p class="small muted">{t("money.quarters_note")}" "{rate_sentence(rate, &currency)}</p>
            }
        })
    }
}

/// Reads the rate box: an amount per person-week, as people type money.
fn parse_rate(text: &str) -> Result<Option<f64>, String> {
    parse_money_text(text, MAX_COST_FIGURE)
}

/// The Profile's money settings: the assessment's currency and the cost of a person-week, with
/// the rate in use and its basis.
#[component]
pub fn MoneySettings() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let a = current.assessment;
    let currency = move || {
        a.with(|a| {
            a.as_ref()
                .map(|a| a.profile.currency.clone())
                .unwrap_or_default()
        })
    };
    let initial_rate = a.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| a.costs.person_week_rate)
            .map(money_input)
            .unwrap_or_default()
    });
    let in_use = move || {
        a.with(|a| {
            a.as_ref()
                .map(|a| rate_sentence(person_week_rate(a), &a.profile.currency))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="field">
            <label for="currency">{t("money.currency_label")}</label>
            <select id="currency" aria-describedby="currency-hint" on:change=move |ev| {
                let code = event_target_value(&ev);
                if code.is_empty() || CURRENCIES.contains(&code.as_str()) {
                    state.edit(id, |a| a.profile.currency = code);
                }
            }>
                <option value="" selected=move || currency().is_empty()>{t("money.currency_none")}</option>
                {CURRENCIES.into_iter().map(|c| view! {
                    <option value=c selected=move || currency() == c>{c}</option>
                }).collect_view()}
            </select>
            <p class="hint" id="currency-hint">{t("money.currency_hint")}</p>
        </div>
        <ParsedField id="person-week-rate".to_string() label=t("money.rate_label") initial=initial_rate
            parse=parse_rate hint=t("money.rate_hint") draft_of=id
            on_ok=move |v| state.edit(id, |a| a.costs.person_week_rate = v)/>
        <p class="small" data-testid="rate-in-use">{in_use}</p>
    }
}
