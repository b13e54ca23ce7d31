//! The board report's basis: the choice of levels (the founder's self-assessment, the reviewed
//! levels, or both side by side) and of reviewer, shared with every part through context, and
//! the figures that choice gives. The rules live in [`crate::domain::board_report`]; this file
//! holds the choice and draws the picker (on screen only: paper shows the cover's basis line).
//!
//! The choice starts from the address (`?basis=reviewed&reviewer=<id>`), so a link opens the
//! report on the view it was sent with; without one, from the choice last made for this
//! assessment in this browser ([`crate::storage::load_report_basis`]), so a reload keeps it. It
//! is never stored in the file.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::domain::board_report::{figures, reviewers_with_levels, Basis, Figures};
use crate::ui::i18n::{content, t};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::track::report_table::of_assessment;

/// The report's choice of levels and the figures it gives, provided by the report section.
#[derive(Clone, Copy)]
pub struct ReportView {
    /// The assessment the choice is remembered for.
    id: Uuid,
    pub basis: RwSignal<Basis>,
    /// The reviewer chosen (in the picker, the address or the remembered choice).
    chosen: RwSignal<Option<Uuid>>,
    /// One reviewer's levels only; `None` for each question's most recent reviewed level. A
    /// chosen reviewer who gave no level in this assessment (a stale link or remembered choice)
    /// counts as `None`, so the reviewed basis is never left empty by a choice no one can see.
    pub reviewer: Memo<Option<Uuid>>,
    pub figures: Memo<Figures>,
}

/// Makes the report's view from the address and provides it to the parts below.
pub fn provide_report_view() -> ReportView {
    let current = use_current();
    let query = use_query_map();
    let id = current.id;
    let (basis, reviewer) =
        query.with_untracked(|q| match q.get("basis").and_then(|b| Basis::from_id(&b)) {
            Some(basis) => (
                basis,
                q.get("reviewer").and_then(|r| Uuid::parse_str(&r).ok()),
            ),
            None => crate::storage::load_report_basis(id).unwrap_or_default(),
        });
    let basis = RwSignal::new(basis);
    let chosen = RwSignal::new(reviewer);
    let reviewer = Memo::new(move |_| {
        chosen.get().filter(|r| {
            current.assessment.with(|a| {
                a.as_ref()
                    .is_some_and(|a| reviewers_with_levels(a).iter().any(|(id, _)| id == r))
            })
        })
    });
    let figures = Memo::new(move |_| {
        let (basis, reviewer) = (basis.get(), reviewer.get());
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| figures(content(), a, basis, reviewer))
                .unwrap_or_default()
        })
    });
    let view = ReportView {
        id,
        basis,
        chosen,
        reviewer,
        figures,
    };
    provide_context(view);
    view
}

impl ReportView {
    /// Chooses the levels shown and remembers the choice for this assessment in this browser.
    pub fn choose(self, basis: Basis, reviewer: Option<Uuid>) {
        self.basis.set(basis);
        self.chosen.set(reviewer);
        crate::storage::save_report_basis(self.id, basis, reviewer);
    }
}

pub fn use_report_view() -> ReportView {
    expect_context::<ReportView>()
}

#[component]
pub fn ReportBasisPicker() -> impl IntoView {
    let view = use_report_view();
    let reviewers = of_assessment(reviewers_with_levels);
    let has_levels = Memo::new(move |_| !reviewers.with(Vec::is_empty));
    view! {
        <fieldset class="report-basis screen-only" data-testid="report-basis">
            <legend>{t("report.basis_legend")}</legend>
            {Basis::ALL
                .into_iter()
                .map(|b| {
                    let input_id = format!("report-basis-{}", b.id());
                    view! {
                        <span class="choice">
                            <input
                                type="radio"
                                id=input_id.clone()
                                name="report-basis"
                                prop:checked=move || view.basis.get() == b
                                on:change=move |_| view.choose(b, view.reviewer.get_untracked())
                            />
                            <label for=input_id>{b.label()}</label>
                        </span>
                    }
                })
                .collect_view()}
            <Show when=move || view.basis.get().shows_reviewed() && reviewers.with(|r| r.len() > 1)>
                <div class="field report-reviewer">
                    <label for="report-reviewer">{t("report.reviewer_label")}</label>
                    <select
                        id="report-reviewer"
                        on:change=move |ev| {
                            let reviewer = Uuid::parse_str(&event_target_value(&ev)).ok();
                            view.choose(view.basis.get_untracked(), reviewer);
                        }
                    >
                        <option value="" selected=move || view.reviewer.get().is_none()>
                            {t("report.reviewer_all")}
                        </option>
                        {move || {
                            reviewers
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    let name = match name.as_str() {
                                        "" => t("report.reviewer_unnamed").to_string(),
                                        _ => name,
                                    };
                                    view! {
                                        <option
                                            value=id.to_string()
                                            selected=move || view.reviewer.get() == Some(id)
                                        >
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </Show>
            <p class="hint">
                {move || if has_levels.get() {
                    t("report.basis_hint")
                } else {
                    t("report.basis_hint_no_levels")
                }}
            </p>
        </fieldset>
    }
}
