//! Fuzzing the import path: arbitrary JSON, arbitrary bytes and mutations of the real fixtures
//! go through `format::import_bytes`, which must return `Ok` or `Err` and never panic. A file it
//! accepts must export and import again to the same assessments, and an error's text stays short
//! whatever the file held.
//!
//! `cargo test` runs a small number of cases (64 per strategy). `make fuzz` runs it in release mode
//! for a time budget: `FUZZ_SECONDS=120`. Any input that fails is written to
//! `tests/fixtures/hostile/fuzz-<hash>.json` (after proptest has shrunk it), and
//! [`every_hostile_fixture_is_refused_or_imported_cleanly`] checks every file there on every run.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cto_workbench::format::{export, import, import_bytes, FormatError};
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use serde_json::{json, Map, Value};

const FIXTURES: [&str; 6] = [
    include_str!("fixtures/v1.json"),
    include_str!("fixtures/v2.json"),
    include_str!("fixtures/v3.json"),
    include_str!("fixtures/v4.json"),
    include_str!("fixtures/v5.json"),
    include_str!("fixtures/v6.json"),
];

/// Cases per strategy and batch: all `cargo test` runs, and one batch of `make fuzz`.
const CASES: u32 = 64;
/// Longest error text accepted: twenty problems of bounded length, and the sentence around them.
const MAX_MESSAGE_CHARS: usize = 40_000;

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join("hostile")
}

/// The property every input must have. Returns whether the file was accepted.
fn check(bytes: &[u8]) -> Result<bool, TestCaseError> {
    match import_bytes(bytes) {
        Ok(imported) => {
            let text = export(imported.kind, &imported.assessments, imported.exported_at);
            let again = import(&text).map_err(|e| {
                TestCaseError::fail(format!("accepted, but its export is refused: {e}"))
            })?;
            prop_assert_eq!(again.kind, imported.kind);
            prop_assert!(
                again.assessments == imported.assessments,
                "accepted, but its export imports to different assessments"
            );
            Ok(true)
        }
        Err(e) => {
            let text = e.to_string();
            prop_assert!(!text.is_empty());
            prop_assert!(
                text.chars().count() <= MAX_MESSAGE_CHARS,
                "an error of {} characters",
                text.chars().count()
            );
            if let FormatError::Invalid(problems) = &e {
                prop_assert!(!problems.is_empty(), "Invalid without a problem");
            }
            Ok(false)
        }
    }
}

// ---- strategies ------------------------------------------------------------------------------

/// Every object key in the fixtures, so arbitrary JSON often looks like ours. Worked out once:
/// strategies are rebuilt for every case.
fn known_keys() -> Vec<String> {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(collect_keys).clone()
}

fn collect_keys() -> Vec<String> {
    fn walk(v: &Value, keys: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (k, item) in map {
                    keys.insert(k.clone());
                    walk(item, keys);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, keys)),
            _ => {}
        }
    }
    let mut keys = BTreeSet::new();
    for text in FIXTURES {
        walk(&serde_json::from_str(text).unwrap(), &mut keys);
    }
    keys.into_iter().collect()
}

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => proptest::sample::select(known_keys()),
        1 => "[a-z_.-]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
        1 => Just("__proto__".to_string()),
    ]
    .boxed()
}

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        Just("cto-workbench".to_string()),
        Just("workspace".to_string()),
        Just("assessment".to_string()),
        Just("3f2b6c1e-8d4a-4b7e-9c21-5a0f6e7d8c90".to_string()),
        Just("2026-03-28T17:02:41Z".to_string()),
        Just("2026-03-28".to_string()),
        Just("2027-Q1".to_string()),
        Just("seed".to_string()),
        Just("https://example.com".to_string()),
        Just("\u{feff}\u{202e}<script>".to_string()),
        "[a-z.-]{0,20}",
        any::<String>().prop_map(|s| s.chars().take(30).collect()),
    ]
    .boxed()
}

fn leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..8).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ]
    .boxed()
}

fn json_value() -> BoxedStrategy<Value> {
    leaf()
        .prop_recursive(6, 96, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::vec((key(), inner), 0..8)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
            ]
        })
        .boxed()
}

/// Arbitrary JSON, alone or inside an envelope that passes the header checks.
fn arbitrary_json() -> BoxedStrategy<Vec<u8>> {
    let envelope = (
        0u64..9,
        prop_oneof![Just(json!("workspace")), Just(json!("assessment")), leaf()],
        proptest::collection::vec(json_value(), 0..3),
    )
        .prop_map(|(version, kind, assessments)| {
            json!({
                "format": "cto-workbench",
                "schema_version": version,
                "app_version": "0.1.0",
                "exported_at": "2026-04-02T16:45:10Z",
                "kind": kind,
                "assessments": assessments,
            })
        });
    prop_oneof![json_value(), envelope]
        .prop_map(|v| serde_json::to_vec(&v).unwrap())
        .boxed()
}

/// Arbitrary bytes, sometimes behind a byte-order mark.
fn arbitrary_bytes() -> BoxedStrategy<Vec<u8>> {
    (
        prop_oneof![
            Just(Vec::new()),
            Just(vec![0xEF, 0xBB, 0xBF]),
            Just(vec![0xFF, 0xFE]),
            Just(b"{\"format\":\"cto-workbench\",\"schema_version\":".to_vec()),
        ],
        proptest::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|(mut head, tail)| {
            head.extend(tail);
            head
        })
        .boxed()
}

/// One change to a fixture's JSON: applied at the node numbered `at` (in document order).
#[derive(Clone, Debug)]
enum Edit {
    Replace(Value),
    RemoveChild(usize),
    DuplicateChild(usize),
    ChangeType,
    Wrap,
}

fn edit() -> BoxedStrategy<Edit> {
    let extreme = prop_oneof![
        Just(json!(u64::MAX)),
        Just(json!(-1)),
        Just(json!(1e308)),
        Just(json!(0.5)),
        Just(json!("")),
        Just(json!("x".repeat(20_001))),
        Just(json!("__proto__")),
        Just(json!("2026-13-45")),
        Just(json!([])),
        Just(json!({})),
    ];
    prop_oneof![
        3 => leaf().prop_map(Edit::Replace),
        1 => extreme.prop_map(Edit::Replace),
        2 => any::<usize>().prop_map(Edit::RemoveChild),
        2 => any::<usize>().prop_map(Edit::DuplicateChild),
        2 => Just(Edit::ChangeType),
        1 => Just(Edit::Wrap),
    ]
    .boxed()
}

/// A change to the file's bytes after the JSON edits.
#[derive(Clone, Debug)]
enum ByteEdit {
    None,
    Truncate(usize),
    Set(usize, u8),
    /// Repeats the first key of the n-th object, so that object names a key twice.
    DuplicateKey(usize),
    Utf16,
}

fn byte_edit() -> BoxedStrategy<ByteEdit> {
    prop_oneof![
        4 => Just(ByteEdit::None),
        1 => any::<usize>().prop_map(ByteEdit::Truncate),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        1 => any::<usize>().prop_map(ByteEdit::DuplicateKey),
        1 => Just(ByteEdit::Utf16),
    ]
    .boxed()
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The node numbered `n` in document order (0 is the root).
fn nth_node(v: &mut Value, n: usize) -> Option<&mut Value> {
    if n == 0 {
        return Some(v);
    }
    let mut n = n - 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(map) => map.values_mut().collect(),
        _ => return None,
    };
    for child in children {
        let size = count_nodes(child);
        if n < size {
            return nth_node(child, n);
        }
        n -= size;
    }
    None
}

fn apply(v: &mut Value, at: usize, edit: &Edit) {
    let total = count_nodes(v);
    let Some(node) = nth_node(v, at % total) else {
        return;
    };
    match edit {
        Edit::Replace(new) => *node = new.clone(),
        Edit::RemoveChild(i) => match node {
            Value::Array(items) if !items.is_empty() => {
                let i = i % items.len();
                items.remove(i);
            }
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(i % map.len()).cloned().unwrap_or_default();
                map.remove(&key);
            }
            _ => {}
        },
        Edit::DuplicateChild(i) => {
            if let Value::Array(items) = node {
                if !items.is_empty() {
                    let copy = items[i % items.len()].clone();
                    items.push(copy);
                }
            }
        }
        Edit::ChangeType => {
            *node = match node.take() {
                Value::String(s) => Value::from(s.len()),
                Value::Number(n) => Value::String(n.to_string()),
                Value::Bool(b) => Value::String(b.to_string()),
                Value::Null => Value::from(0),
                Value::Array(items) => Value::Object(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| (i.to_string(), item))
                        .collect(),
                ),
                Value::Object(map) => Value::Array(map.into_iter().map(|(_, v)| v).collect()),
            }
        }
        Edit::Wrap => *node = Value::Array(vec![node.take()]),
    }
}

fn apply_bytes(mut bytes: Vec<u8>, edit: &ByteEdit) -> Vec<u8> {
    match edit {
        ByteEdit::None => {}
        ByteEdit::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
        ByteEdit::Set(at, byte) => {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = *byte;
            }
        }
        ByteEdit::DuplicateKey(n) => {
            let starts: Vec<usize> = bytes
                .windows(2)
                .enumerate()
                .filter(|(_, w)| w == b"{\"")
                .map(|(i, _)| i)
                .collect();
            if !starts.is_empty() {
                let open = starts[n % starts.len()];
                let key_start = open + 1;
                let key_end = bytes[key_start + 1..]
                    .iter()
                    .position(|b| *b == b'"')
                    .map(|p| key_start + 1 + p + 1);
                if let Some(end) = key_end {
                    let mut extra = bytes[key_start..end].to_vec();
                    extra.extend(b":null,");
                    bytes.splice(open + 1..open + 1, extra);
                }
            }
        }
        ByteEdit::Utf16 => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            bytes = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        }
    }
    bytes
}

/// A real fixture, changed in one to four places and perhaps in its bytes.
fn mutated_fixture() -> BoxedStrategy<Vec<u8>> {
    (
        0..FIXTURES.len(),
        proptest::collection::vec((any::<usize>(), edit()), 1..5),
        byte_edit(),
        any::<bool>(),
    )
        .prop_map(|(fixture, edits, bytes_edit, pretty)| {
            let mut v: Value = serde_json::from_str(FIXTURES[fixture]).unwrap();
            for (at, e) in &edits {
                apply(&mut v, *at, e);
            }
            let bytes = if pretty {
                serde_json::to_vec_pretty(&v).unwrap()
            } else {
                serde_json::to_vec(&v).unwrap()
            };
            apply_bytes(bytes, &bytes_edit)
        })
        .boxed()
}

// ---- running ---------------------------------------------------------------------------------

/// How long `make fuzz` asked to run; `None` for a normal `cargo test`.
fn budget() -> Option<Duration> {
    let seconds: u64 = std::env::var("FUZZ_SECONDS").ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds))
}

/// Keeps a failing input where the normal tests will find it, and says where.
fn keep(bytes: &[u8]) -> PathBuf {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    let path = hostile_dir().join(format!("fuzz-{:016x}.json", h.finish()));
    if let Err(e) = fs::write(&path, bytes) {
        eprintln!(
            "could not keep the failing input at {}: {e}",
            path.display()
        );
    }
    path
}

/// Runs one strategy: `CASES` cases, or batches of them until the budget is spent.
fn fuzz(name: &str, strategy: BoxedStrategy<Vec<u8>>, share: f64) {
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        max_shrink_iters: 4_096,
        ..Config::default()
    };
    // Each batch needs a fresh runner (a runner stops after `cases` successes), seeded from one
    // random source so the batches differ.
    let mut seeds = TestRunner::new(config.clone());
    let deadline = budget().map(|b| Instant::now() + b.mul_f64(share));
    let started = Instant::now();
    let mut batches = 0u64;
    let accepted = std::cell::Cell::new(0u64);
    loop {
        let mut runner = TestRunner::new_with_rng(config.clone(), seeds.new_rng());
        let outcome = runner.run(&strategy, |bytes| {
            check(&bytes).map(|ok| accepted.set(accepted.get() + u64::from(ok)))
        });
        batches += 1;
        match outcome {
            Ok(()) => {}
            Err(TestError::Fail(why, bytes)) => {
                let kept = keep(&bytes);
                panic!(
                    "{name}: {why}; the shrunk input is kept in {} ({} bytes)",
                    kept.display(),
                    bytes.len()
                );
            }
            Err(TestError::Abort(why)) => panic!("{name}: aborted: {why}"),
        }
        match deadline {
            Some(d) if Instant::now() < d => continue,
            _ => break,
        }
    }
    if deadline.is_some() {
        eprintln!(
            "{name}: {} cases in {:.1} s, {} of them accepted",
            batches * u64::from(CASES),
            started.elapsed().as_secs_f64(),
            accepted.get()
        );
    }
}

// The three share the budget: `make fuzz` runs them one after the other (one test thread), the
// mutations of real files, which reach deepest into the checks, for half of it.

#[test]
fn fuzz_arbitrary_json() {
    fuzz("arbitrary JSON", arbitrary_json(), 0.3);
}

#[test]
fn fuzz_arbitrary_bytes() {
    fuzz("arbitrary bytes", arbitrary_bytes(), 0.2);
}

#[test]
fn fuzz_mutated_fixtures() {
    fuzz("mutated fixtures", mutated_fixture(), 0.5);
}

/// Every file in `tests/fixtures/hostile/`: hand-made hostile files (refused), `ok-*` files
/// (accepted) and `fuzz-*` inputs that once failed (either, but never a panic).
#[test]
fn every_hostile_fixture_is_refused_or_imported_cleanly() {
    let mut seen = 0;
    for entry in fs::read_dir(hostile_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let accepted = check(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name.starts_with("ok-") {
            assert!(accepted, "{name} must import");
        } else if !name.starts_with("fuzz-") {
            assert!(!accepted, "{name} must be refused");
        }
        seen += 1;
    }
    assert!(seen >= 20, "only {seen} hostile fixtures");
}

#[test]
fn mutations_do_change_the_fixture() {
    // Guards the strategy: a mutation that never changes anything would fuzz nothing.
    let mut v: Value = serde_json::from_str(FIXTURES[0]).unwrap();
    let before = v.clone();
    apply(&mut v, 3, &Edit::ChangeType);
    assert_ne!(v, before);
    let bytes = apply_bytes(b"{\"a\":1}".to_vec(), &ByteEdit::DuplicateKey(0));
    assert_eq!(bytes, b"{\"a\":null,\"a\":1}");
}
