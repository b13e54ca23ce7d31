//! Saving: [`Saved`] remembers what storage holds (records, revisions, the parts each record
//! names), [`Saved::plan`] works out the writes that bring storage to the workspace, and [`apply`]
//! makes them through a [`Store`], record by record, never over another tab's newer save. Pure
//! but for the store it is given, so the same save runs in native tests against a map.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use uuid::Uuid;

use super::faults::SaveError;
use super::keys::{assessment_key, chars, id_of, part_key, INDEX_KEY, META_KEY};
use super::pack::pack;
use crate::domain::backup::ExportLog;
use crate::domain::{Assessment, Workspace};
use crate::format;

/// Lists at least this long (in bytes of JSON) are stored apart from their record.
const PART_FROM_BYTES: usize = 4 * 1024;

/// A store of string values under string keys: the browser's localStorage in the app, a map in
/// native tests, so both run the same save.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    /// Whether the key is gone afterwards.
    fn remove(&mut self, key: &str) -> bool;
    /// Every key that starts with `prefix`.
    fn keys(&self, prefix: &str) -> Vec<String>;
}

/// What a save did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// Records written or removed.
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
    /// For assessment records: the parts stored apart that changed (key, value), written before
    /// the record, which is the commit point: until it is written, nothing names them.
    pub parts: Vec<(String, String)>,
    /// For assessment records: every part the record names (list name → reference).
    pub named: BTreeMap<String, String>,
    /// For assessment records: parts the previous record named and this one does not, removed
    /// once the record is written.
    pub stale: Vec<String>,
}

impl Write {
    fn plain(key: &str, value: String) -> Write {
        Write {
            key: key.to_string(),
            value,
            expect: None,
            revision: None,
            copy: None,
            parts: Vec::new(),
            named: BTreeMap::new(),
            stale: Vec::new(),
        }
    }
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

/// Remembers what storage holds, so a save writes only what changed and never overwrites another
/// tab's newer save.
#[derive(Debug, Default)]
pub struct Saved {
    /// Index, meta and assessment records, as last read or written.
    pub(super) records: BTreeMap<String, String>,
    pub(super) revisions: HashMap<Uuid, u64>,
    /// The assessment each record holds, as last read or written.
    pub(super) copies: HashMap<Uuid, Assessment>,
    /// The parts each assessment's record names (list name → reference).
    pub(super) named: HashMap<Uuid, BTreeMap<String, String>>,
    /// Part keys known to be in storage, with the characters each takes (key and value).
    pub(super) part_chars: BTreeMap<String, usize>,
    /// Parts no record names any more (left by a save that stopped half way): removed next save.
    pub(super) garbage: Vec<String>,
    /// Keys that failed to load: never written or removed.
    pub(super) protected: HashSet<String>,
    /// Makes this tab's part keys its own, so two tabs saving at once never write the same key.
    pub(super) token: String,
    /// Assessments read at start with their parts left to read on first use, not checked yet:
    /// the stored text of each part they name, by key, to say what is wrong if one fails.
    pub(super) later: BTreeMap<Uuid, HashMap<String, Arc<str>>>,
}

impl Saved {
    /// Characters this app's records take in storage (keys and values), as last read or written.
    pub fn used_chars(&self) -> usize {
        let records: usize = self.records.iter().map(|(k, v)| chars(k) + chars(v)).sum();
        records + self.part_chars.values().sum::<usize>()
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
                plan.writes.push(Write::plain(key, value));
            }
        }
        for a in &workspace.assessments {
            let key = assessment_key(a.id);
            wanted.insert(key.clone());
            if self.protected.contains(&key) || !self.is_dirty(a) {
                continue;
            }
            plan.writes.push(self.record_write(a, key));
        }
        for key in self.records.keys() {
            if !wanted.contains(key) && !self.protected.contains(key) {
                plan.removals.push(key.clone());
                // After the record, so a save that stops half way leaves parts, never a record
                // naming parts that are gone.
                if let Some(named) = id_of(key).and_then(|id| Some((id, self.named.get(&id)?))) {
                    let (id, named) = named;
                    plan.removals.extend(
                        named
                            .iter()
                            .map(|(name, reference)| part_key(id, name, reference)),
                    );
                }
            }
        }
        plan.removals.extend(self.garbage.iter().cloned());
        plan
    }

    /// The write of assessment `a`'s record, with the parts that changed since it was last stored.
    fn record_write(&self, a: &Assessment, key: String) -> Write {
        let revision = self.revisions.get(&a.id).copied().unwrap_or(0) + 1;
        let base = self.copies.get(&a.id);
        let before = self.named.get(&a.id);
        let mut named = BTreeMap::new();
        let mut parts = Vec::new();
        for name in format::STORED_PARTS {
            if format::part_is_empty(a, name) {
                continue;
            }
            let kept = before.and_then(|b| b.get(name));
            if let (Some(base), Some(reference)) = (base, kept) {
                if format::part_equal(a, base, name) {
                    named.insert(name.to_string(), reference.clone());
                    continue;
                }
            }
            let json = format::encode_part(a, name).unwrap_or_default();
            if json.len() < PART_FROM_BYTES {
                // Small lists stay in the record: a key of their own would cost more than it saves.
                continue;
            }
            let reference = self.reference(revision);
            parts.push((part_key(a.id, name, &reference), pack(json)));
            named.insert(name.to_string(), reference);
        }
        let stale = before
            .into_iter()
            .flatten()
            .filter(|(name, reference)| named.get(*name) != Some(*reference))
            .map(|(name, reference)| part_key(a.id, name, reference))
            .collect();
        let rest = format::without_parts(a, named.keys().map(String::as_str));
        Write {
            value: pack(format::encode_stored_record(&rest, revision, &named)),
            expect: Some(self.records.get(&key).cloned()),
            revision: Some((a.id, revision)),
            copy: Some(Box::new(a.clone())),
            key,
            parts,
            named,
            stale,
        }
    }

    /// A reference for a part written with record revision `revision`: the revision first, so a
    /// leftover part can be told from one a save is about to name.
    fn reference(&self, revision: u64) -> String {
        if self.token.is_empty() {
            revision.to_string()
        } else {
            format!("{revision}-{}", self.token)
        }
    }

    pub(super) fn wrote(&mut self, write: &Write) {
        if let Some((id, revision)) = write.revision {
            self.revisions.insert(id, revision);
            self.named.insert(id, write.named.clone());
        }
        if let Some(copy) = &write.copy {
            self.copies.insert(copy.id, (**copy).clone());
        }
        for (key, value) in &write.parts {
            self.part_chars
                .insert(key.clone(), chars(key) + chars(value));
        }
        self.records.insert(write.key.clone(), write.value.clone());
    }

    pub(super) fn removed(&mut self, key: &str) {
        if let Some(id) = id_of(key) {
            self.revisions.remove(&id);
            self.copies.remove(&id);
            self.named.remove(&id);
            self.later.remove(&id);
        }
        self.part_chars.remove(key);
        self.garbage.retain(|k| k != key);
        self.records.remove(key);
    }
}

/// Writes `plan` to `store`: per assessment, checks the record still holds what this tab last
/// read or wrote, writes its changed parts, then the record, then removes the parts it replaced.
pub fn apply(
    saved: &mut Saved,
    store: &mut dyn Store,
    plan: &SavePlan,
) -> Result<SaveReport, SaveError> {
    let mut report = SaveReport::default();
    for write in &plan.writes {
        if let Some(expect) = &write.expect {
            if store.get(&write.key) != *expect {
                if let Some(id) = id_of(&write.key) {
                    report.conflicts.push(id);
                }
                continue;
            }
        }
        for (key, value) in &write.parts {
            store.set(key, value)?;
        }
        store.set(&write.key, &write.value)?;
        saved.wrote(write);
        report.changed += 1;
        for key in &write.stale {
            // One left behind is garbage the next load finds and removes; nothing names it.
            if store.remove(key) {
                saved.removed(key);
            }
        }
    }
    for key in &plan.removals {
        // A failed removal leaves an orphan record that the next load shows again; retrying
        // next save is the right remedy, so it is not recorded as done.
        if store.remove(key) {
            saved.removed(key);
            report.changed += 1;
        }
    }
    Ok(report)
}
