//! The bar at the top of every screen: the product name, the way back to the list, import, and
//! whether work is saved.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::i18n::t;
use crate::ui::shell::language_switch::LanguageSwitch;
use crate::ui::shell::save_indicator::SaveIndicator;
use crate::ui::shell::theme_switch::ThemeSwitch;
use crate::ui::workspace::import_button::ImportButton;

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
                " "
                <A href="/portfolio">{t("portfolio.nav")}</A>
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
