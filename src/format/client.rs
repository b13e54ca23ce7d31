//! "Export for the client": the copy of assessments a reviewer sends back to the founder, with
//! every private note left out. The normal export keeps them (it is the reviewer's own backup).
//!
//! Owns the rule of what is private in a file. Pure: never changes the assessments it is given.

use crate::domain::Assessment;

/// The assessments with every private note removed, and how many notes were removed. An entry
/// that held only a private note is dropped, and so is a review left with nothing in it, so the
/// copy does not even show where notes were.
pub fn without_private_notes(assessments: &[Assessment]) -> (Vec<Assessment>, usize) {
    let mut removed = 0;
    let copies = assessments
        .iter()
        .map(|a| {
            let mut a = a.clone();
            for r in &mut a.reviews {
                removed += r.private_notes();
                for x in r.answers.values_mut() {
                    x.private_note.clear();
                }
                for x in r.areas.values_mut() {
                    x.private_note.clear();
                }
                r.answers.retain(|_, x| !x.is_empty());
                r.areas.retain(|_, x| !x.is_empty());
            }
            a.reviews.retain(|r| !r.is_empty());
            a
        })
        .collect();
    (copies, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::{set_answer_review, set_area_review, AreaStatus, Reviewer};
    use crate::format::{export, import, FileKind};
    use chrono::DateTime;
    use uuid::Uuid;

    #[test]
    fn private_notes_are_left_out_and_everything_else_kept() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut a = Assessment::new(Uuid::from_u128(1), "Client", now);
        let jane = Reviewer {
            id: Uuid::from_u128(2),
            name: "Jane".into(),
        };
        let li = Reviewer {
            id: Uuid::from_u128(3),
            name: "Li".into(),
        };
        set_answer_review(&mut a, &jane, now, "strategy.written-strategy", |x| {
            x.level = Some(1);
            x.comment = "Write it down".into();
            x.private_note = "SECRET fee discussion".into();
        });
        set_area_review(&mut a, &jane, now, "security", |x| {
            x.status = AreaStatus::Challenged;
            x.private_note = "SECRET pen test quote".into();
        });
        // Li wrote only private notes: his review disappears from the client's copy.
        set_answer_review(&mut a, &li, now, "security.access-control", |x| {
            x.private_note = "SECRET ask about the breach".into();
        });
        let original = a.clone();

        let (copy, removed) = without_private_notes(std::slice::from_ref(&a));
        assert_eq!(removed, 3);
        assert_eq!(a, original, "the assessment itself keeps its notes");
        let text = export(FileKind::Assessment, &copy, now);
        assert!(!text.contains("SECRET"), "{text}");
        assert!(!text.contains("private_note"));
        let back = import(&text).unwrap().assessments.remove(0);
        assert_eq!(back.reviews.len(), 1);
        let r = &back.reviews[0];
        assert_eq!(r.reviewer, "Jane");
        assert_eq!(
            r.answers["strategy.written-strategy"].comment,
            "Write it down"
        );
        assert_eq!(r.answers["strategy.written-strategy"].level, Some(1));
        assert_eq!(r.areas["security"].status, AreaStatus::Challenged);
        // The normal export keeps them: it is the reviewer's own backup.
        assert!(export(FileKind::Assessment, &[a], now).contains("SECRET fee discussion"));
    }

    #[test]
    fn nothing_private_means_nothing_removed() {
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let a = Assessment::new(Uuid::from_u128(1), "x", now);
        let (copy, removed) = without_private_notes(std::slice::from_ref(&a));
        assert_eq!((copy, removed), (vec![a], 0));
    }
}
