//! Who reviews in this browser: the reviewer's id and name, kept as two preferences so every
//! review edit made here is credited to the same person across assessments and reloads. Also
//! which assessments are in reviewer mode here (a set of ids), so the mode survives a reload or a
//! direct link; it belongs to this browser, never to the file.

use std::collections::BTreeSet;

use uuid::Uuid;

use super::prefs::{read_pref, write_pref};
use crate::domain::review::Reviewer;

const ID: &str = "reviewer-id";
const NAME: &str = "reviewer-name";
/// The ids of the assessments in reviewer mode, separated by spaces.
const REVIEWING: &str = "reviewing";

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

/// The ids in a stored list; anything unreadable is skipped.
fn parse_ids(stored: &str) -> BTreeSet<Uuid> {
    stored
        .split_whitespace()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect()
}

/// The stored list with `id` added (`on`) or taken out; `None` once the list is empty.
fn with_id(stored: &str, id: Uuid, on: bool) -> Option<String> {
    let mut ids = parse_ids(stored);
    if on {
        ids.insert(id);
    } else {
        ids.remove(&id);
    }
    let joined: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    (!joined.is_empty()).then(|| joined.join(" "))
}

/// Whether assessment `id` was left in reviewer mode in this browser.
pub fn load_reviewing(id: Uuid) -> bool {
    read_pref(REVIEWING).is_some_and(|s| parse_ids(&s).contains(&id))
}

/// Remembers whether assessment `id` is in reviewer mode; failing to is harmless (the mode still
/// applies in this tab).
pub fn save_reviewing(id: Uuid, on: bool) {
    let stored = read_pref(REVIEWING).unwrap_or_default();
    write_pref(REVIEWING, with_id(&stored, id, on).as_deref());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviewing_ids_are_added_removed_and_unreadable_ones_skipped() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let one = with_id("", a, true).unwrap();
        assert_eq!(parse_ids(&one), BTreeSet::from([a]));
        let two = with_id(&format!("{one} junk"), b, true).unwrap();
        assert_eq!(parse_ids(&two), BTreeSet::from([a, b]));
        assert!(!two.contains("junk"));
        assert_eq!(
            parse_ids(&with_id(&two, a, false).unwrap()),
            BTreeSet::from([b])
        );
        assert_eq!(with_id(&one, a, false), None);
    }
}
