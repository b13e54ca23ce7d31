//! The import dialog: why a file was refused, or what to do with assessments that are already
//! here (keep both, replace, or compare and merge section by section in the merge view).

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use uuid::Uuid;

use crate::domain::workspace::OnConflict;
use crate::ui::common::modal::Modal;
use crate::ui::i18n::{t, tf};
use crate::ui::state::{use_app_state, ImportFlow};
use crate::ui::workspace::merge_view::{name_and_dates, MergeView};
use crate::ui::workspace::refusal_details::RefusalDetails;

#[component]
pub fn ImportDialog() -> impl IntoView {
    let state = use_app_state();
    move || match state.import.get() {
        ImportFlow::Idle => ().into_any(),
        ImportFlow::Failed {
            file_name,
            message,
            problems,
        } => view! { <ImportFailed file_name message problems/> }.into_any(),
        ImportFlow::Confirm {
            file_name,
            conflicts,
            ..
        } => view! { <ImportConflicts file_name conflicts/> }.into_any(),
        ImportFlow::Merge {
            file_name,
            imported,
            id,
            ..
        } => view! { <MergeView file_name imported id/> }.into_any(),
    }
}

#[component]
fn ImportFailed(file_name: String, message: String, problems: Vec<String>) -> impl IntoView {
    let state = use_app_state();
    view! {
        <RefusalDialog
            title=tf("shell.import_dialog_failed_title", &[("file", &file_name)])
            body_id="import-error-body"
            message
            problems
            close_label=t("shell.import_dialog_close")
            on_close=move || state.import.set(Default::default())
        />
    }
}

/// Why a file or a link was refused, in an alert dialog whose one button closes it (so does
/// Escape). Shared with the share-link offer.
#[component]
pub(crate) fn RefusalDialog(
    #[prop(into)] title: String,
    /// The id of the details, for the dialog's aria-describedby.
    body_id: &'static str,
    message: String,
    problems: Vec<String>,
    close_label: &'static str,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <Modal title alert=true described_by=body_id on_close>
            <RefusalDetails id=body_id message problems/>
            <div class="modal-actions">
                <button class="button primary" data-autofocus on:click=move |_| on_close()>
                    {close_label}
                </button>
            </div>
        </Modal>
    }
}

/// Opens the merge view for one conflicting assessment; the pending import is kept as it is.
fn compare_and_merge(state: crate::ui::state::AppState, id: Uuid) {
    state.import.update(|flow| {
        *flow = match std::mem::take(flow) {
            ImportFlow::Confirm {
                file_name,
                imported,
                conflicts,
            } => ImportFlow::Merge {
                file_name,
                imported,
                conflicts,
                id,
            },
            other => other,
        };
    });
}

/// What to do with one assessment that is already here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    /// Compare and merge into the copy here (the merge view).
    Update,
    KeepBoth,
    Replace,
}

#[component]
fn ImportConflicts(file_name: String, conflicts: Vec<Uuid>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    // After a merge, the file's other assessments may all be new here: then only confirm them.
    let no_conflicts = conflicts.is_empty();
    let remaining = match state.import.get_untracked() {
        ImportFlow::Confirm { imported, .. } => imported.assessments.len(),
        _ => 0,
    };
    // Default to updating the copy here after seeing what differs: nothing changes before the
    // merge view is confirmed, and unlike keeping both it makes no duplicate.
    let choices = RwSignal::new(
        conflicts
            .iter()
            .map(|id| (*id, Pick::Update))
            .collect::<HashMap<_, _>>(),
    );
    let order = conflicts.clone();
    let cancel = move || state.import.set(Default::default());
    let file_for_confirm = file_name.clone();
    let confirm = move |_| {
        let ImportFlow::Confirm { imported, .. } = state.import.get_untracked() else {
            return;
        };
        let picked = choices.get_untracked();
        // The first to update opens the merge view; the dialog comes back for the others.
        if let Some(id) = order
            .iter()
            .find(|id| picked.get(id) == Some(&Pick::Update))
        {
            compare_and_merge(state, *id);
            return;
        }
        let opened =
            state.finish_import(&file_for_confirm, imported, |a| match picked.get(&a.id) {
                Some(Pick::Replace) => OnConflict::Replace,
                _ => OnConflict::KeepBoth,
            });
        if let Some(id) = opened {
            navigate(&format!("/a/{id}"), NavigateOptions::default());
        }
    };
    let rows = conflicts
        .into_iter()
        .map(|id| {
            let (mine, theirs) = {
                let mine = state.workspace.with_untracked(|w| w.get(id).cloned());
                let theirs = match state.import.get_untracked() {
                    ImportFlow::Confirm { imported, .. } => {
                        imported.assessments.into_iter().find(|a| a.id == id)
                    }
                    _ => None,
                };
                (mine, theirs)
            };
            let (name, here, file) = name_and_dates(mine.as_ref(), theirs.as_ref());
            let detail = tf(
                "shell.import_dialog_changed_when",
                &[("here", &here), ("file", &file)],
            );
            let group = format!("conflict-{id}");
            let set = move |choice| choices.update(|c| _ = c.insert(id, choice));
            view! {
                <fieldset class="conflict">
                    <legend>{name}</legend>
                    <p class="muted">{detail}</p>
                    <label>
                        <input
                            type="radio"
                            name=group.clone()
                            prop:checked=move || {
                                choices.with(|c| c.get(&id) == Some(&Pick::Update))
                            }
                            on:change=move |_| set(Pick::Update)
                        />
                        {t("import.dialog_update")}
                    </label>
                    <label>
                        <input
                            type="radio"
                            name=group.clone()
                            prop:checked=move || {
                                choices.with(|c| c.get(&id) == Some(&Pick::KeepBoth))
                            }
                            on:change=move |_| set(Pick::KeepBoth)
                        />
                        {t("shell.import_dialog_keep_both")}
                    </label>
                    <label>
                        <input
                            type="radio"
                            name=group
                            prop:checked=move || {
                                choices.with(|c| c.get(&id) == Some(&Pick::Replace))
                            }
                            on:change=move |_| set(Pick::Replace)
                        />
                        {t("shell.import_dialog_replace")}
                    </label>
                    <p class="merge-offer">
                        {t("shell.import_dialog_merge_offer")}
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| compare_and_merge(state, id)
                        >
                            {t("shell.import_dialog_compare_and_merge")}
                        </button>
                    </p>
                </fieldset>
            }
        })
        .collect_view();
    let (title, intro) = if no_conflicts {
        let key = match remaining {
            1 => "shell.import_dialog_rest_intro_one",
            _ => "shell.import_dialog_rest_intro",
        };
        (
            t("shell.import_dialog_rest_title"),
            tf(key, &[("file", &file_name), ("n", &remaining.to_string())]),
        )
    } else {
        (
            t("shell.import_dialog_conflicts_title"),
            tf(
                "shell.import_dialog_conflicts_intro",
                &[("file", &file_name)],
            ),
        )
    };
    view! {
        <Modal title on_close=cancel>
            <p>{intro}</p>
            {rows}
            <div class="modal-actions">
                <button class="button primary" data-autofocus on:click=confirm>
                    {t("shell.import_dialog_import")}
                </button>
                <button class="button" on:click=move |_| cancel()>
                    {t("shell.import_dialog_cancel")}
                </button>
            </div>
        </Modal>
    }
}
