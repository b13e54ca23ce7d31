//! Weighted scorecards: one engine for choosing an engineering partner and for choosing tools or
//! vendors. This file holds the data a founder enters; `engine` computes totals, gates, ranking
//! and weight sensitivity; `culture` computes cultural fit. Templates live in `content`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub mod culture;
pub mod engine;
pub mod price;

/// Scores run 0 to 5.
pub const MAX_SCORE: u8 = 5;
/// Weights are relative and run 0 to 100.
pub const MAX_WEIGHT: f64 = 100.0;
/// Positions on a culture dimension run 1 to 5 (one pole to the other).
pub const CULTURE_MAX: u8 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScorecardKind {
    /// A long-term engineering partner, scored on the partner criteria (the ten considerations and IP ownership).
    Partner,
    /// A third-party tool or vendor.
    Tool,
}

/// Which way an indicator is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The value must not exceed the threshold (e.g. return-call time ≤ 8 hours).
    AtMost,
    /// The value must reach the threshold (e.g. share of engineers with 3+ years ≥ 40 %).
    AtLeast,
}

/// A measurable fact behind a criterion, e.g. "time to return a call, hours, at most 8".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable within its criterion, e.g. "return-call-hours".
    pub id: String,
    pub name: String,
    pub unit: String,
    pub threshold: f64,
    pub direction: Direction,
    /// A gate: a candidate whose value misses the threshold fails, whatever its total. Otherwise
    /// the indicator is only reported.
    pub must_have: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id: a template's (e.g. "partner.mindshare") or "custom-<uuid>" for the user's own.
    pub id: String,
    pub name: String,
    pub description: String,
    /// Relative weight, 0 to 100.
    pub weight: f64,
    /// What scores 0 to 5 mean, six descriptions.
    pub levels: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// A must-have: candidates scoring below this (1 to 5), or missing an indicator threshold,
    /// fail the gate whatever their total.
    pub must_have: Option<u8>,
}

/// One candidate's score on one criterion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionScore {
    /// 0 to 5; `None` until scored (never counted as zero).
    pub score: Option<u8>,
    pub evidence: String,
    /// Measured indicator values keyed by indicator id.
    pub indicators: BTreeMap<String, f64>,
}

/// A candidate's fit with one aspect of the founder's operating model.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitScore {
    pub score: Option<u8>,
    pub evidence: String,
}

/// Scores frozen at a quarterly review of an engaged partner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: Uuid,
    pub date: NaiveDate,
    /// Score per criterion id at that date.
    pub scores: BTreeMap<String, u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    pub id: Uuid,
    pub name: String,
    pub notes: String,
    /// Keyed by criterion id.
    pub scores: BTreeMap<String, CriterionScore>,
    /// Position 1 to 5 per culture dimension id (partner scorecards).
    pub culture: BTreeMap<String, u8>,
    /// Fit per operating-model aspect id (partner scorecards).
    pub operating_fit: BTreeMap<String, FitScore>,
    /// Quarterly re-scorings, oldest first.
    pub reviews: Vec<Review>,
    /// The candidate's price per month, in the assessment's currency (a partner's quote, a
    /// tool's subscription); `None` until known.
    pub monthly_price: Option<f64>,
}

impl Candidate {
    pub fn new(id: Uuid, name: impl Into<String>) -> Self {
        Candidate {
            id,
            name: name.into(),
            notes: String::new(),
            scores: BTreeMap::new(),
            culture: BTreeMap::new(),
            operating_fit: BTreeMap::new(),
            reviews: Vec::new(),
            monthly_price: None,
        }
    }

    pub fn score(&self, criterion: &str) -> Option<u8> {
        self.scores.get(criterion).and_then(|s| s.score)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    pub id: Uuid,
    pub kind: ScorecardKind,
    pub name: String,
    pub criteria: Vec<Criterion>,
    pub candidates: Vec<Candidate>,
    /// The founder's own culture: position 1 to 5 per dimension id (partner scorecards).
    pub culture: BTreeMap<String, u8>,
    /// How product and engineering work today, per aspect id (partner scorecards).
    pub operating_model: BTreeMap<String, String>,
    /// Kind of project the partner would do, a template project-kind id; suggests the weight of
    /// domain expertise.
    pub project_kind: Option<String>,
}

impl Scorecard {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn candidate(&self, id: Uuid) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.id == id)
    }
}

/// The weighted total (0 to 100) of a set of scores under the card's current weights, counting
/// only scored criteria, as the engine does for live scores; used for past reviews.
pub fn weighted_total(card: &Scorecard, scores: &BTreeMap<String, u8>) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for c in &card.criteria {
        if let Some(s) = scores.get(&c.id) {
            // Same clamping as the engine, so a review and a live score never disagree.
            let w = engine::effective_weight(c.weight);
            num += w * f64::from((*s).min(MAX_SCORE)) / f64::from(MAX_SCORE);
            den += w;
        }
    }
    (den > 0.0).then(|| 100.0 * num / den)
}

/// Freezes a candidate's current scores as a review dated `date`.
pub fn review_of(candidate: &Candidate, id: Uuid, date: NaiveDate) -> Review {
    Review {
        id,
        date,
        scores: candidate
            .scores
            .iter()
            .filter_map(|(k, s)| s.score.map(|v| (k.clone(), v)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(id: &str, weight: f64) -> Criterion {
        Criterion {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            weight,
            levels: vec![String::new(); 6],
            indicators: vec![],
            must_have: None,
        }
    }

    #[test]
    fn review_totals_use_scored_criteria_only() {
        let card = Scorecard {
            id: Uuid::nil(),
            kind: ScorecardKind::Partner,
            name: "x".into(),
            criteria: vec![criterion("a", 30.0), criterion("b", 70.0)],
            candidates: vec![],
            culture: BTreeMap::new(),
            operating_model: BTreeMap::new(),
            project_kind: None,
        };
        let mut cand = Candidate::new(Uuid::nil(), "c");
        cand.scores.insert(
            "a".into(),
            CriterionScore {
                score: Some(5),
                ..Default::default()
            },
        );
        cand.scores.insert(
            "b".into(),
            CriterionScore {
                score: None,
                evidence: "x".into(),
                ..Default::default()
            },
        );
        let date = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let review = review_of(&cand, Uuid::nil(), date);
        assert_eq!(review.scores.len(), 1);
        assert_eq!(weighted_total(&card, &review.scores), Some(100.0));
        let mut both = review.scores.clone();
        both.insert("b".into(), 0);
        assert!((weighted_total(&card, &both).unwrap() - 30.0).abs() < 1e-9);
        assert_eq!(weighted_total(&card, &BTreeMap::new()), None);
    }
}
