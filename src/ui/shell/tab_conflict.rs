//! Asks which version to keep when another tab saved an assessment this tab was editing.

use leptos::prelude::*;

use crate::format::FileKind;
use crate::ui::common::files;
use crate::ui::common::modal::Modal;
use crate::ui::i18n::{t, tf};
use crate::ui::state::use_app_state;

#[component]
pub fn TabConflictDialog() -> impl IntoView {
    let state = use_app_state();
    let first = Memo::new(move |_| state.conflicts.with(|c| c.first().copied()));
    move || {
        let id = first.get()?;
        let name = state
            .workspace
            .with_untracked(|w| w.get(id).map(|a| a.display_name()))
            .unwrap_or_default();
        let download_mine = move |_| {
            // Taken out first: `export` may change the workspace.
            if let Some(a) = state.workspace.with_untracked(|w| w.get(id).cloned()) {
                files::export(
                    state,
                    FileKind::Assessment,
                    std::slice::from_ref(&a),
                    &tf(
                        "shell.tab_conflict_file_label",
                        &[("name", &a.display_name())],
                    ),
                )
            }
        };
        Some(view! {
            // No Escape: closing would leave the clash unsettled. The title takes focus, so a key
            // pressed while typing when this appears does not pick a version.
            <Modal
                title=tf("shell.tab_conflict_title", &[("name", &name)])
                alert=true
                described_by="conflict-body"
                focus_title=true
                test_id="tab-conflict"
            >
                <p id="conflict-body">{t("shell.tab_conflict_body")}</p>
                <div class="modal-actions">
                    <button class="button" on:click=move |_| state.settle_conflict(id, false)>
                        {t("shell.tab_conflict_use_other")}
                    </button>
                    <button class="button" on:click=move |_| state.settle_conflict(id, true)>
                        {t("shell.tab_conflict_keep_mine")}
                    </button>
                    <button class="button quiet" on:click=download_mine>
                        {t("shell.tab_conflict_export_mine")}
                    </button>
                </div>
            </Modal>
        })
    }
}
