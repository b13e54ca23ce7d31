//! The user interface: the app shell, routes, and one component per file under `ui/`.
//!
//! Components read and change state only through `state::AppState`; none touches storage or the
//! file format directly.

mod app_header;
mod assessment_row;
mod autosave;
mod confirm_dialog;
mod drop_zone;
mod files;
mod import_button;
mod import_dialog;
mod notice_bar;
mod pages;
mod save_indicator;
pub mod state;
mod text_field;
mod welcome;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use app_header::AppHeader;
use drop_zone::DropZone;
use import_dialog::ImportDialog;
use notice_bar::NoticeBar;
use pages::assessment::AssessmentPage;
use pages::not_found::NotFound;
use pages::overview::OverviewSection;
use pages::profile::ProfileSection;
use pages::workspace::WorkspacePage;
use state::AppState;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    autosave::install(state);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <AppHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=WorkspacePage/>
                    <ParentRoute path=path!("/a/:id") view=AssessmentPage>
                        <Route path=path!("") view=OverviewSection/>
                        <Route path=path!("overview") view=OverviewSection/>
                        <Route path=path!("profile") view=ProfileSection/>
                    </ParentRoute>
                </Routes>
            </main>
            <ImportDialog/>
            <NoticeBar/>
            <DropZone/>
        </Router>
    }
}
