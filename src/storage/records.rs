//! Reading what storage holds: the stored pairs become a workspace (and a [`Saved`] that remembers
//! them), and what cannot be read is set aside untouched as [`Unreadable`]. An assessment's bulky
//! lists are left to read on first use and checked later ([`Saved::check`]). Pure: the pairs come
//! from the caller, so all of it runs in native tests.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use uuid::Uuid;

use super::keys::{
    assessment_key, chars, id_of, parse_part_key, part_key, INDEX_KEY, META_KEY, PART_PREFIX,
};
use super::pack::unpack;
use super::plan::Saved;
use crate::domain::backup::ExportLog;
use crate::domain::{Assessment, Workspace};
use crate::format::{self, FormatError};
use crate::i18n::tr;

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
    let parts: HashMap<&str, &str> = records
        .iter()
        .filter(|(key, _)| key.starts_with(PART_PREFIX))
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect();
    let get = |key: &str| parts.get(key).map(|v| Cow::Borrowed(*v));
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
        let lengths = PartLengths::default();
        if let Some((record, kept)) = saved.read_later(id, value, &parts, &lengths) {
            saved.took(key, value, &record, lengths);
            saved.later.insert(id, kept);
            found.push(record.assessment);
            continue;
        }
        let error = match saved.read(id, value, &get, &lengths) {
            Ok(record) if record.assessment.id == id => {
                saved.took(key, value, &record, lengths);
                found.push(record.assessment);
                continue;
            }
            Ok(_) => FormatError::NotOurs(tr("lead.storage_wrong_id").into()),
            Err(error) => error,
        };
        saved.protected.insert(key.clone());
        loaded.unreadable.push(Unreadable {
            key: key.clone(),
            error,
            raw: value.clone(),
            backup_key: None,
        });
    }
    // Parts no record names: left by a save that stopped between writing a part and its record,
    // or by one that stopped before removing what it replaced. Only those older than their
    // record's revision are removed, since a part newer than it may belong to a save another tab
    // is making right now.
    for (key, value) in &parts {
        let Some((id, name, reference)) = parse_part_key(key) else {
            continue;
        };
        if saved.named.get(&id).and_then(|n| n.get(name)) == Some(&reference.to_string()) {
            continue;
        }
        let written = reference
            .split('-')
            .next()
            .and_then(|r| r.parse::<u64>().ok());
        let current = saved.revisions.get(&id).copied();
        if let (Some(written), Some(current)) = (written, current) {
            if written <= current {
                saved.garbage.push(key.to_string());
            }
        }
        saved
            .part_chars
            .insert(key.to_string(), chars(key) + chars(value));
    }
    saved.garbage.sort();
    // Index order first; records the index does not mention (a crash between writes) follow.
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    found.sort_by_cached_key(|a| {
        rank.get(a.id.to_string().as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });
    loaded.workspace.assessments = found;
    (loaded, saved)
}

impl Saved {
    /// Notes record `id` as read from storage holding `record` (its text `raw`); `lengths` gives
    /// the characters each newly read part takes.
    pub(super) fn took(
        &mut self,
        key: &str,
        raw: &str,
        record: &format::StoredRecord,
        lengths: PartLengths,
    ) {
        let id = record.assessment.id;
        if let Some(before) = self.named.get(&id) {
            for (name, reference) in before {
                if record.parts.get(name) != Some(reference) {
                    self.part_chars.remove(&part_key(id, name, reference));
                }
            }
        }
        self.part_chars.extend(lengths.into_inner());
        self.later.remove(&id);
        self.records.insert(key.to_string(), raw.to_string());
        self.revisions.insert(id, record.revision);
        // Without a copy, the next save sees every list as changed and writes it in this build's
        // shape; parts written by an older build would not read under the record's new version.
        if record.migrated {
            self.copies.remove(&id);
        } else {
            self.copies.insert(id, record.assessment.clone());
        }
        self.named.insert(id, record.parts.clone());
    }

    /// Reads record `raw` of assessment `id`, leaving its parts (found in `parts` by key) to be read
    /// on first use; the parts it names are noted in `lengths`. Also gives the parts' stored text
    /// by key, for [`Saved::check`]. None when the record cannot be read that way: it is then read
    /// whole, which also says what is wrong with it.
    fn read_later(
        &self,
        id: Uuid,
        raw: &str,
        parts: &HashMap<&str, &str>,
        lengths: &PartLengths,
    ) -> Option<(format::StoredRecord, HashMap<String, Arc<str>>)> {
        let text = unpack(raw).ok()?;
        let kept = std::cell::RefCell::new(HashMap::new());
        let record = format::decode_stored_later(&text, &|name, reference| {
            let key = part_key(id, name, reference);
            let value: Arc<str> = Arc::from(*parts.get(key.as_str())?);
            kept.borrow_mut().insert(key, Arc::clone(&value));
            Some(Box::new(move || unpack(&value).ok().map(Cow::into_owned)))
        })?;
        if record.assessment.id != id {
            return None;
        }
        let kept = kept.into_inner();
        lengths.borrow_mut().extend(
            kept.iter()
                .map(|(key, value)| (key.clone(), chars(key) + chars(value))),
        );
        Some((record, kept))
    }

    /// An assessment read at start whose parts are not checked yet, if any is left.
    pub fn next_unchecked(&self) -> Option<Uuid> {
        self.later.keys().next().copied()
    }

    /// Reads one more of the lists assessment `id` left for later; false when all are read (or
    /// it has none), and [`Saved::check`] is what is left to do.
    pub fn read_one_part(&self, id: Uuid) -> bool {
        self.later.contains_key(&id) && self.copies.get(&id).is_some_and(format::read_one_part)
    }

    /// Reads every part of assessment `id` that start-up left for later and checks the assessment
    /// as any load does. None when it passes, or was not left for later. Otherwise its record is
    /// set aside as one that failed to load is: never written or removed again, and returned for
    /// the recovery screen with the path of what is wrong.
    pub fn check(&mut self, id: Uuid) -> Option<Unreadable> {
        let parts = self.later.remove(&id)?;
        let problem = format::check_stored(self.copies.get(&id)?).err()?;
        let key = assessment_key(id);
        let raw = self.records.get(&key).cloned().unwrap_or_default();
        let fetch = |name: &str, reference: &str| {
            let value = parts.get(&part_key(id, name, reference))?;
            unpack(value).ok().map(Cow::into_owned)
        };
        // The whole read names the path of the problem; the check's own words are the fallback.
        let error = decode(&raw, None, &fetch).err().unwrap_or(problem);
        self.protected.insert(key.clone());
        self.copies.remove(&id);
        self.revisions.remove(&id);
        self.named.remove(&id);
        Some(Unreadable {
            key,
            error,
            raw,
            backup_key: None,
        })
    }

    /// Reads record `raw` of assessment `id`, its parts through `get` (or from this tab's copy when
    /// unchanged); the parts read are noted in `lengths`.
    pub(super) fn read<'a>(
        &self,
        id: Uuid,
        raw: &str,
        get: &dyn Fn(&str) -> Option<Cow<'a, str>>,
        lengths: &PartLengths,
    ) -> Result<format::StoredRecord, FormatError> {
        // A copy whose lists are not checked yet (see `check`) cannot vouch for them.
        let base = self
            .copies
            .get(&id)
            .zip(self.named.get(&id))
            .filter(|_| !self.later.contains_key(&id));
        decode(raw, base, &|name, reference| {
            let key = part_key(id, name, reference);
            let value = get(&key)?;
            let json = unpack(&value).ok()?.into_owned();
            lengths
                .borrow_mut()
                .push((key.clone(), chars(&key) + chars(&value)));
            Some(json)
        })
    }
}

/// Parts read while decoding a record: (key, characters of key and value).
pub(super) type PartLengths = std::cell::RefCell<Vec<(String, usize)>>;

/// Decodes a stored assessment record, packed or not; `fetch` gives its parts' JSON.
fn decode(
    raw: &str,
    base: Option<(&Assessment, &BTreeMap<String, String>)>,
    fetch: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<format::StoredRecord, FormatError> {
    format::decode_stored_record(&unpack(raw)?, base, fetch)
}

/// The revision a stored record was saved with, without building the assessment.
pub(super) fn revision_of(value: &str) -> u64 {
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
