//! Pins the DORA band tables the presets carry, year by year: the report cited, the measure's
//! own name and scope that year, each cluster's published answer in the report's order, and our
//! cut-offs (level, from, to, whether derived) in the preset's unit. A change to any of these
//! figures must be deliberate, so each fails here. Also: every preset has its texts in English and
//! Chinese, and every derived cut-off says in both languages why it is ours.

use super::*;
use crate::i18n::Lang;

/// One expected cut-off: level, from, to (`None`: open-ended), derived.
type Row = (Level, f64, Option<f64>, bool);

struct Expected {
    id: &'static str,
    unit: &'static str,
    year: u16,
    metric: &'static str,
    /// Published answers for elite, high, medium, low, in that (the reports') order.
    published: [&'static str; 4],
    cutoffs: &'static [Row],
    non_monotonic: bool,
}

use Level::{Elite, High, Low, Medium};

const DF: &str = "dora.deployment-frequency";
const LT: &str = "dora.lead-time";
const CFR: &str = "dora.change-failure-rate";
const RT: &str = "dora.recovery-time";
const PER_WEEK: &str = "deployments per week";

const TABLES: &[Expected] = &[
    // ---------------------------------------------------------------- deployment frequency
    Expected {
        id: DF,
        unit: PER_WEEK,
        year: 2021,
        metric: "Deployment frequency",
        published: [
            "On-demand (multiple deploys per day)",
            "Between once per week and once per month",
            "Between once per month and once every 6 months",
            "Fewer than once per six months",
        ],
        cutoffs: &[
            (Low, 0.0, Some(0.038), false),
            (Medium, 0.038, Some(0.23), false),
            (High, 0.23, Some(5.0), true),
            (Elite, 5.0, None, true),
        ],
        non_monotonic: false,
    },
    Expected {
        id: DF,
        unit: PER_WEEK,
        year: 2023,
        metric: "Deployment frequency",
        published: [
            "On demand",
            "Between once per day and once per week",
            "Between once per week and once per month",
            "Between once per week and once per month",
        ],
        cutoffs: &[
            (Low, 0.0, Some(0.23), true),
            (Medium, 0.23, Some(1.0), false),
            (High, 1.0, Some(5.0), false),
            (Elite, 5.0, None, true),
        ],
        non_monotonic: false,
    },
    Expected {
        id: DF,
        unit: PER_WEEK,
        year: 2024,
        metric: "Deployment frequency",
        published: [
            "On demand (multiple deploys per day)",
            "Between once per day and once per week",
            "Between once per week and once per month",
            "Between once per month and once every six months",
        ],
        cutoffs: &[
            (Low, 0.0, Some(0.23), true),
            (Medium, 0.23, Some(1.0), false),
            (High, 1.0, Some(5.0), false),
            (Elite, 5.0, None, true),
        ],
        non_monotonic: false,
    },
    // ---------------------------------------------------------------- lead time
    Expected {
        id: LT,
        unit: "hours",
        year: 2021,
        metric: "Lead time for changes",
        published: [
            "Less than one hour",
            "Between one day and one week",
            "Between one month and six months",
            "More than six months",
        ],
        cutoffs: &[
            (Elite, 0.0, Some(1.0), false),
            (High, 1.0, Some(168.0), true),
            (Medium, 168.0, Some(4380.0), true),
            (Low, 4380.0, None, false),
        ],
        non_monotonic: false,
    },
    Expected {
        id: LT,
        unit: "hours",
        year: 2023,
        metric: "Change lead time",
        published: [
            "Less than one day",
            "Between one day and one week",
            "Between one week and one month",
            "Between one week and one month",
        ],
        cutoffs: &[
            (Elite, 0.0, Some(24.0), false),
            (High, 24.0, Some(168.0), false),
            (Medium, 168.0, Some(730.0), false),
            (Low, 730.0, None, true),
        ],
        non_monotonic: false,
    },
    Expected {
        id: LT,
        unit: "hours",
        year: 2024,
        metric: "Change lead time",
        published: [
            "Less than one day",
            "Between one day and one week",
            "Between one week and one month",
            "Between one month and six months",
        ],
        cutoffs: &[
            (Elite, 0.0, Some(24.0), false),
            (High, 24.0, Some(168.0), false),
            (Medium, 168.0, Some(730.0), false),
            (Low, 730.0, None, true),
        ],
        non_monotonic: false,
    },
    // ---------------------------------------------------------------- change failure rate
    Expected {
        id: CFR,
        unit: "%",
        year: 2021,
        metric: "Change failure rate",
        published: ["0%-15%", "16%-30%", "16%-30%", "16%-30%"],
        cutoffs: &[
            (Elite, 0.0, Some(16.0), false),
            (High, 16.0, Some(31.0), true),
            (Low, 31.0, None, true),
        ],
        non_monotonic: false,
    },
    Expected {
        id: CFR,
        unit: "%",
        year: 2023,
        metric: "Change failure rate",
        published: ["5%", "10%", "15%", "64%"],
        cutoffs: &[
            (Elite, 0.0, Some(7.5), true),
            (High, 7.5, Some(12.5), true),
            (Medium, 12.5, Some(39.5), true),
            (Low, 39.5, None, true),
        ],
        non_monotonic: false,
    },
    Expected {
        id: CFR,
        unit: "%",
        year: 2024,
        metric: "Change fail rate",
        // As published: high's typical rate is above medium's. Not reordered.
        published: ["5%", "20%", "10%", "40%"],
        cutoffs: &[
            (Elite, 0.0, Some(7.5), true),
            (Medium, 7.5, Some(15.0), true),
            (High, 15.0, Some(30.0), true),
            (Low, 30.0, None, true),
        ],
        non_monotonic: true,
    },
    // ---------------------------------------------------------------- recovery
    Expected {
        id: RT,
        unit: "hours",
        year: 2021,
        metric: "Time to restore service",
        published: [
            "Less than one hour",
            "Less than one day",
            "Between one day and one week",
            "More than six months",
        ],
        cutoffs: &[
            (Elite, 0.0, Some(1.0), false),
            (High, 1.0, Some(24.0), false),
            (Medium, 24.0, Some(168.0), false),
            (Low, 168.0, None, true),
        ],
        non_monotonic: false,
    },
    Expected {
        id: RT,
        unit: "hours",
        year: 2023,
        metric: "Failed deployment recovery time",
        published: [
            "Less than one hour",
            "Less than one day",
            "Between one day and one week",
            "Between one month and six months",
        ],
        cutoffs: &[
            (Elite, 0.0, Some(1.0), false),
            (High, 1.0, Some(24.0), false),
            (Medium, 24.0, Some(168.0), false),
            (Low, 168.0, None, true),
        ],
        non_monotonic: false,
    },
    Expected {
        id: RT,
        unit: "hours",
        year: 2024,
        metric: "Failed deployment recovery time",
        published: [
            "Less than one hour",
            "Less than one day",
            "Less than one day",
            "Between one week and one month",
        ],
        cutoffs: &[
            (Elite, 0.0, Some(1.0), false),
            (High, 1.0, Some(24.0), false),
            (Medium, 24.0, Some(168.0), true),
            (Low, 168.0, None, true),
        ],
        non_monotonic: false,
    },
];

fn band(presets: &[Preset], id: &str, year: u16) -> BandYear {
    presets
        .iter()
        .find(|p| p.id == id)
        .and_then(|p| p.band_year(year))
        .cloned()
        .unwrap_or_else(|| panic!("{id} {year} missing"))
}

fn zh() -> Vec<Preset> {
    parse_lang(Lang::Zh).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_year_table_is_pinned() {
    // Every banded preset and year has a pinned table, and nothing else has bands.
    let pinned: Vec<(&str, u16)> = TABLES.iter().map(|t| (t.id, t.year)).collect();
    let carried: Vec<(&str, u16)> = all()
        .iter()
        .flat_map(|p| p.bands.iter().map(move |b| (p.id.as_str(), b.year)))
        .collect();
    assert_eq!(carried, pinned);

    for t in TABLES {
        let at = format!("{} {}", t.id, t.year);
        let p = get(t.id).unwrap_or_else(|| panic!("{at}"));
        assert_eq!(p.unit, t.unit, "{at} unit");
        let b = band(all(), t.id, t.year);
        assert_eq!(
            b.source,
            format!(
                "Accelerate State of DevOps Report {}, Google Cloud / DORA",
                t.year
            ),
            "{at}"
        );
        assert_eq!(b.metric, t.metric, "{at} metric");
        assert_eq!(
            Level::ALL.map(|l| b.published.get(l).to_string()),
            t.published.map(String::from),
            "{at} published"
        );
        let rows: Vec<Row> = b
            .cutoffs
            .iter()
            .map(|c| (c.level, c.from, c.to, c.derived))
            .collect();
        assert_eq!(rows, t.cutoffs, "{at} cut-offs");
        assert_eq!(b.non_monotonic, t.non_monotonic, "{at} non_monotonic");
    }
}

#[test]
fn chinese_tables_carry_the_same_figures() {
    let zh = zh();
    for t in TABLES {
        let (en, zh) = (band(all(), t.id, t.year), band(&zh, t.id, t.year));
        let figures = |b: &BandYear| -> Vec<Row> {
            b.cutoffs
                .iter()
                .map(|c| (c.level, c.from, c.to, c.derived))
                .collect()
        };
        assert_eq!(figures(&zh), figures(&en), "{} {}", t.id, t.year);
        assert_eq!(zh.non_monotonic, en.non_monotonic);
        assert!(zh.source.contains(&t.year.to_string()) && zh.source.contains("DORA"));
        // The Chinese names keep the report's English name, to quote it exactly.
        assert!(zh.metric.contains(t.metric), "{} {}", t.id, t.year);
    }
}

#[test]
fn every_working_day_can_be_elite_and_not_before() {
    let p = get(DF).unwrap_or_else(|| panic!("{DF}"));
    for year in BAND_YEARS {
        assert_eq!(
            classify(p, year, 5.0),
            Some(Elite),
            "{year}: every working day"
        );
        assert_eq!(classify(p, year, 4.99), Some(High), "{year}");
        assert_eq!(classify(p, year, 1.0), Some(High), "{year}: weekly");
    }
    let elite = band(all(), DF, 2023);
    let reading = &elite
        .cutoff(Elite)
        .unwrap_or_else(|| panic!("elite"))
        .reading;
    assert!(reading.contains("every working day"), "{reading}");
    assert!(reading.contains("on demand"), "{reading}");
}

#[test]
fn change_fail_rate_2024_reads_as_dora_published_it() {
    let p = get(CFR).unwrap_or_else(|| panic!("{CFR}"));
    let b = band(all(), CFR, 2024);
    // The report's order and figures: elite 5%, high 20%, medium 10%, low 40%.
    for (level, typical) in [(Elite, 5.0), (High, 20.0), (Medium, 10.0), (Low, 40.0)] {
        assert_eq!(b.published.get(level), format!("{typical}%"));
        assert_eq!(classify(p, 2024, typical), Some(level), "{typical}%");
    }
    // A founder at 20% is in DORA's high cluster, not "medium".
    assert_eq!(classify(p, 2024, 19.0), Some(High));
    assert_eq!(classify(p, 2024, 12.0), Some(Medium));
    for words in [
        "high 20%",
        "medium 10%",
        "nearest",
        "halfway",
        "all four measures",
    ] {
        assert!(
            b.note.contains(words),
            "2024 note lacks {words:?}: {}",
            b.note
        );
    }
    // 2023's typical rates did rise cluster by cluster, so that year stays in rank order.
    assert_eq!(classify(p, 2023, 10.0), Some(High));
    assert_eq!(classify(p, 2023, 15.0), Some(Medium));
}

#[test]
fn recovery_keeps_each_years_own_name_and_scope() {
    let b21 = band(all(), RT, 2021);
    assert_eq!(b21.metric, "Time to restore service");
    assert!(b21
        .scope
        .contains("a service incident or a defect that impacts users"));
    assert!(b21.scope.contains("any incident"));
    assert!(b21.note.contains("any incident"), "{}", b21.note);
    for year in [2023, 2024] {
        let b = band(all(), RT, year);
        assert_eq!(b.metric, "Failed deployment recovery time");
        assert!(b.scope.contains("after a change to production"), "{year}");
        assert!(b.note.contains("caused by a change"), "{year}");
    }
    let p = get(RT).unwrap_or_else(|| panic!("{RT}"));
    assert!(p.description.contains("any incident"));
}

/// A text with Chinese characters in it.
fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_preset_has_its_texts_in_both_languages() {
    let zh = zh();
    assert_eq!(zh.len(), all().len());
    for (en, zh) in all().iter().zip(&zh) {
        assert_eq!(en.id, zh.id);
        for (what, e, z) in [
            ("name", &en.name, &zh.name),
            ("description", &en.description, &zh.description),
            ("unit", &en.unit, &zh.unit),
        ] {
            assert!(!e.trim().is_empty(), "{} {what}: no English", en.id);
            assert!(
                has_chinese(z) || z == e,
                "{} {what}: not in Chinese: {z}",
                en.id
            );
        }
        assert!(has_chinese(&zh.name), "{}", zh.id);
        assert!(has_chinese(&zh.description), "{}", zh.id);
        assert_eq!(en.bands.len(), zh.bands.len(), "{}", en.id);
        for (eb, zb) in en.bands.iter().zip(&zh.bands) {
            let at = format!("{} {}", en.id, eb.year);
            for (e, z) in [
                (&eb.metric, &zb.metric),
                (&eb.scope, &zb.scope),
                (&eb.note, &zb.note),
            ] {
                assert!(!e.trim().is_empty(), "{at}");
                assert!(has_chinese(z), "{at}: {z}");
            }
            for level in Level::ALL {
                assert!(!zb.published.get(level).trim().is_empty(), "{at}");
            }
        }
    }
}

#[test]
fn every_derived_cut_off_says_why_in_both_languages() {
    let zh = zh();
    let mut derived = 0;
    for t in TABLES {
        let (en, zh) = (band(all(), t.id, t.year), band(&zh, t.id, t.year));
        let at = format!("{} {}", t.id, t.year);
        for (ec, zc) in en.cutoffs.iter().zip(&zh.cutoffs) {
            let at = format!("{at} {}", ec.level.id());
            assert!(!ec.reading.trim().is_empty(), "{at}: no reading");
            assert!(has_chinese(&zc.reading), "{at}: no Chinese reading");
            if ec.derived {
                derived += 1;
                // The screen marks it "Our approximation:" (edition.band_derived); the reading
                // then says why, never as if it were DORA's published range.
                assert!(
                    !ec.reading.starts_with("As published"),
                    "{at}: {}",
                    ec.reading
                );
                assert!(
                    !zc.reading.starts_with("按公布的范围"),
                    "{at}: {}",
                    zc.reading
                );
                assert_ne!(ec.reading, en.published.get(ec.level), "{at}");
            } else {
                assert!(
                    ec.reading.starts_with("As published"),
                    "{at}: {}",
                    ec.reading
                );
                assert!(
                    zc.reading.starts_with("按公布的范围"),
                    "{at}: {}",
                    zc.reading
                );
            }
        }
        // The year's note names what is DORA's and what is ours.
        assert!(
            en.note.contains("DORA's") && en.note.contains("ours"),
            "{at}"
        );
        assert!(
            zh.note.contains("DORA 的") && zh.note.contains("我们的"),
            "{at}"
        );
    }
    assert_eq!(derived, 24);
}
