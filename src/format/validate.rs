//! Checks beyond the JSON shape: ranges, lengths, uniqueness. Collects every problem rather than
//! stopping at the first, so a hand-written file can be fixed in one pass.
//!
//! Every check is linear in the size of the file (links are looked up in hash sets), so the
//! largest accepted file is checked in well under a second.

use std::collections::{HashMap, HashSet};

pub(crate) mod limits;
mod plan;
mod review;
pub(super) mod shape;

use super::{FileKind, FormatError, Problem};
use crate::domain::answers::{check_link, MAX_EVIDENCE, MAX_LEVEL};
use crate::domain::context::{Quadrant, MAX_MONTHLY_COST};
use crate::domain::costs::Costs;
use crate::domain::model::{Assessment, MAX_TEAM_SIZE, MAX_TEXT_CHARS};
use crate::domain::scorecard::{Scorecard, CULTURE_MAX, MAX_SCORE, MAX_WEIGHT};
use crate::i18n::{tr, trf};

/// Largest KPI value accepted, either sign.
const MAX_KPI_VALUE: f64 = 1.0e12;
use limits::MAX_MEASUREMENTS;
/// Largest indicator value or threshold accepted, either sign.
const MAX_INDICATOR: f64 = 1.0e9;

/// Longest question or area id accepted in a file.
const MAX_ID_CHARS: usize = 100;

/// Lists of an assessment whose own contents are known to pass these checks, so they are not
/// checked again: lists taken unchanged from a copy this tab already holds, when another tab's
/// save changed only the rest. Links between lists are still checked unless both ends are
/// unchanged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Trusted {
    pub kpis: bool,
    pub snapshots: bool,
    pub scorecards: bool,
    /// Also requires the goals they link to be unchanged.
    pub initiatives: bool,
    /// Also requires the initiatives they link to be trusted.
    pub risks: bool,
}

pub(super) fn envelope(kind: FileKind, assessments: &[Assessment]) -> Result<(), FormatError> {
    envelope_trusting(kind, assessments, Trusted::default())
}

/// [`envelope`], skipping what `trusted` says is known to pass.
pub(super) fn envelope_trusting(
    kind: FileKind,
    assessments: &[Assessment],
    trusted: Trusted,
) -> Result<(), FormatError> {
    let mut problems = Vec::new();
    if kind == FileKind::Assessment && assessments.len() != 1 {
        problems.push(Problem::new(
            "assessments",
            trf(
                "format.validate_one_assessment",
                &[("count", &assessments.len().to_string())],
            ),
        ));
    }
    let mut seen: HashMap<uuid::Uuid, usize> = HashMap::new();
    for (i, a) in assessments.iter().enumerate() {
        let at = format!("assessments[{i}]");
        if let Some(first) = seen.insert(a.id, i) {
            problems.push(Problem::new(
                format!("{at}.id"),
                trf(
                    "format.validate_same_assessment_id",
                    &[("other", &format!("assessments[{first}]"))],
                ),
            ));
        }
        assessment(&at, a, trusted, &mut problems);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(FormatError::Invalid(problems))
    }
}

fn assessment(at: &str, a: &Assessment, trusted: Trusted, problems: &mut Vec<Problem>) {
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
        text_length(problems, || format!("{at}.{field}"), text);
    }
    if let Some(size) = p.team_size {
        if size > MAX_TEAM_SIZE {
            problems.push(out_of_range_whole(
                format!("{at}.profile.team_size"),
                size,
                0,
                MAX_TEAM_SIZE,
            ));
        }
    }
    let code = &p.currency;
    if !(code.is_empty() || (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))) {
        problems.push(Problem::new(
            format!("{at}.profile.currency"),
            tr("format.validate_currency"),
        ));
    }
    for (field, value) in a.costs.figures() {
        if let Some(v) = value {
            let max = Costs::max_of(field);
            if !(0.0..=max).contains(&v) {
                problems.push(out_of_range(
                    format!("{at}.costs.{field}"),
                    v,
                    0,
                    format!("{max:.0}"),
                ));
            }
        }
    }
    if a.updated_at < a.created_at {
        problems.push(Problem::new(
            format!("{at}.updated_at"),
            tr("format.validate_updated_before_created"),
        ));
    }
    answers(at, a, problems);
    context(at, a, problems);
    if !trusted.scorecards {
        for (i, card) in a.scorecards.iter().enumerate() {
            scorecard(&format!("{at}.scorecards[{i}]"), card, problems);
        }
        unique_ids(
            problems,
            &format!("{at}.scorecards"),
            a.scorecards.iter().map(|c| &c.id),
        );
    }
    kpis(at, a, trusted.kpis, problems);
    plan::plan(at, a, trusted, problems);
    review::review_and_snapshots(at, a, trusted.snapshots, problems);
}

fn kpis(at: &str, a: &Assessment, trusted: bool, problems: &mut Vec<Problem>) {
    if !trusted {
        kpi_list(at, a, problems);
    }
    goals(at, a, problems);
}

fn kpi_list(at: &str, a: &Assessment, problems: &mut Vec<Problem>) {
    unique_ids(
        problems,
        &format!("{at}.kpis"),
        a.kpis.iter().map(|k| &k.id),
    );
    for (i, k) in a.kpis.iter().enumerate() {
        let here = format!("{at}.kpis[{i}]");
        for (field, value) in [
            ("name", &k.name),
            ("description", &k.description),
            ("unit", &k.unit),
            ("owner", &k.owner),
        ] {
            text(problems, || format!("{here}.{field}"), value);
        }
        if let Some(preset) = &k.preset {
            id_key(problems, || format!("{here}.preset"), preset);
        }
        for (field, value) in [("baseline", k.baseline), ("target", k.target)] {
            if let Some(v) = value {
                number(
                    problems,
                    || format!("{here}.{field}.value"),
                    v.value,
                    -MAX_KPI_VALUE..=MAX_KPI_VALUE,
                );
            }
        }
        if k.measurements.len() > MAX_MEASUREMENTS {
            problems.push(Problem::new(
                format!("{here}.measurements"),
                trf(
                    "format.validate_too_many_measurements",
                    &[
                        ("count", &k.measurements.len().to_string()),
                        ("max", &MAX_MEASUREMENTS.to_string()),
                    ],
                ),
            ));
        }
        unique_ids(
            problems,
            &format!("{here}.measurements"),
            k.measurements.iter().map(|m| &m.id),
        );
        for (j, m) in k.measurements.iter().enumerate() {
            number(
                problems,
                || format!("{here}.measurements[{j}].value"),
                m.value,
                -MAX_KPI_VALUE..=MAX_KPI_VALUE,
            );
        }
    }
}

/// Goals and their key results, with the links to KPIs.
fn goals(at: &str, a: &Assessment, problems: &mut Vec<Problem>) {
    unique_ids(
        problems,
        &format!("{at}.goals"),
        a.goals.iter().map(|g| &g.id),
    );
    let kpi_ids: HashSet<uuid::Uuid> = a.kpis.iter().map(|k| k.id).collect();
    for (i, g) in a.goals.iter().enumerate() {
        let here = format!("{at}.goals[{i}]");
        text(problems, || format!("{here}.objective"), &g.objective);
        text(problems, || format!("{here}.description"), &g.description);
        if let Some(area) = &g.area {
            id_key(problems, || format!("{here}.area"), area);
        }
        unique_ids(
            problems,
            &format!("{here}.key_results"),
            g.key_results.iter().map(|k| &k.id),
        );
        for (j, kr) in g.key_results.iter().enumerate() {
            text(
                problems,
                || format!("{here}.key_results[{j}].text"),
                &kr.text,
            );
            if let Some(kpi) = kr.kpi {
                if !kpi_ids.contains(&kpi) {
                    problems.push(Problem::new(
                        format!("{here}.key_results[{j}].kpi"),
                        tr("format.validate_no_such_kpi"),
                    ));
                }
            }
        }
    }
}

fn number(
    problems: &mut Vec<Problem>,
    path: impl FnOnce() -> String,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
) {
    if !value.is_finite() || !range.contains(&value) {
        problems.push(out_of_range(path(), value, range.start(), range.end()));
    }
}

/// "`value` is out of range; expected a number from `min` to `max`", each number written as
/// Rust writes it.
fn out_of_range(
    path: String,
    value: impl std::fmt::Display,
    min: impl std::fmt::Display,
    max: impl std::fmt::Display,
) -> Problem {
    range_problem("import.validate_number_range", path, value, min, max)
}

/// [`out_of_range`] for a field that takes whole numbers only.
fn out_of_range_whole(
    path: String,
    value: impl std::fmt::Display,
    min: impl std::fmt::Display,
    max: impl std::fmt::Display,
) -> Problem {
    range_problem("import.validate_whole_number_range", path, value, min, max)
}

fn range_problem(
    key: &str,
    path: String,
    value: impl std::fmt::Display,
    min: impl std::fmt::Display,
    max: impl std::fmt::Display,
) -> Problem {
    Problem::new(
        path,
        trf(
            key,
            &[
                ("value", &value.to_string()),
                ("min", &min.to_string()),
                ("max", &max.to_string()),
            ],
        ),
    )
}

fn small(
    problems: &mut Vec<Problem>,
    path: impl FnOnce() -> String,
    value: u8,
    range: std::ops::RangeInclusive<u8>,
) {
    if !range.contains(&value) {
        problems.push(out_of_range_whole(
            path(),
            value,
            range.start(),
            range.end(),
        ));
    }
}

fn scorecard(at: &str, card: &Scorecard, problems: &mut Vec<Problem>) {
    text(problems, || format!("{at}.name"), &card.name);
    if let Some(kind) = &card.project_kind {
        id_key(problems, || format!("{at}.project_kind"), kind);
    }
    let mut seen = HashMap::new();
    for (i, c) in card.criteria.iter().enumerate() {
        let here = format!("{at}.criteria[{i}]");
        id_key(problems, || format!("{here}.id"), &c.id);
        if let Some(first) = seen.insert(c.id.as_str(), i) {
            problems.push(Problem::new(
                format!("{here}.id"),
                same_id_as(&format!("{at}.criteria[{first}]")),
            ));
        }
        text(problems, || format!("{here}.name"), &c.name);
        text(problems, || format!("{here}.description"), &c.description);
        number(
            problems,
            || format!("{here}.weight"),
            c.weight,
            0.0..=MAX_WEIGHT,
        );
        if c.levels.len() != usize::from(MAX_SCORE) + 1 {
            problems.push(Problem::new(
                format!("{here}.levels"),
                trf(
                    "format.validate_level_descriptions",
                    &[
                        ("count", &c.levels.len().to_string()),
                        ("max", &MAX_SCORE.to_string()),
                        ("need", &(MAX_SCORE + 1).to_string()),
                    ],
                ),
            ));
        }
        for (j, level) in c.levels.iter().enumerate() {
            text(problems, || format!("{here}.levels[{j}]"), level);
        }
        if let Some(m) = c.must_have {
            small(problems, || format!("{here}.must_have"), m, 1..=MAX_SCORE);
        }
        let mut seen_indicators = HashMap::new();
        for (j, ind) in c.indicators.iter().enumerate() {
            id_key(problems, || format!("{here}.indicators[{j}].id"), &ind.id);
            if let Some(first) = seen_indicators.insert(ind.id.as_str(), j) {
                problems.push(Problem::new(
                    format!("{here}.indicators[{j}].id"),
                    same_id_as(&format!("{here}.indicators[{first}]")),
                ));
            }
            text(
                problems,
                || format!("{here}.indicators[{j}].name"),
                &ind.name,
            );
            text(
                problems,
                || format!("{here}.indicators[{j}].unit"),
                &ind.unit,
            );
            number(
                problems,
                || format!("{here}.indicators[{j}].threshold"),
                ind.threshold,
                -MAX_INDICATOR..=MAX_INDICATOR,
            );
        }
    }
    unique_ids(
        problems,
        &format!("{at}.candidates"),
        card.candidates.iter().map(|c| &c.id),
    );
    for (i, cand) in card.candidates.iter().enumerate() {
        let here = format!("{at}.candidates[{i}]");
        text(problems, || format!("{here}.name"), &cand.name);
        text(problems, || format!("{here}.notes"), &cand.notes);
        if let Some(price) = cand.monthly_price {
            number(
                problems,
                || format!("{here}.monthly_price"),
                price,
                0.0..=crate::domain::costs::MAX_COST_FIGURE,
            );
        }
        for (key, score) in &cand.scores {
            let path = format!("{here}.scores.{key}");
            id_key(problems, || format!("{here}.scores[\"{key}\"]"), key);
            if let Some(v) = score.score {
                small(problems, || format!("{path}.score"), v, 0..=MAX_SCORE);
            }
            text(problems, || format!("{path}.evidence"), &score.evidence);
            for (ind, value) in &score.indicators {
                id_key(problems, || format!("{path}.indicators[\"{ind}\"]"), ind);
                number(
                    problems,
                    || format!("{path}.indicators.{ind}"),
                    *value,
                    -MAX_INDICATOR..=MAX_INDICATOR,
                );
            }
        }
        for (key, value) in &cand.culture {
            id_key(problems, || format!("{here}.culture[\"{key}\"]"), key);
            small(
                problems,
                || format!("{here}.culture.{key}"),
                *value,
                1..=CULTURE_MAX,
            );
        }
        for (key, fit) in &cand.operating_fit {
            id_key(problems, || format!("{here}.operating_fit[\"{key}\"]"), key);
            if let Some(v) = fit.score {
                small(
                    problems,
                    || format!("{here}.operating_fit.{key}.score"),
                    v,
                    0..=MAX_SCORE,
                );
            }
            text(
                problems,
                || format!("{here}.operating_fit.{key}.evidence"),
                &fit.evidence,
            );
        }
        unique_ids(
            problems,
            &format!("{here}.reviews"),
            cand.reviews.iter().map(|r| &r.id),
        );
        for (j, review) in cand.reviews.iter().enumerate() {
            for (key, value) in &review.scores {
                id_key(
                    problems,
                    || format!("{here}.reviews[{j}].scores[\"{key}\"]"),
                    key,
                );
                small(
                    problems,
                    || format!("{here}.reviews[{j}].scores.{key}"),
                    *value,
                    0..=MAX_SCORE,
                );
            }
        }
    }
    for (key, value) in &card.culture {
        id_key(problems, || format!("{at}.culture[\"{key}\"]"), key);
        small(
            problems,
            || format!("{at}.culture.{key}"),
            *value,
            1..=CULTURE_MAX,
        );
    }
    for (key, value) in &card.operating_model {
        id_key(problems, || format!("{at}.operating_model[\"{key}\"]"), key);
        text(problems, || format!("{at}.operating_model.{key}"), value);
    }
}

fn text(problems: &mut Vec<Problem>, path: impl FnOnce() -> String, value: &str) {
    text_length(problems, path, value);
}

/// A text over [`MAX_TEXT_CHARS`]; the path is only built for a text that is too long.
fn text_length(problems: &mut Vec<Problem>, path: impl FnOnce() -> String, value: &str) {
    // Bytes are never fewer than characters: most texts are settled without counting.
    if value.len() <= MAX_TEXT_CHARS {
        return;
    }
    let chars = value.chars().count();
    if chars > MAX_TEXT_CHARS {
        problems.push(Problem::new(
            path(),
            trf(
                "format.validate_text_too_long",
                &[
                    ("chars", &chars.to_string()),
                    ("max", &MAX_TEXT_CHARS.to_string()),
                ],
            ),
        ));
    }
}

/// "the same id as `other`", where `other` is the path of the first item with that id.
fn same_id_as(other: &str) -> String {
    trf("format.validate_same_id_as", &[("other", other)])
}

fn id_key(problems: &mut Vec<Problem>, path: impl FnOnce() -> String, key: &str) {
    let ok = !key.is_empty()
        && key.chars().count() <= MAX_ID_CHARS
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    if !ok {
        problems.push(Problem::new(path(), tr("format.validate_bad_id")));
    }
}

fn level(problems: &mut Vec<Problem>, path: impl FnOnce() -> String, value: Option<u8>) {
    if let Some(v) = value {
        if v > MAX_LEVEL {
            problems.push(out_of_range_whole(path(), v, 0, MAX_LEVEL));
        }
    }
}

fn answers(at: &str, a: &Assessment, problems: &mut Vec<Problem>) {
    answer_map(at, &a.answers, &a.areas, problems);
}

/// The answers and area settings at `{at}.answers` and `{at}.areas`: the assessment's own, or a
/// snapshot's, which follow the same rules.
fn answer_map(
    at: &str,
    answers: &std::collections::BTreeMap<String, crate::domain::answers::Answer>,
    areas: &std::collections::BTreeMap<String, crate::domain::answers::AreaSettings>,
    problems: &mut Vec<Problem>,
) {
    for (key, answer) in answers {
        let here = format!("{at}.answers.{key}");
        id_key(problems, || format!("{at}.answers[\"{key}\"]"), key);
        level(problems, || format!("{here}.current"), answer.current);
        level(problems, || format!("{here}.target"), answer.target);
        if let Some(reason) = &answer.not_applicable {
            if reason.trim().is_empty() {
                problems.push(Problem::new(
                    format!("{here}.not_applicable"),
                    tr("format.validate_needs_reason"),
                ));
            }
            text(problems, || format!("{here}.not_applicable"), reason);
        }
        text(problems, || format!("{here}.notes"), &answer.notes);
        if answer.evidence.len() > MAX_EVIDENCE {
            problems.push(Problem::new(
                format!("{here}.evidence"),
                trf(
                    "format.validate_too_many_links",
                    &[
                        ("count", &answer.evidence.len().to_string()),
                        ("max", &MAX_EVIDENCE.to_string()),
                    ],
                ),
            ));
        }
        for (i, link) in answer.evidence.iter().enumerate() {
            if let Err(e) = check_link(link) {
                problems.push(Problem::new(format!("{here}.evidence[{i}]"), e.to_string()));
            }
        }
    }
    for (key, settings) in areas {
        id_key(problems, || format!("{at}.areas[\"{key}\"]"), key);
        if !(1..=3).contains(&settings.importance) {
            problems.push(out_of_range_whole(
                format!("{at}.areas.{key}.importance"),
                settings.importance,
                1,
                3,
            ));
        }
    }
}

fn unique_ids<'a>(
    problems: &mut Vec<Problem>,
    path: &str,
    ids: impl Iterator<Item = &'a uuid::Uuid>,
) {
    let mut seen: HashMap<&uuid::Uuid, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            problems.push(Problem::new(
                format!("{path}[{i}].id"),
                same_id_as(&format!("{path}[{first}]")),
            ));
        }
    }
}

fn context(at: &str, a: &Assessment, problems: &mut Vec<Problem>) {
    for q in Quadrant::ALL {
        let path = format!("{at}.swot.{}", q.id());
        let items = a.swot.items(q);
        unique_ids(problems, &path, items.iter().map(|i| &i.id));
        for (i, item) in items.iter().enumerate() {
            text(problems, || format!("{path}[{i}].text"), &item.text);
            if let Some(area) = &item.area {
                id_key(problems, || format!("{path}[{i}].area"), area);
            }
        }
    }
    let path = format!("{at}.stakeholders");
    unique_ids(problems, &path, a.stakeholders.iter().map(|s| &s.id));
    for (i, s) in a.stakeholders.iter().enumerate() {
        for (field, value) in [("name", &s.name), ("role", &s.role), ("part", &s.part)] {
            text(problems, || format!("{path}[{i}].{field}"), value);
        }
    }
    let path = format!("{at}.inventory");
    unique_ids(problems, &path, a.inventory.iter().map(|s| &s.id));
    for (i, item) in a.inventory.iter().enumerate() {
        for (field, value) in [("name", &item.name), ("owner", &item.owner)] {
            text(problems, || format!("{path}[{i}].{field}"), value);
        }
        if let Some(cost) = item.monthly_cost {
            if !(0.0..=MAX_MONTHLY_COST).contains(&cost) {
                problems.push(out_of_range(
                    format!("{path}[{i}].monthly_cost"),
                    cost,
                    0,
                    format!("{MAX_MONTHLY_COST:.0}"),
                ));
            }
        }
    }
    let path = format!("{at}.decisions");
    unique_ids(problems, &path, a.decisions.iter().map(|s| &s.id));
    for (i, d) in a.decisions.iter().enumerate() {
        for (field, value) in [
            ("title", &d.title),
            ("decision", &d.decision),
            ("context", &d.context),
            ("alternatives", &d.alternatives),
        ] {
            text(problems, || format!("{path}[{i}].{field}"), value);
        }
    }
}
