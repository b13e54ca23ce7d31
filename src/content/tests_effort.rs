//! The effort and cost figures of every improvement step, in every language: a one-off effort
//! above zero, ongoing effort not below zero, an elapsed time of at least a week where one is
//! given, an outside cost whose range is a range in a three-letter currency and says what it
//! pays for; and the same figures in Chinese as in English (only words are translated).

use crate::content::{parse_lang, Content, Improvement};
use crate::i18n::Lang;

fn both() -> (Content, Content) {
    let en = parse_lang(Lang::En).unwrap_or_else(|e| panic!("{e}"));
    let zh = parse_lang(Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    (en, zh)
}

/// Every step with where it is: `question-id@level`.
fn steps(c: &Content) -> Vec<(String, &Improvement)> {
    c.areas
        .iter()
        .flat_map(|a| &a.questions)
        .flat_map(|q| {
            q.improvements
                .iter()
                .enumerate()
                .map(move |(n, s)| (format!("{}@{n}", q.id), s))
        })
        .collect()
}

/// The problems of one step's figures, each naming the step.
fn problems_of(at: &str, s: &Improvement) -> Vec<String> {
    let mut out = Vec::new();
    if !(s.effort_weeks.is_finite() && s.effort_weeks > 0.0) {
        out.push(format!(
            "{at}: effort_weeks {} is not above 0",
            s.effort_weeks
        ));
    }
    let r = s.recurring_weeks_per_quarter;
    if !(r.is_finite() && r >= 0.0) {
        out.push(format!("{at}: recurring_weeks_per_quarter {r} is below 0"));
    }
    if let Some(e) = s.elapsed_weeks {
        if !(e.is_finite() && e >= 1.0) {
            out.push(format!("{at}: elapsed_weeks {e} is under one week"));
        }
    }
    if let Some(c) = &s.outside_cost {
        if !(c.low.is_finite() && c.high.is_finite() && 0.0 <= c.low && c.low <= c.high) {
            out.push(format!(
                "{at}: outside cost {}–{} is not a range",
                c.low, c.high
            ));
        }
        if !(c.currency.len() == 3 && c.currency.chars().all(|ch| ch.is_ascii_uppercase())) {
            out.push(format!(
                "{at}: currency \"{}\" is not a 3-letter code",
                c.currency
            ));
        }
        if c.what.trim().is_empty() {
            out.push(format!(
                "{at}: the outside cost does not say what it pays for"
            ));
        }
    }
    out
}

#[test]
fn every_step_has_sensible_effort_and_cost_figures() {
    let (en, zh) = both();
    let mut problems = Vec::new();
    for (lang, c) in [("en", &en), ("zh", &zh)] {
        let all = steps(c);
        assert!(all.len() >= 256, "{lang}: only {} steps", all.len());
        for (at, s) in all {
            problems.extend(problems_of(&format!("{lang} {at}"), s));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_catch_bad_figures() {
    let good = Improvement {
        title: "t".into(),
        detail: "d".into(),
        effort_weeks: 2.0,
        recurring_weeks_per_quarter: 1.0,
        elapsed_weeks: Some(26.0),
        outside_cost: Some(crate::content::OutsideCost {
            low: 8_000.0,
            high: 20_000.0,
            currency: "EUR".into(),
            what: "audit fee".into(),
        }),
    };
    assert_eq!(problems_of("x", &good), Vec::<String>::new());
    let mut bad = good.clone();
    bad.effort_weeks = 0.0;
    bad.recurring_weeks_per_quarter = -1.0;
    bad.elapsed_weeks = Some(0.5);
    bad.outside_cost = Some(crate::content::OutsideCost {
        low: 9.0,
        high: 1.0,
        currency: "euro".into(),
        what: " ".into(),
    });
    assert_eq!(
        problems_of("x", &bad).len(),
        6,
        "{:?}",
        problems_of("x", &bad)
    );
}

#[test]
fn chinese_steps_have_the_english_figures() {
    let (en, zh) = both();
    let (en_steps, zh_steps) = (steps(&en), steps(&zh));
    assert_eq!(en_steps.len(), zh_steps.len());
    let mut problems = Vec::new();
    for ((at, e), (zh_at, z)) in en_steps.iter().zip(&zh_steps) {
        if at != zh_at {
            problems.push(format!("{at} is {zh_at} in Chinese"));
            continue;
        }
        let figures = |s: &Improvement| {
            (
                s.effort_weeks,
                s.recurring_weeks_per_quarter,
                s.elapsed_weeks,
                s.outside_cost
                    .as_ref()
                    .map(|c| (c.low, c.high, c.currency.clone())),
            )
        };
        if figures(e) != figures(z) {
            problems.push(format!(
                "{at}: {:?} in English, {:?} in Chinese",
                figures(e),
                figures(z)
            ));
        }
        if let (Some(ce), Some(cz)) = (&e.outside_cost, &z.outside_cost) {
            if ce.what == cz.what && ce.what.chars().filter(char::is_ascii_alphabetic).count() > 3 {
                problems.push(format!(
                    "{at}: what the outside cost pays for is not translated"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
