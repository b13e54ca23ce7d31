//! Other tabs: what another tab's save, reported by the browser's storage event, means for this
//! tab ([`External`]), and settling a conflict either way ([`Saved::rebase`]). This tab never
//! takes in a change over its own unsaved edits, nor one to a record it could not read.

use std::borrow::Cow;

use uuid::Uuid;

use super::keys::{assessment_key, id_of};
use super::plan::Saved;
use super::records::{revision_of, PartLengths, Unreadable};
use crate::domain::Assessment;
use crate::format::FormatError;

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

impl Saved {
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::storage::tests::{getter, heavy, load, rename, save, ws};

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
}
