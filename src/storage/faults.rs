//! Faults: why a save did not happen ([`SaveError`]), told apart from the exception the browser
//! throws, a full quota above all, since that is the one the user can do something about.

use crate::i18n::{tr, trf};

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{}", tr("lead.storage_full"))]
    QuotaFull,
    #[error("{}", trf("lead.storage_not_allowed", &[("why", .0)]))]
    Unavailable(String),
    #[error("{}", trf("lead.storage_refused", &[("why", .0)]))]
    Other(String),
}

/// The message of what the browser threw, in words the user can pass on.
pub(super) fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| tr("lead.storage_unknown").to_string())
}

/// Tells a full quota from other refusals, across browsers.
pub(super) fn classify(e: &wasm_bindgen::JsValue) -> SaveError {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let code = js_sys::Reflect::get(e, &"code".into())
        .ok()
        .and_then(|c| c.as_f64())
        .unwrap_or(0.0);
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == 22.0 {
        SaveError::QuotaFull
    } else {
        SaveError::Other(js_message(e))
    }
}
