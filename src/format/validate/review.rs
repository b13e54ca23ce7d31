//! Checks for schema v6's review and snapshots: levels in range, keys that look like ids,
//! texts within limits, one id per snapshot.

use super::{answer_map, id_key, level, text, unique_ids};
use crate::domain::model::Assessment;
use crate::format::Problem;

pub(super) fn review_and_snapshots(
    at: &str,
    a: &Assessment,
    trusted_snapshots: bool,
    problems: &mut Vec<Problem>,
) {
    let r = &a.review;
    text(problems, || format!("{at}.review.reviewer"), &r.reviewer);
    for (key, review) in &r.answers {
        id_key(problems, || format!("{at}.review.answers[\"{key}\"]"), key);
        level(
            problems,
            || format!("{at}.review.answers.{key}.level"),
            review.level,
        );
        text(
            problems,
            || format!("{at}.review.answers.{key}.comment"),
            &review.comment,
        );
    }
    for (key, review) in &r.areas {
        id_key(problems, || format!("{at}.review.areas[\"{key}\"]"), key);
        text(
            problems,
            || format!("{at}.review.areas.{key}.comment"),
            &review.comment,
        );
    }
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
