//! One row of the assessment list: open, rename in place, duplicate, export, delete.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::format::FileKind;
use crate::ui::common::files;
use crate::ui::i18n::{date_time, l, t, tf};
use crate::ui::state::use_app_state;

#[component]
pub fn AssessmentRow(id: Uuid, on_delete: impl Fn(Uuid) + 'static) -> impl IntoView {
    let state = use_app_state();
    let row = Memo::new(move |_| state.workspace.with(|w| w.get(id).cloned()));
    let name =
        Memo::new(move |_| row.with(|a| a.as_ref().map(|a| a.display_name()).unwrap_or_default()));
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let input_ref = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if renaming.get() {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });
    let start_rename = move |_| {
        draft.set(row.with_untracked(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default()));
        renaming.set(true);
    };
    let commit = move || {
        state.rename(id, draft.get_untracked().trim());
        renaming.set(false);
    };
    let export = move |_| {
        if let Some(a) = row.get_untracked() {
            files::export(
                state,
                FileKind::Assessment,
                std::slice::from_ref(&a),
                &a.display_name(),
            );
        }
    };
    let duplicate = move |_| {
        if state.duplicate(id).is_some() {
            state.notify(tf("lead.duplicated", &[("name", &name.get_untracked())]));
        }
    };
    view! {
        <tr>
            <td>
                <Show
                    when=move || renaming.get()
                    fallback=move || view! {
                        <A href=format!("/a/{id}")>{move || name.get()}</A>
                    }
                >
                    <form
                        class="inline-form"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            commit();
                        }
                    >
                        <label class="visually-hidden" for=format!("rename-{id}")>{t("lead.new_name")}</label>
                        <input
                            id=format!("rename-{id}")
                            node_ref=input_ref
                            type="text"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    renaming.set(false);
                                }
                            }
                        />
                        <button class="button small" type="submit">{t("lead.save")}</button>
                        <button class="button small quiet" type="button" on:click=move |_| renaming.set(false)>
                            {t("lead.cancel")}
                        </button>
                    </form>
                </Show>
            </td>
            <td>{move || row.with(|a| a.as_ref().map(|a| a.profile.company_name.clone()).unwrap_or_default())}</td>
            <td>{move || row.with(|a| a.as_ref().map(|a| l(a.profile.stage.label())).unwrap_or_default())}</td>
            <td>{move || row.with(|a| a.as_ref().map(|a| date_time(a.updated_at)).unwrap_or_default())}</td>
            <td class="row-actions">
                <button class="button small" on:click=start_rename aria-label=move || tf("lead.rename_label", &[("name", &name.get())])>
                    {t("lead.rename")}
                </button>
                <button class="button small" on:click=duplicate aria-label=move || tf("lead.duplicate_label", &[("name", &name.get())])>
                    {t("lead.duplicate")}
                </button>
                <button class="button small" on:click=export aria-label=move || tf("lead.export_label", &[("name", &name.get())])>
                    {t("lead.export")}
                </button>
                <button class="button small danger" on:click=move |_| on_delete(id) aria-label=move || tf("lead.delete_label", &[("name", &name.get())])>
                    {t("lead.workspace_delete")}
                </button>
            </td>
        </tr>
    }
}
