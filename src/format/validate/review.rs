//! Checks for the reviews (schema v8: one per reviewer, one id each), the report's texts and
//! the snapshots: levels in range, keys that look like ids, texts within limits, one id per
//! snapshot.

use std::collections::HashMap;

use super::{answer_map, id_key, level, same_id_as, text, unique_ids};
use crate::domain::model::Assessment;
use crate::format::Problem;

pub(super) fn review_and_snapshots(
    at: &str,
    a: &Assessment,
    trusted_snapshots: bool,
    problems: &mut Vec<Problem>,
) {
    let mut seen: HashMap<&uuid::Uuid, usize> = HashMap::new();
    for (i, r) in a.reviews.iter().enumerate() {
        let here = format!("{at}.reviews[{i}]");
        if let Some(first) = seen.insert(&r.reviewer_id, i) {
            problems.push(Problem::new(
                format!("{here}.reviewer_id"),
                same_id_as(&format!("{at}.reviews[{first}]")),
            ));
        }
        text(problems, || format!("{here}.reviewer"), &r.reviewer);
        for (key, review) in &r.answers {
            id_key(problems, || format!("{here}.answers[\"{key}\"]"), key);
            level(
                problems,
                || format!("{here}.answers.{key}.level"),
                review.level,
            );
            text(
                problems,
                || format!("{here}.answers.{key}.comment"),
                &review.comment,
            );
            text(
                problems,
                || format!("{here}.answers.{key}.private_note"),
                &review.private_note,
            );
        }
        for (key, review) in &r.areas {
            id_key(problems, || format!("{here}.areas[\"{key}\"]"), key);
            text(
                problems,
                || format!("{here}.areas.{key}.comment"),
                &review.comment,
            );
            text(
                problems,
                || format!("{here}.areas.{key}.private_note"),
                &review.private_note,
            );
        }
    }
    text(
        problems,
        || format!("{at}.report.summary"),
        &a.report.summary,
    );
    text(
        problems,
        || format!("{at}.report.recommendations"),
        &a.report.recommendations,
    );
    if trusted_snapshots {
        return;
    }
    let path = format!("{at}.snapshots");
    unique_ids(problems, &path, a.snapshots.iter().map(|s| &s.id));
    for (i, s) in a.snapshots.iter().enumerate() {
        let here = format!("{path}[{i}]");
        text(problems, || format!("{here}.name"), &s.name);
        answer_map(&here, &s.answers, &s.areas, problems);
    }
}
