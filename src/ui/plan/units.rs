//! Counted units the plan pages, the Overview and the report write: weeks and person-weeks, in
//! the plural form the language uses ("1 week", "3 weeks", "2.5 person-weeks", "1 人周"), and
//! what a step asks for in one line ("one-off: 2 person-weeks · then 1 person-week a quarter ·
//! takes at least 26 weeks · outside cost about €8,000–€20,000 (audit fee)").
//!
//! Owns the wording of these units; every "N weeks" or "N person-weeks" shown goes through
//! here, so "1 person-weeks", "(1 weeks)" or "1.0 person-weeks" cannot come back. Numbers are
//! written by [`crate::domain::kpi::trend::plain_number`] (at most three decimals).

use crate::content::{Content, Improvement, OutsideCost};
use crate::domain::kpi::trend::plain_number;
use crate::domain::roadmap::effort::{exact, prefilled_cost, step_of};
use crate::domain::roadmap::Initiative;
use crate::ui::common::numbers::money;
use crate::ui::i18n::{t, tf, tn};

/// `key` counted by `v`: the language's plural rule for a whole number, the "other" form for a
/// fraction (English says "2.5 weeks", "0.5 weeks"). The number is first rounded to the three
/// decimals shown, so 0.9999 reads "1 week", not "1 weeks".
fn counted(key: &str, v: f64) -> String {
    let shown = (v * 1000.0).round() / 1000.0;
    let whole = shown.is_finite() && shown >= 0.0 && shown.fract() == 0.0 && shown < 1.0e15;
    if whole {
        tn(key, shown as usize, &[])
    } else {
        tf(key, &[("n", &plain_number(v))])
    }
}

/// "1 week", "6 weeks".
pub fn weeks(v: f64) -> String {
    counted("common.weeks", v)
}

/// "1 person-week", "2.5 person-weeks".
pub fn person_weeks(v: f64) -> String {
    counted("common.person_weeks", v)
}

/// Person-weeks to a tenth, as the capacity table counts them: "1 person-week" (never
/// "1.0 person-weeks"), "1.7 person-weeks", "0 person-weeks" (never "-0").
pub fn person_weeks_tenths(v: f64) -> String {
    let tenths = (v * 10.0).round() / 10.0;
    person_weeks(if tenths == 0.0 { 0.0 } else { tenths })
}

/// What a step or an initiative asks for, for [`effort_line`].
#[derive(Clone, Debug, PartialEq)]
pub struct EffortFacts<'a> {
    /// One-off effort, in person-weeks.
    pub one_off: f64,
    /// Ongoing effort afterwards, in person-weeks a quarter (0 when none).
    pub recurring: f64,
    /// The least calendar time the step takes, in weeks, when the content gives one.
    pub at_least_weeks: Option<f64>,
    /// The typical outside cost, in its own currency.
    pub outside: Option<&'a OutsideCost>,
}

/// The facts of a framework step.
pub fn step_facts(step: &Improvement) -> EffortFacts<'_> {
    EffortFacts {
        one_off: exact(step.effort_weeks),
        recurring: exact(step.recurring_weeks_per_quarter),
        at_least_weeks: step.elapsed_weeks.map(exact),
        outside: step.outside_cost.as_ref(),
    }
}

/// The facts of an initiative: its own effort figures (the founder may have changed them), and
/// the elapsed weeks and outside cost of the framework step it was suggested from, if any.
pub fn initiative_facts<'a>(content: &'a Content, i: &Initiative) -> EffortFacts<'a> {
    let step = i
        .suggested_from
        .as_deref()
        .and_then(|k| step_of(content, k));
    EffortFacts {
        one_off: i.effort_weeks,
        recurring: i.recurring(),
        at_least_weeks: step.and_then(|s| s.elapsed_weeks).map(exact),
        outside: step.and_then(|s| s.outside_cost.as_ref()),
    }
}

/// The effort in one line: "2 person-weeks" for one-off work; with ongoing work, elapsed time or
/// an outside cost, each part joined by " · ": "one-off: 2 person-weeks · then 1 person-week a
/// quarter · takes at least 26 weeks · outside cost about €8,000–€20,000 (audit fee)". The
/// outside cost is written in its own currency, never converted.
pub fn effort_line(f: &EffortFacts) -> String {
    let recurring = if f.recurring.is_finite() && f.recurring > 0.0 {
        f.recurring
    } else {
        0.0
    };
    let mut parts = Vec::new();
    if recurring > 0.0 {
        parts.push(tf(
            "effort.one_off",
            &[("effort", &person_weeks(f.one_off))],
        ));
        parts.push(tf(
            "effort.then_recurring",
            &[("effort", &person_weeks(recurring))],
        ));
    } else {
        parts.push(person_weeks(f.one_off));
    }
    if let Some(w) = f.at_least_weeks.filter(|w| w.is_finite() && *w > 0.0) {
        parts.push(tf("effort.at_least", &[("weeks", &weeks(w.ceil()))]));
    }
    if let Some(c) = f.outside {
        parts.push(outside_cost(c));
    }
    parts.join(t("effort.separator"))
}

/// "outside cost about €8,000–€20,000 (audit fee)", in the cost's own currency.
pub fn outside_cost(c: &OutsideCost) -> String {
    tf(
        "effort.outside_cost",
        &[
            ("low", &money(c.low, &c.currency)),
            ("high", &money(c.high, &c.currency)),
            ("what", c.what.trim()),
        ],
    )
}

/// What happened to a step's outside cost on the initiative: filled in with the middle of the
/// range (in the plan's `currency`), or left for the founder's quote (any other currency).
pub fn outside_cost_note(c: &OutsideCost, currency: &str) -> String {
    match prefilled_cost(c, currency) {
        Some(mid) => tf("effort.prefilled", &[("amount", &money(mid, currency))]),
        None => tf("effort.enter_quote", &[("currency", c.currency.trim())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audit(currency: &str) -> OutsideCost {
        OutsideCost {
            low: 8_000.0,
            high: 20_000.0,
            currency: currency.into(),
            what: "audit fee".into(),
        }
    }

    #[test]
    fn one_is_singular_and_fractions_plural() {
        assert_eq!(weeks(1.0), "1 week");
        assert_eq!(weeks(6.0), "6 weeks");
        assert_eq!(person_weeks(1.0), "1 person-week");
        assert_eq!(person_weeks(2.5), "2.5 person-weeks");
        assert_eq!(person_weeks(0.0), "0 person-weeks");
        assert_eq!(person_weeks(1.0 / 3.0), "0.333 person-weeks");
        assert_eq!(person_weeks(0.99999), "1 person-week");
    }

    #[test]
    fn tenths_never_show_a_trailing_zero() {
        assert_eq!(person_weeks_tenths(1.0), "1 person-week");
        assert_eq!(person_weeks_tenths(1.04), "1 person-week");
        assert_eq!(person_weeks_tenths(4.0), "4 person-weeks");
        assert_eq!(person_weeks_tenths(1.66), "1.7 person-weeks");
        assert_eq!(person_weeks_tenths(-0.01), "0 person-weeks");
    }

    #[test]
    fn the_effort_line_says_each_part_plainly() {
        let cost = audit("EUR");
        let all = EffortFacts {
            one_off: 2.0,
            recurring: 1.0,
            at_least_weeks: Some(26.0),
            outside: Some(&cost),
        };
        assert_eq!(
            effort_line(&all),
            "one-off: 2 person-weeks · then 1 person-week a quarter · takes at least 26 weeks · \
             outside cost about €8,000–€20,000 (audit fee)"
        );
        let simple = EffortFacts {
            one_off: 0.1,
            recurring: 0.0,
            at_least_weeks: None,
            outside: None,
        };
        assert_eq!(effort_line(&simple), "0.1 person-weeks");
        let elapsed = EffortFacts {
            one_off: 1.0,
            at_least_weeks: Some(12.0),
            ..simple
        };
        assert_eq!(
            effort_line(&elapsed),
            "1 person-week · takes at least 12 weeks"
        );
    }

    #[test]
    fn the_outside_cost_is_prefilled_or_left_for_a_quote() {
        assert_eq!(
            outside_cost_note(&audit("EUR"), "EUR"),
            "Outside cost filled in at the middle of the typical range, €14,000: replace it with your quote."
        );
        let other = outside_cost_note(&audit("USD"), "EUR");
        assert!(
            other.contains("USD") && other.contains("enter your quote"),
            "{other}"
        );
        assert!(!other.contains('€'), "{other}");
        assert_eq!(
            outside_cost(&audit("USD")),
            "outside cost about $8,000–$20,000 (audit fee)"
        );
    }
}
