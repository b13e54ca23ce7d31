//! Where things live in localStorage: the key of each kind of record, the helpers that build and
//! parse keys, and what a key and its value cost against the quota. Never reads or writes storage.

use uuid::Uuid;

pub(super) const PREFIX: &str = "cto-workbench/v1/";
pub(super) const INDEX_KEY: &str = "cto-workbench/v1/index";
pub(super) const META_KEY: &str = "cto-workbench/v1/meta";
pub(super) const ASSESSMENT_PREFIX: &str = "cto-workbench/v1/assessment/";
/// Bulky lists of an assessment stored apart from its record: `<prefix><id>/<list>/<reference>`.
/// Never named by the storage event's handling: a record is taken in whole when it changes.
pub(super) const PART_PREFIX: &str = "cto-workbench/v1/part/";
/// Copies of unreadable records, and of the parts of those set aside; outside the assessment and
/// part prefixes, so they are never loaded or saved.
pub(super) const BACKUP_PREFIX: &str = "cto-workbench/v1/backup/";

pub(super) fn part_key(id: Uuid, name: &str, reference: &str) -> String {
    format!("{PART_PREFIX}{id}/{name}/{reference}")
}

/// (assessment, list name, reference) of a part key.
pub(super) fn parse_part_key(key: &str) -> Option<(Uuid, &str, &str)> {
    let mut fields = key.strip_prefix(PART_PREFIX)?.splitn(3, '/');
    let id = Uuid::parse_str(fields.next()?).ok()?;
    Some((id, fields.next()?, fields.next()?))
}

pub(super) fn assessment_key(id: Uuid) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The assessment a stored key belongs to, if it is an assessment record.
pub fn assessment_id(key: &str) -> Option<Uuid> {
    id_of(key)
}

pub(super) fn id_of(key: &str) -> Option<Uuid> {
    key.strip_prefix(ASSESSMENT_PREFIX)
        .and_then(|id| Uuid::parse_str(id).ok())
}

/// Characters a string takes in localStorage (which counts UTF-16 code units).
pub(super) fn chars(s: &str) -> usize {
    // One per character (every byte but UTF-8 continuation bytes), one more for each character
    // outside the BMP (those with a four-byte lead), which UTF-16 writes as two.
    s.bytes()
        .map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0))
        .sum()
}
