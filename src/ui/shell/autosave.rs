//! Autosave: writes the workspace a moment after the last edit, and at once when the tab is
//! hidden or the page is left, so closing the tab mid-sentence loses nothing. Also listens for
//! other tabs' saves (the storage event) so two tabs never overwrite each other silently.

use leptos::ev;
use leptos::prelude::*;
use leptos_use_event_listener::use_event_listener;
use leptos_use_fn_debounce_throttle::use_debounce_fn;

use crate::ui::state::{AppState, SaveStatus};

/// Quiet time after the last edit before saving; the brief allows at most 500 ms.
const DEBOUNCE_MS: f64 = 400.0;

pub fn install(state: AppState) {
    let debounced_save = use_debounce_fn(move || state.save_now(), DEBOUNCE_MS);
    Effect::new(move |first_run_done: Option<()>| {
        state.workspace.track();
        // The first run is the load itself: nothing to save, and no write before the user acts.
        if first_run_done.is_some() {
            if !matches!(state.save_status.get_untracked(), SaveStatus::MemoryOnly(_)) {
                state.save_status.set(SaveStatus::Saving);
            }
            debounced_save();
        }
    });
    let flush = window_event_listener(ev::pagehide, move |_| state.save_now());
    // The page lives as long as the app; keeping the handle alive keeps the listener.
    std::mem::forget(flush);
    // The storage event fires only in the other tabs of this site, never in the tab that wrote.
    let other_tabs = window_event_listener(ev::storage, move |e| {
        if let Some(key) = e.key() {
            state.external_change(&key, e.new_value().as_deref());
        }
    });
    std::mem::forget(other_tabs);
    let _ = use_event_listener(document(), ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.save_now();
        }
    });
}
