//! The app: its providers, the header, the routes of every section and the dialogs that can open
//! over any screen.

use crate::ui::i18n::{self, t};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use super::app_header::AppHeader;
use super::assessment_frame::AssessmentPage;
use super::not_found::NotFound;
use super::notice_bar::NoticeBar;
use super::recovery_screen::RecoveryScreen;
use super::storage_banner::StorageBanner;
use super::tab_conflict::TabConflictDialog;
use crate::ui::assessment::area::AreaSection;
use crate::ui::assessment::overview::{OverviewRedirect, OverviewSection};
use crate::ui::assessment::profile::ProfileSection;
use crate::ui::assessment::results::ResultsSection;
use crate::ui::assessment::self_assessment::AssessmentSection;
use crate::ui::choose::scorecard::ScorecardPage;
use crate::ui::choose::scorecards::{PartnersSection, ToolsSection};
use crate::ui::plan::budget::BudgetSection;
use crate::ui::plan::goals::GoalsSection;
use crate::ui::plan::kpi::KpiPage;
use crate::ui::plan::risks::RisksSection;
use crate::ui::plan::roadmap::{InitiativePage, RoadmapSection};
use crate::ui::plan::team::TeamSection;
use crate::ui::state::AppState;
use crate::ui::track::compare::CompareSection;
use crate::ui::track::report::ReportSection;
use crate::ui::track::snapshots::SnapshotsSection;
use crate::ui::workspace::drop_zone::DropZone;
use crate::ui::workspace::import_dialog::ImportDialog;
use crate::ui::workspace::list_page::WorkspacePage;
use crate::ui::workspace::portfolio_page::PortfolioPage;
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
    view! {
        <Router>
            // A change of language rebuilds everything below, so every text is read again in
            // the new language; the work itself lives in AppState, above, and is untouched.
            {move || {
                language.0.track();
                view! {
                    <a class="skip-link" href="#main">{t("common.skip")}</a>
                    <AppHeader/>
                    <main id="main" tabindex="-1">
                        <StorageBanner/>
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=WorkspacePage/>
                            <Route path=path!("/portfolio") view=PortfolioPage/>
                            // Lets the browser tests check the error screen; a user who finds it sees the
                            // same screen a real bug would show, and loses nothing.
                            <Route path=path!("/debug/panic") view=PanicForTests/>
                            <ParentRoute path=path!("/a/:id") view=AssessmentPage>
                                <Route path=path!("") view=OverviewRedirect/>
                                <Route path=path!("overview") view=OverviewSection/>
                                <Route path=path!("profile") view=ProfileSection/>
                                <Route path=path!("assessment") view=AssessmentSection/>
                                <Route path=path!("assessment/:area") view=AreaSection/>
                                <Route path=path!("results") view=ResultsSection/>
                                <Route path=path!("goals") view=GoalsSection/>
                                <Route path=path!("goals/kpi/:kpi") view=KpiPage/>
                                <Route path=path!("roadmap") view=RoadmapSection/>
                                <Route path=path!("roadmap/:initiative") view=InitiativePage/>
                                <Route path=path!("budget") view=BudgetSection/>
                                <Route path=path!("team") view=TeamSection/>
                                <Route path=path!("risks") view=RisksSection/>
                                <Route path=path!("partners") view=PartnersSection/>
                                <Route path=path!("partners/:card") view=ScorecardPage/>
                                <Route path=path!("tools") view=ToolsSection/>
                                <Route path=path!("tools/:card") view=ScorecardPage/>
                                <Route path=path!("snapshots") view=SnapshotsSection/>
                                <Route path=path!("compare") view=CompareSection/>
                                <Route path=path!("report") view=ReportSection/>
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
