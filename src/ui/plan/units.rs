//! Counted units the plan pages, the Overview and the report write: weeks and person-weeks, in
//! the plural form the language uses ("1 week", "3 weeks", "2.5 person-weeks", "1 人周").
//!
//! Owns the wording of these units; every "N weeks" or "N person-weeks" shown goes through
//! here, so "1 person-weeks" or "(1 weeks)" cannot come back. Numbers are written by
//! [`crate::domain::kpi::trend::plain_number`] (at most three decimals).

use crate::domain::kpi::trend::plain_number;
use crate::ui::i18n::{tf, tn};

/// `key` counted by `v`: the language's plural rule for a whole number, the "other" form for a
/// fraction (English says "2.5 weeks", "0.5 weeks").
fn counted(key: &str, v: f64) -> String {
    let whole = v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v < 1.0e15;
    if whole {
        tn(key, v as usize, &[])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_fractions_plural() {
        assert_eq!(weeks(1.0), "1 week");
        assert_eq!(weeks(6.0), "6 weeks");
        assert_eq!(person_weeks(1.0), "1 person-week");
        assert_eq!(person_weeks(2.5), "2.5 person-weeks");
        assert_eq!(person_weeks(0.0), "0 person-weeks");
        assert_eq!(person_weeks(1.0 / 3.0), "0.333 person-weeks");
    }
}
