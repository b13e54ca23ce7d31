//! Checks beyond the JSON shape: ranges, lengths, uniqueness. Collects every problem rather than
//! stopping at the first, so a hand-written file can be fixed in one pass.

use std::collections::HashMap;

use super::{FileKind, FormatError, Problem};
use crate::domain::model::{Assessment, MAX_TEAM_SIZE, MAX_TEXT_CHARS};

pub(super) fn envelope(kind: FileKind, assessments: &[Assessment]) -> Result<(), FormatError> {
    let mut problems = Vec::new();
    if kind == FileKind::Assessment && assessments.len() != 1 {
        problems.push(Problem::new(
            "assessments",
            format!(
                "a file of kind \"assessment\" holds exactly one assessment, found {}",
                assessments.len()
            ),
        ));
    }
    let mut seen: HashMap<uuid::Uuid, usize> = HashMap::new();
    for (i, a) in assessments.iter().enumerate() {
        let at = format!("assessments[{i}]");
        if let Some(first) = seen.insert(a.id, i) {
            problems.push(Problem::new(
                format!("{at}.id"),
                format!("the same id as assessments[{first}]; each assessment needs its own id"),
            ));
        }
        assessment(&at, a, &mut problems);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(FormatError::Invalid(problems))
    }
}

fn assessment(at: &str, a: &Assessment, problems: &mut Vec<Problem>) {
    let p = &a.profile;
    let texts = [
        ("name", &a.name),
        ("profile.company_name", &p.company_name),
        ("profile.industry", &p.industry),
        ("profile.business_model", &p.business_model),
        ("profile.mission", &p.mission),
        ("profile.vision", &p.vision),
    ];
    for (field, text) in texts {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            problems.push(Problem::new(
                format!("{at}.{field}"),
                format!("is {chars} characters long; the limit is {MAX_TEXT_CHARS}"),
            ));
        }
    }
    if let Some(size) = p.team_size {
        if size > MAX_TEAM_SIZE {
            problems.push(Problem::new(
                format!("{at}.profile.team_size"),
                format!("{size} is out of range (0 to {MAX_TEAM_SIZE})"),
            ));
        }
    }
    if a.updated_at < a.created_at {
        problems.push(Problem::new(
            format!("{at}.updated_at"),
            "is earlier than created_at",
        ));
    }
}
