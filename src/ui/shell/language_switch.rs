//! The language menu in the header: each language named in itself, the choice remembered.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::ui::i18n::{self, t, Language};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let language = expect_context::<Language>();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(to) = Lang::from_code(&event_target_value(&ev)) {
            i18n::switch(to);
        }
    };
    view! {
        <label class="language-switch">
            <span class="visually-hidden">{t("common.language")}</span>
            <select on:change=on_change prop:value=move || language.0.get().code()>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() selected=move || language.0.get() == l>
                                {l.own_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
