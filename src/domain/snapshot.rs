//! Snapshots: the self-assessment frozen on a date, so progress shows quarter by quarter. A
//! snapshot keeps what scores are computed from (stage, answers, area importance), not the
//! whole assessment, so storage stays small.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::answers::{Answer, AreaSettings};
use super::model::{Assessment, Stage};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub id: Uuid,
    /// E.g. "Q3 2026 review".
    pub name: String,
    pub taken_at: DateTime<Utc>,
    pub stage: Stage,
    pub answers: BTreeMap<String, Answer>,
    pub areas: BTreeMap<String, AreaSettings>,
}

impl Snapshot {
    /// Freezes the assessment as it is now.
    pub fn take(a: &Assessment, id: Uuid, name: impl Into<String>, now: DateTime<Utc>) -> Self {
        Snapshot {
            id,
            name: name.into(),
            taken_at: now,
            stage: a.profile.stage,
            answers: a.answers.clone(),
            areas: a.areas.clone(),
        }
    }

    /// An assessment holding only what the snapshot froze, for the scoring code.
    pub fn as_assessment(&self, base: &Assessment) -> Assessment {
        let mut a = Assessment::new(base.id, base.name.clone(), self.taken_at);
        a.profile.stage = self.stage;
        a.answers = self.answers.clone();
        a.areas = self.areas.clone();
        a
    }
}

pub mod diff;
pub mod list;
pub mod progress;
#[cfg(test)]
mod test_fixtures;
