//! Errors a file can have, worded for the person who imported it.
//!
//! Every message is bounded: values and keys quoted from a file are shortened, and a long list of
//! problems is cut, so a hostile file cannot make a message of megabytes.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

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
        Value::String(s) if s.chars().count() > 40 => format!(
            "a text of {} characters starting \"{}\"",
            s.chars().count(),
            shorten(s, 20)
        ),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
        other => other.to_string(),
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
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

/// Why a file (or a stored record) was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Larger than [`super::MAX_FILE_BYTES`]; refused before reading.
    #[error(
        "This file is {}, over the limit of {}. No CTO Workbench file comes near that size: check \
         that you picked the right file.",
        megabytes(*.bytes),
        megabytes(*.limit)
    )]
    TooLarge { bytes: u64, limit: u64 },
    /// No bytes at all, or only spaces and line breaks.
    #[error("This file is empty: it holds no data. Check that you picked the right file.")]
    Empty,
    /// Text saved as UTF-16 (a byte-order mark, or a zero byte beside every character).
    #[error(
        "This file was saved as UTF-16; save it as UTF-8 and import it again (in most editors: \
         Save As, then choose the encoding \"UTF-8\")."
    )]
    Utf16,
    /// Bytes that are not UTF-8 text; `offset` counts bytes from 0.
    #[error(
        "This file is not UTF-8 text: the byte at offset {offset} (line {line}) is not valid \
         UTF-8. It may be a binary file or text saved in another encoding; save it as UTF-8 and \
         import it again."
    )]
    NotUtf8 { offset: usize, line: usize },
    /// The browser could not read the file at all (it moved, or access was refused).
    #[error(
        "The file could not be read ({0}). Try again, or copy the file to another folder first."
    )]
    Unreadable(String),
    /// Brackets inside brackets beyond the parser's limit of 128 levels.
    #[error(
        "This file is nested too deeply (line {line}, column {column}): it has more than 128 \
         levels of brackets inside one another, and no CTO Workbench file has more than a few. It \
         is damaged or was made by another program."
    )]
    TooDeep { line: usize, column: usize },
    /// More values (numbers, texts, lists, objects) than any real file holds.
    #[error(
        "This file holds more than {limit} values (numbers, texts, lists and objects); no CTO \
         Workbench file comes near that. It is damaged or was made by another program."
    )]
    TooManyValues { limit: usize },
    #[error("This file is not valid JSON (line {line}, column {column}: {message}).")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("This is not a CTO Workbench file: {0}.")]
    NotOurs(String),
    #[error(
        "This file was made by a newer version of CTO Workbench (file schema version {found}; this \
         app reads versions 1 to {supported}). Open it in an up-to-date copy of the app."
    )]
    FromNewerVersion { found: u64, supported: u32 },
    #[error("{}", describe_invalid(.0))]
    Invalid(Vec<Problem>),
}

fn describe_invalid(problems: &[Problem]) -> String {
    match problems {
        [one] => format!("The file has a problem: {one}."),
        many => {
            let shown = many
                .iter()
                .take(MAX_PROBLEMS_SHOWN)
                .map(Problem::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            let more = many.len().saturating_sub(MAX_PROBLEMS_SHOWN);
            let tail = if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            };
            format!("The file has {} problems: {shown}{tail}.", many.len())
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
            message: "the file is empty".to_string(),
        };
    }
    let here = at_position(text, line, column, 0);
    if here.starts_with("//") || here.starts_with("/*") {
        return FormatError::NotOurs(format!(
            "it contains a comment at line {line} (// or /*), which JSON files from CTO \
             Workbench never have; it looks like another program's settings or code"
        ));
    }
    // serde_json stops a letter or two into a word it does not know: look a little before.
    let around = at_position(text, line, column, 3).as_bytes();
    let around = around.get(..12).unwrap_or(around).to_ascii_lowercase();
    let has = |word: &str| around.windows(word.len()).any(|w| w == word.as_bytes());
    let message = if e.classify() == serde_json::error::Category::Eof {
        "the file ends too early, as if it was cut off; export it again or fetch a complete copy"
            .to_string()
    } else if has("nan") || has("inf") {
        "NaN and Infinity are not numbers JSON allows; write a number or null".to_string()
    } else if raw == "number out of range" {
        "a number is too large to read (such as 1e999)".to_string()
    } else if raw.contains("hex escape") || raw.contains("unicode code point") {
        "a \\u escape in a text is broken or stands for half a character (such as \\ud800 \
         alone)"
            .to_string()
    } else if raw == "expected ident" {
        "a word JSON does not know; only true, false and null are written without quotes"
            .to_string()
    } else if raw == "invalid escape" {
        "a text holds a backslash escape JSON does not know; write \\\\ for a backslash".to_string()
    } else if raw.starts_with("control character") {
        "a text holds a raw control character such as a tab or line break; write it as \\t or \
         \\n"
        .to_string()
    } else {
        raw
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

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Rewrites serde's wording into plain sentences and puts missing fields into the path.
fn humanize(path: &str, raw: &str) -> (String, String) {
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
        return (join(field), "is missing".to_string());
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
            format!(
                "is not a field this format knows (expected {})",
                quote_list(expected)
            ),
        );
    }
    if let Some(value) = between(&raw, "unknown variant `", "`") {
        let expected = raw.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
        return (
            path,
            format!(
                "unknown value \"{}\" (expected {})",
                shorten(value, MAX_QUOTED_CHARS),
                quote_list(expected)
            ),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return (
                path,
                format!(
                    "expected {}, found {}",
                    plain_type(expected),
                    shorten(found, MAX_QUOTED_CHARS)
                ),
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return (
                path,
                format!(
                    "{} is out of range (expected {})",
                    found.replace('`', ""),
                    plain_type(expected)
                ),
            );
        }
    }
    if raw.starts_with("UUID parsing failed") {
        return (
            path,
            "is not a valid id (expected a UUID like 3f2b6c1e-8a4d-4c5e-9f1a-2b3c4d5e6f70)"
                .to_string(),
        );
    }
    if raw.starts_with("input contains invalid characters")
        || raw.contains("premature end of input")
        || raw.contains("invalid character")
    {
        return (path, format!("not a valid date and time ({raw})"));
    }
    (path, raw)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

fn quote_list(expected: &str) -> String {
    expected.replace('`', "\"")
}

fn plain_type(expected: &str) -> String {
    match expected {
        "u32" | "u64" | "u16" | "u8" | "usize" => "a whole number of 0 or more".to_string(),
        "a string" => "text".to_string(),
        "a sequence" => "a list".to_string(),
        "a boolean" => "true or false".to_string(),
        "UUID parsing failed" => "an id like 3f2b6c1e-…".to_string(),
        other => other.replace('`', "\""),
    }
}
