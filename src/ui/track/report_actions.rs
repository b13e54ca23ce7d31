//! The board report's buttons: print (or save as PDF through the browser's print dialog) and the
//! three CSV downloads for spreadsheet users. The CSV text comes from
//! [`crate::domain::csv_export`]; this file only names the files and hands them to the browser.

use chrono::Local;
use leptos::prelude::*;

use crate::domain::{csv_export, Assessment};
use crate::ui::common::files::download_as;
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// The MIME type of the downloads; the charset tells spreadsheets the text is UTF-8.
pub(crate) const CSV_MIME: &str = "text/csv;charset=utf-8";

/// A byte-order mark: without it Excel reads a CSV file as the local code page, which garbles
/// every accented or non-Latin character (names, notes, Chinese content).
pub(crate) const BOM: &str = "\u{feff}";

/// One of the three tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    Answers,
    Kpis,
    Initiatives,
}

impl Table {
    /// The word in the file name.
    fn slug(self) -> &'static str {
        match self {
            Table::Answers => "answers",
            Table::Kpis => "kpis",
            Table::Initiatives => "initiatives",
        }
    }

    fn text(self, a: &Assessment) -> String {
        match self {
            Table::Answers => csv_export::answers(content(), a),
            Table::Kpis => csv_export::kpis(a),
            Table::Initiatives => csv_export::initiatives(content(), a),
        }
    }
}

/// A download name such as `acme-answers-2026-03-01.csv`, built like the JSON export's name.
fn csv_file_name(label: &str, table: Table, date: chrono::NaiveDate) -> String {
    let json_name = crate::format::file_name(&format!("{label} {}", table.slug()), date);
    let stem = json_name.strip_suffix(".cto.json").unwrap_or(&json_name);
    format!("{stem}.csv")
}

#[component]
pub fn ReportActions() -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let download = move |table: Table| {
        let Some(a) = current.assessment.get_untracked() else {
            return;
        };
        let name = csv_file_name(&a.display_name(), table, Local::now().date_naive());
        let text = format!("{BOM}{}", table.text(&a));
        match download_as(&name, &text, CSV_MIME) {
            Ok(()) => state.notify(tf("partners.report_actions_downloaded", &[("name", &name)])),
            Err(why) => state.notify(tf(
                "partners.report_actions_download_failed",
                &[("why", &why)],
            )),
        }
    };
    let print = move |_| {
        if window().print().is_err() {
            state.notify(t("partners.report_actions_print_failed"));
        }
    };
    view! {
        <div class="toolbar report-actions" role="group" aria-label=t("partners.report_actions_label")>
            <button class="button primary" on:click=print>{t("partners.report_actions_print")}</button>
            <button class="button" on:click=move |_| download(Table::Answers)>
                {t("partners.report_actions_answers")}
            </button>
            <button class="button" on:click=move |_| download(Table::Kpis)>
                {t("partners.report_actions_kpis")}
            </button>
            <button class="button" on:click=move |_| download(Table::Initiatives)>
                {t("partners.report_actions_initiatives")}
            </button>
        </div>
        <p class="hint report-hint">{t("partners.report_actions_hint")}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_names_follow_the_export_names() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(
            csv_file_name("Acme Robotics", Table::Answers, date),
            "acme-robotics-answers-2026-03-01.csv"
        );
        assert_eq!(csv_file_name("", Table::Kpis, date), "kpis-2026-03-01.csv");
        assert_eq!(
            csv_file_name("Q1/Q2", Table::Initiatives, date),
            "q1-q2-initiatives-2026-03-01.csv"
        );
    }
}
