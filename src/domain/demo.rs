//! The demo company: a fictional startup with realistic data, so a visitor can see the product
//! filled in before entering anything. Later sections extend it with their own data.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::answers::{Answer, AreaSettings, Confidence};
use super::context::{
    Category, DecisionRecord, DecisionStatus, Degree, InventoryItem, Lifecycle, Stakeholder,
    SwotItem,
};
use super::model::{Assessment, CompanyProfile, Stage};
use crate::content::Content;

/// Fixed id, so opening the demo twice opens the same assessment instead of piling up copies.
pub const DEMO_ID: Uuid = Uuid::from_u128(0x6c75_6d65_6e00_4000_8000_0000_0000_0001);

pub fn demo_assessment(content: &Content, now: DateTime<Utc>) -> Assessment {
    let mut a = demo_profile(now);
    answer_everything(content, &mut a);
    add_context(&mut a);
    a
}

fn demo_profile(now: DateTime<Utc>) -> Assessment {
    let mut a = Assessment::new(DEMO_ID, "", now);
    a = Assessment {
        id: DEMO_ID,
        name: "Harbourline: 2026 technology review (demo)".to_string(),
        profile: CompanyProfile {
            company_name: "Harbourline Logistics".to_string(),
            stage: Stage::Seed,
            industry: "Freight and logistics software".to_string(),
            team_size: Some(14),
            business_model: "B2B SaaS: monthly subscription per depot, plus a fee per tracked \
                             shipment for carriers on the marketplace."
                .to_string(),
            mission: "Give small freight forwarders the shipment visibility that only the \
                      largest carriers can afford today."
                .to_string(),
            vision: "Every pallet in Europe tracked end to end, whoever moves it.".to_string(),
        },
        ..a
    };
    a
}

/// Where Harbourline stands per area (0-4): strong delivery and architecture from a technical
/// founding team, weak on risk, budget and measurement, as is common at seed.
const AREA_LEVELS: [(&str, u8); 16] = [
    ("business-goals", 2),
    ("current-state", 2),
    ("strategy", 1),
    ("budget", 1),
    ("team", 2),
    ("architecture", 3),
    ("delivery", 3),
    ("security", 1),
    ("vendors", 2),
    ("communication", 2),
    ("risk", 0),
    ("scalability", 2),
    ("ux", 2),
    ("mentoring", 1),
    ("measurement", 1),
    ("adaptability", 2),
];

/// Question by question the answers vary around the area's level, as real answers do.
const SPREAD: [i8; 5] = [0, 1, -1, 0, 1];

/// Questions the demo marks "does not apply", with the founder's reason.
const NOT_APPLICABLE: [(&str, &str); 2] = [
    (
        "mentoring.mentors",
        "Everyone on the team is a senior contractor; formal mentoring waits for our first junior hires.",
    ),
    (
        "vendors.exit-plans",
        "We run no vendor contract longer than a month yet, so there is nothing to exit from.",
    ),
];

/// Founder's notes, evidence and confidence on a few answers, keyed by question id.
const NOTES: [(&str, &str, &str); 5] = [
    (
        "delivery.continuous-integration",
        "Every pull request runs the test suite; deploys to staging are automatic, production is one click.",
        "https://wiki.harbourline.example/engineering/ci",
    ),
    (
        "security.access-control",
        "Shared admin login for the cloud console is still used by two people. Known problem.",
        "https://wiki.harbourline.example/security/access",
    ),
    (
        "strategy.roadmap",
        "Roadmap lives in the CEO's slides; engineering sees it at the quarterly offsite only.",
        "mailto:ceo@harbourline.example",
    ),
    (
        "architecture.documentation",
        "Architecture diagram drawn in March, mostly still right.",
        "https://wiki.harbourline.example/architecture",
    ),
    (
        "business-goals.written-goals",
        "Company OKRs for 2026 agreed with the board in January.",
        "https://wiki.harbourline.example/okrs-2026",
    ),
];

fn answer_everything(content: &Content, a: &mut Assessment) {
    for area in &content.areas {
        let base = AREA_LEVELS
            .iter()
            .find(|(id, _)| *id == area.id)
            .map(|(_, l)| *l as i8)
            .unwrap_or(2);
        for (i, q) in area.questions.iter().enumerate() {
            let level = (base + SPREAD[i % SPREAD.len()]).clamp(0, 4) as u8;
            let mut answer = Answer {
                current: Some(level),
                confidence: Some(Confidence::ALL[(i + area.number as usize) % 3]),
                ..Answer::default()
            };
            if let Some((_, reason)) = NOT_APPLICABLE.iter().find(|(id, _)| *id == q.id) {
                answer.current = None;
                answer.not_applicable = Some(reason.to_string());
            }
            if let Some((_, note, link)) = NOTES.iter().find(|(id, _, _)| *id == q.id) {
                answer.notes = note.to_string();
                answer.evidence = vec![link.to_string()];
                answer.confidence = Some(Confidence::High);
            }
            a.answers.insert(q.id.clone(), answer);
        }
    }
    // The founder raised two targets above the seed default: enterprise customers ask about both.
    for id in ["security.access-control", "security.data-protection"] {
        if let Some(answer) = a.answers.get_mut(id) {
            answer.target = Some(3);
        }
    }
    a.areas
        .insert("security".into(), AreaSettings { importance: 3 });
    a.areas
        .insert("scalability".into(), AreaSettings { importance: 3 });
    a.areas
        .insert("mentoring".into(), AreaSettings { importance: 1 });
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x6c75_6d65_6e00_4000_8000_0000_0000_1000 + n)
}

fn swot(n: u128, text: &str, area: Option<&str>) -> SwotItem {
    SwotItem {
        id: id(n),
        text: text.to_string(),
        area: area.map(str::to_string),
    }
}

fn add_context(a: &mut Assessment) {
    a.swot.strengths = vec![
        swot(
            1,
            "Development process: automated tests and one-click releases, several a day",
            Some("delivery"),
        ),
        swot(
            2,
            "Stack and architecture: a simple, well-understood system the team can change quickly",
            Some("architecture"),
        ),
    ];
    a.swot.weaknesses = vec![
        swot(
            3,
            "Risk management: no written list of technology risks or owners",
            Some("risk"),
        ),
        swot(
            4,
            "Security and compliance: shared admin logins, no outside security check yet",
            Some("security"),
        ),
        swot(
            5,
            "Budget and resources: cloud costs tracked only when the invoice arrives",
            Some("budget"),
        ),
    ];
    a.swot.opportunities = vec![
        swot(6, "EU e-freight rules from 2027 require digital transport documents: our data model already fits", None),
        swot(7, "Two regional carrier networks asked about white-label tracking", None),
    ];
    a.swot.threats = vec![
        swot(
            8,
            "Enterprise prospects' security questionnaires could stall the series A pipeline",
            None,
        ),
        swot(
            9,
            "The two engineers who know the routing engine are both contractors",
            None,
        ),
    ];
    let person = |n, name: &str, role: &str, interest, influence, part: &str| Stakeholder {
        id: id(n),
        name: name.into(),
        role: role.into(),
        interest,
        influence,
        part: part.into(),
    };
    a.stakeholders = vec![
        person(
            20,
            "Mara Jensen",
            "CEO and co-founder",
            Degree::High,
            Degree::High,
            "Sets priorities and signs every contract above 5,000",
        ),
        person(
            21,
            "Tomás Ruiz",
            "CTO and co-founder",
            Degree::High,
            Degree::High,
            "Owns architecture, hiring and the engineering budget",
        ),
        person(
            22,
            "Northwind Ventures",
            "Lead seed investor, board seat",
            Degree::Medium,
            Degree::High,
            "Approves the yearly budget; asks for a security review before series A",
        ),
        person(
            23,
            "Depot managers' council",
            "Customer advisory group",
            Degree::High,
            Degree::Medium,
            "Tests new features monthly and ranks the backlog's top ten",
        ),
        person(
            24,
            "Engineering team",
            "Nine engineers, four contractors",
            Degree::High,
            Degree::Medium,
            "Proposes and reviews every stack decision",
        ),
    ];
    let item = |n, category, name: &str, owner: &str, cost: Option<f64>, lifecycle| InventoryItem {
        id: id(n),
        category,
        name: name.into(),
        owner: owner.into(),
        monthly_cost: cost,
        lifecycle,
    };
    a.inventory = vec![
        item(
            30,
            Category::Software,
            "Cloud hosting (containers and managed PostgreSQL)",
            "Tomás Ruiz",
            Some(4200.0),
            Lifecycle::Active,
        ),
        item(
            31,
            Category::Software,
            "Error tracking and logs",
            "Platform team",
            Some(380.0),
            Lifecycle::Active,
        ),
        item(
            32,
            Category::Software,
            "Legacy route optimiser licence",
            "Tomás Ruiz",
            Some(900.0),
            Lifecycle::Sunsetting,
        ),
        item(
            33,
            Category::Software,
            "Source hosting and CI",
            "Platform team",
            Some(210.0),
            Lifecycle::Active,
        ),
        item(
            34,
            Category::Hardware,
            "Engineer laptops (leased)",
            "Office manager",
            Some(1150.0),
            Lifecycle::Active,
        ),
        item(
            35,
            Category::Hardware,
            "Handheld scanners for pilot depots",
            "Customer success",
            Some(640.0),
            Lifecycle::Planned,
        ),
        item(
            36,
            Category::Networking,
            "VPN and zero-trust access",
            "Platform team",
            Some(150.0),
            Lifecycle::Planned,
        ),
        item(
            37,
            Category::Storage,
            "Object storage for delivery photos",
            "Platform team",
            Some(520.0),
            Lifecycle::Active,
        ),
        item(
            38,
            Category::Storage,
            "Nightly database backups (second region)",
            "Platform team",
            None,
            Lifecycle::Active,
        ),
    ];
    let decision = |n,
                    title: &str,
                    decision: &str,
                    context: &str,
                    alternatives: &str,
                    status,
                    date: Option<(i32, u32, u32)>| DecisionRecord {
        id: id(n),
        title: title.into(),
        decision: decision.into(),
        context: context.into(),
        alternatives: alternatives.into(),
        status,
        date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    };
    a.decisions = vec![
        decision(
            40,
            "One PostgreSQL database for all product data",
            "Keep shipments, depots and tracking events in one managed PostgreSQL instance.",
            "Fourteen people cannot run several data stores well; query load is modest.",
            "A document store for events; a separate time-series database.",
            DecisionStatus::Accepted,
            Some((2025, 4, 14)),
        ),
        decision(
            41,
            "Replace the licensed route optimiser",
            "Build routing on the open-source solver in-house by Q2 2027.",
            "The licence costs 900 a month and blocks multi-depot routes customers ask for.",
            "Negotiate a higher licence tier; buy a competitor's API.",
            DecisionStatus::Proposed,
            Some((2026, 10, 2)),
        ),
        decision(
            42,
            "Mobile app as a web app first",
            "Ship the driver app as an installable web app, not native apps.",
            "Drivers use company Android phones; offline scanning works in the browser.",
            "Native Android app; cross-platform framework.",
            DecisionStatus::Accepted,
            Some((2025, 9, 1)),
        ),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::content;
    use crate::domain::scoring;

    fn demo() -> Assessment {
        demo_assessment(content::get(), DateTime::from_timestamp(0, 0).unwrap())
    }

    #[test]
    fn demo_profile_is_complete() {
        let a = demo();
        let (filled, total) = a.profile_completion();
        assert_eq!(filled, total);
        assert_eq!(a.id, DEMO_ID);
    }

    #[test]
    fn demo_answers_only_known_questions_and_every_special_case_lands() {
        let a = demo();
        let c = content::get();
        for id in a.answers.keys() {
            assert!(
                c.question(id).is_some(),
                "demo answers unknown question {id}"
            );
        }
        for (id, _) in NOT_APPLICABLE {
            assert!(a.answers[id].is_not_applicable(), "{id} not in content");
        }
        for (id, _, _) in NOTES {
            assert!(!a.answers[id].notes.is_empty(), "{id} not in content");
        }
        let levels: std::collections::BTreeSet<u8> =
            a.answers.values().filter_map(|x| x.current).collect();
        assert!(levels.len() >= 4, "answers are varied: {levels:?}");
    }

    #[test]
    fn demo_results_cover_every_area_with_real_gaps() {
        let r = scoring::compute(content::get(), &demo());
        assert_eq!(r.scored_areas, 16);
        assert_eq!(r.done, r.questions);
        assert!(r.ranked_gaps().len() >= 5);
        assert_eq!(r.ranked_gaps()[0].area_id, "security");
    }

    #[test]
    fn demo_passes_file_validation() {
        let text =
            crate::format::export(crate::format::FileKind::Assessment, &[demo()], Utc::now());
        assert_eq!(
            crate::format::import(&text).map(|i| i.assessments),
            Ok(vec![demo()])
        );
    }
}
