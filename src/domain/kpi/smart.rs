//! SMART checks for goals and key results: is each one specific, measurable, achievable,
//! relevant and time-bound? Every mark carries a plain reason saying why, or what is missing.
//!
//! Owns: [`Mark`], [`Smart`], [`check_key_result`] and [`check_goal`].
//! Pure functions: "today" comes in as an argument.
//!
//! Rules for a key result (shown to users):
//!
//! - **Specific**: it is linked to a KPI, and the KPI has a name.
//! - **Measurable**: the KPI has a unit and a target value.
//! - **Achievable**: the KPI's status decides (the same projection that gives the KPI its
//!   status, see [`super::trend`]), so the two never contradict: achieved, on track or at risk
//!   is achievable; off track is not; without a target or two measurements on different dates it
//!   cannot be judged and is not marked achievable.
//! - **Relevant**: the goal is one of the company's business goals, or serves an assessment area
//!   (named by its title, never its id).
//! - **Time-bound**: the KPI has a target date, or else the goal has one.
//!
//! Rules for a goal (combining its key results):
//!
//! - **Specific**, **measurable**, **achievable**: the goal has at least one key result and every
//!   key result has the mark. The reason names how many fall short and why the first one does.
//! - **Relevant**: as for a key result (it is a property of the goal).
//! - **Time-bound**: the goal has a target date, or it has key results and every one of them is
//!   time-bound through its KPI's target date.

use chrono::NaiveDate;

use crate::i18n::{tr, trf};

use super::trend::{project, value_text, Status};
use super::{Goal, KeyResult, Kpi};

/// One SMART letter: whether it holds, and why (or what is missing). The reason is never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub ok: bool,
    pub reason: String,
}

impl Mark {
    fn yes(reason: impl Into<String>) -> Mark {
        Mark {
            ok: true,
            reason: reason.into(),
        }
    }

    fn no(reason: impl Into<String>) -> Mark {
        Mark {
            ok: false,
            reason: reason.into(),
        }
    }
}

/// The five SMART marks of a goal or key result.
#[derive(Clone, Debug, PartialEq)]
pub struct Smart {
    pub specific: Mark,
    pub measurable: Mark,
    pub achievable: Mark,
    pub relevant: Mark,
    pub time_bound: Mark,
}

impl Smart {
    /// How many of the five marks hold (0 to 5).
    pub fn score(&self) -> usize {
        self.marks().iter().filter(|(_, m)| m.ok).count()
    }

    /// The marks in SMART order with their names ("Specific", "Measurable", ...) in the language
    /// in use.
    pub fn marks(&self) -> [(&'static str, &Mark); 5] {
        [
            (tr("domain.smart_name_specific"), &self.specific),
            (tr("domain.smart_name_measurable"), &self.measurable),
            (tr("domain.smart_name_achievable"), &self.achievable),
            (tr("domain.smart_name_relevant"), &self.relevant),
            (tr("domain.smart_name_time_bound"), &self.time_bound),
        ]
    }
}

/// Checks one key result of `goal`. `kpi` is the KPI the key result links to (looked up by the
/// caller from `kr.kpi`); `None` when it is not linked or the link is broken.
pub fn check_key_result(goal: &Goal, kr: &KeyResult, kpi: Option<&Kpi>, today: NaiveDate) -> Smart {
    Smart {
        specific: specific(kr, kpi),
        measurable: measurable(kpi),
        achievable: achievable(kpi, today),
        relevant: relevant(goal),
        time_bound: time_bound(goal, kpi),
    }
}

fn specific(kr: &KeyResult, kpi: Option<&Kpi>) -> Mark {
    match (kr.kpi, kpi) {
        (_, Some(k)) if !k.name.trim().is_empty() => {
            Mark::yes(trf("domain.smart_tracked_by", &[("kpi", k.name.trim())]))
        }
        (_, Some(_)) => Mark::no(tr("domain.smart_name_the_kpi")),
        (Some(_), None) => Mark::no(tr("domain.smart_kpi_not_found")),
        (None, None) => Mark::no(tr("domain.smart_link_a_kpi")),
    }
}

fn measurable(kpi: Option<&Kpi>) -> Mark {
    let Some(k) = kpi else {
        return Mark::no(tr("domain.smart_measurable_no_kpi"));
    };
    let unit = k.unit.trim();
    let target = k.target.map(|t| t.value).filter(|v| v.is_finite());
    match (unit.is_empty(), target) {
        (false, Some(t)) => Mark::yes(trf(
            "domain.smart_measured_in",
            &[("unit", unit), ("target", &value_text(t, unit))],
        )),
        (true, None) => Mark::no(tr("domain.smart_no_unit_no_target")),
        (true, Some(_)) => Mark::no(tr("domain.smart_no_unit")),
        (false, None) => Mark::no(tr("domain.smart_no_target_value")),
    }
}

fn achievable(kpi: Option<&Kpi>, today: NaiveDate) -> Mark {
    let Some(k) = kpi else {
        return Mark::no(tr("domain.smart_achievable_no_kpi"));
    };
    // The KPI's status decides: one computation, so "Achievable" never contradicts "Off track".
    let p = project(k, today);
    match p.status {
        Status::NoTarget => Mark::no(tr("domain.smart_achievable_no_target")),
        Status::NotEnoughData => Mark::no(tr("domain.smart_achievable_no_trend")),
        Status::Achieved => Mark::yes(tr("domain.smart_already_met")),
        Status::OnTrack => Mark::yes(trf(
            "domain.smart_achievable_on_track",
            &[("reason", &p.reason)],
        )),
        Status::AtRisk => Mark::yes(trf(
            "domain.smart_achievable_at_risk",
            &[("reason", &p.reason)],
        )),
        Status::OffTrack => Mark::no(trf(
            "domain.smart_achievable_off_track",
            &[("reason", &p.reason)],
        )),
    }
}

/// The name of an assessment area in the language in use; the id itself only when the content
/// does not know it (a file from a newer framework), so a known id is never shown raw.
fn area_name(id: &str) -> String {
    crate::content::get_lang(crate::i18n::current())
        .area(id)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| id.to_string())
}

fn relevant(goal: &Goal) -> Mark {
    let area = goal
        .area
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(area_name);
    match (goal.business_goal, area) {
        (true, Some(a)) => Mark::yes(trf("domain.smart_serves_both", &[("area", &a)])),
        (true, None) => Mark::yes(tr("domain.smart_serves_business")),
        (false, Some(a)) => Mark::yes(trf("domain.smart_serves_area", &[("area", &a)])),
        (false, None) => Mark::no(tr("domain.smart_not_relevant")),
    }
}

/// A date in a reason, in the language in use.
fn date_text(d: NaiveDate) -> String {
    crate::i18n::date(crate::i18n::current(), d)
}

fn time_bound(goal: &Goal, kpi: Option<&Kpi>) -> Mark {
    if let Some(t) = kpi.and_then(|k| k.target) {
        Mark::yes(trf("domain.smart_kpi_due", &[("date", &date_text(t.date))]))
    } else if let Some(d) = goal.target_date {
        Mark::yes(trf("domain.smart_goal_due", &[("date", &date_text(d))]))
    } else {
        Mark::no(tr("domain.smart_no_date"))
    }
}

/// One goal mark from its key results' marks: `all_ok` when every one has it, `none` when there
/// are no key results, else `short` filled with how many fall short and why the first one does.
/// Each mark brings its own whole sentences, so none is built from pieces.
fn combine(
    checks: &[(String, Smart)],
    pick: fn(&Smart) -> &Mark,
    all_ok: String,
    none: &str,
    short: fn(&[(&str, &str)]) -> String,
) -> Mark {
    let Some((_, only)) = checks.first() else {
        return Mark::no(none);
    };
    let failing: Vec<&(String, Smart)> = checks.iter().filter(|(_, s)| !pick(s).ok).collect();
    match failing.first() {
        None if checks.len() == 1 => Mark::yes(pick(only).reason.clone()),
        None => Mark::yes(all_ok),
        Some((name, s)) => Mark::no(short(&[
            ("failing", &failing.len().to_string()),
            ("total", &checks.len().to_string()),
            ("name", name),
            ("reason", &pick(s).reason),
        ])),
    }
}

/// Checks a goal by checking each key result against the KPI it links to in `kpis` (see the
/// module documentation for how the marks combine).
pub fn check_goal(goal: &Goal, kpis: &[Kpi], today: NaiveDate) -> Smart {
    let checks: Vec<(String, Smart)> = goal
        .key_results
        .iter()
        .enumerate()
        .map(|(i, kr)| {
            let kpi = kr.kpi.and_then(|id| kpis.iter().find(|k| k.id == id));
            let name = match kr.text.trim() {
                "" => trf(
                    "domain.smart_key_result_number",
                    &[("number", &(i + 1).to_string())],
                ),
                t => trf("domain.smart_key_result_quoted", &[("text", t)]),
            };
            (name, check_key_result(goal, kr, kpi, today))
        })
        .collect();
    let total = checks.len();

    let total_text = total.to_string();
    let total_arg = [("total", total_text.as_str())];
    let specific = combine(
        &checks,
        |s| &s.specific,
        trf("domain.smart_goal_specific_all", &total_arg),
        tr("domain.smart_goal_specific_none"),
        |a| trf("domain.smart_goal_specific_short", a),
    );
    let measurable = combine(
        &checks,
        |s| &s.measurable,
        trf("domain.smart_goal_measurable_all", &total_arg),
        tr("domain.smart_goal_measurable_none"),
        |a| trf("domain.smart_goal_measurable_short", a),
    );
    let achievable = combine(
        &checks,
        |s| &s.achievable,
        trf("domain.smart_goal_achievable_all", &total_arg),
        tr("domain.smart_goal_achievable_none"),
        |a| trf("domain.smart_goal_achievable_short", a),
    );
    let time_bound = if let Some(d) = goal.target_date {
        Mark::yes(trf("domain.smart_goal_due", &[("date", &date_text(d))]))
    } else if total == 0 {
        Mark::no(tr("domain.smart_goal_no_date"))
    } else {
        let missing = checks.iter().filter(|(_, s)| !s.time_bound.ok).count();
        if missing == 0 {
            Mark::yes(tr("domain.smart_goal_all_dated"))
        } else {
            Mark::no(trf(
                "domain.smart_goal_some_undated",
                &[("missing", &missing.to_string()), ("total", &total_text)],
            ))
        }
    };
    Smart {
        specific,
        measurable,
        achievable,
        relevant: relevant(goal),
        time_bound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::Direction;
    use crate::domain::kpi::{DatedValue, Measurement};
    use uuid::Uuid;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn today() -> NaiveDate {
        date("2026-03-01")
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// A KPI rising 10 per month (Jan 1 → Feb 1 is 31 days, so close to it), target 100 by
    /// 2026-12-31, unit "users".
    fn kpi(values: &[(&str, f64)], target: Option<(&str, f64)>) -> Kpi {
        let mut k = Kpi::new(id(1), "Weekly active users");
        k.unit = "users".into();
        k.target = target.map(|(d, v)| DatedValue {
            date: date(d),
            value: v,
        });
        k.measurements = values
            .iter()
            .map(|(d, v)| Measurement {
                id: Uuid::nil(),
                date: date(d),
                value: *v,
            })
            .collect();
        k
    }

    fn goal(krs: Vec<KeyResult>) -> Goal {
        Goal {
            id: id(10),
            objective: "Grow usage".into(),
            description: String::new(),
            area: None,
            business_goal: true,
            target_date: None,
            key_results: krs,
        }
    }

    fn kr(text: &str, kpi: Option<Uuid>) -> KeyResult {
        KeyResult {
            id: id(20),
            text: text.into(),
            kpi,
        }
    }

    fn good_kpi() -> Kpi {
        // Observed about +30/month; needs (100-60)/10 months = 4/month.
        kpi(
            &[("2026-01-01", 30.0), ("2026-02-01", 60.0)],
            Some(("2026-12-31", 100.0)),
        )
    }

    #[test]
    fn a_good_key_result_scores_five() {
        let k = good_kpi();
        let g = goal(vec![kr("Reach 100 weekly users", Some(k.id))]);
        let s = check_key_result(&g, &g.key_results[0], Some(&k), today());
        assert_eq!(s.score(), 5, "{s:#?}");
        for (name, m) in s.marks() {
            assert!(!m.reason.is_empty(), "{name}");
        }
        assert_eq!(
            s.specific.reason,
            "Tracked by the KPI \"Weekly active users\"."
        );
        assert_eq!(
            s.measurable.reason,
            "Measured in users; the target is 100 users."
        );
        assert_eq!(
            s.achievable.reason,
            "On track at the pace seen so far: At the trend so far it reaches the target of \
             100 users by March 2026, before the target date 31 Dec 2026 (higher is better)."
        );
        assert_eq!(s.relevant.reason, "Serves a business goal.");
        assert_eq!(
            s.time_bound.reason,
            "The KPI's target is due on 31 Dec 2026."
        );
    }

    #[test]
    fn specific_false_reasons() {
        let g = goal(vec![]);
        let s = check_key_result(&g, &kr("x", None), None, today());
        assert!(!s.specific.ok);
        assert!(s.specific.reason.contains("Link this key result"));
        let s = check_key_result(&g, &kr("x", Some(id(99))), None, today());
        assert!(!s.specific.ok);
        assert!(s.specific.reason.contains("not found"));
        let mut k = good_kpi();
        k.name = "  ".into();
        let s = check_key_result(&g, &kr("x", Some(k.id)), Some(&k), today());
        assert!(!s.specific.ok);
        assert!(s.specific.reason.contains("name"));
    }

    #[test]
    fn measurable_false_reasons() {
        let g = goal(vec![]);
        let s = check_key_result(&g, &kr("x", None), None, today());
        assert!(!s.measurable.ok);
        let mut k = good_kpi();
        k.unit.clear();
        let s = check_key_result(&g, &kr("x", Some(k.id)), Some(&k), today());
        assert!(!s.measurable.ok);
        assert!(s.measurable.reason.contains("unit"));
        let mut k = good_kpi();
        k.target = None;
        let s = check_key_result(&g, &kr("x", Some(k.id)), Some(&k), today());
        assert!(!s.measurable.ok);
        assert_eq!(s.measurable.reason, "Set a target value for the KPI.");
        k.unit.clear();
        let s = check_key_result(&g, &kr("x", Some(k.id)), Some(&k), today());
        assert_eq!(
            s.measurable.reason,
            "Give the KPI a unit and a target value."
        );
    }

    fn achievable_of(k: &Kpi) -> Mark {
        let g = goal(vec![]);
        check_key_result(&g, &kr("x", Some(k.id)), Some(k), today()).achievable
    }

    #[test]
    fn achievable_needs_two_measurements() {
        let k = kpi(&[("2026-01-01", 30.0)], Some(("2026-12-31", 100.0)));
        let m = achievable_of(&k);
        assert!(!m.ok);
        assert!(m.reason.starts_with("Add at least two measurements"));
        let k = kpi(&[], Some(("2026-12-31", 100.0)));
        assert!(!achievable_of(&k).ok);
        let k = kpi(&[("2026-01-01", 1.0), ("2026-02-01", 2.0)], None);
        let m = achievable_of(&k);
        assert!(!m.ok);
        assert!(m.reason.contains("Set a target"));
        let g = goal(vec![]);
        assert!(
            !check_key_result(&g, &kr("x", None), None, today())
                .achievable
                .ok
        );
    }

    #[test]
    fn achievable_when_already_met() {
        let k = kpi(
            &[("2026-01-01", 130.0), ("2026-02-01", 120.0)],
            Some(("2026-12-31", 100.0)),
        );
        let m = achievable_of(&k);
        assert!(m.ok);
        assert!(m.reason.contains("already meets"));
    }

    #[test]
    fn achievable_and_the_kpi_status_come_from_one_computation() {
        use crate::domain::kpi::trend::project;
        let cases = [
            // Too slow: ~1 a month against 40 needed by December.
            (
                &[("2026-01-01", 59.0), ("2026-02-01", 60.0)],
                100.0,
                Direction::Higher,
            ),
            // Wrong way and flat.
            (
                &[("2026-01-01", 60.0), ("2026-02-01", 50.0)],
                100.0,
                Direction::Higher,
            ),
            (
                &[("2026-01-01", 50.0), ("2026-02-01", 50.0)],
                100.0,
                Direction::Higher,
            ),
            // Fast enough, and lower is better falling the right way.
            (
                &[("2026-01-01", 29.0), ("2026-02-01", 60.0)],
                100.0,
                Direction::Higher,
            ),
            (
                &[("2026-01-01", 20.0), ("2026-02-01", 18.0)],
                12.0,
                Direction::Lower,
            ),
            (
                &[("2026-01-01", 18.0), ("2026-02-01", 20.0)],
                12.0,
                Direction::Lower,
            ),
            // Close: at risk.
            (
                &[("2026-01-01", 0.0), ("2026-02-01", 8.6)],
                100.0,
                Direction::Higher,
            ),
        ];
        let mut seen = std::collections::HashSet::new();
        for (points, target, direction) in cases {
            let mut k = kpi(points, Some(("2026-12-31", target)));
            k.direction = direction;
            let status = project(&k, today()).status;
            let m = achievable_of(&k);
            seen.insert(status);
            assert_eq!(
                m.ok,
                matches!(status, Status::OnTrack | Status::AtRisk | Status::Achieved),
                "{status:?}: {}",
                m.reason
            );
        }
        assert!(seen.contains(&Status::OffTrack) && seen.contains(&Status::OnTrack));
        // The reason is the status's own.
        let k = kpi(
            &[("2026-01-01", 59.0), ("2026-02-01", 60.0)],
            Some(("2026-12-31", 100.0)),
        );
        let m = achievable_of(&k);
        assert!(
            m.reason.starts_with("Off track at the pace seen so far"),
            "{}",
            m.reason
        );
        assert!(m.reason.contains("users"), "{}", m.reason);
    }

    #[test]
    fn achievable_past_target_date() {
        let k = kpi(
            &[("2026-01-01", 10.0), ("2026-02-01", 20.0)],
            Some(("2026-02-15", 100.0)),
        );
        let m = achievable_of(&k);
        assert!(!m.ok);
        assert!(m.reason.contains("15 Feb 2026 has passed"), "{}", m.reason);
    }

    #[test]
    fn relevant_true_and_false() {
        let mut g = goal(vec![]);
        assert!(relevant(&g).ok);
        g.business_goal = false;
        let m = relevant(&g);
        assert!(!m.ok);
        assert!(m.reason.contains("business goal"));
        g.area = Some("security".into());
        let m = relevant(&g);
        assert!(m.ok);
        // The area's name, never its id.
        assert!(m.reason.contains("\"Security"), "{}", m.reason);
        assert!(!m.reason.contains("\"security\""), "{}", m.reason);
        g.area = Some(" ".into());
        assert!(!relevant(&g).ok);
    }

    #[test]
    fn time_bound_true_and_false() {
        let mut g = goal(vec![]);
        let mut k = good_kpi();
        k.target = None;
        let s = check_key_result(&g, &kr("x", Some(k.id)), Some(&k), today());
        assert!(!s.time_bound.ok);
        assert!(s.time_bound.reason.contains("target date"));
        g.target_date = Some(date("2026-09-30"));
        let s = check_key_result(&g, &kr("x", Some(k.id)), Some(&k), today());
        assert!(s.time_bound.ok);
        assert_eq!(s.time_bound.reason, "The goal is due on 30 Sep 2026.");
    }

    #[test]
    fn goal_without_key_results() {
        let g = goal(vec![]);
        let s = check_goal(&g, &[], today());
        assert!(!s.specific.ok && !s.measurable.ok && !s.achievable.ok && !s.time_bound.ok);
        assert!(s.relevant.ok);
        assert_eq!(s.score(), 1);
        for (_, m) in s.marks() {
            assert!(!m.reason.is_empty());
        }
    }

    #[test]
    fn goal_combines_key_results() {
        let good = good_kpi();
        let mut bad = good_kpi();
        bad.id = id(2);
        bad.unit.clear();
        bad.target = None;
        let g = goal(vec![
            kr("Reach 100 users", Some(good.id)),
            kr("Cut churn", Some(bad.id)),
        ]);
        let kpis = [good.clone(), bad];
        let s = check_goal(&g, &kpis, today());
        assert!(s.specific.ok);
        assert_eq!(
            s.specific.reason,
            "All 2 key results are tracked by named KPIs."
        );
        assert!(!s.measurable.ok);
        assert!(
            s.measurable
                .reason
                .starts_with("1 of 2 key results are not measurable yet; for \"Cut churn\""),
            "{}",
            s.measurable.reason
        );
        assert!(!s.achievable.ok);
        assert!(!s.time_bound.ok);
        assert!(s.time_bound.reason.contains("1 of 2"));

        let g = goal(vec![kr("Reach 100 users", Some(good.id))]);
        let s = check_goal(&g, &[good], today());
        assert_eq!(s.score(), 5, "{s:#?}");

        // A broken link is not specific.
        let g = goal(vec![kr("", Some(id(77)))]);
        let s = check_goal(&g, &[], today());
        assert!(!s.specific.ok);
        assert!(s.specific.reason.contains("key result 1"));
    }

    #[test]
    fn goal_date_makes_goal_time_bound() {
        let mut k = good_kpi();
        k.target = None;
        let mut g = goal(vec![kr("x", Some(k.id))]);
        g.target_date = Some(date("2026-12-31"));
        let s = check_goal(&g, &[k], today());
        assert!(s.time_bound.ok);
    }

    /// Runs `f` with sentences in Chinese, then back to English (the setting is per thread).
    fn in_chinese<T>(f: impl FnOnce() -> T) -> T {
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let out = f();
        crate::i18n::set_current(crate::i18n::Lang::En);
        out
    }

    /// Runs of two or more Latin letters: English left in a Chinese sentence.
    fn latin_words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn marks_and_reasons_are_written_in_chinese() {
        let mut k = good_kpi();
        k.name = "周活跃用户".into();
        k.unit = "人".into();
        let mut g = goal(vec![kr("达到 100 人", Some(k.id))]);
        g.area = Some("交付".into());
        let s = in_chinese(|| check_key_result(&g, &g.key_results[0], Some(&k), today()));
        assert_eq!(s.specific.reason, "由指标“周活跃用户”跟踪。");
        assert_eq!(s.measurable.reason, "以人为单位测量，目标为 100 人。");
        assert!(
            s.achievable.reason.contains("2026年3月即可达到目标 100 人"),
            "{}",
            s.achievable.reason
        );
        assert_eq!(s.relevant.reason, "服务于一个业务目标和评估领域“交付”。");
        assert_eq!(s.time_bound.reason, "指标的目标截止日期为 2026年12月31日。");
        let names = in_chinese(|| s.marks().map(|(name, _)| name));
        assert_eq!(names, ["具体", "可衡量", "可实现", "相关", "有时限"]);

        // A goal with one good and one unlinked key result, and an empty goal.
        let g = goal(vec![kr("达到 100 人", Some(k.id)), kr("", None)]);
        let s = in_chinese(|| check_goal(&g, std::slice::from_ref(&k), today()));
        assert_eq!(
            s.specific.reason,
            "2 个关键结果中有 1 个缺少有名称的指标；关键结果 2：把这个关键结果关联到一个有名称的指标，说明测量的是什么。"
        );
        let empty = in_chinese(|| check_goal(&goal(vec![]), &[], today()));
        let mut all = String::new();
        for smart in [&s, &empty] {
            for (_, m) in smart.marks() {
                all.push_str(&m.reason);
            }
        }
        assert_eq!(latin_words(&all), Vec::<String>::new(), "{all}");
        // Back in English afterwards.
        assert_eq!(s.marks()[0].0, "Specific");
    }
}
