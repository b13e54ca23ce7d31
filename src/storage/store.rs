//! Local storage: the only code that touches the browser's localStorage.
//!
//! Layout: one key per assessment (`cto-workbench/v1/assessment/<id>`) so a save writes only what
//! changed, an index key holding the order of the list, and a meta key with the export log. Values
//! are encoded by `format`, so stored data migrates like files do.
//!
//! An assessment's bulky lists (KPIs and their measurements, snapshots, initiatives, scorecards,
//! risks), when large, are stored apart under part keys (`cto-workbench/v1/part/<id>/<list>/<ref>`)
//! that the record names. A part key is written once and never changed: a save writes new parts
//! for the lists that changed, then the record (the commit point), then removes the parts the
//! record no longer names. So changing an answer rewrites a few kilobytes, not every measurement,
//! and a save that stops half way leaves the previous record whole.
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
//! Large records are stored deflated (`z2:`, 15 bits a character), so a consultant's many clients fit in
//! the few megabytes a browser allows; small ones stay plain JSON. Whether a record changed is
//! judged by comparing the assessment with a copy of what was last stored, not by re-encoding
//! every assessment on every save.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use uuid::Uuid;

use crate::domain::backup::ExportLog;
use crate::domain::{Assessment, Workspace};
use crate::format::{self, FormatError};
use crate::i18n::{tr, trf};

const PREFIX: &str = "cto-workbench/v1/";
const INDEX_KEY: &str = "cto-workbench/v1/index";
const META_KEY: &str = "cto-workbench/v1/meta";
const ASSESSMENT_PREFIX: &str = "cto-workbench/v1/assessment/";
/// Bulky lists of an assessment stored apart from its record: `<prefix><id>/<list>/<reference>`.
/// Never named by the storage event's handling: a record is taken in whole when it changes.
const PART_PREFIX: &str = "cto-workbench/v1/part/";
/// Lists at least this long (in bytes of JSON) are stored apart from their record.
const PART_FROM_BYTES: usize = 4 * 1024;
/// Copies of unreadable records; outside the assessment prefix, so they are never loaded or saved.
const BACKUP_PREFIX: &str = "cto-workbench/v1/backup/";
/// Records at least this long (in bytes of JSON) are stored deflated.
const PACK_FROM_BYTES: usize = 2 * 1024;
/// Deflated, base64: read only (see [`unpack`]).
const PACKED_TAG: &str = "z1:";
/// Deflated, 15 bits a character, after the JSON's length and a colon.
const PACKED15_TAG: &str = "z2:";
/// A packed record never unpacks to more than this, whatever a damaged value claims.
const MAX_UNPACKED_BYTES: usize = 256 * 1024 * 1024;

/// The stored form of a record's JSON: itself when small, deflated and tagged when large.
///
/// localStorage counts UTF-16 code units against a quota of about 5.2 M, so the deflated bytes
/// are written 15 bits to a character (from U+4000 to U+BFFF, which holds no surrogates and is
/// kept as is by every browser): 2.5 times denser than base64's 6 bits. The tag carries the JSON's
/// length, so unpacking allocates once.
pub fn pack(json: String) -> String {
    if json.len() < PACK_FROM_BYTES {
        return json;
    }
    // Level 1: the saving comes mostly from repetition that any level finds, and saves stay fast.
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 1);
    let mut out = String::with_capacity(packed.len() / 15 * 8 * 3 + 32);
    out.push_str(PACKED15_TAG);
    out.push_str(&json.len().to_string());
    out.push(':');
    to_chars(&packed, &mut out);
    out
}

/// The first code point of the 2^15 that carry packed bits.
const BITS15_BASE: u32 = 0x4000;

/// Appends `bytes` as characters of 15 bits each, after one character saying whether decoding
/// yields a byte too many ('1') or not ('0'): 15 bits per character rarely end on a byte.
fn to_chars(bytes: &[u8], out: &mut String) {
    let count = (bytes.len() * 8).div_ceil(15);
    let extra = count * 15 / 8 - bytes.len();
    out.push(if extra == 1 { '1' } else { '0' });
    let mut acc: u32 = 0;
    let mut bits = 0;
    let push = |v: u32, out: &mut String| {
        // In range by construction: v < 2^15.
        out.extend(char::from_u32(BITS15_BASE + (v & 0x7fff)));
    };
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push(acc >> bits, out);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push(acc << (15 - bits), out);
    }
}

/// The bytes [`to_chars`] wrote, or None if `text` is not such characters.
fn from_chars(text: &str) -> Option<Vec<u8>> {
    let (drop, body) = match text.as_bytes().split_first()? {
        (b'0', body) => (0, body),
        (b'1', body) => (1, body),
        _ => return None,
    };
    // Every character from U+4000 to U+BFFF is three bytes of UTF-8, 1110xxxx 10xxxxxx
    // 10xxxxxx: read straight from the bytes, which is several times faster than by character.
    if body.len() % 3 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 3 * 15 / 8 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in body.chunks_exact(3) {
        let code =
            (u32::from(c[0] & 0x0f) << 12) | (u32::from(c[1] & 0x3f) << 6) | u32::from(c[2] & 0x3f);
        let v = code
            .checked_sub(BITS15_BASE)
            .filter(|v| *v < 0x8000 && c[0] & 0xf0 == 0xe0)?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    let len = out.len().checked_sub(drop)?;
    out.truncate(len);
    Some(out)
}

/// The JSON of a stored record, unpacking it when it was stored deflated.
pub fn unpack(raw: &str) -> Result<std::borrow::Cow<'_, str>, FormatError> {
    use base64::Engine;
    let damaged = |why: &str| FormatError::NotOurs(trf("lead.storage_damaged", &[("why", why)]));
    let json = if let Some(body) = raw.strip_prefix(PACKED15_TAG) {
        let (len, body) = body
            .split_once(':')
            .and_then(|(len, body)| Some((len.parse::<usize>().ok()?, body)))
            .filter(|(len, _)| *len <= MAX_UNPACKED_BYTES)
            .ok_or_else(|| damaged(tr("lead.storage_no_unpack")))?;
        let packed = from_chars(body).ok_or_else(|| damaged(tr("lead.storage_no_unpack")))?;
        let mut json = vec![0; len];
        match miniz_oxide::inflate::decompress_slice_iter_to_slice(
            &mut json,
            std::iter::once(packed.as_slice()),
            false,
            true,
        ) {
            Ok(n) if n == len => json,
            _ => return Err(damaged(tr("lead.storage_no_unpack"))),
        }
    } else if let Some(body) = raw.strip_prefix(PACKED_TAG) {
        // Written by earlier builds (6 bits a character): read, never written any more.
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| damaged(tr("lead.storage_not_base64")))?;
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES)
            .map_err(|_| damaged(tr("lead.storage_no_unpack")))?
    } else {
        return Ok(std::borrow::Cow::Borrowed(raw));
    };
    String::from_utf8(json)
        .map(std::borrow::Cow::Owned)
        .map_err(|_| damaged("not text"))
}

/// Decodes a stored assessment record, packed or not; `fetch` gives its parts' JSON.
fn decode(
    raw: &str,
    base: Option<(&Assessment, &BTreeMap<String, String>)>,
    fetch: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<format::StoredRecord, FormatError> {
    format::decode_stored_record(&unpack(raw)?, base, fetch)
}

fn part_key(id: Uuid, name: &str, reference: &str) -> String {
    format!("{PART_PREFIX}{id}/{name}/{reference}")
}

/// (assessment, list name, reference) of a part key.
fn parse_part_key(key: &str) -> Option<(Uuid, &str, &str)> {
    let mut fields = key.strip_prefix(PART_PREFIX)?.splitn(3, '/');
    let id = Uuid::parse_str(fields.next()?).ok()?;
    Some((id, fields.next()?, fields.next()?))
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

/// A store of string values under string keys: the browser's localStorage in the app, a map in
/// native tests, so both run the same save.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    /// Whether the key is gone afterwards.
    fn remove(&mut self, key: &str) -> bool;
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
    /// Index, meta and assessment records, as last read or written.
    records: BTreeMap<String, String>,
    revisions: HashMap<Uuid, u64>,
    /// The assessment each record holds, as last read or written.
    copies: HashMap<Uuid, Assessment>,
    /// The parts each assessment's record names (list name → reference).
    named: HashMap<Uuid, BTreeMap<String, String>>,
    /// Part keys known to be in storage, with the characters each takes (key and value).
    part_chars: BTreeMap<String, usize>,
    /// Parts no record names any more (left by a save that stopped half way): removed next save.
    garbage: Vec<String>,
    /// Keys that failed to load: never written or removed.
    protected: HashSet<String>,
    /// Makes this tab's part keys its own, so two tabs saving at once never write the same key.
    token: String,
    /// Assessments read at start with their parts left to read on first use, not checked yet:
    /// the stored text of each part they name, by key, to say what is wrong if one fails.
    later: BTreeMap<Uuid, HashMap<String, Arc<str>>>,
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

    fn wrote(&mut self, write: &Write) {
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

    fn removed(&mut self, key: &str) {
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

    /// Notes record `id` as read from storage holding `record` (its text `raw`); `lengths` gives
    /// the characters each newly read part takes.
    fn took(&mut self, key: &str, raw: &str, record: &format::StoredRecord, lengths: PartLengths) {
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
        self.copies.insert(id, record.assessment.clone());
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
    fn read<'a>(
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

    /// Takes `stored` (what the key holds now) as the base this tab works from, so its next save
    /// replaces it, and returns what it holds: used to settle a conflict either way.
    pub fn rebase(
        &mut self,
        id: Uuid,
        stored: Option<&str>,
        get: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Option<Assessment>, FormatError> {
        let key = assessment_key(id);
        let Some(value) = stored else {
            self.removed(&key);
            return Ok(None);
        };
        let lengths = PartLengths::default();
        match self.read(id, value, &|k| get(k).map(Cow::Owned), &lengths) {
            Ok(record) => {
                self.took(&key, value, &record, lengths);
                Ok(Some(record.assessment))
            }
            Err(error) => {
                // Unreadable there: no copy and no parts to keep, so this tab's version counts
                // as changed and is saved whole.
                self.copies.remove(&id);
                self.named.remove(&id);
                self.revisions.insert(id, revision_of(value));
                self.records.insert(key, value.to_string());
                Err(error)
            }
        }
    }

    /// What another tab's change of `key` to `new_value` means here; `local` is this tab's copy
    /// and `get` reads the parts the new record names.
    pub fn external(
        &mut self,
        key: &str,
        new_value: Option<&str>,
        local: Option<&Assessment>,
        get: &dyn Fn(&str) -> Option<String>,
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
            Some(value) => {
                let lengths = PartLengths::default();
                match self.read(id, value, &|k| get(k).map(Cow::Owned), &lengths) {
                    Ok(record) => {
                        self.took(key, value, &record, lengths);
                        External::Adopt(Box::new(record.assessment))
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
                }
            }
        }
    }
}

/// Parts read while decoding a record: (key, characters of key and value).
type PartLengths = std::cell::RefCell<Vec<(String, usize)>>;

/// Characters a string takes in localStorage (which counts UTF-16 code units).
fn chars(s: &str) -> usize {
    // One per character (every byte but UTF-8 continuation bytes), one more for each character
    // outside the BMP (those with a four-byte lead), which UTF-16 writes as two.
    s.bytes()
        .map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0))
        .sum()
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

/// The key a copy of unreadable record `key` holding `raw` is kept under: named by a fingerprint
/// of the content, so the same content is copied once and a different one never replaces it.
pub fn backup_key(key: &str, raw: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(raw.as_bytes());
    let short = format::hex(&digest[..6]);
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
                let (mut loaded, mut saved) = read_records(index.as_deref(), &records);
                saved.token = Uuid::new_v4().simple().to_string()[..8].to_string();
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

    /// An assessment whose parts start-up left for later and that is not checked yet, if any.
    pub fn next_unchecked(&self) -> Option<Uuid> {
        self.saved.next_unchecked()
    }

    /// See [`Saved::read_one_part`].
    pub fn read_one_part(&self, id: Uuid) -> bool {
        self.saved.read_one_part(id)
    }

    /// Checks assessment `id` if start-up left its parts for later (see [`Saved::check`]); a
    /// record that fails is copied aside like one that failed at start.
    pub fn check(&mut self, id: Uuid) -> Option<Unreadable> {
        let mut unreadable = self.saved.check(id)?;
        if let Some(s) = &self.inner {
            unreadable.backup_key = keep_backup(s, &unreadable);
        }
        Some(unreadable)
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
        apply(&mut self.saved, &mut Browser(s), &plan)
    }

    /// Interprets another tab's change reported by the storage event.
    pub fn external(
        &mut self,
        key: &str,
        new_value: Option<&str>,
        local: Option<&Assessment>,
    ) -> External {
        let inner = &self.inner;
        let get = |key: &str| read(inner.as_ref(), key);
        self.saved.external(key, new_value, local, &get)
    }

    fn get(&self, key: &str) -> Option<String> {
        read(self.inner.as_ref(), key)
    }

    /// Settles a conflict for `id` in favour of this tab: its next save replaces the other tab's.
    pub fn keep_mine(&mut self, id: Uuid) {
        let stored = self.get(&assessment_key(id));
        let inner = &self.inner;
        let get = |key: &str| read(inner.as_ref(), key);
        _ = self.saved.rebase(id, stored.as_deref(), &get);
    }

    /// Settles a conflict for `id` in favour of the other tab: returns its copy (None if it was
    /// deleted there), which becomes this tab's base.
    pub fn take_theirs(&mut self, id: Uuid) -> Result<Option<Assessment>, FormatError> {
        let stored = self.get(&assessment_key(id));
        let inner = &self.inner;
        let get = |key: &str| read(inner.as_ref(), key);
        self.saved.rebase(id, stored.as_deref(), &get)
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

fn read(storage: Option<&web_sys::Storage>, key: &str) -> Option<String> {
    storage.and_then(|s| s.get_item(key).ok().flatten())
}

/// The browser's localStorage as a [`Store`].
struct Browser<'a>(&'a web_sys::Storage);

impl Store for Browser<'_> {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) -> bool {
        self.0.remove_item(key).is_ok()
    }
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

    /// A simulated localStorage.
    impl Store for BTreeMap<String, String> {
        fn get(&self, key: &str) -> Option<String> {
            BTreeMap::get(self, key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
            self.insert(key.to_string(), value.to_string());
            Ok(())
        }
        fn remove(&mut self, key: &str) -> bool {
            BTreeMap::remove(self, key);
            true
        }
    }

    /// Saves `w` the way `Storage::save` does.
    fn save(saved: &mut Saved, store: &mut BTreeMap<String, String>, w: &Workspace) -> SaveReport {
        let plan = saved.plan(w, &log());
        apply(saved, store, &plan).unwrap()
    }

    /// Reads a key of `store`, as the storage event's handling does.
    fn getter(store: &BTreeMap<String, String>) -> impl Fn(&str) -> Option<String> + '_ {
        |key| store.get(key).cloned()
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
            assert_eq!(
                saved.external(&bad_key, Some("{}"), None, &|_| None),
                External::Ignore
            );
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
        _ = saved_b.rebase(
            Uuid::from_u128(1),
            store.get(&key).map(String::as_str),
            &getter(&store.clone()),
        );
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
        let adopted = match saved_b.external(
            &key1,
            new,
            tab_b.workspace.get(Uuid::from_u128(1)),
            &getter(&store),
        ) {
            External::Adopt(a) => a,
            other => panic!("expected Adopt, got {other:?}"),
        };
        assert_eq!(adopted.name, "From A");
        // The echo of what this tab already has is ignored.
        assert_eq!(
            saved_b.external(&key1, new, None, &getter(&store)),
            External::Ignore
        );

        // B edits assessment 2 and, before B's save, A saves it too.
        let mut b_copy = tab_b.workspace.get(Uuid::from_u128(2)).unwrap().clone();
        b_copy.name = "B's unsaved".into();
        rename(&mut tab_a.workspace, 2, "A again");
        save(&mut saved_a, &mut store, &tab_a.workspace);
        let new = store.get(&key2).map(String::as_str);
        assert_eq!(
            saved_b.external(&key2, new, Some(&b_copy), &getter(&store)),
            External::Conflict(Uuid::from_u128(2))
        );

        // A deletes assessment 1: B, with no edits to it, lets it go.
        tab_a.workspace.remove(Uuid::from_u128(1));
        save(&mut saved_a, &mut store, &tab_a.workspace);
        assert_eq!(
            saved_b.external(&key1, None, Some(&adopted), &getter(&store)),
            External::Removed(Uuid::from_u128(1))
        );
    }

    #[test]
    fn large_records_are_stored_deflated_and_load_back_equal() {
        let content = crate::content::get();
        let demo =
            crate::domain::demo::demo_assessment(content, DateTime::from_timestamp(0, 0).unwrap());
        let mut w = ws(1);
        w.assessments.push(demo.clone());
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &w);
        let small = &store[&assessment_key(Uuid::from_u128(1))];
        assert!(small.starts_with('{'), "small records stay plain JSON");
        let (loaded, saved) = load(&store);
        assert_eq!(loaded.workspace, w);
        assert!(
            saved.plan(&w, &log()).is_empty(),
            "nothing to write after loading"
        );
        let big = "x".repeat(PACK_FROM_BYTES * 3);
        let packed = pack(big.clone());
        assert!(packed.starts_with(PACKED15_TAG));
        assert!(packed.len() * 10 < big.len());
        assert_eq!(unpack(&packed).unwrap(), big);
    }

    fn heavy() -> Workspace {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut w = ws(1);
        w.assessments
            .push(crate::domain::demo::large::heavy_assessment(1, today));
        w
    }

    fn store_chars(store: &BTreeMap<String, String>) -> usize {
        store.iter().map(|(k, v)| chars(k) + chars(v)).sum()
    }

    fn part_keys(store: &BTreeMap<String, String>) -> Vec<String> {
        store
            .keys()
            .filter(|k| k.starts_with(PART_PREFIX))
            .cloned()
            .collect()
    }

    #[test]
    fn bulky_lists_are_stored_apart_and_an_answer_change_rewrites_only_the_record() {
        let mut w = heavy();
        let id = w.assessments[1].id;
        let mut saved = Saved::default();
        let mut store = BTreeMap::new();
        save(&mut saved, &mut store, &w);
        let parts = part_keys(&store);
        let names: Vec<&str> = parts
            .iter()
            .filter_map(|k| parse_part_key(k).map(|(_, name, _)| name))
            .collect();
        assert_eq!(
            names,
            ["initiatives", "kpis", "risks", "scorecards", "snapshots"]
        );
        assert!(parts.iter().all(|k| store[k].starts_with(PACKED15_TAG)));
        let record_chars = store[&assessment_key(id)].len();
        let total: usize = store.values().map(String::len).sum();
        assert!(record_chars * 20 < total, "{record_chars} of {total}");
        assert_eq!(saved.used_chars(), store_chars(&store));

        w.assessments[1].answers.clear();
        let plan = saved.plan(&w, &log());
        assert_eq!(plan.writes.len(), 1);
        assert!(plan.writes[0].parts.is_empty(), "no part rewritten");
        assert!(plan.writes[0].stale.is_empty());
        assert!(plan.writes[0].value.len() < 32 * 1024);
        apply(&mut saved, &mut store, &plan).unwrap();
        assert_eq!(part_keys(&store), parts);
        let (loaded, again) = load(&store);
        assert_eq!(loaded.workspace, w);
        assert!(again.plan(&w, &log()).is_empty());
    }

    #[test]
    fn a_changed_list_gets_a_new_key_and_the_one_it_replaces_is_removed() {
        let mut w = heavy();
        let mut saved = Saved::default();
        let mut store = BTreeMap::new();
        save(&mut saved, &mut store, &w);
        let before = part_keys(&store);
        w.assessments[1].kpis[0].measurements[0].value += 1.0;
        let plan = saved.plan(&w, &log());
        assert_eq!(plan.writes[0].parts.len(), 1);
        assert!(plan.writes[0].parts[0].0.contains("/kpis/2"));
        apply(&mut saved, &mut store, &plan).unwrap();
        let after = part_keys(&store);
        assert_eq!(after.len(), before.len());
        let gone: Vec<_> = before.iter().filter(|k| !after.contains(k)).collect();
        assert_eq!(gone.len(), 1);
        assert!(gone[0].contains("/kpis/1"));
        assert_eq!(load(&store).0.workspace, w);
        // Deleting the assessment removes its parts too.
        w.remove(w.assessments[1].id);
        save(&mut saved, &mut store, &w);
        assert!(part_keys(&store).is_empty());
        assert_eq!(saved.used_chars(), store_chars(&store));
    }

    #[test]
    fn a_save_that_stops_after_its_parts_leaves_the_previous_record_whole() {
        let w = heavy();
        let mut saved = Saved {
            token: "tab1".into(),
            ..Saved::default()
        };
        let mut store = BTreeMap::new();
        save(&mut saved, &mut store, &w);
        let mut changed = w.clone();
        changed.assessments[1].kpis[0].name = "Renamed".into();
        changed.assessments[1].risks[0].title = "Renamed".into();
        let plan = saved.plan(&changed, &log());
        // The tab closes after writing one part, before the record.
        let (key, value) = &plan.writes[0].parts[0];
        store.insert(key.clone(), value.clone());
        let (loaded, mut saved) = load(&store);
        assert_eq!(loaded.workspace, w, "the last whole save, not a mix");
        assert!(
            !saved.plan(&w, &log()).removals.contains(key),
            "a part newer than its record may be another tab's save in progress"
        );
        // A later save passes that revision: the leftover is then removed.
        save(&mut saved, &mut store, &changed);
        let (_, mut saved) = load(&store);
        let mut again = changed.clone();
        again.assessments[1].kpis[0].name = "Again".into();
        save(&mut saved, &mut store, &again);
        let (_, saved) = load(&store);
        save(&mut { saved }, &mut store, &again);
        assert!(!store.contains_key(key), "leftover removed");
        let named: usize = part_keys(&store).len();
        assert_eq!(named, 5, "{:?}", part_keys(&store));
        assert_eq!(load(&store).0.workspace, again);
    }

    #[test]
    fn another_tab_reads_only_the_parts_that_changed() {
        let w = heavy();
        let id = w.assessments[1].id;
        let key = assessment_key(id);
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &w);
        let (mut tab_a, mut saved_a) = load(&store);
        let (tab_b, mut saved_b) = load(&store);
        // As the app does once start-up is over (and before taking in another tab's save): a copy
        // whose lists are still unchecked cannot vouch for them, so they would all be read again.
        assert_eq!(saved_b.check(id), None);
        let reads = std::cell::RefCell::new(Vec::new());

        tab_a.workspace.assessments[1].name = "From A".into();
        save(&mut saved_a, &mut store, &tab_a.workspace);
        let get = |k: &str| {
            reads.borrow_mut().push(k.to_string());
            store.get(k).cloned()
        };
        let new = store.get(&key).map(String::as_str);
        let External::Adopt(adopted) = saved_b.external(&key, new, tab_b.workspace.get(id), &get)
        else {
            panic!("expected Adopt");
        };
        assert_eq!(*adopted, tab_a.workspace.assessments[1]);
        assert!(reads.borrow().is_empty(), "{:?}", reads.borrow());

        tab_a.workspace.assessments[1].kpis[3].name = "KPI from A".into();
        save(&mut saved_a, &mut store, &tab_a.workspace);
        let get = |k: &str| {
            reads.borrow_mut().push(k.to_string());
            store.get(k).cloned()
        };
        let new = store.get(&key).map(String::as_str);
        let External::Adopt(adopted) = saved_b.external(&key, new, Some(&adopted), &get) else {
            panic!("expected Adopt");
        };
        assert_eq!(*adopted, tab_a.workspace.assessments[1]);
        assert_eq!(reads.borrow().len(), 1);
        assert!(reads.borrow()[0].contains("/kpis/"));
    }

    #[test]
    fn a_record_whose_part_is_missing_is_unreadable_and_its_parts_are_kept() {
        let w = heavy();
        let id = w.assessments[1].id;
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &w);
        let kpis = part_keys(&store)
            .into_iter()
            .find(|k| k.contains("/kpis/"))
            .unwrap();
        store.remove(&kpis);
        let (loaded, saved) = load(&store);
        assert_eq!(loaded.workspace.assessments.len(), 1);
        assert_eq!(loaded.unreadable.len(), 1);
        let why = loaded.unreadable[0].error.to_string();
        assert!(why.contains("kpis") && why.contains("missing"), "{why}");
        let plan = saved.plan(&loaded.workspace, &log());
        assert!(plan.removals.is_empty(), "{:?}", plan.removals);
        assert!(plan.writes.iter().all(|w| w.key != assessment_key(id)));
    }

    /// The heavy workspace saved, and the key of its KPI part with `change` made to its JSON.
    fn heavy_with_kpis(
        change: impl FnOnce(&mut serde_json::Value),
    ) -> (Workspace, BTreeMap<String, String>) {
        let w = heavy();
        let mut store = BTreeMap::new();
        save(&mut Saved::default(), &mut store, &w);
        let key = part_keys(&store)
            .into_iter()
            .find(|k| k.contains("/kpis/"))
            .unwrap();
        let mut kpis: serde_json::Value =
            serde_json::from_str(&unpack(&store[&key]).unwrap()).unwrap();
        change(&mut kpis);
        store.insert(key, pack(kpis.to_string()));
        (w, store)
    }

    #[test]
    fn parts_are_read_on_first_use_and_checked_after_start() {
        let (w, store) = heavy_with_kpis(|_| {});
        let id = w.assessments[1].id;
        let (loaded, mut saved) = load(&store);
        assert!(loaded.unreadable.is_empty());
        let got = &loaded.workspace.assessments[1];
        // The list can show without a single measurement decoded.
        assert!(!got.kpis.is_read() && !got.initiatives.is_read() && !got.risks.is_read());
        assert_eq!(got.answers, w.assessments[1].answers);
        assert_eq!(saved.next_unchecked(), Some(id));
        // Read a list at a time, so a large assessment spreads over several short tasks.
        let mut steps = 0;
        while saved.read_one_part(id) {
            steps += 1;
            let read = [
                got.kpis.is_read(),
                got.snapshots.is_read(),
                got.initiatives.is_read(),
                got.scorecards.is_read(),
                got.risks.is_read(),
            ];
            assert_eq!(read.iter().filter(|r| **r).count(), steps);
        }
        assert_eq!(steps, 5, "the heavy assessment stores five lists apart");
        assert_eq!(saved.check(id), None);
        assert!(got.kpis.is_read() && got.risks.is_read());
        assert!(!saved.read_one_part(id), "nothing left once checked");
        assert_eq!(saved.next_unchecked(), None);
        assert_eq!(loaded.workspace, w);
        // Nothing changed, so nothing is written.
        assert!(saved.plan(&loaded.workspace, &log()).is_empty());
    }

    #[test]
    fn a_part_that_fails_its_late_check_is_set_aside_with_the_path_of_the_problem() {
        let (w, store) =
            heavy_with_kpis(|kpis| kpis[0]["measurements"][3]["value"] = "lots".into());
        let id = w.assessments[1].id;
        let (loaded, mut saved) = load(&store);
        assert!(
            loaded.unreadable.is_empty(),
            "found only when its parts are read"
        );
        let unreadable = saved.check(id).expect("the damaged part is found");
        assert_eq!(unreadable.key, assessment_key(id));
        assert_eq!(unreadable.raw, store[&assessment_key(id)]);
        let why = unreadable.error.to_string();
        assert!(why.contains("kpis[0].measurements[3].value"), "{why}");
        assert_eq!(saved.next_unchecked(), None);
        // From then on it is treated as a record that failed to load: never written or removed,
        // its parts kept, even when the app drops it from the list.
        let mut rest = loaded.workspace.clone();
        rest.assessments.retain(|a| a.id != id);
        let plan = saved.plan(&rest, &log());
        assert!(plan.writes.iter().all(|w| w.key != assessment_key(id)));
        assert!(plan.removals.is_empty(), "{:?}", plan.removals);
    }

    #[test]
    fn a_part_that_reads_but_breaks_a_rule_is_set_aside_too() {
        let (w, store) = heavy_with_kpis(|kpis| kpis[1]["name"] = "x".repeat(100_000).into());
        let id = w.assessments[1].id;
        let (_, mut saved) = load(&store);
        let why = saved
            .check(id)
            .expect("the long name is found")
            .error
            .to_string();
        assert!(why.contains("kpis[1].name"), "{why}");
    }

    proptest::proptest! {
        #[test]
        fn fifteen_bits_a_character_round_trip(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let mut text = String::new();
            to_chars(&bytes, &mut text);
            proptest::prop_assert_eq!(from_chars(&text), Some(bytes.clone()));
            proptest::prop_assert!(text.chars().skip(1).all(|c| (0x4000..0xc000).contains(&(c as u32))));
            proptest::prop_assert_eq!(text.chars().count(), 1 + (bytes.len() * 8).div_ceil(15));
        }

        #[test]
        fn packing_round_trips(json in "[ -~]{0,80}", repeat in 1usize..3000) {
            let json = json.repeat(repeat);
            let packed = pack(json.clone());
            proptest::prop_assert_eq!(unpack(&packed).unwrap(), json);
        }
    }

    #[test]
    fn records_packed_by_earlier_builds_still_read() {
        use base64::Engine;
        let json = format::encode_stored_revision(
            &crate::domain::demo::demo_assessment(
                crate::content::get(),
                DateTime::from_timestamp(0, 0).unwrap(),
            ),
            3,
        );
        let old = format!(
            "{PACKED_TAG}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 1))
        );
        assert_eq!(unpack(&old).unwrap(), json);
        let new = pack(json.clone());
        assert!(
            chars(&new) * 2 < old.len(),
            "{} characters now, {} before",
            chars(&new),
            old.len()
        );
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
            "z2:",
            "z2:12",
            "z2:12:",
            "z2:12:0abc",
            "z2:999999999999:0\u{4000}",
            "z2:5:0\u{4000}\u{4000}",
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
