//! Assessments deleted in this session, each with Restore, until the tab is closed.

use leptos::prelude::*;

use crate::ui::i18n::{t, tf};
use crate::ui::state::use_app_state;

#[component]
pub fn DeletedList() -> impl IntoView {
    let state = use_app_state();
    let items = Memo::new(move |_| {
        state.bin.with(|b| {
            b.items()
                .map(|a| (a.id, a.display_name()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <section class="page deleted-list" aria-labelledby="deleted-title">
                <h2 id="deleted-title">{t("shell.deleted_list_title")}</h2>
                <p class="muted small">{t("shell.deleted_list_hint")}</p>
                <ul>
                    <For each=move || items.get() key=|(id, _)| *id let:item>
                        <li>
                            <span>{item.1.clone()}</span>
                            " "
                            <button
                                class="button"
                                aria-label=tf("shell.deleted_list_restore_label", &[("name", &item.1)])
                                on:click=move |_| state.restore_deleted(item.0)
                            >
                                {t("shell.deleted_list_restore")}
                            </button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
