//! Report section: the board report. On screen: the choice of levels (self-assessed, reviewed or
//! both), the buttons to print it or save it as PDF and to download the answers, KPIs and
//! initiatives as CSV, and the boxes to rewrite its summary and recommendations. On paper: the
//! cover (company, date, prepared by, basis) and the parts (summary, where we stand, largest
//! gaps, roadmap, budget, KPIs, risks, partner choice, review), numbered pages, nothing else.
//!
//! It only reads the assessment, apart from its own words; every figure comes from the same
//! domain functions as the sections where it is edited. The print styles (style/main.css, "Board
//! report") hide the app around it and everything marked `.screen-only`, and keep table rows,
//! charts and short parts whole instead of starting each part on a new page.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::i18n::t;
use crate::ui::track::report_actions::ReportActions;
use crate::ui::track::report_assessment::{ReportGaps, ReportStanding, ReportSummary};
use crate::ui::track::report_basis::{provide_report_view, ReportBasisPicker};
use crate::ui::track::report_cover::ReportCover;
use crate::ui::track::report_plan::{ReportBudget, ReportRoadmap};
use crate::ui::track::report_tracking::{ReportKpis, ReportPartners, ReportReview, ReportRisks};

#[component]
pub fn ReportSection() -> impl IntoView {
    provide_report_view();
    // One date for the whole report, so every part agrees on what "today" is.
    let today = Local::now().date_naive();
    view! {
        <section class="report" data-testid="report" aria-labelledby="report-section-title">
            <h2 id="report-section-title">{t("partners.report_title")}</h2>
            <ReportBasisPicker/>
            <ReportActions/>
            <ReportCover today/>
            <ReportSummary today/>
            <ReportStanding/>
            <ReportGaps/>
            <ReportRoadmap today/>
            <ReportBudget today/>
            <ReportKpis today/>
            <ReportRisks today/>
            <ReportPartners/>
            <ReportReview/>
        </section>
    }
}
