//! The user interface: the app shell, routes, and one component per file under `ui/`.
//!
//! Components read and change state only through `state::AppState`; none touches storage or the
//! file format directly.

mod app_header;
mod area_nav;
mod assessment_row;
mod autosave;
mod budget_table;
mod candidate_list;
mod capacity_table;
mod card_edit;
mod chart_view;
mod compare_results;
mod compare_source;
mod confirm_dialog;
mod criteria_scores;
mod culture_fit;
mod decision_list;
mod deleted_list;
mod drop_zone;
mod export_reminder;
mod files;
mod goal_list;
pub mod i18n;
mod import_button;
mod import_dialog;
mod initiative_edit;
mod initiative_form;
mod inventory_list;
mod kpi_dashboard;
mod kpi_plot;
mod language_switch;
mod list_edit;
mod merge_view;
mod notice_bar;
mod numbers;
mod offline;
mod operating_model;
mod pages;
pub mod panic_screen;
mod parsed_field;
mod partner_reviews;
mod people_list;
mod progress_chart;
mod question_card;
mod recovery_screen;
mod refusal_details;
mod report_actions;
mod report_assessment;
mod report_plan;
mod report_tracking;
mod responsibility_matrix;
mod review_answer;
mod review_area;
mod review_summary;
mod review_toggle;
mod risk_heat_map;
mod risk_register;
mod roadmap_suggestions;
mod roadmap_timeline;
mod roadmap_toolbar;
mod running_cost_list;
mod save_indicator;
mod scorecard_results;
mod share_button;
mod shared_link;
mod skills_editor;
mod skills_matrix;
mod snapshot_compare;
mod snapshot_list;
mod stakeholder_list;
pub mod state;
mod storage_banner;
mod swot_board;
mod tab_conflict;
mod team_plan;
mod text_field;
mod theme_switch;
mod undo_buttons;
mod welcome;

use i18n::t;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use app_header::AppHeader;
use drop_zone::DropZone;
use import_dialog::ImportDialog;
use notice_bar::NoticeBar;
use pages::area::AreaSection;
use pages::assessment::AssessmentPage;
use pages::budget::BudgetSection;
use pages::compare::CompareSection;
use pages::goals::GoalsSection;
use pages::kpi::KpiPage;
use pages::not_found::NotFound;
use pages::overview::{OverviewRedirect, OverviewSection};
use pages::profile::ProfileSection;
use pages::report::ReportSection;
use pages::results::ResultsSection;
use pages::risks::RisksSection;
use pages::roadmap::{InitiativePage, RoadmapSection};
use pages::scorecard::ScorecardPage;
use pages::scorecards::{PartnersSection, ToolsSection};
use pages::self_assessment::AssessmentSection;
use pages::snapshots::SnapshotsSection;
use pages::team::TeamSection;
use pages::workspace::WorkspacePage;
use recovery_screen::RecoveryScreen;
use shared_link::SharedLinkOffer;
use state::AppState;
use storage_banner::StorageBanner;
use tab_conflict::TabConflictDialog;

#[component]
pub fn App() -> impl IntoView {
    let language = i18n::provide();
    review_toggle::provide_review_mode();
    let state = AppState::provide();
    autosave::install(state);
    theme_switch::provide();
    offline::register();
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
                    <offline::UpdateBanner/>
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
