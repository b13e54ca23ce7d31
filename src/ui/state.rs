//! The app's shared state, provided once as context, and the actions that change it.
//!
//! Components read state through [`use_app_state`] and change it only through the methods here,
//! so every edit stamps the update time and reaches autosave the same way.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::workspace::{OnConflict, Removed};
use crate::domain::{demo, Assessment, Workspace};
use crate::format::{FormatError, Imported};
use crate::storage::{Storage, Unreadable};

/// What the save indicator shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    /// The last save failed; the text says why in plain words.
    NotSaved(String),
    /// Storage cannot be used at all: work lives in memory until exported.
    MemoryOnly(String),
}

/// Where an import stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ImportFlow {
    #[default]
    Idle,
    /// Nothing was changed; `message` says why and `problems` lists each one with its path.
    Failed {
        file_name: String,
        message: String,
        problems: Vec<String>,
    },
    /// The file is valid but some of its assessments are already here: ask before touching them.
    Confirm {
        file_name: String,
        imported: Imported,
        conflicts: Vec<Uuid>,
    },
    /// The user is comparing the copy here of assessment `id` with the file's, section by
    /// section; the rest of `Confirm` is kept so Cancel goes back to it unchanged.
    Merge {
        file_name: String,
        imported: Imported,
        conflicts: Vec<Uuid>,
        id: Uuid,
    },
}

/// A short message at the bottom of the screen, with an undo when the action can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub undo: Option<Removed>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub save_status: RwSignal<SaveStatus>,
    pub import: RwSignal<ImportFlow>,
    pub notice: RwSignal<Option<Notice>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub storage: StoredValue<Storage, LocalStorage>,
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens storage, loads the workspace and provides the state to every component below.
    pub fn provide() -> AppState {
        let (storage, loaded) = Storage::open();
        let save_status = match &storage.unavailable {
            Some(reason) => SaveStatus::MemoryOnly(reason.clone()),
            None => SaveStatus::Saved,
        };
        let state = AppState {
            workspace: RwSignal::new(loaded.workspace),
            save_status: RwSignal::new(save_status),
            import: RwSignal::new(ImportFlow::Idle),
            notice: RwSignal::new(None),
            unreadable: RwSignal::new(loaded.unreadable),
            storage: StoredValue::new_local(storage),
        };
        provide_context(state);
        state
    }

    /// Writes whatever changed since the last save and updates the indicator.
    pub fn save_now(&self) {
        let result = self
            .workspace
            .with_untracked(|w| self.storage.try_update_value(|s| s.save(w)));
        let status = match result {
            None => return,
            Some(Ok(_)) => SaveStatus::Saved,
            Some(Err(crate::storage::SaveError::Unavailable(reason))) => {
                SaveStatus::MemoryOnly(reason)
            }
            Some(Err(e)) => SaveStatus::NotSaved(e.to_string()),
        };
        self.save_status.set(status);
    }

    pub fn create(&self, name: &str) -> Uuid {
        let id = Uuid::new_v4();
        self.workspace
            .update(|w| _ = w.create(id, name, Utc::now()));
        id
    }

    /// Opens the demo, adding it first if it is not in the workspace yet.
    pub fn open_demo(&self) -> Uuid {
        let id = demo::DEMO_ID;
        if !self.workspace.with_untracked(|w| w.contains(id)) {
            self.workspace.update(|w| {
                w.assessments
                    .insert(0, demo::demo_assessment(crate::content::get(), Utc::now()))
            });
        }
        id
    }

    /// Applies an edit to one assessment; the update time is stamped here.
    pub fn edit(&self, id: Uuid, edit: impl FnOnce(&mut Assessment)) {
        self.workspace
            .update(|w| _ = w.update(id, Utc::now(), edit));
    }

    pub fn rename(&self, id: Uuid, name: &str) {
        self.workspace
            .update(|w| _ = w.rename(id, name, Utc::now()));
    }

    pub fn duplicate(&self, id: Uuid) -> Option<Uuid> {
        let mut created = None;
        self.workspace
            .update(|w| created = w.duplicate(id, Uuid::new_v4(), Utc::now()));
        created
    }

    pub fn delete(&self, id: Uuid) {
        let mut removed = None;
        self.workspace.update(|w| removed = w.remove(id));
        if let Some(removed) = removed {
            self.notice.set(Some(Notice {
                text: format!("Deleted “{}”.", removed.assessment.display_name()),
                undo: Some(removed),
            }));
        }
    }

    pub fn undo_notice(&self) {
        if let Some(Notice {
            undo: Some(removed),
            ..
        }) = self.notice.get_untracked()
        {
            let name = removed.assessment.display_name();
            self.workspace.update(|w| w.restore(removed));
            self.notice.set(Some(Notice {
                text: format!("Restored “{name}”."),
                undo: None,
            }));
        }
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            undo: None,
        }));
    }

    /// Takes a file's text: refuses it whole on any problem, asks about conflicts, else imports.
    /// Returns the id to open when the file held exactly one assessment and it was imported.
    pub fn receive_file(&self, file_name: String, text: &str) -> Option<Uuid> {
        match crate::format::import(text) {
            Err(error) => {
                self.refuse_file(file_name, &error);
                None
            }
            Ok(imported) => self.receive_imported(file_name, imported),
        }
    }

    /// Takes assessments that already passed every check (from a file or a share link): asks
    /// about conflicts, else imports. `source` names where they came from in messages.
    /// Returns the id to open when exactly one assessment was imported.
    pub fn receive_imported(&self, source: String, imported: Imported) -> Option<Uuid> {
        let conflicts: Vec<Uuid> = self.workspace.with_untracked(|w| {
            imported
                .assessments
                .iter()
                .filter(|a| w.contains(a.id))
                .map(|a| a.id)
                .collect()
        });
        if conflicts.is_empty() {
            self.finish_import(&source, imported, |_| OnConflict::KeepBoth)
        } else {
            self.import.set(ImportFlow::Confirm {
                file_name: source,
                imported,
                conflicts,
            });
            None
        }
    }

    pub fn refuse_file(&self, file_name: String, error: &FormatError) {
        let problems: Vec<String> = error.problems().iter().map(|p| p.to_string()).collect();
        let message = if problems.is_empty() {
            error.to_string()
        } else {
            match problems.len() {
                1 => "The file has a problem, so nothing was imported.".to_string(),
                n => format!("The file has {n} problems, so nothing was imported."),
            }
        };
        self.import.set(ImportFlow::Failed {
            file_name,
            message,
            problems,
        });
    }

    /// Merges the file's copy of the assessment being compared into the one here, in one edit,
    /// each section from the side chosen (mine where none is). Then goes back to the file's
    /// other assessments, if any; returns the merged id when the import is over.
    pub fn finish_merge(
        &self,
        choices: &std::collections::BTreeMap<
            crate::domain::merge::Section,
            crate::domain::merge::Choice,
        >,
    ) -> Option<Uuid> {
        use crate::domain::merge;
        let ImportFlow::Merge {
            file_name,
            mut imported,
            conflicts,
            id,
        } = self.import.get_untracked()
        else {
            return None;
        };
        let mine = self.workspace.with_untracked(|w| w.get(id).cloned());
        let index = imported.assessments.iter().position(|a| a.id == id);
        let (Some(mine), Some(index)) = (mine, index) else {
            // The copy here is gone (or never was): nothing to merge into, so ask again.
            self.import.set(ImportFlow::Confirm {
                file_name,
                imported,
                conflicts: conflicts.into_iter().filter(|c| *c != id).collect(),
            });
            return None;
        };
        let theirs = imported.assessments.remove(index);
        let differing = merge::diff(&mine, &theirs);
        let took = differing
            .iter()
            .filter(|d| choices.get(&d.section) == Some(&merge::Choice::TakeTheirs))
            .count();
        let merged = merge::merge_report(&mine, &theirs, choices);
        self.workspace.update(|w| {
            if let Some(a) = w.get_mut(id) {
                *a = merged.assessment;
            }
        });
        let mut text = merge::summary(took, differing.len() - took, merged.dropped_links);
        if imported.integrity == crate::format::Integrity::Edited {
            text.push_str(
                " ⚠ The file was changed after it was exported (its SHA-256 fingerprint no \
                 longer matches): check what you took from it.",
            );
        }
        self.notify(text);
        if imported.assessments.is_empty() {
            self.import.set(ImportFlow::Idle);
            Some(id)
        } else {
            self.import.set(ImportFlow::Confirm {
                file_name,
                imported,
                conflicts: conflicts.into_iter().filter(|c| *c != id).collect(),
            });
            None
        }
    }

    /// Adds the assessments of a checked file in one step, choosing per conflict with `decide`.
    pub fn finish_import(
        &self,
        file_name: &str,
        imported: Imported,
        decide: impl FnMut(&Assessment) -> OnConflict,
    ) -> Option<Uuid> {
        let count = imported.assessments.len();
        let mut ids = Vec::new();
        self.workspace.update(|w| {
            ids = w.import(imported.assessments, decide, Uuid::new_v4);
        });
        self.import.set(ImportFlow::Idle);
        let what = match count {
            1 => "1 assessment".to_string(),
            n => format!("{n} assessments"),
        };
        let migrated = imported
            .migrated_from
            .map(|v| format!(" The file was in format version {v} and has been updated."))
            .unwrap_or_default();
        let edited = if imported.integrity == crate::format::Integrity::Edited {
            " ⚠ The file was changed after it was exported (its SHA-256 fingerprint no longer \
             matches), by hand or by another tool: check it before relying on it."
        } else {
            ""
        };
        self.notify(format!(
            "Imported {what} from {file_name}.{migrated}{edited}"
        ));
        (ids.len() == 1).then(|| ids[0])
    }
}
