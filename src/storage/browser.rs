//! The browser's side: [`Storage`], the app's handle on localStorage, which reads the workspace at
//! start, saves, takes in other tabs' saves and sets unreadable records aside by running the pure
//! code of the other files against the browser's store. Where localStorage is blocked or missing,
//! it says why and the app runs in memory.

use uuid::Uuid;

use super::backup::{keep_backup, set_aside};
use super::faults::{classify, js_message, SaveError};
use super::keys::{assessment_key, BACKUP_PREFIX, INDEX_KEY, PREFIX};
use super::plan::{apply, SaveReport, Saved, Store};
use super::records::{read_records, Loaded, Unreadable};
use super::tabs::External;
use crate::domain::backup::ExportLog;
use crate::domain::{Assessment, Workspace};
use crate::format::FormatError;
use crate::i18n::tr;

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
        match local_storage() {
            Err(reason) => (
                Storage {
                    inner: None,
                    saved: Saved::default(),
                    unavailable: Some(reason),
                },
                Loaded::default(),
            ),
            Ok(s) => {
                let records = stored_pairs(&s);
                let index = s.get_item(INDEX_KEY).ok().flatten();
                let (mut loaded, mut saved) = read_records(index.as_deref(), &records);
                saved.token = Uuid::new_v4().simple().to_string()[..8].to_string();
                for u in &mut loaded.unreadable {
                    u.backup_key = keep_backup(&mut Browser(&s), u);
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
            unreadable.backup_key = keep_backup(&mut Browser(s), &unreadable);
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
    /// recovery screen stops coming back; the parts stored apart for it go under the backup key.
    /// Returns false (and changes nothing) without a backup or storage.
    pub fn set_aside(&mut self, item: &Unreadable) -> bool {
        let Some(s) = &self.inner else {
            return false;
        };
        set_aside(&mut self.saved, &mut Browser(s), item)
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

fn read(storage: Option<&web_sys::Storage>, key: &str) -> Option<String> {
    storage.and_then(|s| s.get_item(key).ok().flatten())
}

/// The browser's localStorage as a [`Store`].
pub(super) struct Browser<'a>(pub(super) &'a web_sys::Storage);

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

    fn keys(&self, prefix: &str) -> Vec<String> {
        // Collected first, since removing a key renumbers the ones after it.
        (0..self.0.length().unwrap_or(0))
            .filter_map(|i| self.0.key(i).ok().flatten())
            .filter(|key| key.starts_with(prefix))
            .collect()
    }
}

/// This browser's localStorage, or why it cannot be used (blocked, not offered, no window).
pub(super) fn local_storage() -> Result<web_sys::Storage, String> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(s))) => Ok(s),
        Some(Ok(None)) => Err(tr("lead.storage_not_offered").to_string()),
        Some(Err(e)) => Err(js_message(&e)),
        None => Err("no window".to_string()),
    }
}

/// The app's stored pairs, as [`read_records`] takes them. Backup copies are left out: nothing
/// loads them, and they may be large.
pub(super) fn stored_pairs(s: &web_sys::Storage) -> Vec<(String, String)> {
    Browser(s)
        .keys(PREFIX)
        .into_iter()
        .filter(|key| !key.starts_with(BACKUP_PREFIX))
        .filter_map(|key| {
            let value = s.get_item(&key).ok().flatten()?;
            Some((key, value))
        })
        .collect()
}
