//! Who reviews in this browser: the reviewer's id and name, kept as two preferences so every
//! review edit made here is credited to the same person across assessments and reloads.

use uuid::Uuid;

use super::prefs::{read_pref, write_pref};
use crate::domain::review::Reviewer;

const ID: &str = "reviewer-id";
const NAME: &str = "reviewer-name";

/// The reviewer this browser reviews as. The first time (or when the stored id cannot be read)
/// a new id is made and remembered; where storage is blocked the id lasts for this tab only.
pub fn load_reviewer() -> Reviewer {
    let stored = read_pref(ID).and_then(|s| Uuid::parse_str(s.trim()).ok());
    let id = stored.unwrap_or_else(|| {
        let id = Uuid::new_v4();
        write_pref(ID, Some(&id.to_string()));
        id
    });
    Reviewer {
        id,
        name: read_pref(NAME).unwrap_or_default(),
    }
}

/// Remembers the name this browser reviews under; failing to is harmless (the name still applies
/// in this tab and is written into each review edited).
pub fn save_reviewer_name(name: &str) {
    write_pref(NAME, Some(name));
}
