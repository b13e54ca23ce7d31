//! The workspace: every assessment kept in one browser, and the operations the list offers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::Assessment;

/// All assessments in this browser, in the order the user sees them (newest first).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub assessments: Vec<Assessment>,
}

/// An assessment taken out of the list, with where it stood, so the removal can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub assessment: Assessment,
}

/// How to bring in an imported assessment whose id is already in the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// The imported copy takes the place of the one here.
    Replace,
    /// Both stay; the imported copy gets a new id and a name that tells it apart.
    KeepBoth,
}

impl Workspace {
    pub fn get(&self, id: Uuid) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn get_mut(&mut self, id: Uuid) -> Option<&mut Assessment> {
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    pub fn contains(&self, id: Uuid) -> bool {
        self.get(id).is_some()
    }

    /// Adds a new empty assessment at the top and returns its id.
    pub fn create(&mut self, id: Uuid, name: &str, now: DateTime<Utc>) -> Uuid {
        self.assessments.insert(0, Assessment::new(id, name, now));
        id
    }

    /// Applies `edit` to one assessment and stamps its update time; false when the id is unknown.
    pub fn update(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        edit: impl FnOnce(&mut Assessment),
    ) -> bool {
        match self.get_mut(id) {
            Some(a) => {
                edit(a);
                a.updated_at = now;
                true
            }
            None => false,
        }
    }

    pub fn rename(&mut self, id: Uuid, name: &str, now: DateTime<Utc>) -> bool {
        self.update(id, now, |a| a.name = name.to_string())
    }

    /// Copies an assessment under a new id, placed just above the original.
    pub fn duplicate(&mut self, id: Uuid, new_id: Uuid, now: DateTime<Utc>) -> Option<Uuid> {
        let index = self.assessments.iter().position(|a| a.id == id)?;
        let mut copy = self.assessments[index].clone();
        copy.id = new_id;
        copy.name = crate::i18n::trf(
            "domain.workspace_copy_name",
            &[("name", &self.assessments[index].display_name())],
        );
        copy.created_at = now;
        copy.updated_at = now;
        self.assessments.insert(index, copy);
        Some(new_id)
    }

    pub fn remove(&mut self, id: Uuid) -> Option<Removed> {
        let index = self.assessments.iter().position(|a| a.id == id)?;
        Some(Removed {
            index,
            assessment: self.assessments.remove(index),
        })
    }

    /// Puts a removed assessment back where it was (or at the end if the list has shrunk).
    pub fn restore(&mut self, removed: Removed) {
        if self.contains(removed.assessment.id) {
            return;
        }
        let index = removed.index.min(self.assessments.len());
        self.assessments.insert(index, removed.assessment);
    }

    /// Takes out of `incoming` each assessment identical to the copy here (same id and the same
    /// content field for field, so the file's key order, spacing or fingerprint do not matter;
    /// private notes a client's copy leaves out count as the ones here, see
    /// [`super::merge::same_apart_from_missing_notes`]):
    /// importing it would change nothing, so it is not offered as a conflict. Returns the ones
    /// taken out, as they are here.
    pub fn take_identical(&self, incoming: &mut Vec<Assessment>) -> Vec<Assessment> {
        let mut same = Vec::new();
        incoming.retain(|a| match self.get(a.id) {
            Some(here) if super::merge::same_apart_from_missing_notes(here, a) => {
                same.push(here.clone());
                false
            }
            _ => true,
        });
        same
    }

    /// Adds imported assessments; `decide` chooses for each one whose id is already here.
    /// Returns the ids as they are in the workspace afterwards, in import order.
    pub fn import(
        &mut self,
        incoming: Vec<Assessment>,
        mut decide: impl FnMut(&Assessment) -> OnConflict,
        mut new_id: impl FnMut() -> Uuid,
    ) -> Vec<Uuid> {
        let mut ids = Vec::with_capacity(incoming.len());
        // New arrivals go to the top in the file's own order, so a workspace exported and
        // imported into an empty browser comes back exactly as it was.
        let mut top = 0;
        for mut a in incoming {
            match self.assessments.iter().position(|x| x.id == a.id) {
                None => {
                    ids.push(a.id);
                    self.assessments.insert(top, a);
                    top += 1;
                }
                Some(i) => match decide(&a) {
                    OnConflict::Replace => {
                        ids.push(a.id);
                        // A client file never carries private notes: keep this browser's.
                        crate::domain::review::keep_private_notes(&mut a, &self.assessments[i]);
                        self.assessments[i] = a;
                    }
                    OnConflict::KeepBoth => {
                        a.id = new_id();
                        a.name = crate::i18n::trf(
                            "domain.workspace_imported_name",
                            &[("name", &a.display_name())],
                        );
                        ids.push(a.id);
                        self.assessments.insert(top, a);
                        top += 1;
                    }
                },
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(n: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + n, 0).unwrap()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn identical_copies_are_taken_out_and_changed_ones_stay() {
        let mut w = Workspace::default();
        w.create(id(1), "One", t(0));
        w.create(id(2), "Two", t(0));
        let mut changed = w.get(id(2)).unwrap().clone();
        changed.name = "Two, edited".into();
        let mut incoming = vec![
            w.get(id(1)).unwrap().clone(),
            changed.clone(),
            Assessment::new(id(3), "Three", t(0)),
        ];
        let same = w.take_identical(&mut incoming);
        assert_eq!(same.iter().map(|a| a.id).collect::<Vec<_>>(), [id(1)]);
        assert_eq!(
            incoming.iter().map(|a| a.id).collect::<Vec<_>>(),
            [id(2), id(3)]
        );
        // The same content read from a file with other spacing and key order is identical.
        let now = t(5);
        let text = crate::format::export(crate::format::FileKind::Assessment, &[changed], now);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let compact = value.to_string();
        assert_ne!(compact, text);
        let mut again = crate::format::import(&compact).unwrap().assessments;
        w.get_mut(id(2)).unwrap().name = "Two, edited".into();
        assert_eq!(w.take_identical(&mut again).len(), 1);
        assert!(again.is_empty());
    }

    fn names(w: &Workspace) -> Vec<String> {
        w.assessments.iter().map(|a| a.display_name()).collect()
    }

    #[test]
    fn create_puts_newest_first() {
        let mut w = Workspace::default();
        w.create(id(1), "First", t(0));
        w.create(id(2), "Second", t(1));
        assert_eq!(names(&w), ["Second", "First"]);
    }

    #[test]
    fn rename_stamps_update_time_and_ignores_unknown_ids() {
        let mut w = Workspace::default();
        w.create(id(1), "Old", t(0));
        assert!(w.rename(id(1), "New", t(5)));
        assert_eq!(w.get(id(1)).unwrap().name, "New");
        assert_eq!(w.get(id(1)).unwrap().updated_at, t(5));
        assert_eq!(w.get(id(1)).unwrap().created_at, t(0));
        assert!(!w.rename(id(9), "x", t(6)));
    }

    #[test]
    fn duplicate_copies_content_under_new_id() {
        let mut w = Workspace::default();
        w.create(id(1), "Acme", t(0));
        w.update(id(1), t(1), |a| a.profile.industry = "Retail".into());
        assert_eq!(w.duplicate(id(1), id(2), t(2)), Some(id(2)));
        let copy = w.get(id(2)).unwrap();
        assert_eq!(copy.name, "Acme (copy)");
        assert_eq!(copy.profile.industry, "Retail");
        assert_eq!(copy.created_at, t(2));
        assert_eq!(w.duplicate(id(7), id(8), t(3)), None);
    }

    #[test]
    fn remove_then_restore_returns_to_same_place() {
        let mut w = Workspace::default();
        for n in 1..=3 {
            w.create(id(n), &format!("A{n}"), t(n as i64));
        }
        let before = w.clone();
        let removed = w.remove(id(2)).unwrap();
        assert_eq!(names(&w), ["A3", "A1"]);
        w.restore(removed.clone());
        assert_eq!(w, before);
        // Restoring twice must not create a second copy.
        w.restore(removed);
        assert_eq!(w, before);
    }

    #[test]
    fn import_into_empty_workspace_keeps_the_file_order() {
        let mut source = Workspace::default();
        for n in 1..=3 {
            source.create(id(n), &format!("A{n}"), t(n as i64));
        }
        let mut w = Workspace::default();
        w.import(
            source.assessments.clone(),
            |_| OnConflict::Replace,
            || id(0),
        );
        assert_eq!(w, source);
    }

    #[test]
    fn import_replaces_or_keeps_both_on_conflict() {
        let mut w = Workspace::default();
        w.create(id(1), "Mine", t(0));
        let mut theirs = Assessment::new(id(1), "Theirs", t(1));
        theirs.profile.industry = "Health".into();
        let fresh = Assessment::new(id(2), "Fresh", t(1));

        let mut kept = w.clone();
        let ids = kept.import(
            vec![theirs.clone(), fresh.clone()],
            |_| OnConflict::KeepBoth,
            || id(99),
        );
        assert_eq!(ids, [id(99), id(2)]);
        assert_eq!(names(&kept), ["Theirs (imported)", "Fresh", "Mine"]);
        assert_eq!(kept.get(id(99)).unwrap().profile.industry, "Health");

        let ids = w.import(vec![theirs.clone()], |_| OnConflict::Replace, || id(98));
        assert_eq!(ids, [id(1)]);
        assert_eq!(w.assessments, vec![theirs]);
    }

    #[test]
    fn replacing_from_a_client_file_keeps_the_private_notes_here() {
        use crate::domain::review::{set_answer_review, Reviewer};
        let marc = Reviewer {
            id: id(81),
            name: "Marc".into(),
        };
        let mut w = Workspace::default();
        w.create(id(1), "Mine", t(0));
        set_answer_review(&mut w.assessments[0], &marc, t(1), "a.q1", |x| {
            x.level = Some(2);
            x.private_note = "Ask about on-call".into();
        });
        let (mut client, _) =
            crate::format::client::without_private_notes(&[w.assessments[0].clone()]);
        client[0].reviews[0]
            .answers
            .get_mut("a.q1")
            .unwrap()
            .comment = "Seen".into();
        w.import(client, |_| OnConflict::Replace, || id(98));
        let a = &w.assessments[0].reviews[0].answers["a.q1"];
        assert_eq!(a.comment, "Seen");
        assert_eq!(a.private_note, "Ask about on-call");
    }

    #[test]
    fn copies_and_untitled_names_in_chinese() {
        let mut w = Workspace::default();
        w.create(id(1), "甲公司", t(0));
        w.create(id(2), " ", t(1));
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        w.duplicate(id(1), id(3), t(2));
        let shown = names(&w);
        crate::i18n::set_current(crate::i18n::Lang::En);
        assert!(shown.contains(&"甲公司（副本）".to_string()), "{shown:?}");
        assert!(shown.contains(&"未命名评估".to_string()), "{shown:?}");
        // The copy's name is stored; the placeholder is only shown.
        assert!(names(&w).contains(&"甲公司（副本）".to_string()));
        assert!(names(&w).contains(&"Untitled assessment".to_string()));
    }
}
