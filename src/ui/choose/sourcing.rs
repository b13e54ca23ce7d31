//! "Hire, partner or freelance" on the Partners page: the capacity the plan needs beyond the team,
//! what each way of getting it costs a month, once, and how soon it starts, with the founder's
//! own assumptions editable in place. Every figure comes from `domain::sourcing`; this component
//! only reads the page's inputs and shows the results.
//!
//! Amounts are read as people type money ("$4,200", "4 200", "4.2k") and written with the
//! assessment's currency, through `ui::common::numbers`.

use chrono::Local;
use leptos::prelude::*;

use crate::domain::costs::Costs;
use crate::domain::sourcing::{self, Comparison, OptionCost, QuoteSource, Shortfall};
use crate::ui::common::numbers::{money, money_input, parse_money_text, parse_number, trim_number};
use crate::ui::i18n::{t, tf};
use crate::ui::plan::capacity_table::next_months;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// A typed figure that is not money (person-weeks, months): `Ok(None)` when blank (the default
/// or plan figure applies).
fn read_figure(text: &str, max: f64) -> Result<Option<f64>, String> {
    match parse_number(text)? {
        Some(v) if (0.0..=max).contains(&v) => Ok(Some(v)),
        Some(_) => Err(tf(
            "sourcing.figure_out_of_range",
            &[("max", &trim_number(max))],
        )),
        None => Ok(None),
    }
}

/// The assessment's currency code ("" when none is set), for labels and amounts.
pub fn use_currency() -> Memo<String> {
    let current = use_current();
    Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.profile.currency.clone())
                .unwrap_or_default()
        })
    })
}

#[component]
pub fn SourcingOptions() -> impl IntoView {
    let current = use_current();
    let currency = use_currency();
    let plan = Memo::new(move |_| {
        let months = next_months(Local::now().date_naive());
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| sourcing::plan_need(a, &months))
                .unwrap_or((0.0, 0))
        })
    });
    let quotes = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| sourcing::partner_quotes(&a.scorecards))
                .unwrap_or_default()
        })
    });
    let best_quote = Memo::new(move |_| quotes.with(|q| q.first().cloned()));
    // What-if inputs of this page; not stored with the assessment.
    let need_text = RwSignal::new(String::new());
    let quote_text = RwSignal::new(String::new());
    let need_error = Memo::new(move |_| read_figure(&need_text.get(), 10_000.0).err());
    let typed_need = move || read_figure(&need_text.get(), 10_000.0).ok().flatten();
    let quote_error = Memo::new(move |_| {
        parse_money_text(&quote_text.get(), crate::domain::costs::MAX_COST_FIGURE).err()
    });
    let comparison = Memo::new(move |_| {
        let need = typed_need().unwrap_or_else(|| plan.get().0);
        let typed = parse_money_text(&quote_text.get(), crate::domain::costs::MAX_COST_FIGURE)
            .ok()
            .flatten();
        let quotes = match typed {
            Some(q) => vec![(q, QuoteSource::Typed)],
            None => quotes
                .get()
                .into_iter()
                .map(|(q, name)| (q, QuoteSource::Candidate(name)))
                .collect(),
        };
        let costs = current
            .assessment
            .with(|a| a.as_ref().map(|a| a.costs.clone()).unwrap_or_default());
        sourcing::compare(need, &costs, quotes)
    });
    let summary = move || {
        let cur = currency.get();
        // Only a need from the plan has months that fall short; a typed one is steady.
        let shortfall = typed_need().is_none().then(|| Shortfall {
            short: plan.get().1,
            of: next_months(Local::now().date_naive()).len(),
        });
        comparison.with(|c| sourcing::summary(c, shortfall, &|v| money(v, &cur)))
    };
    let plan_hint = move || {
        let (need, months) = plan.get();
        if months == 0 {
            t("sourcing.need_plan_fits").to_string()
        } else {
            tf(
                "sourcing.need_from_plan",
                &[
                    ("weeks", &format!("{need:.1}")),
                    ("months", &months.to_string()),
                ],
            )
        }
    };
    let quote_hint = move || match best_quote.get() {
        Some((q, name)) => tf(
            "sourcing.quote_from_candidate",
            &[("name", &name), ("price", &money(q, &currency.get()))],
        ),
        None => t("sourcing.quote_none").to_string(),
    };
    view! {
        <section class="subsection" aria-labelledby="sourcing-title">
            <h3 id="sourcing-title">{t("sourcing.title")}</h3>
            <p class="muted">{t("sourcing.intro")}</p>
            <p class="headline" data-testid="sourcing-summary">{summary}</p>
            <div class="field">
                <label for="sourcing-need">{t("sourcing.need_label")}</label>
                <input type="text" inputmode="decimal" id="sourcing-need" class="narrow-input"
                    placeholder=move || format!("{:.1}", plan.get().0)
                    aria-invalid=move || need_error.with(Option::is_some).to_string()
                    prop:value=move || need_text.get()
                    on:input=move |ev| need_text.set(event_target_value(&ev))/>
                <p class="hint">{plan_hint} " " {t("sourcing.not_saved")}</p>
                {move || need_error.get().map(|e| view! { <p class="hint error-text" role="alert">{e}</p> })}
            </div>
            <div class="field">
                <label for="sourcing-quote">{move || tf("sourcing.quote_label", &[("currency", &currency.get())])}</label>
                <input type="text" inputmode="decimal" id="sourcing-quote" class="narrow-input"
                    placeholder=move || best_quote.get().map(|(q, _)| money_input(q)).unwrap_or_default()
                    aria-invalid=move || quote_error.with(Option::is_some).to_string()
                    prop:value=move || quote_text.get()
                    on:input=move |ev| quote_text.set(event_target_value(&ev))/>
                <p class="hint">{quote_hint} " " {t("sourcing.not_saved")}</p>
                {move || quote_error.get().map(|e| view! { <p class="hint error-text" role="alert">{e}</p> })}
            </div>
            <Show when=move || comparison.with(|c| c.need > 0.0)>
            <div class="table-scroll">
                <table class="data-table">
                    <caption>{t("sourcing.table_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("sourcing.col_option")}</th>
                            <th scope="col">{t("sourcing.col_monthly")}</th>
                            <th scope="col">{t("sourcing.col_one_off")}</th>
                            <th scope="col">{t("sourcing.col_starts")}</th>
                            <th scope="col">{t("sourcing.col_full_speed")}</th>
                            <th scope="col">{t("sourcing.col_risks")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let cur = currency.get();
                            comparison.with(|c| rows(c, &cur))
                        }}
                    </tbody>
                </table>
            </div>
            </Show>
            <Assumptions/>
        </section>
    }
}

/// The table's rows: hire, partner (or why there is none), freelance.
fn rows(c: &Comparison, currency: &str) -> impl IntoView {
    let row = |o: &OptionCost, name: String, risks: &'static str| {
        let months = |m: f64| tf("sourcing.months", &[("months", &sourcing::months_text(m))]);
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{tf("sourcing.per_month", &[("amount", &money(o.monthly, currency))])}</td>
                <td>{if o.one_off > 0.0 { money(o.one_off, currency) } else { "–".to_string() }}</td>
                <td>{months(o.months_to_start)}</td>
                <td>{months(o.months_to_full_speed)}</td>
                <td>{t(risks)}</td>
            </tr>
        }
        .into_any()
    };
    let hire_key = if c.engineers == 1 {
        "sourcing.row_hire_one"
    } else {
        "sourcing.row_hire_other"
    };
    let mut out = vec![row(
        &c.hire,
        tf(
            hire_key,
            &[
                ("engineers", &c.engineers.to_string()),
                (
                    "weeks",
                    &format!(
                        "{:.1}",
                        f64::from(c.engineers) * crate::domain::team::WEEKS_PER_MONTH
                    ),
                ),
            ],
        ),
        "sourcing.risks_hire",
    )];
    // One row per partner quote, best-ranked first, each firm named with its own price.
    for (p, source) in &c.partners {
        let name = match source {
            QuoteSource::Candidate(name) => tf("sourcing.row_partner_candidate", &[("name", name)]),
            QuoteSource::Typed => t("sourcing.row_partner_typed").to_string(),
        };
        out.push(row(p, name, "sourcing.risks_partner"));
    }
    if c.partners.is_empty() {
        out.push(
            view! {
                <tr>
                    <th scope="row">{t("sourcing.row_partner_typed")}</th>
                    <td colspan="5">{t("sourcing.quote_none")}</td>
                </tr>
            }
            .into_any(),
        );
    }
    out.push(row(
        &c.freelance,
        tf(
            "sourcing.row_freelance",
            &[(
                "days",
                &format!("{:.0}", c.need * sourcing::DAYS_PER_PERSON_WEEK),
            )],
        ),
        "sourcing.risks_freelance",
    ));
    out.collect_view()
}

/// One editable assumption of `Costs`.
struct Field {
    id: &'static str,
    label: &'static str,
    help: &'static str,
    money: bool,
    default: f64,
    get: fn(&Costs) -> Option<f64>,
    set: fn(&mut Costs, Option<f64>),
}

const FIELDS: [Field; 5] = [
    Field {
        id: "hire_monthly_salary",
        label: "sourcing.salary_label",
        help: "sourcing.salary_help",
        money: true,
        default: sourcing::DEFAULT_HIRE_MONTHLY_SALARY,
        get: |c| c.hire_monthly_salary,
        set: |c, v| c.hire_monthly_salary = v,
    },
    Field {
        id: "hire_recruiting_cost",
        label: "sourcing.recruiting_label",
        help: "sourcing.recruiting_help",
        money: true,
        default: sourcing::DEFAULT_HIRE_RECRUITING_COST,
        get: |c| c.hire_recruiting_cost,
        set: |c, v| c.hire_recruiting_cost = v,
    },
    Field {
        id: "hire_months_to_start",
        label: "sourcing.months_to_start_label",
        help: "sourcing.months_to_start_help",
        money: false,
        default: sourcing::DEFAULT_HIRE_MONTHS_TO_START,
        get: |c| c.hire_months_to_start,
        set: |c, v| c.hire_months_to_start = v,
    },
    Field {
        id: "hire_ramp_up_months",
        label: "sourcing.ramp_up_label",
        help: "sourcing.ramp_up_help",
        money: false,
        default: sourcing::DEFAULT_HIRE_RAMP_UP_MONTHS,
        get: |c| c.hire_ramp_up_months,
        set: |c, v| c.hire_ramp_up_months = v,
    },
    Field {
        id: "freelance_day_rate",
        label: "sourcing.day_rate_label",
        help: "sourcing.day_rate_help",
        money: true,
        default: sourcing::DEFAULT_FREELANCE_DAY_RATE,
        get: |c| c.freelance_day_rate,
        set: |c, v| c.freelance_day_rate = v,
    },
];

#[component]
fn Assumptions() -> impl IntoView {
    view! {
        <details class="help" open>
            <summary>{t("sourcing.assumptions_title")}</summary>
            <p class="muted">{t("sourcing.assumptions_intro")}</p>
            {(0..FIELDS.len()).map(|i| view! { <AssumptionField index=i/> }).collect_view()}
        </details>
    }
}

#[component]
fn AssumptionField(index: usize) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let f = &FIELDS[index.min(FIELDS.len() - 1)];
    let (get, set, max) = (f.get, f.set, Costs::max_of(f.id));
    let stored = move || {
        current
            .assessment
            .with(|a| a.as_ref().and_then(|a| get(&a.costs)))
    };
    let is_money = f.money;
    let shown = if is_money { money_input } else { trim_number };
    let text = RwSignal::new(stored().map(shown).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let dom = format!("cost-{}", f.id.replace('_', "-"));
    let default = if f.money {
        money_input(f.default)
    } else {
        sourcing::months_text(f.default)
    };
    view! {
        <div class="field">
            <label for=dom.clone()>{t(f.label)}</label>
            <input type="text" inputmode="decimal" id=dom class="narrow-input"
                placeholder=default.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    text.set(v.clone());
                    let read = if is_money { parse_money_text(&v, max) } else { read_figure(&v, max) };
                    match read {
                        Ok(n) => {
                            error.set(None);
                            state.edit(id, |a| set(&mut a.costs, n));
                        }
                        Err(e) => error.set(Some(e)),
                    }
                }/>
            <p class="hint">{t(f.help)} " " {tf("sourcing.default_is", &[("default", &default)])}</p>
            {move || error.get().map(|e| view! { <p class="hint error-text" role="alert">{e}</p> })}
        </div>
    }
}
