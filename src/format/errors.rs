//! Errors a file can have, worded for the person who imported it.
//!
//! Every message is bounded: values and keys quoted from a file are shortened, and a long list of
//! problems is cut, so a hostile file cannot make a message of megabytes.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::i18n::{tr, trf};

/// One thing wrong with a file, and where: `path` reads like `assessments[0].profile.stage`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// Longest path kept in a problem, in characters; longer ones are cut with "…".
const MAX_PATH_CHARS: usize = 400;
/// Longest message kept in a problem, in characters; longer ones are cut with "…".
const MAX_MESSAGE_CHARS: usize = 1_000;
/// Longest piece of a file's own text quoted inside a message.
const MAX_QUOTED_CHARS: usize = 60;
/// Most problems spelled out in [`FormatError`]'s text; the rest are counted.
const MAX_PROBLEMS_SHOWN: usize = 20;

impl Problem {
    /// A problem at `path`; both parts are cut to a readable length.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: shorten(&path.into(), MAX_PATH_CHARS),
            message: shorten(&message.into(), MAX_MESSAGE_CHARS),
        }
    }
}

/// `text` unchanged when it has at most `max` characters, else its first `max` and "…".
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => format!("{}…", &text[..end]),
    }
}

/// A JSON value as a message may quote it: short texts and numbers as written, anything long or
/// nested described in words, so a hostile value cannot flood the message.
pub fn describe_value(value: &Value) -> String {
    match value {
        Value::String(s) if s.chars().count() > 40 => trf(
            "format.errors_value_long_text",
            &[
                ("count", &s.chars().count().to_string()),
                ("start", &shorten(s, 20)),
            ],
        ),
        Value::Array(_) => tr("format.errors_value_list").to_string(),
        Value::Object(_) => tr("format.errors_value_object").to_string(),
        other => other.to_string(),
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            f.write_str(&trf(
                "format.errors_problem_at",
                &[("path", &self.path), ("message", &self.message)],
            ))
        }
    }
}

/// One step of a path into a JSON document: an object's key or a list's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Longest key spelled out in a path; longer ones are cut with "…".
const MAX_KEY_SHOWN: usize = 40;

/// A path in the style of the rest of the messages: `assessments[0].answers.security.mfa`, with a
/// key that is not a plain id in quotes and brackets, `answers["Bad Key"]`.
pub(crate) fn path_of(steps: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Index(i) => out.push_str(&format!("[{i}]")),
            Step::Key(key) => {
                let plain = !key.is_empty()
                    && key.chars().count() <= MAX_KEY_SHOWN
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    out.push_str(&format!("[{:?}]", shorten(key, MAX_KEY_SHOWN)));
                }
            }
        }
    }
    out
}

/// Why a file (or a stored record) was not accepted. Its text (`Display`) is in the current
/// language (see [`crate::i18n::set_current`]), built only when asked for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Larger than [`super::MAX_FILE_BYTES`]; refused before reading.
    TooLarge { bytes: u64, limit: u64 },
    /// No bytes at all, or only spaces and line breaks.
    Empty,
    /// Text saved as UTF-16 (a byte-order mark, or a zero byte beside every character).
    Utf16,
    /// Bytes that are not UTF-8 text; `offset` counts bytes from 0.
    NotUtf8 { offset: usize, line: usize },
    /// The browser could not read the file at all (it moved, or access was refused).
    Unreadable(String),
    /// Brackets inside brackets beyond the parser's limit of 128 levels.
    TooDeep { line: usize, column: usize },
    /// More values (numbers, texts, lists, objects) than any real file holds.
    TooManyValues { limit: usize },
    /// Text that does not parse as JSON; `message` says why in plain words.
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not ours; the text says why, as a clause ("it holds only a number").
    NotOurs(String),
    /// Written by a build with a newer schema than this one reads.
    FromNewerVersion { found: u64, supported: u32 },
    /// Our file, with problems at the paths given.
    Invalid(Vec<Problem>),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One template per variant, so each language orders the values its own way.
        let text = match self {
            FormatError::TooLarge { bytes, limit } => trf(
                "format.errors_too_large",
                &[("size", &megabytes(*bytes)), ("limit", &megabytes(*limit))],
            ),
            FormatError::Empty => tr("format.errors_empty").to_string(),
            FormatError::Utf16 => tr("format.errors_utf16").to_string(),
            FormatError::NotUtf8 { offset, line } => trf(
                "format.errors_not_utf8",
                &[("offset", &offset.to_string()), ("line", &line.to_string())],
            ),
            FormatError::Unreadable(reason) => {
                trf("format.errors_unreadable", &[("reason", reason)])
            }
            FormatError::TooDeep { line, column } => trf(
                "format.errors_too_deep",
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            FormatError::TooManyValues { limit } => trf(
                "format.errors_too_many_values",
                &[("limit", &limit.to_string())],
            ),
            FormatError::NotJson {
                line,
                column,
                message,
            } => trf(
                "format.errors_not_json",
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("message", message),
                ],
            ),
            FormatError::NotOurs(reason) => trf("format.errors_not_ours", &[("reason", reason)]),
            FormatError::FromNewerVersion { found, supported } => trf(
                "format.errors_from_newer_version",
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            FormatError::Invalid(problems) => describe_invalid(problems),
        };
        f.write_str(&text)
    }
}

fn describe_invalid(problems: &[Problem]) -> String {
    match problems {
        [one] => trf(
            "format.errors_one_problem",
            &[("problem", &one.to_string())],
        ),
        many => {
            let shown = many
                .iter()
                .take(MAX_PROBLEMS_SHOWN)
                .map(Problem::to_string)
                .collect::<Vec<_>>()
                .join(tr("format.errors_problem_separator"));
            let count = many.len().to_string();
            let more = many.len().saturating_sub(MAX_PROBLEMS_SHOWN);
            if more > 0 {
                trf(
                    "format.errors_many_problems_and_more",
                    &[
                        ("count", &count),
                        ("list", &shown),
                        ("more", &more.to_string()),
                    ],
                )
            } else {
                trf(
                    "format.errors_many_problems",
                    &[("count", &count), ("list", &shown)],
                )
            }
        }
    }
}

/// `20971520` → `20 MB`, `26214401` → `25.1 MB`: rounded up, so a file just over the limit never
/// reads as equal to it.
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MB) {
        return format!("{} MB", bytes / MB);
    }
    let tenths = bytes.saturating_mul(10).div_ceil(MB);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl FormatError {
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        FormatError::Invalid(vec![Problem::new(path, message)])
    }

    /// The individual problems, for a list on screen; empty for errors that are one sentence.
    pub fn problems(&self) -> &[Problem] {
        match self {
            FormatError::Invalid(p) => p,
            _ => &[],
        }
    }
}

/// Turns a parse error into a message in plain words. `text` is the file, used to look at the
/// characters where parsing stopped (a comment, `NaN`).
pub(super) fn not_json(e: serde_json::Error, text: &str) -> FormatError {
    let (line, column) = (e.line(), e.column());
    let raw = strip_position(&e.to_string());
    if raw == "recursion limit exceeded" {
        return FormatError::TooDeep { line, column };
    }
    if text.trim().is_empty() {
        return FormatError::NotJson {
            line,
            column,
            message: tr("format.errors_json_empty").to_string(),
        };
    }
    let here = at_position(text, line, column, 0);
    if here.starts_with("//") || here.starts_with("/*") {
        return FormatError::NotOurs(trf(
            "format.errors_json_comment",
            &[("line", &line.to_string())],
        ));
    }
    // serde_json stops a letter or two into a word it does not know: look a little before.
    let around = at_position(text, line, column, 3).as_bytes();
    let around = around.get(..12).unwrap_or(around).to_ascii_lowercase();
    let has = |word: &str| around.windows(word.len()).any(|w| w == word.as_bytes());
    // Each case asks for its text by a literal key, so the catalogue test sees every one.
    let message = if e.classify() == serde_json::error::Category::Eof {
        tr("format.errors_json_cut_off").to_string()
    } else if has("nan") || has("inf") {
        tr("format.errors_json_nan").to_string()
    } else if raw == "number out of range" {
        tr("format.errors_json_number_too_large").to_string()
    } else if raw.contains("hex escape") || raw.contains("unicode code point") {
        tr("format.errors_json_broken_unicode_escape").to_string()
    } else if raw == "expected ident" {
        tr("format.errors_json_unknown_word").to_string()
    } else if raw == "invalid escape" {
        tr("format.errors_json_unknown_escape").to_string()
    } else if raw.starts_with("control character") {
        tr("format.errors_json_control_character").to_string()
    } else {
        // serde_json's remaining words, in English exactly as it writes them; anything it may
        // add later stays in its own words.
        match raw.as_str() {
            "expected `:`" => tr("format.errors_json_expected_colon").to_string(),
            "expected `,` or `]`" => tr("format.errors_json_expected_list_end").to_string(),
            "expected `,` or `}`" => tr("format.errors_json_expected_object_end").to_string(),
            "expected value" => tr("format.errors_json_expected_value").to_string(),
            "expected `\"`" => tr("format.errors_json_expected_quote").to_string(),
            "invalid number" => tr("format.errors_json_invalid_number").to_string(),
            "key must be a string" => tr("format.errors_json_key_not_text").to_string(),
            "trailing comma" => tr("format.errors_json_trailing_comma").to_string(),
            "trailing characters" => tr("format.errors_json_trailing_characters").to_string(),
            _ => raw,
        }
    };
    FormatError::NotJson {
        line,
        column,
        message,
    }
}

/// The text from the 1-based `line` and byte `column` serde_json reports (the character it
/// stopped at), starting `back` bytes earlier, or "" when that is not a character boundary.
fn at_position(text: &str, line: usize, column: usize, back: usize) -> &str {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return "";
    };
    line_text
        .get(column.saturating_sub(1 + back)..)
        .unwrap_or("")
}

/// Deserialises a JSON value into a typed shape, turning serde's first error into a [`Problem`]
/// with the path to the offending field.
pub(super) fn deserialize<T: DeserializeOwned>(value: Value) -> Result<T, FormatError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let raw = e.inner().to_string();
        let (path, message) = humanize(&path, &raw);
        FormatError::Invalid(vec![Problem::new(path, message)])
    })
}

pub(in crate::format) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Rewrites serde's wording into plain sentences and puts missing fields into the path.
pub(in crate::format) fn humanize(path: &str, raw: &str) -> (String, String) {
    let raw = strip_position(raw);
    let path = if path == "." {
        String::new()
    } else {
        path.to_string()
    };
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = between(&raw, "missing field `", "`") {
        return (join(field), tr("format.errors_missing").to_string());
    }
    if let Some(field) = between(&raw, "unknown field `", "`") {
        let expected = raw.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
        // serde_path_to_error already ends the path with the unknown key.
        let at = if path == field || path.ends_with(&format!(".{field}")) {
            path.clone()
        } else {
            join(field)
        };
        return (
            at,
            trf(
                "format.errors_unknown_field",
                &[("expected", &expected_list(expected))],
            ),
        );
    }
    if let Some(value) = between(&raw, "unknown variant `", "`") {
        let expected = raw.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
        return (
            path,
            trf(
                "format.errors_unknown_value",
                &[
                    ("value", &shorten(value, MAX_QUOTED_CHARS)),
                    ("expected", &expected_list(expected)),
                ],
            ),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return (
                path,
                trf(
                    "format.errors_wrong_type",
                    &[
                        ("expected", &plain_type(expected)),
                        ("found", &unexpected(&shorten(found, MAX_QUOTED_CHARS))),
                    ],
                ),
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return (
                path,
                trf(
                    "format.errors_value_out_of_range",
                    &[
                        ("found", &unexpected(found).replace('`', "")),
                        ("expected", &plain_type(expected)),
                    ],
                ),
            );
        }
    }
    if raw.starts_with("UUID parsing failed") {
        return (path, tr("format.errors_not_a_uuid").to_string());
    }
    if raw.starts_with("input contains invalid characters")
        || raw.contains("premature end of input")
        || raw.contains("invalid character")
    {
        // The reason is chrono's own words, quoted as they are.
        return (
            path,
            trf("format.errors_not_a_date_time", &[("reason", &raw)]),
        );
    }
    (path, raw)
}

pub(in crate::format) fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

fn quote_list(expected: &str) -> String {
    expected.replace('`', "\"")
}

/// serde's list of accepted names ("one of `a`, `b`" or "`a`"), quoted and in the current
/// language; the names themselves are the format's and stay as they are.
fn expected_list(expected: &str) -> String {
    match expected.strip_prefix("one of ") {
        Some(names) => trf("format.errors_one_of", &[("names", &quote_list(names))]),
        None => quote_list(expected),
    }
}

/// serde's words for the value it found ("integer `5`", "string \"x\"", "sequence"), in the
/// current language; the value itself is quoted unchanged. Words serde may add that are not
/// listed here stay as serde wrote them.
fn unexpected(found: &str) -> String {
    let inner = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix('`'))
    };
    if let Some(v) = inner("integer `") {
        trf("format.errors_found_integer", &[("value", v)])
    } else if let Some(v) = inner("floating point `") {
        trf("format.errors_found_decimal", &[("value", v)])
    } else if let Some(v) = inner("boolean `") {
        trf("format.errors_found_boolean", &[("value", v)])
    } else if let Some(v) = found.strip_prefix("string ") {
        trf("format.errors_found_text", &[("value", v)])
    } else if found == "null" {
        tr("format.errors_found_null").to_string()
    } else if found == "sequence" {
        tr("format.errors_found_list").to_string()
    } else if found == "map" {
        tr("format.errors_found_object").to_string()
    } else {
        found.to_string()
    }
}

fn plain_type(expected: &str) -> String {
    match expected {
        "u32" | "u64" | "u16" | "u8" | "usize" => tr("format.errors_type_whole_number").to_string(),
        "a string" => tr("format.errors_type_text").to_string(),
        "a sequence" => tr("format.errors_type_list").to_string(),
        "a boolean" => tr("format.errors_type_boolean").to_string(),
        "UUID parsing failed" => tr("format.errors_type_id").to_string(),
        "f64" | "f32" => tr("import.type_number").to_string(),
        "a formatted date string" => trf("import.type_date", &[("example", "2027-03-31")]),
        e if e.contains("date and time") => trf(
            "import.type_date_time",
            &[("example", "2027-03-31T09:00:00Z")],
        ),
        other => other.replace('`', "\""),
    }
}
