//! Working offline: registers the service worker that keeps the built files (written at build
//! time by `tools/sw.mjs`), and tells the user when a new version has been downloaded.
//!
//! A new worker waits instead of taking over an open tab, so the page never runs half old and
//! half new files. The banner's Reload asks it to take over and reloads once it has; work is safe
//! across the reload because edits are saved as they are typed and flushed when the page hides.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use crate::ui::i18n::t;

/// Whether a new version waits to take over; set from browser callbacks, read by the banner.
#[derive(Clone, Copy)]
struct UpdateReady(RwSignal<Option<ServiceWorker>, LocalStorage>);

/// The page's service-worker container, or `None` where the browser has none.
pub fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the service worker. Release builds only (`make run` serves one): in a debug build a
/// cache would hide the edits a developer just made.
pub fn register() {
    let ready = UpdateReady(RwSignal::new_local(None));
    provide_context(ready);
    if cfg!(debug_assertions) {
        return;
    }
    // Browsers without service workers (or with them switched off) simply do not work offline.
    let Some(container) = container() else {
        return;
    };
    let promise = container.register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(value) => {
                if let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() {
                    watch(registration, ready);
                }
            }
            Err(e) => {
                web_sys::console::warn_2(
                    &"The app could not be set up for offline use:".into(),
                    &e,
                );
            }
        }
    });
}

/// Offers the update when a new worker has installed while an older one runs this page.
fn watch(registration: ServiceWorkerRegistration, ready: UpdateReady) {
    let has_controller = || {
        web_sys::window()
            .map(|w| w.navigator().service_worker().controller().is_some())
            .unwrap_or(false)
    };
    if let Some(waiting) = registration.waiting() {
        if has_controller() {
            ready.0.set(Some(waiting));
        }
    }
    let reg = registration.clone();
    let on_update = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                ready.0.set(Some(worker.clone()));
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // Lives as long as the worker it watches, which is the page's lifetime.
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    on_update.forget();
}

/// Shown when a new version of the app has been downloaded and waits for a reload.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = use_context::<UpdateReady>();
    let waiting = move || ready.and_then(|r| r.0.get());
    let reload = move |_| {
        let Some(worker) = ready.and_then(|r| r.0.get_untracked()) else {
            return;
        };
        if let Some(window) = web_sys::window() {
            let container = window.navigator().service_worker();
            let on_change = Closure::<dyn FnMut()>::new(move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            });
            container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
        }
        let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
    };
    view! {
        <Show when=move || waiting().is_some()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <span>{t("offline.ready")}</span>
                <button class="button small" on:click=reload>{t("offline.reload")}</button>
            </div>
        </Show>
    }
}
