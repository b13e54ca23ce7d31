//! The app: its providers, the header, the routes of every section and the dialogs that can open
//! over any screen.

use crate::ui::i18n::{self, t};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy};

use super::app_header::AppHeader;
use super::not_found::NotFound;
use super::notice_bar::NoticeBar;
use super::recovery_screen::RecoveryScreen;
use super::routes::*;
use super::storage_banner::StorageBanner;
use super::tab_conflict::TabConflictDialog;
use crate::ui::assessment::overview::OverviewRedirect;
use crate::ui::state::AppState;
use crate::ui::workspace::drop_zone::DropZone;
use crate::ui::workspace::import_dialog::ImportDialog;
use crate::ui::workspace::list_page::WorkspacePage;
use crate::ui::workspace::shared_link::SharedLinkOffer;

#[component]
pub fn App() -> impl IntoView {
    let language = i18n::provide();
    crate::ui::assessment::review_toggle::provide_review_mode();
    let state = AppState::provide();
    super::autosave::install(state);
    super::folder_sync::install(state);
    super::theme_switch::provide();
    super::offline::register();
    // True while the router waits for a screen's code (a group of screens loads on first use).
    let (is_routing, set_is_routing) = signal(false);
    view! {
        <Router set_is_routing>
            // A change of language rebuilds everything below, so every text is read again in
            // the new language; the work itself lives in AppState, above, and is untouched.
            {move || {
                language.0.track();
                view! {
                    <a class="skip-link" href="#main">{t("common.skip")}</a>
                    <AppHeader/>
                    <main id="main" tabindex="-1">
                        <StorageBanner/>
                        <p class="route-loading" role="status" aria-live="polite">
                            {move || is_routing.get().then(|| t("shell.loading_screen"))}
                        </p>
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=WorkspacePage/>
                            <Route path=path!("/portfolio") view={Lazy::<PortfolioRoute>::new()}/>
                            // Lets the browser tests check the error screen; a user who finds it sees the
                            // same screen a real bug would show, and loses nothing.
                            <Route path=path!("/debug/panic") view=PanicForTests/>
                            <ParentRoute path=path!("/a/:id") view={Lazy::<AssessmentRoute>::new()}>
                                <Route path=path!("") view=OverviewRedirect/>
                                <Route path=path!("overview") view={Lazy::<OverviewRoute>::new()}/>
                                <Route path=path!("profile") view={Lazy::<ProfileRoute>::new()}/>
                                <Route path=path!("assessment") view={Lazy::<SelfAssessmentRoute>::new()}/>
                                <Route path=path!("assessment/:area") view={Lazy::<AreaRoute>::new()}/>
                                <Route path=path!("results") view={Lazy::<ResultsRoute>::new()}/>
                                <Route path=path!("goals") view={Lazy::<GoalsRoute>::new()}/>
                                <Route path=path!("goals/kpi/:kpi") view={Lazy::<KpiRoute>::new()}/>
                                <Route path=path!("roadmap") view={Lazy::<RoadmapRoute>::new()}/>
                                <Route path=path!("roadmap/:initiative") view={Lazy::<InitiativeRoute>::new()}/>
                                <Route path=path!("budget") view={Lazy::<BudgetRoute>::new()}/>
                                <Route path=path!("team") view={Lazy::<TeamRoute>::new()}/>
                                <Route path=path!("risks") view={Lazy::<RisksRoute>::new()}/>
                                <Route path=path!("partners") view={Lazy::<PartnersRoute>::new()}/>
                                <Route path=path!("partners/:card") view={Lazy::<ScorecardRoute>::new()}/>
                                <Route path=path!("tools") view={Lazy::<ToolsRoute>::new()}/>
                                <Route path=path!("tools/:card") view={Lazy::<ScorecardRoute>::new()}/>
                                <Route path=path!("snapshots") view={Lazy::<SnapshotsRoute>::new()}/>
                                <Route path=path!("compare") view={Lazy::<CompareRoute>::new()}/>
                                <Route path=path!("report") view={Lazy::<ReportRoute>::new()}/>
                            </ParentRoute>
                        </Routes>
                    </main>
                    <ImportDialog/>
                    <TabConflictDialog/>
                    <RecoveryScreen/>
                    <SharedLinkOffer/>
                    <NoticeBar/>
                    <DropZone/>
                    <super::offline::UpdateBanner/>
                }
            }}
        </Router>
    }
}

#[component]
fn PanicForTests() -> impl IntoView {
    let boom: Option<&str> = None;
    view! { <p>{boom.map(str::to_string).unwrap_or_else(|| panic!("deliberate panic for the error-screen test"))}</p> }
}
