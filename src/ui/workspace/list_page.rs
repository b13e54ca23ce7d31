//! The workspace page: every assessment in this browser, or a welcome when there is none yet.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use uuid::Uuid;

use crate::ui::common::confirm_dialog::ConfirmDialog;
use crate::ui::common::files;
use crate::ui::i18n::{t, tf};
use crate::ui::state::use_app_state;
use crate::ui::workspace::assessment_row::AssessmentRow;
use crate::ui::workspace::deleted_list::DeletedList;
use crate::ui::workspace::folder_panel::FolderPanel;
use crate::ui::workspace::welcome::Welcome;

#[component]
pub fn WorkspacePage() -> impl IntoView {
    let state = use_app_state();
    let is_empty = Memo::new(move |_| state.workspace.with(|w| w.assessments.is_empty()));
    let unreadable = move || state.unreadable.with(|u| u.len());
    view! {
        <Show when=move || { unreadable() > 0 }>
            <div class="banner warning" role="alert">
                <p>
                    {move || tf("lead.workspace_unreadable", &[("n", &unreadable().to_string())])}
                </p>
                <ul>
                    {move || state.unreadable.get().into_iter().map(|u| view! {
                        <li><code>{u.key}</code> ": " {u.error.to_string()}</li>
                    }).collect_view()}
                </ul>
                <button class="button" on:click=move |_| state.recovery_open.set(true)>
                    {t("lead.workspace_inspect")}
                </button>
            </div>
        </Show>
        <Show when=move || is_empty.get() fallback=|| view! { <AssessmentList/> }>
            <Welcome/>
        </Show>
        <FolderPanel/>
        <DeletedList/>
    }
}

#[component]
fn AssessmentList() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let to_delete = RwSignal::new(None::<Uuid>);
    let count = Memo::new(move |_| state.workspace.with(|w| w.assessments.len()));
    let ids = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.assessments.iter().map(|a| a.id).collect::<Vec<_>>())
    });
    let nav = navigate.clone();
    let new_assessment = move |_| {
        let id = state.create("");
        nav(&format!("/a/{id}/profile"), NavigateOptions::default());
    };
    let open_demo = move |_| {
        let id = state.open_demo();
        navigate(&format!("/a/{id}"), NavigateOptions::default());
    };
    let export_all = move |_| files::export_workspace(state);
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{t("lead.workspace_title")}</h1>
                <p class="muted">
                    {move || match count.get() {
                        1 => t("lead.workspace_count_one").to_string(),
                        n => tf("lead.workspace_count", &[("n", &n.to_string())]),
                    }}
                </p>
            </div>
            <div class="toolbar">
                <button class="button primary" on:click=new_assessment>{t("lead.new_assessment")}</button>
                <button class="button" on:click=open_demo>{t("lead.open_demo")}</button>
                <button class="button" on:click=export_all>{t("lead.workspace_export")}</button>
                <A href="/portfolio" attr:class="button">{t("portfolio.open")}</A>
            </div>
            <table class="data-table assessments">
                <caption class="visually-hidden">{t("lead.workspace_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("lead.workspace_col_name")}</th>
                        <th scope="col">{t("lead.workspace_col_company")}</th>
                        <th scope="col">{t("lead.workspace_col_stage")}</th>
                        <th scope="col">{t("lead.workspace_col_changed")}</th>
                        <th scope="col"><span class="visually-hidden">{t("lead.workspace_col_actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| *id let:id>
                        <AssessmentRow id on_delete=move |id| to_delete.set(Some(id))/>
                    </For>
                </tbody>
            </table>
            <p class="muted small">
                {t("lead.workspace_stays")}
            </p>
            <p class="muted small" data-testid="storage-used">
                {move || {
                    // Browsers allow a site about five million characters of local storage.
                    let used = state.storage_used.get();
                    let amount = if used < 1_000_000 {
                        tf("lead.workspace_thousand", &[("n", &used.div_ceil(1_000).to_string())])
                    } else {
                        tf("lead.workspace_million", &[("n", &format!("{:.1}", used as f64 / 1_000_000.0))])
                    };
                    tf("lead.workspace_storage_used", &[("amount", &amount)])
                }}
            </p>
            <p class="muted small" data-testid="persistence">
                {move || match state.persisted.get() {
                    Some(true) => t("lead.workspace_persisted"),
                    Some(false) => t("lead.workspace_not_persisted"),
                    None => "",
                }}
            </p>
        </section>
        {move || {
            to_delete
                .get()
                .and_then(|id| state.workspace.with_untracked(|w| w.get(id).map(|a| (id, a.display_name()))))
                .map(|(id, name)| {
                    view! {
                        <ConfirmDialog
                            title=tf("lead.workspace_delete_title", &[("name", &name)])
                            body=t("lead.workspace_delete_body")
                            confirm_label=t("lead.workspace_delete")
                            on_confirm=move || {
                                to_delete.set(None);
                                state.delete(id);
                            }
                            on_cancel=move || to_delete.set(None)
                        />
                    }
                })
        }}
    }
}
