//! The roadmap's initiatives as an editable list, and the date and number parsing their forms
//! share.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::roadmap::Initiative;
use crate::ui::common::list_edit::{Keyed, ListEdit};
use crate::ui::i18n::{date, t};

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

/// A date as the user reads it in the language in use, e.g. "3 Mar 2026".
pub fn show_date(d: NaiveDate) -> String {
    date(d)
}

/// The title shown for an initiative, never blank.
pub fn title_of(i: &Initiative) -> String {
    let title = i.title.trim();
    if title.is_empty() {
        t("plan.initiative_edit_untitled").to_string()
    } else {
        title.to_string()
    }
}
