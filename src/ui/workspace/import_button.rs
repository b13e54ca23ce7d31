//! "Import file": a file picker that feeds the import flow. Styled as a button; the input itself
//! stays focusable so the keyboard reaches it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::ui::common::files::import_file;
use crate::ui::i18n::t;
use crate::ui::state::use_app_state;

#[component]
pub fn ImportButton(
    /// Distinct per placement: the header and the welcome screen both show one.
    #[prop(default = "import-file")]
    id: &'static str,
    #[prop(optional)] primary: bool,
) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|list| list.get(0));
        // Clearing lets the same file be picked again after fixing it.
        input.set_value("");
        if let Some(file) = file {
            import_file(state, file, navigate.clone());
        }
    };
    view! {
        <span class="file-button" class:primary=primary>
            <input
                id=id
                class="visually-hidden"
                type="file"
                accept=".json,application/json"
                on:change=on_change
            />
            <label for=id class="button" class:primary=primary>{t("lead.import_file")}</label>
        </span>
    }
}
