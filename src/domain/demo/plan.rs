//! The demo company's plan: Harbourline's roadmap of initiatives, its budget, its team and its risk
//! register, all dated relative to `today` so the demo looks current whenever it is opened.
//!
//! Owns only demo data. Every id is fixed (see [`pid`]) so reopening the demo gives the same
//! assessment; nothing here reads the clock.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::budget::{BudgetCategory, Quarter, QuarterBudget, RunningCost};
use crate::domain::model::Assessment;
use crate::domain::risk::{Risk, RiskCategory, RiskStatus};
use crate::domain::roadmap::{Initiative, InitiativeStatus};
use crate::domain::team::{ChangeKind, Party, Person, Responsibility, Team, TeamChange};

use BudgetCategory::{Infrastructure, Partner, People, ToolsVendors};
use InitiativeStatus::{Done, Dropped, InProgress, Planned};

/// Fills in the roadmap, team, budget and risks of the demo. Goals must already be set: the
/// initiatives link to them by position.
pub(super) fn add_plan(a: &mut Assessment, today: NaiveDate) {
    let goals: Vec<Uuid> = a.goals.iter().map(|g| g.id).collect();
    a.initiatives = INITIATIVES
        .iter()
        .map(|s| initiative(s, &goals, today))
        .collect();
    a.team = team(today);
    a.risks = risks(today).into();
    // Running costs first: the agreed amounts are derived from the planned spend they are part of.
    a.budget.running_costs = running_costs(today);
    a.budget.quarters = quarter_budgets(a, today);
}

/// Ids of the planning data: the demo's prefix with "plan" (0x706c616e) in the middle, so they
/// never collide with the other demo ids and stay the same each time the demo is opened.
const fn pid(n: u128) -> Uuid {
    Uuid::from_u128(0x6c75_6d65_6e00_4000_8000_706c_616e_0000 + n)
}

/// Id of initiative `n` (one of the constants below).
const fn initiative_id(n: u128) -> Uuid {
    pid(0x100 + n)
}

fn days(today: NaiveDate, offset: i64) -> NaiveDate {
    today + chrono::Duration::days(offset)
}

// Initiative numbers, named so dependencies and risk mitigations read as prose.
const ERROR_TRACKING: u128 = 1;
const STAGING_DEPLOYS: u128 = 2;
const BACKUPS: u128 = 3;
const PARTNER_SELECTION: u128 = 4;
const STRATEGY: u128 = 5;
const MFA: u128 = 6;
const RISK_REGISTER: u128 = 7;
const SOLVER_PROTOTYPE: u128 = 8;
const KPI_DASHBOARD: u128 = 9;
const BUDGET: u128 = 10;
const HIRE_BACKEND: u128 = 11;
const INCIDENT_PLAN: u128 = 12;
const COMPLIANCE_CHECK: u128 = 13;
const SOC2_READINESS: u128 = 14;
const PEN_TEST: u128 = 15;
const SOC2_AUDIT: u128 = 16;
const VENDOR_CHECKS: u128 = 17;
const RESTORE_TESTS: u128 = 18;
const RISK_RESPONSES: u128 = 19;
const SINGLE_POINTS: u128 = 20;
const ROUTING_KNOWLEDGE: u128 = 21;
const SOLVER_ROLLOUT: u128 = 22;
const MULTI_DEPOT: u128 = 23;
const RETIRE_LICENCE: u128 = 24;
const CONTINUOUS_DEPLOY: u128 = 25;
const FEATURE_FLAGS: u128 = 26;
const INFRA_AS_CODE: u128 = 27;
const LOAD_TEST: u128 = 28;
const USABILITY_TESTS: u128 = 29;
const SCANNING_FLOW: u128 = 30;
const KPI_REVIEW: u128 = 31;
const BOARD_REPORT: u128 = 33;
const HIRE_DATA: u128 = 34;
const DATA_WAREHOUSE: u128 = 35;
const NATIVE_APP: u128 = 36;
const SECOND_REGION: u128 = 37;

/// One initiative as written below; turned into an [`Initiative`] by [`initiative`].
struct Spec {
    n: u128,
    title: &'static str,
    description: &'static str,
    areas: &'static [&'static str],
    questions: &'static [&'static str],
    /// Positions in the demo's goals: 0 ships weekly, 1 wins enterprise carriers.
    goals: &'static [usize],
    /// Start in weeks from today; `None` for an undated idea.
    week: Option<i64>,
    weeks: u32,
    owner: &'static str,
    status: InitiativeStatus,
    effort: f64,
    one_off: Option<f64>,
    monthly: Option<f64>,
    category: BudgetCategory,
    depends_on: &'static [u128],
    milestone: bool,
    skills: &'static [(&'static str, u8)],
    suggested_from: Option<&'static str>,
}

const BASE: Spec = Spec {
    n: 0,
    title: "",
    description: "",
    areas: &[],
    questions: &[],
    goals: &[],
    week: None,
    weeks: 4,
    owner: "",
    status: Planned,
    effort: 1.0,
    one_off: None,
    monthly: None,
    category: People,
    depends_on: &[],
    milestone: false,
    skills: &[],
    suggested_from: None,
};

fn initiative(s: &Spec, goals: &[Uuid], today: NaiveDate) -> Initiative {
    let mut i = Initiative::new(initiative_id(s.n), s.title);
    i.description = s.description.into();
    i.areas = s.areas.iter().map(|x| x.to_string()).collect();
    i.questions = s.questions.iter().map(|x| x.to_string()).collect();
    i.goals = s
        .goals
        .iter()
        .filter_map(|&g| goals.get(g).copied())
        .collect();
    i.start = s.week.map(|w| days(today, 7 * w));
    i.duration_weeks = s.weeks;
    i.owner = s.owner.into();
    i.status = s.status;
    i.effort_weeks = s.effort;
    i.one_off_cost = s.one_off;
    i.monthly_cost = s.monthly;
    i.cost_category = s.category;
    i.depends_on = s.depends_on.iter().map(|&n| initiative_id(n)).collect();
    i.milestone = s.milestone;
    i.skills = s.skills.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    i.suggested_from = s.suggested_from.map(str::to_string);
    i
}

/// The roadmap: four initiatives done, five under way, one dropped, the rest planned. Chains:
/// risk register → responses and continuity → routing knowledge; compliance check → SOC 2
/// readiness → penetration test → audit; solver prototype → rollout → multi-depot routes.
/// "Retire the licence" deliberately starts a week before the rollout it depends on ends, so the
/// roadmap shows its conflict warning.
const INITIATIVES: [Spec; 36] = [
    Spec {
        n: ERROR_TRACKING,
        title: "Set up error tracking",
        description: "Send every server and driver-app error to one error tracker, with an alert \
                      to the on-call engineer when a depot is affected.",
        areas: &["delivery", "measurement"],
        questions: &["delivery.running-the-product"],
        goals: &[0],
        week: Some(-30),
        weeks: 3,
        owner: "Daniel Park",
        status: Done,
        effort: 2.0,
        skills: &[("Observability", 2)],
        ..BASE
    },
    Spec {
        n: STAGING_DEPLOYS,
        title: "Automate deployments to the test environment",
        description: "Every merged change goes to the staging environment on its own, so the \
                      depot council always tests the latest version.",
        areas: &["delivery"],
        questions: &["delivery.releases"],
        goals: &[0],
        week: Some(-26),
        weeks: 4,
        owner: "Daniel Park",
        status: Done,
        effort: 3.0,
        skills: &[("Kubernetes", 2)],
        ..BASE
    },
    Spec {
        n: BACKUPS,
        title: "Nightly database backups to a second region",
        description: "Copy the database every night to another data centre, so a regional \
                      outage cannot lose customers' shipment history.",
        areas: &["security", "risk"],
        questions: &["security.backup-recovery"],
        goals: &[1],
        week: Some(-22),
        weeks: 3,
        owner: "Daniel Park",
        status: Done,
        effort: 1.5,
        category: Infrastructure,
        skills: &[("PostgreSQL", 2)],
        ..BASE
    },
    Spec {
        n: PARTNER_SELECTION,
        title: "Choose a development partner",
        description: "Compare three engineering firms on a scorecard and sign a retainer with the \
                      best fit for the routing rebuild.",
        areas: &["vendors"],
        questions: &["vendors.selection"],
        goals: &[0],
        week: Some(-42),
        weeks: 6,
        owner: "Mara Jensen",
        status: Done,
        effort: 2.0,
        skills: &[("Product management", 2)],
        ..BASE
    },
    Spec {
        n: STRATEGY,
        title: "Write the technology strategy",
        description: "Two pages agreed by the founders and shown to the board: what we build \
                      ourselves, what we buy, and how technology helps us win enterprise carriers.",
        areas: &["strategy"],
        questions: &["strategy.written-strategy", "strategy.growth-levers"],
        goals: &[0, 1],
        week: Some(-3),
        weeks: 6,
        owner: "Tomás Ruiz",
        status: InProgress,
        effort: 3.0,
        milestone: true,
        skills: &[("Architecture", 3), ("Product management", 2)],
        suggested_from: Some("strategy.written-strategy@1"),
        ..BASE
    },
    Spec {
        n: MFA,
        title: "Require two-step login and remove the shared admin account",
        description: "Everyone signs in to the cloud console with their own account and a second \
                      step (a code or a security key); the shared admin login is closed.",
        areas: &["security"],
        questions: &["security.access-control"],
        goals: &[1],
        week: Some(-2),
        weeks: 3,
        owner: "Daniel Park",
        status: InProgress,
        effort: 1.5,
        one_off: Some(600.0),
        category: ToolsVendors,
        skills: &[("Security", 3)],
        suggested_from: Some("security.access-control@1"),
        ..BASE
    },
    Spec {
        n: RISK_REGISTER,
        title: "Hold the first risk session and start the risk register",
        description: "One hour with both founders and the platform engineer: list what could hurt \
                      us most, give each risk an owner and write it in the register.",
        areas: &["risk"],
        questions: &["risk.register"],
        goals: &[1],
        week: Some(-1),
        weeks: 2,
        owner: "Tomás Ruiz",
        status: InProgress,
        effort: 0.5,
        suggested_from: Some("risk.register@0"),
        ..BASE
    },
    Spec {
        n: SOLVER_PROTOTYPE,
        title: "Prototype routing on the open-source solver",
        description: "Rebuild route planning for three pilot depots on the open-source solver and \
                      compare route quality with the licensed optimiser.",
        areas: &["architecture", "scalability"],
        questions: &["architecture.modularity", "scalability.flexibility"],
        goals: &[0],
        week: Some(-4),
        weeks: 8,
        owner: "Jonas Weber",
        status: InProgress,
        effort: 10.0,
        skills: &[("Route optimisation", 4), ("Rust", 3)],
        ..BASE
    },
    Spec {
        n: KPI_DASHBOARD,
        title: "Set up product analytics and a KPI dashboard",
        description: "One dashboard with the delivery and product numbers we agreed on, fed \
                      automatically instead of from spreadsheets.",
        areas: &["measurement"],
        questions: &["measurement.tech-kpis", "measurement.data"],
        goals: &[0],
        week: Some(-2),
        weeks: 6,
        owner: "Aisha Rahman",
        status: InProgress,
        effort: 4.0,
        monthly: Some(290.0),
        category: ToolsVendors,
        skills: &[("Data engineering", 3)],
        ..BASE
    },
    Spec {
        n: BUDGET,
        title: "Agree the yearly technology budget",
        description: "Turn the strategy into amounts per quarter for people, tools, \
                      infrastructure and the partner, and agree them with the board.",
        areas: &["budget"],
        questions: &["budget.agreed-budget"],
        goals: &[1],
        week: Some(3),
        weeks: 3,
        owner: "Mara Jensen",
        effort: 1.0,
        depends_on: &[STRATEGY],
        skills: &[("Product management", 2)],
        suggested_from: Some("budget.agreed-budget@1"),
        ..BASE
    },
    Spec {
        n: HIRE_BACKEND,
        title: "Hire a senior backend engineer",
        description: "Our first employee who can own the routing engine. The recruiting fee and \
                      salary are in the team plan, not here.",
        areas: &["team", "current-state"],
        questions: &["team.skills-plan", "current-state.skills"],
        goals: &[0],
        week: Some(1),
        weeks: 8,
        owner: "Tomás Ruiz",
        effort: 3.0,
        skills: &[("Rust", 3)],
        ..BASE
    },
    Spec {
        n: INCIDENT_PLAN,
        title: "Write the security incident plan",
        description: "Who does what in the first hour of a breach or outage, who tells customers, \
                      and the numbers to call; printed and in the wiki.",
        areas: &["security"],
        questions: &["security.incident-response"],
        goals: &[1],
        week: Some(2),
        weeks: 3,
        owner: "Daniel Park",
        effort: 1.0,
        depends_on: &[RISK_REGISTER],
        skills: &[("Security", 3)],
        ..BASE
    },
    Spec {
        n: COMPLIANCE_CHECK,
        title: "Check which rules apply to us",
        description: "A data-protection lawyer lists what the GDPR and the coming e-freight rules \
                      ask of us, and what enterprise carriers will expect on top.",
        areas: &["security"],
        questions: &["security.compliance"],
        goals: &[1],
        week: Some(1),
        weeks: 2,
        owner: "Mara Jensen",
        effort: 0.5,
        one_off: Some(3500.0),
        category: Partner,
        suggested_from: Some("security.compliance@0"),
        ..BASE
    },
    Spec {
        n: SOC2_READINESS,
        title: "SOC 2 readiness",
        description: "Put in place the controls a SOC 2 audit checks (SOC 2 is the security \
                      report US and EU enterprises ask suppliers for): access reviews, change \
                      records, vendor list, written policies.",
        areas: &["security", "vendors"],
        questions: &["security.compliance", "security.independent-checks"],
        goals: &[1],
        week: Some(8),
        weeks: 16,
        owner: "Tomás Ruiz",
        effort: 8.0,
        one_off: Some(6000.0),
        monthly: Some(900.0),
        category: ToolsVendors,
        depends_on: &[MFA, COMPLIANCE_CHECK, INCIDENT_PLAN],
        skills: &[("Security", 3), ("Product management", 2)],
        ..BASE
    },
    Spec {
        n: PEN_TEST,
        title: "First outside penetration test",
        description: "An outside firm tries to break into the product for a week and reports \
                      what it found; we fix the serious findings before the audit.",
        areas: &["security"],
        questions: &["security.independent-checks"],
        goals: &[1],
        week: Some(24),
        weeks: 3,
        owner: "Daniel Park",
        effort: 1.5,
        one_off: Some(14_000.0),
        category: Partner,
        depends_on: &[SOC2_READINESS],
        skills: &[("Security", 3)],
        ..BASE
    },
    Spec {
        n: SOC2_AUDIT,
        title: "SOC 2 Type I audit",
        description: "The auditor checks our controls on one date and writes the report we can \
                      hand to enterprise prospects.",
        areas: &["security"],
        questions: &["security.compliance"],
        goals: &[1],
        week: Some(27),
        weeks: 6,
        owner: "Tomás Ruiz",
        effort: 2.0,
        one_off: Some(18_000.0),
        category: Partner,
        depends_on: &[PEN_TEST],
        milestone: true,
        skills: &[("Security", 3)],
        ..BASE
    },
    Spec {
        n: VENDOR_CHECKS,
        title: "Check our suppliers' security",
        description: "A short questionnaire for every supplier that sees customer data, kept with \
                      the answers in the technology inventory.",
        areas: &["vendors", "security"],
        questions: &["vendors.security-review"],
        goals: &[1],
        week: Some(6),
        weeks: 3,
        owner: "Daniel Park",
        effort: 1.0,
        depends_on: &[COMPLIANCE_CHECK],
        skills: &[("Security", 2)],
        ..BASE
    },
    Spec {
        n: RESTORE_TESTS,
        title: "Test restoring the database every quarter",
        description: "Restore last night's backup into a spare environment each quarter and time \
                      it; set how long delivery photos are kept.",
        areas: &["security", "risk"],
        questions: &["security.backup-recovery"],
        goals: &[1],
        week: Some(4),
        weeks: 2,
        owner: "Daniel Park",
        effort: 1.5,
        one_off: Some(300.0),
        category: Infrastructure,
        depends_on: &[BACKUPS],
        skills: &[("PostgreSQL", 3)],
        suggested_from: Some("security.backup-recovery@2"),
        ..BASE
    },
    Spec {
        n: RISK_RESPONSES,
        title: "Write a response for every high risk",
        description: "For each high or critical risk: what we do to make it less likely, and what \
                      we do if it happens anyway.",
        areas: &["risk"],
        questions: &["risk.mitigation"],
        week: Some(2),
        weeks: 3,
        owner: "Tomás Ruiz",
        effort: 1.0,
        depends_on: &[RISK_REGISTER],
        ..BASE
    },
    Spec {
        n: SINGLE_POINTS,
        title: "Find our single points of failure",
        description: "List the people, suppliers and systems we could not do without for a week, \
                      and what we would do if one disappeared.",
        areas: &["risk"],
        questions: &["risk.continuity"],
        week: Some(3),
        weeks: 2,
        owner: "Daniel Park",
        effort: 0.5,
        depends_on: &[RISK_REGISTER],
        ..BASE
    },
    Spec {
        n: ROUTING_KNOWLEDGE,
        title: "Share the routing engine knowledge",
        description: "The two contractors document the routing engine and pair with the new \
                      senior engineer for two months, so it no longer lives in two heads.",
        areas: &["risk", "mentoring"],
        questions: &["risk.continuity", "mentoring.knowledge-sharing"],
        goals: &[0],
        week: Some(9),
        weeks: 8,
        owner: "Jonas Weber",
        effort: 4.0,
        depends_on: &[SINGLE_POINTS, HIRE_BACKEND],
        skills: &[("Route optimisation", 3), ("Rust", 3)],
        ..BASE
    },
    Spec {
        n: SOLVER_ROLLOUT,
        title: "Replace the licensed route optimiser",
        description: "Move every depot to routing on the open-source solver, depot by depot, with \
                      the partner adding one routing engineer for the duration.",
        areas: &["architecture", "vendors"],
        questions: &["architecture.modularity"],
        goals: &[0],
        week: Some(6),
        weeks: 14,
        owner: "Jonas Weber",
        effort: 20.0,
        monthly: Some(4000.0),
        category: Partner,
        depends_on: &[SOLVER_PROTOTYPE],
        milestone: true,
        skills: &[("Route optimisation", 4), ("Rust", 4)],
        ..BASE
    },
    Spec {
        n: MULTI_DEPOT,
        title: "Multi-depot routes for enterprise carriers",
        description: "Plan one route across several depots, the feature three enterprise \
                      prospects asked for.",
        areas: &["scalability"],
        questions: &["scalability.flexibility"],
        goals: &[1],
        week: Some(20),
        weeks: 8,
        owner: "Priya Nair",
        effort: 10.0,
        depends_on: &[SOLVER_ROLLOUT],
        milestone: true,
        skills: &[("Route optimisation", 3), ("Rust", 3)],
        ..BASE
    },
    Spec {
        n: RETIRE_LICENCE,
        title: "Cancel the legacy route optimiser licence",
        description: "Give notice on the licence (900 a month) once the last depot routes on the \
                      new solver.",
        areas: &["vendors"],
        questions: &["vendors.exit-plans"],
        week: Some(19),
        weeks: 2,
        owner: "Tomás Ruiz",
        effort: 0.5,
        category: ToolsVendors,
        depends_on: &[SOLVER_ROLLOUT],
        ..BASE
    },
    Spec {
        n: CONTINUOUS_DEPLOY,
        title: "Release every passing change to production",
        description: "Once a change passes the tests and a review it goes live on its own, with \
                      automatic roll-back when errors rise.",
        areas: &["delivery"],
        questions: &["delivery.releases"],
        goals: &[0],
        week: Some(2),
        weeks: 6,
        owner: "Daniel Park",
        effort: 4.0,
        depends_on: &[STAGING_DEPLOYS, ERROR_TRACKING],
        skills: &[("Kubernetes", 3), ("Observability", 3)],
        ..BASE
    },
    Spec {
        n: FEATURE_FLAGS,
        title: "Switch new features on per depot",
        description: "Feature flags (switches in the product) let us release code to everyone \
                      but turn a feature on for pilot depots first.",
        areas: &["delivery", "ux"],
        questions: &["delivery.releases"],
        goals: &[0],
        week: Some(8),
        weeks: 4,
        owner: "Sam Okafor",
        effort: 2.5,
        monthly: Some(200.0),
        category: ToolsVendors,
        depends_on: &[CONTINUOUS_DEPLOY],
        skills: &[("TypeScript", 3)],
        ..BASE
    },
    Spec {
        n: INFRA_AS_CODE,
        title: "Describe our infrastructure as code",
        description: "Write the servers, databases and network as configuration files, so a new \
                      environment can be built in an hour instead of a week.",
        areas: &["scalability"],
        questions: &["scalability.infrastructure"],
        goals: &[0],
        week: Some(4),
        weeks: 8,
        owner: "Daniel Park",
        effort: 5.0,
        monthly: Some(350.0),
        category: Infrastructure,
        skills: &[("Infrastructure as code", 3), ("Kubernetes", 3)],
        ..BASE
    },
    Spec {
        n: LOAD_TEST,
        title: "Load test before the peak season",
        description: "Simulate three times today's busiest night to find what breaks first, \
                      before the December peak.",
        areas: &["architecture", "scalability"],
        questions: &["architecture.growth-limits"],
        goals: &[0],
        week: Some(12),
        weeks: 3,
        owner: "Priya Nair",
        effort: 2.0,
        one_off: Some(1500.0),
        category: Infrastructure,
        depends_on: &[INFRA_AS_CODE],
        skills: &[("PostgreSQL", 3), ("Kubernetes", 2)],
        ..BASE
    },
    Spec {
        n: USABILITY_TESTS,
        title: "Usability tests with depot managers",
        description: "Watch five depot managers do their ten most common tasks and write down \
                      where they get stuck.",
        areas: &["ux"],
        questions: &["ux.usability-testing"],
        goals: &[1],
        week: Some(3),
        weeks: 4,
        owner: "Lena Fischer",
        effort: 2.0,
        one_off: Some(1200.0),
        category: ToolsVendors,
        skills: &[("UX research", 3)],
        ..BASE
    },
    Spec {
        n: SCANNING_FLOW,
        title: "Redesign the driver app's scanning flow",
        description: "Fewer taps per pallet and a clear message when a scan fails, based on what \
                      the usability tests showed.",
        areas: &["ux"],
        questions: &["ux.feedback-loop"],
        goals: &[1],
        week: Some(7),
        weeks: 6,
        owner: "Sam Okafor",
        effort: 5.0,
        depends_on: &[USABILITY_TESTS],
        skills: &[("TypeScript", 3), ("UX research", 2)],
        ..BASE
    },
    Spec {
        n: KPI_REVIEW,
        title: "Monthly KPI review with the founders",
        description: "Thirty minutes a month on the dashboard: what moved, why, and what we \
                      change because of it.",
        areas: &["measurement"],
        questions: &["measurement.review"],
        goals: &[0],
        week: Some(4),
        weeks: 2,
        owner: "Tomás Ruiz",
        effort: 0.5,
        depends_on: &[KPI_DASHBOARD],
        ..BASE
    },
    Spec {
        n: BOARD_REPORT,
        title: "Plain-language progress report for the board",
        description: "A one-page monthly report: roadmap status in words, the KPIs against \
                      target, spend against budget and the top risks.",
        areas: &["communication"],
        questions: &["communication.progress"],
        goals: &[1],
        week: Some(6),
        weeks: 2,
        owner: "Mara Jensen",
        effort: 1.0,
        depends_on: &[KPI_REVIEW, BUDGET],
        ..BASE
    },
    Spec {
        n: HIRE_DATA,
        title: "Hire a data engineer",
        description: "Someone to own the data pipeline and the warehouse; the recruiting fee and \
                      salary are in the team plan.",
        areas: &["team"],
        questions: &["team.skills-plan"],
        goals: &[0],
        week: Some(12),
        weeks: 10,
        owner: "Tomás Ruiz",
        effort: 2.5,
        depends_on: &[BUDGET],
        skills: &[("Data engineering", 2)],
        ..BASE
    },
    Spec {
        n: DATA_WAREHOUSE,
        title: "Data warehouse for shipment analytics",
        description: "Copy shipment and tracking data into a warehouse each night, so analysis no \
                      longer slows the live database.",
        areas: &["measurement", "scalability"],
        questions: &["measurement.data"],
        goals: &[1],
        week: Some(22),
        weeks: 10,
        owner: "Aisha Rahman",
        effort: 8.0,
        monthly: Some(600.0),
        category: Infrastructure,
        depends_on: &[HIRE_DATA, KPI_DASHBOARD],
        skills: &[("Data engineering", 4), ("PostgreSQL", 3)],
        ..BASE
    },
    Spec {
        n: NATIVE_APP,
        title: "Native Android driver app",
        description: "Dropped: the installable web app already scans offline on drivers' phones, \
                      and a native app would have cost a second code base.",
        areas: &["ux"],
        questions: &["ux.feedback-loop"],
        week: Some(10),
        weeks: 12,
        owner: "Sam Okafor",
        status: Dropped,
        effort: 18.0,
        monthly: Some(9000.0),
        category: Partner,
        skills: &[("Kotlin", 3)],
        ..BASE
    },
    Spec {
        n: SECOND_REGION,
        title: "Evaluate a standby copy in a second region",
        description: "Could we run the product from another data centre within a day? Not dated \
                      yet: depends on what the single-points-of-failure review finds.",
        areas: &["scalability", "risk"],
        questions: &["risk.continuity"],
        weeks: 4,
        owner: "Daniel Park",
        effort: 3.0,
        category: Infrastructure,
        depends_on: &[SINGLE_POINTS],
        skills: &[("Infrastructure as code", 3)],
        ..BASE
    },
];

fn skills(list: &[(&str, u8)]) -> BTreeMap<String, u8> {
    list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// Id of team member `n` (1-based, in the order below).
const fn person_id(n: u128) -> Uuid {
    pid(0x300 + n)
}

/// The person trained in security (the platform engineer).
const TRAINEE: u128 = 7;

fn team(today: NaiveDate) -> Team {
    type Row = (
        &'static str,
        &'static str,
        f64,
        u8,
        &'static [(&'static str, u8)],
    );
    const PEOPLE: [Row; 8] = [
        (
            "Tomás Ruiz",
            "CTO and co-founder",
            9500.0,
            40,
            &[
                ("Architecture", 4),
                ("Rust", 4),
                ("Security", 2),
                ("Kubernetes", 2),
                ("Product management", 2),
            ],
        ),
        (
            "Priya Nair",
            "Senior backend engineer",
            8000.0,
            80,
            &[("Rust", 4), ("PostgreSQL", 3), ("Data engineering", 2)],
        ),
        (
            "Jonas Weber",
            "Backend engineer (contractor, routing)",
            8500.0,
            90,
            &[("Rust", 3), ("Route optimisation", 4), ("PostgreSQL", 2)],
        ),
        (
            "Inês Costa",
            "Backend engineer (contractor, routing)",
            8200.0,
            90,
            &[
                ("Rust", 3),
                ("Route optimisation", 3),
                ("Data engineering", 2),
            ],
        ),
        (
            "Sam Okafor",
            "Frontend engineer",
            6800.0,
            85,
            &[("TypeScript", 4), ("Accessibility", 2), ("UX research", 1)],
        ),
        (
            "Lena Fischer",
            "Product designer",
            6200.0,
            70,
            &[
                ("UX research", 3),
                ("Accessibility", 3),
                ("Product management", 1),
            ],
        ),
        (
            "Daniel Park",
            "Platform engineer",
            7600.0,
            75,
            &[
                ("Kubernetes", 3),
                ("Infrastructure as code", 3),
                ("Observability", 3),
                ("Security", 2),
                ("PostgreSQL", 2),
            ],
        ),
        (
            "Aisha Rahman",
            "Product manager",
            6900.0,
            50,
            &[
                ("Product management", 3),
                ("UX research", 2),
                ("Data engineering", 1),
            ],
        ),
    ];
    let people = PEOPLE
        .iter()
        .zip(1..)
        .map(|((name, role, cost, share, list), n)| Person {
            id: person_id(n),
            name: name.to_string(),
            role: role.to_string(),
            monthly_cost: Some(*cost),
            roadmap_share: *share,
            skills: skills(list),
        })
        .collect();
    let change = |n: u128, kind, title: &str, offset: i64, capacity, monthly, one_off| TeamChange {
        id: pid(0x400 + n),
        kind,
        title: title.into(),
        date: days(today, offset),
        person: None,
        capacity_weeks: capacity,
        monthly_cost: monthly,
        one_off_cost: one_off,
        skills: BTreeMap::new(),
    };
    let changes = vec![
        TeamChange {
            skills: skills(&[("Rust", 4), ("PostgreSQL", 3), ("Route optimisation", 2)]),
            ..change(
                1,
                ChangeKind::Hire,
                "Senior backend engineer",
                61,
                3.5,
                Some(8500.0),
                Some(12_000.0),
            )
        },
        TeamChange {
            person: Some(person_id(TRAINEE)),
            skills: skills(&[("Security", 3)]),
            ..change(
                2,
                ChangeKind::Training,
                "Cloud security course and certification",
                91,
                0.0,
                None,
                Some(2400.0),
            )
        },
        TeamChange {
            skills: skills(&[("Data engineering", 4), ("PostgreSQL", 3)]),
            ..change(
                3,
                ChangeKind::Hire,
                "Data engineer",
                152,
                3.5,
                Some(7200.0),
                Some(9000.0),
            )
        },
    ];
    let role = |responsible: &[Party], accountable: Option<Party>| Responsibility {
        responsible: responsible.to_vec(),
        accountable,
    };
    // Support is deliberately left with nobody accountable: the out-of-hours contract answers
    // calls, but no one at Harbourline owns the outcome, and the Team section flags it.
    let responsibilities = [
        (
            "leadership",
            role(
                &[Party::Founder, Party::FractionalCto],
                Some(Party::Founder),
            ),
        ),
        (
            "product-development",
            role(&[Party::Founder, Party::InHouse], Some(Party::Founder)),
        ),
        ("design", role(&[Party::InHouse], Some(Party::InHouse))),
        (
            "engineering",
            role(&[Party::InHouse, Party::Partner], Some(Party::Founder)),
        ),
        (
            "testing",
            role(&[Party::InHouse, Party::Partner], Some(Party::InHouse)),
        ),
        ("deployment", role(&[Party::InHouse], Some(Party::InHouse))),
        (
            "maintenance",
            role(&[Party::Partner, Party::InHouse], Some(Party::Partner)),
        ),
        ("support", role(&[Party::InHouse], None)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Team {
        people,
        changes,
        responsibilities,
    }
}

fn running_costs(today: NaiveDate) -> Vec<RunningCost> {
    vec![
        RunningCost {
            id: pid(0x500 + 1),
            name: "Development partner retainer (Kestrel Software)".into(),
            category: Partner,
            monthly: 12_000.0,
            start: days(today, -243),
            end: None,
        },
        // Partner, not People: the fractional CTO is an outside adviser on a contract, not on the
        // payroll, and the Team section counts People from salaries.
        RunningCost {
            id: pid(0x500 + 2),
            name: "Fractional CTO adviser, two days a month".into(),
            category: Partner,
            monthly: 4000.0,
            start: days(today, -91),
            end: Some(days(today, 274)),
        },
        RunningCost {
            id: pid(0x500 + 3),
            name: "Out-of-hours first-line support contract (NightDesk)".into(),
            category: ToolsVendors,
            monthly: 1800.0,
            start: days(today, -420),
            end: None,
        },
    ]
}

/// Which of the four budgeted quarters (0 = this one) has its People budget agreed a little under
/// the planned spend: the next one, where the senior hire's recruiting fee and first salaries land
/// (the board agreed the amount before the hire was approved).
const OVER_QUARTER: usize = 1;
/// Agreed budgets sit this much above planned spend, rounded up to a thousand...
const HEADROOM: f64 = 1.06;
/// ...except People in [`OVER_QUARTER`]: a few percent under, rounded down to five hundred.
const SHORTFALL: f64 = 0.97;

/// The budget for this quarter and the next three. The amounts follow the planned spend, so that
/// whatever today is, exactly one quarter shows as over budget, and only a little.
fn quarter_budgets(a: &Assessment, today: NaiveDate) -> Vec<QuarterBudget> {
    let mut quarters = vec![Quarter::of(today)];
    for _ in 1..4 {
        let next = quarters[quarters.len() - 1].next();
        quarters.push(next);
    }
    let planned: Vec<[f64; 4]> = crate::domain::budget::plan(a, quarters[0], quarters.len())
        .into_iter()
        .map(|p| p.planned)
        .collect();
    quarters
        .iter()
        .zip(planned)
        .enumerate()
        .map(|(i, (q, spend))| {
            let mut b = QuarterBudget::new(*q);
            for c in BudgetCategory::ALL {
                let p = spend[c.index()];
                let agreed = if i == OVER_QUARTER && c == People {
                    (p * SHORTFALL / 500.0).floor() * 500.0
                } else {
                    (p * HEADROOM / 1000.0).ceil() * 1000.0
                };
                *b.amount_mut(c) = Some(agreed);
            }
            b
        })
        .collect()
}

fn risks(today: NaiveDate) -> Vec<Risk> {
    type Row = (
        &'static str,
        &'static str,
        RiskCategory,
        u8,
        u8,
        &'static str,
        &'static str,
        &'static [u128],
        RiskStatus,
        Option<i64>,
    );
    use RiskCategory as C;
    use RiskStatus as S;
    const RISKS: [Row; 12] = [
        (
            "Routing knowledge sits with two contractors",
            "Only Jonas and Inês understand the routing engine; both are contractors on \
             one-month notice.",
            C::People,
            4,
            5,
            "Tomás Ruiz",
            "Hire a senior backend engineer and have the contractors document the engine and \
             pair with them.",
            &[HIRE_BACKEND, ROUTING_KNOWLEDGE],
            S::Mitigating,
            Some(14),
        ),
        (
            "Shared admin login to the cloud console",
            "Two people use one admin account without a second login step; a leaked password \
             opens everything.",
            C::Security,
            4,
            4,
            "Daniel Park",
            "Personal accounts with two-step login; close the shared account.",
            &[MFA],
            S::Mitigating,
            Some(-9),
        ),
        (
            "Security questionnaires stall enterprise deals",
            "Enterprise carriers ask for a SOC 2 report or a penetration test; without one, deals \
             before the series A may slip.",
            C::Compliance,
            3,
            5,
            "Mara Jensen",
            "SOC 2 readiness, an outside penetration test and a Type I audit.",
            &[SOC2_READINESS, PEN_TEST, SOC2_AUDIT],
            S::Open,
            Some(30),
        ),
        (
            "Route optimiser licence price rise",
            "The licence rises about 8 % a year and the vendor may drop the product.",
            C::Vendor,
            3,
            3,
            "Tomás Ruiz",
            "Replace it with the open-source solver and cancel the licence.",
            &[SOLVER_ROLLOUT, RETIRE_LICENCE],
            S::Mitigating,
            Some(45),
        ),
        (
            "Partner retainer renewed at a higher rate",
            "Kestrel's retainer is reviewed yearly and could rise.",
            C::Financial,
            2,
            2,
            "Mara Jensen",
            "Accepted: the contract caps any rise at 5 % a year.",
            &[],
            S::Accepted,
            Some(90),
        ),
        (
            "Database restore never tested",
            "Backups run every night, but nobody has restored one; a failed restore during the \
             night shift would stop every depot.",
            C::Operational,
            2,
            5,
            "Daniel Park",
            "Test a restore every quarter and time it.",
            &[BACKUPS, RESTORE_TESTS],
            S::Open,
            Some(-3),
        ),
        (
            "Peak-season load beyond what the system handles",
            "December volumes are three times the yearly average; we have never tested that load.",
            C::Technical,
            3,
            4,
            "Priya Nair",
            "Infrastructure as code so capacity can be added fast, then a load test.",
            &[INFRA_AS_CODE, LOAD_TEST],
            S::Open,
            Some(21),
        ),
        (
            "Cloud costs grow faster than revenue",
            "Hosting is the largest tool cost and is only looked at when the invoice arrives.",
            C::Financial,
            5,
            2,
            "Mara Jensen",
            "A yearly technology budget with a monthly check of cloud spend.",
            &[BUDGET],
            S::Open,
            Some(60),
        ),
        (
            "Delivery photos kept longer than the law allows",
            "Photos of signatures and faces are stored without a deletion rule.",
            C::Compliance,
            2,
            4,
            "Aisha Rahman",
            "Check which rules apply, then set and enforce how long photos are kept.",
            &[COMPLIANCE_CHECK, RESTORE_TESTS],
            S::Open,
            Some(40),
        ),
        (
            "The CTO's time goes to fundraising",
            "The series A will take much of Tomás's time for six months.",
            C::People,
            4,
            3,
            "Mara Jensen",
            "The fractional CTO covers architecture reviews; the new senior engineer takes \
             routing decisions.",
            &[HIRE_BACKEND],
            S::Open,
            Some(20),
        ),
        (
            "Errors at night go unnoticed",
            "Depots work at night; errors used to surface only the next morning.",
            C::Operational,
            1,
            3,
            "Daniel Park",
            "Closed: error tracking now alerts the on-call engineer.",
            &[ERROR_TRACKING],
            S::Closed,
            None,
        ),
        (
            "Open-source solver gives worse routes",
            "If routes are longer than the licensed optimiser's, depots lose fuel and time.",
            C::Technical,
            1,
            4,
            "Jonas Weber",
            "Compare route quality on three pilot depots before switching anyone.",
            &[SOLVER_PROTOTYPE],
            S::Mitigating,
            Some(10),
        ),
    ];
    RISKS
        .iter()
        .zip(1..)
        .map(
            |(
                (
                    title,
                    description,
                    category,
                    likelihood,
                    impact,
                    owner,
                    mitigation,
                    links,
                    status,
                    review,
                ),
                n,
            )| Risk {
                id: pid(0x200 + n),
                title: title.to_string(),
                description: description.to_string(),
                category: *category,
                likelihood: *likelihood,
                impact: *impact,
                owner: owner.to_string(),
                mitigation: mitigation.to_string(),
                initiatives: links.iter().map(|&i| initiative_id(i)).collect(),
                status: *status,
                next_review: review.map(|r| days(today, r)),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap, HashSet};

    use chrono::{DateTime, Utc};

    use super::*;
    use crate::content;
    use crate::domain::demo::demo_assessment;
    use crate::domain::scoring;
    use crate::domain::team::ROLES;

    fn demo_at(today: &str) -> Assessment {
        let now: DateTime<Utc> = format!("{today}T12:00:00Z").parse().unwrap();
        demo_assessment(content::get(), now)
    }

    fn demo() -> (Assessment, NaiveDate) {
        let a = demo_at("2026-05-20");
        (a, NaiveDate::from_ymd_opt(2026, 5, 20).unwrap())
    }

    fn edges(a: &Assessment) -> Vec<(Uuid, Uuid)> {
        a.initiatives
            .iter()
            .flat_map(|i| i.depends_on.iter().map(move |d| (i.id, *d)))
            .collect()
    }

    /// (initiative, dependency) pairs where the initiative starts before the dependency ends.
    fn conflicts(a: &Assessment) -> Vec<(String, String)> {
        let by_id: HashMap<Uuid, &Initiative> = a.initiatives.iter().map(|i| (i.id, i)).collect();
        let mut out = Vec::new();
        for i in a.initiatives.iter().filter(|i| i.status != Dropped) {
            for d in &i.depends_on {
                let dep = by_id[d];
                if dep.status == Dropped {
                    continue;
                }
                if let (Some(start), Some(end)) = (i.start, dep.end()) {
                    if start < end {
                        out.push((i.title.clone(), dep.title.clone()));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn the_plan_has_the_promised_size_and_spread() {
        let (a, today) = demo();
        let n = a.initiatives.len();
        assert!((32..=36).contains(&n), "{n} initiatives");
        let count = |s| a.initiatives.iter().filter(|i| i.status == s).count();
        assert_eq!(count(Done), 4);
        assert_eq!(count(InProgress), 5);
        assert_eq!(count(Dropped), 1);
        assert_eq!(count(Planned), n - 10);
        let areas: BTreeSet<&String> = a.initiatives.iter().flat_map(|i| &i.areas).collect();
        assert!(areas.len() >= 10, "{areas:?}");
        let milestones = a.initiatives.iter().filter(|i| i.milestone).count();
        assert!((3..=4).contains(&milestones), "{milestones} milestones");
        assert!(edges(&a).len() >= 15, "{} edges", edges(&a).len());
        assert!(a.risks.len() >= 10);
        for i in &a.initiatives {
            assert!((2..=16).contains(&i.duration_weeks), "{}", i.title);
            assert!(i.effort_weeks > 0.0, "{}", i.title);
            assert!((1..=2).contains(&i.questions.len()), "{}", i.title);
            assert!(!i.owner.is_empty() && !i.description.is_empty());
            for level in i.skills.values() {
                assert!((2..=4).contains(level), "{}", i.title);
            }
        }
        assert!(a.initiatives.iter().any(|i| i.one_off_cost.is_some()));
        assert!(a.initiatives.iter().any(|i| i.monthly_cost.is_some()));
        let categories: HashSet<BudgetCategory> =
            a.initiatives.iter().map(|i| i.cost_category).collect();
        assert_eq!(categories.len(), 4);
        // Statuses agree with the dates: done in the past, in progress around today.
        for i in &a.initiatives {
            let (start, end) = match (i.start, i.end()) {
                (Some(s), Some(e)) => (s, e),
                _ => {
                    assert_eq!(i.status, Planned, "{} is undated", i.title);
                    continue;
                }
            };
            match i.status {
                Done => assert!(end <= today, "{}", i.title),
                InProgress => assert!(start <= today && today < end, "{}", i.title),
                Planned => assert!(start > today, "{}", i.title),
                Dropped => {}
            }
        }
    }

    #[test]
    fn every_reference_resolves() {
        let (a, _) = demo();
        let ids: HashSet<Uuid> = a.initiatives.iter().map(|i| i.id).collect();
        assert_eq!(ids.len(), a.initiatives.len(), "initiative ids are unique");
        let goals: HashSet<Uuid> = a.goals.iter().map(|g| g.id).collect();
        for i in &a.initiatives {
            for g in &i.goals {
                assert!(goals.contains(g), "{}: goal {g}", i.title);
            }
            for d in &i.depends_on {
                assert!(ids.contains(d) && *d != i.id, "{}: dependency {d}", i.title);
            }
        }
        for r in &a.risks {
            for i in &r.initiatives {
                assert!(ids.contains(i), "{}: initiative {i}", r.title);
            }
        }
        let people: HashSet<Uuid> = a.team.people.iter().map(|p| p.id).collect();
        for c in &a.team.changes {
            if let Some(p) = c.person {
                assert!(people.contains(&p), "{}", c.title);
            }
        }
        // Both goals are served by the roadmap.
        let served: HashSet<Uuid> = a.initiatives.iter().flat_map(|i| i.goals.clone()).collect();
        assert_eq!(served, goals);
    }

    #[test]
    fn dependencies_have_no_cycle() {
        let (a, _) = demo();
        assert_eq!(
            crate::domain::roadmap::deps::find_cycle(&a.initiatives),
            None
        );
    }

    #[test]
    fn exactly_one_deliberate_conflict() {
        let (a, _) = demo();
        assert_eq!(
            conflicts(&a),
            vec![(
                "Cancel the legacy route optimiser licence".to_string(),
                "Replace the licensed route optimiser".to_string()
            )]
        );
        // The roadmap's own check (what the page flags) finds the same single pair.
        let flagged = crate::domain::roadmap::deps::conflicts(&a.initiatives);
        assert_eq!(flagged.len(), 1);
        assert_eq!(flagged[0].initiative, initiative_id(RETIRE_LICENCE));
        assert_eq!(
            crate::domain::roadmap::deps::find_cycle(&a.initiatives),
            None
        );
        let by_id: HashMap<Uuid, &Initiative> = a.initiatives.iter().map(|i| (i.id, i)).collect();
        let retire = by_id[&initiative_id(RETIRE_LICENCE)];
        let rollout = by_id[&initiative_id(SOLVER_ROLLOUT)];
        assert_eq!(
            (rollout.end().unwrap() - retire.start.unwrap()).num_days(),
            7
        );
    }

    #[test]
    fn area_and_question_ids_exist_in_the_content() {
        let (a, _) = demo();
        let c = content::get();
        for i in &a.initiatives {
            for area in &i.areas {
                assert!(c.area(area).is_some(), "{}: area {area}", i.title);
            }
            for q in &i.questions {
                let (area, _) = c
                    .question(q)
                    .unwrap_or_else(|| panic!("{}: question {q}", i.title));
                assert!(
                    i.areas.contains(&area.id),
                    "{}: {q} outside its areas",
                    i.title
                );
            }
        }
    }

    #[test]
    fn suggested_keys_name_real_steps_below_target() {
        let (a, _) = demo();
        let c = content::get();
        let keys: Vec<&String> = a
            .initiatives
            .iter()
            .filter_map(|i| i.suggested_from.as_ref())
            .collect();
        assert!((4..=6).contains(&keys.len()), "{keys:?}");
        for key in keys {
            let (q, level) = key.split_once('@').unwrap();
            let level: u8 = level.parse().unwrap();
            let (area, question) = c.question(q).unwrap();
            assert!(
                question.improvements.get(usize::from(level)).is_some(),
                "{key}"
            );
            let answer = &a.answers[q];
            assert_eq!(answer.current, Some(level), "{key}: demo level");
            let target = scoring::target_of(area, question, Some(answer), &a);
            assert!(level < target, "{key}: target {target}");
            let i = a
                .initiatives
                .iter()
                .find(|i| i.suggested_from.as_ref() == Some(key))
                .unwrap();
            assert!(i.questions.iter().any(|x| x == q), "{key} on {}", i.title);
        }
    }

    #[test]
    fn dates_move_with_today() {
        let a = demo_at("2026-05-20");
        let b = demo_at("2027-02-03");
        let shift = (NaiveDate::from_ymd_opt(2027, 2, 3).unwrap()
            - NaiveDate::from_ymd_opt(2026, 5, 20).unwrap())
        .num_days();
        assert_eq!(a.initiatives.len(), b.initiatives.len());
        for (x, y) in a.initiatives.iter().zip(&b.initiatives) {
            assert_eq!(x.id, y.id, "ids are fixed");
            match (x.start, y.start) {
                (Some(s), Some(t)) => assert_eq!((t - s).num_days(), shift, "{}", x.title),
                (None, None) => {}
                other => panic!("{}: {other:?}", x.title),
            }
        }
        for (x, y) in a.risks.iter().zip(&b.risks) {
            assert_eq!(x.id, y.id);
            if let (Some(s), Some(t)) = (x.next_review, y.next_review) {
                assert_eq!((t - s).num_days(), shift);
            }
        }
        for (x, y) in a.team.changes.iter().zip(&b.team.changes) {
            assert_eq!((y.date - x.date).num_days(), shift);
        }
        assert_eq!(b.budget.quarters[0].quarter, Quarter { year: 2027, q: 1 });
    }

    #[test]
    fn budget_covers_four_quarters_with_one_a_little_over() {
        // Several days across the year, so quarter edges fall at every point of the plan.
        for today in [
            "2026-01-01",
            "2026-02-14",
            "2026-03-31",
            "2026-05-20",
            "2026-08-09",
            "2026-11-30",
            "2026-12-31",
        ] {
            let a = demo_at(today);
            let day: NaiveDate = today.parse().unwrap();
            let quarters: Vec<Quarter> = a.budget.quarters.iter().map(|b| b.quarter).collect();
            assert_eq!(quarters.len(), 4);
            assert_eq!(quarters[0], Quarter::of(day));
            for w in quarters.windows(2) {
                assert_eq!(w[0].next(), w[1]);
            }
            let plans = crate::domain::budget::plan(&a, quarters[0], 4);
            let planned: Vec<[f64; 4]> = plans.iter().map(|p| p.planned).collect();
            let mut over = Vec::new();
            for (n, (b, p)) in a.budget.quarters.iter().zip(&planned).enumerate() {
                let people = b.people.unwrap();
                assert!(
                    (150_000.0..=260_000.0).contains(&people),
                    "{today}: {people}"
                );
                for c in BudgetCategory::ALL {
                    let (budget, spend) = (b.amount(c).unwrap(), p[c.index()]);
                    assert!(spend > 0.0, "{today}: nothing planned for {c:?}");
                    if budget < spend {
                        over.push((n, c));
                        assert!(spend - budget < 0.05 * spend, "only a little over");
                    }
                }
            }
            assert_eq!(over, vec![(OVER_QUARTER, People)], "{today}");
            // The Budget section flags the same single quarter and category.
            let flagged: Vec<(usize, BudgetCategory)> = plans
                .iter()
                .enumerate()
                .flat_map(|(n, q)| q.over_categories().into_iter().map(move |(c, _)| (n, c)))
                .collect();
            assert_eq!(flagged, vec![(OVER_QUARTER, People)], "{today}");
        }
    }

    #[test]
    fn team_has_hires_training_and_one_unowned_role() {
        let (a, today) = demo();
        let t = &a.team;
        assert!((7..=9).contains(&t.people.len()));
        for p in &t.people {
            assert!((20..=90).contains(&p.roadmap_share), "{}", p.name);
            assert!((3..=6).contains(&p.skills.len()), "{}", p.name);
            assert!(p.skills.values().all(|l| *l <= 4));
            assert!(p.monthly_cost.is_some());
        }
        let hires: Vec<i64> = t
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Hire)
            .map(|c| {
                assert_eq!(c.capacity_weeks, 3.5);
                assert!(c.monthly_cost.is_some() && c.one_off_cost.is_some());
                (c.date - today).num_days()
            })
            .collect();
        assert_eq!(hires, vec![61, 152]);
        let training: Vec<&TeamChange> = t
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Training)
            .collect();
        assert_eq!(training.len(), 1);
        let trainee = t
            .people
            .iter()
            .find(|p| Some(p.id) == training[0].person)
            .unwrap();
        assert!(trainee.skills["Security"] < 3);
        assert_eq!(training[0].skills["Security"], 3);
        let unowned: Vec<&str> = ROLES
            .iter()
            .filter(|(id, _)| {
                t.responsibilities
                    .get(*id)
                    .and_then(|r| r.accountable)
                    .is_none()
            })
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(unowned, vec!["support"]);
        let flagged: Vec<&str> = crate::domain::team::raci::role_flags(t)
            .into_iter()
            .filter(|f| f.no_accountable)
            .map(|f| f.role)
            .collect();
        assert_eq!(flagged, vec!["support"]);
        assert_eq!(t.responsibilities.len(), 8);
        let retainer = &a.budget.running_costs[0];
        assert_eq!(
            (retainer.category, retainer.monthly, retainer.end),
            (Partner, 12_000.0, None)
        );
        assert_eq!((today - retainer.start).num_days(), 243);
    }

    #[test]
    fn risks_spread_over_the_grid_with_overdue_reviews() {
        let (a, today) = demo();
        let cells: HashSet<(u8, u8)> = a.risks.iter().map(|r| (r.likelihood, r.impact)).collect();
        assert!(cells.len() >= 10, "{cells:?}");
        assert!(a
            .risks
            .iter()
            .all(|r| (1..=5).contains(&r.likelihood) && (1..=5).contains(&r.impact)));
        let critical = a
            .risks
            .iter()
            .filter(|r| r.likelihood * r.impact >= 15)
            .count();
        assert!(critical >= 1);
        assert!(a.risks.iter().any(|r| r.likelihood * r.impact <= 4));
        let status = |s| a.risks.iter().filter(|r| r.status == s).count();
        assert_eq!(
            (status(RiskStatus::Closed), status(RiskStatus::Accepted)),
            (1, 1)
        );
        let overdue = a
            .risks
            .iter()
            .filter(|r| r.status != RiskStatus::Closed)
            .filter(|r| r.next_review.is_some_and(|d| d < today))
            .count();
        assert_eq!(overdue, 2);
        let categories: HashSet<RiskCategory> = a.risks.iter().map(|r| r.category).collect();
        assert!(categories.len() >= 6);
        assert!(a
            .risks
            .iter()
            .filter(|r| r.status != RiskStatus::Accepted)
            .all(|r| !r.initiatives.is_empty() && !r.owner.is_empty()));
    }
}
