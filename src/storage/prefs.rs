//! Display preferences (language, theme): short plain strings under their own prefix. They are
//! advice, not work: failing to read or write one is never an error.

/// Where this browser's display preferences live (language, theme): outside the data prefix, so
/// loading, saving and the storage event never mistake them for work.
const PREF_PREFIX: &str = "cto-workbench/prefs/";

/// A display preference stored in this browser, if storage can be read and it was ever set.
pub fn read_pref(name: &str) -> Option<String> {
    let s = web_sys::window()?.local_storage().ok()??;
    s.get_item(&format!("{PREF_PREFIX}{name}")).ok().flatten()
}

/// Remembers a display preference; `None` forgets it. Failing to remember is harmless (the
/// choice still applies in this tab), so the error is only reported, never raised.
pub fn write_pref(name: &str, value: Option<&str>) -> bool {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    let key = format!("{PREF_PREFIX}{name}");
    match value {
        Some(v) => s.set_item(&key, v).is_ok(),
        None => s.remove_item(&key).is_ok(),
    }
}
