//! Opening a share link: when the app starts at `…/#share=<data>` (or such a fragment is pasted
//! into an open tab), offers to import the assessment in it, or says in plain words why the link
//! cannot be opened.
//!
//! Decoding and every check belong to `format::share`; importing goes through the same
//! `AppState::receive_imported` as files, so conflicts are asked about the same way. The
//! fragment is removed from the address at once, so a reload does not ask again.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsValue;

use crate::format::share;
use crate::format::Imported;
use crate::ui::common::modal::Modal;
use crate::ui::i18n::{date_time, t};
use crate::ui::state::use_app_state;
use crate::ui::workspace::import_dialog::RefusalDialog;

/// What the link at start-up held.
#[derive(Clone, Debug, PartialEq)]
enum Offer {
    /// No share link in the address, or the offer was answered.
    Nothing,
    Valid(Box<Imported>),
    Invalid {
        message: String,
        problems: Vec<String>,
    },
}

#[component]
pub fn SharedLinkOffer() -> impl IntoView {
    let offer = RwSignal::new(read_link());
    // A link pasted into the address bar of an open tab changes only the fragment: no reload,
    // so no start-up. Read it then too.
    let listener = window_event_listener(ev::hashchange, move |_| {
        let next = read_link();
        if next != Offer::Nothing {
            offer.set(next);
        }
    });
    on_cleanup(move || listener.remove());
    move || match offer.get() {
        Offer::Nothing => ().into_any(),
        Offer::Valid(imported) => view! { <OpenShared imported=*imported offer/> }.into_any(),
        Offer::Invalid { message, problems } => {
            view! { <LinkRefused message problems offer/> }.into_any()
        }
    }
}

/// Reads the address once at start-up, and clears a share fragment whatever it held.
fn read_link() -> Offer {
    let Ok(hash) = window().location().hash() else {
        return Offer::Nothing;
    };
    let Some(data) = share::data_in_hash(&hash) else {
        return Offer::Nothing;
    };
    let offer = match share::decode(data) {
        Ok(imported) => Offer::Valid(Box::new(imported)),
        Err(error) => Offer::Invalid {
            message: error.to_string(),
            problems: error.problems().iter().map(|p| p.to_string()).collect(),
        },
    };
    clear_fragment();
    offer
}

/// Removes the fragment from the address without a reload or a new history entry, keeping the
/// router's own history state.
fn clear_fragment() {
    let window = window();
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_else(|_| "/".into()),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        // If the browser refuses, the only cost is being asked again after a reload.
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

#[component]
fn OpenShared(imported: Imported, offer: RwSignal<Offer>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let not_now = move || offer.set(Offer::Nothing);
    // A link holds exactly one assessment: `share::decode` refuses anything else.
    let (company, name, changed) = imported
        .assessments
        .first()
        .map(|a| {
            let company = a.profile.company_name.trim();
            let company = if company.is_empty() {
                t("shell.shared_link_no_company").to_string()
            } else {
                company.to_string()
            };
            (company, a.display_name(), date_time(a.updated_at))
        })
        .unwrap_or_default();
    let edited = imported.integrity == crate::format::Integrity::Edited;
    let held = StoredValue::new(Some(imported));
    let import = move |_| {
        let Some(imported) = held.try_update_value(Option::take).flatten() else {
            return;
        };
        offer.set(Offer::Nothing);
        if let Some(id) = state.receive_imported(t("shell.shared_link_source").into(), imported) {
            navigate(&format!("/a/{id}"), NavigateOptions::default());
        }
    };
    view! {
        <Modal title=t("shell.shared_link_title") described_by="shared-body" on_close=not_now>
            <div id="shared-body">
                <p>{t("shell.shared_link_intro")}</p>
                <dl class="facts">
                    <dt>{t("shell.shared_link_company")}</dt>
                    <dd>{company}</dd>
                    <dt>{t("shell.shared_link_assessment")}</dt>
                    <dd>{name}</dd>
                    <dt>{t("shell.shared_link_last_changed")}</dt>
                    <dd>{changed}</dd>
                </dl>
                <p>{t("shell.shared_link_stays_here")}</p>
                <Show when=move || edited>
                    <p class="error-text">{t("shell.shared_link_edited")}</p>
                </Show>
            </div>
            <div class="modal-actions">
                <button class="button primary" data-autofocus on:click=import>
                    {t("shell.shared_link_import")}
                </button>
                <button class="button" on:click=move |_| not_now()>
                    {t("shell.shared_link_not_now")}
                </button>
            </div>
        </Modal>
    }
}

#[component]
fn LinkRefused(message: String, problems: Vec<String>, offer: RwSignal<Offer>) -> impl IntoView {
    view! {
        <RefusalDialog
            title=t("shell.shared_link_refused_title")
            body_id="shared-error-body"
            message
            problems
            close_label=t("shell.shared_link_close")
            on_close=move || offer.set(Offer::Nothing)
        />
    }
}
