//! When each assessment was last exported, and when to remind the user to export a copy.
//!
//! Work kept only in one browser can vanish with a cleared profile or a lost laptop; an exported
//! file is the user's backup. The log lives in local storage beside the assessments, never in
//! exported files: it describes this browser, not the assessment.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Edits older than this without an export bring up the reminder.
pub const REMIND_AFTER_DAYS: i64 = 7;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportLog {
    /// The last time each assessment went into an exported file.
    pub exported_at: BTreeMap<Uuid, DateTime<Utc>>,
    /// The first edit since that export, for assessments edited since.
    pub unexported_since: BTreeMap<Uuid, DateTime<Utc>>,
}

/// Whether and why to remind the user to export an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Whole days since the first edit that no export holds.
    pub days: i64,
    pub ever_exported: bool,
}

impl ExportLog {
    pub fn edited(&mut self, id: Uuid, now: DateTime<Utc>) {
        self.unexported_since.entry(id).or_insert(now);
    }

    pub fn exported(&mut self, ids: impl IntoIterator<Item = Uuid>, now: DateTime<Utc>) {
        for id in ids {
            self.exported_at.insert(id, now);
            self.unexported_since.remove(&id);
        }
    }

    /// Forgets assessments no longer in the workspace, so the log does not grow forever.
    pub fn keep_only(&mut self, ids: &[Uuid]) {
        self.exported_at.retain(|id, _| ids.contains(id));
        self.unexported_since.retain(|id, _| ids.contains(id));
    }

    pub fn last_export(&self, id: Uuid) -> Option<DateTime<Utc>> {
        self.exported_at.get(&id).copied()
    }

    /// A reminder once edits have gone a week without an export.
    pub fn reminder(&self, id: Uuid, now: DateTime<Utc>) -> Option<Reminder> {
        let since = *self.unexported_since.get(&id)?;
        let age = now - since;
        (age >= Duration::days(REMIND_AFTER_DAYS)).then(|| Reminder {
            days: age.num_days(),
            ever_exported: self.exported_at.contains_key(&id),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(d * 86_400, 0).unwrap()
    }

    #[test]
    fn a_reminder_comes_after_a_week_of_edits_without_an_export() {
        let id = Uuid::from_u128(1);
        let mut log = ExportLog::default();
        assert_eq!(
            log.reminder(id, day(30)),
            None,
            "no edits, nothing to remind"
        );
        log.edited(id, day(1));
        log.edited(id, day(5));
        assert_eq!(log.reminder(id, day(7)), None, "six days");
        assert_eq!(
            log.reminder(id, day(8)),
            Some(Reminder {
                days: 7,
                ever_exported: false
            })
        );
        log.exported([id], day(9));
        assert_eq!(log.reminder(id, day(40)), None, "exported, nothing new");
        assert_eq!(log.last_export(id), Some(day(9)));
        log.edited(id, day(10));
        assert_eq!(
            log.reminder(id, day(20)),
            Some(Reminder {
                days: 10,
                ever_exported: true
            })
        );
    }

    #[test]
    fn removed_assessments_leave_the_log() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let mut log = ExportLog::default();
        log.edited(a, day(1));
        log.exported([b], day(1));
        log.keep_only(&[a]);
        assert!(log.last_export(b).is_none());
        assert!(log.reminder(a, day(9)).is_some());
    }
}
