//! Report section: the board report, one printable page per part (summary, where we stand,
//! largest gaps, roadmap, budget, KPIs, risks, partner choice, review), with the buttons to print
//! it or save it as PDF and to download the answers, KPIs and initiatives as CSV.
//!
//! It only reads the assessment; every figure comes from the same domain functions as the
//! sections where it is edited. The print styles (style/main.css, "Board report") hide the
//! navigation and buttons and start each `.report-section` on a new page.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::i18n::{date, l, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::track::report_actions::ReportActions;
use crate::ui::track::report_assessment::{ReportGaps, ReportStanding, ReportSummary};
use crate::ui::track::report_plan::{ReportBudget, ReportRoadmap};
use crate::ui::track::report_tracking::{ReportKpis, ReportPartners, ReportReview, ReportRisks};

#[component]
pub fn ReportSection() -> impl IntoView {
    let current = use_current();
    // One date for the whole report, so every part agrees on what "today" is.
    let today = Local::now().date_naive();
    let meta = Memo::new(move |_| {
        current.assessment.with(|a| {
            let Some(a) = a.as_ref() else {
                return String::new();
            };
            let company = match a.profile.company_name.trim() {
                "" => a.display_name(),
                name => name.to_string(),
            };
            tf(
                "partners.report_meta",
                &[
                    ("company", &company),
                    ("stage", l(a.profile.stage.label())),
                    ("date", &date(today)),
                ],
            )
        })
    });
    view! {
        <section class="report" data-testid="report" aria-labelledby="report-section-title">
            <h2 id="report-section-title">{t("partners.report_title")}</h2>
            <p class="report-meta" data-testid="report-meta">{move || meta.get()}</p>
            <ReportActions/>
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
