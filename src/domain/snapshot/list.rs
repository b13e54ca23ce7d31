//! The snapshots kept in an assessment: taking one under a clean name, finding, renaming and
//! removing it, and reading them in date order. Never reads the clock: the caller passes the
//! instant (`now`) and the founder's calendar day (`today`).

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::Snapshot;
use crate::domain::Assessment;
use crate::i18n::{current, date, tr, trf};

/// Longest snapshot name kept, in characters; longer names are cut.
pub const MAX_NAME_CHARS: usize = 120;

/// The name offered before the founder types one, e.g. "Snapshot of 23 Nov 2026". It becomes
/// the founder's data, so it is written once, in the language in use when the snapshot is taken.
pub fn default_name(today: NaiveDate) -> String {
    trf(
        "domain.snapshot_default_name",
        &[("date", &date(current(), today))],
    )
}

/// The name to keep for what was typed: trimmed, at most [`MAX_NAME_CHARS`] characters, and
/// [`default_name`] when nothing but spaces was typed.
pub fn clean_name(typed: &str, today: NaiveDate) -> String {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return default_name(today);
    }
    trimmed.chars().take(MAX_NAME_CHARS).collect::<String>()
}

/// Freezes the assessment as it is `now` under the cleaned `typed_name` and adds the snapshot
/// at the end of the list (the newest). Returns the name kept.
pub fn take(
    a: &mut Assessment,
    id: Uuid,
    typed_name: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> String {
    let name = clean_name(typed_name, today);
    let snapshot = Snapshot::take(a, id, name.clone(), now);
    a.snapshots.push(snapshot);
    name
}

/// The snapshot with this id, if the assessment still has it.
pub fn find(a: &Assessment, id: Uuid) -> Option<&Snapshot> {
    a.snapshots.iter().find(|s| s.id == id)
}

/// Renames a snapshot; the text is kept as typed (so typing is never fought), cut at
/// [`MAX_NAME_CHARS`]. Returns false when there is no such snapshot.
pub fn rename(a: &mut Assessment, id: Uuid, name: &str) -> bool {
    match a.snapshots.iter_mut().find(|s| s.id == id) {
        Some(s) => {
            s.name = name.chars().take(MAX_NAME_CHARS).collect();
            true
        }
        None => false,
    }
}

/// Removes a snapshot and hands it back, or `None` when there was no such snapshot.
pub fn remove(a: &mut Assessment, id: Uuid) -> Option<Snapshot> {
    let at = a.snapshots.iter().position(|s| s.id == id)?;
    Some(a.snapshots.remove(at))
}

/// The snapshots oldest first. Files edited by hand may list them in any order; snapshots
/// taken at the same instant keep their order in the file.
pub fn in_date_order(a: &Assessment) -> Vec<&Snapshot> {
    let mut list: Vec<&Snapshot> = a.snapshots.iter().collect();
    list.sort_by_key(|s| s.taken_at);
    list
}

/// A name as shown in lists and table headings: the name, or "Untitled snapshot" when blank.
pub fn display_name(s: &Snapshot) -> String {
    let name = s.name.trim();
    if name.is_empty() {
        tr("domain.snapshot_untitled").to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{assessment, at, day, set};
    use super::*;
    use crate::domain::answers::AreaSettings;
    use crate::domain::Stage;

    #[test]
    fn taking_a_snapshot_freezes_answers_stage_and_importance() {
        let mut a = assessment();
        set(&mut a, "a.q0", Some(2));
        a.areas.insert("a".into(), AreaSettings { importance: 3 });
        let id = Uuid::from_u128(7);
        let name = take(
            &mut a,
            id,
            "  Q3 review  ",
            at(2026, 9, 30),
            day(2026, 9, 30),
        );
        assert_eq!(name, "Q3 review");
        // Later edits do not reach the snapshot.
        set(&mut a, "a.q0", Some(4));
        a.profile.stage = Stage::SeriesA;
        let s = find(&a, id).unwrap();
        assert_eq!(s.name, "Q3 review");
        assert_eq!(s.taken_at, at(2026, 9, 30));
        assert_eq!(s.stage, Stage::Seed);
        assert_eq!(s.answers["a.q0"].current, Some(2));
        assert_eq!(s.areas["a"].importance, 3);
        assert_eq!(a.snapshots.len(), 1);
    }

    #[test]
    fn blank_names_get_the_dated_default_and_long_names_are_cut() {
        let today = day(2026, 11, 23);
        assert_eq!(default_name(today), "Snapshot of 23 Nov 2026");
        assert_eq!(default_name(day(2027, 1, 5)), "Snapshot of 5 Jan 2027");
        assert_eq!(clean_name(" \t ", today), "Snapshot of 23 Nov 2026");
        let long = "é".repeat(500);
        assert_eq!(clean_name(&long, today).chars().count(), MAX_NAME_CHARS);
        let mut a = assessment();
        let id = Uuid::from_u128(1);
        take(&mut a, id, "", at(2026, 11, 23), today);
        assert_eq!(a.snapshots[0].name, "Snapshot of 23 Nov 2026");
        assert!(rename(&mut a, id, ""));
        assert_eq!(display_name(&a.snapshots[0]), "Untitled snapshot");
        assert!(rename(&mut a, id, "Board meeting"));
        assert_eq!(display_name(&a.snapshots[0]), "Board meeting");
        assert!(!rename(&mut a, Uuid::from_u128(99), "x"));
    }

    #[test]
    fn removing_returns_the_snapshot_and_date_order_ignores_file_order() {
        let mut a = assessment();
        take(
            &mut a,
            Uuid::from_u128(1),
            "late",
            at(2026, 6, 1),
            day(2026, 6, 1),
        );
        take(
            &mut a,
            Uuid::from_u128(2),
            "early",
            at(2026, 1, 1),
            day(2026, 1, 1),
        );
        take(
            &mut a,
            Uuid::from_u128(3),
            "mid",
            at(2026, 3, 1),
            day(2026, 3, 1),
        );
        let names: Vec<&str> = in_date_order(&a).iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["early", "mid", "late"]);
        let removed = remove(&mut a, Uuid::from_u128(3)).unwrap();
        assert_eq!(removed.name, "mid");
        assert_eq!(a.snapshots.len(), 2);
        assert!(remove(&mut a, Uuid::from_u128(3)).is_none());
        assert!(find(&a, Uuid::from_u128(3)).is_none());
    }

    #[test]
    fn the_default_name_is_written_in_the_language_in_use_and_kept() {
        use super::super::diff::{change_words, QuestionState};
        let mut a = assessment();
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let name = take(
            &mut a,
            Uuid::from_u128(1),
            "  ",
            at(2026, 11, 23),
            day(2026, 11, 23),
        );
        let mut blank = a.snapshots[0].clone();
        blank.name = " ".into();
        let words = [
            display_name(&blank),
            change_words(Some(1.0), Some(1.5)),
            change_words(Some(2.0), Some(1.0)),
            change_words(None, Some(1.0)),
            QuestionState::Level(2).label(),
            QuestionState::NotApplicable.label(),
        ];
        crate::i18n::set_current(crate::i18n::Lang::En);
        assert_eq!(name, "2026年11月23日的快照");
        assert_eq!(
            words,
            [
                "未命名快照",
                "上升 0.5",
                "下降 1.0",
                "新有得分",
                "等级 2",
                "不适用"
            ]
        );
        // The name is the founder's data now: switching back to English does not rewrite it.
        assert_eq!(a.snapshots[0].name, "2026年11月23日的快照");
        assert_eq!(default_name(day(2026, 11, 23)), "Snapshot of 23 Nov 2026");
    }
}
