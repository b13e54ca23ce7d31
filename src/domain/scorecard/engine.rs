//! Totals, must-have gates, ranking and weight sensitivity of a [`Scorecard`].
//!
//! Rules, also explained next to the results:
//! - A weight counts as given when it is a number from 0 to [`MAX_WEIGHT`]; larger weights count
//!   as [`MAX_WEIGHT`], negative or non-numeric ones as 0. Scores above [`MAX_SCORE`] count as
//!   [`MAX_SCORE`].
//! - A candidate's **total** runs 0 to 100 and uses only the criteria it has been scored on:
//!   `100 × Σ wᵢ·sᵢ/5 / Σ wᵢ` over scored criteria with weight above 0. A missing score is never
//!   counted as zero; instead `scored_weight_share` tells how much of the weight the total covers,
//!   and `missing` lists the unscored criteria.
//! - A **must-have** criterion (`must_have: Some(m)`) fails a candidate whose score is below `m`
//!   or missing. An indicator marked as a must-have (`must_have: true`) fails a candidate whose
//!   measured value misses its threshold; other indicators are only reported. Each failure names
//!   its rule. Gates do not depend on weights.
//! - **Ranking** is among candidates that pass every gate and have a total, highest first; totals
//!   within 1e-9 of each other share a rank (1, 1, 3). The single rank-1 candidate is the winner;
//!   if several share rank 1 there is no winner and they are listed as tied.
//! - **Sensitivity**: for each criterion, the range of its weight (others fixed) over which the
//!   winner keeps the highest total. It is computed exactly: as a function of that weight `w`,
//!   each total is `(A + w·a) / (B + w·b)` (`b` is 0 when the candidate has no score there, so
//!   missing scores change the denominator), and "the winner stays ahead of c" is a polynomial
//!   inequality of degree at most 2 in `w`, solved in closed form.

use std::cmp::Ordering;

use uuid::Uuid;

use crate::i18n::{tr, trf};

use super::{Candidate, Criterion, Direction, Scorecard, MAX_SCORE, MAX_WEIGHT};

/// Totals closer than this are equal.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// One indicator of one criterion, for one candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorCheck {
    /// Criterion id.
    pub criterion: String,
    /// Indicator id.
    pub indicator: String,
    /// The measured value; `None` when not measured (or not a number).
    pub value: Option<f64>,
    /// Whether the value meets the threshold; `None` when there is no value.
    pub met: Option<bool>,
}

/// Why a candidate fails a must-have.
#[derive(Clone, Debug, PartialEq)]
pub struct GateFailure {
    /// Criterion id.
    pub criterion: String,
    /// In plain words, e.g. "Mindshare scored 2, the must-have is 3".
    pub reason: String,
}

/// One candidate's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateResult {
    pub candidate: Uuid,
    /// Weighted total 0 to 100 over the scored criteria with weight above 0; `None` when there are
    /// none.
    pub total: Option<f64>,
    /// Share of all weight that is scored, 0 to 1 (0 when all weights are 0).
    pub scored_weight_share: f64,
    /// Ids of criteria with weight above 0 and no score, in criteria order.
    pub missing: Vec<String>,
    pub gate_failures: Vec<GateFailure>,
    /// Every indicator of every criterion, in criteria order.
    pub indicators: Vec<IndicatorCheck>,
    /// 1-based among candidates passing all gates with a total; shared on equal totals
    /// (1, 1, 3); `None` for gate failures and candidates without a total.
    pub rank: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Ranked candidates by rank (equal ranks in candidate order), then candidates failing a gate
    /// that have a total, highest total first, then candidates without a total (whether or not
    /// they fail a gate) in candidate order.
    pub results: Vec<CandidateResult>,
    /// The single rank-1 candidate.
    pub winner: Option<Uuid>,
    /// The candidates sharing rank 1 when there are several (candidate order); else empty.
    pub tied: Vec<Uuid>,
}

impl Outcome {
    pub fn result(&self, candidate: Uuid) -> Option<&CandidateResult> {
        self.results.iter().find(|r| r.candidate == candidate)
    }
}

/// How far one criterion's weight can move before the winner changes.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightRange {
    /// Criterion id.
    pub criterion: String,
    /// The weight as counted (see the module rules).
    pub current: f64,
    /// The widest interval `[low, high]` within `[0, MAX_WEIGHT]` containing `current` over
    /// which the winner keeps the highest total (a tie at a boundary still counts as winning),
    /// all other weights fixed. When the winner is scored on nothing else with weight, it has no
    /// total at weight 0; `low` is then 0 but the interval is open there.
    pub low: f64,
    pub high: f64,
    /// Who would lead just below `low`; `None` when `low` is 0.
    pub below: Option<Uuid>,
    /// Who would lead just above `high`; `None` when `high` is [`MAX_WEIGHT`].
    pub above: Option<Uuid>,
}

/// A weight as the engine counts it: clamped to 0..=[`MAX_WEIGHT`], non-numbers as 0.
pub fn effective_weight(weight: f64) -> f64 {
    if weight.is_finite() {
        weight.clamp(0.0, MAX_WEIGHT)
    } else {
        0.0
    }
}

fn weights_of(card: &Scorecard) -> Vec<f64> {
    card.criteria
        .iter()
        .map(|c| effective_weight(c.weight))
        .collect()
}

/// A candidate's score on a criterion, capped at [`MAX_SCORE`].
fn score_of(candidate: &Candidate, criterion: &str) -> Option<u8> {
    candidate.score(criterion).map(|s| s.min(MAX_SCORE))
}

/// A score as a fraction 0 to 1.
fn fraction(score: u8) -> f64 {
    f64::from(score) / f64::from(MAX_SCORE)
}

/// Formats a number with at most `decimals` decimals, without trailing zeros.
pub fn format_number(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

fn with_unit(x: f64, unit: &str) -> String {
    let n = format_number(x, 2);
    match unit.trim() {
        "" => n,
        // A scale rather than a unit ("1 = yes, 0 = no") reads as an aside: "0 (1 = yes, 0 = no)".
        scale if scale.contains('=') => format!("{n} ({scale})"),
        unit => format!("{n} {unit}"),
    }
}

fn meets(value: f64, threshold: f64, direction: Direction) -> bool {
    match direction {
        Direction::AtMost => value <= threshold,
        Direction::AtLeast => value >= threshold,
    }
}

fn indicator_checks(criterion: &Criterion, candidate: &Candidate) -> Vec<IndicatorCheck> {
    let values = candidate.scores.get(&criterion.id).map(|s| &s.indicators);
    criterion
        .indicators
        .iter()
        .map(|ind| {
            let value = values
                .and_then(|v| v.get(&ind.id))
                .copied()
                .filter(|v| v.is_finite());
            IndicatorCheck {
                criterion: criterion.id.clone(),
                indicator: ind.id.clone(),
                value,
                met: value.map(|v| meets(v, ind.threshold, ind.direction)),
            }
        })
        .collect()
}

fn gate_failures(criterion: &Criterion, candidate: &Candidate) -> Vec<GateFailure> {
    let fail = |reason: String| GateFailure {
        criterion: criterion.id.clone(),
        reason,
    };
    let mut out = Vec::new();
    match criterion
        .must_have
        .map(|must| (must, score_of(candidate, &criterion.id)))
    {
        None => {}
        Some((_, None)) => out.push(fail(trf(
            "domain.engine_gate_not_scored",
            &[("criterion", &criterion.name)],
        ))),
        Some((must, Some(s))) if s < must => out.push(fail(trf(
            "domain.engine_gate_low_score",
            &[
                ("criterion", &criterion.name),
                ("score", &s.to_string()),
                ("must", &must.to_string()),
            ],
        ))),
        Some(_) => {}
    }
    for (ind, check) in criterion
        .indicators
        .iter()
        .zip(indicator_checks(criterion, candidate))
        .filter(|(ind, _)| ind.must_have)
    {
        if let (Some(value), Some(false)) = (check.value, check.met) {
            let value = with_unit(value, &ind.unit);
            let threshold = format_number(ind.threshold, 2);
            let args = [
                ("indicator", ind.name.as_str()),
                ("value", value.as_str()),
                ("threshold", threshold.as_str()),
            ];
            out.push(fail(match ind.direction {
                Direction::AtMost => trf("domain.engine_gate_at_most", &args),
                Direction::AtLeast => trf("domain.engine_gate_at_least", &args),
            }));
        }
    }
    out
}

/// Everything about one candidate except its rank.
fn candidate_result(card: &Scorecard, weights: &[f64], candidate: &Candidate) -> CandidateResult {
    let mut weighted = 0.0;
    let mut scored = 0.0;
    let mut all = 0.0;
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    let mut indicators = Vec::new();
    for (criterion, &w) in card.criteria.iter().zip(weights) {
        all += w;
        match score_of(candidate, &criterion.id) {
            Some(s) if w > 0.0 => {
                weighted += w * fraction(s);
                scored += w;
            }
            Some(_) => {}
            None if w > 0.0 => missing.push(criterion.id.clone()),
            None => {}
        }
        failures.extend(gate_failures(criterion, candidate));
        indicators.extend(indicator_checks(criterion, candidate));
    }
    CandidateResult {
        candidate: candidate.id,
        total: (scored > 0.0).then(|| 100.0 * weighted / scored),
        scored_weight_share: if all > 0.0 { scored / all } else { 0.0 },
        missing,
        gate_failures: failures,
        indicators,
        rank: None,
    }
}

/// [`evaluate`] with the given (already effective) weights instead of the card's.
fn evaluate_with(card: &Scorecard, weights: &[f64]) -> Outcome {
    let mut results: Vec<CandidateResult> = card
        .candidates
        .iter()
        .map(|c| candidate_result(card, weights, c))
        .collect();
    let rankable = |r: &CandidateResult| r.gate_failures.is_empty() && r.total.is_some();
    let ranked_totals: Vec<f64> = results
        .iter()
        .filter(|r| rankable(r))
        .filter_map(|r| r.total)
        .collect();
    for r in results.iter_mut().filter(|r| rankable(r)) {
        let t = r.total.unwrap_or(0.0);
        let ahead = ranked_totals
            .iter()
            .filter(|&&o| o > t + TIE_TOLERANCE)
            .count();
        r.rank = Some(ahead + 1);
    }
    // Group 0: ranked; 1: failing a gate with a total; 2: no total. Stable sort keeps candidate
    // order among equals.
    let group = |r: &CandidateResult| match (r.rank, r.total) {
        (Some(_), _) => 0,
        (None, Some(_)) => 1,
        (None, None) => 2,
    };
    results.sort_by(|a, b| {
        group(a).cmp(&group(b)).then_with(|| match group(a) {
            0 => a.rank.cmp(&b.rank),
            1 => b.total.unwrap_or(0.0).total_cmp(&a.total.unwrap_or(0.0)),
            _ => Ordering::Equal,
        })
    });
    let first: Vec<Uuid> = results
        .iter()
        .filter(|r| r.rank == Some(1))
        .map(|r| r.candidate)
        .collect();
    let (winner, tied) = match first.as_slice() {
        [] => (None, Vec::new()),
        [one] => (Some(*one), Vec::new()),
        _ => (None, first),
    };
    Outcome {
        results,
        winner,
        tied,
    }
}

/// Totals, gates and ranking of every candidate, with price scores derived from the prices
/// (see [`super::price`]).
pub fn evaluate(card: &Scorecard) -> Outcome {
    let card = &*super::price::with_derived(card);
    evaluate_with(card, &weights_of(card))
}

/// A candidate's total as a function of the weight `w` of one criterion:
/// `(num + w·slope) / (den + w·step)`, times 100.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// Σ wᵢ·sᵢ/5 over the other scored criteria with weight.
    num: f64,
    /// Σ wᵢ over the same.
    den: f64,
    /// s/5 on the varied criterion, 0 when unscored.
    slope: f64,
    /// 1 when scored on the varied criterion, else 0.
    step: f64,
}

fn line(card: &Scorecard, weights: &[f64], candidate: &Candidate, k: usize) -> Line {
    let mut l = Line {
        num: 0.0,
        den: 0.0,
        slope: 0.0,
        step: 0.0,
    };
    for (i, (criterion, &w)) in card.criteria.iter().zip(weights).enumerate() {
        let Some(s) = score_of(candidate, &criterion.id) else {
            continue;
        };
        if i == k {
            l.slope = fraction(s);
            l.step = 1.0;
        } else if w > 0.0 {
            l.num += w * fraction(s);
            l.den += w;
        }
    }
    l
}

/// Coefficients below this share of the size of the terms they come from are rounding noise.
const NOISE: f64 = 1e-12;

/// `q2·w² + q1·w + q0`, with rounding noise removed from the coefficients.
#[derive(Clone, Copy, Debug)]
struct Quadratic {
    q2: f64,
    q1: f64,
    q0: f64,
}

/// "The winner (line `lw`) is at least level with a rival (line `lc`)" at weight `w` is
/// `(Nw + w·aw)(Dc + w·bc) − (Nc + w·ac)(Dw + w·bw) ≥ 0`. When both have a total at `w` this is
/// exactly "the winner's total ≥ the rival's". A rival without a total at `w` has
/// `Dc + w·bc = 0` and then `Nc + w·ac = 0`, so the product is 0: no constraint.
fn winner_margin(lw: Line, lc: Line) -> Quadratic {
    let q2 = lw.slope * lc.step - lc.slope * lw.step;
    let q1 = lw.num * lc.step + lw.slope * lc.den - lc.num * lw.step - lc.slope * lw.den;
    let q0 = lw.num * lc.den - lc.num * lw.den;
    // The size of the two products over 0..=MAX_WEIGHT: what rounding errors are relative to.
    let size = (lw.num + lw.slope * MAX_WEIGHT) * (lc.den + lc.step * MAX_WEIGHT)
        + (lc.num + lc.slope * MAX_WEIGHT) * (lw.den + lw.step * MAX_WEIGHT);
    let clean = |q: f64, power: i32| {
        if !q.is_finite() || q.abs() * MAX_WEIGHT.powi(power) <= NOISE * size {
            0.0
        } else {
            q
        }
    };
    Quadratic {
        q2: clean(q2, 2),
        q1: clean(q1, 1),
        q0: clean(q0, 0),
    }
}

impl Quadratic {
    /// The real roots where the sign changes, ascending (a double root is none).
    fn sign_changes(self) -> Vec<f64> {
        let Quadratic { q2, q1, q0 } = self;
        if q2 == 0.0 {
            return if q1 == 0.0 { vec![] } else { vec![-q0 / q1] };
        }
        let disc = q1 * q1 - 4.0 * q2 * q0;
        // A (numerically) double or missing root: no sign change.
        if disc <= 1e-10 * (q1 * q1 + (4.0 * q2 * q0).abs()) {
            return vec![];
        }
        // Numerically stable roots.
        let t = -0.5 * (q1 + q1.signum() * disc.sqrt());
        let (r1, r2) = (t / q2, q0 / t);
        vec![r1.min(r2), r1.max(r2)]
    }

    /// The connected part, containing `cur`, of `{w : q2·w² + q1·w + q0 ≥ 0}` over the reals
    /// (bounds may be infinite). The polynomial is expected to be positive at `cur`; when
    /// rounding says otherwise, the nearer root is taken as the bound (the caller widens the
    /// result to include `cur`).
    fn nonnegative_around(self, cur: f64) -> (f64, f64) {
        const ALL: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);
        let Quadratic { q2, q1, .. } = self;
        match self.sign_changes()[..] {
            // Constant, or a parabola touching 0: non-negative everywhere when it opens upwards;
            // opening downwards it can only be (about) 0 at its apex.
            [] if q2 < 0.0 => {
                let apex = -q1 / (2.0 * q2);
                (apex, apex)
            }
            [] => ALL,
            // Linear.
            [root] if q1 > 0.0 => (root, f64::INFINITY),
            [root] => (f64::NEG_INFINITY, root),
            [r1, r2] if q2 < 0.0 => (r1, r2),
            [r1, r2] if cur <= r1 || (cur < r2 && cur - r1 <= r2 - cur) => (f64::NEG_INFINITY, r1),
            [_, r2] => (r2, f64::INFINITY),
            _ => ALL,
        }
    }
}

/// Who leads when criterion `k` weighs `w`, other than `current`: the first ranked candidate that
/// is not `current`.
fn other_leader(
    card: &Scorecard,
    weights: &[f64],
    k: usize,
    w: f64,
    current: Uuid,
) -> Option<Uuid> {
    let mut ws = weights.to_vec();
    ws[k] = w;
    evaluate_with(card, &ws)
        .results
        .iter()
        .find(|r| r.rank.is_some() && r.candidate != current)
        .map(|r| r.candidate)
}

/// For each criterion, in criteria order, the range of its weight over which the current winner
/// stays the winner; empty when there is no single winner.
pub fn sensitivity(card: &Scorecard) -> Vec<WeightRange> {
    let card = &*super::price::with_derived(card);
    let weights = weights_of(card);
    let outcome = evaluate_with(card, &weights);
    let Some(winner_id) = outcome.winner else {
        return Vec::new();
    };
    let Some(winner) = card.candidate(winner_id) else {
        return Vec::new();
    };
    // Gates do not depend on weights: the rivals are the other gate-passers, whether or not they
    // have a total now (one may gain a total when a weight rises from 0).
    let rivals: Vec<&Candidate> = outcome
        .results
        .iter()
        .filter(|r| r.candidate != winner_id && r.gate_failures.is_empty())
        .filter_map(|r| card.candidate(r.candidate))
        .collect();
    // A step just outside a boundary, to see who leads there; never past the next root.
    let delta = 1e-6 * MAX_WEIGHT;
    let snap = 1e-9 * MAX_WEIGHT;

    card.criteria
        .iter()
        .enumerate()
        .map(|(k, criterion)| {
            let cur = weights[k];
            let lw = line(card, &weights, winner, k);
            let (mut low, mut high) = (0.0_f64, MAX_WEIGHT);
            let mut roots = Vec::new();
            for rival in &rivals {
                let q = winner_margin(lw, line(card, &weights, rival, k));
                let (lo, hi) = q.nonnegative_around(cur);
                low = low.max(lo);
                high = high.min(hi);
                roots.extend(q.sign_changes());
            }
            // Rounding must never put the current weight outside its own range.
            low = low.min(cur);
            high = high.max(cur);
            if low <= snap {
                low = 0.0;
            }
            if high >= MAX_WEIGHT - snap {
                high = MAX_WEIGHT;
            }
            // Half the distance to the nearest root beyond `from` (or to the end of the range),
            // at most `delta`.
            let step = |from: f64, end: f64| {
                let dir = (end - from).signum();
                let next = roots
                    .iter()
                    .map(|r| (r - from) * dir)
                    .filter(|&d| d > snap)
                    .fold((end - from).abs(), f64::min);
                from + dir * delta.min(next / 2.0)
            };
            let below = (low > 0.0)
                .then(|| other_leader(card, &weights, k, step(low, 0.0), winner_id))
                .flatten();
            let above = (high < MAX_WEIGHT)
                .then(|| other_leader(card, &weights, k, step(high, MAX_WEIGHT), winner_id))
                .flatten();
            WeightRange {
                criterion: criterion.id.clone(),
                current: cur,
                low,
                high,
                below,
                above,
            }
        })
        .collect()
}

fn candidate_name(card: &Scorecard, id: Uuid) -> String {
    match card.candidate(id) {
        Some(c) if !c.name.trim().is_empty() => c.name.trim().to_string(),
        _ => tr("domain.engine_unnamed_candidate").to_string(),
    }
}

fn criterion_name(card: &Scorecard, id: &str) -> String {
    match card.criterion(id) {
        Some(c) if !c.name.trim().is_empty() => c.name.trim().to_string(),
        _ => id.to_string(),
    }
}

/// "a", "a and b", "a, b and c" (in Chinese "a、b和c").
fn join_and(items: &[String]) -> String {
    crate::i18n::list_and(items)
}

/// "a", "a, or b", "a, b, or c" (in Chinese "a、b或c").
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => trf(
            "domain.engine_list_or",
            &[
                ("items", &init.join(tr("domain.engine_list_separator"))),
                ("last", last),
            ],
        ),
    }
}

/// Sentences one after the other: a space between them in English, none in Chinese.
fn join_sentences(sentences: Vec<String>) -> String {
    sentences
        .into_iter()
        .reduce(|text, next| {
            trf(
                "domain.engine_next_sentence",
                &[("text", &text), ("next", &next)],
            )
        })
        .unwrap_or_default()
}

/// Must-have reasons one after the other ("a; b").
fn join_reasons(reasons: &[&str]) -> String {
    reasons.join(tr("domain.engine_reason_separator"))
}

fn total_text(total: Option<f64>) -> String {
    format_number(total.unwrap_or(0.0), 1)
}

fn failure_text(card: &Scorecard, r: &CandidateResult) -> String {
    let reasons: Vec<&str> = r.gate_failures.iter().map(|g| g.reason.as_str()).collect();
    trf(
        "domain.engine_failure",
        &[
            ("candidate", &candidate_name(card, r.candidate)),
            ("reasons", &join_reasons(&reasons)),
        ],
    )
}

fn coverage_sentence(card: &Scorecard, r: &CandidateResult) -> Option<String> {
    if r.missing.is_empty() {
        return None;
    }
    let names: Vec<String> = r.missing.iter().map(|m| criterion_name(card, m)).collect();
    Some(trf(
        "domain.engine_coverage",
        &[
            ("candidate", &candidate_name(card, r.candidate)),
            ("share", &format_number(100.0 * r.scored_weight_share, 0)),
            ("missing", &join_and(&names)),
        ],
    ))
}

/// Sentences about candidates failing a must-have whose total beats `bar`.
fn higher_failures(card: &Scorecard, outcome: &Outcome, bar: f64) -> Vec<String> {
    outcome
        .results
        .iter()
        .filter(|r| !r.gate_failures.is_empty())
        .filter(|r| r.total.is_some_and(|t| t > bar + TIE_TOLERANCE))
        .map(|r| {
            let reasons: Vec<&str> = r.gate_failures.iter().map(|g| g.reason.as_str()).collect();
            trf(
                "domain.engine_higher_but_failing",
                &[
                    ("candidate", &candidate_name(card, r.candidate)),
                    ("total", &total_text(r.total)),
                    ("reasons", &join_reasons(&reasons)),
                ],
            )
        })
        .collect()
}

/// A point where a single weight change topples the winner.
struct Tipping {
    /// Relative change of the weight needed (infinite when the weight is now 0).
    relative: f64,
    absolute: f64,
    text: String,
}

fn tipping_points(card: &Scorecard, ranges: &[WeightRange]) -> Vec<Tipping> {
    let mut out = Vec::new();
    for r in ranges {
        let name = criterion_name(card, &r.criterion);
        let now = format_number(r.current, 1);
        let relative = |d: f64| {
            if r.current > 0.0 {
                d / r.current
            } else {
                f64::INFINITY
            }
        };
        if r.high < MAX_WEIGHT {
            let d = r.high - r.current;
            let weight = format_number(r.high, 1);
            let args = [
                ("criterion", name.as_str()),
                ("weight", weight.as_str()),
                ("now", now.as_str()),
            ];
            let text = match r.above {
                Some(id) => trf(
                    "domain.engine_tip_above_leader",
                    &[
                        args[0],
                        args[1],
                        args[2],
                        ("candidate", &candidate_name(card, id)),
                    ],
                ),
                None => trf("domain.engine_tip_above_change", &args),
            };
            out.push(Tipping {
                relative: relative(d),
                absolute: d,
                text,
            });
        }
        if r.low > 0.0 {
            let d = r.current - r.low;
            let weight = format_number(r.low, 1);
            let args = [
                ("criterion", name.as_str()),
                ("weight", weight.as_str()),
                ("now", now.as_str()),
            ];
            let text = match r.below {
                Some(id) => trf(
                    "domain.engine_tip_below_leader",
                    &[
                        args[0],
                        args[1],
                        args[2],
                        ("candidate", &candidate_name(card, id)),
                    ],
                ),
                None => trf("domain.engine_tip_below_change", &args),
            };
            out.push(Tipping {
                relative: relative(d),
                absolute: d,
                text,
            });
        }
    }
    // Stable: equal changes keep criteria order.
    out.sort_by(|a, b| {
        a.relative
            .total_cmp(&b.relative)
            .then(a.absolute.total_cmp(&b.absolute))
    });
    out
}

/// Plain sentences on the outcome for a founder: who leads and by how much, what is unscored,
/// who fails a must-have, and the (at most three) closest weight changes that would alter the
/// decision.
pub fn explain(card: &Scorecard, outcome: &Outcome, ranges: &[WeightRange]) -> String {
    if card.candidates.is_empty() {
        return tr("domain.engine_no_candidates").to_string();
    }
    if card.criteria.is_empty() {
        return tr("domain.engine_no_criteria").to_string();
    }
    let ranked: Vec<&CandidateResult> = outcome
        .results
        .iter()
        .filter(|r| r.rank.is_some())
        .collect();
    let failing: Vec<&CandidateResult> = outcome
        .results
        .iter()
        .filter(|r| !r.gate_failures.is_empty())
        .collect();
    let mut s: Vec<String> = Vec::new();

    if ranked.is_empty() {
        if !failing.is_empty() && failing.len() == outcome.results.len() {
            let items: Vec<String> = failing.iter().map(|r| failure_text(card, r)).collect();
            s.push(trf(
                "domain.engine_none_passes",
                &[("failures", &join_and(&items))],
            ));
            s.push(tr("domain.engine_relax").to_string());
        } else {
            s.push(tr("domain.engine_cannot_rank").to_string());
            if !failing.is_empty() {
                let items: Vec<String> = failing.iter().map(|r| failure_text(card, r)).collect();
                s.push(trf(
                    "domain.engine_failing",
                    &[("failures", &join_and(&items))],
                ));
            }
        }
        return join_sentences(s);
    }

    if !outcome.tied.is_empty() {
        let names: Vec<String> = outcome
            .tied
            .iter()
            .map(|&id| candidate_name(card, id))
            .collect();
        let total = outcome.result(outcome.tied[0]).and_then(|r| r.total);
        s.push(trf(
            "domain.engine_tie",
            &[
                ("candidates", &join_and(&names)),
                ("total", &total_text(total)),
            ],
        ));
        for &id in &outcome.tied {
            if let Some(c) = outcome.result(id).and_then(|r| coverage_sentence(card, r)) {
                s.push(c);
            }
        }
        s.extend(higher_failures(card, outcome, total.unwrap_or(0.0)));
        s.push(tr("domain.engine_separate").to_string());
        return join_sentences(s);
    }

    let Some(winner) = outcome.winner.and_then(|id| outcome.result(id)) else {
        return tr("domain.engine_no_leader").to_string();
    };
    let runner_up = ranked.iter().find(|r| r.candidate != winner.candidate);
    match runner_up {
        Some(r) => s.push(trf(
            "domain.engine_leads_ahead",
            &[
                ("winner", &candidate_name(card, winner.candidate)),
                ("total", &total_text(winner.total)),
                ("runner_up", &candidate_name(card, r.candidate)),
                ("runner_up_total", &total_text(r.total)),
            ],
        )),
        None => {
            let name = candidate_name(card, winner.candidate);
            let total = total_text(winner.total);
            let args = [("candidate", name.as_str()), ("total", total.as_str())];
            s.push(if outcome.results.len() == 1 {
                trf("domain.engine_only_candidate", &args)
            } else if failing.len() + 1 == outcome.results.len() {
                trf("domain.engine_only_passing", &args)
            } else {
                trf("domain.engine_only_ranked", &args)
            });
        }
    }
    s.extend(coverage_sentence(card, winner));
    s.extend(higher_failures(card, outcome, winner.total.unwrap_or(0.0)));

    if !ranges.is_empty() {
        let tips = tipping_points(card, ranges);
        let max = format_number(MAX_WEIGHT, 0);
        if tips.is_empty() {
            s.push(trf("domain.engine_robust", &[("max", &max)]));
        } else {
            let shown: Vec<String> = tips.iter().take(3).map(|t| t.text.clone()).collect();
            s.push(trf(
                "domain.engine_holds_unless",
                &[("changes", &join_or(&shown))],
            ));
            if tips.len() <= 3 {
                s.push(trf("domain.engine_no_other_change", &[("max", &max)]));
            } else {
                let more = tips.len() - 3;
                s.push(if more == 1 {
                    tr("domain.engine_one_more_change").to_string()
                } else {
                    trf(
                        "domain.engine_more_changes",
                        &[("count", &more.to_string())],
                    )
                });
            }
        }
    }
    join_sentences(s)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::super::{CriterionScore, Indicator, ScorecardKind};
    use super::*;

    #[test]
    fn a_yes_no_scale_reads_as_an_aside_not_as_a_unit() {
        assert_eq!(with_unit(0.0, "1 = yes, 0 = no"), "0 (1 = yes, 0 = no)");
        assert_eq!(with_unit(12.0, "hours"), "12 hours");
        assert_eq!(with_unit(3.0, " "), "3");
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn crit(cid: &str, weight: f64) -> Criterion {
        Criterion {
            id: cid.to_string(),
            name: cid.to_string(),
            description: String::new(),
            weight,
            levels: Vec::new(),
            indicators: Vec::new(),
            must_have: None,
        }
    }

    /// A candidate with scores `(criterion id, score)`.
    fn cand(n: u128, name: &str, scores: &[(&str, u8)]) -> Candidate {
        let mut c = Candidate::new(id(n), name);
        for (k, s) in scores {
            c.scores.insert(
                k.to_string(),
                CriterionScore {
                    score: Some(*s),
                    ..CriterionScore::default()
                },
            );
        }
        c
    }

    fn card(criteria: Vec<Criterion>, candidates: Vec<Candidate>) -> Scorecard {
        Scorecard {
            id: id(999),
            kind: ScorecardKind::Partner,
            name: "Test".to_string(),
            criteria,
            candidates,
            culture: BTreeMap::new(),
            operating_model: BTreeMap::new(),
            project_kind: None,
        }
    }

    fn total(o: &Outcome, n: u128) -> Option<f64> {
        o.result(id(n)).unwrap().total
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn normalised_total() {
        let c = card(
            vec![crit("a", 30.0), crit("b", 70.0)],
            vec![cand(1, "X", &[("a", 5), ("b", 0)])],
        );
        let o = evaluate(&c);
        assert!(close(total(&o, 1).unwrap(), 30.0));
        assert_eq!(o.winner, Some(id(1)));
        assert!(close(o.results[0].scored_weight_share, 1.0));
        assert!(o.results[0].missing.is_empty());
        // Same proportions, different scale.
        let c = card(
            vec![crit("a", 3.0), crit("b", 7.0)],
            vec![cand(1, "X", &[("a", 5), ("b", 0)])],
        );
        assert!(close(total(&evaluate(&c), 1).unwrap(), 30.0));
    }

    #[test]
    fn weights_all_zero_give_no_total() {
        let c = card(
            vec![crit("a", 0.0), crit("b", 0.0)],
            vec![cand(1, "X", &[("a", 5), ("b", 3)])],
        );
        let o = evaluate(&c);
        assert_eq!(total(&o, 1), None);
        assert_eq!(o.results[0].scored_weight_share, 0.0);
        assert!(o.results[0].missing.is_empty());
        assert_eq!(o.results[0].rank, None);
        assert_eq!(o.winner, None);
        assert!(o.tied.is_empty());
        assert!(sensitivity(&c).is_empty());
        let text = explain(&c, &o, &[]);
        assert!(text.starts_with("No candidate can be ranked yet"), "{text}");
    }

    #[test]
    fn missing_scores_are_not_zero() {
        // X: a=4 (w 40), b unscored (w 60) → total over a only = 80, share 0.4.
        let c = card(
            vec![crit("a", 40.0), crit("b", 60.0), crit("z", 0.0)],
            vec![cand(1, "X", &[("a", 4)])],
        );
        let o = evaluate(&c);
        let r = &o.results[0];
        assert!(close(r.total.unwrap(), 80.0));
        assert!(close(r.scored_weight_share, 0.4));
        // "z" has weight 0, so it is not reported as missing.
        assert_eq!(r.missing, vec!["b".to_string()]);
        let text = explain(&c, &o, &sensitivity(&c));
        assert!(
            text.contains("X's total covers 40 % of the weight; not scored yet: b."),
            "{text}"
        );
    }

    #[test]
    fn ranking_order_and_ties() {
        let c = card(
            vec![crit("a", 50.0), crit("b", 50.0)],
            vec![
                cand(1, "Low", &[("a", 1), ("b", 1)]),  // 20
                cand(2, "Top1", &[("a", 5), ("b", 3)]), // 80
                cand(3, "None", &[]),                   // no total
                cand(4, "Top2", &[("a", 3), ("b", 5)]), // 80
                cand(5, "Mid", &[("a", 3), ("b", 3)]),  // 60
            ],
        );
        let o = evaluate(&c);
        let order: Vec<Uuid> = o.results.iter().map(|r| r.candidate).collect();
        assert_eq!(order, vec![id(2), id(4), id(5), id(1), id(3)]);
        let ranks: Vec<Option<usize>> = o.results.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, vec![Some(1), Some(1), Some(3), Some(4), None]);
        assert_eq!(o.winner, None);
        assert_eq!(o.tied, vec![id(2), id(4)]);
        assert!(sensitivity(&c).is_empty());
        let text = explain(&c, &o, &sensitivity(&c));
        assert!(
            text.starts_with("Top1 and Top2 tie for first place with 80 of 100."),
            "{text}"
        );
    }

    #[test]
    fn near_equal_totals_tie() {
        // 1/3 weights make totals that differ only by rounding.
        let w = 100.0 / 3.0;
        let c = card(
            vec![crit("a", w), crit("b", w), crit("c", w)],
            vec![
                cand(1, "X", &[("a", 1), ("b", 2), ("c", 3)]),
                cand(2, "Y", &[("a", 3), ("b", 2), ("c", 1)]),
            ],
        );
        let o = evaluate(&c);
        assert_eq!(o.tied, vec![id(1), id(2)]);
        assert_eq!(o.winner, None);
    }

    fn gated_card() -> Scorecard {
        let mut mind = crit("mind", 20.0);
        mind.name = "Mindshare".to_string();
        mind.must_have = Some(3);
        mind.indicators.push(Indicator {
            id: "call".to_string(),
            name: "Return-call time".to_string(),
            unit: "hours".to_string(),
            threshold: 8.0,
            direction: Direction::AtMost,
            must_have: true,
        });
        let mut talent = crit("talent", 20.0);
        talent.name = "Talent".to_string();
        talent.must_have = Some(2);
        talent.indicators.push(Indicator {
            id: "tenure".to_string(),
            name: "Engineers with 3+ years".to_string(),
            unit: "%".to_string(),
            threshold: 40.0,
            direction: Direction::AtLeast,
            must_have: true,
        });
        let mut cost = crit("cost", 60.0);
        cost.name = "Cost".to_string();
        cost.indicators.push(Indicator {
            id: "rate".to_string(),
            name: "Day rate".to_string(),
            unit: "EUR".to_string(),
            threshold: 800.0,
            direction: Direction::AtMost,
            must_have: false,
        });
        let mut a = cand(1, "Acme", &[("mind", 2), ("talent", 5), ("cost", 5)]); // below
        let b = cand(2, "Bolt", &[("talent", 5), ("cost", 5)]); // missing must-have
        let mut c = cand(3, "Core", &[("mind", 5), ("talent", 5), ("cost", 5)]); // slow calls
        let mut d = cand(4, "Dyna", &[("mind", 4), ("talent", 4), ("cost", 5)]); // low tenure
        let mut e = cand(5, "Echo", &[("mind", 3), ("talent", 3), ("cost", 2)]); // passes
        let set = |x: &mut Candidate, k: &str, ind: &str, v: f64| {
            x.scores
                .get_mut(k)
                .unwrap()
                .indicators
                .insert(ind.to_string(), v);
        };
        set(&mut a, "cost", "rate", 2000.0); // not a must-have: reported only
        set(&mut c, "mind", "call", 24.0);
        set(&mut d, "talent", "tenure", 30.0);
        set(&mut e, "mind", "call", 8.0); // exactly at the threshold meets it
        set(&mut e, "talent", "tenure", 40.0);
        card(vec![mind, talent, cost], vec![a, b, c, d, e])
    }

    #[test]
    fn gates() {
        let c = gated_card();
        let o = evaluate(&c);
        let fails = |n: u128| -> Vec<String> {
            o.result(id(n))
                .unwrap()
                .gate_failures
                .iter()
                .map(|g| g.reason.clone())
                .collect()
        };
        assert_eq!(fails(1), vec!["Mindshare scored 2, the must-have is 3"]);
        assert_eq!(
            fails(2),
            vec!["Mindshare not scored yet; it is a must-have"]
        );
        assert_eq!(
            fails(3),
            vec!["Return-call time 24 hours, must be at most 8"]
        );
        assert_eq!(
            fails(4),
            vec!["Engineers with 3+ years 30 %, must be at least 40"]
        );
        assert!(fails(5).is_empty());
        assert_eq!(o.result(id(3)).unwrap().gate_failures[0].criterion, "mind");
        // Core has the highest total but is not the winner.
        assert!(close(total(&o, 3).unwrap(), 100.0));
        assert_eq!(o.winner, Some(id(5)));
        assert_eq!(o.result(id(5)).unwrap().rank, Some(1));
        // Order: ranked, then failures by total (Bolt 100, Core 100 in candidate order, Dyna 92,
        // Acme 88).
        let order: Vec<Uuid> = o.results.iter().map(|r| r.candidate).collect();
        assert_eq!(order, vec![id(5), id(2), id(3), id(4), id(1)]);
        // Indicators: all reported, the cost one not gating.
        let acme = o.result(id(1)).unwrap();
        assert_eq!(acme.indicators.len(), 3);
        assert_eq!(
            acme.indicators[2],
            IndicatorCheck {
                criterion: "cost".into(),
                indicator: "rate".into(),
                value: Some(2000.0),
                met: Some(false)
            }
        );
        assert_eq!(acme.indicators[0].value, None);
        assert_eq!(acme.indicators[0].met, None);
        let echo = o.result(id(5)).unwrap();
        assert_eq!(echo.indicators[0].met, Some(true));
        assert_eq!(echo.indicators[1].met, Some(true));

        let text = explain(&c, &o, &sensitivity(&c));
        assert!(
            text.starts_with(
                "Echo leads with 48 of 100 and is the only candidate passing every must-have."
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "Core totals more (100) but fails a must-have: Return-call time 24 hours, must \
                 be at most 8."
            ),
            "{text}"
        );
        // Gates do not depend on weights: Echo is the only passer, nothing can topple it.
        assert!(text.ends_with("No single weight change within 0 to 100 alters the decision."));
    }

    #[test]
    fn only_indicators_marked_must_have_gate() {
        // A score must-have on Mindshare, and an optional indicator typed beside it: a firm
        // that meets the score but misses the optional indicator still passes.
        let mut c = gated_card();
        c.criteria[0].indicators[0].must_have = false;
        let o = evaluate(&c);
        let core = o.result(id(3)).unwrap();
        assert!(core.gate_failures.is_empty(), "{:?}", core.gate_failures);
        assert_eq!(core.indicators[0].met, Some(false));
        // An indicator marked must-have gates even where its criterion has no score must-have,
        // and the failure names the indicator, not the criterion's score.
        let mut c = gated_card();
        c.criteria[2].indicators[0].must_have = true;
        let o = evaluate(&c);
        let acme: Vec<String> = o
            .result(id(1))
            .unwrap()
            .gate_failures
            .iter()
            .map(|g| g.reason.clone())
            .collect();
        assert_eq!(
            acme,
            vec![
                "Mindshare scored 2, the must-have is 3",
                "Day rate 2000 EUR, must be at most 800"
            ]
        );
    }

    #[test]
    fn everyone_failing_gates() {
        let mut c = gated_card();
        c.candidates.retain(|x| x.id != id(5));
        let o = evaluate(&c);
        assert_eq!(o.winner, None);
        assert!(o.results.iter().all(|r| r.rank.is_none()));
        let text = explain(&c, &o, &sensitivity(&c));
        assert!(
            text.starts_with(
                "No candidate passes every must-have: Bolt (Mindshare not scored yet; it is a \
                 must-have), Core (Return-call time 24 hours, must be at most 8), Dyna"
            ),
            "{text}"
        );
    }

    #[test]
    fn explain_single_and_partial() {
        let c = card(
            vec![crit("a", 50.0), crit("b", 50.0)],
            vec![cand(1, "Solo", &[("a", 4)])],
        );
        let text = explain(&c, &evaluate(&c), &sensitivity(&c));
        assert_eq!(
            text,
            "Solo is the only candidate so far, with 80 of 100. Solo's total covers 50 % of the \
             weight; not scored yet: b. No single weight change within 0 to 100 alters the \
             decision."
        );
        let c = card(
            vec![crit("a", 50.0), crit("b", 50.0)],
            vec![cand(1, "X", &[("a", 4)]), cand(2, "Y", &[])],
        );
        let text = explain(&c, &evaluate(&c), &sensitivity(&c));
        assert!(
            text.starts_with("X leads with 80 of 100; no other candidate can be ranked yet."),
            "{text}"
        );
        // A tie where one side is partly scored.
        let c = card(
            vec![crit("a", 50.0), crit("b", 50.0)],
            vec![
                cand(1, "X", &[("a", 4)]),
                cand(2, "Y", &[("a", 4), ("b", 4)]),
            ],
        );
        let text = explain(&c, &evaluate(&c), &sensitivity(&c));
        assert_eq!(
            text,
            "X and Y tie for first place with 80 of 100. X's total covers 50 % of the weight; not \
             scored yet: b. Scoring what is missing or changing a weight will separate them."
        );
    }

    #[test]
    fn explain_edge_situations() {
        let empty = card(vec![crit("a", 10.0)], vec![]);
        let text = explain(&empty, &evaluate(&empty), &[]);
        assert!(text.starts_with("There are no candidates yet."), "{text}");
        let unscored = card(vec![crit("a", 10.0)], vec![cand(1, "X", &[])]);
        let o = evaluate(&unscored);
        assert_eq!(o.results[0].missing, vec!["a".to_string()]);
        assert!(explain(&unscored, &o, &[]).starts_with("No candidate can be ranked yet"));
        let no_criteria = card(vec![], vec![cand(1, "X", &[])]);
        assert!(explain(&no_criteria, &evaluate(&no_criteria), &[])
            .starts_with("There are no criteria yet."));
    }

    /// Hand-computed case. Criteria a and b weigh 50 each.
    /// X: a=5, b=2 → total 100·(50·1 + 50·0.4)/100 = 70.
    /// Y: a=2, b=4 → total 100·(50·0.4 + 50·0.8)/100 = 60. X wins.
    ///
    /// Vary the weight w of a (b stays 50); both are scored on both, same denominator w + 50:
    ///   X stays ahead ⇔ w·1 + 50·0.4 ≥ w·0.4 + 50·0.8 ⇔ 0.6·w ≥ 20 ⇔ w ≥ 100/3.
    ///   → [33.333…, 100], below it Y leads.
    /// Vary the weight w of b (a stays 50):
    ///   X stays ahead ⇔ 50·1 + 0.4·w ≥ 50·0.4 + 0.8·w ⇔ 30 ≥ 0.4·w ⇔ w ≤ 75.
    ///   → [0, 75], above it Y leads.
    fn hand_card() -> Scorecard {
        card(
            vec![crit("a", 50.0), crit("b", 50.0)],
            vec![
                cand(1, "X", &[("a", 5), ("b", 2)]),
                cand(2, "Y", &[("a", 2), ("b", 4)]),
            ],
        )
    }

    #[test]
    fn sensitivity_by_hand() {
        let c = hand_card();
        let o = evaluate(&c);
        assert!(close(total(&o, 1).unwrap(), 70.0));
        assert!(close(total(&o, 2).unwrap(), 60.0));
        let r = sensitivity(&c);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].criterion, "a");
        assert!(close(r[0].current, 50.0));
        assert!(close(r[0].low, 100.0 / 3.0), "{:?}", r[0]);
        assert_eq!(r[0].high, 100.0);
        assert_eq!(r[0].below, Some(id(2)));
        assert_eq!(r[0].above, None);
        assert_eq!(r[1].criterion, "b");
        assert_eq!(r[1].low, 0.0);
        assert!(close(r[1].high, 75.0), "{:?}", r[1]);
        assert_eq!(r[1].below, None);
        assert_eq!(r[1].above, Some(id(2)));

        // The closest tipping point (a: 16.7 of 50 = 33 %) comes before b (25 of 50 = 50 %).
        let text = explain(&c, &o, &r);
        assert_eq!(
            text,
            "X leads with 70 of 100, ahead of Y with 60. The decision holds unless the weight of \
             a drops below 33.3 (now 50), where Y would lead, or the weight of b goes above 75 \
             (now 50), where Y would lead. No other single weight change within 0 to 100 \
             alters it."
        );
    }

    /// Missing scores make the totals' denominators differ, and the boundary comes from a true
    /// quadratic. Criteria k (varied, now 40), m (20), n (60).
    /// X: k=4, m=0, n unscored. Y: k=5, n=1, m unscored.
    ///   T_X(w) = (0.8·w + 0) / (w + 20),  T_Y(w) = (1·w + 60·0.2) / (w + 60).
    /// At w = 40: X = 32/60 = 53.33, Y = 52/100 = 52 → X wins.
    /// X stays ahead ⇔ 0.8w(w + 60) − (w + 12)(w + 20) ≥ 0
    ///   ⇔ −0.2w² + 16w − 240 ≥ 0 ⇔ w² − 80w + 1200 ≤ 0 ⇔ (w − 20)(w − 60) ≤ 0 ⇔ 20 ≤ w ≤ 60.
    /// Y leads on both sides. (Counting missing scores as 0 would make Y win everywhere.)
    #[test]
    fn sensitivity_quadratic_with_missing_scores() {
        let c = card(
            vec![crit("k", 40.0), crit("m", 20.0), crit("n", 60.0)],
            vec![
                cand(1, "X", &[("k", 4), ("m", 0)]),
                cand(2, "Y", &[("k", 5), ("n", 1)]),
            ],
        );
        let o = evaluate(&c);
        assert!(close(total(&o, 1).unwrap(), 160.0 / 3.0));
        assert!(close(total(&o, 2).unwrap(), 52.0));
        assert_eq!(o.winner, Some(id(1)));
        let r = sensitivity(&c);
        assert!(close(r[0].low, 20.0), "{:?}", r[0]);
        assert!(close(r[0].high, 60.0), "{:?}", r[0]);
        assert_eq!(r[0].below, Some(id(2)));
        assert_eq!(r[0].above, Some(id(2)));
        // At exactly the boundaries X and Y tie.
        for w in [20.0, 60.0] {
            let mut c2 = c.clone();
            c2.criteria[0].weight = w;
            let o2 = evaluate(&c2);
            assert!(close(total(&o2, 1).unwrap(), total(&o2, 2).unwrap()));
        }
        // m: X's total is 0.8·40/(40 + w) = 32/(40 + w) · 100, Y's stays 52 → X ahead iff
        // 3200/(40 + w) ≥ 52 ⇔ w ≤ 3200/52 − 40 = 21.538…
        assert!(close(r[1].low, 0.0));
        assert!(close(r[1].high, 3200.0 / 52.0 - 40.0), "{:?}", r[1]);
        // n: Y's total is 100·(40 + 0.2w)/(40 + w), X's stays 53.33 →
        // 100(40 + 0.2w) ≤ 53.33(40 + w) ⇔ 4000 − 2133.3 ≤ 33.33w ⇔ w ≥ 56.
        assert!(close(r[2].low, 56.0), "{:?}", r[2]);
        assert_eq!(r[2].high, 100.0);
    }

    #[test]
    fn winner_that_cannot_be_toppled() {
        let c = card(
            vec![crit("a", 10.0), crit("b", 90.0)],
            vec![
                cand(1, "X", &[("a", 5), ("b", 5)]),
                cand(2, "Y", &[("a", 4), ("b", 4)]),
                cand(3, "Z", &[("b", 3)]),
            ],
        );
        let r = sensitivity(&c);
        for x in &r {
            assert_eq!((x.low, x.high), (0.0, 100.0), "{x:?}");
            assert_eq!((x.below, x.above), (None, None));
        }
        let text = explain(&c, &evaluate(&c), &r);
        assert_eq!(
            text,
            "X leads with 100 of 100, ahead of Y with 80. No single weight change within 0 to \
             100 alters the decision."
        );
    }

    #[test]
    fn rival_gaining_a_total_from_zero_weight() {
        // k weighs 0: Y (scored only on k) has no total now, X leads with 80. Any weight on k
        // gives Y 100, so X's range is [0, 0].
        let c = card(
            vec![crit("k", 0.0), crit("m", 50.0)],
            vec![
                cand(1, "X", &[("k", 3), ("m", 4)]),
                cand(2, "Y", &[("k", 5)]),
            ],
        );
        let o = evaluate(&c);
        assert_eq!(o.winner, Some(id(1)));
        assert_eq!(total(&o, 2), None);
        let r = sensitivity(&c);
        assert_eq!((r[0].low, r[0].high), (0.0, 0.0));
        assert_eq!(r[0].above, Some(id(2)));
        assert_eq!((r[1].low, r[1].high), (0.0, 100.0));
        let text = explain(&c, &o, &r);
        assert!(
            text.contains("unless the weight of k goes above 0 (now 0), where Y would lead."),
            "{text}"
        );
    }

    #[test]
    fn winner_scored_only_on_the_varied_criterion() {
        // X is scored only on k (5 → 100); Y on k (2) and m (5) → 77.5.
        // Vary k: X's total is 100 for any w > 0; Y's is 100·(0.4w + 50)/(w + 50) < 100.
        // X wins on (0, 100]; low is reported as 0.
        let c = card(
            vec![crit("k", 30.0), crit("m", 50.0)],
            vec![
                cand(1, "X", &[("k", 5)]),
                cand(2, "Y", &[("k", 2), ("m", 5)]),
            ],
        );
        let r = sensitivity(&c);
        assert_eq!((r[0].low, r[0].high), (0.0, 100.0));
        // Vary m: Y = 100(12 + w)/(30 + w) ≤ 100 always: unconstrained.
        assert_eq!((r[1].low, r[1].high), (0.0, 100.0));
    }

    #[test]
    fn explain_lists_at_most_three_tipping_points() {
        // X (70) narrowly ahead of Y (65): X is stronger on a and b, Y on c and d, so lowering a
        // or b, or raising c or d, tips the decision: four tipping points, three shown.
        let c = card(
            vec![
                crit("a", 25.0),
                crit("b", 25.0),
                crit("c", 25.0),
                crit("d", 25.0),
            ],
            vec![
                cand(1, "X", &[("a", 5), ("b", 5), ("c", 2), ("d", 2)]),
                cand(2, "Y", &[("a", 3), ("b", 3), ("c", 4), ("d", 3)]),
            ],
        );
        let o = evaluate(&c);
        assert_eq!(o.winner, Some(id(1)));
        let r = sensitivity(&c);
        let text = explain(&c, &o, &r);
        assert_eq!(text.matches("the weight of").count(), 3, "{text}");
        assert!(
            text.ends_with(
                "1 other single weight change could alter it too, but needs a larger move."
            ),
            "{text}"
        );
        assert!(
            text.starts_with(
                "X leads with 70 of 100, ahead of Y with 65. The decision holds unless the weight \
                 of a drops below 12.5 (now 25), where Y would lead, the weight of b drops below \
                 12.5 (now 25), where Y would lead, or the weight of c goes above 37.5 (now 25), \
                 where Y would lead."
            ),
            "{text}"
        );
    }

    /// For the property test, when criterion `k` weighs `w`: the winner's total, the best total
    /// among the other gate-passers, and the total of candidate `probe`.
    fn totals_at(
        c: &Scorecard,
        k: usize,
        w: f64,
        winner: Uuid,
        probe: Option<Uuid>,
    ) -> (Option<f64>, Option<f64>, Option<f64>) {
        let mut c2 = c.clone();
        c2.criteria[k].weight = w;
        let o = evaluate(&c2);
        let total_of = |id: Uuid| o.result(id).and_then(|r| r.total);
        let best_other = o
            .results
            .iter()
            .filter(|r| r.candidate != winner && r.gate_failures.is_empty())
            .filter_map(|r| r.total)
            .fold(None, |m: Option<f64>, t| Some(m.map_or(t, |m| m.max(t))));
        (total_of(winner), best_other, probe.and_then(total_of))
    }

    /// Weights as a founder enters them: whole, in hundredths, or 0.
    fn arb_weight() -> impl Strategy<Value = f64> {
        prop_oneof![
            (0u32..=100).prop_map(f64::from),
            (0u32..=10_000).prop_map(|x| f64::from(x) / 100.0),
            Just(0.0),
        ]
    }

    fn arb_card() -> impl Strategy<Value = Scorecard> {
        (1usize..=5, 2usize..=5).prop_flat_map(|(n_crit, n_cand)| {
            (
                proptest::collection::vec((arb_weight(), 0u8..=3), n_crit),
                proptest::collection::vec(
                    proptest::collection::vec(proptest::option::weighted(0.8, 0u8..=5), n_crit),
                    n_cand,
                ),
            )
                .prop_map(move |(crits, scores)| {
                    let criteria: Vec<Criterion> = crits
                        .iter()
                        .enumerate()
                        .map(|(i, &(w, must))| {
                            let mut c = crit(&format!("c{i}"), w);
                            // Occasionally a must-have.
                            c.must_have = (must == 3).then_some(1);
                            c
                        })
                        .collect();
                    let candidates: Vec<Candidate> = scores
                        .iter()
                        .enumerate()
                        .map(|(j, row)| {
                            let mut x = Candidate::new(id(j as u128 + 1), format!("K{j}"));
                            for (i, s) in row.iter().enumerate() {
                                if let Some(s) = s {
                                    x.scores.insert(
                                        format!("c{i}"),
                                        CriterionScore {
                                            score: Some(*s),
                                            ..CriterionScore::default()
                                        },
                                    );
                                }
                            }
                            x
                        })
                        .collect();
                    card(criteria, candidates)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn sensitivity_boundaries_hold(c in arb_card()) {
            let o = evaluate(&c);
            let Some(winner) = o.winner else { return Ok(()); };
            let ranges = sensitivity(&c);
            prop_assert_eq!(ranges.len(), c.criteria.len());
            let tol = 1e-6;
            for (k, r) in ranges.iter().enumerate() {
                prop_assert!(r.low <= r.current && r.current <= r.high, "{:?}", r);
                prop_assert!(r.low >= 0.0 && r.high <= MAX_WEIGHT);
                for w in [r.low, r.high, (r.low + r.high) / 2.0] {
                    let (mine, other, _) = totals_at(&c, k, w, winner, None);
                    match mine {
                        Some(m) => prop_assert!(
                            other.is_none_or(|o| m >= o - tol),
                            "k={} w={} mine={} other={:?} {:?}", k, w, m, other, r
                        ),
                        // Only possible at weight 0 when the winner is scored on nothing else.
                        None => prop_assert!(w == 0.0, "{:?}", r),
                    }
                }
                // Just outside the range someone else leads, and it is the one reported.
                let step = 1e-5;
                let outside = [
                    (r.low > step, r.low - step, r.below, "below"),
                    (r.high < MAX_WEIGHT - step, r.high + step, r.above, "above"),
                ];
                for (applies, w, reported, side) in outside {
                    if !applies {
                        continue;
                    }
                    let (mine, other, theirs) = totals_at(&c, k, w, winner, reported);
                    prop_assert!(
                        other.is_some_and(|o| mine.is_none_or(|m| o > m)),
                        "{}: k={} mine={:?} other={:?} {:?}", side, k, mine, other, r
                    );
                    prop_assert!(
                        theirs.zip(other).is_some_and(|(t, o)| t >= o - tol),
                        "{}: reported {:?} with {:?}, best {:?} {:?}", side, reported, theirs, other, r
                    );
                }
            }
        }
    }

    #[test]
    fn explanation_and_gate_reasons_in_chinese() {
        let mut cost = crit("a", 50.0);
        cost.name = "成本".into();
        let mut name = crit("b", 50.0);
        name.name = "口碑".into();
        name.must_have = Some(3);
        let c = card(
            vec![cost, name],
            vec![
                cand(1, "甲", &[("a", 5), ("b", 4)]), // 90
                cand(2, "乙", &[("a", 3), ("b", 5)]), // 80
                cand(3, "丙", &[("a", 5), ("b", 2)]), // fails the must-have
            ],
        );
        let o = evaluate(&c);
        let ranges = sensitivity(&c);
        let mut failing = c.clone();
        failing.candidates.retain(|x| x.id == id(3));

        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let text = explain(&c, &evaluate(&c), &ranges);
        // Gate reasons are written by `evaluate`, so it runs in the language too.
        let all_failing = explain(&failing, &evaluate(&failing), &[]);
        let no_candidates = explain(&card(vec![crit("a", 1.0)], vec![]), &o, &[]);
        crate::i18n::set_current(crate::i18n::Lang::En);

        assert_eq!(
            text,
            "甲以 90 分（满分 100）领先，乙以 80 分次之。除非成本的权重降到 25 以下（目前为 50），\
             那时乙会领先，否则这个决定不变。在 0 到 100 之间单独调整其他任何一个权重，都不会改变它。"
        );
        assert_eq!(
            all_failing,
            "没有候选方通过所有必备项：丙（口碑得分 2，必备要求为 3）。放宽某个必备项，或者寻找其他候选方。"
        );
        for t in [&text, &all_failing, &no_candidates] {
            assert!(
                !t.chars().any(|c| c.is_ascii_alphabetic()),
                "English left in {t}"
            );
        }
        // Evaluated while English was in use, the reason is English.
        assert_eq!(
            o.result(id(3)).unwrap().gate_failures[0].reason,
            "口碑 scored 2, the must-have is 3"
        );
    }
}
