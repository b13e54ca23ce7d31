//! Keeps the workspace folder in step with the app: after each save, writes the assessments that
//! changed; when the window regains focus, looks for files changed in the folder and offers them
//! through the import dialog; remembers the folder across reloads and asks again for permission
//! when the browser wants it. The planning is `domain::folder_sync`, the browser calls
//! `storage::folder`; this holds the state the folder panel and the save indicator show.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_event_listener::use_event_listener;
use leptos_use_fn_debounce_throttle::use_debounce_fn;
use uuid::Uuid;

use crate::domain::folder_sync::{self, Contents, Entry, Known, Read, Stat};
use crate::domain::merge;
use crate::domain::Assessment;
use crate::format::{FileKind, Imported, Integrity};
use crate::storage::folder::{self as browser, Folder, FolderError, Permission};
use crate::ui::i18n::{tf, tn};
use crate::ui::state::{AppState, ImportFlow};

/// After the save's own pause (400 ms): the folder is written just after the browser's copy.
const DEBOUNCE_MS: f64 = 600.0;

/// Where the folder stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Connection {
    /// This browser has no directory picker.
    Unsupported,
    /// Looking for a folder remembered from before the reload.
    Starting,
    /// No folder chosen.
    Off,
    /// A folder is remembered but the browser wants the user's permission again.
    NeedsPermission(String),
    /// Writing to the folder of this name.
    On(String),
}

/// A file changed in the folder, as the panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub stat: Stat,
    /// Names of the assessments in it that differ from (or are missing) here.
    pub names: Vec<String>,
    /// The assessment whose own file this is, when this app wrote it.
    pub own: Option<Uuid>,
}

/// What the folder panel and the save indicator show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FolderView {
    pub last_written: Option<DateTime<Utc>>,
    /// Files of this workspace in the folder.
    pub files: usize,
    /// The last pass failed: why, in plain words.
    pub error: Option<String>,
    pub changes: Vec<Change>,
    pub unreadable: Vec<(String, String)>,
    /// Files left in the folder for assessments deleted here.
    pub left: Vec<String>,
}

/// A changed file as read: when it reads, its assessments, kept to be offered for import.
#[derive(Clone)]
struct Cached {
    read: Read,
    imported: Option<Imported>,
}

#[derive(Clone, Copy)]
pub struct FolderSync {
    pub connection: RwSignal<Connection>,
    pub view: RwSignal<FolderView>,
    state: AppState,
    folder: StoredValue<Option<Folder>, LocalStorage>,
    known: StoredValue<Vec<Known>>,
    /// The fingerprint of each assessment here, with the copy it was taken of.
    hashes: StoredValue<HashMap<Uuid, (Assessment, String)>>,
    /// Changed files already read, by name; read again when they change again.
    reads: StoredValue<HashMap<String, Cached>, LocalStorage>,
    /// File versions the user chose not to import.
    dismissed: StoredValue<Vec<Stat>>,
    /// File versions already offered on focus: the dialog opens once per version.
    offered: StoredValue<Vec<Stat>>,
    running: StoredValue<bool>,
    /// A pass asked for while one runs; true when it should also offer changes.
    again: StoredValue<Option<bool>>,
}

pub fn use_folder_sync() -> Option<FolderSync> {
    use_context::<FolderSync>()
}

/// Provides the folder state and keeps it in step with saves and focus.
pub fn install(state: AppState) {
    let sync = FolderSync {
        connection: RwSignal::new(if browser::supported() {
            Connection::Starting
        } else {
            Connection::Unsupported
        }),
        view: RwSignal::new(FolderView::default()),
        state,
        folder: StoredValue::new_local(None),
        known: StoredValue::new(Vec::new()),
        hashes: StoredValue::new(HashMap::new()),
        reads: StoredValue::new_local(HashMap::new()),
        dismissed: StoredValue::new(Vec::new()),
        offered: StoredValue::new(Vec::new()),
        running: StoredValue::new(false),
        again: StoredValue::new(None),
    };
    provide_context(sync);
    if sync.connection.get_untracked() == Connection::Unsupported {
        return;
    }
    spawn_local(async move { sync.reconnect().await });
    let debounced = use_debounce_fn(move || sync.run(false), DEBOUNCE_MS);
    Effect::new(move |first_run_done: Option<()>| {
        state.workspace.track();
        if first_run_done.is_some() {
            debounced();
        }
    });
    let focus = window_event_listener(ev::focus, move |_| sync.run(true));
    // The page lives as long as the app; keeping the handle alive keeps the listener.
    std::mem::forget(focus);
    let _ = use_event_listener(document(), ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            sync.run(true);
        }
    });
}

impl FolderSync {
    /// Takes up the folder remembered before the reload, if the browser still allows it.
    async fn reconnect(self) {
        let remembered = browser::remembered().await;
        let Ok(Some((folder, known))) = remembered else {
            self.connection.set(Connection::Off);
            return;
        };
        let name = folder.name();
        let granted = folder.permission(false).await == Permission::Granted;
        self.folder.set_value(Some(folder));
        self.known.set_value(known);
        if granted {
            self.connection.set(Connection::On(name));
            self.run(true);
        } else {
            self.connection.set(Connection::NeedsPermission(name));
        }
    }

    /// Opens the picker; the folder chosen is remembered and written at once.
    pub fn choose(self) {
        spawn_local(async move {
            match Folder::pick().await {
                Ok(folder) => {
                    let name = folder.name();
                    // What was known of another folder says nothing about this one.
                    self.known.set_value(Vec::new());
                    self.reads.update_value(HashMap::clear);
                    if let Err(e) = browser::remember(Some(&folder), &[]).await {
                        self.fail(e);
                    }
                    self.folder.set_value(Some(folder));
                    self.connection.set(Connection::On(name));
                    self.view.set(FolderView::default());
                    self.run(true);
                }
                Err(FolderError::Cancelled) => {}
                Err(e) => self.fail(e),
            }
        });
    }

    /// Asks the browser, from the user's click, to let the page write to the folder again.
    pub fn allow(self) {
        let Some(folder) = self.folder.get_value() else {
            return;
        };
        spawn_local(async move {
            if folder.permission(true).await == Permission::Granted {
                self.connection.set(Connection::On(folder.name()));
                self.view.update(|v| v.error = None);
                self.run(true);
            } else {
                self.fail(FolderError::NotAllowed);
            }
        });
    }

    /// Stops keeping the workspace in the folder; its files stay as they are.
    pub fn stop(self) {
        self.folder.set_value(None);
        self.known.set_value(Vec::new());
        self.reads.update_value(HashMap::clear);
        self.connection.set(Connection::Off);
        self.view.set(FolderView::default());
        spawn_local(async move {
            if let Err(e) = browser::remember(None, &[]).await {
                self.fail(e);
            }
        });
    }

    /// Offers the changed files for import now, through the import dialog.
    pub fn review(self) {
        self.offer(None);
    }

    /// Leaves a changed file as it is and stops offering it until it changes again.
    pub fn dismiss(self, stat: Stat) {
        self.dismissed.update_value(|d| d.push(stat.clone()));
        self.view.update(|v| v.changes.retain(|c| c.stat != stat));
    }

    /// Keeps this browser's version of an assessment whose file changed in the folder: the next
    /// pass writes it over the file.
    pub fn keep_mine(self, id: Uuid, stat: Stat) {
        self.known
            .update_value(|k| folder_sync::overwrite(k, id, &stat));
        self.run(false);
    }

    /// One pass over the folder (or, if one is running, another after it). With `offer`,
    /// changed files not offered before open the import dialog.
    pub fn run(self, offer: bool) {
        if !matches!(self.connection.get_untracked(), Connection::On(_)) {
            return;
        }
        if self.running.get_value() {
            self.again
                .update_value(|a| *a = Some(a.unwrap_or(false) || offer));
            return;
        }
        self.running.set_value(true);
        spawn_local(async move {
            if let Some(folder) = self.folder.get_value() {
                if let Err(e) = self.pass(&folder, offer).await {
                    self.fail(e);
                }
            }
            self.running.set_value(false);
            if let Some(offer) = self.again.try_update_value(Option::take).flatten() {
                self.run(offer);
            }
        });
    }

    async fn pass(self, folder: &Folder, offer: bool) -> Result<(), FolderError> {
        // A list left to read on first use that turns out not to read would be written empty.
        self.state.check_all_stored();
        let listing = folder.list().await?;
        let known = self.known.get_value();
        for stat in folder_sync::to_read(&listing, &known) {
            let fresh = self
                .reads
                .with_value(|r| r.get(&stat.name).is_some_and(|c| &c.read.stat == stat));
            if !fresh {
                let cached = read_file(folder, stat).await;
                self.reads
                    .update_value(|r| _ = r.insert(stat.name.clone(), cached));
            }
        }
        let reads: Vec<Read> = self.reads.with_value(|r| {
            folder_sync::to_read(&listing, &known)
                .into_iter()
                .filter_map(|s| r.get(&s.name).map(|c| c.read.clone()))
                .collect()
        });
        let here = self.fingerprints();
        let entries: Vec<Entry> = here
            .iter()
            .map(|(a, hash)| Entry {
                id: a.id,
                name: a.display_name(),
                hash: hash.clone(),
            })
            .collect();
        let plan = self
            .dismissed
            .with_value(|d| folder_sync::plan(&entries, &listing, &known, &reads, d));
        let mut known = plan.known.clone();
        let mut written = false;
        let mut failure = None;
        for (id, name) in &plan.writes {
            let Some((a, hash)) = here.iter().find(|(a, _)| a.id == *id) else {
                continue;
            };
            let text =
                crate::format::export(FileKind::Assessment, std::slice::from_ref(a), Utc::now());
            match folder.write(name, &text).await {
                Ok(stat) => {
                    folder_sync::wrote(&mut known, *id, hash, stat);
                    written = true;
                }
                Err(e) => {
                    // The rest would fail the same way; the next save tries again.
                    failure = Some(e);
                    break;
                }
            }
        }
        let changed = known != self.known.get_value();
        self.known.set_value(known.clone());
        if changed {
            browser::remember_known(&known).await?;
        }
        let changes = self.changes(&plan);
        self.view.update(|v| {
            if written {
                v.last_written = Some(Utc::now());
            }
            v.files = known.len() - plan.left.len().min(known.len());
            v.changes = changes;
            v.unreadable = plan.unreadable.clone();
            v.left = plan.left.clone();
            if failure.is_none() {
                v.error = None;
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        if offer {
            let fresh: Vec<Stat> = self.offered.with_value(|o| {
                plan.offers
                    .iter()
                    .map(|x| x.stat.clone())
                    .filter(|s| !o.contains(s))
                    .collect()
            });
            if !fresh.is_empty() {
                self.offered
                    .update_value(|o| o.extend(fresh.iter().cloned()));
                self.offer(Some(&fresh));
            }
        }
        Ok(())
    }

    /// Each assessment here with its fingerprint, computed again only for those that changed.
    fn fingerprints(&self) -> Vec<(Assessment, String)> {
        let all = self
            .state
            .workspace
            .with_untracked(|w| w.assessments.clone());
        self.hashes.update_value(|cache| {
            cache.retain(|id, _| all.iter().any(|a| a.id == *id));
            for a in &all {
                if cache.get(&a.id).is_none_or(|(old, _)| old != a) {
                    let hash = crate::format::content_hash(std::slice::from_ref(a));
                    cache.insert(a.id, (a.clone(), hash));
                }
            }
        });
        self.hashes.with_value(|cache| {
            all.into_iter()
                .filter_map(|a| cache.get(&a.id).map(|(_, h)| (a, h.clone())))
                .collect()
        })
    }

    /// The plan's offers as the panel lists them, with the assessments' names.
    fn changes(&self, plan: &folder_sync::Plan) -> Vec<Change> {
        plan.offers
            .iter()
            .map(|offer| {
                let names = self.reads.with_value(|r| {
                    let imported = r.get(&offer.stat.name).and_then(|c| c.imported.as_ref());
                    offer
                        .ids
                        .iter()
                        .filter_map(|id| {
                            imported?
                                .assessments
                                .iter()
                                .find(|a| a.id == *id)
                                .map(Assessment::display_name)
                        })
                        .collect()
                });
                let own = offer
                    .ours
                    .then(|| plan.held.iter().copied().find(|id| offer.ids.contains(id)))
                    .flatten();
                Change {
                    stat: offer.stat.clone(),
                    names,
                    own,
                }
            })
            .collect()
    }

    /// Opens the import dialog with the changed files' assessments that differ from here (only
    /// the files in `only`, when given), unless another import is open.
    fn offer(self, only: Option<&[Stat]>) {
        if self.state.import.with_untracked(|f| *f != ImportFlow::Idle) {
            return;
        }
        let changes = self.view.with_untracked(|v| v.changes.clone());
        let mut newest: HashMap<Uuid, (i64, Assessment)> = HashMap::new();
        let mut imported = None;
        // Files that hold only what is here already (a client copy lacks nothing but private
        // notes): said so, never offered as a conflict.
        let mut same: Vec<String> = Vec::new();
        // This app's own files among them: written again from here, which loses nothing (the
        // copy here holds all the file does) and keeps the folder up to date for that assessment.
        let mut settle: Vec<(Uuid, Stat)> = Vec::new();
        self.reads.with_value(|r| {
            for change in changes
                .iter()
                .filter(|c| only.is_none_or(|o| o.contains(&c.stat)))
            {
                let Some(file) = r.get(&change.stat.name).and_then(|c| c.imported.as_ref()) else {
                    continue;
                };
                let mut file_differs = false;
                for a in &file.assessments {
                    let differs = self.state.workspace.with_untracked(|w| {
                        w.get(a.id)
                            .is_none_or(|here| !merge::same_apart_from_missing_notes(here, a))
                    });
                    file_differs |= differs;
                    // The same assessment in two files: the newer file's copy.
                    let newer = newest
                        .get(&a.id)
                        .is_none_or(|(at, _)| *at < change.stat.modified);
                    if differs && newer {
                        newest.insert(a.id, (change.stat.modified, a.clone()));
                    }
                }
                if !file_differs {
                    same.push(change.stat.name.clone());
                    if let Some(id) = change.own {
                        settle.push((id, change.stat.clone()));
                    }
                }
                // The first file's envelope speaks for all; one edited by hand marks them all.
                let first = imported.get_or_insert_with(|| Imported {
                    kind: FileKind::Workspace,
                    app_version: file.app_version.clone(),
                    exported_at: file.exported_at,
                    migrated_from: file.migrated_from,
                    integrity: file.integrity,
                    assessments: Vec::new(),
                });
                if file.integrity == Integrity::Edited {
                    first.integrity = Integrity::Edited;
                }
            }
        });
        for (id, stat) in settle {
            self.keep_mine(id, stat);
        }
        let Some(mut imported) = imported else {
            return;
        };
        let mut assessments: Vec<(i64, Assessment)> = newest.into_values().collect();
        assessments.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        imported.assessments = assessments.into_iter().map(|(_, a)| a).collect();
        if imported.assessments.is_empty() {
            if !same.is_empty() {
                self.state.notify(tn(
                    "folder.identical",
                    same.len(),
                    &[("files", &same.join(", "))],
                ));
            }
            return;
        }
        let folder = match self.connection.get_untracked() {
            Connection::On(name) | Connection::NeedsPermission(name) => name,
            _ => String::new(),
        };
        self.state
            .ask_import(tf("folder.import_source", &[("folder", &folder)]), imported);
    }

    fn fail(self, e: FolderError) {
        if e == FolderError::NotAllowed {
            if let Connection::On(name) = self.connection.get_untracked() {
                self.connection.set(Connection::NeedsPermission(name));
            }
        }
        self.view.update(|v| v.error = Some(e.to_string()));
    }
}

/// Reads one file and checks it the way an import does.
async fn read_file(folder: &Folder, stat: &Stat) -> Cached {
    let parsed = match folder.read(&stat.name).await {
        Ok(bytes) => crate::format::import_bytes(&bytes).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match parsed {
        Ok(imported) => Cached {
            read: Read {
                stat: stat.clone(),
                contents: Contents::Assessments(
                    imported
                        .assessments
                        .iter()
                        .map(|a| (a.id, crate::format::content_hash(std::slice::from_ref(a))))
                        .collect(),
                ),
            },
            imported: Some(imported),
        },
        Err(why) => Cached {
            read: Read {
                stat: stat.clone(),
                contents: Contents::Unreadable(why),
            },
            imported: None,
        },
    }
}
