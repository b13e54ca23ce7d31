//! Tests of the second edition of the scorecard templates: weights that add up to 100 with the
//! partner's desire first, the new criteria and must-have indicators in both languages, money
//! written without a currency sign, and the Chinese wording. Kept apart from `templates.rs` so
//! that file stays about loading and checking templates.

use super::tests::{RELEASED_PARTNER_CRITERIA, RELEASED_TOOL_CRITERIA};
use super::*;
use crate::domain::scorecard::{engine, Candidate};
use crate::i18n::Lang;

const KINDS: [ScorecardKind; 2] = [ScorecardKind::Partner, ScorecardKind::Tool];
const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

/// Parsed straight from the file, so a Chinese file that fails to parse fails here instead of
/// falling back to English.
fn parsed(kind: ScorecardKind, lang: Lang) -> Template {
    parse_lang(kind, lang).unwrap_or_else(|e| panic!("{e}"))
}

/// Every text of a template a user can read, with where it is.
fn texts(t: &Template) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    for c in &t.criteria {
        out.push((format!("{} name", c.id), c.name.as_str()));
        out.push((format!("{} description", c.id), c.description.as_str()));
        out.push((format!("{} help", c.id), c.help.as_str()));
        for (i, l) in c.levels.iter().enumerate() {
            out.push((format!("{} level {i}", c.id), l.as_str()));
        }
        for i in &c.indicators {
            out.push((format!("{}/{} name", c.id, i.id), i.name.as_str()));
            out.push((format!("{}/{} unit", c.id, i.id), i.unit.as_str()));
        }
    }
    for d in &t.culture_dimensions {
        for s in [&d.name, &d.left, &d.right, &d.help] {
            out.push((format!("culture {}", d.id), s.as_str()));
        }
    }
    for a in &t.operating_aspects {
        out.push((format!("aspect {}", a.id), a.name.as_str()));
        out.push((format!("aspect {}", a.id), a.prompt.as_str()));
    }
    for k in &t.project_kinds {
        out.push((format!("project kind {}", k.id), k.name.as_str()));
        out.push((format!("project kind {}", k.id), k.description.as_str()));
    }
    out
}

#[test]
fn default_weights_add_up_to_100_in_both_languages() {
    for kind in KINDS {
        for lang in LANGS {
            let t = parsed(kind, lang);
            assert_eq!(t.weight_sum(), 100.0, "{kind:?} {lang:?}");
            assert!(check(&t).is_empty(), "{kind:?} {lang:?}: {:?}", check(&t));
        }
    }
    // And the check can fail: one weight more and the sum is reported.
    let mut t = parsed(ScorecardKind::Tool, Lang::En);
    t.criteria[0].weight += 1.0;
    assert!(check(&t).contains(&"weights add up to 101, expected 100".to_string()));
}

#[test]
fn desire_weighs_most_then_the_extra_mile() {
    for lang in LANGS {
        let t = parsed(ScorecardKind::Partner, lang);
        let mut by_weight: Vec<(&str, f64)> = t
            .criteria
            .iter()
            .map(|c| (c.id.as_str(), c.weight))
            .collect();
        by_weight.sort_by(|a, b| b.1.total_cmp(&a.1));
        assert_eq!(by_weight[0], ("partner.desire", 16.0), "{lang:?}");
        assert!(by_weight[1].1 < 16.0, "{lang:?}: desire shares the top");
        let extra = t.criterion("partner.extra").map(|c| c.weight);
        assert_eq!(extra, Some(by_weight[1].1), "{lang:?}: {by_weight:?}");
    }
}

#[test]
fn both_languages_have_the_same_criteria_in_the_same_order() {
    for kind in KINDS {
        let (en, zh) = (parsed(kind, Lang::En), parsed(kind, Lang::Zh));
        let released: &[&str] = match kind {
            ScorecardKind::Partner => &RELEASED_PARTNER_CRITERIA,
            ScorecardKind::Tool => &RELEASED_TOOL_CRITERIA,
        };
        for t in [&en, &zh] {
            let ids: Vec<&str> = t.criteria.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, released, "{kind:?}");
        }
        for (a, b) in en.criteria.iter().zip(&zh.criteria) {
            assert_eq!(a.weight, b.weight, "{}", a.id);
            assert_eq!(a.must_have, b.must_have, "{}", a.id);
            let shape = |c: &TemplateCriterion| {
                c.indicators
                    .iter()
                    .map(|i| (i.id.clone(), i.threshold, i.direction, i.must_have))
                    .collect::<Vec<_>>()
            };
            assert_eq!(shape(a), shape(b), "{}", a.id);
            assert_ne!(a.name, b.name, "{} is not translated", a.id);
            for (x, y) in a.levels.iter().zip(&b.levels) {
                assert_ne!(x, y, "{}: a level is not translated", a.id);
            }
        }
        let ids = |t: &Template| {
            (
                t.culture_dimensions
                    .iter()
                    .map(|d| d.id.clone())
                    .collect::<Vec<_>>(),
                t.operating_aspects
                    .iter()
                    .map(|a| a.id.clone())
                    .collect::<Vec<_>>(),
                t.project_kinds
                    .iter()
                    .map(|k| (k.id.clone(), k.domain_weight.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(ids(&en), ids(&zh), "{kind:?}");
    }
}

#[test]
fn the_new_criteria_are_there_in_both_languages() {
    for lang in LANGS {
        let p = parsed(ScorecardKind::Partner, lang);
        let ip = p
            .criterion("partner.ip-ownership")
            .unwrap_or_else(|| panic!("{lang:?}: no ip-ownership"));
        assert_eq!(ip.weight, 8.0);
        assert_eq!(
            p.criteria.last().map(|c| c.id.as_str()),
            Some(ip.id.as_str())
        );
        let t = parsed(ScorecardKind::Tool, lang);
        for id in ["tool.functional-fit", "tool.vendor-viability"] {
            assert!(t.criterion(id).is_some(), "{lang:?}: no {id}");
        }
        assert_eq!(
            t.criterion("tool.functional-fit").map(|c| c.weight),
            Some(20.0)
        );
    }
    let ip = partner()
        .criterion("partner.ip-ownership")
        .map(|c| c.description.as_str());
    let ip = ip.unwrap_or_default();
    for words in [
        "intellectual property",
        "repositories",
        "your company's name",
        "first day",
    ] {
        assert!(
            ip.contains(words),
            "ip-ownership does not say {words:?}: {ip}"
        );
    }
}

#[test]
fn blameless_review_kpis_and_ownership_are_must_have_indicators_of_new_cards() {
    let card = new_scorecard(ScorecardKind::Partner, Uuid::from_u128(1), "p");
    let gate = |criterion: &str, indicator: &str| {
        card.criterion(criterion)
            .and_then(|c| c.indicators.iter().find(|i| i.id == indicator))
            .map(|i| i.must_have)
    };
    assert_eq!(gate("partner.culture", "blameless-review"), Some(true));
    assert_eq!(gate("partner.kpis", "kpi-framework"), Some(true));
    assert_eq!(
        gate("partner.ip-ownership", "code-and-accounts-yours"),
        Some(true)
    );
    assert_eq!(gate("partner.talent", "backfill-weeks"), Some(false));
    let gates: usize = card
        .criteria
        .iter()
        .map(|c| c.indicators.iter().filter(|i| i.must_have).count())
        .sum();
    assert_eq!(gates, 3, "only those three gate by default");

    // Through the engine: a partner without blameless reviews fails, whatever its scores.
    let mut card = card;
    let (good, blaming) = (Uuid::from_u128(10), Uuid::from_u128(11));
    for (id, blameless) in [(good, 1.0), (blaming, 0.0)] {
        let mut c = Candidate::new(id, format!("c{blameless}"));
        for crit in &card.criteria {
            let s = c.scores.entry(crit.id.clone()).or_default();
            s.score = Some(if blameless > 0.0 { 3 } else { 5 });
        }
        c.scores
            .entry("partner.culture".into())
            .or_default()
            .indicators
            .insert("blameless-review".into(), blameless);
        card.candidates.push(c);
    }
    let outcome = engine::evaluate(&card);
    let failures = |id| outcome.result(id).map(|r| r.gate_failures.len());
    assert_eq!(failures(good), Some(0));
    assert_eq!(failures(blaming), Some(1));
    assert_eq!(outcome.winner, Some(good));
}

#[test]
fn talent_is_measured_on_your_own_account() {
    for lang in LANGS {
        let p = parsed(ScorecardKind::Partner, lang);
        let talent = p.criterion("partner.talent").map(|c| {
            c.indicators
                .iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()
        });
        assert_eq!(
            talent,
            Some(vec!["account-attrition-percent", "backfill-weeks"]),
            "{lang:?}"
        );
    }
    let en = partner().criterion("partner.talent");
    let text = en
        .map(|c| format!("{} {}", c.description, c.help))
        .unwrap_or_default();
    assert!(text.contains("your own account"), "{text}");
    assert!(text.contains("worked on your project"), "{text}");
    let zh = parsed(ScorecardKind::Partner, Lang::Zh);
    let text = zh
        .criterion("partner.talent")
        .map(|c| format!("{} {}", c.description, c.indicators[0].name))
        .unwrap_or_default();
    assert!(
        text.contains("你自己的项目") && text.contains("离开你项目"),
        "{text}"
    );
}

#[test]
fn money_texts_carry_no_currency_sign() {
    // Signs and codes of the currencies the Profile offers, and their Chinese names.
    const MARKS: [&str; 23] = [
        "$",
        "€",
        "£",
        "¥",
        "￥",
        "₹",
        "USD",
        "EUR",
        "GBP",
        "CNY",
        "JPY",
        "INR",
        "SGD",
        "CHF",
        "CAD",
        "AUD",
        "RMB",
        "美元",
        "欧元",
        "英镑",
        "人民币",
        "日元",
        "元/",
    ];
    for kind in KINDS {
        for lang in LANGS {
            let t = parsed(kind, lang);
            for (at, text) in texts(&t) {
                for mark in MARKS {
                    assert!(
                        !text.contains(mark),
                        "{kind:?} {lang:?} {at}: {mark:?} in {text:?}"
                    );
                }
            }
        }
    }
    // The money indicator names no amount itself: the UI writes it in the assessment's currency.
    assert!(is_money_indicator(
        ScorecardKind::Tool,
        "tool.tco",
        "yearly-cost"
    ));
    assert!(!is_money_indicator(
        ScorecardKind::Tool,
        "tool.support",
        "first-response-hours"
    ));
    assert!(!is_money_indicator(
        ScorecardKind::Partner,
        "tool.tco",
        "yearly-cost"
    ));
    for lang in LANGS {
        let t = parsed(ScorecardKind::Tool, lang);
        let tco = t.criterion("tool.tco").map(|c| c.indicators[0].clone());
        let tco = tco.unwrap_or_else(|| panic!("{lang:?}: no tool.tco"));
        assert_eq!(tco.id, "yearly-cost");
        assert!(
            !tco.unit.chars().any(|c| c.is_ascii_digit()),
            "{}",
            tco.unit
        );
        // Levels compare with the user's own limit, never with an amount.
        for level in t
            .criterion("tool.tco")
            .map(|c| c.levels.clone())
            .unwrap_or_default()
        {
            assert!(!level.chars().any(|c| c.is_ascii_digit()), "{level}");
        }
    }
    // And the scan can fail.
    let mut t = parsed(ScorecardKind::Tool, Lang::En);
    t.criteria[0].levels[3] = "Under $12,000 a year.".into();
    assert!(texts(&t).iter().any(|(_, s)| s.contains('$')));
}

#[test]
fn chinese_wording_follows_the_review() {
    let p = parsed(ScorecardKind::Partner, Lang::Zh);
    let t = parsed(ScorecardKind::Tool, Lang::Zh);
    let all: Vec<(String, &str)> = texts(&p).into_iter().chain(texts(&t)).collect();
    for (at, text) in &all {
        assert!(
            !text.contains("压力测试"),
            "{at}: load test is 负载测试: {text}"
        );
        assert!(!text.contains("当个工作日"), "{at}: {text}");
    }
    let tco = t
        .criterion("tool.tco")
        .map(|c| c.levels[3].as_str())
        .unwrap_or_default();
    assert!(tco.contains("实施") && !tco.contains("部署"), "{tco}");
    let tco_all = texts(&t)
        .into_iter()
        .filter(|(at, _)| at.starts_with("tool.tco "))
        .any(|(_, s)| s.contains("部署"));
    assert!(!tco_all, "set-up in the TCO criterion is 实施 throughout");
    let fit = t
        .criterion("tool.functional-fit")
        .map(|c| c.help.as_str())
        .unwrap_or_default();
    assert!(fit.contains("负载测试"), "{fit}");
    let viability = t
        .criterion("tool.vendor-viability")
        .map(|c| format!("{} {}", c.help, c.levels[4]))
        .unwrap_or_default();
    assert!(viability.contains("变更管理"), "{viability}");
    // The English says the same things, so the Chinese has something to translate.
    let en = tool();
    let fit_en = en
        .criterion("tool.functional-fit")
        .map(|c| c.help.as_str())
        .unwrap_or_default();
    assert!(fit_en.contains("load test"), "{fit_en}");
    let via_en = en
        .criterion("tool.vendor-viability")
        .map(|c| c.help.as_str())
        .unwrap_or_default();
    assert!(via_en.contains("change management"), "{via_en}");
}
