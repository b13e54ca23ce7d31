//! Hire, partner or freelance: for the capacity the plan needs (person-weeks a month beyond what
//! the team has), the monthly cost, one-off cost, time to start and time to full speed of each
//! way to get it, and the plain sentence that says which is cheapest now and later.
//!
//! Every figure is computed here, once; the Partners page only shows them. The defaults below are
//! **editable assumptions, not benchmarks**: round numbers for a small European software company
//! that the founder replaces with her own in the assessment's [`Costs`] (each `None` field falls
//! back to its default, and the page says which figures are defaults). They are in whatever
//! currency the assessment uses, so they are only a starting point to overwrite.
//!
//! Formulas (all per month unless said otherwise):
//! - Engineers to hire = ⌈need ÷ [`WEEKS_PER_MONTH`]⌉ (a full-time engineer gives 52 ÷ 12
//!   person-weeks a month). Hire monthly cost = salary × engineers; one-off = recruiting cost ×
//!   engineers; starts after `hire_months_to_start`, full speed after that plus
//!   `hire_ramp_up_months`.
//! - Partner monthly cost = the quote (typed, or the best-ranked priced partner candidate's
//!   monthly price), taken as covering the need; starts after [`PARTNER_MONTHS_TO_START`].
//! - Freelance monthly cost = need × [`DAYS_PER_PERSON_WEEK`] × day rate; starts after
//!   [`FREELANCE_MONTHS_TO_START`].
//! - "Cheapest now" is among the options that start within weeks (partner, freelancers).
//! - A hire that costs less a month than that option repays its recruiting cost
//!   `⌈one-off ÷ monthly saving⌉` months after reaching full speed; "cheapest after N months"
//!   counts from today: months to start + ramp-up + those months.
//!
//! Nothing here reads the clock or the browser; months to look at come in as arguments.

use chrono::NaiveDate;

use crate::domain::costs::Costs;
use crate::domain::roadmap::Initiative;
use crate::domain::scorecard::{engine, Scorecard, ScorecardKind};
use crate::domain::team::capacity::{monthly_capacity, monthly_demand};
use crate::domain::team::{Team, WEEKS_PER_MONTH};
use crate::i18n::{tr, trf};

/// Default monthly salary of one engineer, with on-costs (editable assumption).
pub const DEFAULT_HIRE_MONTHLY_SALARY: f64 = 8_000.0;
/// Default one-off cost of recruiting one engineer (editable assumption).
pub const DEFAULT_HIRE_RECRUITING_COST: f64 = 12_000.0;
/// Default months from deciding to hire to the first day (editable assumption).
pub const DEFAULT_HIRE_MONTHS_TO_START: f64 = 3.0;
/// Default months a new engineer needs to reach full speed (editable assumption).
pub const DEFAULT_HIRE_RAMP_UP_MONTHS: f64 = 2.0;
/// Default day rate of one freelance engineer (editable assumption).
pub const DEFAULT_FREELANCE_DAY_RATE: f64 = 600.0;
/// Months before a partner firm's team starts (assumption; not stored per assessment).
pub const PARTNER_MONTHS_TO_START: f64 = 1.0;
/// Months before freelancers start (assumption; not stored per assessment).
pub const FREELANCE_MONTHS_TO_START: f64 = 0.5;
/// Working days in a person-week.
pub const DAYS_PER_PERSON_WEEK: f64 = 5.0;

/// One assumption as used: its value and whether it is the founder's own or the default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub own: bool,
}

fn figure(own: Option<f64>, default: f64) -> Figure {
    match own.filter(|v| v.is_finite() && *v >= 0.0) {
        Some(value) => Figure { value, own: true },
        None => Figure {
            value: default,
            own: false,
        },
    }
}

/// The assumptions in use: the founder's figures where given, else the defaults.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assumptions {
    pub salary: Figure,
    pub recruiting: Figure,
    pub months_to_start: Figure,
    pub ramp_up: Figure,
    pub day_rate: Figure,
}

impl Assumptions {
    pub fn from_costs(costs: &Costs) -> Self {
        Assumptions {
            salary: figure(costs.hire_monthly_salary, DEFAULT_HIRE_MONTHLY_SALARY),
            recruiting: figure(costs.hire_recruiting_cost, DEFAULT_HIRE_RECRUITING_COST),
            months_to_start: figure(costs.hire_months_to_start, DEFAULT_HIRE_MONTHS_TO_START),
            ramp_up: figure(costs.hire_ramp_up_months, DEFAULT_HIRE_RAMP_UP_MONTHS),
            day_rate: figure(costs.freelance_day_rate, DEFAULT_FREELANCE_DAY_RATE),
        }
    }
}

/// The three ways to get the capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Hire,
    Partner,
    Freelance,
}

/// One option's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionCost {
    pub way: Way,
    /// Cost per month once running.
    pub monthly: f64,
    /// Paid once before it starts (recruiting).
    pub one_off: f64,
    /// Months from deciding to the first day of work.
    pub months_to_start: f64,
    /// Months from deciding to full speed.
    pub months_to_full_speed: f64,
}

/// Where the partner's monthly figure comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteSource {
    /// Typed on the page.
    Typed,
    /// The best-ranked partner candidate with a price, by name.
    Candidate(String),
}

/// The comparison for one need.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Person-weeks a month needed.
    pub need: f64,
    /// Engineers to hire for it (whole people).
    pub engineers: u32,
    pub hire: OptionCost,
    /// `None` without a quote.
    pub partner: Option<OptionCost>,
    pub quote_source: Option<QuoteSource>,
    pub freelance: OptionCost,
    /// Of the options that can start within weeks (partner, freelancers), the one with the
    /// lowest monthly cost (a tie goes to the one that starts sooner).
    pub cheapest_now: Way,
    /// `None` when a hire costs no less a month than `cheapest_now`; else the months from today
    /// after which it has become the cheapest: time to full speed, then the months its monthly
    /// saving takes to repay the recruiting cost.
    pub hire_cheapest_after: Option<u32>,
}

/// Person-weeks a month the plan needs beyond the team: the average shortfall (demand minus
/// capacity) over the given months that have one; 0 when every month fits. Also returns how many
/// months fall short.
pub fn plan_need(team: &Team, initiatives: &[Initiative], months: &[NaiveDate]) -> (f64, usize) {
    let short: Vec<f64> = months
        .iter()
        .map(|&m| monthly_demand(initiatives, m) - monthly_capacity(team, m))
        .filter(|gap| *gap > 1e-9)
        .collect();
    if short.is_empty() {
        (0.0, 0)
    } else {
        (short.iter().sum::<f64>() / short.len() as f64, short.len())
    }
}

/// The partner quote to compare: the monthly price of the best-ranked partner candidate that has
/// one (ranks as the scorecard engine gives them, price criterion included), from the first
/// partner comparison that has such a candidate.
pub fn best_partner_quote(cards: &[Scorecard]) -> Option<(f64, String)> {
    cards
        .iter()
        .filter(|c| c.kind == ScorecardKind::Partner)
        .find_map(|card| {
            engine::evaluate(card)
                .results
                .iter()
                .filter(|r| r.rank.is_some())
                .filter_map(|r| card.candidate(r.candidate))
                .find_map(|c| {
                    c.monthly_price
                        .filter(|p| p.is_finite() && *p >= 0.0)
                        .map(|p| (p, c.name.trim().to_string()))
                })
        })
}

/// Whole engineers giving at least `need` person-weeks a month.
pub fn engineers_for(need: f64) -> u32 {
    if !need.is_finite() || need <= 0.0 {
        return 0;
    }
    // Tolerance so that exactly 2 × 52/12 needs 2 engineers, not 3.
    let n = (need / WEEKS_PER_MONTH - 1e-9).ceil();
    n.clamp(0.0, f64::from(u32::MAX)) as u32
}

/// The figures of all three options for `need` person-weeks a month.
pub fn compare(need: f64, costs: &Costs, quote: Option<(f64, QuoteSource)>) -> Comparison {
    let need = if need.is_finite() { need.max(0.0) } else { 0.0 };
    let a = Assumptions::from_costs(costs);
    let engineers = engineers_for(need);
    let n = f64::from(engineers);
    let hire = OptionCost {
        way: Way::Hire,
        monthly: a.salary.value * n,
        one_off: a.recruiting.value * n,
        months_to_start: a.months_to_start.value,
        months_to_full_speed: a.months_to_start.value + a.ramp_up.value,
    };
    let (partner, quote_source) = match quote.filter(|(q, _)| q.is_finite() && *q >= 0.0) {
        Some((q, source)) => (
            Some(OptionCost {
                way: Way::Partner,
                monthly: q,
                one_off: 0.0,
                months_to_start: PARTNER_MONTHS_TO_START,
                months_to_full_speed: PARTNER_MONTHS_TO_START,
            }),
            Some(source),
        ),
        None => (None, None),
    };
    let freelance = OptionCost {
        way: Way::Freelance,
        monthly: need * DAYS_PER_PERSON_WEEK * a.day_rate.value,
        one_off: 0.0,
        months_to_start: FREELANCE_MONTHS_TO_START,
        months_to_full_speed: FREELANCE_MONTHS_TO_START,
    };
    // Freelancers start soonest, so they win a tie with the partner.
    let now = match &partner {
        Some(p) if p.monthly < freelance.monthly => p,
        _ => &freelance,
    };
    let cheapest_now = now.way;
    let saving = now.monthly - hire.monthly;
    let hire_cheapest_after = (engineers > 0 && saving > 1e-9).then(|| {
        let payback = (hire.one_off / saving - 1e-9).ceil().max(0.0);
        let months = hire.months_to_full_speed.ceil() + payback;
        months.clamp(0.0, f64::from(u32::MAX)) as u32
    });
    Comparison {
        need,
        engineers,
        hire,
        partner,
        quote_source,
        freelance,
        cheapest_now,
        hire_cheapest_after,
    }
}

/// Months written with at most one decimal ("3", "0.5").
pub fn months_text(m: f64) -> String {
    engine::format_number(m, 1)
}

/// The page's sentence: what the numbers mean and what to do. `money` writes an amount with
/// the assessment's currency.
pub fn summary(c: &Comparison, money: &dyn Fn(f64) -> String) -> String {
    let weeks = engine::format_number(c.need, 1);
    if c.need <= 0.0 {
        return tr("sourcing.summary_no_need").to_string();
    }
    let cheapest = match (c.cheapest_now, &c.partner) {
        (Way::Partner, Some(p)) => p,
        _ => &c.freelance,
    };
    let now_key = match c.cheapest_now {
        Way::Partner => "sourcing.summary_partner_now",
        _ => "sourcing.summary_freelance_now",
    };
    let mut s = trf(
        now_key,
        &[("weeks", &weeks), ("cost", &money(cheapest.monthly))],
    );
    let start = months_text(c.hire.months_to_start);
    let engineers = c.engineers.to_string();
    let hire_cost = money(c.hire.monthly);
    let hire_sentence = match c.hire_cheapest_after {
        Some(after) => trf(
            "sourcing.summary_hire_later",
            &[
                ("engineers", &engineers),
                ("cost", &hire_cost),
                ("after", &after.to_string()),
                ("start", &start),
            ],
        ),
        None => trf(
            "sourcing.summary_hire_never",
            &[
                ("engineers", &engineers),
                ("cost", &hire_cost),
                ("start", &start),
            ],
        ),
    };
    s = trf(
        "sourcing.summary_join",
        &[("first", &s), ("second", &hire_sentence)],
    );
    if c.partner.is_none() {
        s = trf(
            "sourcing.summary_join",
            &[("first", &s), ("second", tr("sourcing.summary_no_quote"))],
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own() -> Costs {
        Costs {
            hire_monthly_salary: Some(7_000.0),
            hire_recruiting_cost: Some(5_000.0),
            hire_months_to_start: Some(3.0),
            hire_ramp_up_months: Some(2.0),
            freelance_day_rate: Some(500.0),
            ..Costs::default()
        }
    }

    fn money(v: f64) -> String {
        format!("{v:.0} EUR")
    }

    #[test]
    fn figures_match_a_hand_computation() {
        // 6 person-weeks a month: 6 ÷ 4.33 = 1.38 → 2 engineers.
        let c = compare(6.0, &own(), Some((12_000.0, QuoteSource::Typed)));
        assert_eq!(c.engineers, 2);
        assert_eq!(c.hire.monthly, 14_000.0); // 7,000 × 2
        assert_eq!(c.hire.one_off, 10_000.0); // 5,000 × 2
        assert_eq!(c.hire.months_to_start, 3.0);
        assert_eq!(c.hire.months_to_full_speed, 5.0);
        assert_eq!(c.freelance.monthly, 15_000.0); // 6 × 5 days × 500
        assert_eq!(c.partner.as_ref().map(|p| p.monthly), Some(12_000.0));
        assert_eq!(c.cheapest_now, Way::Partner);
        // The hire costs more a month than the partner: never cheapest.
        assert_eq!(c.hire_cheapest_after, None);
        let text = summary(&c, &money);
        assert!(
            text.starts_with(
                "For 6 person-weeks a month, a partner firm costs least now (12000 EUR a month)."
            ),
            "{text}"
        );
        assert!(text.contains("14000 EUR"), "{text}");
    }

    #[test]
    fn a_hire_becomes_cheapest_after_paying_back_recruiting() {
        // No quote; freelancers 6 × 5 × 800 = 24,000 a month; hire 14,000: saving 10,000 a
        // month repays 10,000 of recruiting in 1 month after full speed at 5 → 6 months.
        let mut costs = own();
        costs.freelance_day_rate = Some(800.0);
        let c = compare(6.0, &costs, None);
        assert_eq!(c.freelance.monthly, 24_000.0);
        assert_eq!(c.cheapest_now, Way::Freelance);
        assert_eq!(c.hire_cheapest_after, Some(6));
        let text = summary(&c, &money);
        assert_eq!(
            text,
            "For 6 person-weeks a month, freelancers cost least now (24000 EUR a month). \
             Hiring 2 engineers costs 14000 EUR a month and is the cheapest after 6 months, \
             but they start in 3 months. Add a partner quote to compare a firm too."
        );
        costs.freelance_day_rate = Some(500.0);
        costs.hire_monthly_salary = Some(5_000.0);
        // Hire 10,000 vs freelance 15,000: 10,000 ÷ 5,000 = 2 months after full speed → 7.
        let c = compare(6.0, &costs, None);
        assert_eq!(c.hire_cheapest_after, Some(7));
        // A hire cheaper per month but not yet in total: the sentence says when.
        costs.hire_monthly_salary = Some(7_200.0); // 14,400 vs 15,000: 600 a month saving.
        let c = compare(6.0, &costs, None);
        assert_eq!(c.hire_cheapest_after, Some(5 + 17));
        // A partner quote equal to the freelancers' cost: freelancers start sooner.
        let c = compare(6.0, &costs, Some((15_000.0, QuoteSource::Typed)));
        assert_eq!(c.cheapest_now, Way::Freelance);
        let c = compare(6.0, &costs, Some((14_999.0, QuoteSource::Typed)));
        assert_eq!(c.cheapest_now, Way::Partner); // ⌈10,000 ÷ 600⌉ = 17
    }

    #[test]
    fn defaults_apply_where_no_figure_is_given_and_exact_multiples_need_no_extra_engineer() {
        let a = Assumptions::from_costs(&Costs::default());
        assert_eq!(
            a.salary,
            Figure {
                value: DEFAULT_HIRE_MONTHLY_SALARY,
                own: false
            }
        );
        assert!(Assumptions::from_costs(&own()).salary.own);
        assert_eq!(engineers_for(2.0 * WEEKS_PER_MONTH), 2);
        assert_eq!(engineers_for(0.0), 0);
        assert_eq!(engineers_for(f64::NAN), 0);
        let c = compare(0.0, &Costs::default(), None);
        assert_eq!(c.hire.monthly, 0.0);
        assert_eq!(summary(&c, &money), tr("sourcing.summary_no_need"));
    }

    #[test]
    fn the_need_is_the_average_shortfall_of_short_months() {
        use crate::domain::team::Person;
        let team = Team {
            people: vec![Person {
                id: uuid::Uuid::nil(),
                name: "P".into(),
                role: "Engineer".into(),
                monthly_cost: None,
                roadmap_share: 100,
                skills: Default::default(),
            }],
            ..Team::default()
        };
        let months: Vec<NaiveDate> = (1..=3)
            .filter_map(|m| NaiveDate::from_ymd_opt(2027, m, 1))
            .collect();
        assert_eq!(plan_need(&team, &[], &months), (0.0, 0));
        // 20 person-weeks over 8 weeks from 1 January: 31 days in January, 25 in February.
        let mut i = Initiative::new(uuid::Uuid::nil(), "Rebuild");
        i.start = NaiveDate::from_ymd_opt(2027, 1, 1);
        i.duration_weeks = 8;
        i.effort_weeks = 20.0;
        let (need, short) = plan_need(&team, &[i], &months);
        assert_eq!(short, 2);
        // (20 − 2 × 52/12) ÷ 2 = 17/3.
        assert!((need - 17.0 / 3.0).abs() < 1e-9, "{need}");
    }
}
