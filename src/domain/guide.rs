//! The founder's guided path: the seven steps from a profile to an exported file, in their one
//! order, and whether each is done, derived from the assessment (nothing about the path is
//! stored). The Overview's "What to do next" lists them; every step's page ends with the step
//! that follows it in [`Step::ALL`], so the path is defined here once. Plain Rust: no leptos,
//! web-sys or clock.

use crate::content::Content;
use crate::domain::costs::person_week_rate;
use crate::domain::quick_pass::key_answered;
use crate::domain::scoring::Results;
use crate::domain::sourcing::best_partner_quote;
use crate::domain::Assessment;

/// One step of the founder's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Profile,
    QuickPass,
    Verdict,
    ShortPlan,
    Costs,
    Partner,
    Export,
}

impl Step {
    /// The path in order.
    pub const ALL: [Step; 7] = [
        Step::Profile,
        Step::QuickPass,
        Step::Verdict,
        Step::ShortPlan,
        Step::Costs,
        Step::Partner,
        Step::Export,
    ];

    /// The step after this one on the path; `None` after the last.
    pub fn next(self) -> Option<Step> {
        let at = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL.get(at + 1).copied()
    }

    /// The section of the assessment where the step is taken, as the last part of its address
    /// (`/a/<id>/<section>`); the quick pass adds its first open area in the UI.
    pub fn section(self) -> &'static str {
        match self {
            Step::Profile => "profile",
            Step::QuickPass => "assessment",
            Step::Verdict => "results",
            Step::ShortPlan => "roadmap",
            Step::Costs => "budget",
            Step::Partner => "partners",
            Step::Export => "report",
        }
    }

    /// Where the step's link leads, `<section>` or `<section>#<element id>`: the place where the
    /// step is taken, which for the short plan (the Overview's "Next 90 days" and its button) and
    /// the costs (the Profile's currency and rate) is not the section whose footer they own.
    pub fn target(self) -> &'static str {
        match self {
            Step::ShortPlan => "overview#next-steps-title",
            Step::Costs => "profile#currency",
            other => other.section(),
        }
    }

    /// The step a section belongs to, for the footer of that section's page.
    pub fn of_section(section: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.section() == section)
    }

    /// The step's name, a text key.
    pub fn title_key(self) -> &'static str {
        match self {
            Step::Profile => "guide.profile",
            Step::QuickPass => "guide.quick_pass",
            Step::Verdict => "guide.verdict",
            Step::ShortPlan => "guide.short_plan",
            Step::Costs => "guide.costs",
            Step::Partner => "guide.partner",
            Step::Export => "guide.export",
        }
    }

    /// One sentence of what the step gives the founder, a text key.
    pub fn gives_key(self) -> &'static str {
        match self {
            Step::Profile => "guide.profile_gives",
            Step::QuickPass => "guide.quick_pass_gives",
            Step::Verdict => "guide.verdict_gives",
            Step::ShortPlan => "guide.short_plan_gives",
            Step::Costs => "guide.costs_gives",
            Step::Partner => "guide.partner_gives",
            Step::Export => "guide.export_gives",
        }
    }
}

/// What the done-rules read beyond the assessment itself.
pub struct Facts<'a> {
    pub content: &'a Content,
    pub results: &'a Results,
    /// Whether this browser ever exported the assessment into a file (the export log).
    pub exported: bool,
}

/// Whether `step` is done for assessment `a`:
///
/// - Profile: the company's name, industry and team size are given (the stage always has one).
/// - Quick pass: every area's key question is answered (a level, or "does not apply").
/// - Verdict: it rests on every area: each has at least one answered question.
/// - Short plan: the roadmap has at least one initiative ("Next 90 days" accepted, or one added).
/// - Costs: a currency is chosen and a person-week rate is known (set, or from the Team's people
///   with a monthly cost).
/// - Partner decision: a partner comparison has a candidate with a monthly price, which puts
///   the partner's quote beside hiring and freelancers in "Hire, partner or freelance".
/// - Export or report: the assessment went into an exported file from this browser.
pub fn is_done(step: Step, a: &Assessment, facts: &Facts) -> bool {
    match step {
        Step::Profile => {
            let p = &a.profile;
            !p.company_name.trim().is_empty()
                && !p.industry.trim().is_empty()
                && p.team_size.is_some()
        }
        Step::QuickPass => facts
            .content
            .areas
            .iter()
            .all(|area| key_answered(area, &a.answers)),
        Step::Verdict => {
            !facts.results.areas.is_empty() && facts.results.areas.iter().all(|x| x.done > 0)
        }
        Step::ShortPlan => !a.initiatives.is_empty(),
        Step::Costs => !a.profile.currency.trim().is_empty() && person_week_rate(a).is_some(),
        Step::Partner => best_partner_quote(&a.scorecards).is_some(),
        Step::Export => facts.exported,
    }
}

/// Every step in order with whether it is done.
pub fn path(a: &Assessment, facts: &Facts) -> Vec<(Step, bool)> {
    Step::ALL
        .into_iter()
        .map(|s| (s, is_done(s, a, facts)))
        .collect()
}

/// The next step: the first not done; `None` when every step is.
pub fn next_open(path: &[(Step, bool)]) -> Option<Step> {
    path.iter().find(|(_, done)| !done).map(|(s, _)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::roadmap::Initiative;
    use crate::domain::scorecard::price::set_price;
    use crate::domain::scorecard::{Candidate, Scorecard, ScorecardKind};
    use crate::domain::scoring::compute;
    use crate::domain::team::Person;
    use chrono::{TimeZone, Utc};
    use std::collections::BTreeMap;
    use uuid::Uuid;

    fn blank() -> Assessment {
        Assessment::new(
            Uuid::from_u128(1),
            "",
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        )
    }

    fn done(step: Step, a: &Assessment) -> bool {
        let content = crate::content::get();
        let results = compute(content, a);
        let facts = Facts {
            content,
            results: &results,
            exported: false,
        };
        is_done(step, a, &facts)
    }

    fn level(a: &mut Assessment, question: &str, current: u8) {
        a.answers.insert(
            question.to_string(),
            Answer {
                current: Some(current),
                ..Answer::default()
            },
        );
    }

    #[test]
    fn a_new_assessment_has_every_step_open_and_profile_next() {
        let a = blank();
        let content = crate::content::get();
        let results = compute(content, &a);
        let facts = Facts {
            content,
            results: &results,
            exported: false,
        };
        let p = path(&a, &facts);
        assert_eq!(p.len(), 7);
        assert!(p.iter().all(|(_, d)| !d));
        assert_eq!(next_open(&p), Some(Step::Profile));
    }

    #[test]
    fn the_order_is_walked_by_next_and_found_by_section() {
        let walked: Vec<Step> = std::iter::successors(Some(Step::Profile), |s| s.next()).collect();
        assert_eq!(walked, Step::ALL.to_vec());
        assert_eq!(Step::Export.next(), None);
        for s in Step::ALL {
            assert_eq!(Step::of_section(s.section()), Some(s));
        }
        assert_eq!(Step::of_section("risks"), None);
    }

    #[test]
    fn profile_needs_name_industry_and_team_size() {
        let mut a = blank();
        a.profile.company_name = "Acme".into();
        a.profile.industry = "Logistics".into();
        assert!(!done(Step::Profile, &a));
        a.profile.team_size = Some(4);
        assert!(done(Step::Profile, &a));
        a.profile.industry = "  ".into();
        assert!(!done(Step::Profile, &a), "blank text is not given");
    }

    #[test]
    fn quick_pass_needs_every_key_question_and_verdict_every_area() {
        let content = crate::content::get();
        let mut a = blank();
        let keys: Vec<String> = content
            .areas
            .iter()
            .filter_map(|area| area.key_question().map(|q| q.id.clone()))
            .collect();
        assert_eq!(keys.len(), content.areas.len());
        for k in &keys[..keys.len() - 1] {
            level(&mut a, k, 2);
        }
        assert!(!done(Step::QuickPass, &a));
        assert!(!done(Step::Verdict, &a), "one area has no answer yet");
        // The last area answered by a question that is not its key question: the verdict
        // covers it, the quick pass still asks its key question.
        let last = &content.areas[content.areas.len() - 1];
        let other = last
            .questions
            .iter()
            .find(|q| !q.key_question)
            .map(|q| q.id.clone())
            .unwrap();
        level(&mut a, &other, 1);
        assert!(done(Step::Verdict, &a));
        assert!(!done(Step::QuickPass, &a));
        level(&mut a, &keys[keys.len() - 1], 1);
        assert!(done(Step::QuickPass, &a));
    }

    #[test]
    fn short_plan_needs_an_initiative_on_the_roadmap() {
        let mut a = blank();
        assert!(!done(Step::ShortPlan, &a));
        a.initiatives
            .push(Initiative::new(Uuid::from_u128(7), "Backups"));
        assert!(done(Step::ShortPlan, &a));
    }

    #[test]
    fn costs_need_a_currency_and_a_rate_set_or_from_people() {
        let mut a = blank();
        a.costs.person_week_rate = Some(2_000.0);
        assert!(!done(Step::Costs, &a), "no currency yet");
        a.profile.currency = "EUR".into();
        assert!(done(Step::Costs, &a));
        a.costs.person_week_rate = None;
        assert!(!done(Step::Costs, &a));
        a.team.people.push(Person {
            id: Uuid::from_u128(3),
            name: "Ana".into(),
            role: String::new(),
            monthly_cost: Some(8_000.0),
            roadmap_share: 50,
            skills: BTreeMap::new(),
        });
        assert!(done(Step::Costs, &a), "the rate comes from the Team");
    }

    #[test]
    fn partner_decision_needs_a_priced_partner_candidate() {
        let mut a = blank();
        let firm = Uuid::from_u128(5);
        let mut card = Scorecard {
            id: Uuid::from_u128(4),
            kind: ScorecardKind::Tool,
            name: "Tools".into(),
            criteria: vec![],
            candidates: vec![Candidate::new(firm, "Firm")],
            culture: BTreeMap::new(),
            operating_model: BTreeMap::new(),
            project_kind: None,
        };
        set_price(&mut card, firm, Some(12_000.0));
        a.scorecards.push(card.clone());
        assert!(
            !done(Step::Partner, &a),
            "a tool's price is no partner quote"
        );
        card.kind = ScorecardKind::Partner;
        set_price(&mut card, firm, None);
        a.scorecards.push(card.clone());
        assert!(!done(Step::Partner, &a), "a partner without a price");
        set_price(&mut card, firm, Some(12_000.0));
        a.scorecards.push(card);
        assert!(done(Step::Partner, &a));
    }

    #[test]
    fn export_is_done_once_the_log_has_an_export() {
        let a = blank();
        let content = crate::content::get();
        let results = compute(content, &a);
        let mut facts = Facts {
            content,
            results: &results,
            exported: false,
        };
        assert!(!is_done(Step::Export, &a, &facts));
        facts.exported = true;
        assert!(is_done(Step::Export, &a, &facts));
        let p = path(&a, &facts);
        assert_eq!(
            next_open(&p),
            Some(Step::Profile),
            "the first open step leads"
        );
    }

    #[test]
    fn the_short_plan_and_costs_lead_to_where_they_are_taken() {
        assert_eq!(Step::ShortPlan.target(), "overview#next-steps-title");
        assert_eq!(Step::Costs.target(), "profile#currency");
        assert_eq!(Step::Partner.target(), Step::Partner.section());
        // Their own sections' footers still belong to them.
        assert_eq!(Step::of_section("budget"), Some(Step::Costs));
        assert_eq!(Step::of_section("roadmap"), Some(Step::ShortPlan));
    }
}
