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
//! - Partner monthly cost = the quote (typed, or every priced partner candidate's monthly
//!   price, best-ranked first), taken as covering the need; starts after
//!   [`PARTNER_MONTHS_TO_START`]. The cheapest of them is the one compared.
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
use crate::domain::team::capacity::{assessment_monthly_capacity, monthly_demand};
use crate::domain::team::WEEKS_PER_MONTH;
use crate::domain::Assessment;
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
    /// Every partner quote, best-ranked (or typed) first; empty without a quote.
    pub partners: Vec<(OptionCost, QuoteSource)>,
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
/// months fall short. Capacity is the Team page's and the scheduler's
/// ([`assessment_monthly_capacity`]: the Profile's team size stands in until people are entered),
/// so this page never asks to buy what the Team page says fits.
pub fn plan_need(a: &Assessment, months: &[NaiveDate]) -> (f64, usize) {
    let initiatives: &[Initiative] = &a.initiatives;
    let short: Vec<f64> = months
        .iter()
        .map(|&m| monthly_demand(initiatives, m) - assessment_monthly_capacity(a, m))
        .filter(|gap| *gap > 1e-9)
        .collect();
    if short.is_empty() {
        (0.0, 0)
    } else {
        (short.iter().sum::<f64>() / short.len() as f64, short.len())
    }
}

/// The partner quotes to compare: the monthly price of every ranked partner candidate that has
/// one, best-ranked first (ranks as the scorecard engine gives them, price criterion included),
/// from the first partner comparison that has such a candidate.
pub fn partner_quotes(cards: &[Scorecard]) -> Vec<(f64, String)> {
    cards
        .iter()
        .filter(|c| c.kind == ScorecardKind::Partner)
        .map(|card| {
            engine::evaluate(card)
                .results
                .iter()
                .filter(|r| r.rank.is_some())
                .filter_map(|r| card.candidate(r.candidate))
                .filter_map(|c| {
                    c.monthly_price
                        .filter(|p| p.is_finite() && *p >= 0.0)
                        .map(|p| (p, c.name.trim().to_string()))
                })
                .collect::<Vec<_>>()
        })
        .find(|q| !q.is_empty())
        .unwrap_or_default()
}

/// The best-ranked partner candidate's quote, if any ([`partner_quotes`]' first).
pub fn best_partner_quote(cards: &[Scorecard]) -> Option<(f64, String)> {
    partner_quotes(cards).into_iter().next()
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

/// The figures of all three options for `need` person-weeks a month; `quotes` are the partner
/// quotes, best-ranked (or typed) first.
pub fn compare(need: f64, costs: &Costs, quotes: Vec<(f64, QuoteSource)>) -> Comparison {
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
    let partners: Vec<(OptionCost, QuoteSource)> = quotes
        .into_iter()
        .filter(|(q, _)| q.is_finite() && *q >= 0.0)
        .map(|(q, source)| {
            let cost = OptionCost {
                way: Way::Partner,
                monthly: q,
                one_off: 0.0,
                months_to_start: PARTNER_MONTHS_TO_START,
                months_to_full_speed: PARTNER_MONTHS_TO_START,
            };
            (cost, source)
        })
        .collect();
    let freelance = OptionCost {
        way: Way::Freelance,
        monthly: need * DAYS_PER_PERSON_WEEK * a.day_rate.value,
        one_off: 0.0,
        months_to_start: FREELANCE_MONTHS_TO_START,
        months_to_full_speed: FREELANCE_MONTHS_TO_START,
    };
    // Freelancers start soonest, so they win a tie with the partner.
    let now = match cheapest_partner_of(&partners) {
        Some((p, _)) if p.monthly < freelance.monthly => p,
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
        partners,
        freelance,
        cheapest_now,
        hire_cheapest_after,
    }
}

/// The lowest partner quote (the first of equals, so the better-ranked wins a tie).
fn cheapest_partner_of(
    partners: &[(OptionCost, QuoteSource)],
) -> Option<&(OptionCost, QuoteSource)> {
    partners
        .iter()
        .reduce(|a, b| if b.0.monthly < a.0.monthly { b } else { a })
}

impl Comparison {
    /// The cheapest partner quote and where it comes from.
    pub fn cheapest_partner(&self) -> Option<&(OptionCost, QuoteSource)> {
        cheapest_partner_of(&self.partners)
    }
}

/// `key_one` for 1, else `key_other`: the catalogue's plural keys.
fn plural(key: &str, n: u32) -> String {
    format!("{key}_{}", if n == 1 { "one" } else { "other" })
}

/// Months written with at most one decimal ("3", "0.5").
pub fn months_text(m: f64) -> String {
    engine::format_number(m, 1)
}

/// Of the months looked at, how many fall short: the need is the average over those, so a
/// short peak is not a steady need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub short: usize,
    pub of: usize,
}

/// The page's sentence: what the numbers mean and what to do. `money` writes an amount with
/// the assessment's currency. `shortfall` is given when the need comes from the plan (not typed).
pub fn summary(
    c: &Comparison,
    shortfall: Option<Shortfall>,
    money: &dyn Fn(f64) -> String,
) -> String {
    let weeks = engine::format_number(c.need, 1);
    if c.need <= 0.0 {
        return tr("sourcing.summary_no_need").to_string();
    }
    let mut s = match (c.cheapest_now, c.cheapest_partner()) {
        (Way::Partner, Some((p, QuoteSource::Candidate(name)))) => trf(
            "sourcing.summary_named_partner_now",
            &[
                ("weeks", &weeks),
                ("name", name),
                ("cost", &money(p.monthly)),
            ],
        ),
        (Way::Partner, Some((p, _))) => trf(
            "sourcing.summary_partner_now",
            &[("weeks", &weeks), ("cost", &money(p.monthly))],
        ),
        _ => trf(
            "sourcing.summary_freelance_now",
            &[("weeks", &weeks), ("cost", &money(c.freelance.monthly))],
        ),
    };
    // A need met in only some months is a peak: say so, and never promise a hire's payback
    // over more months than the shortfall lasts.
    let peak = shortfall.filter(|f| f.short < f.of);
    if let Some(f) = peak {
        s = trf(
            "sourcing.summary_join",
            &[
                ("first", &s),
                (
                    "second",
                    &trf(
                        "sourcing.summary_short_months",
                        &[("short", &f.short.to_string()), ("of", &f.of.to_string())],
                    ),
                ),
            ],
        );
    }
    let start = months_text(c.hire.months_to_start);
    let engineers = c.engineers.to_string();
    let hire_cost = money(c.hire.monthly);
    let after = c
        .hire_cheapest_after
        .filter(|after| peak.is_none_or(|f| (*after as usize) <= f.short));
    let hire_sentence = match (after, c.hire_cheapest_after) {
        (None, Some(after)) => trf(
            &plural("sourcing.summary_hire_peak", c.engineers),
            &[
                ("engineers", &engineers),
                ("cost", &hire_cost),
                ("after", &after.to_string()),
                ("start", &start),
            ],
        ),
        (Some(after), _) => trf(
            &plural("sourcing.summary_hire_later", c.engineers),
            &[
                ("engineers", &engineers),
                ("cost", &hire_cost),
                ("after", &after.to_string()),
                ("start", &start),
            ],
        ),
        (None, None) => trf(
            &plural("sourcing.summary_hire_never", c.engineers),
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
    if c.partners.is_empty() {
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

    /// An initiative starting on `day` January 2027.
    fn initiative(day: u32, weeks: u32, effort: f64) -> Initiative {
        let mut i = Initiative::new(uuid::Uuid::nil(), "Plan");
        i.start = NaiveDate::from_ymd_opt(2027, 1, day);
        i.duration_weeks = weeks;
        i.effort_weeks = effort;
        i
    }

    fn assessment() -> Assessment {
        use chrono::TimeZone;
        let now = chrono::Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        Assessment::new(uuid::Uuid::nil(), "A", now)
    }

    #[test]
    fn figures_match_a_hand_computation() {
        // 6 person-weeks a month: 6 ÷ 4.33 = 1.38 → 2 engineers.
        let c = compare(6.0, &own(), vec![(12_000.0, QuoteSource::Typed)]);
        assert_eq!(c.engineers, 2);
        assert_eq!(c.hire.monthly, 14_000.0); // 7,000 × 2
        assert_eq!(c.hire.one_off, 10_000.0); // 5,000 × 2
        assert_eq!(c.hire.months_to_start, 3.0);
        assert_eq!(c.hire.months_to_full_speed, 5.0);
        assert_eq!(c.freelance.monthly, 15_000.0); // 6 × 5 days × 500
        assert_eq!(c.cheapest_partner().map(|p| p.0.monthly), Some(12_000.0));
        assert_eq!(c.cheapest_now, Way::Partner);
        // The hire costs more a month than the partner: never cheapest.
        assert_eq!(c.hire_cheapest_after, None);
        let text = summary(&c, None, &money);
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
        let c = compare(6.0, &costs, vec![]);
        assert_eq!(c.freelance.monthly, 24_000.0);
        assert_eq!(c.cheapest_now, Way::Freelance);
        assert_eq!(c.hire_cheapest_after, Some(6));
        let text = summary(&c, None, &money);
        assert_eq!(
            text,
            "For 6 person-weeks a month, freelancers cost least now (24000 EUR a month). \
             Hiring 2 engineers costs 14000 EUR a month and is the cheapest after 6 months, \
             but they start in 3 months. Add a partner quote to compare a firm too."
        );
        costs.freelance_day_rate = Some(500.0);
        costs.hire_monthly_salary = Some(5_000.0);
        // Hire 10,000 vs freelance 15,000: 10,000 ÷ 5,000 = 2 months after full speed → 7.
        let c = compare(6.0, &costs, vec![]);
        assert_eq!(c.hire_cheapest_after, Some(7));
        // A hire cheaper per month but not yet in total: the sentence says when.
        costs.hire_monthly_salary = Some(7_200.0); // 14,400 vs 15,000: 600 a month saving.
        let c = compare(6.0, &costs, vec![]);
        assert_eq!(c.hire_cheapest_after, Some(5 + 17));
        // A partner quote equal to the freelancers' cost: freelancers start sooner.
        let c = compare(6.0, &costs, vec![(15_000.0, QuoteSource::Typed)]);
        assert_eq!(c.cheapest_now, Way::Freelance);
        let c = compare(6.0, &costs, vec![(14_999.0, QuoteSource::Typed)]);
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
        let c = compare(0.0, &Costs::default(), vec![]);
        assert_eq!(c.hire.monthly, 0.0);
        assert_eq!(summary(&c, None, &money), tr("sourcing.summary_no_need"));
    }

    #[test]
    fn the_need_is_the_average_shortfall_of_short_months() {
        use crate::domain::team::{Person, Team};
        let mut a = assessment();
        a.team = Team {
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
        assert_eq!(plan_need(&a, &months), (0.0, 0));
        // 20 person-weeks over 8 weeks from 1 January: 31 days in January, 25 in February.
        a.initiatives = vec![initiative(1, 8, 20.0)].into();
        let (need, short) = plan_need(&a, &months);
        assert_eq!(short, 2);
        // (20 − 2 × 52/12) ÷ 2 = 17/3.
        assert!((need - 17.0 / 3.0).abs() < 1e-9, "{need}");
    }

    /// The founder's case: a seed company of 4 in the Profile, nobody on the Team page, a plan of
    /// 4 person-weeks. The Team page says it fits (4 × 52/12 = 17.3 a month), so nothing to buy.
    #[test]
    fn the_profiles_team_size_counts_as_capacity_when_no_people_are_entered() {
        let mut a = assessment();
        a.profile.team_size = Some(4);
        a.initiatives = vec![initiative(4, 4, 4.0)].into();
        let months: Vec<NaiveDate> = (1..=12)
            .filter_map(|m| NaiveDate::from_ymd_opt(2027, m, 1))
            .collect();
        assert_eq!(plan_need(&a, &months), (0.0, 0));
        let c = compare(0.0, &Costs::default(), vec![]);
        assert_eq!(c.engineers, 0);
        assert!(summary(&c, Some(Shortfall { short: 0, of: 12 }), &money)
            .starts_with("Your team can do the planned work; nothing to buy now."));
        // A team of 1 (4.3 a month) falls short of 8 person-weeks in January only.
        a.profile.team_size = Some(1);
        a.initiatives = vec![initiative(4, 4, 8.0)].into();
        let (need, short) = plan_need(&a, &months);
        assert_eq!(short, 1);
        assert!(need > 0.0);
    }

    #[test]
    fn a_shortfall_in_one_month_is_not_a_steady_need_for_a_hire() {
        // Freelancers 24,000 a month, hire 14,000: cheapest after 6 months if the need lasted.
        let mut costs = own();
        costs.freelance_day_rate = Some(800.0);
        let c = compare(6.0, &costs, vec![]);
        assert_eq!(c.hire_cheapest_after, Some(6));
        let text = summary(&c, Some(Shortfall { short: 1, of: 12 }), &money);
        assert_eq!(
            text,
            "For 6 person-weeks a month, freelancers cost least now (24000 EUR a month). \
             Your plan asks for more than the team has in only 1 of the next 12 months. \
             Hiring 2 engineers costs 14000 EUR a month and would only be the cheapest after 6 \
             months of steady need, so it does not pay for a short peak. \
             Add a partner quote to compare a firm too."
        );
        // A steady shortfall keeps the payback sentence.
        let text = summary(&c, Some(Shortfall { short: 12, of: 12 }), &money);
        assert!(text.contains("is the cheapest after 6 months"), "{text}");
        // One engineer is written in the singular.
        let c = compare(3.0, &costs, vec![]);
        assert!(summary(&c, None, &money).contains("Hiring 1 engineer costs"));
    }

    #[test]
    fn every_partner_quote_counts_and_the_cheapest_is_named() {
        let c = compare(
            4.0,
            &Costs::default(),
            vec![
                (14_000.0, QuoteSource::Candidate("Nordcode GmbH".into())),
                (9_500.0, QuoteSource::Candidate("Pixelforge".into())),
            ],
        );
        // Freelancers: 4 × 5 × 600 = 12,000; Pixelforge's 9,500 is less.
        assert_eq!(c.freelance.monthly, 12_000.0);
        assert_eq!(c.partners.len(), 2);
        assert_eq!(c.cheapest_now, Way::Partner);
        assert_eq!(c.cheapest_partner().map(|p| p.0.monthly), Some(9_500.0));
        let text = summary(&c, None, &money);
        assert!(
            text.starts_with(
                "For 4 person-weeks a month, the partner firm Pixelforge costs least now \
                 (9500 EUR a month)."
            ),
            "{text}"
        );
    }
}
