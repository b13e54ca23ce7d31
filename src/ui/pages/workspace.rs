//! The workspace page: every assessment in this browser, or a welcome when there is none yet.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use uuid::Uuid;

use crate::ui::assessment_row::AssessmentRow;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::deleted_list::DeletedList;
use crate::ui::files;
use crate::ui::state::use_app_state;
use crate::ui::welcome::Welcome;

#[component]
pub fn WorkspacePage() -> impl IntoView {
    let state = use_app_state();
    let is_empty = Memo::new(move |_| state.workspace.with(|w| w.assessments.is_empty()));
    let unreadable = move || state.unreadable.with(|u| u.len());
    view! {
        <Show when=move || { unreadable() > 0 }>
            <div class="banner warning" role="alert">
                <p>
                    {move || format!(
                        "⚠ {} saved assessment(s) in this browser could not be read. They are kept \
                         untouched and will not be overwritten.",
                        unreadable()
                    )}
                </p>
                <ul>
                    {move || state.unreadable.get().into_iter().map(|u| view! {
                        <li><code>{u.key}</code> ": " {u.error.to_string()}</li>
                    }).collect_view()}
                </ul>
                <button class="button" on:click=move |_| state.recovery_open.set(true)>
                    "Download or inspect it"
                </button>
            </div>
        </Show>
        <Show when=move || is_empty.get() fallback=|| view! { <AssessmentList/> }>
            <Welcome/>
        </Show>
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
                <h1>"Assessments"</h1>
                <p class="muted">
                    {move || match count.get() {
                        1 => "1 assessment in this browser".to_string(),
                        n => format!("{n} assessments in this browser"),
                    }}
                </p>
            </div>
            <div class="toolbar">
                <button class="button primary" on:click=new_assessment>"New assessment"</button>
                <button class="button" on:click=open_demo>"Open demo"</button>
                <button class="button" on:click=export_all>"Export workspace"</button>
            </div>
            <table class="data-table assessments">
                <caption class="visually-hidden">"Assessments in this browser"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Company"</th>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Last changed"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| *id let:id>
                        <AssessmentRow id on_delete=move |id| to_delete.set(Some(id))/>
                    </For>
                </tbody>
            </table>
            <p class="muted small">
                "Everything stays in this browser. Export a file to back it up or to send it to "
                "your fractional CTO, and use Import file to bring back the copy they return."
            </p>
            <p class="muted small" data-testid="storage-used">
                {move || {
                    // Browsers allow a site about five million characters of local storage.
                    let used = state.storage_used.get();
                    let amount = if used < 1_000_000 {
                        format!("{} thousand", used.div_ceil(1_000))
                    } else {
                        format!("{:.1} million", used as f64 / 1_000_000.0)
                    };
                    format!(
                        "Saved data uses {amount} characters of this browser's storage (browsers \
                         allow about 5 million; large assessments are stored compressed)."
                    )
                }}
            </p>
            <p class="muted small" data-testid="persistence">
                {move || match state.persisted.get() {
                    Some(true) => "This browser has agreed to keep this site's data even when disk                                    space runs low.",
                    Some(false) => "This browser may clear this site's data when disk space runs                                     low: export regularly.",
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
                            title=format!("Delete “{name}”?")
                            body="The assessment is removed from this browser. You can undo this \
                                  from the message that follows."
                            confirm_label="Delete"
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
