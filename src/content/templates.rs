//! Scorecard templates: the criteria for choosing a long-term engineering partner (the ten of the
//! framework plus ownership of the code and accounts, with culture dimensions, operating-model
//! aspects and project kinds) and the criteria for choosing a tool or vendor, compiled in from
//! `content/<lang>/scorecards/`. A new scorecard starts as a copy of its template's criteria;
//! after that the user's scorecard owns them, so a later edition of a template changes only the
//! scorecards created after it.
//!
//! Ids here are keys in users' files: never change the meaning of one or reuse one once released;
//! add new ids instead (an indicator whose measure changes gets a new id and the old one is
//! retired). Default weights add up to 100. Money is never written with a currency sign or a
//! fixed amount in the texts: an indicator in [`MONEY_INDICATORS`] is an amount in the
//! assessment's currency, which the UI writes with it. This module only reads compiled-in
//! data; it never touches user input.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;
use uuid::Uuid;

use crate::domain::scorecard::{
    Criterion, Indicator, Scorecard, ScorecardKind, MAX_SCORE, MAX_WEIGHT,
};

/// Number of level descriptions per criterion: one for each score 0 to 5.
pub const LEVELS: usize = MAX_SCORE as usize + 1;
/// Criteria in the partner template: the framework's ten in its order, then ownership of the code
/// and accounts.
pub const PARTNER_CRITERIA: usize = 11;
/// Criteria in the tool template.
pub const TOOL_CRITERIA: usize = 8;
/// What the default weights of a template add up to, so each reads as a share of the decision.
pub const WEIGHT_TOTAL: f64 = 100.0;
/// Culture dimensions in the partner template.
pub const CULTURE_DIMENSIONS: usize = 8;
/// Operating-model aspects in the partner template.
pub const OPERATING_ASPECTS: usize = 6;
/// Template indicators that are amounts of money, as (criterion, indicator): their values and
/// thresholds are in the assessment's currency, which their names and units never spell out (the
/// UI writes it with the amount). Kept here rather than in the content files, whose every string
/// but an id is translated.
pub const MONEY_INDICATORS: [(&str, &str); 1] = [("tool.tco", "yearly-cost")];
/// The partner criterion whose weight a project kind suggests.
pub const DOMAIN_CRITERION: &str = "partner.domain";

/// A criterion as the template offers it; `help` stays in the template, the rest is copied into
/// each new scorecard.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TemplateCriterion {
    /// Stable id, `<kind>.<name>`, e.g. "partner.mindshare".
    pub id: String,
    pub name: String,
    /// What to look for, in a sentence or three.
    pub description: String,
    /// How to check it: questions to ask and whom to talk to.
    pub help: String,
    /// Default relative weight, 0 to 100.
    pub weight: f64,
    /// What scores 0 to 5 look like, six descriptions.
    pub levels: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// Suggested minimum score (1 to 5), or none.
    pub must_have: Option<u8>,
}

impl TemplateCriterion {
    /// The criterion as it goes into a new scorecard.
    pub fn to_criterion(&self) -> Criterion {
        Criterion {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            weight: self.weight,
            levels: self.levels.clone(),
            indicators: self.indicators.clone(),
            must_have: self.must_have,
        }
    }
}

/// A scale on which the founder and each candidate place their culture, from `left` (position 1)
/// to `right` (position 5).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CultureDimension {
    pub id: String,
    pub name: String,
    /// The pole at position 1.
    pub left: String,
    /// The pole at position 5.
    pub right: String,
    pub help: String,
}

/// One aspect of how the founder's product and engineering work, written down before comparing
/// partners.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OperatingAspect {
    pub id: String,
    pub name: String,
    /// What the founder writes about their own way of working.
    pub prompt: String,
}

/// A kind of project a partner would take on, with how much domain expertise it calls for.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProjectKind {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Suggested weight (0 to 100) for [`DOMAIN_CRITERION`].
    pub domain_weight: f64,
}

/// One scorecard template. Tool templates have no culture, operating model or project kinds.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub kind: ScorecardKind,
    pub criteria: Vec<TemplateCriterion>,
    #[serde(default)]
    pub culture_dimensions: Vec<CultureDimension>,
    #[serde(default)]
    pub operating_aspects: Vec<OperatingAspect>,
    #[serde(default)]
    pub project_kinds: Vec<ProjectKind>,
}

impl Template {
    pub fn criterion(&self, id: &str) -> Option<&TemplateCriterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn culture_dimension(&self, id: &str) -> Option<&CultureDimension> {
        self.culture_dimensions.iter().find(|d| d.id == id)
    }

    pub fn operating_aspect(&self, id: &str) -> Option<&OperatingAspect> {
        self.operating_aspects.iter().find(|a| a.id == id)
    }

    pub fn project_kind(&self, id: &str) -> Option<&ProjectKind> {
        self.project_kinds.iter().find(|k| k.id == id)
    }

    /// The default weights added up.
    pub fn weight_sum(&self) -> f64 {
        self.criteria.iter().map(|c| c.weight).sum()
    }
}

/// Parses the compiled-in template of a kind; an error names the file and the place.
pub fn parse(kind: ScorecardKind) -> Result<Template, String> {
    parse_lang(kind, crate::i18n::Lang::En)
}

/// Parses the template of a kind in a language.
pub fn parse_lang(kind: ScorecardKind, lang: crate::i18n::Lang) -> Result<Template, String> {
    let name = match kind {
        ScorecardKind::Partner => "content/scorecards/partner.json",
        ScorecardKind::Tool => "content/scorecards/tool.json",
    };
    let file = format!(
        "{}/{}",
        crate::texts::bundle_code(lang),
        &name["content/".len()..]
    );
    let text = crate::texts::source(lang, name).unwrap_or("");
    let template: Template = serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    if template.kind != kind {
        return Err(format!(
            "{file}: kind is {:?}, expected {kind:?}",
            template.kind
        ));
    }
    Ok(template)
}

/// The engineering-partner template, parsed once.
pub fn partner() -> &'static Template {
    template(ScorecardKind::Partner)
}

/// The tool and vendor template, parsed once.
pub fn tool() -> &'static Template {
    template(ScorecardKind::Tool)
}

/// A template in a language (same ids, weights and order in every language). In the browser
/// only the language in use is loaded; asking for another answers in the loaded one.
pub fn template_lang(kind: ScorecardKind, lang: crate::i18n::Lang) -> &'static Template {
    static PARTNER: [OnceLock<Template>; 2] = [const { OnceLock::new() }; 2];
    static TOOL: [OnceLock<Template>; 2] = [const { OnceLock::new() }; 2];
    let cells = match kind {
        ScorecardKind::Partner => &PARTNER,
        ScorecardKind::Tool => &TOOL,
    };
    crate::texts::per_language(cells, lang, |lang| {
        // ok: shipped with the build, not user input; `tests::templates_are_complete` parses
        // and checks both files in both languages, so a bad file fails the build's tests.
        parse_lang(kind, lang)
            .unwrap_or_else(|e| panic!("built-in scorecard template is invalid: {e}"))
    })
}

/// The template of a kind, in English.
pub fn template(kind: ScorecardKind) -> &'static Template {
    template_lang(kind, crate::i18n::Lang::En)
}

/// A new, empty scorecard: the template's criteria with their default weights, levels,
/// indicators and must-haves; no candidates, no culture, no operating model, no project kind.
pub fn new_scorecard(kind: ScorecardKind, id: Uuid, name: &str) -> Scorecard {
    Scorecard {
        id,
        kind,
        name: name.to_string(),
        criteria: template(kind)
            .criteria
            .iter()
            .map(TemplateCriterion::to_criterion)
            .collect(),
        candidates: Vec::new(),
        culture: BTreeMap::new(),
        operating_model: BTreeMap::new(),
        project_kind: None,
    }
}

/// How to check a template criterion (questions to ask, whom to talk to); `None` for an unknown
/// id, such as the user's own criteria.
pub fn criterion_help(kind: ScorecardKind, criterion_id: &str) -> Option<&'static str> {
    template(kind)
        .criterion(criterion_id)
        .map(|c| c.help.as_str())
}

/// Whether an indicator of a template criterion is an amount of money (in the assessment's
/// currency); `false` for unknown criteria or indicators, such as the user's own.
pub fn is_money_indicator(kind: ScorecardKind, criterion_id: &str, indicator_id: &str) -> bool {
    MONEY_INDICATORS.contains(&(criterion_id, indicator_id))
        && template(kind).criterion(criterion_id).is_some()
}

/// The weight the partner template suggests for domain expertise on this kind of project.
pub fn suggested_domain_weight(project_kind_id: &str) -> Option<f64> {
    partner()
        .project_kind(project_kind_id)
        .map(|k| k.domain_weight)
}

/// Lowercase ascii letters, digits and single hyphens, not starting or ending with a hyphen.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn in_weight_range(w: f64) -> bool {
    w.is_finite() && (0.0..=MAX_WEIGHT).contains(&w)
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Every problem with a template, for the tests below (and for anyone editing the files).
pub fn check(t: &Template) -> Vec<String> {
    let mut problems = Vec::new();
    let prefix = match t.kind {
        ScorecardKind::Partner => "partner.",
        ScorecardKind::Tool => "tool.",
    };
    let expected = match t.kind {
        ScorecardKind::Partner => PARTNER_CRITERIA,
        ScorecardKind::Tool => TOOL_CRITERIA,
    };
    if t.criteria.len() != expected {
        problems.push(format!(
            "{} criteria, expected {expected}",
            t.criteria.len()
        ));
    }

    let mut seen = HashSet::new();
    for c in &t.criteria {
        let at = &c.id;
        match c.id.strip_prefix(prefix) {
            Some(rest) if is_slug(rest) => {}
            _ => problems.push(format!(
                "{at}: id must be \"{prefix}\" then lowercase ascii, digits and -"
            )),
        }
        if !seen.insert(c.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if [&c.name, &c.description, &c.help]
            .into_iter()
            .chain(c.levels.iter())
            .any(|s| blank(s))
        {
            problems.push(format!("{at}: an empty text"));
        }
        if c.levels.len() != LEVELS {
            problems.push(format!(
                "{at}: {} levels, expected {LEVELS}",
                c.levels.len()
            ));
        }
        let distinct: HashSet<&str> = c.levels.iter().map(String::as_str).collect();
        if distinct.len() != c.levels.len() {
            problems.push(format!("{at}: two levels share a description"));
        }
        if !in_weight_range(c.weight) {
            problems.push(format!("{at}: weight {} out of 0..=100", c.weight));
        }
        if let Some(m) = c.must_have {
            if !(1..=MAX_SCORE).contains(&m) {
                problems.push(format!("{at}: must_have {m} out of 1..={MAX_SCORE}"));
            }
        }
        let mut indicator_ids = HashSet::new();
        for i in &c.indicators {
            let ia = format!("{at}/{}", i.id);
            if !is_slug(&i.id) {
                problems.push(format!("{ia}: id must be lowercase ascii, digits and -"));
            }
            if !indicator_ids.insert(i.id.as_str()) {
                problems.push(format!("{ia}: duplicate indicator id"));
            }
            if blank(&i.name) || blank(&i.unit) {
                problems.push(format!("{ia}: empty name or unit"));
            }
            if !(i.threshold.is_finite() && i.threshold >= 0.0) {
                problems.push(format!(
                    "{ia}: threshold {} not a finite number ≥ 0",
                    i.threshold
                ));
            }
        }
    }

    for (crit, ind) in MONEY_INDICATORS {
        if crit.starts_with(prefix)
            && !t
                .criterion(crit)
                .is_some_and(|c| c.indicators.iter().any(|i| i.id == ind))
        {
            problems.push(format!(
                "money indicator {crit}/{ind} is not in the template"
            ));
        }
    }
    // Compared with a margin so 33.3 + 33.3 + 33.4 counts as 100.
    let sum = t.weight_sum();
    if (sum - WEIGHT_TOTAL).abs() > 1e-6 {
        problems.push(format!("weights add up to {sum}, expected {WEIGHT_TOTAL}"));
    }

    let (dimensions, aspects, min_kinds) = match t.kind {
        ScorecardKind::Partner => (CULTURE_DIMENSIONS, OPERATING_ASPECTS, 1),
        ScorecardKind::Tool => (0, 0, 0),
    };
    if t.culture_dimensions.len() != dimensions {
        problems.push(format!(
            "{} culture dimensions, expected {dimensions}",
            t.culture_dimensions.len()
        ));
    }
    if t.operating_aspects.len() != aspects {
        problems.push(format!(
            "{} operating aspects, expected {aspects}",
            t.operating_aspects.len()
        ));
    }
    if t.project_kinds.len() < min_kinds || (min_kinds == 0 && !t.project_kinds.is_empty()) {
        problems.push(format!(
            "{} project kinds, expected {}",
            t.project_kinds.len(),
            if min_kinds == 0 {
                "none"
            } else {
                "at least one"
            }
        ));
    }

    let mut seen = HashSet::new();
    for d in &t.culture_dimensions {
        let at = format!("culture {}", d.id);
        if !is_slug(&d.id) {
            problems.push(format!("{at}: id must be lowercase ascii, digits and -"));
        }
        if !seen.insert(d.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if [&d.name, &d.left, &d.right, &d.help]
            .into_iter()
            .any(|s| blank(s))
        {
            problems.push(format!("{at}: an empty text"));
        }
        if d.left == d.right {
            problems.push(format!("{at}: both poles say the same"));
        }
    }

    let mut seen = HashSet::new();
    for a in &t.operating_aspects {
        let at = format!("operating aspect {}", a.id);
        if !is_slug(&a.id) {
            problems.push(format!("{at}: id must be lowercase ascii, digits and -"));
        }
        if !seen.insert(a.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if blank(&a.name) || blank(&a.prompt) {
            problems.push(format!("{at}: an empty text"));
        }
    }

    let mut seen = HashSet::new();
    for k in &t.project_kinds {
        let at = format!("project kind {}", k.id);
        if !is_slug(&k.id) {
            problems.push(format!("{at}: id must be lowercase ascii, digits and -"));
        }
        if !seen.insert(k.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if blank(&k.name) || blank(&k.description) {
            problems.push(format!("{at}: an empty text"));
        }
        if !in_weight_range(k.domain_weight) {
            problems.push(format!(
                "{at}: domain weight {} out of 0..=100",
                k.domain_weight
            ));
        }
    }
    if !t.project_kinds.is_empty() && t.criterion(DOMAIN_CRITERION).is_none() {
        problems.push(format!(
            "project kinds given but no {DOMAIN_CRITERION} criterion"
        ));
    }
    problems
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod templates_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::Direction;

    /// Ids released so far. Removing, renaming or reordering one breaks users' files or the
    /// framework's order: these lists only grow, at the end.
    pub(super) const RELEASED_PARTNER_CRITERIA: [&str; 11] = [
        "partner.desire",
        "partner.mindshare",
        "partner.talent",
        "partner.operating-model",
        "partner.cost",
        "partner.technical",
        "partner.domain",
        "partner.kpis",
        "partner.culture",
        "partner.extra",
        // Second edition.
        "partner.ip-ownership",
    ];
    pub(super) const RELEASED_TOOL_CRITERIA: [&str; 8] = [
        "tool.tco",
        "tool.scalability",
        "tool.integration",
        "tool.security",
        "tool.support",
        "tool.lock-in",
        // Second edition.
        "tool.functional-fit",
        "tool.vendor-viability",
    ];
    const RELEASED_CULTURE_DIMENSIONS: [&str; 8] = [
        "communication-channel",
        "celebrating-wins",
        "meeting-style",
        "incident-analysis",
        "product-engineering",
        "time-zone-overlap",
        "documentation",
        "decision-speed",
    ];
    const RELEASED_OPERATING_ASPECTS: [&str; 6] = [
        "agile-practice",
        "remote-setup",
        "delivery-process",
        "team-makeup",
        "roadmap",
        "tech-debt",
    ];
    const RELEASED_PROJECT_KINDS: [&str; 5] = [
        "infrastructure",
        "internal-tools",
        "general-product",
        "market-specific",
        "regulated",
    ];
    /// `criterion/indicator`: measured values in users' files are keyed by these. The list only
    /// grows; an indicator the template no longer offers moves to [`RETIRED_INDICATORS`] too.
    const RELEASED_INDICATORS: [&str; 17] = [
        "partner.mindshare/return-call-hours",
        "partner.talent/attrition-percent",
        "partner.talent/tenure-3y-percent",
        "partner.talent/backfill-weeks",
        "partner.cost/cost-review-months",
        "partner.technical/similar-projects",
        "partner.domain/domain-references",
        "partner.kpis/kpi-framework",
        "partner.extra/extra-days",
        "tool.tco/yearly-cost",
        "tool.support/first-response-hours",
        "tool.lock-in/full-data-export",
        // Second edition.
        "partner.talent/account-attrition-percent",
        "partner.culture/blameless-review",
        "partner.ip-ownership/code-and-accounts-yours",
        "tool.functional-fit/must-have-tasks-percent",
        "tool.vendor-viability/years-in-business",
    ];
    /// Released indicators no longer in the template: scorecards created before keep them (and
    /// their values), new ones do not get them, and their ids are never used again. The firm-wide
    /// attrition and tenure figures gave way to attrition on the client's own account.
    const RETIRED_INDICATORS: [&str; 2] = [
        "partner.talent/attrition-percent",
        "partner.talent/tenure-3y-percent",
    ];

    fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
        items.iter().map(id).collect()
    }

    #[test]
    fn templates_are_complete() {
        for kind in [ScorecardKind::Partner, ScorecardKind::Tool] {
            let t = parse(kind).unwrap_or_else(|e| panic!("{e}"));
            let problems = check(&t);
            assert!(
                problems.is_empty(),
                "{kind:?} template problems:\n{}",
                problems.join("\n")
            );
        }
    }

    #[test]
    fn released_ids_are_present_in_order() {
        let p = partner();
        assert_eq!(ids(&p.criteria, |c| &c.id), RELEASED_PARTNER_CRITERIA);
        assert_eq!(ids(&tool().criteria, |c| &c.id), RELEASED_TOOL_CRITERIA);
        assert_eq!(
            ids(&p.culture_dimensions, |d| &d.id),
            RELEASED_CULTURE_DIMENSIONS
        );
        assert_eq!(
            ids(&p.operating_aspects, |a| &a.id),
            RELEASED_OPERATING_ASPECTS
        );
        assert_eq!(ids(&p.project_kinds, |k| &k.id), RELEASED_PROJECT_KINDS);
        let indicators: Vec<String> = p
            .criteria
            .iter()
            .chain(tool().criteria.iter())
            .flat_map(|c| {
                c.indicators
                    .iter()
                    .map(move |i| format!("{}/{}", c.id, i.id))
            })
            .collect();
        let mut offered: Vec<&str> = indicators.iter().map(String::as_str).collect();
        let mut expected: Vec<&str> = RELEASED_INDICATORS
            .into_iter()
            .filter(|i| !RETIRED_INDICATORS.contains(i))
            .collect();
        // The order of indicators within a criterion is only how they are listed; compare sets.
        offered.sort_unstable();
        expected.sort_unstable();
        assert_eq!(offered, expected);
        for retired in RETIRED_INDICATORS {
            assert!(RELEASED_INDICATORS.contains(&retired), "{retired}");
        }
    }

    #[test]
    fn kinds_match_their_files() {
        assert_eq!(partner().kind, ScorecardKind::Partner);
        assert_eq!(tool().kind, ScorecardKind::Tool);
        assert!(tool().culture_dimensions.is_empty());
        assert!(tool().operating_aspects.is_empty());
        assert!(tool().project_kinds.is_empty());
    }

    #[test]
    fn framework_indicators_have_their_thresholds() {
        let expect = |kind, criterion: &str, indicator: &str, threshold: f64, dir: Direction| {
            let c = template(kind)
                .criterion(criterion)
                .unwrap_or_else(|| panic!("{criterion} missing"));
            let i = c
                .indicators
                .iter()
                .find(|i| i.id == indicator)
                .unwrap_or_else(|| panic!("{criterion}/{indicator} missing"));
            assert_eq!(i.threshold, threshold, "{criterion}/{indicator}");
            assert_eq!(i.direction, dir, "{criterion}/{indicator}");
        };
        use Direction::{AtLeast, AtMost};
        use ScorecardKind::{Partner, Tool};
        expect(
            Partner,
            "partner.mindshare",
            "return-call-hours",
            8.0,
            AtMost,
        );
        expect(
            Partner,
            "partner.talent",
            "account-attrition-percent",
            20.0,
            AtMost,
        );
        expect(Partner, "partner.talent", "backfill-weeks", 4.0, AtMost);
        expect(
            Partner,
            "partner.technical",
            "similar-projects",
            2.0,
            AtLeast,
        );
        expect(Partner, "partner.domain", "domain-references", 1.0, AtLeast);
        expect(Partner, "partner.cost", "cost-review-months", 12.0, AtMost);
        expect(Partner, "partner.kpis", "kpi-framework", 1.0, AtLeast);
        expect(Partner, "partner.extra", "extra-days", 2.0, AtLeast);
        expect(Partner, "partner.culture", "blameless-review", 1.0, AtLeast);
        expect(
            Partner,
            "partner.ip-ownership",
            "code-and-accounts-yours",
            1.0,
            AtLeast,
        );
        expect(Tool, "tool.tco", "yearly-cost", 12000.0, AtMost);
        expect(
            Tool,
            "tool.functional-fit",
            "must-have-tasks-percent",
            100.0,
            AtLeast,
        );
        expect(
            Tool,
            "tool.vendor-viability",
            "years-in-business",
            3.0,
            AtLeast,
        );
    }

    #[test]
    fn weights_put_desire_first_and_must_haves_are_few() {
        let p = partner();
        let w = |id: &str| p.criterion(id).map(|c| c.weight).unwrap_or(0.0);
        assert_eq!(w("partner.desire"), 16.0);
        for c in p.criteria.iter().filter(|c| c.id != "partner.desire") {
            assert!(
                c.weight < w("partner.desire"),
                "{} weighs as much as desire",
                c.id
            );
        }
        // The extra mile is second only to desire, level with technical experience.
        assert_eq!(w("partner.extra"), 12.0);
        assert_eq!(w("partner.extra"), w("partner.technical"));
        for c in &p.criteria {
            assert!(
                c.weight <= w("partner.extra") || c.id == "partner.desire",
                "{} outweighs the extra mile",
                c.id
            );
        }
        for t in [partner(), tool()] {
            let gates = t.criteria.iter().filter(|c| c.must_have.is_some()).count();
            assert!(gates <= 1, "{:?}: {gates} must-haves by default", t.kind);
        }
    }

    #[test]
    fn project_kinds_suggest_more_domain_weight_as_the_market_matters_more() {
        let weights: Vec<f64> = partner()
            .project_kinds
            .iter()
            .map(|k| k.domain_weight)
            .collect();
        assert!(weights.windows(2).all(|w| w[0] <= w[1]), "{weights:?}");
        assert_eq!(suggested_domain_weight("infrastructure"), Some(3.0));
        assert_eq!(suggested_domain_weight("regulated"), Some(25.0));
        assert_eq!(suggested_domain_weight("no-such-kind"), None);
    }

    #[test]
    fn new_scorecard_copies_the_template_criteria() {
        for kind in [ScorecardKind::Partner, ScorecardKind::Tool] {
            let id = Uuid::from_u128(7);
            let s = new_scorecard(kind, id, "Choosing help");
            assert_eq!(s.id, id);
            assert_eq!(s.kind, kind);
            assert_eq!(s.name, "Choosing help");
            let t = template(kind);
            assert_eq!(s.criteria.len(), t.criteria.len());
            for (c, tc) in s.criteria.iter().zip(&t.criteria) {
                assert_eq!(*c, tc.to_criterion());
                assert_eq!(c.levels.len(), LEVELS);
            }
            assert!(s.candidates.is_empty());
            assert!(s.culture.is_empty());
            assert!(s.operating_model.is_empty());
            assert_eq!(s.project_kind, None);
            let json = serde_json::to_string(&s).unwrap_or_else(|e| panic!("{e}"));
            let back: Scorecard = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back, s);
        }
        let p = new_scorecard(ScorecardKind::Partner, Uuid::nil(), "p");
        assert_eq!(
            ids(&p.criteria, |c| &c.id),
            RELEASED_PARTNER_CRITERIA.to_vec()
        );
        let t = new_scorecard(ScorecardKind::Tool, Uuid::nil(), "t");
        assert_eq!(ids(&t.criteria, |c| &c.id), RELEASED_TOOL_CRITERIA.to_vec());
    }

    #[test]
    fn help_is_found_for_template_criteria_only() {
        for kind in [ScorecardKind::Partner, ScorecardKind::Tool] {
            for c in &template(kind).criteria {
                assert_eq!(criterion_help(kind, &c.id), Some(c.help.as_str()));
            }
        }
        assert_eq!(criterion_help(ScorecardKind::Tool, "partner.talent"), None);
        assert_eq!(criterion_help(ScorecardKind::Partner, "custom-1"), None);
    }

    #[test]
    fn check_reports_broken_templates() {
        let mut t = partner().clone();
        t.criteria[1].id = t.criteria[0].id.clone();
        t.criteria[2].levels.pop();
        t.criteria[3].weight = 120.0;
        t.criteria[4].must_have = Some(0);
        t.criteria[5].description = "  ".into();
        let dup = t.criteria[1].indicators[0].clone();
        t.criteria[1].indicators.push(dup);
        t.culture_dimensions.pop();
        t.operating_aspects.clear();
        t.project_kinds[0].domain_weight = -1.0;
        t.criteria.pop();
        let problems = check(&t).join("\n");
        for expected in [
            "10 criteria, expected 11",
            "partner.desire: duplicate id",
            "partner.talent: 5 levels, expected 6",
            "partner.operating-model: weight 120 out of 0..=100",
            "partner.cost: must_have 0 out of 1..=5",
            "partner.technical: an empty text",
            "partner.desire/return-call-hours: duplicate indicator id",
            "7 culture dimensions, expected 8",
            "0 operating aspects, expected 6",
            "project kind infrastructure: domain weight -1 out of 0..=100",
            // 100 - 7 (operating-model) + 120 - 8 (ip-ownership, popped).
            "weights add up to 205, expected 100",
        ] {
            assert!(
                problems.contains(expected),
                "missing {expected:?} in:\n{problems}"
            );
        }

        let mut t = tool().clone();
        t.criteria[0].indicators.clear();
        assert!(check(&t)
            .contains(&"money indicator tool.tco/yearly-cost is not in the template".to_string()));
        t.kind = ScorecardKind::Partner;
        assert!(check(&t)
            .iter()
            .any(|p| p.starts_with("tool.tco: id must be \"partner.\"")));
    }
}
