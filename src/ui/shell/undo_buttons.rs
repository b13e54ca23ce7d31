//! Undo and Redo for the assessment on screen: two buttons and Ctrl+Z / Ctrl+Shift+Z (Cmd on a
//! Mac; Ctrl+Y also redoes). The app's own undo replaces the text box's, so one shortcut always
//! means the same thing: typing a sentence and pressing Ctrl+Z takes back the sentence.

use leptos::ev;
use leptos::prelude::*;
use leptos_use_event_listener::use_event_listener;
use uuid::Uuid;

use crate::ui::i18n::t;
use crate::ui::state::use_app_state;

#[component]
pub fn UndoButtons(id: Uuid) -> impl IntoView {
    let state = use_app_state();
    let depth = Memo::new(move |_| state.history_depth(id));
    let undo = move || {
        if keeping_focus(|| state.undo(id)) {
            state.notify(t("lead.undone"));
        }
    };
    let redo = move || {
        if keeping_focus(|| state.redo(id)) {
            state.notify(t("lead.redone"));
        }
    };
    let _ = use_event_listener(window(), ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || e.default_prevented() {
            return;
        }
        // A dialog is open: its own controls come first.
        if document()
            .query_selector(".modal-backdrop")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        let key = e.key().to_lowercase();
        let wants_redo = (key == "z" && e.shift_key()) || (key == "y" && !e.shift_key());
        let wants_undo = key == "z" && !e.shift_key();
        if wants_undo {
            e.prevent_default();
            undo();
        } else if wants_redo {
            e.prevent_default();
            redo();
        }
    });
    view! {
        <div class="undo-buttons" role="group" aria-label=t("lead.undo_group")>
            <button
                class="button quiet"
                disabled=move || depth.get().0 == 0
                title=t("lead.undo_title")
                aria-keyshortcuts="Control+Z"
                on:click=move |_| undo()
            >
                {t("lead.undo_button")}
            </button>
            <button
                class="button quiet"
                disabled=move || depth.get().1 == 0
                title=t("lead.redo_title")
                aria-keyshortcuts="Control+Shift+Z"
                on:click=move |_| redo()
            >
                {t("lead.redo_button")}
            </button>
        </div>
    }
}

/// The section is rebuilt after an undo; put the keyboard focus back on the same control.
fn keeping_focus(act: impl FnOnce() -> bool) -> bool {
    use wasm_bindgen::JsCast;
    let focused = document()
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let changed = act();
    if let (true, Some(id)) = (changed, focused) {
        request_animation_frame(move || {
            if let Some(element) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        });
    }
    changed
}
