//! Hostile and broken files (issue #8): each must be refused with an error of the expected kind
//! whose message names the problem in plain words, and the path where one applies. None may
//! panic. Built on the real version-6 fixture, so every file is otherwise valid.

use serde_json::{json, Value};

use super::*;

const V6: &str = include_str!("../../tests/fixtures/v6.json");

fn v6() -> Value {
    serde_json::from_str(V6).unwrap()
}

/// The v6 fixture with `edit` applied, as text.
fn v6_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = v6();
    edit(&mut v);
    v.to_string()
}

fn error_of(bytes: &[u8]) -> FormatError {
    match import_bytes(bytes) {
        Ok(_) => panic!("expected an error for {}", preview(bytes)),
        Err(e) => e,
    }
}

fn preview(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(80)]).into_owned()
}

/// The problems of an `Invalid` error, as shown to the user.
fn problems(bytes: &[u8]) -> Vec<String> {
    match error_of(bytes) {
        FormatError::Invalid(p) => p.iter().map(Problem::to_string).collect(),
        other => panic!("expected Invalid, got {other:?} ({other})"),
    }
}

/// A problem's text without the titles put after list items (` ("Outage")`).
fn untitled(problem: &str) -> String {
    let mut out = problem.to_string();
    while let Some(start) = out.find(" (\"") {
        match out[start..].find("\")") {
            Some(end) => out.replace_range(start..start + end + 2, ""),
            None => break,
        }
    }
    out
}

fn not_ours(bytes: &[u8]) -> String {
    match error_of(bytes) {
        e @ FormatError::NotOurs(_) => e.to_string(),
        other => panic!("expected NotOurs, got {other:?} ({other})"),
    }
}

fn not_json(bytes: &[u8]) -> String {
    match error_of(bytes) {
        e @ FormatError::NotJson { .. } => e.to_string(),
        other => panic!("expected NotJson, got {other:?} ({other})"),
    }
}

#[test]
fn the_fixture_itself_imports_from_bytes() {
    let imported = import_bytes(V6.as_bytes()).unwrap();
    assert_eq!(imported.assessments.len(), 2);
}

#[test]
fn an_empty_file_says_it_is_empty() {
    for bytes in [
        &b""[..],
        b"   \n\t\r\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF \n",
    ] {
        let err = error_of(bytes);
        assert_eq!(err, FormatError::Empty, "{bytes:?}");
        assert!(err.to_string().starts_with("This file is empty"), "{err}");
    }
}

#[test]
fn a_truncated_file_says_it_ends_too_early() {
    for cut in [1, V6.len() / 3, V6.len() / 2, V6.len() - 2] {
        let text = not_json(&V6.as_bytes()[..cut]);
        assert!(text.contains("the file ends too early"), "{cut}: {text}");
    }
}

#[test]
fn bytes_that_are_not_utf8_say_where() {
    let mut bytes = V6.as_bytes().to_vec();
    let at = V6.find("Harbourline").unwrap();
    bytes[at] = 0xFF;
    let line = 1 + V6[..at].matches('\n').count();
    let err = error_of(&bytes);
    assert_eq!(err, FormatError::NotUtf8 { offset: at, line });
    let text = err.to_string();
    assert!(text.starts_with("This file is not UTF-8 text"), "{text}");
    assert!(
        text.contains(&format!("offset {at} (line {line})")),
        "{text}"
    );
    // Latin-1, as an old editor might save "Tomás".
    let err = error_of(b"{\"name\": \"Tom\xE1s\"}");
    assert_eq!(
        err,
        FormatError::NotUtf8 {
            offset: 13,
            line: 1
        }
    );
}

#[test]
fn utf16_is_named_with_the_fix() {
    let utf16 = |big_endian: bool, bom: bool| {
        let mut out = Vec::new();
        if bom {
            out.extend(if big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            });
        }
        for unit in V6.encode_utf16() {
            out.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    };
    for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
        let err = error_of(&utf16(big_endian, bom));
        assert_eq!(
            err,
            FormatError::Utf16,
            "big endian {big_endian}, bom {bom}"
        );
        assert!(
            err.to_string()
                .starts_with("This file was saved as UTF-16; save it as UTF-8"),
            "{err}"
        );
    }
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(V6.as_bytes());
    assert_eq!(
        import_bytes(&bytes).unwrap(),
        import_bytes(V6.as_bytes()).unwrap()
    );
}

#[test]
fn json_that_is_not_an_object_says_what_it_holds() {
    let cases: [(&str, &str); 6] = [
        ("null", "it holds only the word null"),
        (
            "[]",
            "it holds a list ([…]), and a CTO Workbench file is one object ({…})",
        ),
        (r#""x""#, "it holds only a text in quotes"),
        ("42", "it holds only a number"),
        ("true", "it holds only true or false"),
        ("{}", "it has no \"format\": \"cto-workbench\" field"),
    ];
    for (text, why) in cases {
        assert_eq!(
            not_ours(text.as_bytes()),
            format!("This is not a CTO Workbench file: {why}."),
            "{text}"
        );
    }
}

#[test]
fn schema_versions_out_of_range_name_the_field_or_the_newer_app() {
    let with = |version: Value| v6_with(|v| v["schema_version"] = version);
    assert_eq!(
        problems(with(json!(0)).as_bytes()),
        ["schema_version: 0 is out of range (versions start at 1)"]
    );
    assert_eq!(
        problems(with(json!(-1)).as_bytes()),
        ["schema_version: expected a whole number of 1 or more, found -1"]
    );
    assert_eq!(
        problems(with(json!("6")).as_bytes()),
        ["schema_version: expected a whole number of 1 or more, found \"6\""]
    );
    // 6.0 is the whole number 6, as JSON Schema reads it.
    let six = import(&with(json!(6.0))).unwrap();
    assert_eq!(six.migrated_from, Some(6));
    assert_eq!(
        problems(with(json!(6.5)).as_bytes()),
        ["schema_version: expected a whole number of 1 or more, found 6.5"]
    );
    assert_eq!(
        problems(with(json!("6".repeat(500))).as_bytes()),
        [format!(
            "schema_version: expected a whole number of 1 or more, found a text of 500 \
             characters starting \"{}…\"",
            "6".repeat(20)
        )]
    );
    let err = error_of(with(json!(99999)).as_bytes());
    assert_eq!(
        err,
        FormatError::FromNewerVersion {
            found: 99999,
            supported: SCHEMA_VERSION
        }
    );
    assert!(err
        .to_string()
        .contains("made by a newer version of CTO Workbench"));
    let err = error_of(with(json!(u64::MAX)).as_bytes());
    assert!(matches!(err, FormatError::FromNewerVersion { found, .. } if found == u64::MAX));
    let missing = v6_with(|v| {
        v.as_object_mut().unwrap().remove("schema_version");
    });
    // Read as this version (a file of our format may leave it out); a version-6 file then
    // does not read, and the first problem says what was assumed.
    assert!(problems(missing.as_bytes())[0].starts_with(&format!(
        "schema_version: not given, so the file was read as version {SCHEMA_VERSION}"
    )));
}

/// Policy: unknown fields are refused at every level (a misspelt field would otherwise be lost
/// without notice); see "What import refuses and what it ignores" in docs/format.md.
#[test]
fn unknown_fields_are_refused_with_their_path() {
    let top = v6_with(|v| v["generator"] = json!("other-app"));
    assert!(
        problems(top.as_bytes())[0].starts_with("generator: is not a field this format knows"),
        "{:?}",
        problems(top.as_bytes())
    );
    let deep = v6_with(|v| v["assessments"][0]["risks"][0]["severity"] = json!(3));
    assert!(
        untitled(&problems(deep.as_bytes())[0])
            .starts_with("assessments[0].risks[0].severity: is not a field this format knows"),
        "{:?}",
        problems(deep.as_bytes())
    );
}

#[test]
fn a_key_written_twice_is_refused_with_its_path() {
    // In the envelope, in a struct deep inside, and in a map keyed by question id.
    let text = V6
        .replacen(
            "\"kind\": \"workspace\",",
            "\"kind\": \"workspace\",\n  \"kind\": \"assessment\",",
            1,
        )
        .replacen(
            "\"stage\": \"seed\",",
            "\"stage\": \"seed\",\n        \"stage\": \"series-a\",",
            1,
        );
    assert_ne!(text, V6);
    let found = problems(text.as_bytes());
    // In the order they appear in the file.
    assert_eq!(
        found,
        [
            "kind: is written twice in the same object; each key may appear only once",
            "assessments[0].profile.stage: is written twice in the same object; each key may \
             appear only once",
        ]
    );
    let a = &v6()["assessments"][0];
    let (question, answer) = a["answers"].as_object().unwrap().iter().next().unwrap();
    let first = format!(
        "\"{question}\": {}",
        serde_json::to_string_pretty(answer).unwrap()
    );
    let compact = serde_json::to_string(&v6()).unwrap();
    let needle = format!("\"{question}\":{}", serde_json::to_string(answer).unwrap());
    assert!(compact.contains(&needle), "{first}");
    let doubled = compact.replacen(&needle, &format!("{needle},{needle}"), 1);
    assert_eq!(
        problems(doubled.as_bytes()),
        [format!(
            "assessments[0].answers.{question}: is written twice in the same object; each key \
             may appear only once"
        )]
    );
}

#[test]
fn duplicate_ids_are_refused_with_both_places() {
    let text = v6_with(|v| {
        let a = &mut v["assessments"][0];
        for list in ["initiatives", "risks", "kpis", "stakeholders"] {
            let first = a[list][0].clone();
            a[list].as_array_mut().unwrap().push(first);
        }
        let m = a["kpis"][0]["measurements"][0].clone();
        a["kpis"][0]["measurements"].as_array_mut().unwrap().push(m);
    });
    // Titles of list items are tested in `validate::shape`; here only the places count.
    let found: Vec<String> = problems(text.as_bytes())
        .iter()
        .map(|p| untitled(p))
        .collect();
    let a = &v6()["assessments"][0];
    let n = |list: &str| a[list].as_array().unwrap().len();
    let m = a["kpis"][0]["measurements"].as_array().unwrap().len();
    for expected in [
        format!(
            "assessments[0].initiatives[{}].id: the same id as assessments[0].initiatives[0]",
            n("initiatives")
        ),
        format!(
            "assessments[0].risks[{}].id: the same id as assessments[0].risks[0]",
            n("risks")
        ),
        format!(
            "assessments[0].kpis[{}].id: the same id as assessments[0].kpis[0]",
            n("kpis")
        ),
        format!(
            "assessments[0].stakeholders[{}].id: the same id as assessments[0].stakeholders[0]",
            n("stakeholders")
        ),
        format!(
            "assessments[0].kpis[0].measurements[{m}].id: the same id as \
             assessments[0].kpis[0].measurements[0]"
        ),
    ] {
        assert!(found.contains(&expected), "{expected}\nnot in {found:?}");
    }

    let twice = v6_with(|v| {
        let first = v["assessments"][0].clone();
        v["assessments"].as_array_mut().unwrap().push(first);
    });
    assert_eq!(
        problems(twice.as_bytes()),
        ["assessments[2].id: the same id as assessments[0]; each assessment needs its own id"]
    );
}

#[test]
fn numbers_json_cannot_hold_are_named() {
    let with =
        |literal: &str| V6.replacen("\"team_size\": 14", &format!("\"team_size\": {literal}"), 1);
    assert_ne!(with("1"), V6, "the fixture has a team size of 14");
    let text = not_json(with("1e999").as_bytes());
    assert!(
        text.contains("a number is too large to read (such as 1e999)"),
        "{text}"
    );
    for literal in ["NaN", "Infinity", "-Infinity", "nan", "-inf"] {
        let text = not_json(with(literal).as_bytes());
        assert!(
            text.contains("NaN and Infinity are not numbers JSON allows"),
            "{literal}: {text}"
        );
    }
    let text = not_json(with("nul").as_bytes());
    assert!(text.contains("only true, false and null"), "{text}");
    // A number JSON allows but the field does not: the path and the range.
    let found = problems(with("1e300").as_bytes());
    assert!(
        found[0].starts_with("assessments[0].profile.team_size:"),
        "{found:?}"
    );
}

#[test]
fn lone_surrogates_and_raw_control_characters_are_named() {
    for escape in [r"\ud800", r"\udc00", r"\ud800\u0041", r"\udfff\ud800"] {
        let text = V6.replacen("Harbourline", &format!("Harbour{escape}line"), 1);
        let shown = not_json(text.as_bytes());
        assert!(
            shown.contains(r"a \u escape in a text is broken"),
            "{escape}: {shown}"
        );
    }
    let text = V6.replacen("Harbourline", "Harbour\tline", 1);
    let shown = not_json(text.as_bytes());
    assert!(shown.contains("raw control character"), "{shown}");
    let text = V6.replacen("Harbourline", r"Harbour\xline", 1);
    let shown = not_json(text.as_bytes());
    assert!(
        shown.contains(r"a backslash escape JSON does not know"),
        "{shown}"
    );
}

#[test]
fn nesting_ten_thousand_levels_deep_says_nested_too_deeply() {
    let deep_list = "[".repeat(10_000);
    let deep_objects = "{\"a\":".repeat(10_000);
    let inside = V6.replacen(
        "\"team_size\": 14",
        &format!(
            "\"team_size\": {}{}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
        1,
    );
    for text in [deep_list, deep_objects, inside] {
        let err = error_of(text.as_bytes());
        assert!(matches!(err, FormatError::TooDeep { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("This file is nested too deeply"),
            "{err}"
        );
    }
    // 100 levels are within the parser's limit: the file is refused for its shape instead.
    let shallow = V6.replacen(
        "\"team_size\": 14",
        &format!("\"team_size\": {}{}", "[".repeat(100), "]".repeat(100)),
        1,
    );
    assert!(problems(shallow.as_bytes())[0].starts_with("assessments[0].profile.team_size:"));
}

#[test]
fn proto_keys_are_nothing_special() {
    // As a field: unknown, so refused like any other.
    let top = v6_with(|v| v["__proto__"] = json!({ "polluted": true }));
    assert!(problems(top.as_bytes())[0].starts_with("__proto__: is not a field this format knows"));
    let profile = v6_with(|v| v["assessments"][0]["profile"]["__proto__"] = json!({}));
    assert!(problems(profile.as_bytes())[0]
        .starts_with("assessments[0].profile.__proto__: is not a field this format knows"));
    // As a question id: not a valid id.
    let answer = v6_with(|v| {
        let answers = v["assessments"][0]["answers"].as_object_mut().unwrap();
        let first = answers.values().next().unwrap().clone();
        answers.insert("__proto__".into(), first);
    });
    assert!(problems(answer.as_bytes()).iter().any(|p| p
        .starts_with(r#"assessments[0].answers["__proto__"]: is not a valid id"#)
        || p.starts_with("assessments[0].answers.__proto__: is not a valid id")));
    // As a skill name, where any text is allowed: kept as plain text, and it round-trips.
    let skill = v6_with(|v| {
        v["assessments"][0]["team"]["people"][0]["skills"]["__proto__"] = json!(2);
        v["assessments"][0]["team"]["people"][0]["skills"]["constructor"] = json!(1);
        v.as_object_mut().unwrap().remove("content_sha256");
    });
    let imported = import_bytes(skill.as_bytes()).unwrap();
    let skills = &imported.assessments[0].team.people[0].skills;
    assert_eq!(skills.get("__proto__"), Some(&2));
    assert_eq!(skills.get("constructor"), Some(&1));
    let again = import(&export(
        imported.kind,
        &imported.assessments,
        imported.exported_at,
    ))
    .unwrap();
    assert_eq!(again.assessments, imported.assessments);
}

#[test]
fn a_million_list_items_are_refused_with_path_and_count() {
    let million = v6_with(|v| v["assessments"][0]["stakeholders"] = json!(vec![0; 1_000_000]));
    assert_eq!(
        problems(million.as_bytes()),
        ["assessments[0].stakeholders: holds 1000000 items; the limit is 10000"]
    );
    // Valid items, just too many of them.
    let many = v6_with(|v| {
        let one = v["assessments"][0]["stakeholders"][0].clone();
        let list: Vec<Value> = (0..=MAX_LIST_ITEMS)
            .map(|i| {
                let mut s = one.clone();
                s["id"] = json!(uuid::Uuid::from_u128(i as u128 + 1));
                s
            })
            .collect();
        v["assessments"][0]["stakeholders"] = Value::Array(list);
    });
    assert_eq!(
        problems(many.as_bytes()),
        ["assessments[0].stakeholders: holds 10001 items; the limit is 10000"]
    );
    let measurements = v6_with(|v| {
        let m = v["assessments"][0]["kpis"][0]["measurements"][0].clone();
        v["assessments"][0]["kpis"][0]["measurements"] = json!(vec![m; MAX_MEASUREMENTS + 1]);
    });
    assert_eq!(
        problems(measurements.as_bytes()),
        ["assessments[0].kpis[0].measurements: holds 100001 measurements; the limit is 100000"]
    );
    let assessments = format!(
        r#"{{"format":"cto-workbench","schema_version":6,"assessments":[{}{{}}]}}"#,
        "{},".repeat(MAX_ASSESSMENTS)
    );
    assert_eq!(
        problems(assessments.as_bytes()),
        ["assessments: holds 1001 assessments; the limit is 1000"]
    );
    // Millions of tiny values within the size cap: refused before they cost memory.
    let zeros = format!("[{}0]", "0,".repeat(MAX_VALUES));
    assert!(zeros.len() < MAX_FILE_BYTES);
    let err = error_of(zeros.as_bytes());
    assert_eq!(err, FormatError::TooManyValues { limit: MAX_VALUES });
    assert!(
        err.to_string().contains("holds more than 4000000 values"),
        "{err}"
    );
}

#[test]
fn a_ten_megabyte_string_is_refused_with_its_path_and_a_short_message() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let name = v6_with(|v| v["assessments"][0]["name"] = json!(huge));
    assert_eq!(
        problems(name.as_bytes()),
        ["assessments[0].name: is 10485760 characters long; the limit is 20000"]
    );
    // Where the text is quoted back (an unknown value, a wrong type), it is cut short.
    for (field, start) in [
        ("stage", "assessments[0].profile.stage: unknown value \"xxx"),
        ("team_size", "assessments[0].profile.team_size: expected "),
    ] {
        let text = v6_with(|v| v["assessments"][0]["profile"][field] = json!(huge));
        let found = problems(text.as_bytes());
        assert!(found[0].starts_with(start), "{}", &found[0][..200]);
        assert!(
            found[0].chars().count() < 400,
            "{field}: {} characters",
            found[0].len()
        );
    }
    let format = v6_with(|v| v["format"] = json!(huge));
    let text = not_ours(format.as_bytes());
    assert!(
        text.contains("a text of 10485760 characters"),
        "{}",
        &text[..200]
    );
    assert!(text.len() < 300, "{text}");
    let key = v6_with(|v| v["assessments"][0]["answers"][huge.as_str()] = json!({}));
    let found = problems(key.as_bytes());
    assert_eq!(found.len(), 1);
    assert!(found[0].ends_with("a key of 10485760 characters; the longest accepted is 200"));
    assert!(found[0].len() < 200, "{}", found[0]);
}

#[test]
fn files_from_other_apps_are_called_not_ours() {
    let package_json = r#"{
  "name": "my-app",
  "version": "1.0.0",
  "scripts": { "build": "vite build" },
  "dependencies": { "react": "^18.2.0" }
}"#;
    assert_eq!(
        not_ours(package_json.as_bytes()),
        "This is not a CTO Workbench file: it has no \"format\": \"cto-workbench\" field."
    );
    let vscode = "{\n    // Editor settings\n    \"editor.fontSize\": 14,\n    \"files.autoSave\": \"afterDelay\"\n}\n";
    let text = not_ours(vscode.as_bytes());
    assert!(text.contains("it contains a comment at line 2"), "{text}");
    let vscode_plain = "{ \"editor.fontSize\": 14, \"workbench.colorTheme\": \"Default Dark+\" }";
    assert!(not_ours(vscode_plain.as_bytes()).contains("has no \"format\""));
    let other_format = r#"{"format": "excalidraw", "version": 2, "elements": []}"#;
    assert_eq!(
        not_ours(other_format.as_bytes()),
        "This is not a CTO Workbench file: its \"format\" field is \"excalidraw\", not \
         \"cto-workbench\"."
    );
    let html = "<!doctype html><html><body>Hi</body></html>";
    assert!(not_json(html.as_bytes()).contains("line 1, column 1"));
}

#[test]
fn a_file_over_the_size_cap_gives_its_size_and_the_limit() {
    let over = vec![b' '; MAX_FILE_BYTES + 1];
    let err = error_of(&over);
    assert_eq!(
        err,
        FormatError::TooLarge {
            bytes: MAX_FILE_BYTES as u64 + 1,
            limit: MAX_FILE_BYTES as u64
        }
    );
    assert_eq!(
        err.to_string(),
        "This file is 20.1 MB, over the limit of 20 MB. No CTO Workbench file comes near that \
         size: check that you picked the right file."
    );
    let size = 25 * 1024 * 1024 + 1;
    assert!(check_file_size(size)
        .unwrap_err()
        .to_string()
        .starts_with("This file is 25.1 MB, over the limit of 20 MB"));
    assert_eq!(check_file_size(MAX_FILE_BYTES as u64), Ok(()));
}

#[test]
fn trailing_text_after_the_file_is_refused() {
    let text = format!("{V6}\n{{\"format\": \"cto-workbench\"}}");
    assert!(not_json(text.as_bytes()).contains("trailing characters"));
}

#[test]
fn many_problems_are_counted_but_only_some_spelled_out() {
    let text = v6_with(|v| {
        for r in v["assessments"][0]["risks"].as_array_mut().unwrap() {
            r["likelihood"] = json!(9);
            r["impact"] = json!(9);
        }
    });
    let err = error_of(text.as_bytes());
    let count = err.problems().len();
    assert!(count > 20, "{count}");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("The file has {count} problems: ")),
        "{shown}"
    );
    assert!(
        shown.ends_with(&format!("; and {} more.", count - 20)),
        "{shown}"
    );
}

/// Switches sentences to Chinese for one test, and back to English when it ends, even by a
/// failed assertion (the language is per thread, and the test harness reuses threads).
struct InChinese;

impl InChinese {
    fn new() -> Self {
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        InChinese
    }
}

impl Drop for InChinese {
    fn drop(&mut self) {
        crate::i18n::set_current(crate::i18n::Lang::En);
    }
}

/// The English words left in `message` once the data it quotes (`data`: paths, values, names
/// from the file) is taken out; product names, JSON words and abbreviations are not counted.
fn english_left(message: &str, data: &[&str]) -> Vec<String> {
    const KEPT: [&str; 8] = [
        "CTO",
        "Workbench",
        "JSON",
        "UTF",
        "null",
        "true",
        "false",
        "id",
    ];
    let mut rest = message.to_string();
    for d in data {
        rest = rest.replace(d, " ");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && !KEPT.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn refusals_read_in_chinese_and_keep_their_paths() {
    let _zh = InChinese::new();

    let empty = error_of(b"  \n").to_string();
    assert_eq!(
        empty,
        "这个文件是空的，里面没有任何数据。请确认选对了文件。"
    );

    let not_json = error_of(b"{\"format\": \"cto-workbench\", oops}").to_string();
    assert_eq!(
        not_json,
        "这个文件不是有效的 JSON（第 1 行，第 29 列：键必须是带引号的文本）。"
    );
    let word = error_of(b"{\"format\": nope}").to_string();
    assert!(
        word.ends_with("：出现了 JSON 不认识的词；只有 true、false 和 null 可以不加引号）。"),
        "{word}"
    );
    let cut = error_of(b"{\"format\": \"cto-workbench\", \"schema_").to_string();
    assert!(cut.contains("文件提前结束了，像是被截断了"), "{cut}");
    assert_eq!(english_left(&cut, &[]), Vec::<String>::new(), "{cut}");

    let newer = error_of(v6_with(|v| v["schema_version"] = json!(99)).as_bytes()).to_string();
    assert_eq!(
        newer,
        format!(
            "这个文件是由更新版本的 CTO Workbench 生成的（文件架构版本为 99；本应用只能读取版本 \
             1 到 {SCHEMA_VERSION}）。请在最新版本的应用中打开它。"
        )
    );

    let not_ours = error_of(b"[1, 2]").to_string();
    assert_eq!(
        not_ours,
        "这不是 CTO Workbench 文件：文件里是一个列表（[…]），而 CTO Workbench 文件是一个对象（{…}）。"
    );

    // Bad values: the path is the file's own and stays as it is; the words around it change.
    let file = v6_with(|v| {
        v["assessments"][0]["kpis"][2]["target"]["value"] = json!(1e13);
        v["assessments"][0]["profile"]["team_size"] = json!(2_000_000);
    });
    let shown = problems(file.as_bytes());
    assert_eq!(
        shown,
        [
            "assessments[0].profile.team_size：2000000 超出范围；应为 0 到 1000000 之间的整数",
            "assessments[0].kpis[2] (\"Change failure rate\").target.value：10000000000000 \
             超出范围；应为 -1000000000000 到 1000000000000 之间的数字",
        ]
    );
    let whole = error_of(file.as_bytes()).to_string();
    assert_eq!(
        whole,
        format!("文件有 2 个问题：{}；{}。", shown[0], shown[1])
    );

    let wrong_type = error_of(v6_with(|v| v["assessments"][0]["name"] = json!(5)).as_bytes());
    assert_eq!(
        wrong_type.to_string(),
        "文件有一个问题：assessments[0].name：应为文本，实际是整数 5。"
    );
    let stage = error_of(
        v6_with(|v| v["assessments"][0]["profile"]["stage"] = json!("unicorn")).as_bytes(),
    );
    let stage = stage.problems()[0].to_string();
    assert!(
        stage.starts_with("assessments[0].profile.stage：未知的值“unicorn”（应为 \"pre-seed\""),
        "{stage}"
    );
    assert!(stage.ends_with(" 之一）"), "{stage}");
    let twice = v6().to_string().replacen(
        "\"company_name\":",
        "\"company_name\":\"A\",\"company_name\":",
        1,
    );
    let dup = problems(twice.as_bytes());
    assert_eq!(
        dup,
        ["assessments[0].profile.company_name：在同一个对象中出现了两次；每个键只能出现一次"]
    );

    // Every refusal above, once its quoted data is taken out, has no English word left.
    for (message, data) in [
        (&empty, vec![]),
        (&not_json, vec![]),
        (&word, vec![]),
        (&newer, vec![]),
        (&not_ours, vec![]),
        (
            &whole,
            vec![
                "assessments[0].profile.team_size",
                "assessments[0].kpis[2] (\"Change failure rate\").target.value",
            ],
        ),
        (&wrong_type.to_string(), vec!["assessments[0].name"]),
    ] {
        assert_eq!(
            english_left(message, &data),
            Vec::<String>::new(),
            "{message}"
        );
    }
}

#[test]
fn english_is_back_once_the_language_is_reset() {
    {
        let _zh = InChinese::new();
        assert!(error_of(b"").to_string().starts_with("这个文件是空的"));
    }
    assert_eq!(
        error_of(b"").to_string(),
        "This file is empty: it holds no data. Check that you picked the right file."
    );
}
