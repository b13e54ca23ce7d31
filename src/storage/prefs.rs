//! Display preferences (language, theme): short plain strings under their own prefix, through
//! gloo-storage. They are advice, not work: failing to read or write one is never an error.

use gloo_storage::{LocalStorage, Storage as _};

use super::browser::local_storage;

/// Where this browser's display preferences live (language, theme): outside the data prefix, so
/// loading, saving and the storage event never mistake them for work.
const PREF_PREFIX: &str = "cto-workbench/prefs/";

/// gloo-storage's handle on localStorage, once it is known to be there: `LocalStorage::raw`
/// panics where storage is blocked or missing.
///
/// Values are read and written through it as the plain strings they have always been (`dark`,
/// `zh-Hans`, as the browser tests read them back): gloo-storage's own `get` and `set` would
/// JSON-encode them, so a choice made before would no longer read, and one made now would not
/// read in an earlier build.
fn prefs() -> Option<web_sys::Storage> {
    local_storage().ok()?;
    Some(LocalStorage::raw())
}

/// A display preference stored in this browser, if storage can be read and it was ever set.
pub fn read_pref(name: &str) -> Option<String> {
    prefs()?
        .get_item(&format!("{PREF_PREFIX}{name}"))
        .ok()
        .flatten()
}

/// Remembers a display preference; `None` forgets it. Failing to remember is harmless (the
/// choice still applies in this tab), so the error is only reported, never raised.
pub fn write_pref(name: &str, value: Option<&str>) -> bool {
    let Some(s) = prefs() else {
        return false;
    };
    let key = format!("{PREF_PREFIX}{name}");
    match value {
        Some(v) => s.set_item(&key, v).is_ok(),
        None => s.remove_item(&key).is_ok(),
    }
}
