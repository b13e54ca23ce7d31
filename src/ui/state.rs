//! The app's shared state, provided once as context, and the actions that change it.
//!
//! Components read state through [`use_app_state`] and change it only through the methods here,
//! so every edit stamps the update time and reaches autosave the same way.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::backup::ExportLog;
use crate::domain::history::{Bin, History};
use crate::domain::workspace::{OnConflict, Removed};
use crate::domain::{demo, Assessment, Workspace};
use crate::format::{FormatError, Imported};
use crate::storage::{External, SaveError, Storage, Unreadable};
use crate::ui::i18n::{t, tf};

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
    /// Whether the recovery screen for unreadable stored data is open.
    pub recovery_open: RwSignal<bool>,
    pub storage: StoredValue<Storage, LocalStorage>,
    /// Undo and redo steps per assessment; `history_changed` ticks when they change.
    pub history: StoredValue<History>,
    pub history_changed: RwSignal<u64>,
    /// Ticks when an assessment changes other than by typing here (undo, redo, another tab's
    /// save): sections re-read their text boxes from the assessment.
    pub reverted: RwSignal<u64>,
    /// Assessments deleted in this session, restorable until the tab closes.
    pub bin: RwSignal<Bin>,
    pub export_log: RwSignal<ExportLog>,
    /// Assessments another tab saved while this tab had unsaved edits to them.
    pub conflicts: RwSignal<Vec<Uuid>>,
    /// Whether the browser agreed to keep this site's data under storage pressure.
    pub persisted: RwSignal<Option<bool>>,
    /// Characters the saved records take in localStorage, updated after each save.
    pub storage_used: RwSignal<usize>,
    /// Whether every list start-up left for later has been read and checked (pages that read
    /// every client's lists, like the Portfolio, show what they can before that).
    pub lists_checked: RwSignal<bool>,
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
        let available = storage.unavailable.is_none();
        let state = AppState {
            workspace: RwSignal::new(loaded.workspace),
            save_status: RwSignal::new(save_status),
            import: RwSignal::new(ImportFlow::Idle),
            notice: RwSignal::new(None),
            recovery_open: RwSignal::new(!loaded.unreadable.is_empty()),
            unreadable: RwSignal::new(loaded.unreadable),
            storage: StoredValue::new_local(storage),
            history: StoredValue::new(History::default()),
            history_changed: RwSignal::new(0),
            reverted: RwSignal::new(0),
            bin: RwSignal::new(Bin::default()),
            export_log: RwSignal::new(loaded.export_log),
            conflicts: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            storage_used: RwSignal::new(0),
            lists_checked: RwSignal::new(false),
        };
        state
            .storage_used
            .set(state.storage.with_value(Storage::used_chars));
        if available {
            let persisted = state.persisted;
            Storage::request_persistence(move |granted| persisted.set(Some(granted)));
        }
        provide_context(state);
        state.check_stored_later();
        state
    }

    /// Checks the stored assessments whose bulky lists start-up left to read on first use, once
    /// the first screen is up, when the browser is idle and a few milliseconds at a time, so the
    /// page answers input in between. A record that fails goes to the recovery screen, as it
    /// would have at start.
    fn check_stored_later(self) {
        /// Work per slice: half a frame, so a click waits at most about that long.
        const SLICE_MS: f64 = 8.0;
        if self.storage.with_value(Storage::next_unchecked).is_none() {
            self.lists_checked.set(true);
            return;
        }
        request_idle_callback(move || {
            let clock = window().performance();
            let now = || clock.as_ref().map_or(0.0, |p| p.now());
            let start = now();
            while let Some(id) = self.storage.with_value(Storage::next_unchecked) {
                // A list at a time: the largest assessment's lists take several slices.
                if !self.storage.with_value(|s| s.read_one_part(id)) {
                    self.check_stored(id);
                }
                if now() - start >= SLICE_MS {
                    break;
                }
            }
            self.check_stored_later();
        });
    }

    /// Finishes those checks at once: before anything is saved or exported.
    pub fn check_all_stored(&self) {
        while let Some(id) = self.storage.with_value(Storage::next_unchecked) {
            self.check_stored(id);
        }
        if !self.lists_checked.get_untracked() {
            self.lists_checked.set(true);
        }
    }

    fn check_stored(&self, id: Uuid) {
        let Some(failed) = self.storage.try_update_value(|s| s.check(id)).flatten() else {
            return;
        };
        // Whatever was shown of it came from a record that does not read: drop it with its
        // undo steps; the stored text stays untouched for the recovery screen.
        self.workspace.update(|w| {
            w.remove(id);
        });
        self.history.update_value(|h| h.forget(id));
        self.history_changed.update(|n| *n += 1);
        self.unreadable.update(|u| u.push(failed));
        self.recovery_open.set(true);
    }

    /// Writes whatever changed since the last save and updates the indicator.
    pub fn save_now(&self) {
        self.check_all_stored();
        self.export_log.update_untracked(|log| {
            self.workspace.with_untracked(|w| {
                let ids: Vec<Uuid> = w.assessments.iter().map(|a| a.id).collect();
                log.keep_only(&ids);
            })
        });
        let result = self.workspace.with_untracked(|w| {
            self.export_log
                .with_untracked(|log| self.storage.try_update_value(|s| s.save(w, log)))
        });
        let status = match result {
            None => return,
            Some(Ok(report)) if report.conflicts.is_empty() => SaveStatus::Saved,
            Some(Ok(report)) => {
                self.conflicts.update(|c| {
                    for id in report.conflicts {
                        if !c.contains(&id) {
                            c.push(id);
                        }
                    }
                });
                SaveStatus::NotSaved(t("lead.state_other_tab_saved").to_string())
            }
            Some(Err(SaveError::Unavailable(reason))) => SaveStatus::MemoryOnly(reason),
            Some(Err(e)) => SaveStatus::NotSaved(e.to_string()),
        };
        self.save_status.set(status);
        self.storage_used
            .set(self.storage.with_value(Storage::used_chars));
    }

    /// Takes in another tab's change to a stored key, reported by the browser's storage event.
    pub fn external_change(&self, key: &str, new_value: Option<&str>) {
        let Some(id) = crate::storage::assessment_id(key) else {
            return;
        };
        // Checked lists let the new record take them over unread (see `Saved::read`).
        self.check_all_stored();
        let local = self.workspace.with_untracked(|w| w.get(id).cloned());
        let outcome = self
            .storage
            .try_update_value(|s| s.external(key, new_value, local.as_ref()));
        match outcome {
            None | Some(External::Ignore) => {}
            Some(External::Adopt(theirs)) => {
                self.history.update_value(|h| h.forget(id));
                self.history_changed.update(|n| *n += 1);
                self.bin.update(|b| b.discard(id));
                self.workspace.update(|w| match w.get_mut(id) {
                    Some(mine) => *mine = *theirs,
                    None => w.assessments.push(*theirs),
                });
                self.reverted.update(|n| *n += 1);
            }
            Some(External::Removed(id)) => {
                let mut removed = None;
                self.workspace.update(|w| removed = w.remove(id));
                if let Some(removed) = removed {
                    let name = removed.assessment.display_name();
                    self.bin.update(|b| b.put(removed.clone()));
                    self.notice.set(Some(Notice {
                        text: tf("lead.state_deleted_elsewhere", &[("name", &name)]),
                        undo: Some(removed),
                    }));
                }
            }
            Some(External::Conflict(id)) => self.conflicts.update(|c| {
                if !c.contains(&id) {
                    c.push(id);
                }
            }),
            Some(External::Unreadable(u)) => {
                self.workspace.update(|w| _ = w.remove(id));
                self.unreadable.update(|list| list.push(u));
                self.recovery_open.set(true);
            }
        }
    }

    /// Settles a conflict with another tab: keep this tab's version (it is saved over the other
    /// tab's), or take the other tab's (this tab's edits stay one Undo away).
    pub fn settle_conflict(&self, id: Uuid, keep_mine: bool) {
        self.conflicts.update(|c| c.retain(|x| *x != id));
        if keep_mine {
            self.storage.update_value(|s| s.keep_mine(id));
            self.save_now();
            return;
        }
        let theirs = self
            .storage
            .try_update_value(|s| s.take_theirs(id))
            .unwrap_or(Ok(None));
        match theirs {
            Ok(Some(theirs)) => {
                let mine = self.workspace.with_untracked(|w| w.get(id).cloned());
                if let Some(mine) = mine {
                    self.history
                        .update_value(|h| h.record(mine, None, now_ms()));
                    self.history_changed.update(|n| *n += 1);
                }
                self.workspace.update(|w| {
                    if let Some(a) = w.get_mut(id) {
                        *a = theirs;
                    }
                });
                self.reverted.update(|n| *n += 1);
                self.notify(t("lead.state_loaded_other"));
            }
            Ok(None) => {
                let mut removed = None;
                self.workspace.update(|w| removed = w.remove(id));
                if let Some(removed) = removed {
                    self.bin.update(|b| b.put(removed.clone()));
                    self.notice.set(Some(Notice {
                        text: t("lead.state_other_deleted").into(),
                        undo: Some(removed),
                    }));
                }
            }
            Err(e) => self.notify(tf(
                "lead.state_other_unreadable",
                &[("error", &e.to_string())],
            )),
        }
        self.save_now();
    }

    /// Moves the unreadable record at `index` aside (its backup copy stays), if it has a backup.
    pub fn set_aside(&self, index: usize) {
        let Some(item) = self.unreadable.with_untracked(|u| u.get(index).cloned()) else {
            return;
        };
        let done = self
            .storage
            .try_update_value(|s| s.set_aside(&item))
            .unwrap_or(false);
        if done {
            self.unreadable.update(|u| _ = u.remove(index));
            if self.unreadable.with_untracked(Vec::is_empty) {
                self.recovery_open.set(false);
            }
            self.notify(tf(
                "lead.state_set_aside",
                &[("key", &item.backup_key.unwrap_or_default())],
            ));
        } else {
            self.notify(t("lead.state_not_set_aside"));
        }
    }

    /// Steps assessment `id` back before its last edit. Returns whether there was one.
    pub fn undo(&self, id: Uuid) -> bool {
        self.step(id, true)
    }

    pub fn redo(&self, id: Uuid) -> bool {
        self.step(id, false)
    }

    fn step(&self, id: Uuid, back: bool) -> bool {
        let mut changed = false;
        self.workspace.update(|w| {
            changed =
                self.history
                    .try_update_value(|h| if back { h.undo(w, id) } else { h.redo(w, id) })
                    == Some(true);
        });
        self.history_changed.update(|n| *n += 1);
        if changed {
            self.reverted.update(|n| *n += 1);
        }
        changed
    }

    /// (undo steps, redo steps) for assessment `id`; reactive.
    pub fn history_depth(&self, id: Uuid) -> (usize, usize) {
        self.history_changed.track();
        self.history
            .with_value(|h| (h.can_undo(id), h.can_redo(id)))
    }

    /// Notes that these assessments went into an exported file.
    pub fn exported(&self, ids: &[Uuid]) {
        self.export_log
            .update(|log| log.exported(ids.iter().copied(), Utc::now()));
        self.save_now();
    }

    /// Puts an assessment deleted in this session back.
    pub fn restore_deleted(&self, id: Uuid) {
        let mut restored = false;
        let bin = self.bin;
        self.workspace.update(|w| {
            bin.update(|b| restored = b.restore(w, id));
        });
        if restored {
            if let Some(name) = self
                .workspace
                .with_untracked(|w| w.get(id).map(|a| a.display_name()))
            {
                self.notify(tf("lead.state_restored", &[("name", &name)]));
            }
        }
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

    /// Applies an edit to one assessment; the update time is stamped and the undo step kept here.
    pub fn edit(&self, id: Uuid, edit: impl FnOnce(&mut Assessment)) {
        let before = self.workspace.with_untracked(|w| w.get(id).cloned());
        let Some(before) = before else {
            return;
        };
        let group = typing_group();
        self.history
            .update_value(|h| h.record(before, group, now_ms()));
        self.history_changed.update(|n| *n += 1);
        let now = Utc::now();
        if self
            .export_log
            .with_untracked(|log| !log.unexported_since.contains_key(&id))
        {
            self.export_log.update(|log| log.edited(id, now));
        }
        self.workspace.update(|w| _ = w.update(id, now, edit));
    }

    pub fn rename(&self, id: Uuid, name: &str) {
        self.workspace
            .update(|w| _ = w.rename(id, name, Utc::now()));
    }

    pub fn duplicate(&self, id: Uuid) -> Option<Uuid> {
        // The copy shares the original's lists: they must have passed their check first.
        self.check_all_stored();
        let mut created = None;
        self.workspace
            .update(|w| created = w.duplicate(id, Uuid::new_v4(), Utc::now()));
        created
    }

    pub fn delete(&self, id: Uuid) {
        let mut removed = None;
        self.workspace.update(|w| removed = w.remove(id));
        if let Some(removed) = removed {
            self.bin.update(|b| b.put(removed.clone()));
            self.notice.set(Some(Notice {
                text: tf(
                    "lead.state_deleted",
                    &[("name", &removed.assessment.display_name())],
                ),
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
            self.bin.update(|b| b.discard(removed.assessment.id));
            self.workspace.update(|w| w.restore(removed));
            self.notice.set(Some(Notice {
                text: tf("lead.state_restored", &[("name", &name)]),
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
    pub fn receive_imported(&self, source: String, mut imported: Imported) -> Option<Uuid> {
        // An assessment identical to the copy here is no conflict: there is nothing to choose.
        let same = self
            .workspace
            .with_untracked(|w| w.take_identical(&mut imported.assessments));
        if let (true, Some(first)) = (imported.assessments.is_empty(), same.first()) {
            self.import.set(ImportFlow::Idle);
            self.notify(match same.len() {
                1 => tf(
                    "import.identical_one",
                    &[("file", &source), ("name", &first.display_name())],
                ),
                n => tf(
                    "import.identical_many",
                    &[("file", &source), ("n", &n.to_string())],
                ),
            });
            return Some(first.id);
        }
        let conflicts = self.already_here(&imported);
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

    /// Opens the import dialog for assessments that passed every check, asking even when none
    /// of them is here yet: for changes found in the workspace folder, which the user did not
    /// pick and must see before anything is added.
    pub fn ask_import(&self, source: String, imported: Imported) {
        let conflicts = self.already_here(&imported);
        self.import.set(ImportFlow::Confirm {
            file_name: source,
            imported,
            conflicts,
        });
    }

    /// The ids of the imported assessments that are already here.
    fn already_here(&self, imported: &Imported) -> Vec<Uuid> {
        self.workspace.with_untracked(|w| {
            imported
                .assessments
                .iter()
                .filter(|a| w.contains(a.id))
                .map(|a| a.id)
                .collect()
        })
    }

    pub fn refuse_file(&self, file_name: String, error: &FormatError) {
        let problems: Vec<String> = error.problems().iter().map(|p| p.to_string()).collect();
        let message = if problems.is_empty() {
            error.to_string()
        } else {
            match problems.len() {
                1 => t("lead.state_problem_one").to_string(),
                n => tf("lead.state_problems", &[("n", &n.to_string())]),
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
        self.history
            .update_value(|h| h.record(mine, None, now_ms()));
        self.history_changed.update(|n| *n += 1);
        self.workspace.update(|w| {
            if let Some(a) = w.get_mut(id) {
                *a = merged.assessment;
            }
        });
        let mut text = merge::summary(took, differing.len() - took, merged.dropped_links);
        if imported.integrity == crate::format::Integrity::Edited {
            text.push_str(t("lead.state_merge_edited"));
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
        let unknown = unknown_answers_text(&imported.assessments);
        let mut ids = Vec::new();
        // A replaced assessment can be brought back with Undo.
        let before: Vec<Assessment> = self.workspace.with_untracked(|w| {
            imported
                .assessments
                .iter()
                .filter_map(|a| w.get(a.id).cloned())
                .collect()
        });
        self.workspace.update(|w| {
            ids = w.import(imported.assessments, decide, Uuid::new_v4);
        });
        self.workspace.with_untracked(|w| {
            self.history.update_value(|h| {
                for old in before {
                    if w.get(old.id) != Some(&old) {
                        h.record(old, None, now_ms());
                    }
                }
            })
        });
        self.history_changed.update(|n| *n += 1);
        self.import.set(ImportFlow::Idle);
        let what = match count {
            1 => t("lead.state_one_assessment").to_string(),
            n => tf("lead.state_n_assessments", &[("n", &n.to_string())]),
        };
        let migrated = imported
            .migrated_from
            .map(|v| tf("lead.state_migrated", &[("v", &v.to_string())]))
            .unwrap_or_default();
        let edited = if imported.integrity == crate::format::Integrity::Edited {
            t("lead.state_edited")
        } else {
            ""
        };
        let mut text = tf(
            "lead.state_imported",
            &[
                ("what", &what),
                ("file", file_name),
                ("migrated", &migrated),
                ("edited", edited),
            ],
        );
        text.push_str(&unknown);
        self.notify(text);
        (ids.len() == 1).then(|| ids[0])
    }
}

/// Most unknown question ids named in the import notice; the rest are counted.
const MAX_UNKNOWN_NAMED: usize = 10;

/// " 3 answers to questions this version does not know: x.y, …", or "" when there are none.
fn unknown_answers_text(assessments: &[Assessment]) -> String {
    let content = crate::ui::i18n::content();
    let mut ids: Vec<String> = assessments
        .iter()
        .flat_map(|a| crate::domain::answer_counts::count(content, &a.answers).unknown)
        .collect();
    ids.dedup();
    let n = ids.len();
    if n == 0 {
        return String::new();
    }
    let mut list = ids
        .iter()
        .take(MAX_UNKNOWN_NAMED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if n > MAX_UNKNOWN_NAMED {
        list.push_str(", …");
    }
    let key = if n == 1 {
        "import.unknown_answers_one"
    } else {
        "import.unknown_answers"
    };
    format!(" {}", tf(key, &[("n", &n.to_string()), ("ids", &list)]))
}

/// Milliseconds on a clock that only moves forward, for grouping keystrokes into undo steps.
fn now_ms() -> f64 {
    window()
        .performance()
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Names the text box the user is typing in, so keystrokes there fold into one undo step.
/// Read from the event being handled (`window.event`), not from the focus: a select or a button
/// changed by pointer while a text box keeps focus must still be its own step.
/// Boxes without an id get a generated name on first use.
fn typing_group() -> Option<String> {
    use wasm_bindgen::JsCast;
    let event = js_sys::Reflect::get(&window(), &"event".into())
        .ok()?
        .dyn_into::<web_sys::Event>()
        .ok()?;
    if event.type_() != "input" {
        return None;
    }
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let is_text = match element.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => matches!(
            input.type_().as_str(),
            "text" | "search" | "url" | "email" | "tel" | "number" | ""
        ),
        None => element.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some(),
    };
    if !is_text {
        return None;
    }
    if let Some(group) = element.get_attribute("data-undo-group") {
        return Some(group);
    }
    thread_local! {
        static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let group = NEXT.with(|n| {
        n.set(n.get() + 1);
        format!("box-{}", n.get())
    });
    let _ = element.set_attribute("data-undo-group", &group);
    Some(group)
}
