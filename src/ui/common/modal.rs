//! The modal dialog every dialog is built on: the backdrop, `role="dialog"` or `alertdialog`, a
//! title that names it, Tab kept inside, Escape for the dialogs that may be dismissed, focus moved
//! in on open and given back on close.
//!
//! It owns the frame and the focus, never what a dialog says or does. It never closes itself:
//! the caller decides (Escape only calls `on_close`) and closes it by no longer rendering it.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, Node};

/// Elements that may take focus from the keyboard, before the checks in [`tab_stops`].
const FOCUSABLE: &str =
    "a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex]";

/// Each modal's title gets its own id, so two dialogs open at once never share a label.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A modal dialog titled `title`, with `children` as its content.
///
/// Focus goes on open to the element marked `data-autofocus` (else the first focusable one, or
/// the title with `focus_title`) and returns on close to what had it before.
///
/// ## Usage
/// ```ignore
/// view! {
///     <Modal title="Delete it?" alert=true described_by="delete-body" on_close=move || cancel()>
///         <p id="delete-body">"This cannot be undone."</p>
///         <div class="modal-actions">
///             <button class="button" data-autofocus on:click=move |_| cancel()>"Cancel"</button>
///         </div>
///     </Modal>
/// }
/// ```
#[component]
pub fn Modal(
    /// The heading, rendered as the dialog's `<h2>`; it is also the dialog's accessible name.
    #[prop(into)]
    title: String,
    /// `role="alertdialog"` instead of `dialog`: for questions and errors that interrupt.
    #[prop(optional)]
    alert: bool,
    /// Classes added after `modal`, e.g. `"modal-wide"`.
    #[prop(optional)]
    class: &'static str,
    /// The id of the element inside that describes the dialog (`aria-describedby`).
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// Called on Escape. Left out by dialogs that must be answered with one of their buttons.
    #[prop(optional, into)]
    on_close: Option<Callback<()>>,
    /// Focus the title on open rather than a control, where a stray key press must not answer.
    #[prop(optional)]
    focus_title: bool,
    /// `data-testid` on the dialog element.
    #[prop(optional)]
    test_id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let title_id = format!("modal-title-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let labelled_by = title_id.clone();
    let dialog = NodeRef::<html::Div>::new();
    let heading = NodeRef::<html::H2>::new();

    // Read while the opener still has focus: the dialog is not in the page yet.
    let before = StoredValue::new_local(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok()),
    );
    on_cleanup(move || {
        if let Some(el) = before.try_get_value().flatten() {
            if el.is_connected() {
                let _ = el.focus();
            }
        }
    });

    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else {
            return;
        };
        let target = if focus_title {
            heading.get_untracked().map(HtmlElement::from)
        } else {
            marked(&dialog).or_else(|| tab_stops(&dialog).into_iter().next())
        };
        if let Some(el) = target {
            let _ = el.focus();
        }
    });

    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            if let Some(close) = on_close {
                close.run(());
            }
        }
        "Tab" => {
            if let Some(dialog) = dialog.get_untracked() {
                keep_tab_inside(&ev, &dialog);
            }
        }
        _ => {}
    };

    let class = if class.is_empty() {
        "modal".to_string()
    } else {
        format!("modal {class}")
    };
    view! {
        <div class="modal-backdrop">
            <div
                class=class
                role=if alert { "alertdialog" } else { "dialog" }
                aria-modal="true"
                aria-labelledby=labelled_by
                aria-describedby=described_by
                data-testid=test_id
                node_ref=dialog
                on:keydown=on_keydown
            >
                <h2 id=title_id tabindex=focus_title.then_some("-1") node_ref=heading>
                    {title}
                </h2>
                {children()}
            </div>
        </div>
    }
}

/// The element the dialog marked with `data-autofocus`, if any.
fn marked(dialog: &Element) -> Option<HtmlElement> {
    dialog
        .query_selector("[data-autofocus]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Tab and Shift+Tab wrap around instead of leaving `dialog`: the browser moves focus as usual
/// while a stop lies ahead in that direction, and is overruled only where none does.
fn keep_tab_inside(ev: &KeyboardEvent, dialog: &Element) {
    let stops = tab_stops(dialog);
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
        // Nothing to go to inside: staying put beats landing on the page behind.
        ev.prevent_default();
        return;
    };
    let Some(active) = document().active_element() else {
        return;
    };
    let wrap_to = if ev.shift_key() {
        (!stops.iter().any(|s| comes_before(s, &active))).then_some(last)
    } else {
        (!stops.iter().any(|s| comes_before(&active, s))).then_some(first)
    };
    if let Some(target) = wrap_to {
        ev.prevent_default();
        let _ = target.focus();
    }
}

/// Whether `a` comes before `b` in the document.
fn comes_before(a: &Node, b: &Node) -> bool {
    a.compare_document_position(b) & Node::DOCUMENT_POSITION_FOLLOWING != 0
}

/// The elements inside `dialog` that Tab stops at, in document order: shown, enabled, not taken
/// out with `tabindex="-1"`, and of each group of radio buttons only the checked one (or the
/// first, when none is), as the browser does.
fn tab_stops(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(found) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    let candidates: Vec<HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| {
            el.tab_index() >= 0
                && !el.matches(":disabled").unwrap_or(false)
                && (el.offset_width() > 0 || el.offset_height() > 0)
        })
        .collect();
    let checked: HashSet<String> = candidates
        .iter()
        .filter_map(radio)
        .filter(|(_, on)| *on)
        .map(|(name, _)| name)
        .collect();
    let mut entered = HashSet::new();
    candidates
        .into_iter()
        .filter(|el| match radio(el) {
            None | Some((_, true)) => true,
            Some((name, false)) => !checked.contains(&name) && entered.insert(name),
        })
        .collect()
}

/// A named radio button's group name and whether it is checked.
fn radio(el: &HtmlElement) -> Option<(String, bool)> {
    let input = el.dyn_ref::<HtmlInputElement>()?;
    let name = input.name();
    (input.type_() == "radio" && !name.is_empty()).then(|| (name, input.checked()))
}
