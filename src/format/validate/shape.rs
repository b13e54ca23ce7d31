//! Reading a file's JSON into the typed model while naming every field that does not fit, not
//! only the first: serde stops at the first error, so each error is recorded, the value at its
//! path is replaced by a stand-in of the right kind, and the reading runs again. The stand-ins
//! exist only to let the reading go on; a file with any problem is refused whole, so none of
//! them is ever kept. Also owns adding each list item's own title to a problem's path.
//!
//! Bounded: at most [`MAX_PROBLEMS`] problems, and a budget of re-reads scaled to the file's
//! size, so a hostile file cannot make this slow; when either runs out the last problem says
//! that checking stopped there.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

use crate::format::errors::{self, shorten};
use crate::format::Problem;
use crate::i18n::{tr, trf};

/// Most problems collected from one file. The import dialog lists them all.
pub const MAX_PROBLEMS: usize = 50;

/// Values re-read in total while repairing, across all attempts: a small file may be re-read
/// hundreds of times, the largest accepted one a few times.
pub(in crate::format) const VALUE_BUDGET: usize = 40_000_000;

/// Most attempts at one path before giving up on it.
const MAX_ATTEMPTS_AT_ONE_PATH: usize = 12;

/// A stand-in id, the same every time so trying it twice is seen.
const STAND_IN_ID: &str = "00000000-0000-4000-8000-000000000000";

/// A date and a date-time the format accepts, as stand-ins and as the examples in messages.
const DATE: &str = "2027-03-31";
const DATE_TIME: &str = "2027-03-31T09:00:00Z";

/// What reading gave: the typed value (with stand-ins where the problems are) unless reading
/// stopped, the problems, and the paths that were stood in for (checks of those later would
/// only repeat the problem).
pub(in crate::format) struct Read<T> {
    pub value: Option<T>,
    pub problems: Vec<Problem>,
    pub repaired: Vec<String>,
}

/// `path` is `root` or inside it.
pub(in crate::format) fn is_under(path: &str, root: &str) -> bool {
    path == root
        || path
            .strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// What was tried at one path, and which problem it gave.
#[derive(Default)]
struct Attempts {
    tried: Vec<Value>,
    problem: Option<usize>,
    /// The problem says "not a date": rewritten if the field turns out to take a time too.
    date: bool,
    /// The file's own value, quoted in the rewritten message.
    found: Option<Value>,
}

/// Reads `value` as `T`, collecting problems until there are [`MAX_PROBLEMS`] with
/// `problems_so_far`. `prefix` is put before every path (for a part read on its own); `budget`
/// (values left to re-read) is shared by the parts of one file.
pub(in crate::format) fn read<T: DeserializeOwned>(
    value: &mut Value,
    prefix: &str,
    budget: &mut usize,
    problems_so_far: usize,
) -> Read<T> {
    let weight = count_values(value).max(1);
    let mut problems: Vec<Problem> = Vec::new();
    let mut repaired: Vec<String> = Vec::new();
    let mut attempts: HashMap<String, Attempts> = HashMap::new();
    loop {
        let error = match serde_path_to_error::deserialize::<_, T>(&*value) {
            Ok(t) => {
                return Read {
                    value: Some(t),
                    problems,
                    repaired,
                }
            }
            Err(e) => e,
        };
        let steps: Vec<Segment> = error.path().iter().cloned().collect();
        let raw = errors::strip_position(&error.inner().to_string());
        let (path, message) = errors::humanize(&error.path().to_string(), &raw);
        let path = join(prefix, &path);
        let at = attempts.entry(path.clone()).or_default();
        let found = value_at(value, &steps);
        if at.tried.is_empty() && !repaired.iter().any(|r| is_under(&path, r)) {
            let message = if is_date_error(&raw) {
                at.date = true;
                at.found = found.cloned();
                date_message(found, false)
            } else {
                message
            };
            at.problem = Some(problems.len());
            problems.push(Problem::new(path.clone(), message));
            repaired.push(path.clone());
        } else if at.date && at.tried.last() == Some(&Value::from(DATE)) {
            // A date alone did not fit: the field takes a date and a time.
            if let Some(i) = at.problem {
                problems[i] = Problem::new(path.clone(), date_message(at.found.as_ref(), true));
            }
            at.date = false;
        }
        let stand_in = if budget.checked_sub(weight).is_none()
            || at.tried.len() >= MAX_ATTEMPTS_AT_ONE_PATH
            || problems_so_far + problems.len() >= MAX_PROBLEMS
        {
            None
        } else {
            stand_in(&raw, &at.tried)
        };
        let fixed = match (errors::between(&raw, "unknown field `", "`"), stand_in) {
            (Some(field), _) => remove(value, &steps, field),
            (None, Some(v)) => {
                at.tried.push(v.clone());
                // A missing field's steps stop at its object.
                match errors::between(&raw, "missing field `", "`") {
                    Some(field) => insert(value, &steps, field, v),
                    None => replace(value, &steps, v),
                }
            }
            (None, None) => false,
        };
        if !fixed {
            problems.push(Problem::new("", tr("import.shape_stopped")));
            return Read {
                value: None,
                problems,
                repaired,
            };
        }
        *budget = budget.saturating_sub(weight);
    }
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// chrono's words for a text that is not a date (or a date and time).
fn is_date_error(raw: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is out of range",
        "input is not enough for unique date and time",
        "no possible date and time matching input",
        "bad or unsupported format string",
    ]
    .iter()
    .any(|words| raw.starts_with(words))
}

/// "\"31/03/2027\" is not a date; expected a date like 2027-03-31".
fn date_message(found: Option<&Value>, with_time: bool) -> String {
    let value = found
        .map(errors::describe_value)
        .unwrap_or_else(|| "\"\"".to_string());
    if with_time {
        trf(
            "import.shape_not_a_date_time",
            &[("value", &value), ("example", DATE_TIME)],
        )
    } else {
        trf(
            "import.shape_not_a_date",
            &[("value", &value), ("example", DATE)],
        )
    }
}

/// The value at `steps`, if it is there.
fn value_at<'v>(root: &'v Value, steps: &[Segment]) -> Option<&'v Value> {
    let mut at = root;
    for step in steps {
        at = match step {
            Segment::Seq { index } => at.get(*index)?,
            Segment::Map { key } => at.get(key)?,
            Segment::Enum { .. } | Segment::Unknown => at,
        };
    }
    Some(at)
}

fn value_at_mut<'v>(root: &'v mut Value, steps: &[Segment]) -> Option<&'v mut Value> {
    let mut at = root;
    for step in steps {
        at = match step {
            Segment::Seq { index } => at.get_mut(*index)?,
            Segment::Map { key } => at.get_mut(key)?,
            Segment::Enum { .. } | Segment::Unknown => at,
        };
    }
    Some(at)
}

/// Takes out an unknown field; the steps may end with its key or stop at its object.
fn remove(root: &mut Value, steps: &[Segment], field: &str) -> bool {
    let object = match steps.last() {
        Some(Segment::Map { key }) if key == field => &steps[..steps.len() - 1],
        _ => steps,
    };
    match value_at_mut(root, object) {
        Some(Value::Object(map)) => map.remove(field).is_some(),
        _ => false,
    }
}

fn replace(root: &mut Value, steps: &[Segment], value: Value) -> bool {
    match value_at_mut(root, steps) {
        Some(slot) => {
            *slot = value;
            true
        }
        None => false,
    }
}

fn insert(root: &mut Value, steps: &[Segment], field: &str, value: Value) -> bool {
    match value_at_mut(root, steps) {
        Some(Value::Object(map)) => {
            map.insert(field.to_string(), value);
            true
        }
        _ => false,
    }
}

/// The next stand-in to try for an error, none of `tried`: the kind serde said it expected
/// first, then every kind in turn. None when all were tried.
fn stand_in(raw: &str, tried: &[Value]) -> Option<Value> {
    let expected = raw.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
    let mut hinted: Vec<Value> = Vec::new();
    if is_date_error(raw) || expected.contains("date") {
        hinted.push(Value::from(DATE));
        hinted.push(Value::from(DATE_TIME));
    } else if raw.starts_with("UUID parsing failed") || expected.contains("UUID") {
        hinted.push(Value::from(STAND_IN_ID));
    } else if let Some(names) = expected.strip_prefix("one of ") {
        hinted.extend(errors::between(names, "`", "`").map(Value::from));
    } else if let Some(name) = expected
        .strip_prefix('`')
        .and_then(|rest| rest.strip_suffix('`'))
    {
        hinted.push(Value::from(name));
    } else {
        match expected {
            "a string" => hinted.push(Value::from("")),
            "a boolean" => hinted.push(Value::from(false)),
            "a sequence" => hinted.push(Value::Array(Vec::new())),
            "f64" | "f32" => hinted.push(Value::from(0.0)),
            e if e.starts_with('u') || e.starts_with('i') => hinted.push(Value::from(0)),
            e if e.starts_with("struct") || e.contains("map") => {
                hinted.push(Value::Object(Map::new()))
            }
            _ => {}
        }
    }
    let generic = [
        Value::Null,
        Value::from(""),
        Value::from(0),
        Value::from(0.0),
        Value::from(false),
        Value::Array(Vec::new()),
        Value::Object(Map::new()),
        Value::from(DATE),
        Value::from(DATE_TIME),
        Value::from(STAND_IN_ID),
    ];
    hinted
        .into_iter()
        .chain(generic)
        .find(|candidate| !tried.contains(candidate))
}

/// How many values `value` holds, to weigh one re-read of it.
fn count_values(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(count_values).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(count_values).sum::<usize>(),
        _ => 1,
    }
}

/// Most characters of an item's title put into a path.
const MAX_TITLE_CHARS: usize = 40;

/// Fields that name a list item, in the order they are looked for.
const TITLE_FIELDS: [&str; 4] = ["title", "name", "objective", "text"];

/// `path` with the own title of each list item it passes through, read from `root`:
/// `assessments[0].risks[0] ("Key engineer leaves").next_review`. The assessments themselves
/// are left as numbered: their names are long and the dialog already names the file.
pub(in crate::format) fn with_titles(path: &str, root: &Value) -> String {
    let mut out = String::with_capacity(path.len() + 24);
    let mut rest = path;
    let mut at = Some(root);
    let mut depth = 0;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix("[\"") {
            // A quoted key: ["Bad Key"].
            let Some(end) = inner.find("\"]") else {
                out.push_str(rest);
                break;
            };
            at = at.and_then(|v| v.get(&inner[..end]));
            out.push_str(&rest[..end + 4]);
            rest = &rest[end + 4..];
        } else if let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']').unwrap_or(inner.len());
            let index: Option<usize> = inner[..end].parse().ok();
            at = index.and_then(|i| at.and_then(|v| v.get(i)));
            out.push_str(&rest[..(end + 2).min(rest.len())]);
            rest = rest.get(end + 2..).unwrap_or("");
            if depth > 1 {
                if let Some(title) = at.and_then(title_of) {
                    out.push_str(&format!(" (\"{title}\")"));
                }
            }
        } else {
            let (dot, body) = match rest.strip_prefix('.') {
                Some(body) => (".", body),
                None => ("", rest),
            };
            out.push_str(dot);
            let end = body.find('[').unwrap_or(body.len());
            let segment = &body[..end];
            // Keys may hold dots (question ids): take the longest that the object has.
            let mut cut = segment.find('.').unwrap_or(segment.len());
            let mut next = None;
            if let Some(Value::Object(map)) = at {
                let mut ends: Vec<usize> = segment.match_indices('.').map(|(i, _)| i).collect();
                ends.push(segment.len());
                if let Some(&e) = ends
                    .iter()
                    .rev()
                    .find(|&&e| map.contains_key(&segment[..e]))
                {
                    cut = e;
                    next = map.get(&segment[..e]);
                }
            }
            at = next;
            out.push_str(&body[..cut]);
            rest = &body[cut..];
        }
        depth += 1;
    }
    out
}

/// A list item's own title, shortened, when it has a non-blank one.
fn title_of(item: &Value) -> Option<String> {
    let map = item.as_object()?;
    TITLE_FIELDS.iter().find_map(|field| {
        let title = map.get(*field)?.as_str()?.trim();
        (!title.is_empty()).then(|| shorten(title, MAX_TITLE_CHARS).replace('"', "'"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn titles_go_after_list_items_and_keys_with_dots_are_found() {
        let doc = json!({ "assessments": [ {
            "name": "Only one",
            "risks": [ { "title": "Key engineer leaves" } ],
            "answers": { "security.access-control": { "current": 7 } },
            "goals": [ { "objective": "" } ],
        } ] });
        assert_eq!(
            with_titles("assessments[0].risks[0].next_review", &doc),
            "assessments[0].risks[0] (\"Key engineer leaves\").next_review"
        );
        assert_eq!(
            with_titles(
                "assessments[0].answers.security.access-control.current",
                &doc
            ),
            "assessments[0].answers.security.access-control.current"
        );
        assert_eq!(
            with_titles("assessments[0].goals[0].objective", &doc),
            "assessments[0].goals[0].objective",
            "a blank title adds nothing"
        );
        assert_eq!(
            with_titles("assessments[3].x[\"Bad\"]", &doc),
            "assessments[3].x[\"Bad\"]"
        );
        let two = json!({ "assessments": [ { "name": "A" }, { "name": "B" } ] });
        assert_eq!(
            with_titles("assessments[1].name", &two),
            "assessments[1].name"
        );
    }

    /// The demo as an exported file's JSON, with a risk titled "Key engineer leaves".
    fn demo_file() -> Value {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut a = crate::domain::demo::demo_assessment(crate::content::get(), now);
        a.risks[0].title = "Key engineer leaves".into();
        let text = crate::format::export(crate::format::FileKind::Assessment, &[a], now);
        serde_json::from_str(&text).unwrap()
    }

    fn problems_of(doc: &Value) -> Vec<String> {
        match crate::format::import(&doc.to_string()) {
            Err(e) => e.problems().iter().map(ToString::to_string).collect(),
            Ok(_) => Vec::new(),
        }
    }

    #[test]
    fn three_mistakes_are_named_at_once_with_titles_and_expected_forms() {
        let mut doc = demo_file();
        let a = &mut doc["assessments"][0];
        a["risks"][0]["next_review"] = json!("31/03/2027");
        let question = a["answers"]
            .as_object()
            .unwrap()
            .keys()
            .next()
            .unwrap()
            .clone();
        a["answers"][&question]["current"] = json!(7);
        a["risks"][1]["likelihood"] = json!("high");
        let risk_1 = a["risks"][1]["title"].as_str().unwrap().to_string();
        let problems = problems_of(&doc);
        assert_eq!(
            problems,
            [
                "assessments[0].risks[0] (\"Key engineer leaves\").next_review: \"31/03/2027\" \
                 is not a date; expected a date like 2027-03-31"
                    .to_string(),
                format!(
                    "assessments[0].risks[1] (\"{risk_1}\").likelihood: expected a whole number \
                     of 0 or more, found string \"high\""
                ),
                format!(
                    "assessments[0].answers.{question}.current: 7 is out of range; expected a \
                     whole number from 0 to 4"
                ),
            ]
        );
    }

    #[test]
    fn a_date_and_time_field_asks_for_one_and_unknown_fields_and_values_are_all_named() {
        let mut doc = demo_file();
        let a = &mut doc["assessments"][0];
        a["updated_at"] = json!("yesterday");
        a["risks"][0]["colour"] = json!("red");
        a["risks"][0]["status"] = json!("maybe");
        a["risks"][2]["impact"] = json!(9);
        let problems = problems_of(&doc);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(
            problems.contains(
                &"assessments[0].updated_at: \"yesterday\" is not a date and time; expected \
                  one like 2027-03-31T09:00:00Z"
                    .to_string()
            ),
            "{problems:#?}"
        );
        assert!(
            problems.iter().any(|p| p.contains(".colour: ")),
            "{problems:#?}"
        );
        assert!(
            problems.iter().any(|p| p.contains(".status: ")),
            "{problems:#?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p
                    .contains(".impact: 9 is out of range; expected a whole number from 1 to 5")),
            "{problems:#?}"
        );
    }

    #[test]
    fn many_problems_stop_at_fifty_and_say_so() {
        let mut doc = demo_file();
        let a = &mut doc["assessments"][0];
        for q in a["answers"].as_object_mut().unwrap().values_mut() {
            q["current"] = json!("x");
        }
        let problems = problems_of(&doc);
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert!(problems[MAX_PROBLEMS].starts_with("Checking stopped here"));
        // A valid file still imports: the stand-ins never leak into a result.
        assert!(crate::format::import(&demo_file().to_string()).is_ok());
    }

    #[test]
    fn stand_ins_follow_what_serde_expected_and_are_never_tried_twice() {
        let none: &[Value] = &[];
        assert_eq!(
            stand_in("invalid type: string \"x\", expected u8", none),
            Some(json!(0))
        );
        assert_eq!(
            stand_in("invalid type: string \"x\", expected f64", none),
            Some(json!(0.0))
        );
        assert_eq!(
            stand_in(
                "unknown variant `x`, expected one of `open`, `closed`",
                none
            ),
            Some(json!("open"))
        );
        let date = stand_in("input contains invalid characters", none);
        assert_eq!(date, Some(json!(DATE)));
        assert_eq!(
            stand_in("premature end of input", &[json!(DATE)]),
            Some(json!(DATE_TIME))
        );
        assert_eq!(stand_in("something new", none), Some(Value::Null));
        let mut tried = Vec::new();
        while let Some(v) = stand_in("something new", &tried) {
            tried.push(v);
            assert!(tried.len() < 20, "runs out");
        }
    }
}
