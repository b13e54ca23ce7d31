//! Languages: the UI's texts in English and Simplified Chinese, and dates and numbers written the
//! way each language writes them. Plain Rust (no browser), so the catalogues are checked natively.
//!
//! Texts live in `locales/<lang>/<group>.json`, flat objects from key to text, compiled in. Keys
//! start with their group's name, so two groups can never define the same key. `{name}` marks a
//! placeholder that `fill` replaces. The tests below fail when a key exists in one language but
//! not the other, when a pair's placeholders differ, or when code asks for a key no catalogue has.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// A language the app is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code remembered in the browser and written into `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language for a stored code or a browser's language tag ("zh-CN", "zh-Hans-SG", "en-GB").
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }
}

thread_local! {
    static CURRENT: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// Sets the language sentences are written in: the UI sets it when the user picks a language.
/// Like a locale setting, it only changes wording, never a result; natively (tests, benches) it
/// stays English unless a test sets it on its own thread.
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language sentences are written in.
pub fn current() -> Lang {
    CURRENT.with(std::cell::Cell::get)
}

/// A text in the current language: for sentences the model writes (reasons, descriptions).
pub fn tr(key: &str) -> &'static str {
    text(current(), key)
}

/// A text in the current language with its `{name}` placeholders filled in.
pub fn trf(key: &str, args: &[(&str, &str)]) -> String {
    fill(tr(key), args)
}

/// A counted text in the current language: `key` with `{n}` (and `args`) filled in, in the
/// plural form the language uses for `n`. English has a singular: when `n` is 1 the catalogue's
/// `key.one` is used if it exists. Chinese has one form for every number (CLDR: "other" only).
pub fn trn(key: &str, n: usize, args: &[(&str, &str)]) -> String {
    counted(current(), key, n, args)
}

/// [`trn`] in `lang`.
pub fn counted(lang: Lang, key: &str, n: usize, args: &[(&str, &str)]) -> String {
    let one = format!("{key}.one");
    let template = match (lang, n) {
        (Lang::En, 1) => catalogue(Lang::En)
            .get(&one)
            .map(String::as_str)
            .unwrap_or_else(|| text(lang, key)),
        _ => text(lang, key),
    };
    let n = n.to_string();
    let mut all: Vec<(&str, &str)> = vec![("n", &n)];
    all.extend_from_slice(args);
    fill(template, &all)
}

/// Every catalogue group: `locales/<lang>/<group>.json`. A new group is one line here, two files
/// and a line in `texts::FILES`.
pub const GROUPS: [&str; 30] = [
    "lead",
    "shell",
    "domain",
    "format",
    "charts",
    "label",
    "common",
    "assess",
    "team",
    "plan",
    "partners",
    "theme",
    "offline",
    "verdict",
    "money",
    "share",
    "next",
    "sourcing",
    "guide",
    "reviewers",
    "portfolio",
    "import",
    "report",
    "folder",
    "numbers",
    "answers_csv",
    "spec",
    "retired",
    "effort",
    "edition",
];

/// Each group's text in English and Chinese, for the tests that compare the two.
#[cfg(test)]
fn groups() -> Vec<(&'static str, &'static str, &'static str)> {
    GROUPS
        .iter()
        .map(|g| {
            let file = format!("locales/{g}.json");
            (
                *g,
                crate::texts::source(Lang::En, &file).unwrap_or_default(),
                crate::texts::source(Lang::Zh, &file).unwrap_or_default(),
            )
        })
        .collect()
}

type Catalogue = HashMap<String, String>;

fn parse_group(text: &str) -> Result<Catalogue, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    // In the browser only the language in use is loaded: asking for one that is not answers
    // with the one that is (same keys).
    static CELLS: [OnceLock<Catalogue>; 2] = [const { OnceLock::new() }; 2];
    crate::texts::per_language(&CELLS, lang, |lang| {
        let mut all = Catalogue::new();
        for group in &GROUPS {
            let text = crate::texts::source(lang, &format!("locales/{group}.json")).unwrap_or("");
            // A catalogue that does not parse is caught by the tests below before any user sees
            // it; at run time its keys fall back to English rather than stopping the app.
            if let Ok(map) = parse_group(text) {
                all.extend(map);
            }
        }
        all
    })
}

/// Shown for a key no catalogue has; the tests make that impossible in a released build.
pub const MISSING: &str = "[missing text]";

/// The text for `key` in `lang`; the English text if the language lacks it.
pub fn text(lang: Lang, key: &str) -> &'static str {
    catalogue(lang)
        .get(key)
        .or_else(|| catalogue(Lang::En).get(key))
        .map(String::as_str)
        .unwrap_or(MISSING)
}

/// A label the model gives in English (a stage, a status, a category) in `lang`: the English
/// label is the key, so each domain enum keeps one `label()` and the UI translates it here.
pub fn label(lang: Lang, english: &'static str) -> &'static str {
    match lang {
        Lang::En => english,
        _ => catalogue(lang)
            .get(&format!("label.{english}"))
            .map(String::as_str)
            .unwrap_or(english),
    }
}

/// A list in running text in the language in use: "a", "a and b", "a, b and c" (in Chinese
/// "a、b和c"). One function, so every sentence that names several things joins them alike.
pub fn list_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => trf(
            "domain.engine_list_and",
            &[
                (
                    "items",
                    &init
                        .iter()
                        .map(AsRef::as_ref)
                        .collect::<Vec<&str>>()
                        .join(tr("domain.engine_list_separator")),
                ),
                ("last", last.as_ref()),
            ],
        ),
    }
}

/// Replaces each `{name}` in `template` with its value, in one pass over the template: a value
/// (often text a user typed) is never searched for placeholders itself.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

const MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as the language writes it: "23 Nov 2026", "2026年11月23日".
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let m = d.month0() as usize;
    match lang {
        Lang::En => format!("{} {} {}", d.day(), MONTHS_SHORT[m], d.year()),
        Lang::Zh => format!("{}年{}月{}日", d.year(), m + 1, d.day()),
    }
}

/// A month: "November 2026", "2026年11月".
pub fn month(lang: Lang, d: NaiveDate) -> String {
    let m = d.month0() as usize;
    match lang {
        Lang::En => format!("{} {}", MONTHS_LONG[m], d.year()),
        Lang::Zh => format!("{}年{}月", d.year(), m + 1),
    }
}

/// A date and time of day: "23 Nov 2026, 14:05", "2026年11月23日 14:05".
pub fn date_time(lang: Lang, t: NaiveDateTime) -> String {
    let clock = t.format("%H:%M");
    match lang {
        Lang::En => format!("{}, {clock}", date(lang, t.date())),
        Lang::Zh => format!("{} {clock}", date(lang, t.date())),
    }
}

/// A number with the language's digit grouping and at most `decimals` decimals, trailing zeros
/// dropped: "1,234.5". English and Chinese (CLDR zh-Hans) both group thousands with "," and mark
/// decimals with "."; the function takes the language so the UI never assumes that.
pub fn number(lang: Lang, v: f64, decimals: usize) -> String {
    let (group, point) = match lang {
        Lang::En | Lang::Zh => (',', '.'),
    };
    if !v.is_finite() {
        return v.to_string();
    }
    let fixed = format!("{:.*}", decimals, v.abs());
    let (whole, frac) = match fixed.split_once('.') {
        Some((w, f)) => (w.to_string(), f.trim_end_matches('0').to_string()),
        None => (fixed, String::new()),
    };
    let mut out = String::new();
    let negative = v < 0.0 && (whole.chars().any(|c| c != '0') || !frac.is_empty());
    if negative {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(&frac);
    }
    out
}

#[cfg(test)]
mod tests;
