//! Local storage: the only code that touches the browser's localStorage.
//!
//! Layout: one key per assessment (`cto-workbench/v1/assessment/<id>`) so a save writes only what
//! changed, and an index key holding the order of the list. Values are encoded by `format`, so
//! stored data migrates like files do. A record that cannot be read is left exactly as it is and
//! never overwritten or removed by a later save.

use std::collections::{BTreeMap, HashSet};

use uuid::Uuid;

use crate::domain::Workspace;
use crate::format::{self, FormatError};

const PREFIX: &str = "cto-workbench/v1/";
const INDEX_KEY: &str = "cto-workbench/v1/index";
const ASSESSMENT_PREFIX: &str = "cto-workbench/v1/assessment/";

fn assessment_key(id: Uuid) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// A stored record that could not be read, kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub error: FormatError,
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub workspace: Workspace,
    pub unreadable: Vec<Unreadable>,
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("the browser's storage for this site is full")]
    QuotaFull,
    #[error("the browser does not allow this site to store data ({0})")]
    Unavailable(String),
    #[error("the browser refused to store the data ({0})")]
    Other(String),
}

/// The writes and removals that bring storage from what was saved last to `workspace`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavePlan {
    pub writes: Vec<(String, String)>,
    pub removals: Vec<String>,
}

impl SavePlan {
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.removals.is_empty()
    }
}

/// Remembers what storage holds, so a save writes only what changed.
#[derive(Debug, Default)]
pub struct Saved {
    records: BTreeMap<String, String>,
    /// Keys that failed to load: never written or removed.
    protected: HashSet<String>,
}

impl Saved {
    /// Works out what to write; pure, so it is tested natively.
    pub fn plan(&self, workspace: &Workspace) -> SavePlan {
        let mut wanted = BTreeMap::new();
        let ids: Vec<String> = workspace
            .assessments
            .iter()
            .map(|a| a.id.to_string())
            .collect();
        wanted.insert(
            INDEX_KEY.to_string(),
            serde_json::to_string(&ids).unwrap_or_default(),
        );
        for a in &workspace.assessments {
            wanted.insert(assessment_key(a.id), format::encode_stored(a));
        }
        let mut plan = SavePlan::default();
        for (key, value) in &wanted {
            if self.protected.contains(key) {
                continue;
            }
            if self.records.get(key) != Some(value) {
                plan.writes.push((key.clone(), value.clone()));
            }
        }
        for key in self.records.keys() {
            if !wanted.contains_key(key) && !self.protected.contains(key) {
                plan.removals.push(key.clone());
            }
        }
        plan
    }

    /// Records what a save actually wrote and removed.
    fn apply(&mut self, plan: &SavePlan) {
        for (key, value) in &plan.writes {
            self.records.insert(key.clone(), value.clone());
        }
        for key in &plan.removals {
            self.records.remove(key);
        }
    }
}

/// Builds a workspace from raw stored pairs: pure, so tested natively.
pub fn read_records(index: Option<&str>, records: &[(String, String)]) -> (Loaded, Saved) {
    let mut saved = Saved::default();
    let mut loaded = Loaded::default();
    let order: Vec<String> = index
        .and_then(|text| serde_json::from_str::<Vec<String>>(text).ok())
        .unwrap_or_default();
    if let Some(text) = index {
        saved
            .records
            .insert(INDEX_KEY.to_string(), text.to_string());
    }
    let mut found = Vec::new();
    for (key, value) in records {
        if !key.starts_with(ASSESSMENT_PREFIX) {
            continue;
        }
        match format::decode_stored(value) {
            Ok(a) => {
                saved.records.insert(key.clone(), value.clone());
                found.push(a);
            }
            Err(error) => {
                saved.protected.insert(key.clone());
                loaded.unreadable.push(Unreadable {
                    key: key.clone(),
                    error,
                });
            }
        }
    }
    // Index order first; records the index does not mention (a crash between writes) follow.
    let rank = |id: &Uuid| {
        order
            .iter()
            .position(|o| *o == id.to_string())
            .unwrap_or(usize::MAX)
    };
    found.sort_by_key(|a| rank(&a.id));
    loaded.workspace.assessments = found;
    (loaded, saved)
}

/// Local storage, or the reason it cannot be used.
pub struct Storage {
    inner: Option<web_sys::Storage>,
    saved: Saved,
    /// Set when storage could not be reached at start: the app runs in memory.
    pub unavailable: Option<String>,
}

impl Storage {
    /// Opens storage and reads the workspace. Never writes.
    pub fn open() -> (Storage, Loaded) {
        let inner = match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(s))) => Ok(s),
            Some(Ok(None)) => Err("local storage is not offered".to_string()),
            Some(Err(e)) => Err(js_message(&e)),
            None => Err("no window".to_string()),
        };
        match inner {
            Err(reason) => (
                Storage {
                    inner: None,
                    saved: Saved::default(),
                    unavailable: Some(reason),
                },
                Loaded::default(),
            ),
            Ok(s) => {
                let mut records = Vec::new();
                let len = s.length().unwrap_or(0);
                for i in 0..len {
                    if let Ok(Some(key)) = s.key(i) {
                        if key.starts_with(PREFIX) {
                            if let Ok(Some(value)) = s.get_item(&key) {
                                records.push((key, value));
                            }
                        }
                    }
                }
                let index = s.get_item(INDEX_KEY).ok().flatten();
                let (loaded, saved) = read_records(index.as_deref(), &records);
                (
                    Storage {
                        inner: Some(s),
                        saved,
                        unavailable: None,
                    },
                    loaded,
                )
            }
        }
    }

    /// Writes what changed since the last save. Returns how many keys were written or removed.
    pub fn save(&mut self, workspace: &Workspace) -> Result<usize, SaveError> {
        let Some(s) = &self.inner else {
            return Err(SaveError::Unavailable(
                self.unavailable.clone().unwrap_or_default(),
            ));
        };
        let plan = self.saved.plan(workspace);
        if plan.is_empty() {
            return Ok(0);
        }
        let mut done = SavePlan::default();
        for (key, value) in &plan.writes {
            if let Err(e) = s.set_item(key, value) {
                self.saved.apply(&done);
                return Err(classify(&e));
            }
            done.writes.push((key.clone(), value.clone()));
        }
        for key in &plan.removals {
            // A failed removal leaves an orphan record that the next load shows again; retrying
            // next save is the right remedy, so it is not recorded as done.
            if s.remove_item(key).is_ok() {
                done.removals.push(key.clone());
            }
        }
        self.saved.apply(&done);
        Ok(plan.writes.len() + plan.removals.len())
    }
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Tells a full quota from other refusals, across browsers.
fn classify(e: &wasm_bindgen::JsValue) -> SaveError {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Workspace;
    use chrono::DateTime;

    fn ws(n: u128) -> Workspace {
        let mut w = Workspace::default();
        for i in 1..=n {
            w.create(
                Uuid::from_u128(i),
                &format!("A{i}"),
                DateTime::from_timestamp(i as i64, 0).unwrap(),
            );
        }
        w
    }

    fn store(saved: &mut Saved, plan: &SavePlan) -> Vec<(String, String)> {
        saved.apply(plan);
        saved.records.clone().into_iter().collect()
    }

    #[test]
    fn first_save_writes_index_and_every_assessment() {
        let plan = Saved::default().plan(&ws(2));
        assert_eq!(plan.writes.len(), 3);
        assert!(plan.removals.is_empty());
    }

    #[test]
    fn a_save_writes_only_what_changed() {
        let mut saved = Saved::default();
        let mut w = ws(3);
        let plan = saved.plan(&w);
        saved.apply(&plan);
        assert!(saved.plan(&w).is_empty());
        let id = Uuid::from_u128(2);
        w.rename(id, "Renamed", DateTime::from_timestamp(99, 0).unwrap());
        let plan = saved.plan(&w);
        assert_eq!(plan.writes.len(), 1);
        assert_eq!(plan.writes[0].0, assessment_key(id));
    }

    #[test]
    fn removal_deletes_the_key_and_rewrites_the_index() {
        let mut saved = Saved::default();
        let mut w = ws(2);
        let plan = saved.plan(&w);
        saved.apply(&plan);
        w.remove(Uuid::from_u128(1));
        let plan = saved.plan(&w);
        assert_eq!(plan.removals, vec![assessment_key(Uuid::from_u128(1))]);
        assert_eq!(plan.writes.len(), 1);
        assert_eq!(plan.writes[0].0, INDEX_KEY);
    }

    #[test]
    fn load_round_trips_order_and_content() {
        let w = ws(3);
        let mut saved = Saved::default();
        let plan = saved.plan(&w);
        let records = store(&mut saved, &plan);
        let index = records
            .iter()
            .find(|(k, _)| k == INDEX_KEY)
            .map(|(_, v)| v.clone());
        let (loaded, saved_again) = read_records(index.as_deref(), &records);
        assert_eq!(loaded.workspace, w);
        assert!(loaded.unreadable.is_empty());
        assert!(saved_again.plan(&w).is_empty());
    }

    #[test]
    fn unreadable_records_are_reported_and_never_touched() {
        let w = ws(1);
        let mut saved = Saved::default();
        let plan = saved.plan(&w);
        let mut records = store(&mut saved, &plan);
        let bad_key = assessment_key(Uuid::from_u128(9));
        records.push((bad_key.clone(), "{broken".to_string()));
        let index = records
            .iter()
            .find(|(k, _)| k == INDEX_KEY)
            .map(|(_, v)| v.clone());
        let (loaded, saved) = read_records(index.as_deref(), &records);
        assert_eq!(loaded.workspace, w);
        assert_eq!(loaded.unreadable.len(), 1);
        assert_eq!(loaded.unreadable[0].key, bad_key);
        // Even an empty workspace must not remove or overwrite the unreadable record.
        let plan = saved.plan(&Workspace::default());
        assert!(!plan.removals.contains(&bad_key));
        assert!(plan.writes.iter().all(|(k, _)| *k != bad_key));
    }

    #[test]
    fn records_missing_from_the_index_still_load() {
        let w = ws(2);
        let mut saved = Saved::default();
        let plan = saved.plan(&w);
        let records = store(&mut saved, &plan);
        let (loaded, _) = read_records(None, &records);
        assert_eq!(loaded.workspace.assessments.len(), 2);
    }
}
