//! The board report's basis (self-assessment, reviewed levels or both, and whose reviewed
//! levels) remembered per assessment in this browser, as a preference under
//! `report-basis/<assessment id>`: a founder who chose "Reviewed levels" finds the report on them
//! after a reload. It belongs to this browser, never to the file. A value that cannot be read
//! (an older or hand-edited one) is ignored, and failing to remember is harmless.

use uuid::Uuid;

use super::prefs::{read_pref, write_pref};
use crate::domain::board_report::Basis;

fn name(id: Uuid) -> String {
    format!("report-basis/{id}")
}

/// The stored form: the basis id, then the reviewer's id when one is chosen ("reviewed <uuid>").
fn encode(basis: Basis, reviewer: Option<Uuid>) -> String {
    match reviewer {
        Some(r) => format!("{} {r}", basis.id()),
        None => basis.id().to_string(),
    }
}

/// Reads the stored form; `None` when the basis is unknown. An unreadable reviewer id is
/// dropped (the report then shows each question's latest reviewed level).
fn decode(stored: &str) -> Option<(Basis, Option<Uuid>)> {
    let mut parts = stored.split_whitespace();
    let basis = Basis::from_id(parts.next()?)?;
    let reviewer = parts.next().and_then(|r| Uuid::parse_str(r).ok());
    Some((basis, reviewer))
}

/// The basis last chosen for assessment `id` in this browser, if any.
pub fn load_report_basis(id: Uuid) -> Option<(Basis, Option<Uuid>)> {
    read_pref(&name(id)).as_deref().and_then(decode)
}

/// Remembers the basis chosen for assessment `id`.
pub fn save_report_basis(id: Uuid, basis: Basis, reviewer: Option<Uuid>) {
    write_pref(&name(id), Some(&encode(basis, reviewer)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_basis_round_trips_and_unreadable_values_are_ignored() {
        let r = Uuid::from_u128(9);
        for (basis, reviewer) in [
            (Basis::SelfAssessed, None),
            (Basis::Reviewed, Some(r)),
            (Basis::Both, None),
        ] {
            assert_eq!(decode(&encode(basis, reviewer)), Some((basis, reviewer)));
        }
        assert_eq!(decode("reviewed junk"), Some((Basis::Reviewed, None)));
        assert_eq!(decode("Reviewed"), None);
        assert_eq!(decode(""), None);
        assert_ne!(name(Uuid::from_u128(1)), name(Uuid::from_u128(2)));
    }
}
