//! The language the UI is shown in: chosen once at start (the remembered choice, else the
//! browser's language), switched from the header, and read by every component through `t`.
//!
//! Components call `t` with a key such as `common.language` while they build their view. A change of language rebuilds
//! the page under the router (see `ui::App`), so texts need no signal of their own; work is never
//! at risk because edits reach the workspace as they are typed.

use chrono::{DateTime, Local, NaiveDate, Utc};
use leptos::prelude::*;

use crate::content::{self, Content};
use crate::i18n::{self, Lang};
use crate::storage;

const PREF: &str = "lang";

/// The language in use.
pub fn lang() -> Lang {
    i18n::current()
}

/// A UI text in the language in use.
pub fn t(key: &str) -> &'static str {
    // The catalogues are static, so the text outlives the key asked for.
    i18n::text(lang(), key)
}

/// A UI text with its `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    i18n::fill(t(key), args)
}

/// A counted UI text ("1 week", "3 weeks"): see [`i18n::counted`].
pub fn tn(key: &str, n: usize, args: &[(&str, &str)]) -> String {
    i18n::counted(lang(), key, n, args)
}

/// A date in the language in use.
pub fn date(d: NaiveDate) -> String {
    i18n::date(lang(), d)
}

/// A month in the language in use.
pub fn month(d: NaiveDate) -> String {
    i18n::month(lang(), d)
}

/// A moment in this computer's time zone, in the language in use.
pub fn date_time(at: DateTime<Utc>) -> String {
    i18n::date_time(lang(), at.with_timezone(&Local).naive_local())
}

/// A number in the language in use, with at most `decimals` decimals.
pub fn number(v: f64, decimals: usize) -> String {
    i18n::number(lang(), v, decimals)
}

/// The framework content (areas, questions, levels, help) in the language in use. Ids and order
/// are the same in every language, so anything looked up by id works in any of them.
pub fn content() -> &'static Content {
    content::get_lang(lang())
}

/// The language signal, provided as context; `App` rebuilds the routed page when it changes.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

thread_local! {
    // The language the page's boot script loaded texts for (the browser build starts with it).
    static BOOT: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Records the language whose texts the page loaded before the app mounted.
pub fn set_boot_language(lang: Lang) {
    BOOT.with(|b| b.set(Some(lang)));
}

/// Picks the starting language and provides it: the one the page loaded texts for, else the
/// remembered choice, else the browser's language.
pub fn provide() -> Language {
    let start = BOOT
        .with(std::cell::Cell::get)
        .or_else(|| storage::read_pref(PREF).and_then(|code| Lang::from_code(&code)))
        .or_else(browser_language)
        .unwrap_or_default();
    apply(start);
    let language = Language(RwSignal::new(start));
    provide_context(language);
    language
}

/// Switches the language and remembers the choice in this browser. In the browser build the
/// new language's texts are fetched first (once); if that fails, the page stays in the current
/// language and a notice says why.
pub fn switch(to: Lang) {
    let language = use_context::<Language>();
    let state = use_context::<crate::ui::state::AppState>();
    let finish = move || {
        apply(to);
        storage::write_pref(PREF, Some(to.code()));
        if let Some(language) = language {
            language.0.set(to);
        }
    };
    #[cfg(target_arch = "wasm32")]
    {
        if !crate::texts::available(to) {
            leptos::task::spawn_local(async move {
                match crate::ui::shell::boot::load_language(to).await {
                    Ok(()) => finish(),
                    Err(why) => {
                        if let Some(language) = language {
                            // Puts the menu back on the language still shown.
                            language.0.notify();
                        }
                        if let Some(state) = state {
                            state.notice.set(Some(crate::ui::state::Notice {
                                text: tf(
                                    "common.language_unavailable",
                                    &[("language", to.own_name()), ("why", &why)],
                                ),
                                undo: None,
                            }));
                        }
                    }
                }
            });
            return;
        }
    }
    let _ = state;
    finish();
}

fn apply(to: Lang) {
    i18n::set_current(to);
    crate::charts::set_language(to);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Screen readers pick their voice from this, and the browser its fonts and line breaking.
        let _ = root.set_attribute("lang", to.code());
    }
}

fn browser_language() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let languages = navigator.languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    tags.iter()
        .chain(navigator.language().iter())
        .find_map(|tag| Lang::from_code(tag))
}

/// A label from the model (a stage, a status, a category), in the language in use.
pub fn l(english: &'static str) -> &'static str {
    i18n::label(lang(), english)
}

/// The KPI presets in the language in use.
pub fn presets() -> &'static [crate::content::presets::Preset] {
    content::presets::all_lang(lang())
}

/// A KPI preset by id, in the language in use.
pub fn preset(id: &str) -> Option<&'static crate::content::presets::Preset> {
    presets().iter().find(|p| p.id == id)
}

/// A scorecard template (criteria, levels, help) in the language in use.
pub fn template(
    kind: crate::domain::scorecard::ScorecardKind,
) -> &'static crate::content::templates::Template {
    content::templates::template_lang(kind, lang())
}
