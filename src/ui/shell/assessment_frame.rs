//! One assessment: its title, the section navigation (same in every section) and the section
//! itself. Sections find the assessment through [`use_current`].

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::domain::scoring::{self, Results};
use crate::domain::Assessment;
use crate::format::FileKind;
use crate::ui::assessment::review_toggle::{ClientExport, ReviewToggle};
use crate::ui::common::files;
use crate::ui::common::next_step::NextStep;
use crate::ui::i18n::{t, tf};
use crate::ui::shell::undo_buttons::UndoButtons;
use crate::ui::state::use_app_state;
use crate::ui::workspace::export_reminder::ExportStatus;
use crate::ui::workspace::share_button::ShareButton;

/// The assessment the current route is about, provided by [`AssessmentPage`].
#[derive(Clone, Copy)]
pub struct Current {
    pub id: Uuid,
    pub assessment: Memo<Option<Assessment>>,
    /// Scores and progress, recomputed only when the assessment changes.
    pub results: Memo<Results>,
}

pub fn use_current() -> Current {
    expect_context::<Current>()
}

/// Sections in navigation order: (path segment, key of its label).
const SECTIONS: &[(&str, &str)] = &[
    ("overview", "lead.section_overview"),
    ("profile", "lead.section_profile"),
    ("assessment", "lead.section_assessment"),
    ("results", "lead.section_results"),
    ("goals", "lead.section_goals"),
    ("roadmap", "lead.section_roadmap"),
    ("budget", "lead.section_budget"),
    ("team", "lead.section_team"),
    ("risks", "lead.section_risks"),
    ("partners", "lead.section_partners"),
    ("tools", "lead.section_tools"),
    ("snapshots", "lead.section_snapshots"),
    ("compare", "lead.section_compare"),
    ("report", "lead.section_report"),
];

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|raw| Uuid::parse_str(&raw).ok())
    });
    move || match id.get() {
        Some(id) => view! { <AssessmentShell id/> }.into_any(),
        None => view! { <Missing/> }.into_any(),
    }
}

#[component]
fn AssessmentShell(id: Uuid) -> impl IntoView {
    let state = use_app_state();
    let assessment = Memo::new(move |_| state.workspace.with(|w| w.get(id).cloned()));
    let exists = Memo::new(move |_| assessment.with(Option::is_some));
    let results = Memo::new(move |_| {
        assessment.with(|a| match a {
            Some(a) => scoring::compute(crate::ui::i18n::content(), a),
            None => Results::default(),
        })
    });
    provide_context(Current {
        id,
        assessment,
        results,
    });
    let title = Memo::new(move |_| {
        assessment.with(|a| a.as_ref().map(|a| a.display_name()).unwrap_or_default())
    });
    Effect::new(move |_| {
        document().set_title(&tf("lead.page_title", &[("name", &title.get())]));
    });
    let export = move || {
        if let Some(a) = assessment.get_untracked() {
            files::export(
                state,
                FileKind::Assessment,
                std::slice::from_ref(&a),
                &a.display_name(),
            );
        }
    };
    view! {
        <Show when=move || exists.get() fallback=|| view! { <Missing/> }>
            <div class="assessment-head">
                <div>
                    <p class="eyebrow">{t("lead.eyebrow")}</p>
                    <h1>{move || title.get()}</h1>
                </div>
                <div class="head-actions">
                    <UndoButtons id/>
                    <ShareButton/>
                    <button class="button" on:click=move |_| export()>{t("lead.export_assessment")}</button>
                    <ClientExport/>
                </div>
            </div>
            <ExportStatus id on_export=export/>
            <ReviewToggle/>
            <nav class="section-nav" aria-label=t("lead.sections")>
                <ul>
                    {SECTIONS
                        .iter()
                        .map(|(path, label)| {
                            view! {
                                <li>
                                    <A href=format!("/a/{id}/{path}") exact=false>{t(label)}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <div class="section-body">
                // Text boxes keep what the user is typing in their own signal; after an undo or
                // another tab's save the section is rebuilt so every box shows the stored value.
                {move || {
                    state.reverted.track();
                    view! { <Outlet/> }
                }}
            </div>
            <NextStep/>
        </Show>
    }
}

#[component]
fn Missing() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>{t("lead.missing_title")}</h1>
            <p>
                {t("lead.missing_body")}
            </p>
            <p><A href="/">{t("lead.missing_link")}</A></p>
        </section>
    }
}
