//! "Keep this workspace in a folder" on the workspace page: choose the folder, see where it
//! stands (its name, when it was last written, a failed write with the reason), allow writing
//! again after a reload, the files changed in the folder with Review and import, and the files
//! left for assessments deleted here. Says so where the browser cannot do it.

use leptos::prelude::*;

use crate::ui::i18n::{date_time, t, tf, tn};
use crate::ui::shell::folder_sync::{use_folder_sync, Change, Connection, FolderSync};

#[component]
pub fn FolderPanel() -> impl IntoView {
    let Some(sync) = use_folder_sync() else {
        return ().into_any();
    };
    let body = move || match sync.connection.get() {
        Connection::Unsupported => view! {
            <p data-testid="folder-unsupported">{t("folder.unsupported")}</p>
        }
        .into_any(),
        Connection::Starting => ().into_any(),
        Connection::Off => view! {
            <p>{t("folder.intro")}</p>
            <button class="button" on:click=move |_| sync.choose()>{t("folder.choose")}</button>
        }
        .into_any(),
        Connection::NeedsPermission(name) => view! {
            <p>{tf("folder.permission_why", &[("folder", &name)])}</p>
            <div class="toolbar">
                <button class="button primary" on:click=move |_| sync.allow()>
                    {tf("folder.allow", &[("folder", &name)])}
                </button>
                <button class="button" on:click=move |_| sync.stop()>{t("folder.stop")}</button>
            </div>
        }
        .into_any(),
        Connection::On(name) => view! { <FolderOn sync name/> }.into_any(),
    };
    view! {
        <section class="page panel folder-panel" aria-labelledby="folder-title" data-testid="folder-panel">
            <h2 id="folder-title">{t("folder.title")}</h2>
            {body}
            {move || {
                sync.view
                    .with(|v| v.error.clone())
                    .map(|why| {
                        view! {
                            <p class="banner warning" role="alert" data-testid="folder-error">
                                {tf("folder.failed", &[("why", &why)])}
                            </p>
                        }
                    })
            }}
        </section>
    }
    .into_any()
}

#[component]
fn FolderOn(sync: FolderSync, name: String) -> impl IntoView {
    let view_of = sync.view;
    let status = move || {
        view_of.with(|v| {
            let when = v
                .last_written
                .map(|at| tf("folder.last_written", &[("when", &date_time(at))]))
                .unwrap_or_else(|| t("folder.nothing_written").to_string());
            tn(
                "folder.status",
                v.files,
                &[("folder", &name), ("when", &when)],
            )
        })
    };
    let changes = move || view_of.with(|v| v.changes.clone());
    let unreadable = move || view_of.with(|v| v.unreadable.clone());
    let left = move || view_of.with(|v| v.left.clone());
    view! {
        <p data-testid="folder-status">{status}</p>
        <p class="muted small">{t("folder.how")}</p>
        <Show when=move || !changes().is_empty()>
            <div class="banner" data-testid="folder-changes">
                <p>{t("folder.changes_intro")}</p>
                <ul>
                    {move || changes().into_iter().map(|c| view! { <ChangeRow sync change=c/> }).collect_view()}
                </ul>
                <button class="button primary" on:click=move |_| sync.review()>
                    {t("folder.review")}
                </button>
            </div>
        </Show>
        <Show when=move || !unreadable().is_empty()>
            <p>{t("folder.unreadable_intro")}</p>
            <ul>
                {move || {
                    unreadable()
                        .into_iter()
                        .map(|(file, why)| view! { <li><code>{file}</code> ": " {why}</li> })
                        .collect_view()
                }}
            </ul>
        </Show>
        <Show when=move || !left().is_empty()>
            <p class="muted small" data-testid="folder-left">
                {move || tf("folder.left", &[("files", &left().join(", "))])}
            </p>
        </Show>
        <div class="toolbar">
            <button class="button" on:click=move |_| sync.run(true)>{t("folder.check")}</button>
            <button class="button" on:click=move |_| sync.choose()>{t("folder.choose_other")}</button>
            <button class="button" on:click=move |_| sync.stop()>{t("folder.stop")}</button>
        </div>
    }
}

/// One changed file: which assessments differ, and what can be done with it besides importing.
#[component]
fn ChangeRow(sync: FolderSync, change: Change) -> impl IntoView {
    let names = if change.names.is_empty() {
        String::new()
    } else {
        tf(
            "folder.change_names",
            &[("names", &change.names.join(", "))],
        )
    };
    let file = change.stat.name.clone();
    let stat = change.stat.clone();
    let action = match change.own {
        Some(id) => view! {
            <button
                class="button"
                aria-label=tf("folder.keep_mine_label", &[("file", &file)])
                on:click=move |_| sync.keep_mine(id, stat.clone())
            >
                {t("folder.keep_mine")}
            </button>
        }
        .into_any(),
        None => view! {
            <button
                class="button"
                aria-label=tf("folder.ignore_label", &[("file", &file)])
                on:click=move |_| sync.dismiss(stat.clone())
            >
                {t("folder.ignore")}
            </button>
        }
        .into_any(),
    };
    view! {
        <li>
            <code>{change.stat.name.clone()}</code>
            " "
            {names}
            " "
            {action}
        </li>
    }
}
