//! Size limits checked on the raw JSON, before it is turned into typed data: how many items a
//! list may hold, how many entries an object, how long a key may be. No real file comes near
//! them; they stop a hostile or broken file from costing minutes or gigabytes further on, and
//! they say where the oversized list is.
//!
//! Runs in one pass over the document and never recurses deeper than the parser allowed.

use serde_json::Value;

use crate::format::errors::{path_of, Step};
use crate::format::Problem;
use crate::i18n::trf;

/// Most assessments one file may hold.
pub const MAX_ASSESSMENTS: usize = 1_000;
/// Most measurements one KPI may hold (a daily value for over 270 years).
pub const MAX_MEASUREMENTS: usize = 100_000;
/// Most items any other list may hold, and most entries any object may hold.
pub const MAX_LIST_ITEMS: usize = 10_000;
/// Longest key accepted, in characters: ids and skill names are at most 100.
pub const MAX_KEY_CHARS: usize = 200;

/// What a list is, for its limit and its message.
#[derive(Clone, Copy)]
enum ListKind {
    Assessments,
    Measurements,
    Other,
}

/// The kind of the list at `path` and its limit.
fn list_limit(path: &[Step<'_>]) -> (usize, ListKind) {
    match path {
        [Step::Key("assessments")] => (MAX_ASSESSMENTS, ListKind::Assessments),
        [.., Step::Key("measurements")] => (MAX_MEASUREMENTS, ListKind::Measurements),
        _ => (MAX_LIST_ITEMS, ListKind::Other),
    }
}

/// "holds `count` … ; the limit is `limit`": one whole sentence per kind of list, since each
/// language counts assessments, measurements and items with its own words.
fn too_many(kind: ListKind, count: usize, limit: usize) -> String {
    let (count, limit) = (count.to_string(), limit.to_string());
    let args = [("count", count.as_str()), ("max", limit.as_str())];
    match kind {
        ListKind::Assessments => trf("format.limits_too_many_assessments", &args),
        ListKind::Measurements => trf("format.validate_too_many_measurements", &args),
        ListKind::Other => trf("format.limits_too_many_items", &args),
    }
}

/// Every list, object and key over its limit, with its path and its size.
pub(crate) fn check(value: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut path = Vec::new();
    walk(value, &mut path, &mut problems);
    problems
}

fn walk<'a>(value: &'a Value, path: &mut Vec<Step<'a>>, problems: &mut Vec<Problem>) {
    match value {
        Value::Array(items) => {
            let (limit, kind) = list_limit(path);
            if items.len() > limit {
                // An oversized list is reported once; looking inside it would only repeat that.
                problems.push(Problem::new(
                    path_of(path),
                    too_many(kind, items.len(), limit),
                ));
                return;
            }
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, problems);
                path.pop();
            }
        }
        Value::Object(map) => {
            if map.len() > MAX_LIST_ITEMS {
                problems.push(Problem::new(
                    path_of(path),
                    trf(
                        "format.limits_too_many_entries",
                        &[
                            ("count", &map.len().to_string()),
                            ("max", &MAX_LIST_ITEMS.to_string()),
                        ],
                    ),
                ));
                return;
            }
            for (key, item) in map {
                path.push(Step::Key(key));
                let chars = key.chars().count();
                if chars > MAX_KEY_CHARS {
                    problems.push(Problem::new(
                        path_of(path),
                        trf(
                            "format.limits_key_too_long",
                            &[
                                ("chars", &chars.to_string()),
                                ("max", &MAX_KEY_CHARS.to_string()),
                            ],
                        ),
                    ));
                } else {
                    walk(item, path, problems);
                }
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_has_its_own_limit_and_the_message_names_path_and_count() {
        let doc = serde_json::json!({
            "assessments": vec![0; MAX_ASSESSMENTS + 1],
        });
        let problems = check(&doc);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "assessments");
        assert_eq!(
            problems[0].message,
            format!("holds 1001 assessments; the limit is {MAX_ASSESSMENTS}")
        );

        let doc = serde_json::json!({ "assessments": [ { "kpis": [ {
            "measurements": vec![0; MAX_MEASUREMENTS],
            "other": vec![0; MAX_LIST_ITEMS + 1],
        } ] } ] });
        let problems = check(&doc);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "assessments[0].kpis[0].other");
        assert_eq!(problems[0].message, "holds 10001 items; the limit is 10000");
    }

    #[test]
    fn long_keys_are_refused_and_shown_short() {
        let key = "k".repeat(MAX_KEY_CHARS + 1);
        let doc = serde_json::json!({ "answers": { key.clone(): 1 } });
        let problems = check(&doc);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].path,
            format!("answers[\"{}…\"]", "k".repeat(40)),
        );
        assert_eq!(
            problems[0].message,
            "a key of 201 characters; the longest accepted is 200"
        );
    }
}
