//! Every content file exists in every language with the same shape: same keys, same list
//! lengths, same numbers, and identical ids (they are keys in users' files), with every text
//! translated. Also that each translation loads and passes the same checks as the English.
//! The effort and cost figures of the improvement steps are checked in `tests_effort`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::i18n::Lang;

// Registered here because `content.rs` declares only this test module.
#[path = "tests_effort.rs"]
mod tests_effort;

/// Fields whose values are identifiers (or codes), never translated.
const IDENTIFIERS: [&str; 9] = [
    "id",
    "kind",
    "direction",
    "category",
    "cadence",
    "level",
    "currency",
    // A retired question's successors: question ids.
    "replaced_by",
    "answer_moves_to",
];

fn same_shape(en: &Value, zh: &Value, path: &str, key: &str, problems: &mut Vec<String>) {
    match (en, zh) {
        (Value::Object(a), Value::Object(b)) => {
            let ka: Vec<_> = a.keys().collect();
            let kb: Vec<_> = b.keys().collect();
            if ka != kb {
                problems.push(format!("{path}: keys differ: {ka:?} / {kb:?}"));
            }
            for (k, v) in a {
                if let Some(w) = b.get(k) {
                    same_shape(v, w, &format!("{path}.{k}"), k, problems);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                problems.push(format!("{path}: {} items / {}", a.len(), b.len()));
            }
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                same_shape(v, w, &format!("{path}[{i}]"), key, problems);
            }
        }
        (Value::String(a), Value::String(b)) => {
            if IDENTIFIERS.contains(&key) {
                if a != b {
                    problems.push(format!("{path}: identifier \"{a}\" became \"{b}\""));
                }
            } else if b.trim().is_empty() {
                problems.push(format!("{path}: empty"));
            } else if a.chars().filter(char::is_ascii_alphabetic).count() > 3
                && !b.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            {
                problems.push(format!("{path}: not translated (\"{b}\")"));
            }
        }
        (a, b) if a == b => {}
        (a, b) => problems.push(format!("{path}: {a} became {b}")),
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_content_file_has_a_chinese_twin_of_the_same_shape() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files = Vec::new();
    json_files(&root.join("en"), &mut files);
    assert!(
        files.len() >= 20,
        "found only {} content files",
        files.len()
    );
    let mut problems = Vec::new();
    for en_path in files {
        let rel = en_path.strip_prefix(root.join("en")).unwrap();
        let zh_path = root.join("zh").join(rel);
        let Ok(zh_text) = std::fs::read_to_string(&zh_path) else {
            problems.push(format!("{}: no Chinese file", rel.display()));
            continue;
        };
        let en: Value = serde_json::from_str(&std::fs::read_to_string(&en_path).unwrap()).unwrap();
        let zh: Value = match serde_json::from_str(&zh_text) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("zh/{}: {e}", rel.display()));
                continue;
            }
        };
        same_shape(&en, &zh, &rel.display().to_string(), "", &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_shape_check_can_fail() {
    let en: Value = serde_json::json!({"id": "a", "name": "Team", "levels": ["x", "y"], "w": 2});
    let zh: Value = serde_json::json!({"id": "b", "name": "Team", "levels": ["甲"], "w": 3});
    let mut problems = Vec::new();
    same_shape(&en, &zh, "f", "", &mut problems);
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn chinese_presets_and_templates_load_and_pass_the_checks() {
    use super::{presets, templates};
    use crate::domain::scorecard::ScorecardKind;
    let zh = presets::parse_lang(Lang::Zh).unwrap();
    assert_eq!(presets::check(&zh), Vec::<String>::new());
    let en = presets::all();
    assert_eq!(zh.len(), en.len());
    for (a, b) in en.iter().zip(&zh) {
        assert_eq!(a.id, b.id);
    }
    assert_ne!(presets::all_lang(Lang::Zh)[0].name, en[0].name);
    for kind in [ScorecardKind::Partner, ScorecardKind::Tool] {
        let t = templates::parse_lang(kind, Lang::Zh).unwrap();
        assert_eq!(templates::check(&t), Vec::<String>::new());
        assert_ne!(
            templates::template_lang(kind, Lang::Zh).criteria[0].name,
            templates::template(kind).criteria[0].name
        );
    }
}

#[test]
fn chinese_framework_content_loads_passes_the_checks_and_keeps_every_id() {
    let zh = super::parse_lang(Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(super::check(&zh), Vec::<String>::new());
    let en = super::get();
    assert_eq!(zh.question_count(), en.question_count());
    for (a, b) in en.areas.iter().zip(&zh.areas) {
        assert_eq!((a.id.as_str(), a.number), (b.id.as_str(), b.number));
        assert_eq!(a.default_targets, b.default_targets);
        for (q, r) in a.questions.iter().zip(&b.questions) {
            assert_eq!(q.id, r.id);
            assert_eq!(q.dom_id, r.dom_id);
            assert_eq!(q.default_targets, r.default_targets);
            let weeks = |x: &super::Question| {
                x.improvements
                    .iter()
                    .map(|i| i.effort_weeks)
                    .collect::<Vec<_>>()
            };
            assert_eq!(weeks(q), weeks(r), "{}", q.id);
        }
    }
    assert_eq!(super::get_lang(Lang::Zh).areas[0].name, "业务目标");
    assert_eq!(super::get_lang(Lang::En).areas[0].name, "Business goals");
}

/// The key question of each area, by id, in area order.
fn key_question_ids(content: &super::Content) -> Vec<Option<&str>> {
    content
        .areas
        .iter()
        .map(|a| a.key_question().map(|q| q.id.as_str()))
        .collect()
}

#[test]
fn both_languages_mark_the_same_key_question_in_every_area() {
    let zh = super::parse_lang(Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    let en = super::get();
    let keys = key_question_ids(en);
    assert_eq!(keys.len(), 16);
    assert!(keys.iter().all(Option::is_some), "{keys:?}");
    assert_eq!(key_question_ids(&zh), keys);
    // And the comparison can fail: a Chinese file marking another question differs.
    let mut moved = zh.clone();
    moved.areas[3].questions[0].key_question = false;
    moved.areas[3].questions[1].key_question = true;
    assert_ne!(key_question_ids(&moved), keys);
    // The file shape check reports a key question marked in one language only.
    let en_q = serde_json::json!({"id": "a.b", "key_question": true, "text": "Is it so?"});
    let zh_q = serde_json::json!({"id": "a.b", "text": "是吗？"});
    let mut problems = Vec::new();
    same_shape(&en_q, &zh_q, "q", "", &mut problems);
    assert_eq!(problems.len(), 1, "{problems:?}");
}
