//! Local storage: the only code that touches the browser's localStorage.
//!
//! Layout: one key per assessment (`cto-workbench/v1/assessment/<id>`) so a save writes only what
//! changed, an index key holding the order of the list, and a meta key with the export log. Values
//! are encoded by `format`, so stored data migrates like files do.
//!
//! An assessment's bulky lists (KPIs and their measurements, snapshots, initiatives, scorecards,
//! risks), when large, are stored apart under part keys (`cto-workbench/v1/part/<id>/<list>/<ref>`)
//! that the record names. A part key is written once and never changed: a save writes new parts
//! for the lists that changed, then the record (the commit point), then removes the parts the
//! record no longer names. So changing an answer rewrites a few kilobytes, not every measurement,
//! and a save that stops half way leaves the previous record whole.
//!
//! Nothing is ever lost here:
//! - a record that cannot be read is copied under a backup key, offered for download, and never
//!   overwritten or removed by a later save; when the user sets it aside, the record leaves the
//!   assessment prefix and the parts stored apart for it move under the backup key beside it;
//! - each record carries a revision number, and a save first checks that the record still holds
//!   what this tab last read or wrote: if another tab saved in between, the save stops for that
//!   assessment and reports a conflict for the user to settle, instead of overwriting;
//! - the browser's storage event tells this tab about another tab's saves, which it takes in at
//!   once when it has no unsaved edits of its own to that assessment.
//!
//! Large records are stored deflated (`z2:`, 15 bits a character), so a consultant's many clients fit in
//! the few megabytes a browser allows; small ones stay plain JSON. Whether a record changed is
//! judged by comparing the assessment with a copy of what was last stored, not by re-encoding
//! every assessment on every save.
//!
//! The record store talks to `web_sys::Storage` directly: it stores the text `format` and
//! [`pack`] write exactly as written (gloo-storage's `get` and `set` JSON-encode every value), walks
//! the keys under its prefix (gloo-storage lists keys only through `get_all`, which JSON-parses
//! every value in the origin), tells a full quota from other refusals by the exception's name and
//! legacy code (gloo-storage keeps the name but not the code), and says why storage cannot be used
//! where it is blocked (gloo-storage's `LocalStorage::raw` panics). Display preferences, plain
//! strings read and written one at a time, go through gloo-storage once storage is known to be
//! there.
//!
//! One file per concern: `keys` (where things live), `pack` (the stored form of JSON), `records`
//! (reading), `plan` (saving), `tabs` (other tabs' saves), `faults` (why a save failed), `backup`
//! (copies of unreadable records, setting them aside, the emergency export), `prefs` (display
//! preferences), `drafts` (texts refused in amount boxes, kept across a reload) and `browser`
//! (the [`Storage`] handle the app holds). All but `browser`, `prefs`, `drafts`
//! and the emergency export run natively against a [`Store`] of strings, so they are tested
//! without a browser.

mod backup;
mod browser;
mod drafts;
mod faults;
/// The workspace folder the user may pick: the File System Access API and IndexedDB (where the
/// folder is remembered), never localStorage.
pub mod folder;
mod keys;
mod pack;
mod plan;
mod prefs;
mod records;
mod report_prefs;
mod reviewer;
mod tabs;
mod tags;
#[cfg(test)]
mod tests;

pub use backup::{backup_key, emergency_export};
pub use browser::Storage;
pub use drafts::{read_draft, write_draft};
pub use faults::SaveError;
pub use keys::assessment_id;
pub use pack::{pack, unpack};
pub use plan::{apply, SavePlan, SaveReport, Saved, Store, Write};
pub use prefs::{read_pref, write_pref};
pub use records::{read_records, Loaded, Unreadable};
pub use report_prefs::{load_report_basis, save_report_basis};
pub use reviewer::{load_reviewer, load_reviewing, save_reviewer_name, save_reviewing};
pub use tabs::External;
pub use tags::{clean_tag, load_tags, save_tag, MAX_TAG_CHARS};
