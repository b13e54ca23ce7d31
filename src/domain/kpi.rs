//! Goals, key results and KPIs with their measurements: the data a founder enters. Logic lives in
//! the submodules: `trend` (least squares, projection, status), `smart` (SMART checks), `csv`
//! (paste and export), `downsample` (long series for plots). Presets (DORA and others) are content.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub mod csv;
pub mod downsample;
pub mod smart;
pub mod trend;

/// Which way a KPI improves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    #[default]
    Business,
    Delivery,
    Reliability,
    ProductUx,
    Team,
    Partner,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Business,
        Category::Delivery,
        Category::Reliability,
        Category::ProductUx,
        Category::Team,
        Category::Partner,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Business => "business",
            Category::Delivery => "delivery",
            Category::Reliability => "reliability",
            Category::ProductUx => "product-ux",
            Category::Team => "team",
            Category::Partner => "partner",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Business => "Business",
            Category::Delivery => "Delivery",
            Category::Reliability => "Reliability",
            Category::ProductUx => "Product and UX",
            Category::Team => "Team",
            Category::Partner => "Partner",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    Weekly,
    #[default]
    Monthly,
    Quarterly,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Cadence::Weekly, Cadence::Monthly, Cadence::Quarterly];

    pub fn id(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Weekly => "Weekly",
            Cadence::Monthly => "Monthly",
            Cadence::Quarterly => "Quarterly",
        }
    }

    pub fn from_id(id: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// A dated value: a baseline, a target or a measurement.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    pub date: NaiveDate,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub id: Uuid,
    pub date: NaiveDate,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline: Option<DatedValue>,
    pub target: Option<DatedValue>,
    pub owner: String,
    pub cadence: Cadence,
    pub category: Category,
    /// The preset this KPI was made from (e.g. "dora.lead-time"), which brings benchmark bands.
    pub preset: Option<String>,
    /// Kept sorted by date.
    pub measurements: Vec<Measurement>,
}

impl Kpi {
    pub fn new(id: Uuid, name: impl Into<String>) -> Self {
        Kpi {
            id,
            name: name.into(),
            description: String::new(),
            unit: String::new(),
            direction: Direction::Higher,
            baseline: None,
            target: None,
            owner: String::new(),
            cadence: Cadence::Monthly,
            category: Category::Business,
            preset: None,
            measurements: Vec::new(),
        }
    }

    /// Puts measurements in date order (stable, so same-day entries keep their order).
    pub fn sort_measurements(&mut self) {
        self.measurements.sort_by_key(|m| m.date);
    }
}

/// A measurable result under an objective, tracked by a KPI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyResult {
    pub id: Uuid,
    pub text: String,
    pub kpi: Option<Uuid>,
}

/// A business goal as an objective with key results (OKR).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: Uuid,
    pub objective: String,
    pub description: String,
    /// Assessment area this goal serves, if any (an area id).
    pub area: Option<String>,
    /// True when the goal is one of the company's business goals (not only a technology goal).
    pub business_goal: bool,
    pub target_date: Option<NaiveDate>,
    pub key_results: Vec<KeyResult>,
}
