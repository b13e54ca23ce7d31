//! The consultant's tags (a group per client, e.g. "retainer" or "Q3 pitch"), kept in this
//! browser under their own prefix, one key per assessment id. They describe how this consultant
//! sorts clients, not the client, so they stay out of the assessment's record and out of every
//! exported file. Never read by loading, saving or the storage event, which only look under the
//! data prefix.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::faults::SaveError;
use super::plan::Store;

/// Outside the data prefix (`cto-workbench/v1/`), so records are never mistaken for tags.
const TAG_PREFIX: &str = "cto-workbench/portfolio/tag/";

/// Longest tag kept, in characters: a group's name, not a note.
pub const MAX_TAG_CHARS: usize = 40;

fn tag_key(id: Uuid) -> String {
    format!("{TAG_PREFIX}{id}")
}

/// The assessment a tag key belongs to; `None` for any other key.
fn tag_id(key: &str) -> Option<Uuid> {
    key.strip_prefix(TAG_PREFIX)
        .and_then(|id| Uuid::parse_str(id).ok())
}

/// A tag as stored: trimmed, inner runs of white space made one space, at most
/// [`MAX_TAG_CHARS`] characters.
pub fn clean_tag(tag: &str) -> String {
    let joined = tag.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.chars().take(MAX_TAG_CHARS).collect()
}

/// Every tag stored, by assessment id. Keys under the prefix that do not name an assessment,
/// and empty values, are skipped.
pub(super) fn read_tags(store: &impl Store) -> BTreeMap<Uuid, String> {
    store
        .keys(TAG_PREFIX)
        .into_iter()
        .filter_map(|key| {
            let id = tag_id(&key)?;
            let tag = clean_tag(&store.get(&key)?);
            (!tag.is_empty()).then_some((id, tag))
        })
        .collect()
}

/// Stores the tag of assessment `id` (cleaned); an empty tag removes the key.
pub(super) fn write_tag(store: &mut impl Store, id: Uuid, tag: &str) -> Result<(), SaveError> {
    let tag = clean_tag(tag);
    if tag.is_empty() {
        store.remove(&tag_key(id));
        Ok(())
    } else {
        store.set(&tag_key(id), &tag)
    }
}

/// This browser's tags; none where storage cannot be read.
pub fn load_tags() -> BTreeMap<Uuid, String> {
    match super::browser::local_storage() {
        Ok(s) => read_tags(&super::browser::Browser(&s)),
        Err(_) => BTreeMap::new(),
    }
}

/// Remembers the tag of assessment `id` in this browser.
pub fn save_tag(id: Uuid, tag: &str) -> Result<(), SaveError> {
    let s = super::browser::local_storage().map_err(SaveError::Unavailable)?;
    write_tag(&mut super::browser::Browser(&s), id, tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_keyed_by_assessment_under_their_own_prefix() {
        let id = Uuid::from_u128(7);
        let key = tag_key(id);
        assert_eq!(key, format!("cto-workbench/portfolio/tag/{id}"));
        assert_eq!(tag_id(&key), Some(id));
        // Outside the data prefix, so loading and saving never see them.
        assert!(!key.starts_with(super::super::keys::PREFIX));
        assert_eq!(tag_id("cto-workbench/portfolio/tag/not-a-uuid"), None);
        assert_eq!(tag_id(&format!("cto-workbench/v1/assessment/{id}")), None);
    }

    #[test]
    fn write_and_read_back_clean_and_remove() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let mut store: BTreeMap<String, String> = BTreeMap::new();
        write_tag(&mut store, a, "  Retainer   clients ").unwrap();
        write_tag(&mut store, b, "Pitch").unwrap();
        // Other keys under and beside the prefix are ignored.
        store.insert(format!("{TAG_PREFIX}junk"), "x".into());
        store.insert(format!("{TAG_PREFIX}{}", Uuid::from_u128(3)), "   ".into());
        store.insert(format!("cto-workbench/v1/assessment/{a}"), "{}".into());
        let tags = read_tags(&store);
        assert_eq!(
            tags,
            BTreeMap::from([
                (a, "Retainer clients".to_string()),
                (b, "Pitch".to_string())
            ])
        );
        write_tag(&mut store, a, " ").unwrap();
        assert!(!store.contains_key(&tag_key(a)));
        assert_eq!(read_tags(&store).len(), 1);
    }

    #[test]
    fn long_tags_are_cut_at_a_character_boundary() {
        let long = "客户".repeat(30);
        let cut = clean_tag(&long);
        assert_eq!(cut.chars().count(), MAX_TAG_CHARS);
        assert!(long.starts_with(&cut));
    }
}
