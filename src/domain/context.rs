//! The company's context around the assessment: SWOT, stakeholders, the technology inventory and
//! stack decision records. Lists are keyed by uuid so edits and merges match items by identity.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One line of the SWOT; `area` links a proposed strength or weakness to its area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwotItem {
    pub id: Uuid,
    pub text: String,
    pub area: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Swot {
    pub strengths: Vec<SwotItem>,
    pub weaknesses: Vec<SwotItem>,
    pub opportunities: Vec<SwotItem>,
    pub threats: Vec<SwotItem>,
}

/// The four SWOT quadrants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::Strengths,
        Quadrant::Weaknesses,
        Quadrant::Opportunities,
        Quadrant::Threats,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Quadrant::Strengths => "Strengths",
            Quadrant::Weaknesses => "Weaknesses",
            Quadrant::Opportunities => "Opportunities",
            Quadrant::Threats => "Threats",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Quadrant::Strengths => "strengths",
            Quadrant::Weaknesses => "weaknesses",
            Quadrant::Opportunities => "opportunities",
            Quadrant::Threats => "threats",
        }
    }
}

impl Swot {
    pub fn items(&self, q: Quadrant) -> &Vec<SwotItem> {
        match q {
            Quadrant::Strengths => &self.strengths,
            Quadrant::Weaknesses => &self.weaknesses,
            Quadrant::Opportunities => &self.opportunities,
            Quadrant::Threats => &self.threats,
        }
    }

    pub fn items_mut(&mut self, q: Quadrant) -> &mut Vec<SwotItem> {
        match q {
            Quadrant::Strengths => &mut self.strengths,
            Quadrant::Weaknesses => &mut self.weaknesses,
            Quadrant::Opportunities => &mut self.opportunities,
            Quadrant::Threats => &mut self.threats,
        }
    }
}

/// Low / medium / high, for a stakeholder's interest and influence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Degree {
    Low,
    #[default]
    Medium,
    High,
}

impl Degree {
    pub const ALL: [Degree; 3] = [Degree::Low, Degree::Medium, Degree::High];

    pub fn id(self) -> &'static str {
        match self {
            Degree::Low => "low",
            Degree::Medium => "medium",
            Degree::High => "high",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Degree::Low => "Low",
            Degree::Medium => "Medium",
            Degree::High => "High",
        }
    }

    pub fn from_id(id: &str) -> Option<Degree> {
        Degree::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// Someone with a stake in technology decisions: executives, board, investors, customers...
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub interest: Degree,
    pub influence: Degree,
    /// Their part in technology decisions, e.g. "approves the budget".
    pub part: String,
}

/// The four inventory categories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Hardware,
    #[default]
    Software,
    Networking,
    Storage,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Hardware,
        Category::Software,
        Category::Networking,
        Category::Storage,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Hardware => "hardware",
            Category::Software => "software",
            Category::Networking => "networking",
            Category::Storage => "storage",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Hardware => "Hardware",
            Category::Software => "Software",
            Category::Networking => "Networking",
            Category::Storage => "Storage",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// Where an inventory item is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lifecycle {
    Planned,
    #[default]
    Active,
    Sunsetting,
    Retired,
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 4] = [
        Lifecycle::Planned,
        Lifecycle::Active,
        Lifecycle::Sunsetting,
        Lifecycle::Retired,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Lifecycle::Planned => "planned",
            Lifecycle::Active => "active",
            Lifecycle::Sunsetting => "sunsetting",
            Lifecycle::Retired => "retired",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Lifecycle::Planned => "Planned",
            Lifecycle::Active => "In use",
            Lifecycle::Sunsetting => "Being phased out",
            Lifecycle::Retired => "Retired",
        }
    }

    pub fn from_id(id: &str) -> Option<Lifecycle> {
        Lifecycle::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// Largest monthly cost accepted for one inventory item; beyond it a number is surely a typo.
pub const MAX_MONTHLY_COST: f64 = 1.0e9;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryItem {
    pub id: Uuid,
    pub category: Category,
    pub name: String,
    pub owner: String,
    /// Running cost per month in the company's currency; `None` when unknown.
    pub monthly_cost: Option<f64>,
    pub lifecycle: Lifecycle,
}

/// Status of a stack decision record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionStatus {
    #[default]
    Proposed,
    Accepted,
    Superseded,
    Rejected,
}

impl DecisionStatus {
    pub const ALL: [DecisionStatus; 4] = [
        DecisionStatus::Proposed,
        DecisionStatus::Accepted,
        DecisionStatus::Superseded,
        DecisionStatus::Rejected,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DecisionStatus::Proposed => "proposed",
            DecisionStatus::Accepted => "accepted",
            DecisionStatus::Superseded => "superseded",
            DecisionStatus::Rejected => "rejected",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionStatus::Proposed => "Proposed",
            DecisionStatus::Accepted => "Accepted",
            DecisionStatus::Superseded => "Superseded",
            DecisionStatus::Rejected => "Rejected",
        }
    }

    pub fn from_id(id: &str) -> Option<DecisionStatus> {
        DecisionStatus::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// A short record of a stack decision: what was decided, why, and what else was considered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRecord {
    pub id: Uuid,
    pub title: String,
    pub decision: String,
    pub context: String,
    pub alternatives: String,
    pub status: DecisionStatus,
    pub date: Option<NaiveDate>,
}

/// Monthly running cost of the inventory per category, counting items in use or being phased out.
pub fn monthly_cost_by_category(items: &[InventoryItem]) -> Vec<(Category, f64)> {
    Category::ALL
        .into_iter()
        .map(|c| {
            let sum = items
                .iter()
                .filter(|i| {
                    i.category == c
                        && matches!(i.lifecycle, Lifecycle::Active | Lifecycle::Sunsetting)
                })
                .filter_map(|i| i.monthly_cost)
                .sum();
            (c, sum)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_cost_counts_running_items_only() {
        let item = |category, cost, lifecycle| InventoryItem {
            id: Uuid::new_v4(),
            category,
            name: "x".into(),
            owner: String::new(),
            monthly_cost: cost,
            lifecycle,
        };
        let items = vec![
            item(Category::Software, Some(100.0), Lifecycle::Active),
            item(Category::Software, Some(50.0), Lifecycle::Sunsetting),
            item(Category::Software, Some(999.0), Lifecycle::Retired),
            item(Category::Software, None, Lifecycle::Active),
            item(Category::Storage, Some(20.0), Lifecycle::Planned),
        ];
        let costs = monthly_cost_by_category(&items);
        assert_eq!(costs[1], (Category::Software, 150.0));
        assert_eq!(costs[3], (Category::Storage, 0.0));
    }
}
