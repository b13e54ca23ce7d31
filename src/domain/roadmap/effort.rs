//! What an improvement step asks for besides its one-off effort, and how that lands on an
//! initiative: the calendar time it takes at least (an audit's observation window), the effort
//! that goes on every quarter afterwards, and money paid outside the team (an auditor).
//!
//! Owns: [`step_duration`], [`prefilled_cost`], [`step_of`], [`carry_over`] and [`exact`]. Rules (the
//! suggestion cards say them in plain words):
//! - Duration: the one-off effort paced at half a person's time ([`super::suggest::paced_duration`]),
//!   or the step's elapsed weeks rounded up when that is longer.
//! - Ongoing effort is copied onto the initiative (`recurring_weeks_per_quarter`); the scheduler,
//!   the capacity table and the budget count it from the initiative's end onwards.
//! - Outside cost: only when the step's currency is the assessment's currency is the one-off cost
//!   filled in, with the middle of the typical range. The range is what a typical company pays;
//!   its middle is the best single guess, and the high end on every step at once would overstate
//!   a plan of many steps. In any other currency nothing is filled in (amounts are never
//!   converted): the founder sees the range in its own currency and enters her quote.

use super::suggest::paced_duration;
use super::{Initiative, MAX_DURATION_WEEKS};
use crate::content::{Content, Improvement, OutsideCost};

/// The f64 a content figure was written as: 0.1 in the file is 0.1 here, not the f32's
/// 0.10000000149, which would otherwise end up in users' files.
pub fn exact(v: f32) -> f64 {
    v.to_string().parse().unwrap_or(f64::from(v))
}

/// Weeks the step takes: its effort at half pace, or its elapsed weeks when longer; 1 to
/// [`MAX_DURATION_WEEKS`].
pub fn step_duration(step: &Improvement) -> u32 {
    let paced = paced_duration(exact(step.effort_weeks));
    let elapsed = step
        .elapsed_weeks
        .map(exact)
        .filter(|w| w.is_finite() && *w > 0.0)
        .map_or(0, |w| {
            // Clamped first, so the conversion is exact.
            w.ceil().min(f64::from(MAX_DURATION_WEEKS)) as u32
        });
    paced.max(elapsed).clamp(1, MAX_DURATION_WEEKS)
}

/// True when two currency codes name the same currency ("eur" and "EUR ").
pub fn same_currency(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && a.eq_ignore_ascii_case(b)
}

/// The one-off cost to fill in for an outside cost: the middle of its range when it is in the
/// assessment's `currency`; `None` in any other currency (or a range that is not one), so the
/// founder enters her own quote.
pub fn prefilled_cost(cost: &OutsideCost, currency: &str) -> Option<f64> {
    let usable = cost.low.is_finite() && cost.high.is_finite() && 0.0 <= cost.low;
    (usable && cost.low <= cost.high && same_currency(&cost.currency, currency))
        .then(|| (cost.low + cost.high) / 2.0)
}

/// The improvement step a suggested initiative came from (`question-id@level`), if the content
/// still has it.
pub fn step_of<'a>(content: &'a Content, suggested_from: &str) -> Option<&'a Improvement> {
    let (question, level) = suggested_from.rsplit_once('@')?;
    let level: usize = level.parse().ok()?;
    content.question(question)?.1.improvements.get(level)
}

/// Puts a step's effort, duration, ongoing effort and (where the currency allows) outside cost
/// on an initiative, by the module's rules.
pub fn carry_over(initiative: &mut Initiative, step: &Improvement, currency: &str) {
    initiative.effort_weeks = exact(step.effort_weeks);
    initiative.duration_weeks = step_duration(step);
    let recurring = exact(step.recurring_weeks_per_quarter);
    initiative.recurring_weeks_per_quarter = if recurring.is_finite() && recurring > 0.0 {
        recurring
    } else {
        0.0
    };
    initiative.one_off_cost = step
        .outside_cost
        .as_ref()
        .and_then(|c| prefilled_cost(c, currency));
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn step(effort: f32, elapsed: Option<f32>) -> Improvement {
        Improvement {
            title: "t".into(),
            detail: "d".into(),
            effort_weeks: effort,
            recurring_weeks_per_quarter: 0.0,
            elapsed_weeks: elapsed,
            outside_cost: None,
        }
    }

    fn audit() -> OutsideCost {
        OutsideCost {
            low: 8_000.0,
            high: 20_000.0,
            currency: "EUR".into(),
            what: "audit fee".into(),
        }
    }

    #[test]
    fn duration_is_the_longer_of_paced_effort_and_elapsed_weeks() {
        assert_eq!(step_duration(&step(2.0, None)), 4);
        assert_eq!(step_duration(&step(2.0, Some(26.0))), 26);
        assert_eq!(step_duration(&step(2.0, Some(25.2))), 26, "rounded up");
        assert_eq!(
            step_duration(&step(10.0, Some(6.0))),
            20,
            "effort needs longer"
        );
        assert_eq!(step_duration(&step(0.1, None)), 1);
        assert_eq!(step_duration(&step(1.0, Some(f32::NAN))), 2);
        assert_eq!(step_duration(&step(1.0, Some(1.0e9))), MAX_DURATION_WEEKS);
    }

    #[test]
    fn outside_cost_is_prefilled_only_in_the_same_currency() {
        assert_eq!(prefilled_cost(&audit(), "EUR"), Some(14_000.0));
        assert_eq!(prefilled_cost(&audit(), " eur"), Some(14_000.0));
        assert_eq!(prefilled_cost(&audit(), "USD"), None);
        assert_eq!(prefilled_cost(&audit(), ""), None);
        let upside_down = OutsideCost {
            low: 5.0,
            high: 1.0,
            ..audit()
        };
        assert_eq!(prefilled_cost(&upside_down, "EUR"), None);
    }

    #[test]
    fn carry_over_sets_effort_duration_recurring_and_cost() {
        let mut s = step(2.0, Some(26.0));
        s.recurring_weeks_per_quarter = 1.0;
        s.outside_cost = Some(audit());
        let mut i = Initiative::new(Uuid::nil(), "x");
        carry_over(&mut i, &s, "EUR");
        assert_eq!(
            (
                i.effort_weeks,
                i.duration_weeks,
                i.recurring_weeks_per_quarter,
                i.one_off_cost
            ),
            (2.0, 26, 1.0, Some(14_000.0))
        );
        carry_over(&mut i, &s, "GBP");
        assert_eq!(i.one_off_cost, None, "never converted");
        // A tenth of a person-week stays a tenth in the file.
        s.effort_weeks = 0.1;
        s.recurring_weeks_per_quarter = 0.3;
        carry_over(&mut i, &s, "EUR");
        assert_eq!((i.effort_weeks, i.recurring_weeks_per_quarter), (0.1, 0.3));
        assert!(exact(f32::NAN).is_nan());
    }

    #[test]
    fn step_of_finds_the_improvement_by_key() {
        let c = crate::content::get();
        let (_, q) = c.question("delivery.iterations").unwrap();
        assert_eq!(
            step_of(c, "delivery.iterations@1").map(|s| &s.title),
            Some(&q.improvements[1].title)
        );
        assert_eq!(step_of(c, "delivery.iterations@9"), None);
        assert_eq!(step_of(c, "no.such@0"), None);
        assert_eq!(step_of(c, "delivery.iterations"), None);
    }
}
