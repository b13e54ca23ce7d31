use std::collections::BTreeSet;
use std::path::Path;

use super::*;

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.insert(after[..end].to_string());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

#[test]
fn every_key_exists_in_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for (group, en, zh) in &groups() {
        let en = parse_group(en).unwrap_or_else(|e| panic!("locales/en/{group}.json: {e}"));
        let zh = parse_group(zh).unwrap_or_else(|e| panic!("locales/zh/{group}.json: {e}"));
        for key in en.keys() {
            // English singulars (`key.one`, see `counted`): Chinese has one form for all numbers.
            if let Some(base) = key.strip_suffix(".one") {
                if !en.contains_key(base) {
                    problems.push(format!(
                        "{group}: \"{key}\" has no \"{base}\" to be the singular of"
                    ));
                }
                continue;
            }
            if !zh.contains_key(key) {
                problems.push(format!(
                    "{group}: \"{key}\" is in English but not in Chinese"
                ));
            }
        }
        for key in zh.keys() {
            if !en.contains_key(key) {
                problems.push(format!(
                    "{group}: \"{key}\" is in Chinese but not in English"
                ));
            }
        }
        for key in zh.keys().filter(|k| k.ends_with(".one")) {
            problems.push(format!("{group}: \"{key}\": Chinese has no singular form"));
        }
        for (key, en_text) in &en {
            if let Some(base) = key.strip_suffix(".one") {
                let allowed = placeholders(&en[base]);
                if !placeholders(en_text).is_subset(&allowed) {
                    problems.push(format!(
                        "{group}: \"{key}\" uses placeholders \"{base}\" has not"
                    ));
                }
            }
            if !key.starts_with(&format!("{group}.")) {
                problems.push(format!(
                    "{group}: \"{key}\" does not start with \"{group}.\""
                ));
            }
            if en_text.trim().is_empty() {
                problems.push(format!("{group}: \"{key}\" is empty in English"));
            }
            if let Some(zh_text) = zh.get(key) {
                if zh_text.trim().is_empty() {
                    problems.push(format!("{group}: \"{key}\" is empty in Chinese"));
                }
                if placeholders(en_text) != placeholders(zh_text) {
                    problems.push(format!(
                        "{group}: \"{key}\" has placeholders {:?} in English but {:?} in Chinese",
                        placeholders(en_text),
                        placeholders(zh_text)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_missing_key_is_caught() {
    // The check above must be able to fail: a catalogue pair that differs is reported.
    let en = parse_group(r#"{"g.a": "One {n}", "g.b": "Two"}"#).unwrap();
    let zh = parse_group(r#"{"g.a": "一 {m}"}"#).unwrap();
    assert!(!zh.contains_key("g.b") && en.contains_key("g.b"));
    assert_ne!(placeholders(&en["g.a"]), placeholders(&zh["g.a"]));
}

/// Keys the code asks for with a literal: `t("…")`, `tf("…"` and the charts' `word("…")`.
fn literal_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for pattern in [
        "t(\"", "tf(\"", "tr(\"", "trf(\"", "tn(\"", "trn(\"", "word(\"",
    ] {
        let mut rest = source;
        while let Some(at) = rest.find(pattern) {
            let before = rest[..at].chars().next_back();
            let after = &rest[at + pattern.len()..];
            rest = after;
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(end) = after.find('"') {
                keys.push(after[..end].to_string());
            }
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_the_code_asks_for_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in files {
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        for key in literal_keys(&source) {
            seen += 1;
            if !catalogue(Lang::En).contains_key(&key) {
                missing.push(format!("{}: \"{key}\"", file.display()));
            }
        }
    }
    assert!(seen > 0, "no t(\"…\") call found: the scan is broken");
    assert!(
        missing.is_empty(),
        "keys with no text:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_key_scan_finds_calls_and_skips_other_identifiers() {
    let keys = literal_keys(r#"x(t("a.b")); tf("a.c", &[]); let s = format("x"); at("no")"#);
    assert_eq!(keys, ["a.b", "a.c"]);
}

#[test]
fn texts_come_in_the_asked_language_and_fall_back_to_english() {
    assert_eq!(text(Lang::En, "common.language"), "Language");
    assert_eq!(text(Lang::Zh, "common.language"), "语言");
    assert_eq!(text(Lang::Zh, "no.such.key"), MISSING);
    assert_eq!(
        fill("Hello {name}, {name}!", &[("name", "Ann")]),
        "Hello Ann, Ann!"
    );
}

#[test]
fn language_codes_read_browser_tags() {
    assert_eq!(Lang::from_code("zh-CN"), Some(Lang::Zh));
    assert_eq!(Lang::from_code("zh-Hans"), Some(Lang::Zh));
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
    for l in Lang::ALL {
        assert_eq!(Lang::from_code(l.code()), Some(l));
    }
}

#[test]
fn dates_and_numbers_are_written_per_language() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    assert_eq!(date(Lang::En, d), "3 Nov 2026");
    assert_eq!(date(Lang::Zh, d), "2026年11月3日");
    assert_eq!(month(Lang::En, d), "November 2026");
    assert_eq!(month(Lang::Zh, d), "2026年11月");
    let t = d.and_hms_opt(9, 5, 0).unwrap();
    assert_eq!(date_time(Lang::En, t), "3 Nov 2026, 09:05");
    assert_eq!(date_time(Lang::Zh, t), "2026年11月3日 09:05");
    assert_eq!(number(Lang::En, 1_234_567.5, 2), "1,234,567.5");
    assert_eq!(number(Lang::Zh, 1_234_567.5, 2), "1,234,567.5");
    assert_eq!(number(Lang::En, -1200.0, 0), "-1,200");
    assert_eq!(number(Lang::En, 0.004, 2), "0");
    assert_eq!(number(Lang::En, 999.999, 2), "1,000");
}

#[test]
fn every_label_the_model_gives_has_a_chinese_text() {
    use crate::content::presets;
    use crate::domain::{answers, budget, context, kpi, merge, model, review, risk, roadmap, team};
    let mut labels: Vec<&'static str> = Vec::new();
    labels.extend(answers::Confidence::ALL.map(|x| x.label()));
    labels.extend(model::Stage::ALL.map(|x| x.label()));
    labels.extend(roadmap::InitiativeStatus::ALL.map(|x| x.label()));
    labels.extend(roadmap::Horizon::ALL.map(|x| x.label()));
    labels.extend(merge::Section::ALL.map(|x| x.label()));
    labels.extend(kpi::trend::Status::ALL.map(|x| x.label()));
    labels.extend(context::Quadrant::ALL.map(|x| x.label()));
    labels.extend(context::Degree::ALL.map(|x| x.label()));
    labels.extend(context::Category::ALL.map(|x| x.label()));
    labels.extend(context::Lifecycle::ALL.map(|x| x.label()));
    labels.extend(context::DecisionStatus::ALL.map(|x| x.label()));
    labels.extend(budget::BudgetCategory::ALL.map(|x| x.label()));
    labels.extend(risk::RiskCategory::ALL.map(|x| x.label()));
    labels.extend(risk::RiskStatus::ALL.map(|x| x.label()));
    labels.extend(risk::Band::ALL.map(|x| x.label()));
    labels.extend(team::ChangeKind::ALL.map(|x| x.label()));
    labels.extend(team::Party::ALL.map(|x| x.label()));
    labels.extend(kpi::Category::ALL.map(|x| x.label()));
    labels.extend(kpi::Cadence::ALL.map(|x| x.label()));
    labels.extend(review::AreaStatus::ALL.map(|x| x.label()));
    labels.extend(presets::Level::ALL.map(|x| x.label()));
    let missing: Vec<_> = labels
        .iter()
        .filter(|l| !catalogue(Lang::Zh).contains_key(&format!("label.{l}")))
        .collect();
    assert!(
        missing.is_empty(),
        "labels with no Chinese text: {missing:?}"
    );
    assert_eq!(label(Lang::Zh, "Seed"), "种子轮");
    assert_eq!(label(Lang::En, "Seed"), "Seed");
}

#[test]
fn counted_texts_take_the_english_singular_and_one_chinese_form() {
    let one = counted(Lang::En, "common.weeks", 1, &[]);
    let many = counted(Lang::En, "common.weeks", 3, &[]);
    assert_eq!((one.as_str(), many.as_str()), ("1 week", "3 weeks"));
    assert_eq!(counted(Lang::Zh, "common.weeks", 1, &[]), "1 周");
    assert_eq!(counted(Lang::Zh, "common.weeks", 3, &[]), "3 周");
}

#[test]
fn filling_never_reads_placeholders_inside_values() {
    assert_eq!(
        fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
        "{b} and x",
        "a value that looks like a placeholder stays as typed"
    );
    assert_eq!(fill("{unknown} {a}", &[("a", "1")]), "{unknown} 1");
    assert_eq!(fill("no braces", &[]), "no braces");
    assert_eq!(fill("{a", &[("a", "1")]), "{a");
}
