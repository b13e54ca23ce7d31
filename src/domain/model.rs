//! Assessment and company profile: the data a founder enters and a consultant reviews.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::answers::{Answer, AreaSettings};
use super::context::{DecisionRecord, InventoryItem, Stakeholder, Swot};
use super::kpi::{Goal, Kpi};
use super::scorecard::Scorecard;

/// Funding stage of the company; later sections derive default targets from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    #[default]
    #[serde(rename = "pre-seed")]
    PreSeed,
    #[serde(rename = "seed")]
    Seed,
    #[serde(rename = "series-a")]
    SeriesA,
    #[serde(rename = "series-b-plus")]
    SeriesBPlus,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::PreSeed,
        Stage::Seed,
        Stage::SeriesA,
        Stage::SeriesBPlus,
    ];

    /// The value written in files; stable once released.
    pub fn id(self) -> &'static str {
        match self {
            Stage::PreSeed => "pre-seed",
            Stage::Seed => "seed",
            Stage::SeriesA => "series-a",
            Stage::SeriesBPlus => "series-b-plus",
        }
    }

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::PreSeed => "Pre-seed",
            Stage::Seed => "Seed",
            Stage::SeriesA => "Series A",
            Stage::SeriesBPlus => "Series B or later",
        }
    }
}

/// What the company is and wants to become.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyProfile {
    pub company_name: String,
    pub stage: Stage,
    pub industry: String,
    /// People working on the product, employees and contractors; `None` until the founder says.
    pub team_size: Option<u32>,
    pub business_model: String,
    pub mission: String,
    pub vision: String,
}

/// Largest team size accepted; beyond it a number is surely a typo.
pub const MAX_TEAM_SIZE: u32 = 1_000_000;
/// Longest text accepted in one field, in characters; keeps files and storage bounded.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// One company's (or one client's) assessment: the unit a founder exports and a consultant reviews.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub id: Uuid,
    pub name: String,
    pub profile: CompanyProfile,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Answers keyed by question id. Ids this build does not know are kept, never dropped.
    pub answers: BTreeMap<String, Answer>,
    /// Per-area settings keyed by area id; an absent area has the defaults.
    pub areas: BTreeMap<String, AreaSettings>,
    pub swot: Swot,
    pub stakeholders: Vec<Stakeholder>,
    pub inventory: Vec<InventoryItem>,
    pub decisions: Vec<DecisionRecord>,
    /// Weighted scorecards for choosing engineering partners and tools.
    pub scorecards: Vec<Scorecard>,
    /// Objectives with key results.
    pub goals: Vec<Goal>,
    /// KPIs with their measurements.
    pub kpis: Vec<Kpi>,
}

impl Assessment {
    pub fn new(id: Uuid, name: impl Into<String>, now: DateTime<Utc>) -> Self {
        Assessment {
            id,
            name: name.into(),
            profile: CompanyProfile::default(),
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
            areas: BTreeMap::new(),
            swot: Swot::default(),
            stakeholders: Vec::new(),
            inventory: Vec::new(),
            decisions: Vec::new(),
            scorecards: Vec::new(),
            goals: Vec::new(),
            kpis: Vec::new(),
        }
    }

    /// The name shown in lists: the assessment's own name, else the company's, else a placeholder.
    pub fn display_name(&self) -> String {
        let name = self.name.trim();
        if !name.is_empty() {
            return name.to_string();
        }
        let company = self.profile.company_name.trim();
        if !company.is_empty() {
            return company.to_string();
        }
        "Untitled assessment".to_string()
    }

    /// Share of the profile's fields that are filled, as (filled, total).
    pub fn profile_completion(&self) -> (usize, usize) {
        let p = &self.profile;
        let texts = [
            &p.company_name,
            &p.industry,
            &p.business_model,
            &p.mission,
            &p.vision,
        ];
        let filled = texts.iter().filter(|t| !t.trim().is_empty()).count()
            + usize::from(p.team_size.is_some());
        // Stage always has a value, so it is not counted as something left to do.
        (filled, texts.len() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn stage_ids_round_trip_and_are_unique() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_id(s.id()), Some(s));
        }
        assert_eq!(Stage::from_id("series Z"), None);
        let json = serde_json::to_string(&Stage::SeriesBPlus).unwrap();
        assert_eq!(json, "\"series-b-plus\"");
    }

    #[test]
    fn display_name_falls_back_to_company_then_placeholder() {
        let mut a = Assessment::new(Uuid::nil(), "  ", at("2026-01-01T00:00:00Z"));
        assert_eq!(a.display_name(), "Untitled assessment");
        a.profile.company_name = "Acme".into();
        assert_eq!(a.display_name(), "Acme");
        a.name = "Q1 review".into();
        assert_eq!(a.display_name(), "Q1 review");
    }

    #[test]
    fn profile_completion_counts_filled_fields() {
        let mut a = Assessment::new(Uuid::nil(), "x", at("2026-01-01T00:00:00Z"));
        assert_eq!(a.profile_completion(), (0, 6));
        a.profile.industry = "Fintech".into();
        a.profile.team_size = Some(0);
        assert_eq!(a.profile_completion(), (2, 6));
    }
}
