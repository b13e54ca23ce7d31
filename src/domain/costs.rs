//! What the plan costs in money: the assessment's own cost assumptions (a rate per person-week,
//! and the figures behind "hire, partner or freelance"), each `None` until the founder gives one,
//! when the documented default in this module applies and is named where it is used.

use serde::{Deserialize, Serialize};

/// Largest amount accepted for any one cost assumption; beyond it a number is surely a typo.
pub const MAX_COST_FIGURE: f64 = 1.0e9;
/// Longest hiring or ramp-up time accepted, in months.
pub const MAX_MONTHS: f64 = 120.0;

/// The founder's own cost figures, in the assessment's currency. `None` means "not given".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// Cost of one person-week of work on the plan, used when the Team has no people with a
    /// monthly cost to derive it from.
    pub person_week_rate: Option<f64>,
    /// Monthly salary with on-costs of one engineer hired.
    pub hire_monthly_salary: Option<f64>,
    /// One-off cost of recruiting one engineer (agency fee, adverts, interview time).
    pub hire_recruiting_cost: Option<f64>,
    /// Months from deciding to hire to the engineer's first day.
    pub hire_months_to_start: Option<f64>,
    /// Months a new engineer needs to reach full productivity.
    pub hire_ramp_up_months: Option<f64>,
    /// Day rate of one freelance engineer.
    pub freelance_day_rate: Option<f64>,
}

impl Costs {
    /// Every figure with its field name, for validation and display.
    pub fn figures(&self) -> [(&'static str, Option<f64>); 6] {
        [
            ("person_week_rate", self.person_week_rate),
            ("hire_monthly_salary", self.hire_monthly_salary),
            ("hire_recruiting_cost", self.hire_recruiting_cost),
            ("hire_months_to_start", self.hire_months_to_start),
            ("hire_ramp_up_months", self.hire_ramp_up_months),
            ("freelance_day_rate", self.freelance_day_rate),
        ]
    }

    /// The largest value a figure accepts: months are bounded tighter than money.
    pub fn max_of(field: &str) -> f64 {
        if field.ends_with("_months") || field.ends_with("_to_start") {
            MAX_MONTHS
        } else {
            MAX_COST_FIGURE
        }
    }
}

/// Where the cost of a person-week comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RateBasis {
    /// Derived from this many people on the Team with a monthly cost.
    Team { people: usize },
    /// The rate the founder set in [`Costs::person_week_rate`].
    Set,
}

/// The cost of one person-week of roadmap work and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub per_week: f64,
    pub basis: RateBasis,
}

impl Rate {
    /// True when the rate comes from the Team's people, whose pay is already in the budget as
    /// payroll: their work on the roadmap is then not new spend.
    pub fn paid_by_payroll(self) -> bool {
        matches!(self.basis, RateBasis::Team { .. })
    }
}

/// The cost of one person-week of roadmap work:
///
/// - from the Team's people who have a monthly cost, when their shares of time add up to more
///   than nothing: `rate = Σ monthly_cost / Σ (52/12 × roadmap_share)`, both sums over those
///   people (52/12 weeks a month, the share as a fraction), so what the company pays them each
///   month is spread over the person-weeks they give the roadmap in that month;
/// - else the rate the founder set ([`Costs::person_week_rate`]);
/// - else `None`, and the UI asks for a rate.
///
/// Costs or rates that are not finite or below zero count as not given.
pub fn person_week_rate(a: &crate::domain::Assessment) -> Option<Rate> {
    use crate::domain::team::WEEKS_PER_MONTH;
    let paid: Vec<_> = a
        .team
        .people
        .iter()
        .filter_map(|p| {
            let cost = p.monthly_cost.filter(|c| c.is_finite() && *c >= 0.0)?;
            Some((cost, f64::from(p.roadmap_share.min(100)) / 100.0))
        })
        .collect();
    let cost: f64 = paid.iter().map(|(c, _)| c).sum();
    let weeks: f64 = paid.iter().map(|(_, s)| WEEKS_PER_MONTH * s).sum();
    if weeks > 0.0 && cost.is_finite() {
        return Some(Rate {
            per_week: cost / weeks,
            basis: RateBasis::Team { people: paid.len() },
        });
    }
    a.costs
        .person_week_rate
        .filter(|r| r.is_finite() && *r >= 0.0)
        .map(|per_week| Rate {
            per_week,
            basis: RateBasis::Set,
        })
}
