//! Where the texts come from: the UI catalogues (`locales/<lang>/`) and the framework content
//! (`content/<lang>/`), as the text of each file, per language.
//!
//! Natively (tests, tools, benches) every file is compiled in. In the browser build none is:
//! each language is one file of its own (`lang/<code>-<hash>.json`, written at build time by the
//! `texts_bundle` binary from [`bundle`]) that the page's boot script fetches and hands to
//! [`install`]. So a visit downloads only the language in use, and the first module carries no
//! text at all. Ids, order and numbers are the same in every language, so asking for a language
//! that is not loaded answers with one that is ([`usable`]) rather than with nothing.

use crate::i18n::Lang;

/// Declares every text file once: its name (`locales/x.json`, `content/areas/…`) and, natively,
/// its compiled-in text in each language.
macro_rules! text_files {
    ($(($root:literal, $rel:literal)),* $(,)?) => {
        /// Every text file's name, as [`source`] and the language bundles know it.
        pub const FILES: &[&str] = &[$(concat!($root, "/", $rel)),*];
        #[cfg(not(target_arch = "wasm32"))]
        const EN: &[&str] = &[$(include_str!(concat!("../", $root, "/en/", $rel))),*];
        #[cfg(not(target_arch = "wasm32"))]
        const ZH: &[&str] = &[$(include_str!(concat!("../", $root, "/zh/", $rel))),*];
    };
}

text_files!(
    ("locales", "lead.json"),
    ("locales", "shell.json"),
    ("locales", "domain.json"),
    ("locales", "format.json"),
    ("locales", "charts.json"),
    ("locales", "label.json"),
    ("locales", "common.json"),
    ("locales", "assess.json"),
    ("locales", "team.json"),
    ("locales", "plan.json"),
    ("locales", "partners.json"),
    ("locales", "theme.json"),
    ("locales", "offline.json"),
    ("locales", "verdict.json"),
    ("locales", "money.json"),
    ("locales", "share.json"),
    ("locales", "next.json"),
    ("locales", "sourcing.json"),
    ("locales", "guide.json"),
    ("locales", "reviewers.json"),
    ("locales", "portfolio.json"),
    ("locales", "import.json"),
    ("locales", "report.json"),
    ("locales", "folder.json"),
    ("locales", "numbers.json"),
    ("locales", "answers_csv.json"),
    ("locales", "spec.json"),
    ("locales", "retired.json"),
    ("locales", "effort.json"),
    ("locales", "edition.json"),
    ("content", "scale.json"),
    ("content", "areas/01-business-goals.json"),
    ("content", "areas/02-current-state.json"),
    ("content", "areas/03-technology-strategy.json"),
    ("content", "areas/04-budget-resources.json"),
    ("content", "areas/05-team.json"),
    ("content", "areas/06-stack-architecture.json"),
    ("content", "areas/07-development-process.json"),
    ("content", "areas/08-security-compliance.json"),
    ("content", "areas/09-vendors-tools.json"),
    ("content", "areas/10-communication-reporting.json"),
    ("content", "areas/11-risk-management.json"),
    ("content", "areas/12-scalability-flexibility.json"),
    ("content", "areas/13-ux-feedback.json"),
    ("content", "areas/14-education-mentoring.json"),
    ("content", "areas/15-measure-iterate.json"),
    ("content", "areas/16-adapting-change.json"),
    ("content", "kpi_presets.json"),
    ("content", "scorecards/partner.json"),
    ("content", "scorecards/tool.json"),
);

/// The code a language's bundle is named by (`lang/en-….json`, `lang/zh-….json`).
pub fn bundle_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// The text of file `name` in `lang`, or `None` when there is no such file (or, in the browser,
/// when no language is loaded yet).
pub fn source(lang: Lang, name: &str) -> Option<&'static str> {
    let i = FILES.iter().position(|f| *f == name)?;
    imp::source(usable(lang), i)
}

/// `lang` if its texts are loaded, else a language whose texts are.
pub fn usable(lang: Lang) -> Lang {
    if imp::available(lang) {
        return lang;
    }
    Lang::ALL
        .into_iter()
        .find(|l| imp::available(*l))
        .unwrap_or(lang)
}

/// The value made from `lang`'s texts, made once per language: `make` gets the language whose
/// texts are loaded ([`usable`]), so a value is never cached under a language it is not in.
pub fn per_language<T>(
    cells: &'static [std::sync::OnceLock<T>; 2],
    lang: Lang,
    make: impl FnOnce(Lang) -> T,
) -> &'static T {
    let lang = usable(lang);
    let cell = match lang {
        Lang::En => &cells[0],
        Lang::Zh => &cells[1],
    };
    cell.get_or_init(|| make(lang))
}

/// Whether `lang`'s texts are loaded (always, natively).
pub fn available(lang: Lang) -> bool {
    imp::available(lang)
}

/// Every file's text in `lang`, as the JSON object a language bundle holds (native only: the
/// build writes the bundles from it).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundle(lang: Lang) -> serde_json::Map<String, serde_json::Value> {
    FILES
        .iter()
        .enumerate()
        .filter_map(|(i, name)| imp::source(lang, i).map(|text| ((*name).to_string(), text.into())))
        .collect()
}

/// Why a language bundle could not be used.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BundleError {
    #[error("the texts are not a JSON object of file names to texts: {0}")]
    NotJson(String),
    #[error("the texts lack {0}")]
    Missing(&'static str),
}

/// Reads a language bundle (the JSON [`bundle`] writes) into one text per file, in [`FILES`]
/// order; every file must be there.
pub fn parse_bundle(json: &str) -> Result<Vec<String>, BundleError> {
    let mut map: std::collections::HashMap<String, String> =
        serde_json::from_str(json).map_err(|e| BundleError::NotJson(e.to_string()))?;
    FILES
        .iter()
        .map(|name| map.remove(*name).ok_or(BundleError::Missing(name)))
        .collect()
}

/// Makes `lang`'s texts available from a bundle fetched by the page. Loading a language twice
/// keeps the first copy (the texts of one build never change).
pub fn install(lang: Lang, json: &str) -> Result<(), BundleError> {
    let texts = parse_bundle(json)?;
    imp::install(lang, texts);
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Lang, EN, ZH};

    pub fn source(lang: Lang, i: usize) -> Option<&'static str> {
        match lang {
            Lang::En => EN.get(i).copied(),
            Lang::Zh => ZH.get(i).copied(),
        }
    }

    pub fn available(_lang: Lang) -> bool {
        true
    }

    pub fn install(_lang: Lang, _texts: Vec<String>) {}
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Lang;
    use std::cell::RefCell;

    thread_local! {
        // Leaked once per language and build: every text is `&'static str` to its readers, as
        // the compiled-in texts are natively.
        static LOADED: RefCell<Vec<(Lang, &'static [&'static str])>> = const { RefCell::new(Vec::new()) };
    }

    pub fn source(lang: Lang, i: usize) -> Option<&'static str> {
        LOADED.with(|l| {
            l.borrow()
                .iter()
                .find(|(have, _)| *have == lang)
                .and_then(|(_, texts)| texts.get(i).copied())
        })
    }

    pub fn available(lang: Lang) -> bool {
        LOADED.with(|l| l.borrow().iter().any(|(have, _)| *have == lang))
    }

    pub fn install(lang: Lang, texts: Vec<String>) {
        if available(lang) {
            return;
        }
        let leaked: Vec<&'static str> = texts
            .into_iter()
            .map(|t| &*Box::leak(t.into_boxed_str()))
            .collect();
        let leaked: &'static [&'static str] = Box::leak(leaked.into_boxed_slice());
        LOADED.with(|l| l.borrow_mut().push((lang, leaked)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_compiled_in_for_both_languages_and_named_once() {
        let mut seen = std::collections::HashSet::new();
        for name in FILES {
            assert!(seen.insert(*name), "{name} twice");
            for lang in Lang::ALL {
                let text = source(lang, name).unwrap_or_default();
                assert!(
                    text.trim_start().starts_with(['{', '[']),
                    "{name} in {lang:?}"
                );
            }
        }
        for group in crate::i18n::GROUPS {
            assert!(
                FILES.contains(&format!("locales/{group}.json").as_str()),
                "{group}"
            );
        }
    }

    #[test]
    fn a_bundle_round_trips_and_a_short_one_is_refused() {
        for lang in Lang::ALL {
            let json = serde_json::Value::Object(bundle(lang)).to_string();
            let texts = parse_bundle(&json).unwrap_or_default();
            assert_eq!(texts.len(), FILES.len());
            for (name, text) in FILES.iter().zip(&texts) {
                assert_eq!(Some(text.as_str()), source(lang, name));
            }
        }
        let mut short = bundle(Lang::En);
        short.remove("content/scale.json");
        assert_eq!(
            parse_bundle(&serde_json::Value::Object(short).to_string()),
            Err(BundleError::Missing("content/scale.json"))
        );
        assert!(matches!(parse_bundle("[1]"), Err(BundleError::NotJson(_))));
        assert_eq!(source(Lang::En, "content/nothing.json"), None);
    }

    #[test]
    fn the_bundles_differ_by_language() {
        assert_ne!(
            source(Lang::En, "locales/lead.json"),
            source(Lang::Zh, "locales/lead.json")
        );
    }
}
