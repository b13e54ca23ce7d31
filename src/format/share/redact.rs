//! What a share link would reveal about people and money, and the copy of an assessment that
//! leaves them out ("Leave out people, salaries and costs" in the share dialog).
//!
//! Owns the rule of what counts as sensitive in a link. Pure: never touches the browser, and never
//! changes the assessment it is given (the copy is what goes into the link).
//!
//! Leaving out means:
//! - every money figure is removed: people's and team changes' monthly and one-off costs,
//!   initiatives' one-off and monthly costs, inventory monthly costs, partner candidates' monthly
//!   prices, all the cost assumptions (`costs`), and the whole budget (agreed quarters and running
//!   costs, whose names often name the vendor and whose only purpose is their amount);
//! - the name of every person on the team and every stakeholder is replaced by their role (or
//!   "Person 1", "Stakeholder 1" when the role is empty), wherever that name appears as a whole in
//!   any text of the assessment: owners of initiatives, risks, KPIs and systems, notes and
//!   descriptions.
//!
//! Kept: answers, scores, targets, the plan's dates and effort, skills and shares of time (so
//! capacity still reads), firms' names and the reviewer's own name (the author of a review is
//! credited, not reported on). The id stays, so a copy that comes back reviewed merges with the
//! original.

use crate::domain::costs::Costs;
use crate::domain::Assessment;
use crate::i18n::{tr, trf};

/// Names shorter than this are replaced only in their own field, not inside other texts, where
/// two letters would match inside ordinary words.
const MIN_NAME_IN_TEXT: usize = 3;

/// What an assessment holds that a link would show about people and money; each is a count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    /// People on the team, each by name.
    pub people: usize,
    /// People on the team with a monthly cost (their salary or fee).
    pub salaries: usize,
    /// Stakeholders, each by name.
    pub stakeholders: usize,
    /// Planned hires, contractors and trainings with a monthly or one-off cost.
    pub team_changes: usize,
    /// Initiatives with a one-off or monthly cost.
    pub initiatives: usize,
    /// Systems and tools of the inventory with a monthly cost.
    pub inventory: usize,
    /// Quarters with an agreed budget.
    pub budget_quarters: usize,
    /// Running costs outside the inventory.
    pub running_costs: usize,
    /// Partner or tool candidates with a monthly price.
    pub quotes: usize,
    /// Cost assumptions given (rate per person-week, hiring and freelance figures).
    pub assumptions: usize,
}

impl Contents {
    /// Counts what `a` holds about people and money.
    pub fn of(a: &Assessment) -> Contents {
        let team = &a.team;
        Contents {
            people: team.people.len(),
            salaries: team
                .people
                .iter()
                .filter(|p| p.monthly_cost.is_some())
                .count(),
            stakeholders: a.stakeholders.len(),
            team_changes: team
                .changes
                .iter()
                .filter(|c| c.monthly_cost.is_some() || c.one_off_cost.is_some())
                .count(),
            initiatives: a
                .initiatives
                .iter()
                .filter(|i| i.monthly_cost.is_some() || i.one_off_cost.is_some())
                .count(),
            inventory: a
                .inventory
                .iter()
                .filter(|i| i.monthly_cost.is_some())
                .count(),
            budget_quarters: a.budget.quarters.len(),
            running_costs: a.budget.running_costs.len(),
            quotes: a
                .scorecards
                .iter()
                .flat_map(|s| &s.candidates)
                .filter(|c| c.monthly_price.is_some())
                .count(),
            assumptions: a
                .costs
                .figures()
                .iter()
                .filter(|(_, v)| v.is_some())
                .count(),
        }
    }

    /// Every count with its name, in the order the dialog lists them.
    pub fn counts(&self) -> [(&'static str, usize); 10] {
        [
            ("people", self.people),
            ("salaries", self.salaries),
            ("stakeholders", self.stakeholders),
            ("team_changes", self.team_changes),
            ("initiatives", self.initiatives),
            ("inventory", self.inventory),
            ("budget_quarters", self.budget_quarters),
            ("running_costs", self.running_costs),
            ("quotes", self.quotes),
            ("assumptions", self.assumptions),
        ]
    }

    /// What a link would contain, in a sentence in the current language: "This link contains 5
    /// people on the team by name, 5 monthly salaries or fees, …", or that it names nobody and
    /// holds no money.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .counts()
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| {
                let form = if *n == 1 { "one" } else { "other" };
                trf(
                    &format!("share.count_{name}_{form}"),
                    &[("n", &n.to_string())],
                )
            })
            .collect();
        if parts.is_empty() {
            return tr("share.contains_nothing").to_string();
        }
        trf(
            "share.contains",
            &[("list", &parts.join(tr("share.contains_sep")))],
        )
    }

    /// True when the assessment names anyone or holds any money figure.
    pub fn is_sensitive(&self) -> bool {
        self.counts().iter().any(|(_, n)| *n > 0)
    }
}

/// A copy of `a` without people's names and money figures (see the module's note for exactly
/// what goes and what stays). The copy passes every check a file gets.
pub fn redacted(a: &Assessment) -> Assessment {
    let mut out = a.clone();
    // (name, what replaces it), collected before the names are changed.
    let mut names: Vec<(String, String)> = Vec::new();
    for (n, p) in out.team.people.iter_mut().enumerate() {
        let stand_in = stand_in(&p.role, "Person", n);
        remember(&mut names, &p.name, &stand_in);
        p.name = stand_in;
        p.monthly_cost = None;
    }
    for (n, s) in out.stakeholders.iter_mut().enumerate() {
        let stand_in = stand_in(&s.role, "Stakeholder", n);
        remember(&mut names, &s.name, &stand_in);
        s.name = stand_in;
    }
    for c in &mut out.team.changes {
        c.monthly_cost = None;
        c.one_off_cost = None;
    }
    for i in out.initiatives.iter_mut() {
        i.one_off_cost = None;
        i.monthly_cost = None;
    }
    for i in &mut out.inventory {
        i.monthly_cost = None;
    }
    for s in out.scorecards.iter_mut() {
        for c in &mut s.candidates {
            c.monthly_price = None;
        }
    }
    out.budget.quarters.clear();
    out.budget.running_costs.clear();
    out.costs = Costs::default();
    // The longest first, so "Ann Lee-Smith" is not half-replaced by "Ann Lee".
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    names.retain(|(name, _)| name.chars().count() >= MIN_NAME_IN_TEXT);
    if names.is_empty() {
        return out;
    }
    // The names may also stand in any text (an owner, a note): replace them in every string of
    // the file form. Should the file form not read back (it always does for data that passed the
    // import checks), the copy keeps the names' own fields replaced and the texts as they were.
    let Ok(mut json) = serde_json::to_value(&out) else {
        return out;
    };
    replace_names(&mut json, &names);
    serde_json::from_value(json).unwrap_or(out)
}

/// The role, else "Person 3": what stands in for a name.
fn stand_in(role: &str, kind: &str, n: usize) -> String {
    match role.trim() {
        "" => format!("{kind} {}", n + 1),
        role => role.to_string(),
    }
}

fn remember(names: &mut Vec<(String, String)>, name: &str, stand_in: &str) {
    let name = name.trim();
    if !name.is_empty() && name != stand_in && !names.iter().any(|(n, _)| n == name) {
        names.push((name.to_string(), stand_in.to_string()));
    }
}

/// Replaces each name with its stand-in in every string value (never in keys, which are ids).
fn replace_names(value: &mut serde_json::Value, names: &[(String, String)]) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            for (name, stand_in) in names {
                if text.contains(name.as_str()) {
                    *text = text.replace(name.as_str(), stand_in);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_names(v, names)),
        Value::Object(map) => map.values_mut().for_each(|v| replace_names(v, names)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use serde_json::Value;

    use super::*;
    use crate::domain::demo;
    use crate::format::share::{decode, encode};
    use crate::format::{export_compact, import, FileKind};

    /// Every field that holds money in a file, by key wherever it appears in an assessment.
    const MONEY_KEYS: [&str; 3] = ["monthly_cost", "one_off_cost", "monthly_price"];

    fn demo_assessment() -> Assessment {
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        demo::demo_assessment(crate::content::get(), at)
    }

    /// The demo with the money figures it leaves empty filled in, so every money field is tested.
    fn with_every_figure() -> Assessment {
        let mut a = demo_assessment();
        a.costs.person_week_rate = Some(1_900.0);
        a.costs.hire_monthly_salary = Some(8_100.0);
        a.costs.freelance_day_rate = Some(650.0);
        for card in a.scorecards.iter_mut() {
            for c in &mut card.candidates {
                c.monthly_price = Some(12_345.0);
            }
        }
        a
    }

    /// The money left in the file form of `a`, as paths: empty when none survives.
    fn money_left(a: &Assessment) -> Vec<String> {
        fn walk(v: &Value, path: &str, out: &mut Vec<String>) {
            match v {
                Value::Object(map) => {
                    for (k, v) in map {
                        let here = format!("{path}.{k}");
                        if MONEY_KEYS.contains(&k.as_str()) && !v.is_null() {
                            out.push(here.clone());
                        }
                        walk(v, &here, out);
                    }
                }
                Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        walk(v, &format!("{path}[{i}]"), out);
                    }
                }
                _ => {}
            }
        }
        let json = serde_json::to_value(a).unwrap();
        let mut out = Vec::new();
        walk(&json, "", &mut out);
        // Whole parts that are nothing but money: every value in them must be empty.
        for (i, q) in json["budget"]["quarters"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            out.push(format!(".budget.quarters[{i}] {q}"));
        }
        for (i, r) in json["budget"]["running_costs"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            out.push(format!(".budget.running_costs[{i}] {r}"));
        }
        for (k, v) in json["costs"].as_object().unwrap() {
            if !v.is_null() {
                out.push(format!(".costs.{k}"));
            }
        }
        out
    }

    /// Every text value in the file form of `a`.
    fn texts(a: &Assessment) -> String {
        fn walk(v: &Value, out: &mut String) {
            match v {
                Value::String(s) => {
                    out.push_str(s);
                    out.push('\n');
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                Value::Object(map) => map.values().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut out = String::new();
        walk(&serde_json::to_value(a).unwrap(), &mut out);
        out
    }

    #[test]
    fn the_demo_holds_money_and_names_in_every_place_counted() {
        // Without this the tests below would prove nothing.
        let a = with_every_figure();
        let left = money_left(&a);
        for key in MONEY_KEYS {
            assert!(
                left.iter().any(|p| p.ends_with(key)),
                "{key} not in the demo"
            );
        }
        assert!(left.iter().any(|p| p.starts_with(".budget.quarters")));
        assert!(left.iter().any(|p| p.starts_with(".budget.running_costs")));
        assert!(left.iter().any(|p| p.starts_with(".costs")));
        let c = Contents::of(&a);
        assert!(c.is_sensitive());
        assert!(c.people > 0 && c.salaries > 0 && c.initiatives > 0 && c.running_costs > 0);
        assert!(texts(&a).contains("Daniel Park"));
    }

    #[test]
    fn leaving_out_removes_every_money_figure() {
        let a = with_every_figure();
        let r = redacted(&a);
        assert_eq!(money_left(&r), Vec::<String>::new());
        let c = Contents::of(&r);
        assert_eq!(
            (c.salaries, c.team_changes, c.initiatives, c.inventory),
            (0, 0, 0, 0)
        );
        assert_eq!(
            (c.budget_quarters, c.running_costs, c.quotes, c.assumptions),
            (0, 0, 0, 0)
        );
        // What is not money stays.
        assert_eq!(r.answers, a.answers);
        assert_eq!(r.initiatives.len(), a.initiatives.len());
        assert_eq!(r.team.people.len(), a.team.people.len());
    }

    #[test]
    fn leaving_out_replaces_every_persons_name_by_their_role() {
        let a = demo_assessment();
        let names: Vec<&str> = a
            .team
            .people
            .iter()
            .map(|p| p.name.as_str())
            .chain(a.stakeholders.iter().map(|s| s.name.as_str()))
            .collect();
        assert!(names.len() >= 5, "{names:?}");
        let r = redacted(&a);
        let text = texts(&r);
        for name in &names {
            assert!(!text.contains(name), "{name} is still in the copy");
        }
        for (p, q) in a.team.people.iter().zip(&r.team.people) {
            assert_eq!(q.name, p.role);
            assert_eq!(
                (q.id, &q.skills, q.roadmap_share),
                (p.id, &p.skills, p.roadmap_share)
            );
        }
        // An initiative owned by a person is now owned by their role.
        let owned = a
            .initiatives
            .iter()
            .position(|i| i.owner == a.team.people[0].name)
            .or_else(|| {
                a.initiatives
                    .iter()
                    .position(|i| names.contains(&i.owner.as_str()))
            });
        let n = owned.expect("the demo has an initiative owned by a named person");
        assert!(!r.initiatives[n].owner.is_empty());
        assert!(!names.contains(&r.initiatives[n].owner.as_str()));
    }

    #[test]
    fn a_person_without_a_role_gets_a_numbered_stand_in() {
        let mut a = demo_assessment();
        a.team.people[1].role = "  ".into();
        let name = a.team.people[1].name.clone();
        let r = redacted(&a);
        assert_eq!(r.team.people[1].name, "Person 2");
        assert!(!texts(&r).contains(&name));
    }

    #[test]
    fn the_copy_passes_the_file_checks_and_travels_in_a_link() {
        let at = DateTime::from_timestamp(1_800_000_100, 0).unwrap();
        let r = redacted(&demo_assessment());
        let file = export_compact(FileKind::Assessment, std::slice::from_ref(&r), at);
        let imported = import(&file).unwrap();
        assert_eq!(imported.assessments, vec![r.clone()]);
        let data = encode(&r, at).unwrap();
        assert_eq!(decode(&data).unwrap().assessments, vec![r]);
        // Shorter than the whole assessment's link.
        let full = encode(&demo_assessment(), at).unwrap();
        assert!(data.len() < full.len(), "{} vs {}", data.len(), full.len());
    }

    #[test]
    fn the_summary_counts_what_the_link_contains_in_both_languages() {
        let c = Contents {
            people: 3,
            salaries: 1,
            initiatives: 12,
            running_costs: 4,
            quotes: 2,
            ..Contents::default()
        };
        assert_eq!(
            c.summary(),
            "This link contains 3 people on the team by name, 1 monthly salary or fee, \
             12 initiatives with costs, 4 running costs, 2 partner or tool prices."
        );
        assert_eq!(
            Contents::default().summary(),
            "This link contains no names of people and no money figures."
        );
        // Every count has its text in both forms: none is ever "[missing text]".
        let every = |n| Contents {
            people: n,
            salaries: n,
            stakeholders: n,
            team_changes: n,
            initiatives: n,
            inventory: n,
            budget_quarters: n,
            running_costs: n,
            quotes: n,
            assumptions: n,
        };
        let (all, many) = (every(1), every(2));
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let zh = [c.summary(), all.summary(), many.summary()];
        crate::i18n::set_current(crate::i18n::Lang::En);
        for text in zh.iter().chain(&[all.summary(), many.summary()]) {
            assert!(!text.contains(crate::i18n::MISSING), "{text}");
        }
        assert_eq!(
            zh[0],
            "此链接包含3 位团队成员的姓名、1 份月薪或月费、12 项带费用的举措、4 项持续性费用、\
             2 个合作方或工具的报价。"
        );
        // Each of the ten counts is listed, each once.
        assert_eq!(many.summary().matches("2 ").count(), 10);
    }

    #[test]
    fn an_assessment_without_people_or_money_is_not_sensitive_and_unchanged() {
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let a = Assessment::new(uuid::Uuid::nil(), "Plain", at);
        assert_eq!(Contents::of(&a), Contents::default());
        assert!(!Contents::of(&a).is_sensitive());
        assert_eq!(redacted(&a), a);
    }
}
