//! The workspace folder in the browser: the only code that touches the File System Access API
//! (the folder the user picks, its files) and IndexedDB (where the picked folder is remembered,
//! since a folder handle cannot be written to localStorage).
//!
//! It lists, reads and writes; it decides nothing (that is `domain::folder_sync`). Every write
//! goes to a plain file name directly inside the picked folder, checked here once more, so
//! nothing is ever written elsewhere; nothing here removes a file.
//!
//! The picker and the permission calls are looked up on the page at the moment they are used
//! (`window.showDirectoryPicker`, `handle.queryPermission`), not bound at build time: web-sys
//! marks the permission calls unstable, Firefox and Safari have no picker at all, and a page
//! may put its own picker there (the browser tests hand the app a folder of the origin private
//! file system that way, with no dialog).

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemWritableFileStream};

use crate::domain::folder_sync::{is_ours, Known, Stat};
use crate::i18n::{tr, trf};

/// IndexedDB database and object store holding the picked folder.
const DB_NAME: &str = "cto-workbench-folder";
const STORE: &str = "folder";
/// Keys in the store: the folder handle, and what is known of its files (JSON).
const HANDLE_KEY: &str = "handle";
const KNOWN_KEY: &str = "known";

/// Why the folder could not be used, in words the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FolderError {
    /// The user closed the picker without choosing.
    #[error("{}", tr("folder.error_cancelled"))]
    Cancelled,
    /// The browser no longer lets this page write there (after a reload, or revoked).
    #[error("{}", tr("folder.error_not_allowed"))]
    NotAllowed,
    /// The folder was moved, renamed or deleted.
    #[error("{}", tr("folder.error_gone"))]
    Gone,
    #[error("{}", tr("folder.error_full"))]
    Full,
    #[error("{}", trf("folder.error_other", &[("why", .0)]))]
    Other(String),
}

impl FolderError {
    /// Tells the browser's exceptions apart by name, as every browser names them the same.
    fn from_js(e: JsValue) -> Self {
        let name = Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "AbortError" => FolderError::Cancelled,
            "NotAllowedError" | "SecurityError" => FolderError::NotAllowed,
            "NotFoundError" => FolderError::Gone,
            "QuotaExceededError" => FolderError::Full,
            _ => FolderError::Other(super::faults::js_message(&e)),
        }
    }
}

/// Whether the browser can keep the workspace in a folder (Chrome, Edge and Opera on a
/// computer); Firefox, Safari and phones have no directory picker.
pub fn supported() -> bool {
    page_function(&leptos::prelude::window(), "showDirectoryPicker").is_some()
}

/// `name` on `target` when it is a function the page offers.
fn page_function(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

async fn promised(p: Promise) -> Result<JsValue, FolderError> {
    JsFuture::from(p).await.map_err(FolderError::from_js)
}

/// Whether this page may write to the folder now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    /// The browser asks again: one click on a button the user pressed.
    Prompt,
    Denied,
}

/// A folder the user picked.
#[derive(Clone, Debug)]
pub struct Folder {
    dir: FileSystemDirectoryHandle,
}

impl Folder {
    /// Opens the browser's folder picker, asking to read and write.
    pub async fn pick() -> Result<Folder, FolderError> {
        let window = leptos::prelude::window();
        let picker = page_function(&window, "showDirectoryPicker")
            .ok_or_else(|| FolderError::Other(tr("folder.unsupported").to_string()))?;
        let options = Object::new();
        // The browser remembers the last folder picked under this id and starts there.
        let _ = Reflect::set(&options, &"id".into(), &"cto-workbench".into());
        let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
        let promise = picker
            .call1(&window, &options)
            .map_err(FolderError::from_js)?
            .dyn_into::<Promise>()
            .map_err(FolderError::from_js)?;
        let dir = promised(promise)
            .await?
            .dyn_into::<FileSystemDirectoryHandle>()
            .map_err(FolderError::from_js)?;
        Ok(Folder { dir })
    }

    /// The folder's own name (the browser never tells a page its full path).
    pub fn name(&self) -> String {
        self.dir.name()
    }

    /// Whether writing is allowed; with `ask`, asks the user (only from a click).
    pub async fn permission(&self, ask: bool) -> Permission {
        let method = if ask {
            "requestPermission"
        } else {
            "queryPermission"
        };
        // A browser without the call grants what the handle was opened with.
        let Some(call) = page_function(&self.dir, method) else {
            return Permission::Granted;
        };
        let mode = Object::new();
        let _ = Reflect::set(&mode, &"mode".into(), &"readwrite".into());
        let answer = match call.call1(&self.dir, &mode) {
            Ok(p) => match p.dyn_into::<Promise>() {
                Ok(p) => promised(p).await.ok().and_then(|s| s.as_string()),
                Err(_) => None,
            },
            Err(_) => None,
        };
        match answer.as_deref() {
            Some("granted") => Permission::Granted,
            Some("prompt") => Permission::Prompt,
            _ => Permission::Denied,
        }
    }

    /// The files directly in the folder (not in its subfolders), with their time and size.
    pub async fn list(&self) -> Result<Vec<Stat>, FolderError> {
        let entries = self.dir.values();
        let mut files = Vec::new();
        loop {
            let next = entries.next().map_err(FolderError::from_js)?;
            let step = promised(next).await?;
            let done = Reflect::get(&step, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true);
            if done {
                break;
            }
            let Ok(value) = Reflect::get(&step, &"value".into()) else {
                continue;
            };
            let Ok(file) = value.dyn_into::<FileSystemFileHandle>() else {
                continue;
            };
            let name = file.name();
            if !is_ours(&name) {
                // Only its name matters (it is never written over): no need to open it.
                files.push(Stat {
                    name,
                    modified: 0,
                    size: 0,
                });
                continue;
            }
            // A file removed between the listing and this look (a sync service, another tab
            // finishing a write) is simply not there.
            match stat(&file).await {
                Ok(found) => files.push(found),
                Err(FolderError::Gone) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(files)
    }

    /// A file's bytes (read raw: the format code checks the encoding itself).
    pub async fn read(&self, name: &str) -> Result<Vec<u8>, FolderError> {
        let handle = self.file(name, false).await?;
        let file = promised(handle.get_file())
            .await?
            .dyn_into::<web_sys::File>()
            .map_err(FolderError::from_js)?;
        let buffer = promised(file.array_buffer()).await?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// Writes `text` as the whole of file `name`, creating it if needed, and returns the file as
    /// the folder now lists it. The browser writes to a copy and swaps it in on close, so a
    /// write that fails half way leaves the old file whole.
    pub async fn write(&self, name: &str, text: &str) -> Result<Stat, FolderError> {
        let handle = self.file(name, true).await?;
        let stream = promised(handle.create_writable())
            .await?
            .dyn_into::<FileSystemWritableFileStream>()
            .map_err(FolderError::from_js)?;
        let written = match stream.write_with_str(text) {
            Ok(p) => promised(p).await.map(drop),
            Err(e) => Err(FolderError::from_js(e)),
        };
        if let Err(e) = written {
            // Discards the copy; the file stays as it was.
            let _ = JsFuture::from(stream.abort()).await;
            return Err(e);
        }
        promised(stream.close()).await?;
        stat(&handle).await
    }

    /// The handle of file `name` directly in the folder. Refuses any name that is not a plain
    /// `.cto.json` file name, so nothing can be written outside the folder or over other files.
    async fn file(&self, name: &str, create: bool) -> Result<FileSystemFileHandle, FolderError> {
        if !is_ours(name) || name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(FolderError::Other(trf(
                "folder.error_bad_name",
                &[("name", name)],
            )));
        }
        let options = web_sys::FileSystemGetFileOptions::new();
        options.set_create(create);
        promised(self.dir.get_file_handle_with_options(name, &options))
            .await?
            .dyn_into::<FileSystemFileHandle>()
            .map_err(FolderError::from_js)
    }
}

async fn stat(handle: &FileSystemFileHandle) -> Result<Stat, FolderError> {
    let file = promised(handle.get_file())
        .await?
        .dyn_into::<web_sys::File>()
        .map_err(FolderError::from_js)?;
    Ok(Stat {
        name: file.name(),
        // Whole milliseconds held in an f64: the casts saturate, never panic.
        modified: file.last_modified() as i64,
        size: file.size() as u64,
    })
}

/// The remembered folder and what was known of its files, if a folder was picked before.
pub async fn remembered() -> Result<Option<(Folder, Vec<Known>)>, FolderError> {
    let db = open().await?;
    let store = store(&db, web_sys::IdbTransactionMode::Readonly)?;
    // Both asked before either is awaited: the transaction ends once it has nothing pending.
    let handle = request(store.get(&HANDLE_KEY.into()));
    let known = request(store.get(&KNOWN_KEY.into()));
    let Ok(dir) = handle.await?.dyn_into::<FileSystemDirectoryHandle>() else {
        return Ok(None);
    };
    let known = known
        .await?
        .as_string()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    Ok(Some((Folder { dir }, known)))
}

/// Remembers the folder (None forgets it; its files stay) and what is known of its files.
pub async fn remember(folder: Option<&Folder>, known: &[Known]) -> Result<(), FolderError> {
    let db = open().await?;
    let store = store(&db, web_sys::IdbTransactionMode::Readwrite)?;
    let handle = match folder {
        Some(folder) => request(store.put_with_key(&folder.dir, &HANDLE_KEY.into())),
        None => request(store.delete(&HANDLE_KEY.into())),
    };
    let known = put_known(&store, known);
    handle.await?;
    known.await
}

/// Remembers what is known of the folder's files, after a pass that changed it.
pub async fn remember_known(known: &[Known]) -> Result<(), FolderError> {
    let db = open().await?;
    let store = store(&db, web_sys::IdbTransactionMode::Readwrite)?;
    put_known(&store, known).await
}

fn put_known(
    store: &web_sys::IdbObjectStore,
    known: &[Known],
) -> impl std::future::Future<Output = Result<(), FolderError>> {
    let text = serde_json::to_string(known).unwrap_or_default();
    let put = request(store.put_with_key(&text.into(), &KNOWN_KEY.into()));
    async move { put.await.map(drop) }
}

async fn open() -> Result<web_sys::IdbDatabase, FolderError> {
    let factory = leptos::prelude::window()
        .indexed_db()
        .map_err(FolderError::from_js)?
        .ok_or_else(|| FolderError::Other(tr("folder.error_no_indexeddb").to_string()))?;
    let opening = factory
        .open_with_u32(DB_NAME, 1)
        .map_err(FolderError::from_js)?;
    let upgrading = opening.clone();
    // Runs before success when the database is new: creates its one store.
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok())
        {
            let _ = db.create_object_store(STORE);
        }
    });
    opening.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    request(Ok(opening.into()))
        .await?
        .dyn_into::<web_sys::IdbDatabase>()
        .map_err(FolderError::from_js)
}

fn store(
    db: &web_sys::IdbDatabase,
    mode: web_sys::IdbTransactionMode,
) -> Result<web_sys::IdbObjectStore, FolderError> {
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(FolderError::from_js)
}

/// The result of an IndexedDB request, once it succeeds or fails. Its handlers are set at once,
/// before anything is awaited, so no outcome is missed.
fn request(
    req: Result<web_sys::IdbRequest, JsValue>,
) -> impl std::future::Future<Output = Result<JsValue, FolderError>> {
    let waiting = req.map(|req| {
        JsFuture::from(Promise::new(&mut |resolve: Function, reject: Function| {
            let ok_req = req.clone();
            let ok = Closure::once_into_js(move |_: web_sys::Event| {
                let result = ok_req.result().unwrap_or(JsValue::UNDEFINED);
                let _ = resolve.call1(&JsValue::UNDEFINED, &result);
            });
            let err_req = req.clone();
            let err = Closure::once_into_js(move |_: web_sys::Event| {
                let error = err_req
                    .error()
                    .ok()
                    .flatten()
                    .map(JsValue::from)
                    .unwrap_or(JsValue::UNDEFINED);
                let _ = reject.call1(&JsValue::UNDEFINED, &error);
            });
            req.set_onsuccess(Some(ok.unchecked_ref()));
            req.set_onerror(Some(err.unchecked_ref()));
        }))
    });
    async move {
        match waiting {
            Ok(future) => future.await.map_err(FolderError::from_js),
            Err(e) => Err(FolderError::from_js(e)),
        }
    }
}
