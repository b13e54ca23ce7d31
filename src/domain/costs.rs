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
