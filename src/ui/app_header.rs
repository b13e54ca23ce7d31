//! The bar at the top of every screen: the product name, the way back to the list, import, and
//! whether work is saved.

use leptos::prelude::*;
use leptos_router::components::A;

use super::import_button::ImportButton;
use super::save_indicator::SaveIndicator;

#[component]
pub fn AppHeader() -> impl IntoView {
    view! {
        <header class="app-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " CTO Workbench"
            </A>
            <nav class="header-nav" aria-label="Workspace">
                <A href="/" exact=true>"All assessments"</A>
            </nav>
            <div class="header-actions">
                <ImportButton/>
                <SaveIndicator/>
            </div>
        </header>
    }
}
