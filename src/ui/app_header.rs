//! The bar at the top of every screen: the product name, the way back to the list, import, and
//! whether work is saved.

use leptos::prelude::*;
use leptos_router::components::A;

use super::i18n::t;
use super::import_button::ImportButton;
use super::language_switch::LanguageSwitch;
use super::save_indicator::SaveIndicator;
use super::theme_switch::ThemeSwitch;

#[component]
pub fn AppHeader() -> impl IntoView {
    view! {
        <header class="app-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " "{t("common.brand")}
            </A>
            <nav class="header-nav" aria-label=t("common.workspace_nav")>
                <A href="/" exact=true>{t("common.all_assessments")}</A>
            </nav>
            <div class="header-actions">
                <ImportButton/>
                <SaveIndicator/>
                <LanguageSwitch/>
                <ThemeSwitch/>
            </div>
        </header>
    }
}
