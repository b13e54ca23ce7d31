//! The technology budget: amounts agreed per quarter and category, running costs outside the
//! inventory (a partner's retainer, say), and the planned spend per quarter computed from the
//! initiatives, the team, the inventory and those running costs.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The four budget categories.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetCategory {
    #[default]
    People,
    ToolsVendors,
    Infrastructure,
    Partner,
}

impl BudgetCategory {
    pub const ALL: [BudgetCategory; 4] = [
        BudgetCategory::People,
        BudgetCategory::ToolsVendors,
        BudgetCategory::Infrastructure,
        BudgetCategory::Partner,
    ];

    /// The value written in files; stable once released.
    pub fn id(self) -> &'static str {
        match self {
            BudgetCategory::People => "people",
            BudgetCategory::ToolsVendors => "tools-vendors",
            BudgetCategory::Infrastructure => "infrastructure",
            BudgetCategory::Partner => "partner",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BudgetCategory::People => "People",
            BudgetCategory::ToolsVendors => "Tools and vendors",
            BudgetCategory::Infrastructure => "Infrastructure",
            BudgetCategory::Partner => "Partner",
        }
    }

    pub fn from_id(id: &str) -> Option<BudgetCategory> {
        BudgetCategory::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Position in [`BudgetCategory::ALL`], for per-category arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A calendar quarter, written in files as `"2026-Q3"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub q: u8,
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            q: (date.month0() / 3 + 1) as u8,
        }
    }

    /// First day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.q) * 3 - 2, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn next(self) -> Quarter {
        if self.q >= 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    pub fn parse(text: &str) -> Option<Quarter> {
        let (year, q) = text.trim().split_once("-Q")?;
        let year: i32 = year.parse().ok()?;
        let q: u8 = q.parse().ok()?;
        ((1..=4).contains(&q) && (1900..=9999).contains(&year)).then_some(Quarter { year, q })
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.q)
    }
}

impl TryFrom<String> for Quarter {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        // "2026-Q3" is the file's format for a quarter in every language.
        Quarter::parse(&value)
            .ok_or_else(|| crate::i18n::trf("domain.budget_not_a_quarter", &[("value", &value)]))
    }
}

impl From<Quarter> for String {
    fn from(q: Quarter) -> String {
        q.to_string()
    }
}

/// The amount agreed for one quarter, per category; `None` where nothing was agreed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuarterBudget {
    pub quarter: Quarter,
    pub people: Option<f64>,
    pub tools_vendors: Option<f64>,
    pub infrastructure: Option<f64>,
    pub partner: Option<f64>,
}

impl QuarterBudget {
    pub fn new(quarter: Quarter) -> Self {
        QuarterBudget {
            quarter,
            people: None,
            tools_vendors: None,
            infrastructure: None,
            partner: None,
        }
    }

    pub fn amount(&self, category: BudgetCategory) -> Option<f64> {
        match category {
            BudgetCategory::People => self.people,
            BudgetCategory::ToolsVendors => self.tools_vendors,
            BudgetCategory::Infrastructure => self.infrastructure,
            BudgetCategory::Partner => self.partner,
        }
    }

    pub fn amount_mut(&mut self, category: BudgetCategory) -> &mut Option<f64> {
        match category {
            BudgetCategory::People => &mut self.people,
            BudgetCategory::ToolsVendors => &mut self.tools_vendors,
            BudgetCategory::Infrastructure => &mut self.infrastructure,
            BudgetCategory::Partner => &mut self.partner,
        }
    }
}

/// A cost paid every month that is not in the technology inventory: a partner's retainer, a
/// fractional CTO, a support contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunningCost {
    pub id: Uuid,
    pub name: String,
    pub category: BudgetCategory,
    pub monthly: f64,
    pub start: NaiveDate,
    /// Last day paid; `None` while it goes on.
    pub end: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// One entry per quarter with an agreed budget, in any order, each quarter at most once.
    pub quarters: Vec<QuarterBudget>,
    pub running_costs: Vec<RunningCost>,
}

impl Budget {
    pub fn quarter(&self, q: Quarter) -> Option<&QuarterBudget> {
        self.quarters.iter().find(|b| b.quarter == q)
    }
}

// Logic lives below the data types so the types read as the file format they are.
pub mod plan;
pub mod standing;

pub use plan::{
    default_range, initiative_cost, initiative_totals, plan, undated_initiatives, InitiativeCost,
    QuarterPlan, Source,
};
pub use standing::{whole_parts, Standing, Verdict};
