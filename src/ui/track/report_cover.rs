//! The board report's cover block: the company, its stage, the date in the language's format,
//! who prepared the report and on which levels (its basis), so a printed page read on its own
//! says what it is. The words come from [`crate::domain::board_report`].

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::board_report::{basis_sentence, company, prepared_by};
use crate::ui::i18n::{date, l, t};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::track::report_basis::use_report_view;

/// The cover's lines, worked out again when the assessment or the basis changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Cover {
    company: String,
    stage: String,
    prepared_by: String,
    basis: String,
}

#[component]
pub fn ReportCover(today: NaiveDate) -> impl IntoView {
    let current = use_current();
    let view = use_report_view();
    let cover = Memo::new(move |_| {
        let (basis, reviewer) = (view.basis.get(), view.reviewer.get());
        current.assessment.with(|a| {
            let Some(a) = a.as_ref() else {
                return Cover::default();
            };
            let who = prepared_by(a, basis, reviewer);
            Cover {
                company: company(a),
                stage: l(a.profile.stage.label()).to_string(),
                basis: view.figures.with(|f| basis_sentence(f, &who)),
                prepared_by: who,
            }
        })
    });
    let line = move |label: &'static str, value: fn(&Cover) -> String, testid: &'static str| {
        view! {
            <div>
                <dt>{label}</dt>
                <dd data-testid=testid>{move || cover.with(value)}</dd>
            </div>
        }
    };
    view! {
        <dl class="report-cover" data-testid="report-cover">
            {line(t("report.cover_company"), |c| c.company.clone(), "report-company")}
            {line(t("report.cover_stage"), |c| c.stage.clone(), "report-stage")}
            <div>
                <dt>{t("report.cover_date")}</dt>
                <dd data-testid="report-date">{date(today)}</dd>
            </div>
            {line(t("report.cover_prepared_by"), |c| c.prepared_by.clone(), "report-prepared-by")}
            {line(t("report.cover_basis"), |c| c.basis.clone(), "report-basis-line")}
        </dl>
    }
}
