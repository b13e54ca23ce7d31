//! Light and dark themes: following the system setting unless the user picks one in the header.
//!
//! Owns the `data-theme` attribute on `<html>` and the remembered choice (the `theme` display
//! preference). The colours themselves live in `style/main.css`, which reads the attribute and,
//! when there is none, the system's `prefers-color-scheme`. Never touches the work itself.

use leptos::prelude::*;

use crate::storage;
use crate::ui::i18n::t;

/// The preference name under which the choice is remembered in this browser.
const PREF: &str = "theme";

/// The theme the user picked; `System` leaves the choice to the operating system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value stored and set on `<html data-theme>`; `None` for `System`.
    fn code(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// Reads a stored value; anything unknown (an older or edited value) means `System`.
    fn from_code(code: &str) -> Theme {
        match code {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The option's value in the menu (`System` needs one too).
    fn option_value(self) -> &'static str {
        self.code().unwrap_or("system")
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => t("theme.system"),
            Theme::Light => t("theme.light"),
            Theme::Dark => t("theme.dark"),
        }
    }
}

/// The theme in use, shared so the switch shows the right choice after the header is rebuilt
/// (a change of language rebuilds it).
#[derive(Clone, Copy)]
struct ThemeChoice(RwSignal<Theme>);

/// Applies the remembered theme before the first paint and provides it to the switch.
pub fn provide() {
    let start = storage::read_pref(PREF)
        .map(|code| Theme::from_code(&code))
        .unwrap_or_default();
    apply(start);
    provide_context(ThemeChoice(RwSignal::new(start)));
}

/// Sets or removes `data-theme` on `<html>`; the stylesheet does the rest.
fn apply(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    // A failure here only leaves the previous colours on screen, so it is not worth a message.
    let _ = match theme.code() {
        Some(code) => root.set_attribute("data-theme", code),
        None => root.remove_attribute("data-theme"),
    };
}

/// The theme menu in the header: follow the system, always light, or always dark.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let choice = use_context::<ThemeChoice>().unwrap_or_else(|| {
        // Only reached if `provide` was skipped; the switch still works, starting from the page.
        ThemeChoice(RwSignal::new(Theme::default()))
    });
    let on_change = move |ev: leptos::ev::Event| {
        let picked = Theme::from_code(&event_target_value(&ev));
        apply(picked);
        storage::write_pref(PREF, picked.code());
        choice.0.set(picked);
    };
    view! {
        <label class="theme-switch">
            <span class="visually-hidden">{t("theme.label")}</span>
            <select on:change=on_change prop:value=move || choice.0.get().option_value()>
                {Theme::ALL
                    .into_iter()
                    .map(|th| {
                        view! {
                            <option value=th.option_value() selected=move || choice.0.get() == th>
                                {th.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_read_back_and_unknown_ones_follow_the_system() {
        for th in Theme::ALL {
            let stored = th.code().unwrap_or("system");
            assert_eq!(Theme::from_code(stored), th);
            assert_eq!(Theme::from_code(th.option_value()), th);
        }
        assert_eq!(Theme::from_code("sepia"), Theme::System);
        assert_eq!(Theme::System.code(), None);
    }
}
