//! The price criterion: a scorecard criterion whose scores are derived from the candidates'
//! monthly prices instead of typed, so a price is stored once (on the candidate) and never as a
//! duplicate score. The cheapest candidate scores best:
//! `score = 5 × cheapest ÷ price`, rounded to a whole score (0 to 5). Candidates without a price
//! stay unscored (never 0), so the engine's totals skip the criterion for them. A price of 0 is
//! the cheapest possible and scores 5 (the others then score 0).
//!
//! The engine applies [`with_derived`] before computing totals, gates, ranking and sensitivity;
//! nothing here touches the browser.

use std::borrow::Cow;
use std::collections::BTreeMap;

use uuid::Uuid;

use crate::i18n::{tr, trf};

use super::{Candidate, Criterion, Scorecard, MAX_SCORE};

/// Id of the derived price criterion in a scorecard's criteria.
pub const PRICE_CRITERION: &str = "price";
/// Weight given to the price criterion when a first price adds it to a card.
pub const DEFAULT_PRICE_WEIGHT: f64 = 10.0;

/// A usable price: finite and not negative.
fn price_of(candidate: &Candidate) -> Option<f64> {
    candidate
        .monthly_price
        .filter(|p| p.is_finite() && *p >= 0.0)
}

/// The lowest usable price among the candidates, if any has one.
pub fn cheapest(candidates: &[Candidate]) -> Option<f64> {
    candidates.iter().filter_map(price_of).reduce(f64::min)
}

/// The derived score of one price against the cheapest: `5 × cheapest ÷ price`, rounded.
pub fn score_for(price: f64, cheapest: f64) -> u8 {
    if price <= 0.0 {
        return MAX_SCORE;
    }
    let raw = f64::from(MAX_SCORE) * (cheapest / price);
    // Clamped before the cast, so the cast cannot truncate.
    raw.round().clamp(0.0, f64::from(MAX_SCORE)) as u8
}

/// Every candidate's derived price score, `None` for candidates without a price.
pub fn price_scores(candidates: &[Candidate]) -> BTreeMap<Uuid, Option<u8>> {
    let low = cheapest(candidates);
    candidates
        .iter()
        .map(|c| (c.id, price_of(c).zip(low).map(|(p, l)| score_for(p, l))))
        .collect()
}

/// The decision's money: the leader's monthly price and, when another candidate is cheaper,
/// by how much ("Nordcode leads at €14,000 a month; Pixelforge is €4,500 a month cheaper").
/// `None` when there is no leader or the leader has no price. `money` writes an amount with the
/// assessment's currency.
pub fn leader_price_sentence(
    card: &Scorecard,
    leader: Option<Uuid>,
    money: &dyn Fn(f64) -> String,
) -> Option<String> {
    let leader = card.candidate(leader?)?;
    let price = price_of(leader)?;
    let cheapest = card
        .candidates
        .iter()
        .filter_map(|c| price_of(c).map(|p| (p, c)))
        .reduce(|a, b| if b.0 < a.0 { b } else { a });
    let name = leader.name.trim();
    Some(match cheapest {
        Some((low, other)) if low < price && other.id != leader.id => trf(
            "sourcing.leader_price_cheaper",
            &[
                ("leader", name),
                ("price", &money(price)),
                ("cheapest", other.name.trim()),
                ("saving", &money(price - low)),
            ],
        ),
        _ => trf(
            "sourcing.leader_price_cheapest",
            &[("leader", name), ("price", &money(price))],
        ),
    })
}

/// Whether the card has the price criterion.
pub fn has_price_criterion(card: &Scorecard) -> bool {
    card.criterion(PRICE_CRITERION).is_some()
}

/// The card as the engine reads it: when it has the price criterion, each candidate's score on
/// it is the derived one (a score stored there, e.g. by a hand-edited file, is ignored); other
/// scores, evidence and indicator values stay as they are.
pub fn with_derived(card: &Scorecard) -> Cow<'_, Scorecard> {
    if !has_price_criterion(card) {
        return Cow::Borrowed(card);
    }
    let scores = price_scores(&card.candidates);
    let mut out = card.clone();
    for cand in &mut out.candidates {
        let derived = scores.get(&cand.id).copied().flatten();
        let entry = cand.scores.entry(PRICE_CRITERION.to_string()).or_default();
        entry.score = derived;
    }
    Cow::Owned(out)
}

/// Every candidate's scores in criterion order, candidates in card order, as the engine's totals
/// read them (derived price scores included), for the chart: it must never show "–" for a
/// price score that counts in the totals.
pub fn scores_as_counted(card: &Scorecard) -> Vec<Vec<Option<u8>>> {
    let card = with_derived(card);
    card.candidates
        .iter()
        .map(|cand| card.criteria.iter().map(|k| cand.score(&k.id)).collect())
        .collect()
}

/// A new price criterion, named in the language in use.
pub fn new_criterion() -> Criterion {
    Criterion {
        id: PRICE_CRITERION.to_string(),
        name: tr("sourcing.price_criterion_name").to_string(),
        description: tr("sourcing.price_criterion_description").to_string(),
        weight: DEFAULT_PRICE_WEIGHT,
        levels: vec![String::new(); usize::from(MAX_SCORE) + 1],
        indicators: Vec::new(),
        must_have: None,
    }
}

/// Sets a candidate's monthly price and, when a price is given and the card has no price
/// criterion yet, adds one, so the price feeds the decision without a second step.
pub fn set_price(card: &mut Scorecard, candidate: Uuid, price: Option<f64>) {
    if let Some(c) = card.candidates.iter_mut().find(|c| c.id == candidate) {
        c.monthly_price = price;
    }
    if price.is_some() && !has_price_criterion(card) {
        card.criteria.push(new_criterion());
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::{engine, ScorecardKind};
    use super::*;

    fn card(prices: &[Option<f64>]) -> Scorecard {
        let mut card = Scorecard {
            id: Uuid::nil(),
            kind: ScorecardKind::Partner,
            name: "c".into(),
            criteria: vec![],
            candidates: vec![],
            culture: BTreeMap::new(),
            operating_model: BTreeMap::new(),
            project_kind: None,
        };
        for (i, p) in prices.iter().enumerate() {
            let id = Uuid::from_u128(i as u128 + 1);
            card.candidates.push(Candidate::new(id, format!("c{i}")));
            set_price(&mut card, id, *p);
        }
        card
    }

    #[test]
    fn cheapest_scores_best_and_missing_prices_stay_unscored() {
        // 5 × 8000/8000 = 5; 5 × 8000/12000 = 3.33 → 3; 5 × 8000/20000 = 2; 5 × 8000/50000 = 0.8 → 1.
        let c = card(&[
            Some(12_000.0),
            Some(8_000.0),
            None,
            Some(20_000.0),
            Some(50_000.0),
        ]);
        let s = price_scores(&c.candidates);
        let got: Vec<Option<u8>> = c.candidates.iter().map(|x| s[&x.id]).collect();
        assert_eq!(got, vec![Some(3), Some(5), None, Some(2), Some(1)]);
        assert_eq!(cheapest(&c.candidates), Some(8_000.0));
    }

    #[test]
    fn a_first_price_adds_the_criterion_once_and_the_engine_uses_derived_scores() {
        let mut c = card(&[None, None]);
        assert!(!has_price_criterion(&c));
        let (a, b) = (c.candidates[0].id, c.candidates[1].id);
        set_price(&mut c, a, Some(10_000.0));
        set_price(&mut c, b, Some(5_000.0));
        assert_eq!(c.criteria.len(), 1, "added once");
        assert_eq!(c.criteria[0].id, PRICE_CRITERION);
        // A stored score on the price criterion is ignored: the prices decide.
        c.candidates[0]
            .scores
            .entry(PRICE_CRITERION.into())
            .or_default()
            .score = Some(5);
        let out = engine::evaluate(&c);
        assert_eq!(out.winner, Some(b));
        // a: 5 × 5000/10000 = 2.5 → 3 (rounded half away from zero) → total 60.
        let ra = out.result(a).and_then(|r| r.total).unwrap_or(-1.0);
        assert!((ra - 60.0).abs() < 1e-9, "{ra}");
        // Without a price a candidate has no total from the price criterion (not 0).
        set_price(&mut c, a, None);
        let out = engine::evaluate(&c);
        assert_eq!(out.result(a).and_then(|r| r.total), None);
        assert_eq!(
            out.result(a).map(|r| r.missing.clone()),
            Some(vec![PRICE_CRITERION.to_string()])
        );
        // Sensitivity reads the derived scores too: b is the winner on price alone.
        assert_eq!(engine::sensitivity(&c).len(), 1);
    }

    #[test]
    fn the_chart_gets_the_derived_price_scores_the_totals_use() {
        let c = card(&[Some(14_000.0), Some(9_500.0), None]);
        let at = c
            .criteria
            .iter()
            .position(|k| k.id == PRICE_CRITERION)
            .unwrap();
        let scores = scores_as_counted(&c);
        // 5 × 9,500 ÷ 14,000 = 3.4 → 3; the cheapest 5; no price stays unscored.
        assert_eq!(scores[0][at], Some(3));
        assert_eq!(scores[1][at], Some(5));
        assert_eq!(scores[2][at], None);
    }

    #[test]
    fn the_leaders_price_and_the_cheapest_saving_are_written() {
        let c = card(&[Some(14_000.0), Some(9_500.0), None]);
        let money = |v: f64| format!("€{v:.0}");
        let leader = c.candidates[0].id;
        let name = c.candidates[0].name.clone();
        let other = c.candidates[1].name.clone();
        assert_eq!(
            leader_price_sentence(&c, Some(leader), &money),
            Some(format!(
                "{name} leads at €14000 a month; {other} is €4500 a month cheaper."
            ))
        );
        assert_eq!(
            leader_price_sentence(&c, Some(c.candidates[1].id), &money),
            Some(format!(
                "{other} leads at €9500 a month, the lowest price of the candidates."
            ))
        );
        assert_eq!(
            leader_price_sentence(&c, Some(c.candidates[2].id), &money),
            None
        );
        assert_eq!(leader_price_sentence(&c, None, &money), None);
    }

    #[test]
    fn a_free_candidate_is_the_cheapest() {
        assert_eq!(score_for(0.0, 0.0), 5);
        assert_eq!(score_for(100.0, 0.0), 0);
    }
}
