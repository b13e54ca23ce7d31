//! The page for an address the app does not know.

use crate::ui::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>{t("lead.not_found_title")}</h1>
            <p>{t("lead.not_found_body")}</p>
            <p><A href="/">{t("lead.missing_link")}</A></p>
        </section>
    }
}
