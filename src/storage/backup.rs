//! Backups: copies of records this version cannot read, kept under their own keys so a later save
//! never overwrites them ([`backup_key`]), and the emergency export after a crash. Nothing here
//! ever removes or changes a backup copy.

use super::browser::{local_storage, stored_pairs};
use super::keys::{BACKUP_PREFIX, INDEX_KEY, PREFIX};
use super::plan::Store;
use super::records::{read_records, Unreadable};
use crate::format;

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

/// Copies an unreadable record under its backup key, unless an identical copy is already there.
pub(super) fn keep_backup(store: &mut dyn Store, u: &Unreadable) -> Option<String> {
    let key = backup_key(&u.key, &u.raw);
    if store.get(&key).as_deref() == Some(u.raw.as_str()) {
        return Some(key);
    }
    store.set(&key, &u.raw).ok().map(|()| key)
}

/// Everything readable in storage as a workspace file, for the error screen after a crash. Reads
/// only; records it cannot read stay where they are (and under their backup keys).
pub fn emergency_export(now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    let s = local_storage().ok()?;
    let records = stored_pairs(&s);
    let index = s.get_item(INDEX_KEY).ok().flatten();
    let (loaded, _) = read_records(index.as_deref(), &records);
    Some(format::export(
        format::FileKind::Workspace,
        &loaded.workspace.assessments,
        now,
    ))
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::storage::keys::{assessment_key, id_of};

    #[test]
    fn backup_keys_are_outside_the_loaded_prefix_and_follow_the_content() {
        let key = assessment_key(Uuid::from_u128(3));
        let a = backup_key(&key, "one");
        assert!(a.starts_with(BACKUP_PREFIX));
        assert!(id_of(&a).is_none());
        assert_eq!(a, backup_key(&key, "one"));
        assert_ne!(a, backup_key(&key, "two"));
    }
}
