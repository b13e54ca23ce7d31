//! A small framework (three areas of 3, 2 and 2 questions) and helpers shared by the snapshot
//! tests.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use crate::content::test_content::area;
use crate::content::Content;
use crate::domain::{Assessment, Stage};

/// Areas "a" (3 questions), "b" (2) and "c" (2), named "A", "B", "C".
pub fn content() -> Content {
    Content {
        scale: vec![],
        areas: vec![area("a", 3), area("b", 2), area("c", 2)],
    }
}

/// An empty seed-stage assessment.
pub fn assessment() -> Assessment {
    let mut a = Assessment::new(Uuid::nil(), "t", at(2026, 1, 1));
    a.profile.stage = Stage::Seed;
    a
}

/// Sets the current level of a question (`None` clears it).
pub fn set(a: &mut Assessment, id: &str, current: Option<u8>) {
    a.answers.entry(id.into()).or_default().current = current;
}

/// Noon UTC on a day, so the calendar day is the same in nearly every time zone.
pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
