//! Texts refused in an amount box ("4,2OO"), kept in this browser so that after a reload the box
//! still shows what was typed and why it was refused (#19, item 6). The assessment and its file
//! keep only the last valid value (the file format does not change); a draft lives under its own
//! prefix, outside the data the records, the storage event and exports read, keyed by assessment
//! and field, and is removed as soon as the box holds a valid value again. Like the display
//! preferences it is advice, not work: failing to read or write one is never an error.

use uuid::Uuid;

use super::browser::local_storage;

/// Where drafts live: outside `keys::PREFIX`, so nothing that loads or saves work sees them.
const DRAFT_PREFIX: &str = "cto-workbench/drafts/";

/// The key of the draft of field `field` (the box's id in the page) of assessment `assessment`.
fn draft_key(assessment: Uuid, field: &str) -> String {
    format!("{DRAFT_PREFIX}{assessment}/{field}")
}

/// The refused text kept for this box, if any.
pub fn read_draft(assessment: Uuid, field: &str) -> Option<String> {
    local_storage()
        .ok()?
        .get_item(&draft_key(assessment, field))
        .ok()
        .flatten()
}

/// Keeps `text` as the box's draft; `None` removes it (the box holds a valid value). A full or
/// blocked storage only loses the draft, so the outcome is not reported.
pub fn write_draft(assessment: Uuid, field: &str, text: Option<&str>) {
    let Ok(s) = local_storage() else {
        return;
    };
    let key = draft_key(assessment, field);
    let _ = match text {
        Some(t) => s.set_item(&key, t),
        None => s.remove_item(&key),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::keys::{assessment_id, PREFIX};

    #[test]
    fn a_draft_is_keyed_by_assessment_and_field_outside_the_data() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let key = draft_key(a, "person-week-rate");
        assert_eq!(
            key,
            "cto-workbench/drafts/00000000-0000-0000-0000-000000000001/person-week-rate"
        );
        assert_ne!(key, draft_key(b, "person-week-rate"));
        assert_ne!(key, draft_key(a, "inventory-x-cost"));
        // Never read as work: not under the data prefix, not an assessment record.
        assert!(!key.starts_with(PREFIX));
        assert_eq!(assessment_id(&key), None);
    }
}
