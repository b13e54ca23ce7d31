//! Backups: copies of records this version cannot read, kept under their own keys so a later save
//! never overwrites them ([`backup_key`]); setting such a record aside once its copy is in place,
//! with the parts stored apart for it; and the emergency export after a crash. Nothing here ever
//! removes or changes a backup copy.

use super::browser::{local_storage, stored_pairs};
use super::keys::{id_of, BACKUP_PREFIX, INDEX_KEY, PART_PREFIX, PREFIX};
use super::plan::{Saved, Store};
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

/// Moves unreadable record `item` out of the way once its backup copy is confirmed in place, so
/// the recovery screen stops coming back. The parts stored apart for its assessment go along, to
/// sit under the backup key (`<backup>/<list>/<reference>`): the copy stays whole, and no part is
/// left under the part prefix, where no record would name it and no load would ever remove it.
///
/// Returns false, with storage as it was, without a backup copy, when the record changed since it
/// was read, or when a part cannot be copied (a full quota): the parts are copied before anything
/// is removed.
pub(super) fn set_aside(saved: &mut Saved, store: &mut dyn Store, item: &Unreadable) -> bool {
    let Some(backup) = &item.backup_key else {
        return false;
    };
    let raw = Some(item.raw.as_str());
    if store.get(backup).as_deref() != raw || store.get(&item.key).as_deref() != raw {
        // No copy to fall back on, or someone changed the record since: leave it for the next
        // load to judge.
        return false;
    }
    let moves = part_moves(store, &item.key, backup);
    let copied = moves
        .iter()
        .take_while(|(from, to)| match store.get(from) {
            Some(value) => store.set(to, &value).is_ok(),
            None => true,
        })
        .count();
    if copied < moves.len() || !store.remove(&item.key) {
        for (_, to) in &moves[..copied] {
            store.remove(to);
        }
        return false;
    }
    saved.protected.remove(&item.key);
    saved.removed(&item.key);
    for (from, _) in &moves {
        // One that will not go stays where it was, as every part of a set-aside record once did;
        // its copy is under the backup key anyway.
        if store.remove(from) {
            saved.removed(from);
        }
    }
    true
}

/// The parts stored apart for record `key`, each with the key its copy takes beside `backup`.
fn part_moves(store: &dyn Store, key: &str, backup: &str) -> Vec<(String, String)> {
    let Some(id) = id_of(key) else {
        return Vec::new();
    };
    let prefix = format!("{PART_PREFIX}{id}/");
    store
        .keys(&prefix)
        .into_iter()
        .map(|part| {
            let to = format!("{backup}/{}", &part[prefix.len()..]);
            (part, to)
        })
        .collect()
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
    use std::collections::BTreeMap;

    use uuid::Uuid;

    use super::*;
    use crate::storage::faults::SaveError;
    use crate::storage::keys::assessment_key;
    use crate::storage::tests::{heavy_saved, heavy_with_kpis, load, part_keys, store_chars};

    #[test]
    fn backup_keys_are_outside_the_loaded_prefix_and_follow_the_content() {
        let key = assessment_key(Uuid::from_u128(3));
        let a = backup_key(&key, "one");
        assert!(a.starts_with(BACKUP_PREFIX));
        assert!(id_of(&a).is_none());
        assert_eq!(a, backup_key(&key, "one"));
        assert_ne!(a, backup_key(&key, "two"));
    }

    /// The keys of `store` under `prefix`, with their values.
    fn under(store: &BTreeMap<String, String>, prefix: &str) -> BTreeMap<String, String> {
        store
            .iter()
            .filter(|(key, _)| key.starts_with(prefix))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect()
    }

    /// The heavy workspace's stored assessment, with its KPI part gone: unreadable at load.
    fn heavy_missing_kpis() -> (Uuid, BTreeMap<String, String>) {
        let (w, mut store, kpis) = heavy_saved();
        store.remove(&kpis);
        (w.assessments[1].id, store)
    }

    /// The heavy workspace's stored assessment, with a KPI part that fails the late check.
    fn heavy_damaged_kpis() -> (Uuid, BTreeMap<String, String>) {
        let (w, store) =
            heavy_with_kpis(|kpis| kpis[0]["measurements"][3]["value"] = "lots".into());
        (w.assessments[1].id, store)
    }

    #[test]
    fn a_record_set_aside_takes_its_parts_along_and_leaves_no_orphan() {
        for (id, mut store) in [heavy_missing_kpis(), heavy_damaged_kpis()] {
            let (loaded, mut saved) = load(&store);
            let mut item = match loaded.unreadable.first() {
                Some(item) => item.clone(),
                None => saved.check(id).expect("found by the late check"),
            };
            item.backup_key = keep_backup(&mut store, &item);
            let backup = item.backup_key.clone().expect("copied");
            let parts = under(&store, &format!("{PART_PREFIX}{id}/"));
            assert!(parts.len() >= 4, "{parts:?}");

            assert!(set_aside(&mut saved, &mut store, &item));
            assert_eq!(under(&store, PART_PREFIX), BTreeMap::new(), "orphan parts");
            assert!(!store.contains_key(&item.key));
            // The copy stays whole: the record and each of its parts, unchanged.
            assert_eq!(store[&backup], item.raw);
            let copies = under(&store, &format!("{backup}/"));
            assert_eq!(
                copies.values().collect::<Vec<_>>(),
                parts.values().collect::<Vec<_>>()
            );
            // Neither this tab nor the next load counts, shows or keeps anything else of it.
            let live: BTreeMap<String, String> = store
                .iter()
                .filter(|(key, _)| !key.starts_with(BACKUP_PREFIX))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            assert_eq!(saved.used_chars(), store_chars(&live));
            let (again, saved_again) = load(&store);
            assert!(again.unreadable.is_empty());
            assert_eq!(saved_again.used_chars(), store_chars(&live));
        }
    }

    /// A store with room for `room` more writes; reads and removals always work.
    struct Quota<'a> {
        store: &'a mut BTreeMap<String, String>,
        room: usize,
    }

    impl Store for Quota<'_> {
        fn get(&self, key: &str) -> Option<String> {
            self.store.get(key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
            self.room = self.room.checked_sub(1).ok_or(SaveError::QuotaFull)?;
            Store::set(self.store, key, value)
        }
        fn remove(&mut self, key: &str) -> bool {
            Store::remove(self.store, key)
        }
        fn keys(&self, prefix: &str) -> Vec<String> {
            Store::keys(&*self.store, prefix)
        }
    }

    #[test]
    fn a_record_whose_parts_cannot_all_be_copied_is_left_as_it_was() {
        let (id, mut store) = heavy_damaged_kpis();
        let (_, mut saved) = load(&store);
        let mut item = saved.check(id).expect("found by the late check");
        item.backup_key = keep_backup(&mut store, &item);
        let before = store.clone();
        let mut full = Quota {
            store: &mut store,
            room: 2,
        };
        assert!(!set_aside(&mut saved, &mut full, &item));
        assert_eq!(store, before);
        // Once there is room, it goes.
        assert!(set_aside(&mut saved, &mut store, &item));
        assert!(part_keys(&store).is_empty());
    }
}
