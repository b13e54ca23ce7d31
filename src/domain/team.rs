//! The team: people with their skills and monthly cost, the hiring and training plan that adds
//! capacity and skills over time, and who is responsible and accountable for each role a
//! technical partnership covers. Logic lives in the submodules: `capacity` (person-weeks
//! available and asked for), `skills` (the skills matrix and its gaps) and `raci` (roles with
//! nobody responsible or accountable).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub mod capacity;
pub mod raci;
pub mod skills;

/// Highest skill level: 0 none, 1 learning, 2 works with help, 3 independent, 4 can teach.
pub const MAX_SKILL: u8 = 4;

/// Average weeks in a month (52 / 12), to turn a share of a month into person-weeks.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// Someone working on the technology, employee or contractor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    /// What the company pays per month; `None` when unknown.
    pub monthly_cost: Option<f64>,
    /// Share of their time available for roadmap work, in percent (0 to 100).
    pub roadmap_share: u8,
    /// Skill name → level 0 to [`MAX_SKILL`].
    pub skills: BTreeMap<String, u8>,
}

/// Kind of change in the team plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    #[default]
    Hire,
    Contractor,
    Training,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 3] = [
        ChangeKind::Hire,
        ChangeKind::Contractor,
        ChangeKind::Training,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::Hire => "hire",
            ChangeKind::Contractor => "contractor",
            ChangeKind::Training => "training",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Hire => "Hire",
            ChangeKind::Contractor => "Contractor",
            ChangeKind::Training => "Training",
        }
    }

    pub fn from_id(id: &str) -> Option<ChangeKind> {
        ChangeKind::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// A planned hire, contractor or training, effective from its date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamChange {
    pub id: Uuid,
    pub kind: ChangeKind,
    /// The role hired, or the training's subject.
    pub title: String,
    pub date: NaiveDate,
    /// For training: the person trained.
    pub person: Option<Uuid>,
    /// Person-weeks per month added to roadmap capacity from `date`.
    pub capacity_weeks: f64,
    /// Paid every month from `date` (a salary or a contractor's fee).
    pub monthly_cost: Option<f64>,
    /// Paid once in the month of `date` (a recruiting fee, a course).
    pub one_off_cost: Option<f64>,
    /// Skills the team gains from `date`: skill name → level.
    pub skills: BTreeMap<String, u8>,
}

/// Who takes part in delivering technology.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Party {
    Founder,
    InHouse,
    FractionalCto,
    Partner,
}

impl Party {
    pub const ALL: [Party; 4] = [
        Party::Founder,
        Party::InHouse,
        Party::FractionalCto,
        Party::Partner,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Party::Founder => "founder",
            Party::InHouse => "in-house",
            Party::FractionalCto => "fractional-cto",
            Party::Partner => "partner",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Party::Founder => "Founder",
            Party::InHouse => "In-house team",
            Party::FractionalCto => "Fractional CTO",
            Party::Partner => "Partner",
        }
    }

    pub fn from_id(id: &str) -> Option<Party> {
        Party::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// The roles a technical partnership covers, in the order shown: (id, label). The ids are keys
/// in users' files and never change.
pub const ROLES: [(&str, &str); 8] = [
    ("leadership", "Leadership"),
    ("product-development", "Product development"),
    ("design", "Design"),
    ("engineering", "Engineering"),
    ("testing", "Testing"),
    ("deployment", "Deployment"),
    ("maintenance", "Maintenance"),
    ("support", "Support"),
];

/// Who is responsible (does the work) and who is accountable (answers for it) for one role.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    pub responsible: Vec<Party>,
    pub accountable: Option<Party>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub people: Vec<Person>,
    pub changes: Vec<TeamChange>,
    /// Role id (from [`ROLES`]) → responsibility; an absent role has nobody yet.
    pub responsibilities: BTreeMap<String, Responsibility>,
}
