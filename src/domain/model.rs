//! Assessment and company profile: the data a founder enters and a consultant reviews.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::answers::{Answer, AreaSettings};
use super::budget::Budget;
use super::context::{DecisionRecord, InventoryItem, Stakeholder, Swot};
use super::costs::Costs;
use super::kpi::{Goal, Kpi};
use super::report::ReportText;
use super::review::Review;
use super::risk::Risk;
use super::roadmap::Initiative;
use super::scorecard::Scorecard;
use super::shared::Shared;
use super::snapshot::Snapshot;
use super::team::Team;

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
    /// Not said yet: a file written by another tool without a stage, or a founder who chose "Not
    /// set". Targets are then a seed-stage company's ([`Stage::for_targets`]), and the pages that
    /// show targets say so.
    #[serde(rename = "unknown")]
    Unknown,
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
            Stage::Unknown => "unknown",
        }
    }

    /// Every stage a select offers: the four known ones, then "Not set".
    pub const CHOICES: [Stage; 5] = [
        Stage::PreSeed,
        Stage::Seed,
        Stage::SeriesA,
        Stage::SeriesBPlus,
        Stage::Unknown,
    ];

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::CHOICES.into_iter().find(|s| s.id() == id)
    }

    /// The stage whose default targets apply: a company whose stage is not set is compared with a
    /// seed-stage company, the most common stage of the companies that use the app, so every page
    /// still gives an answer; the pages showing targets say so.
    pub fn for_targets(self) -> Stage {
        match self {
            Stage::Unknown => Stage::Seed,
            known => known,
        }
    }

    /// Whether the founder (or the file) has not said the stage yet.
    pub fn is_unknown(self) -> bool {
        self == Stage::Unknown
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::PreSeed => "Pre-seed",
            Stage::Seed => "Seed",
            Stage::SeriesA => "Series A",
            Stage::SeriesBPlus => "Series B or later",
            Stage::Unknown => "Not set",
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
    /// ISO 4217 code every amount of the assessment is in (e.g. "USD", "EUR", "CNY"); empty until
    /// the founder chooses one, when amounts are shown without a currency.
    pub currency: String,
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
    pub scorecards: Shared<Vec<Scorecard>>,
    /// Objectives with key results.
    pub goals: Vec<Goal>,
    /// KPIs with their measurements.
    pub kpis: Shared<Vec<Kpi>>,
    /// The roadmap's initiatives.
    pub initiatives: Shared<Vec<Initiative>>,
    pub budget: Budget,
    pub team: Team,
    /// The founder's cost assumptions: a rate per person-week, hiring and freelance figures.
    pub costs: Costs,
    /// The risk register.
    pub risks: Shared<Vec<Risk>>,
    /// Consultants' reviews, one per reviewer: levels, comments and private notes per answer, a
    /// status per area, each credited to its reviewer.
    pub reviews: Vec<Review>,
    /// The board report's own words: an executive summary and recommendations.
    pub report: ReportText,
    /// The self-assessment frozen on dates, oldest first.
    pub snapshots: Shared<Vec<Snapshot>>,
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
            scorecards: Shared::default(),
            goals: Vec::new(),
            kpis: Shared::default(),
            initiatives: Shared::default(),
            budget: Budget::default(),
            team: Team::default(),
            costs: Costs::default(),
            risks: Shared::default(),
            reviews: Vec::new(),
            report: ReportText::default(),
            snapshots: Shared::default(),
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
        crate::i18n::tr("domain.model_untitled_assessment").to_string()
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

    /// Removes a goal and every link to it, so no initiative points at a goal that is gone.
    pub fn remove_goal(&mut self, id: Uuid) {
        self.goals.retain(|g| g.id != id);
        for i in &mut self.initiatives {
            i.goals.retain(|g| *g != id);
        }
    }

    /// Removes an initiative and every link to it: other initiatives' dependencies and risks'
    /// mitigations.
    pub fn remove_initiative(&mut self, id: Uuid) {
        self.initiatives.retain(|i| i.id != id);
        for i in &mut self.initiatives {
            i.depends_on.retain(|d| *d != id);
        }
        for r in &mut self.risks {
            r.initiatives.retain(|i| *i != id);
        }
    }

    /// Removes a person from the team; training planned for them stays, without a trainee.
    pub fn remove_person(&mut self, id: Uuid) {
        self.team.people.retain(|p| p.id != id);
        for c in &mut self.team.changes {
            if c.person == Some(id) {
                c.person = None;
            }
        }
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
        assert_eq!(Stage::from_id("unknown"), Some(Stage::Unknown));
        assert_eq!(Stage::Unknown.for_targets(), Stage::Seed);
        assert_eq!(Stage::SeriesA.for_targets(), Stage::SeriesA);
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

    #[test]
    fn removing_an_item_removes_every_link_to_it() {
        use crate::domain::kpi::Goal;
        use crate::domain::risk::Risk;
        use crate::domain::roadmap::Initiative;
        use crate::domain::team::{ChangeKind, Person, TeamChange};
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        let mut a = Assessment::new(Uuid::from_u128(1), "x", now);
        let (g, i1, i2, p) = (
            Uuid::from_u128(10),
            Uuid::from_u128(11),
            Uuid::from_u128(12),
            Uuid::from_u128(13),
        );
        a.goals.push(Goal {
            id: g,
            objective: "Grow".into(),
            description: String::new(),
            area: None,
            business_goal: true,
            target_date: None,
            key_results: Vec::new(),
        });
        let mut first = Initiative::new(i1, "First");
        first.goals = vec![g];
        let mut second = Initiative::new(i2, "Second");
        second.depends_on = vec![i1];
        second.goals = vec![g];
        a.initiatives = vec![first, second].into();
        let mut risk = Risk::new(Uuid::from_u128(14), "Outage");
        risk.initiatives = vec![i1, i2];
        a.risks = vec![risk].into();
        a.team.people.push(Person {
            id: p,
            name: "Ana".into(),
            role: "Engineer".into(),
            monthly_cost: None,
            roadmap_share: 50,
            skills: Default::default(),
        });
        a.team.changes.push(TeamChange {
            id: Uuid::from_u128(15),
            kind: ChangeKind::Training,
            title: "Security".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            person: Some(p),
            capacity_weeks: 0.0,
            monthly_cost: None,
            one_off_cost: Some(900.0),
            skills: Default::default(),
        });

        a.remove_goal(g);
        assert!(a.goals.is_empty());
        assert!(a.initiatives.iter().all(|i| i.goals.is_empty()));

        a.remove_initiative(i1);
        assert_eq!(a.initiatives.len(), 1);
        assert!(a.initiatives[0].depends_on.is_empty());
        assert_eq!(a.risks[0].initiatives, vec![i2]);

        a.remove_person(p);
        assert!(a.team.people.is_empty());
        assert_eq!(a.team.changes.len(), 1);
        assert_eq!(a.team.changes[0].person, None);
    }
}
