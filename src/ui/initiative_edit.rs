//! The roadmap's initiatives as an editable list, and the date and number parsing their forms
//! share.

use chrono::NaiveDate;
use uuid::Uuid;

use super::list_edit::{Keyed, ListEdit};
use crate::domain::roadmap::Initiative;

impl Keyed for Initiative {
    fn key(&self) -> Uuid {
        self.id
    }
}

pub fn initiatives() -> ListEdit<Initiative> {
    ListEdit::new(|a| &a.initiatives, |a| &mut a.initiatives)
}

/// A date from an `<input type="date">`: blank is `None`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A date as the user reads it, e.g. "3 Mar 2026".
pub fn show_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The title shown for an initiative, never blank.
pub fn title_of(i: &Initiative) -> String {
    let t = i.title.trim();
    if t.is_empty() {
        "Untitled initiative".to_string()
    } else {
        t.to_string()
    }
}
