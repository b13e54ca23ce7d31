//! Asks which version to keep when another tab saved an assessment this tab was editing.

use leptos::prelude::*;

use super::files;
use super::state::use_app_state;
use crate::format::FileKind;

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
            state.workspace.with_untracked(|w| {
                if let Some(a) = w.get(id) {
                    files::export(
                        state,
                        FileKind::Assessment,
                        std::slice::from_ref(a),
                        &format!("{} this tab", a.display_name()),
                    )
                }
            })
        };
        Some(view! {
            <div class="modal-backdrop">
                <div
                    class="modal"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="conflict-title"
                    aria-describedby="conflict-body"
                    data-testid="tab-conflict"
                >
                    <h2 id="conflict-title">{format!("“{name}” was changed in another tab")}</h2>
                    <p id="conflict-body">
                        "Another tab or window saved this assessment while you were editing it here, "
                        "so this tab has stopped saving it. Choose which version to keep. If you take "
                        "the other tab's, Undo brings this tab's edits back."
                    </p>
                    <div class="modal-actions">
                        <button class="button" on:click=move |_| state.settle_conflict(id, false)>
                            "Use the other tab's version"
                        </button>
                        <button class="button" on:click=move |_| state.settle_conflict(id, true)>
                            "Keep this tab's version"
                        </button>
                        <button class="button quiet" on:click=download_mine>
                            "Export this tab's version"
                        </button>
                    </div>
                </div>
            </div>
        })
    }
}
