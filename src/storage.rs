//! Local storage: the only code that touches the browser's localStorage.
//!
//! Layout: one key per assessment (`cto-workbench/v1/assessment/<id>`) so a save writes only what
//! changed, an index key holding the order of the list, and a meta key with the export log. Values
//! are encoded by `format`, so stored data migrates like files do.
//!
//! Nothing is ever lost here:
//! - a record that cannot be read is copied under a backup key, offered for download, and never
//!   overwritten or removed by a later save;
//! - each record carries a revision number, and a save first checks that the record still holds
//!   what this tab last read or wrote: if another tab saved in between, the save stops for that
//!   assessment and reports a conflict for the user to settle, instead of overwriting;
//! - the browser's storage event tells this tab about another tab's saves, which it takes in at
//!   once when it has no unsaved edits of its own to that assessment.
//!
//! Large records are stored deflated (`z1:` + base64url), so a consultant's many clients fit in
//! the few megabytes a browser allows; small ones stay plain JSON. Whether a record changed is
//! judged by comparing the assessment with a copy of what was last stored, not by re-encoding
//! every assessment on every save.

use std::collections::{BTreeMap, HashMap, HashSet};

use uuid::Uuid;

use crate::domain::backup::ExportLog;
use crate::domain::{Assessment, Workspace};
use crate::format::{self, FormatError};
use crate::i18n::{tr, trf};

const PREFIX: &str = "cto-workbench/v1/";
const INDEX_KEY: &str = "cto-workbench/v1/index";
const META_KEY: &str = "cto-workbench/v1/meta";
const ASSESSMENT_PREFIX: &str = "cto-workbench/v1/assessment/";
/// Copies of unreadable records; outside the assessment prefix, so they are never loaded or saved.
const BACKUP_PREFIX: &str = "cto-workbench/v1/backup/";
/// Records at least this long (in bytes of JSON) are stored deflated.
const PACK_FROM_BYTES: usize = 32 * 1024;
const PACKED_TAG: &str = "z1:";
/// A packed record never unpacks to more than this, whatever a damaged value claims.
const MAX_UNPACKED_BYTES: usize = 256 * 1024 * 1024;

/// The stored form of a record's JSON: itself when small, deflated and tagged when large.
pub fn pack(json: String) -> String {
    use base64::Engine;
    if json.len() < PACK_FROM_BYTES {
        return json;
    }
    // Level 1: the saving comes mostly from repetition that any level finds, and saves stay fast.
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 1);
    format!(
        "{PACKED_TAG}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    )
}

/// The JSON of a stored record, unpacking it when it was stored deflated.
pub fn unpack(raw: &str) -> Result<std::borrow::Cow<'_, str>, FormatError> {
    use base64::Engine;
    let Some(body) = raw.strip_prefix(PACKED_TAG) else {
        return Ok(std::borrow::Cow::Borrowed(raw));
    };
    let damaged = |why: &str| FormatError::NotOurs(trf("lead.storage_damaged", &[("why", why)]));
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| damaged(tr("lead.storage_not_base64")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES)
        .map_err(|_| damaged(tr("lead.storage_no_unpack")))?;
    String::from_utf8(json)
        .map(std::borrow::Cow::Owned)
        .map_err(|_| damaged("not text"))
}

/// Decodes a stored assessment record, packed or not.
fn decode(raw: &str) -> Result<(Assessment, u64), FormatError> {
    format::decode_stored_revision(&unpack(raw)?)
}

fn assessment_key(id: Uuid) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The assessment a stored key belongs to, if it is an assessment record.
pub fn assessment_id(key: &str) -> Option<Uuid> {
    id_of(key)
}

fn id_of(key: &str) -> Option<Uuid> {
    key.strip_prefix(ASSESSMENT_PREFIX)
        .and_then(|id| Uuid::parse_str(id).ok())
}

/// A stored record that could not be read, kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub error: FormatError,
    /// The stored text exactly as found, for the user to download.
    pub raw: String,
    /// Where a copy was put, or None if the copy could not be written (the original stays anyway).
    pub backup_key: Option<String>,
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub workspace: Workspace,
    pub unreadable: Vec<Unreadable>,
    pub export_log: ExportLog,
}

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

/// What a save did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// Keys written or removed.
    pub changed: usize,
    /// Assessments another tab saved since this tab read them: left as the other tab wrote them.
    pub conflicts: Vec<Uuid>,
}

/// One write a save intends: the new value, and what the key must still hold for it to go ahead.
#[derive(Clone, Debug, PartialEq)]
pub struct Write {
    pub key: String,
    pub value: String,
    /// For assessment records: the value this tab last read or wrote (None: the key must be empty).
    pub expect: Option<Option<String>>,
    /// For assessment records: the assessment and the revision this write gives it.
    pub revision: Option<(Uuid, u64)>,
    /// For assessment records: what the write stores, kept to tell later edits apart.
    pub copy: Option<Box<Assessment>>,
}

/// The writes and removals that bring storage from what was saved last to `workspace`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavePlan {
    pub writes: Vec<Write>,
    pub removals: Vec<String>,
}

impl SavePlan {
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.removals.is_empty()
    }
}

/// What another tab's change to a stored key means for this tab.
#[derive(Clone, Debug, PartialEq)]
pub enum External {
    /// Nothing to do: not ours, or this tab already has it.
    Ignore,
    /// Take this copy in place of (or in addition to) the one here: this tab had no unsaved edits.
    Adopt(Box<Assessment>),
    /// Another tab deleted it and this tab had no unsaved edits.
    Removed(Uuid),
    /// Another tab saved while this tab has unsaved edits: the user decides.
    Conflict(Uuid),
    /// Another tab (perhaps a newer version of the app) wrote something this tab cannot read.
    Unreadable(Unreadable),
}

/// Remembers what storage holds, so a save writes only what changed and never overwrites another
/// tab's newer save.
#[derive(Debug, Default)]
pub struct Saved {
    records: BTreeMap<String, String>,
    revisions: HashMap<Uuid, u64>,
    /// The assessment each record holds, as last read or written.
    copies: HashMap<Uuid, Assessment>,
    /// Keys that failed to load: never written or removed.
    protected: HashSet<String>,
}

impl Saved {
    /// Characters this app's records take in storage (keys and values), as last read or written.
    pub fn used_chars(&self) -> usize {
        self.records.iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    /// Whether this tab's copy differs from what it last read or wrote for that assessment.
    pub fn is_dirty(&self, a: &Assessment) -> bool {
        self.copies.get(&a.id) != Some(a)
    }

    /// Works out what to write; pure, so it is tested natively.
    pub fn plan(&self, workspace: &Workspace, log: &ExportLog) -> SavePlan {
        let mut plan = SavePlan::default();
        let mut wanted: HashSet<String> = HashSet::new();
        let ids: Vec<String> = workspace
            .assessments
            .iter()
            .map(|a| a.id.to_string())
            .collect();
        let plain = [
            (INDEX_KEY, serde_json::to_string(&ids).unwrap_or_default()),
            (META_KEY, serde_json::to_string(log).unwrap_or_default()),
        ];
        for (key, value) in plain {
            wanted.insert(key.to_string());
            if self.records.get(key) != Some(&value) && !self.protected.contains(key) {
                plan.writes.push(Write {
                    key: key.to_string(),
                    value,
                    expect: None,
                    revision: None,
                    copy: None,
                });
            }
        }
        for a in &workspace.assessments {
            let key = assessment_key(a.id);
            wanted.insert(key.clone());
            if self.protected.contains(&key) || !self.is_dirty(a) {
                continue;
            }
            let revision = self.revisions.get(&a.id).copied().unwrap_or(0);
            plan.writes.push(Write {
                value: pack(format::encode_stored_revision(a, revision + 1)),
                expect: Some(self.records.get(&key).cloned()),
                revision: Some((a.id, revision + 1)),
                copy: Some(Box::new(a.clone())),
                key,
            });
        }
        for key in self.records.keys() {
            if !wanted.contains(key) && !self.protected.contains(key) {
                plan.removals.push(key.clone());
            }
        }
        plan
    }

    fn wrote(&mut self, write: &Write) {
        if let Some((id, revision)) = write.revision {
            self.revisions.insert(id, revision);
        }
        if let Some(copy) = &write.copy {
            self.copies.insert(copy.id, (**copy).clone());
        }
        self.records.insert(write.key.clone(), write.value.clone());
    }

    fn removed(&mut self, key: &str) {
        if let Some(id) = id_of(key) {
            self.revisions.remove(&id);
            self.copies.remove(&id);
        }
        self.records.remove(key);
    }

    /// Takes `stored` (what the key holds now) as the base this tab works from, so its next save
    /// replaces it: used when the user chooses to keep this tab's version in a conflict.
    pub fn rebase(&mut self, id: Uuid, stored: Option<&str>) {
        let key = assessment_key(id);
        match stored {
            Some(value) => {
                // Unreadable there: no copy, so this tab's version counts as changed and is saved.
                match decode(value) {
                    Ok((copy, revision)) => {
                        self.copies.insert(id, copy);
                        self.revisions.insert(id, revision);
                    }
                    Err(_) => {
                        self.copies.remove(&id);
                        self.revisions.insert(id, revision_of(value));
                    }
                }
                self.records.insert(key, value.to_string());
            }
            None => self.removed(&key),
        }
    }

    /// What another tab's change of `key` to `new_value` means here; `local` is this tab's copy.
    pub fn external(
        &mut self,
        key: &str,
        new_value: Option<&str>,
        local: Option<&Assessment>,
    ) -> External {
        let Some(id) = id_of(key) else {
            return External::Ignore;
        };
        if self.protected.contains(key) || self.records.get(key).map(String::as_str) == new_value {
            return External::Ignore;
        }
        if local.is_some_and(|a| self.is_dirty(a)) {
            return External::Conflict(id);
        }
        match new_value {
            None => {
                self.removed(key);
                match local {
                    Some(_) => External::Removed(id),
                    None => External::Ignore,
                }
            }
            Some(value) => match decode(value) {
                Ok((assessment, revision)) => {
                    self.records.insert(key.to_string(), value.to_string());
                    self.revisions.insert(id, revision);
                    self.copies.insert(id, assessment.clone());
                    External::Adopt(Box::new(assessment))
                }
                Err(error) => {
                    self.removed(key);
                    self.protected.insert(key.to_string());
                    External::Unreadable(Unreadable {
                        key: key.to_string(),
                        error,
                        raw: value.to_string(),
                        backup_key: None,
                    })
                }
            },
        }
    }
}

/// The revision a stored record was saved with, without building the assessment.
fn revision_of(value: &str) -> u64 {
    #[derive(serde::Deserialize)]
    struct Revision {
        #[serde(default)]
        revision: u64,
    }
    unpack(value)
        .ok()
        .and_then(|json| serde_json::from_str::<Revision>(&json).ok())
        .map_or(0, |r| r.revision)
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
        if key == META_KEY {
            // The log is advice, not work: an unreadable one starts afresh.
            loaded.export_log = serde_json::from_str(value).unwrap_or_default();
            saved.records.insert(key.clone(), value.clone());
            continue;
        }
        let Some(id) = id_of(key) else {
            continue;
        };
        match decode(value) {
            Ok((a, revision)) if a.id == id => {
                saved.records.insert(key.clone(), value.clone());
                saved.revisions.insert(id, revision);
                saved.copies.insert(id, a.clone());
                found.push(a);
            }
            Ok(_) => {
                saved.protected.insert(key.clone());
                loaded.unreadable.push(Unreadable {
                    key: key.clone(),
                    error: FormatError::NotOurs(tr("lead.storage_wrong_id").into()),
                    raw: value.clone(),
                    backup_key: None,
                });
            }
            Err(error) => {
                saved.protected.insert(key.clone());
                loaded.unreadable.push(Unreadable {
                    key: key.clone(),
                    error,
                    raw: value.clone(),
                    backup_key: None,
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

/// The key a copy of unreadable record `key` holding `raw` is kept under: named by a fingerprint
/// of the content, so the same content is copied once and a different one never replaces it.
pub fn backup_key(key: &str, raw: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(raw.as_bytes());
    let short: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{BACKUP_PREFIX}{}/{short}",
        key.strip_prefix(PREFIX).unwrap_or(key)
    )
}

/// Local storage, or the reason it cannot be used.
pub struct Storage {
    inner: Option<web_sys::Storage>,
    saved: Saved,
    /// Set when storage could not be reached at start: the app runs in memory.
    pub unavailable: Option<String>,
}

impl Storage {
    /// Opens storage and reads the workspace. Writes nothing but backup copies of records it
    /// cannot read.
    pub fn open() -> (Storage, Loaded) {
        let inner = match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(s))) => Ok(s),
            Some(Ok(None)) => Err(tr("lead.storage_not_offered").to_string()),
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
                let (mut loaded, saved) = read_records(index.as_deref(), &records);
                for u in &mut loaded.unreadable {
                    u.backup_key = keep_backup(&s, u);
                }
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

    /// Writes what changed since the last save, except assessments another tab saved meanwhile.
    pub fn save(
        &mut self,
        workspace: &Workspace,
        log: &ExportLog,
    ) -> Result<SaveReport, SaveError> {
        let Some(s) = &self.inner else {
            return Err(SaveError::Unavailable(
                self.unavailable.clone().unwrap_or_default(),
            ));
        };
        let plan = self.saved.plan(workspace, log);
        let mut report = SaveReport::default();
        for write in &plan.writes {
            if let Some(expect) = &write.expect {
                let now = s.get_item(&write.key).ok().flatten();
                if now != *expect {
                    if let Some(id) = id_of(&write.key) {
                        report.conflicts.push(id);
                    }
                    continue;
                }
            }
            s.set_item(&write.key, &write.value)
                .map_err(|e| classify(&e))?;
            self.saved.wrote(write);
            report.changed += 1;
        }
        for key in &plan.removals {
            // A failed removal leaves an orphan record that the next load shows again; retrying
            // next save is the right remedy, so it is not recorded as done.
            if s.remove_item(key).is_ok() {
                self.saved.removed(key);
                report.changed += 1;
            }
        }
        Ok(report)
    }

    /// Interprets another tab's change reported by the storage event.
    pub fn external(
        &mut self,
        key: &str,
        new_value: Option<&str>,
        local: Option<&Assessment>,
    ) -> External {
        self.saved.external(key, new_value, local)
    }

    /// What storage holds now for assessment `id`: None if nothing, or Err if it cannot be read.
    pub fn stored(&self, id: Uuid) -> Result<Option<Assessment>, FormatError> {
        match self.raw(id) {
            None => Ok(None),
            Some(value) => decode(&value).map(|(a, _)| Some(a)),
        }
    }

    fn raw(&self, id: Uuid) -> Option<String> {
        self.inner
            .as_ref()
            .and_then(|s| s.get_item(&assessment_key(id)).ok().flatten())
    }

    /// Settles a conflict for `id` in favour of this tab: its next save replaces the other tab's.
    pub fn keep_mine(&mut self, id: Uuid) {
        let stored = self.raw(id);
        self.saved.rebase(id, stored.as_deref());
    }

    /// Settles a conflict for `id` in favour of the other tab: returns its copy (None if it was
    /// deleted there), which becomes this tab's base.
    pub fn take_theirs(&mut self, id: Uuid) -> Result<Option<Assessment>, FormatError> {
        let stored = self.raw(id);
        let theirs = match &stored {
            None => None,
            Some(value) => Some(decode(value)?.0),
        };
        self.saved.rebase(id, stored.as_deref());
        Ok(theirs)
    }

    /// Characters this app's readable records take in storage.
    pub fn used_chars(&self) -> usize {
        self.saved.used_chars()
    }

    /// Moves an unreadable record out of the way once its backup copy is confirmed in place, so the
    /// recovery screen stops coming back. Returns false (and changes nothing) without a backup.
    pub fn set_aside(&mut self, item: &Unreadable) -> bool {
        let Some(s) = &self.inner else {
            return false;
        };
        let Some(backup) = &item.backup_key else {
            return false;
        };
        if s.get_item(backup).ok().flatten().as_deref() != Some(item.raw.as_str()) {
            return false;
        }
        if s.get_item(&item.key).ok().flatten().as_deref() != Some(item.raw.as_str()) {
            // Someone changed it since: leave it for the next load to judge.
            return false;
        }
        if s.remove_item(&item.key).is_err() {
            return false;
        }
        self.saved.protected.remove(&item.key);
        true
    }

    /// Asks the browser not to clear this site's data under storage pressure. Calls `done` with
    /// whether it agreed; browsers may decide silently, so this never blocks anything.
    pub fn request_persistence(done: impl FnOnce(bool) + 'static) {
        let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
            return;
        };
        let Ok(promise) = manager.persist() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let granted = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            done(granted);
        });
    }
}

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

/// Everything readable in storage as a workspace file, for the error screen after a crash. Reads
/// only; records it cannot read stay where they are (and under their backup keys).
pub fn emergency_export(now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    let s = web_sys::window()?.local_storage().ok()??;
    let mut records = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        if let Ok(Some(key)) = s.key(i) {
            if let Ok(Some(value)) = s.get_item(&key) {
                records.push((key, value));
            }
        }
    }
    let index = s.get_item(INDEX_KEY).ok().flatten();
    let (loaded, _) = read_records(index.as_deref(), &records);
    Some(format::export(
        format::FileKind::Workspace,
        &loaded.workspace.assessments,
        now,
    ))
}

/// Copies an unreadable record under its backup key, unless an identical copy is already there.
fn keep_backup(s: &web_sys::Storage, u: &Unreadable) -> Option<String> {
    let key = backup_key(&u.key, &u.raw);
    match s.get_item(&key) {
        Ok(Some(existing)) if existing == u.raw => Some(key),
        _ => s.set_item(&key, &u.raw).ok().map(|_| key),
    }
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| tr("lead.storage_unknown").to_string())
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

    fn log() -> ExportLog {
        ExportLog::default()
    }

    /// A simulated localStorage: applies a plan the way `Storage::save` does, checking each
    /// assessment write against what the key holds.
    fn save(saved: &mut Saved, store: &mut BTreeMap<String, String>, w: &Workspace) -> SaveReport {
        let plan = saved.plan(w, &log());
        let mut report = SaveReport::default();
        for write in &plan.writes {
            if let Some(expect) = &write.expect {
                if store.get(&write.key) != expect.as_ref() {
                    report.conflicts.push(id_of(&write.key).unwrap());
                    continue;
                }
            }
            store.insert(write.key.clone(), write.value.clone());
            saved.wrote(write);
            report.changed += 1;
        }
        for key in &plan.removals {
            store.remove(key);
            saved.removed(key);
            report.changed += 1;
        }
        report
    }

    fn load(store: &BTreeMap<String, String>) -> (Loaded, Saved) {
        let records: Vec<(String, String)> = store.clone().into_iter().collect();
        read_records(store.get(INDEX_KEY).map(String::as_str), &records)
    }

    fn rename(w: &mut Workspace, id: u128, name: &str) {
        w.rename(
            Uuid::from_u128(id),
            name,
            DateTime::from_timestamp(99, 0).unwrap(),
        );
    }

    #[test]
    fn first_save_writes_index_meta_and_every_assessment() {
        let plan = Saved::default().plan(&ws(2), &log());
        assert_eq!(plan.writes.len(), 4);
        assert!(plan.removals.is_empty());
    }

    #[test]
    fn a_save_writes_only_what_changed_and_bumps_the_revision() {
        let mut saved = Saved::default();
        let mut store = BTreeMap::new();
        let mut w = ws(3);
        save(&mut saved, &mut store, &w);
        assert!(saved.plan(&w, &log()).is_empty());
        rename(&mut w, 2, "Renamed");
        let plan = saved.plan(&w, &log());
        assert_eq!(plan.writes.len(), 1);
        assert_eq!(plan.writes[0].key, assessment_key(Uuid::from_u128(2)));
        save(&mut saved, &mut store, &w);
        let stored = &store[&assessment_key(Uuid::from_u128(2))];
        assert_eq!(revision_of(stored), 2);
        assert_eq!(revision_of(&store[&assessment_key(Uuid::from_u128(1))]), 1);
    }

    #[test]
    fn removal_deletes_the_key_and_rewrites_the_index() {
        let mut saved = Saved::default();
        let mut store = BTreeMap::new();
        let mut w = ws(2);
        save(&mut saved, &mut store, &w);
        w.remove(Uuid::from_u128(1));
        let plan = saved.plan(&w, &log());
        assert_eq!(plan.removals, vec![assessment_key(Uuid::from_u128(1))]);
        assert_eq!(plan.writes.len(), 1);
        assert_eq!(plan.writes[0].key, INDEX_KEY);
    }

    #[test]
    fn load_round_trips_order_content_and_the_export_log() {
        let w = ws(3);
        let mut saved = Saved::default();
        let mut store = BTreeMap::new();
        let mut export_log = log();
        export_log.exported(
            [Uuid::from_u128(1)],
            DateTime::from_timestamp(5, 0).unwrap(),
        );
        let plan = saved.plan(&w, &export_log);
        for write in &plan.writes {
            store.insert(write.key.clone(), write.value.clone());
            saved.wrote(write);
        }
        let (loaded, saved_again) = load(&store);
        assert_eq!(loaded.workspace, w);
        assert_eq!(loaded.export_log, export_log);
        assert!(loaded.unreadable.is_empty());
        assert!(saved_again.plan(&w, &export_log).is_empty());
    }

    #[test]
    fn unreadable_records_are_reported_kept_raw_and_never_touched() {
        let w = ws(1);
        let mut saved = Saved::default();
        let mut store = BTreeMap::new();
        save(&mut saved, &mut store, &w);
        let bad_key = assessment_key(Uuid::from_u128(9));
        let future = format!(
            "{{\"format\":\"cto-workbench\",\"schema_version\":999,\"assessment\":{{\"id\":\"{}\"}}}}",
            Uuid::from_u128(9)
        );
        for raw in ["{broken".to_string(), future] {
            store.insert(bad_key.clone(), raw.clone());
            let (loaded, mut saved) = load(&store);
            assert_eq!(loaded.workspace, w);
            assert_eq!(loaded.unreadable.len(), 1);
            assert_eq!(loaded.unreadable[0].key, bad_key);
            assert_eq!(loaded.unreadable[0].raw, raw);
            // Even an empty workspace must not remove or overwrite the unreadable record.
            let plan = saved.plan(&Workspace::default(), &log());
            assert!(!plan.removals.contains(&bad_key));
            assert!(plan.writes.iter().all(|wr| wr.key != bad_key));
            // Nor may another tab's change to it be taken in.
            assert_eq!(saved.external(&bad_key, Some("{}"), None), External::Ignore);
        }
    }

    #[test]
    fn a_record_under_another_assessments_key_is_unreadable() {
        let w = ws(1);
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &w);
        let value = store[&assessment_key(Uuid::from_u128(1))].clone();
        store.insert(assessment_key(Uuid::from_u128(7)), value);
        let (loaded, _) = load(&store);
        assert_eq!(loaded.workspace.assessments.len(), 1);
        assert_eq!(loaded.unreadable.len(), 1);
    }

    #[test]
    fn records_missing_from_the_index_still_load() {
        let w = ws(2);
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &w);
        store.remove(INDEX_KEY);
        let (loaded, _) = load(&store);
        assert_eq!(loaded.workspace.assessments.len(), 2);
    }

    #[test]
    fn backup_keys_are_outside_the_loaded_prefix_and_follow_the_content() {
        let key = assessment_key(Uuid::from_u128(3));
        let a = backup_key(&key, "one");
        assert!(a.starts_with(BACKUP_PREFIX));
        assert!(id_of(&a).is_none());
        assert_eq!(a, backup_key(&key, "one"));
        assert_ne!(a, backup_key(&key, "two"));
    }

    /// Two tabs over one store: the second never overwrites the first's newer save.
    #[test]
    fn a_tab_never_overwrites_another_tabs_newer_save() {
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &ws(1));
        let (mut tab_a, mut saved_a) = load(&store);
        let (mut tab_b, mut saved_b) = load(&store);
        rename(&mut tab_a.workspace, 1, "From A");
        save(&mut saved_a, &mut store, &tab_a.workspace);
        rename(&mut tab_b.workspace, 1, "From B");
        let report = save(&mut saved_b, &mut store, &tab_b.workspace);
        assert_eq!(report.conflicts, vec![Uuid::from_u128(1)]);
        let (now, _) = load(&store);
        assert_eq!(now.workspace.assessments[0].name, "From A");
        // B keeps its version on purpose: its next save replaces A's, with a higher revision.
        let key = assessment_key(Uuid::from_u128(1));
        saved_b.rebase(Uuid::from_u128(1), store.get(&key).map(String::as_str));
        let report = save(&mut saved_b, &mut store, &tab_b.workspace);
        assert!(report.conflicts.is_empty());
        assert_eq!(revision_of(&store[&key]), 3);
        let (now, _) = load(&store);
        assert_eq!(now.workspace.assessments[0].name, "From B");
    }

    #[test]
    fn the_storage_event_is_taken_in_unless_this_tab_has_unsaved_edits() {
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &ws(2));
        let (mut tab_a, mut saved_a) = load(&store);
        let (tab_b, mut saved_b) = load(&store);
        let key1 = assessment_key(Uuid::from_u128(1));
        let key2 = assessment_key(Uuid::from_u128(2));

        rename(&mut tab_a.workspace, 1, "From A");
        save(&mut saved_a, &mut store, &tab_a.workspace);
        let new = store.get(&key1).map(String::as_str);
        let adopted = match saved_b.external(&key1, new, tab_b.workspace.get(Uuid::from_u128(1))) {
            External::Adopt(a) => a,
            other => panic!("expected Adopt, got {other:?}"),
        };
        assert_eq!(adopted.name, "From A");
        // The echo of what this tab already has is ignored.
        assert_eq!(saved_b.external(&key1, new, None), External::Ignore);

        // B edits assessment 2 and, before B's save, A saves it too.
        let mut b_copy = tab_b.workspace.get(Uuid::from_u128(2)).unwrap().clone();
        b_copy.name = "B's unsaved".into();
        rename(&mut tab_a.workspace, 2, "A again");
        save(&mut saved_a, &mut store, &tab_a.workspace);
        let new = store.get(&key2).map(String::as_str);
        assert_eq!(
            saved_b.external(&key2, new, Some(&b_copy)),
            External::Conflict(Uuid::from_u128(2))
        );

        // A deletes assessment 1: B, with no edits to it, lets it go.
        tab_a.workspace.remove(Uuid::from_u128(1));
        save(&mut saved_a, &mut store, &tab_a.workspace);
        assert_eq!(
            saved_b.external(&key1, None, Some(&adopted)),
            External::Removed(Uuid::from_u128(1))
        );
    }

    #[test]
    fn large_records_are_stored_deflated_and_load_back_equal() {
        let content = crate::content::get();
        let demo =
            crate::domain::demo::demo_assessment(content, DateTime::from_timestamp(0, 0).unwrap());
        let json_len = format::encode_stored_revision(&demo, 1).len();
        let mut w = ws(1);
        w.assessments.push(demo.clone());
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &w);
        let raw = &store[&assessment_key(demo.id)];
        assert!(raw.starts_with(PACKED_TAG));
        assert!(
            raw.len() * 2 < json_len,
            "{} chars stored for {json_len} bytes of JSON",
            raw.len()
        );
        let small = &store[&assessment_key(Uuid::from_u128(1))];
        assert!(small.starts_with('{'), "small records stay plain JSON");
        let (loaded, saved) = load(&store);
        assert_eq!(loaded.workspace, w);
        assert!(
            saved.plan(&w, &log()).is_empty(),
            "nothing to write after loading"
        );
        assert_eq!(revision_of(raw), 1);
    }

    #[test]
    fn a_damaged_packed_record_is_unreadable_not_a_panic() {
        let mut store = BTreeMap::new();
        let key = assessment_key(Uuid::from_u128(5));
        for raw in [
            "z1:",
            "z1:!!!!",
            "z1:AAAA",
            "z1:eJwLycgsVgCi4vzcVIXkjMSiFABKFgdV",
        ] {
            store.insert(key.clone(), raw.to_string());
            let (loaded, _) = load(&store);
            assert_eq!(loaded.unreadable.len(), 1, "{raw}");
            assert!(loaded.unreadable[0].error.to_string().contains("damaged") || raw.len() > 8);
        }
        assert_eq!(unpack("plain").unwrap(), "plain");
        let big = "x".repeat(PACK_FROM_BYTES * 3);
        assert_eq!(unpack(&pack(big.clone())).unwrap(), big);
    }

    #[test]
    fn an_edit_deep_inside_a_large_assessment_is_seen_without_re_encoding() {
        let content = crate::content::get();
        let mut w = Workspace::default();
        w.assessments.push(crate::domain::demo::demo_assessment(
            content,
            DateTime::from_timestamp(0, 0).unwrap(),
        ));
        let mut saved = Saved::default();
        let mut store = BTreeMap::new();
        save(&mut saved, &mut store, &w);
        let a = &mut w.assessments[0];
        let kpi = a
            .kpis
            .iter_mut()
            .find(|k| !k.measurements.is_empty())
            .unwrap();
        kpi.measurements[0].value += 1.0;
        let plan = saved.plan(&w, &log());
        assert_eq!(plan.writes.len(), 1);
        assert_eq!(plan.writes[0].key, assessment_key(w.assessments[0].id));
    }
}
