//! Errors a file can have, worded for the person who imported it.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// One thing wrong with a file, and where: `path` reads like `assessments[0].profile.stage`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
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

/// Why a file (or a stored record) was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
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
        many => format!(
            "The file has {} problems: {}.",
            many.len(),
            many.iter()
                .map(Problem::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
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

pub(super) fn not_json(e: serde_json::Error) -> FormatError {
    let message = strip_position(&e.to_string());
    FormatError::NotJson {
        line: e.line(),
        column: e.column(),
        message,
    }
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
        let expected = raw.split_once(", expected ").map(|(_, e)| e).unwrap_or("");
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
        let expected = raw.split_once(", expected ").map(|(_, e)| e).unwrap_or("");
        return (
            path,
            format!(
                "unknown value \"{value}\" (expected {})",
                quote_list(expected)
            ),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return (
                path,
                format!("expected {}, found {}", plain_type(expected), found),
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
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
