//! Drag and drop anywhere on the page to import a file; an overlay says what will happen.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::ui::common::files::import_file;
use crate::ui::i18n::t;
use crate::ui::state::use_app_state;

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .map(|dt| dt.types().includes(&"Files".into(), 0))
        .unwrap_or(false)
}

#[component]
pub fn DropZone() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let active = RwSignal::new(false);
    let handles = [
        window_event_listener(ev::dragover, move |ev| {
            if carries_files(&ev) {
                // Without this the browser opens the file instead of letting us drop it.
                ev.prevent_default();
                active.set(true);
            }
        }),
        window_event_listener(ev::dragleave, move |ev| {
            // Leaving the window reports no related target; moving between children does.
            if ev.related_target().is_none() {
                active.set(false);
            }
        }),
        window_event_listener(ev::drop, move |ev| {
            active.set(false);
            if !carries_files(&ev) {
                return;
            }
            ev.prevent_default();
            let file = ev
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|list| list.get(0));
            if let Some(file) = file {
                import_file(state, file, navigate.clone());
            }
        }),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    view! {
        <Show when=move || active.get()>
            <div class="drop-overlay" aria-hidden="true">
                <p>{t("lead.drop")}</p>
            </div>
        </Show>
    }
}
