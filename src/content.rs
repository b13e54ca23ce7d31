//! Framework content: the 16 areas, their questions, level descriptions, help and improvement
//! steps, compiled in from `content/`. Ids here are keys in users' files: never change or reuse
//! one once released; add new ids instead.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::Stage;

pub mod presets;
pub mod reading;
pub mod templates;
#[cfg(test)]
mod tests_lang;
#[cfg(test)]
mod tests_shares;

/// Number of levels on the maturity scale (0 to 4).
pub const LEVELS: usize = 5;

/// One step of the maturity scale, e.g. level 2 "Defined".
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub level: u8,
    pub name: String,
    pub meaning: String,
}

/// A target level for each company stage.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StageTargets {
    #[serde(rename = "pre-seed")]
    pub pre_seed: u8,
    pub seed: u8,
    #[serde(rename = "series-a")]
    pub series_a: u8,
    #[serde(rename = "series-b-plus")]
    pub series_b_plus: u8,
}

impl StageTargets {
    pub fn for_stage(&self, stage: Stage) -> u8 {
        match stage {
            Stage::PreSeed => self.pre_seed,
            Stage::Seed => self.seed,
            Stage::SeriesA => self.series_a,
            Stage::SeriesBPlus => self.series_b_plus,
            // A stage not set yet is compared with a seed-stage company (see `Stage::for_targets`).
            Stage::Unknown => self.seed,
        }
    }

    fn all(&self) -> [u8; 4] {
        [self.pre_seed, self.seed, self.series_a, self.series_b_plus]
    }
}

/// What to do to move from one level to the next; the roadmap turns these into initiatives.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Improvement {
    pub title: String,
    pub detail: String,
    /// One-off effort in person-weeks: the work to make the step happen once.
    pub effort_weeks: f32,
    /// Effort that keeps going after the step is done, in person-weeks per quarter (a review
    /// every month, a yearly audit, a programme that never ends); 0 for a one-off step.
    #[serde(default)]
    pub recurring_weeks_per_quarter: f32,
    /// The least calendar time the step takes from start to done, in weeks, where that is more
    /// than the effort spread over the time (an audit's observation window, a hiring process).
    #[serde(default)]
    pub elapsed_weeks: Option<f32>,
    /// Money paid outside the team that the step needs (an auditor, a penetration test).
    #[serde(default)]
    pub outside_cost: Option<OutsideCost>,
}

/// A typical outside cost of an improvement step, as a range in one currency.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OutsideCost {
    /// Low and high ends of a typical price, in `currency`.
    pub low: f64,
    pub high: f64,
    /// ISO 4217 code, e.g. "EUR".
    pub currency: String,
    /// What the money pays for, in plain words ("the Type I audit fee").
    pub what: String,
}

/// A question taken out of the framework. Its id stays reserved forever: answers to it in users'
/// files are moved to `answer_moves_to` where that is honest, and otherwise shown as a retired
/// answer, never dropped.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RetiredQuestion {
    pub id: String,
    /// The question as it was asked, so a retired answer can still be read.
    pub text: String,
    /// The level texts as they were.
    pub levels: Vec<String>,
    /// The questions that now ask what this one asked.
    pub replaced_by: Vec<String>,
    /// Where an answer (level, target, note) moves when the file is read, if its level means the
    /// same there; `None` keeps it as a retired answer.
    #[serde(default)]
    pub answer_moves_to: Option<String>,
    /// Why the question was retired, for the user reading a retired answer.
    pub why: String,
    /// The schema version whose migration retired it (9 for the second edition).
    pub retired_in_schema: u32,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    /// Why the question matters, in plain words.
    pub help: String,
    /// Observable practice at levels 0 to 4.
    pub levels: Vec<String>,
    /// `improvements[n]` moves the answer from level n to n + 1.
    pub improvements: Vec<Improvement>,
    /// Overrides the area's stage targets where this question needs its own.
    #[serde(default)]
    pub default_targets: Option<StageTargets>,
    /// The one question per area that best tells the area's level: the quick pass asks only
    /// these. Exactly one per area, the same in every language (checked below).
    #[serde(default)]
    pub key_question: bool,
    /// The id with dots turned into hyphens, for element ids in the page; filled in at load.
    #[serde(skip)]
    pub dom_id: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub number: u8,
    pub name: String,
    pub purpose: String,
    pub default_targets: StageTargets,
    pub questions: Vec<Question>,
    /// Questions of earlier editions that this area no longer asks.
    #[serde(default)]
    pub retired_questions: Vec<RetiredQuestion>,
}

impl Area {
    /// The area's key question, asked in the quick pass; `None` only in content that fails
    /// [`check`].
    pub fn key_question(&self) -> Option<&Question> {
        self.questions.iter().find(|q| q.key_question)
    }

    /// The default target of a question for a stage.
    pub fn default_target(&self, question: &Question, stage: Stage) -> u8 {
        question
            .default_targets
            .unwrap_or(self.default_targets)
            .for_stage(stage)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub scale: Vec<ScaleLevel>,
    pub areas: Vec<Area>,
}

impl Content {
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The question with this id and the area it belongs to.
    pub fn question(&self, id: &str) -> Option<(&Area, &Question)> {
        self.areas
            .iter()
            .find_map(|a| a.questions.iter().find(|q| q.id == id).map(|q| (a, q)))
    }

    /// The retired question with this id, shown on its area's page rather than as unknown.
    pub fn retired_question(&self, id: &str) -> Option<&RetiredQuestion> {
        self.areas
            .iter()
            .find_map(|a| a.retired_questions.iter().find(|r| r.id == id))
    }

    pub fn question_count(&self) -> usize {
        self.areas.iter().map(|a| a.questions.len()).sum()
    }
}

/// Parses the compiled-in English content; an error names the file and the field.
pub fn parse() -> Result<Content, String> {
    parse_lang(crate::i18n::Lang::En)
}

/// Parses the content of a language; an error names the language, the file and the field.
pub fn parse_lang(lang: crate::i18n::Lang) -> Result<Content, String> {
    let dir = crate::texts::bundle_code(lang);
    let scale_text = crate::texts::source(lang, "content/scale.json").unwrap_or("");
    let area_texts: Vec<&str> = crate::texts::FILES
        .iter()
        .filter(|f| f.starts_with("content/areas/"))
        .filter_map(|f| crate::texts::source(lang, f))
        .collect();
    let scale: Vec<ScaleLevel> =
        serde_json::from_str(scale_text).map_err(|e| format!("{dir}/scale.json: {e}"))?;
    let mut areas = Vec::with_capacity(area_texts.len());
    for (i, text) in area_texts.iter().enumerate() {
        let mut area: Area =
            serde_json::from_str(text).map_err(|e| format!("{dir} area file {}: {e}", i + 1))?;
        for q in &mut area.questions {
            q.dom_id = q.id.replace('.', "-");
        }
        areas.push(area);
    }
    Ok(Content { scale, areas })
}

/// The content, parsed once.
pub fn get() -> &'static Content {
    get_lang(crate::i18n::Lang::En)
}

/// The content in a language (same ids, order and numbers in every language). In the browser
/// only the language in use is loaded; asking for another answers in the loaded one.
pub fn get_lang(lang: crate::i18n::Lang) -> &'static Content {
    static CELLS: [OnceLock<Content>; 2] = [const { OnceLock::new() }; 2];
    crate::texts::per_language(&CELLS, lang, |lang| {
        // ok: shipped with the build, not user input; `tests::content_is_complete` parses and
        // checks every file in both languages, so a bad file fails the build's tests, never a
        // user.
        parse_lang(lang).unwrap_or_else(|e| panic!("built-in content is invalid: {e}"))
    })
}

/// Every problem with the content, for the test below (and for anyone editing the files).
pub fn check(content: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if content.scale.len() != LEVELS {
        problems.push(format!(
            "scale has {} levels, expected {LEVELS}",
            content.scale.len()
        ));
    }
    for (i, s) in content.scale.iter().enumerate() {
        if usize::from(s.level) != i {
            problems.push(format!("scale[{i}] has level {}", s.level));
        }
    }
    if content.areas.len() != 16 {
        problems.push(format!("{} areas, expected 16", content.areas.len()));
    }
    for (i, area) in content.areas.iter().enumerate() {
        let at = &area.id;
        if usize::from(area.number) != i + 1 {
            problems.push(format!(
                "{at}: number {} in position {}",
                area.number,
                i + 1
            ));
        }
        if !seen.insert(area.id.clone()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if area.questions.len() < 4 {
            problems.push(format!(
                "{at}: {} questions, at least 4",
                area.questions.len()
            ));
        }
        for t in area.default_targets.all() {
            if usize::from(t) >= LEVELS {
                problems.push(format!("{at}: default target {t} out of range"));
            }
        }
        let keys = area.questions.iter().filter(|q| q.key_question).count();
        if keys != 1 {
            problems.push(format!("{at}: {keys} key questions, expected exactly 1"));
        }
        if area.purpose.trim().is_empty() || area.name.trim().is_empty() {
            problems.push(format!("{at}: empty name or purpose"));
        }
        for q in &area.questions {
            let qa = &q.id;
            if !q.id.starts_with(&format!("{}.", area.id)) {
                problems.push(format!("{qa}: id must start with \"{}.\"", area.id));
            }
            if !q
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
            {
                problems.push(format!("{qa}: id must be lowercase ascii, digits, - and ."));
            }
            if !seen.insert(q.id.clone()) {
                problems.push(format!("{qa}: duplicate id"));
            }
            if q.levels.len() != LEVELS {
                problems.push(format!(
                    "{qa}: {} levels, expected {LEVELS}",
                    q.levels.len()
                ));
            }
            if q.improvements.len() != LEVELS - 1 {
                problems.push(format!(
                    "{qa}: {} improvements, expected {}",
                    q.improvements.len(),
                    LEVELS - 1
                ));
            }
            let texts = [&q.text, &q.help]
                .into_iter()
                .chain(q.levels.iter())
                .chain(q.improvements.iter().flat_map(|i| [&i.title, &i.detail]));
            if texts.clone().any(|t| t.trim().is_empty()) {
                problems.push(format!("{qa}: an empty text"));
            }
            let mut distinct: Vec<&String> = q.levels.iter().collect();
            distinct.sort();
            distinct.dedup();
            if distinct.len() != q.levels.len() {
                problems.push(format!("{qa}: two levels share a description"));
            }
            for imp in &q.improvements {
                if !(imp.effort_weeks > 0.0 && imp.effort_weeks <= 52.0) {
                    problems.push(format!("{qa}: effort {} out of range", imp.effort_weeks));
                }
            }
            if let Some(t) = q.default_targets {
                if t.all().iter().any(|v| usize::from(*v) >= LEVELS) {
                    problems.push(format!("{qa}: default target out of range"));
                }
            }
        }
    }
    check_retired(content, &seen, &mut problems);
    problems
}

/// Retired questions: each id reserved once and never asked again, pointing at live questions of
/// its own area, with its answer moving only to one of those. `ids` holds every live area and
/// question id.
fn check_retired(
    content: &Content,
    ids: &std::collections::HashSet<String>,
    problems: &mut Vec<String>,
) {
    let mut retired = std::collections::HashSet::new();
    for area in &content.areas {
        let live = |id: &str| area.questions.iter().any(|q| q.id == id);
        for r in &area.retired_questions {
            let ra = &r.id;
            if !r.id.starts_with(&format!("{}.", area.id)) {
                problems.push(format!("{ra}: id must start with \"{}.\"", area.id));
            }
            if ids.contains(&r.id) {
                problems.push(format!("{ra}: retired but also a live id"));
            }
            if !retired.insert(r.id.clone()) {
                problems.push(format!("{ra}: retired twice"));
            }
            if r.replaced_by.is_empty() {
                problems.push(format!("{ra}: replaced by nothing"));
            }
            for to in &r.replaced_by {
                if !live(to) {
                    problems.push(format!(
                        "{ra}: replaced by \"{to}\", not a question of {}",
                        area.id
                    ));
                }
            }
            if let Some(to) = &r.answer_moves_to {
                if !r.replaced_by.contains(to) {
                    problems.push(format!(
                        "{ra}: answer moves to \"{to}\", not one of its replacements"
                    ));
                }
            }
            if r.levels.len() != LEVELS {
                problems.push(format!(
                    "{ra}: {} levels, expected {LEVELS}",
                    r.levels.len()
                ));
            }
            if [&r.text, &r.why]
                .into_iter()
                .chain(r.levels.iter())
                .any(|t| t.trim().is_empty())
            {
                problems.push(format!("{ra}: an empty text"));
            }
            // Retirement came with version 9; a later one needs a migration step of its own.
            if !(9..=crate::format::SCHEMA_VERSION).contains(&r.retired_in_schema) {
                problems.push(format!(
                    "{ra}: retired in schema {}, expected 9 to {}",
                    r.retired_in_schema,
                    crate::format::SCHEMA_VERSION
                ));
            }
        }
    }
}

/// Differences between two languages' retirements: the ids, replacements, moves and versions
/// are keys and rules, not words, so they must be identical in every language.
pub fn check_translation(en: &Content, other: &Content) -> Vec<String> {
    let rules = |c: &Content| -> Vec<(String, Vec<String>, Option<String>, u32)> {
        c.areas
            .iter()
            .flat_map(|a| &a.retired_questions)
            .map(|r| {
                (
                    r.id.clone(),
                    r.replaced_by.clone(),
                    r.answer_moves_to.clone(),
                    r.retired_in_schema,
                )
            })
            .collect()
    };
    let (a, b) = (rules(en), rules(other));
    let mut problems: Vec<String> = a
        .iter()
        .filter(|r| !b.contains(r))
        .map(|r| {
            format!(
                "{}: retired differently or not at all in the translation",
                r.0
            )
        })
        .collect();
    problems.extend(
        b.iter()
            .filter(|r| !a.iter().any(|x| x.0 == r.0))
            .map(|r| format!("{}: retired only in the translation", r.0)),
    );
    problems
}

/// A tiny framework for tests that need areas and questions without the real content.
#[cfg(test)]
pub mod test_content {
    use super::{Area, Content, Improvement, Question, RetiredQuestion, StageTargets};

    /// A question whose text is "Question {id}", with five levels and four improvement steps.
    pub fn question(id: &str) -> Question {
        Question {
            id: id.into(),
            text: format!("Question {id}"),
            help: "h".into(),
            levels: (0..5).map(|i| format!("l{i}")).collect(),
            improvements: (0..4)
                .map(|i| Improvement {
                    title: format!("i{i}"),
                    detail: "d".into(),
                    effort_weeks: 1.0,
                    recurring_weeks_per_quarter: 0.0,
                    elapsed_weeks: None,
                    outside_cost: None,
                })
                .collect(),
            default_targets: None,
            key_question: false,
            dom_id: id.replace('.', "-"),
        }
    }

    /// Three areas `a`, `b` and `c` of two questions each (targets 1, 2, 3, 3 by stage), the
    /// first named "Security": enough for the rules that judge, rank and word areas.
    pub fn three_areas() -> Content {
        let mut c = Content {
            scale: vec![],
            areas: vec![area("a", 2), area("b", 2), area("c", 2)],
        };
        c.areas[0].name = "Security".into();
        c
    }

    /// A question retired in version 9 from the area its id starts with, replaced by
    /// `replaced_by`, its answer moving to `moves_to`.
    pub fn retired(id: &str, replaced_by: &[&str], moves_to: Option<&str>) -> RetiredQuestion {
        RetiredQuestion {
            id: id.into(),
            text: format!("Old question {id}"),
            levels: (0..5).map(|i| format!("old l{i}")).collect(),
            replaced_by: replaced_by.iter().map(|s| s.to_string()).collect(),
            answer_moves_to: moves_to.map(str::to_string),
            why: "It asked two things at once.".into(),
            retired_in_schema: 9,
        }
    }

    /// An area named `id` in capitals with `n` questions `{id}.q0`, `{id}.q1`, ..., the first
    /// being its key question; targets 1, 2, 3, 3 by stage.
    pub fn area(id: &str, n: usize) -> Area {
        Area {
            id: id.into(),
            number: 1,
            name: id.to_uppercase(),
            purpose: "p".into(),
            default_targets: StageTargets {
                pre_seed: 1,
                seed: 2,
                series_a: 3,
                series_b_plus: 3,
            },
            questions: (0..n)
                .map(|i| Question {
                    key_question: i == 0,
                    ..question(&format!("{id}.q{i}"))
                })
                .collect(),
            retired_questions: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids released so far. Removing or renaming one breaks users' files: this list only grows.
    const RELEASED_AREA_IDS: [&str; 16] = [
        "business-goals",
        "current-state",
        "strategy",
        "budget",
        "team",
        "architecture",
        "delivery",
        "security",
        "vendors",
        "communication",
        "risk",
        "scalability",
        "ux",
        "mentoring",
        "measurement",
        "adaptability",
    ];

    /// Question ids of the first edition (commit 62136c9). Each stays a key in users' files
    /// forever, asked or retired: this list only grows.
    const RELEASED_QUESTION_IDS: [&str; 80] = [
        "business-goals.written-goals",
        "business-goals.work-traced",
        "business-goals.tech-at-the-table",
        "business-goals.business-model",
        "business-goals.expected-results",
        "current-state.inventory",
        "current-state.infrastructure",
        "current-state.skills",
        "current-state.delivery-review",
        "current-state.swot",
        "strategy.written-strategy",
        "strategy.roadmap",
        "strategy.prioritisation",
        "strategy.growth-levers",
        "strategy.tech-debt",
        "budget.agreed-budget",
        "budget.running-costs",
        "budget.in-house-vs-external",
        "budget.time-allocation",
        "budget.runway",
        "team.roles",
        "team.skills-plan",
        "team.collaboration",
        "team.onboarding",
        "team.retention",
        "architecture.stack-fit",
        "architecture.documentation",
        "architecture.growth-limits",
        "architecture.modularity",
        "architecture.dependencies",
        "delivery.iterations",
        "delivery.continuous-integration",
        "delivery.releases",
        "delivery.running-the-product",
        "delivery.code-review",
        "security.access-control",
        "security.data-protection",
        "security.compliance",
        "security.independent-checks",
        "security.incident-response",
        "vendors.selection",
        "vendors.integration",
        "vendors.security-review",
        "vendors.exit-plans",
        "vendors.performance",
        "communication.stakeholders",
        "communication.cadence",
        "communication.progress",
        "communication.escalation",
        "communication.customers",
        "risk.register",
        "risk.mitigation",
        "risk.review",
        "risk.continuity",
        "risk.trends",
        "scalability.growth-plan",
        "scalability.infrastructure",
        "scalability.flexibility",
        "scalability.team-processes",
        "scalability.customer-setup",
        "ux.feedback-channels",
        "ux.feedback-loop",
        "ux.usability-testing",
        "ux.metrics",
        "ux.priority",
        "mentoring.knowledge-sharing",
        "mentoring.cross-functional",
        "mentoring.mentors",
        "mentoring.learning-time",
        "mentoring.leadership-literacy",
        "measurement.tech-kpis",
        "measurement.data",
        "measurement.review",
        "measurement.experiments",
        "measurement.course-correction",
        "adaptability.replanning",
        "adaptability.response-time",
        "adaptability.scenarios",
        "adaptability.change-management",
        "adaptability.tech-trials",
    ];

    #[test]
    fn every_released_question_id_is_live_or_retired() {
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
            let content = parse_lang(lang).unwrap_or_else(|e| panic!("{e}"));
            for id in RELEASED_QUESTION_IDS {
                let live = content.question(id).is_some();
                let retired = content
                    .areas
                    .iter()
                    .flat_map(|a| &a.retired_questions)
                    .any(|r| r.id == id);
                assert!(
                    live ^ retired,
                    "{lang:?} {id}: live {live}, retired {retired}"
                );
            }
        }
    }

    #[test]
    fn both_languages_retire_the_same_questions_the_same_way() {
        let en = parse_lang(crate::i18n::Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let zh = parse_lang(crate::i18n::Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(check(&zh), Vec::<String>::new());
        assert_eq!(check_translation(&en, &zh), Vec::<String>::new());
    }

    #[test]
    fn second_edition_counts_and_each_retired_id_s_mapping_in_both_languages() {
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
            let c = parse_lang(lang).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(c.question_count(), 86, "{lang:?}");
            let per_area: Vec<usize> = c.areas.iter().map(|a| a.questions.len()).collect();
            assert_eq!(per_area[0], 6, "{lang:?} business goals");
            assert_eq!(per_area[7], 10, "{lang:?} security");
            let retired: Vec<(&str, Vec<&str>, Option<&str>, u32)> = c
                .areas
                .iter()
                .flat_map(|a| &a.retired_questions)
                .map(|r| {
                    (
                        r.id.as_str(),
                        r.replaced_by.iter().map(String::as_str).collect(),
                        r.answer_moves_to.as_deref(),
                        r.retired_in_schema,
                    )
                })
                .collect();
            assert_eq!(
                retired,
                [
                    (
                        "business-goals.written-goals",
                        vec![
                            "business-goals.mission-vision",
                            "business-goals.yearly-goals"
                        ],
                        Some("business-goals.yearly-goals"),
                        9
                    ),
                    (
                        "security.data-protection",
                        vec!["security.personal-data", "security.backup-recovery"],
                        None,
                        9
                    ),
                ],
                "{lang:?}"
            );
        }
    }

    /// Sixteen areas of four questions with `x0.old` retired into `x0.q0` and `x0.q1`.
    fn with_retired(moves_to: Option<&str>) -> Content {
        use test_content::{area, retired};
        let mut c = Content {
            scale: parse().unwrap_or_else(|e| panic!("{e}")).scale,
            areas: (0..16)
                .map(|i| {
                    let mut a = area(&format!("x{i}"), 4);
                    a.number = i + 1;
                    a
                })
                .collect(),
        };
        c.areas[0].retired_questions = vec![retired("x0.old", &["x0.q0", "x0.q1"], moves_to)];
        c
    }

    #[test]
    fn a_sound_retirement_passes() {
        assert_eq!(check(&with_retired(Some("x0.q1"))), Vec::<String>::new());
        assert_eq!(check(&with_retired(None)), Vec::<String>::new());
    }

    #[test]
    fn retirements_that_break_the_rules_are_named() {
        use test_content::retired;
        let mut c = with_retired(Some("x0.q1"));
        // Also live, replaced from another area, moving outside its replacements, retired twice.
        c.areas[0]
            .retired_questions
            .push(retired("x0.q2", &["x0.q3"], None));
        c.areas[0]
            .retired_questions
            .push(retired("x0.gone", &["x1.q0", "x0.nope"], Some("x0.q0")));
        c.areas[1]
            .retired_questions
            .push(retired("x0.old", &["x1.q0"], None));
        c.areas[1].retired_questions[0].retired_in_schema = 8;
        assert_eq!(
            check(&c),
            [
                "x0.q2: retired but also a live id",
                "x0.gone: replaced by \"x1.q0\", not a question of x0",
                "x0.gone: replaced by \"x0.nope\", not a question of x0",
                "x0.gone: answer moves to \"x0.q0\", not one of its replacements",
                "x0.old: id must start with \"x1.\"",
                "x0.old: retired twice",
                "x0.old: retired in schema 8, expected 9 to 9",
            ]
        );
    }

    #[test]
    fn languages_that_retire_differently_are_named() {
        let en = with_retired(Some("x0.q1"));
        assert_eq!(check_translation(&en, &en.clone()), Vec::<String>::new());
        let other_move = with_retired(None);
        assert_eq!(
            check_translation(&en, &other_move),
            ["x0.old: retired differently or not at all in the translation"]
        );
        let mut more = en.clone();
        more.areas[1]
            .retired_questions
            .push(test_content::retired("x1.old", &["x1.q0"], None));
        assert_eq!(
            check_translation(&en, &more),
            ["x1.old: retired only in the translation"]
        );
    }

    #[test]
    fn content_is_complete() {
        let content = parse().unwrap_or_else(|e| panic!("{e}"));
        let problems = check(&content);
        assert!(
            problems.is_empty(),
            "content problems:\n{}",
            problems.join("\n")
        );
        assert!(content.question_count() >= 64);
    }

    #[test]
    fn each_area_needs_exactly_one_key_question() {
        let mut content = parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(check(&content), Vec::<String>::new());
        // None in the first area, two in the second: both reported.
        for q in &mut content.areas[0].questions {
            q.key_question = false;
        }
        content.areas[1].questions[0].key_question = true;
        content.areas[1].questions[1].key_question = true;
        let problems = check(&content);
        assert_eq!(
            problems,
            [
                "business-goals: 0 key questions, expected exactly 1",
                "current-state: 2 key questions, expected exactly 1",
            ]
        );
    }

    #[test]
    fn released_area_ids_are_all_present_in_order() {
        let ids: Vec<&str> = get().areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, RELEASED_AREA_IDS);
    }

    #[test]
    fn early_stages_are_not_pushed_to_the_top() {
        for area in &get().areas {
            for q in &area.questions {
                let pre = area.default_target(q, Stage::PreSeed);
                let late = area.default_target(q, Stage::SeriesBPlus);
                assert!(pre <= late, "{}: pre-seed target above series B", q.id);
                assert!(pre < 4, "{}: pre-seed target at the top level", q.id);
            }
        }
    }
}
