//! Native tests of saving and loading against a map standing in for localStorage, and the helpers
//! the other files' tests share (a workspace, a save, a load, the heavy assessment).

use std::collections::BTreeMap;

use chrono::DateTime;
use uuid::Uuid;

use super::keys::{assessment_key, chars, parse_part_key, INDEX_KEY, PART_PREFIX};
use super::pack::{pack, unpack, PACKED15_TAG};
use super::records::revision_of;
use super::{apply, read_records, External, Loaded, SaveError, SaveReport, Saved, Store};
use crate::domain::backup::ExportLog;
use crate::domain::Workspace;

pub(super) fn ws(n: u128) -> Workspace {
    let mut w = Workspace::default();
    for i in 1..=n {
        w.create(
            Uuid::from_u128(i),
            &format!("A{i}"),
            DateTime::from_timestamp(i as i64, 0).unwrap(),
        );
    }
    w
}

pub(super) fn log() -> ExportLog {
    ExportLog::default()
}

/// A simulated localStorage.
impl Store for BTreeMap<String, String> {
    fn get(&self, key: &str) -> Option<String> {
        BTreeMap::get(self, key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        self.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> bool {
        BTreeMap::remove(self, key);
        true
    }
    fn keys(&self, prefix: &str) -> Vec<String> {
        self.range(prefix.to_string()..)
            .map(|(key, _)| key)
            .take_while(|key| key.starts_with(prefix))
            .cloned()
            .collect()
    }
}

/// Saves `w` the way `Storage::save` does.
pub(super) fn save(
    saved: &mut Saved,
    store: &mut BTreeMap<String, String>,
    w: &Workspace,
) -> SaveReport {
    let plan = saved.plan(w, &log());
    apply(saved, store, &plan).unwrap()
}

/// Reads a key of `store`, as the storage event's handling does.
pub(super) fn getter(store: &BTreeMap<String, String>) -> impl Fn(&str) -> Option<String> + '_ {
    |key| store.get(key).cloned()
}

pub(super) fn load(store: &BTreeMap<String, String>) -> (Loaded, Saved) {
    let records: Vec<(String, String)> = store.clone().into_iter().collect();
    read_records(store.get(INDEX_KEY).map(String::as_str), &records)
}

pub(super) fn rename(w: &mut Workspace, id: u128, name: &str) {
    w.rename(
        Uuid::from_u128(id),
        name,
        DateTime::from_timestamp(99, 0).unwrap(),
    );
}

pub(super) fn heavy() -> Workspace {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut w = ws(1);
    w.assessments
        .push(crate::domain::demo::large::heavy_assessment(1, today));
    w
}

pub(super) fn store_chars(store: &BTreeMap<String, String>) -> usize {
    store.iter().map(|(k, v)| chars(k) + chars(v)).sum()
}

pub(super) fn part_keys(store: &BTreeMap<String, String>) -> Vec<String> {
    store
        .keys()
        .filter(|k| k.starts_with(PART_PREFIX))
        .cloned()
        .collect()
}

/// The heavy workspace saved, and the key of its KPI part.
pub(super) fn heavy_saved() -> (Workspace, BTreeMap<String, String>, String) {
    let w = heavy();
    let mut store = BTreeMap::new();
    save(&mut Saved::default(), &mut store, &w);
    let kpis = part_keys(&store)
        .into_iter()
        .find(|k| k.contains("/kpis/"))
        .unwrap();
    (w, store, kpis)
}

/// The heavy workspace saved, with `change` made to the JSON of its KPI part.
pub(super) fn heavy_with_kpis(
    change: impl FnOnce(&mut serde_json::Value),
) -> (Workspace, BTreeMap<String, String>) {
    let (w, mut store, key) = heavy_saved();
    let mut kpis: serde_json::Value = serde_json::from_str(&unpack(&store[&key]).unwrap()).unwrap();
    change(&mut kpis);
    store.insert(key, pack(kpis.to_string()));
    (w, store)
}

#[test]
fn first_save_writes_index_meta_and_every_assessment() {
    let plan = Saved::default().plan(&ws(2), &log());
    assert_eq!(plan.writes.len(), 4);
    assert!(plan.removals.is_empty());
}

#[test]
fn a_save_writes_only_what_changed_and_bumps_the_revision() {
    let mut saved = Saved::default();
    let mut store = BTreeMap::new();
    let mut w = ws(3);
    save(&mut saved, &mut store, &w);
    assert!(saved.plan(&w, &log()).is_empty());
    rename(&mut w, 2, "Renamed");
    let plan = saved.plan(&w, &log());
    assert_eq!(plan.writes.len(), 1);
    assert_eq!(plan.writes[0].key, assessment_key(Uuid::from_u128(2)));
    save(&mut saved, &mut store, &w);
    let stored = &store[&assessment_key(Uuid::from_u128(2))];
    assert_eq!(revision_of(stored), 2);
    assert_eq!(revision_of(&store[&assessment_key(Uuid::from_u128(1))]), 1);
}

#[test]
fn removal_deletes_the_key_and_rewrites_the_index() {
    let mut saved = Saved::default();
    let mut store = BTreeMap::new();
    let mut w = ws(2);
    save(&mut saved, &mut store, &w);
    w.remove(Uuid::from_u128(1));
    let plan = saved.plan(&w, &log());
    assert_eq!(plan.removals, vec![assessment_key(Uuid::from_u128(1))]);
    assert_eq!(plan.writes.len(), 1);
    assert_eq!(plan.writes[0].key, INDEX_KEY);
}

#[test]
fn load_round_trips_order_content_and_the_export_log() {
    let w = ws(3);
    let mut saved = Saved::default();
    let mut store = BTreeMap::new();
    let mut export_log = log();
    export_log.exported(
        [Uuid::from_u128(1)],
        DateTime::from_timestamp(5, 0).unwrap(),
    );
    let plan = saved.plan(&w, &export_log);
    for write in &plan.writes {
        store.insert(write.key.clone(), write.value.clone());
        saved.wrote(write);
    }
    let (loaded, saved_again) = load(&store);
    assert_eq!(loaded.workspace, w);
    assert_eq!(loaded.export_log, export_log);
    assert!(loaded.unreadable.is_empty());
    assert!(saved_again.plan(&w, &export_log).is_empty());
}

#[test]
fn unreadable_records_are_reported_kept_raw_and_never_touched() {
    let w = ws(1);
    let mut saved = Saved::default();
    let mut store = BTreeMap::new();
    save(&mut saved, &mut store, &w);
    let bad_key = assessment_key(Uuid::from_u128(9));
    let future = format!(
        "{{\"format\":\"cto-workbench\",\"schema_version\":999,\"assessment\":{{\"id\":\"{}\"}}}}",
        Uuid::from_u128(9)
    );
    for raw in ["{broken".to_string(), future] {
        store.insert(bad_key.clone(), raw.clone());
        let (loaded, mut saved) = load(&store);
        assert_eq!(loaded.workspace, w);
        assert_eq!(loaded.unreadable.len(), 1);
        assert_eq!(loaded.unreadable[0].key, bad_key);
        assert_eq!(loaded.unreadable[0].raw, raw);
        // Even an empty workspace must not remove or overwrite the unreadable record.
        let plan = saved.plan(&Workspace::default(), &log());
        assert!(!plan.removals.contains(&bad_key));
        assert!(plan.writes.iter().all(|wr| wr.key != bad_key));
        // Nor may another tab's change to it be taken in.
        assert_eq!(
            saved.external(&bad_key, Some("{}"), None, &|_| None),
            External::Ignore
        );
    }
}

#[test]
fn a_record_under_another_assessments_key_is_unreadable() {
    let w = ws(1);
    let mut store = BTreeMap::new();
    save(&mut Saved::default(), &mut store, &w);
    let value = store[&assessment_key(Uuid::from_u128(1))].clone();
    store.insert(assessment_key(Uuid::from_u128(7)), value);
    let (loaded, _) = load(&store);
    assert_eq!(loaded.workspace.assessments.len(), 1);
    assert_eq!(loaded.unreadable.len(), 1);
}

#[test]
fn records_missing_from_the_index_still_load() {
    let w = ws(2);
    let mut store = BTreeMap::new();
    save(&mut Saved::default(), &mut store, &w);
    store.remove(INDEX_KEY);
    let (loaded, _) = load(&store);
    assert_eq!(loaded.workspace.assessments.len(), 2);
}

#[test]
fn large_records_are_stored_deflated_and_load_back_equal() {
    let content = crate::content::get();
    let demo =
        crate::domain::demo::demo_assessment(content, DateTime::from_timestamp(0, 0).unwrap());
    let mut w = ws(1);
    w.assessments.push(demo.clone());
    let mut store = BTreeMap::new();
    save(&mut Saved::default(), &mut store, &w);
    let small = &store[&assessment_key(Uuid::from_u128(1))];
    assert!(small.starts_with('{'), "small records stay plain JSON");
    let (loaded, saved) = load(&store);
    assert_eq!(loaded.workspace, w);
    assert!(
        saved.plan(&w, &log()).is_empty(),
        "nothing to write after loading"
    );
}

#[test]
fn bulky_lists_are_stored_apart_and_an_answer_change_rewrites_only_the_record() {
    let mut w = heavy();
    let id = w.assessments[1].id;
    let mut saved = Saved::default();
    let mut store = BTreeMap::new();
    save(&mut saved, &mut store, &w);
    let parts = part_keys(&store);
    let names: Vec<&str> = parts
        .iter()
        .filter_map(|k| parse_part_key(k).map(|(_, name, _)| name))
        .collect();
    assert_eq!(
        names,
        ["initiatives", "kpis", "risks", "scorecards", "snapshots"]
    );
    assert!(parts.iter().all(|k| store[k].starts_with(PACKED15_TAG)));
    let record_chars = store[&assessment_key(id)].len();
    let total: usize = store.values().map(String::len).sum();
    assert!(record_chars * 20 < total, "{record_chars} of {total}");
    assert_eq!(saved.used_chars(), store_chars(&store));

    w.assessments[1].answers.clear();
    let plan = saved.plan(&w, &log());
    assert_eq!(plan.writes.len(), 1);
    assert!(plan.writes[0].parts.is_empty(), "no part rewritten");
    assert!(plan.writes[0].stale.is_empty());
    assert!(plan.writes[0].value.len() < 32 * 1024);
    apply(&mut saved, &mut store, &plan).unwrap();
    assert_eq!(part_keys(&store), parts);
    let (loaded, again) = load(&store);
    assert_eq!(loaded.workspace, w);
    assert!(again.plan(&w, &log()).is_empty());
}

#[test]
fn a_changed_list_gets_a_new_key_and_the_one_it_replaces_is_removed() {
    let mut w = heavy();
    let mut saved = Saved::default();
    let mut store = BTreeMap::new();
    save(&mut saved, &mut store, &w);
    let before = part_keys(&store);
    w.assessments[1].kpis[0].measurements[0].value += 1.0;
    let plan = saved.plan(&w, &log());
    assert_eq!(plan.writes[0].parts.len(), 1);
    assert!(plan.writes[0].parts[0].0.contains("/kpis/2"));
    apply(&mut saved, &mut store, &plan).unwrap();
    let after = part_keys(&store);
    assert_eq!(after.len(), before.len());
    let gone: Vec<_> = before.iter().filter(|k| !after.contains(k)).collect();
    assert_eq!(gone.len(), 1);
    assert!(gone[0].contains("/kpis/1"));
    assert_eq!(load(&store).0.workspace, w);
    // Deleting the assessment removes its parts too.
    w.remove(w.assessments[1].id);
    save(&mut saved, &mut store, &w);
    assert!(part_keys(&store).is_empty());
    assert_eq!(saved.used_chars(), store_chars(&store));
}

#[test]
fn a_save_that_stops_after_its_parts_leaves_the_previous_record_whole() {
    let w = heavy();
    let mut saved = Saved {
        token: "tab1".into(),
        ..Saved::default()
    };
    let mut store = BTreeMap::new();
    save(&mut saved, &mut store, &w);
    let mut changed = w.clone();
    changed.assessments[1].kpis[0].name = "Renamed".into();
    changed.assessments[1].risks[0].title = "Renamed".into();
    let plan = saved.plan(&changed, &log());
    // The tab closes after writing one part, before the record.
    let (key, value) = &plan.writes[0].parts[0];
    store.insert(key.clone(), value.clone());
    let (loaded, mut saved) = load(&store);
    assert_eq!(loaded.workspace, w, "the last whole save, not a mix");
    assert!(
        !saved.plan(&w, &log()).removals.contains(key),
        "a part newer than its record may be another tab's save in progress"
    );
    // A later save passes that revision: the leftover is then removed.
    save(&mut saved, &mut store, &changed);
    let (_, mut saved) = load(&store);
    let mut again = changed.clone();
    again.assessments[1].kpis[0].name = "Again".into();
    save(&mut saved, &mut store, &again);
    let (_, saved) = load(&store);
    save(&mut { saved }, &mut store, &again);
    assert!(!store.contains_key(key), "leftover removed");
    let named: usize = part_keys(&store).len();
    assert_eq!(named, 5, "{:?}", part_keys(&store));
    assert_eq!(load(&store).0.workspace, again);
}

#[test]
fn a_record_whose_part_is_missing_is_unreadable_and_its_parts_are_kept() {
    let (w, mut store, kpis) = heavy_saved();
    let id = w.assessments[1].id;
    store.remove(&kpis);
    let (loaded, saved) = load(&store);
    assert_eq!(loaded.workspace.assessments.len(), 1);
    assert_eq!(loaded.unreadable.len(), 1);
    let why = loaded.unreadable[0].error.to_string();
    assert!(why.contains("kpis") && why.contains("missing"), "{why}");
    let plan = saved.plan(&loaded.workspace, &log());
    assert!(plan.removals.is_empty(), "{:?}", plan.removals);
    assert!(plan.writes.iter().all(|w| w.key != assessment_key(id)));
}

#[test]
fn parts_are_read_on_first_use_and_checked_after_start() {
    let (w, store) = heavy_with_kpis(|_| {});
    let id = w.assessments[1].id;
    let (loaded, mut saved) = load(&store);
    assert!(loaded.unreadable.is_empty());
    let got = &loaded.workspace.assessments[1];
    // The list can show without a single measurement decoded.
    assert!(!got.kpis.is_read() && !got.initiatives.is_read() && !got.risks.is_read());
    assert_eq!(got.answers, w.assessments[1].answers);
    assert_eq!(saved.next_unchecked(), Some(id));
    // Read a list at a time, so a large assessment spreads over several short tasks.
    let mut steps = 0;
    while saved.read_one_part(id) {
        steps += 1;
        let read = [
            got.kpis.is_read(),
            got.snapshots.is_read(),
            got.initiatives.is_read(),
            got.scorecards.is_read(),
            got.risks.is_read(),
        ];
        assert_eq!(read.iter().filter(|r| **r).count(), steps);
    }
    assert_eq!(steps, 5, "the heavy assessment stores five lists apart");
    assert_eq!(saved.check(id), None);
    assert!(got.kpis.is_read() && got.risks.is_read());
    assert!(!saved.read_one_part(id), "nothing left once checked");
    assert_eq!(saved.next_unchecked(), None);
    assert_eq!(loaded.workspace, w);
    // Nothing changed, so nothing is written.
    assert!(saved.plan(&loaded.workspace, &log()).is_empty());
}

#[test]
fn a_part_that_fails_its_late_check_is_set_aside_with_the_path_of_the_problem() {
    let (w, store) = heavy_with_kpis(|kpis| kpis[0]["measurements"][3]["value"] = "lots".into());
    let id = w.assessments[1].id;
    let (loaded, mut saved) = load(&store);
    assert!(
        loaded.unreadable.is_empty(),
        "found only when its parts are read"
    );
    let unreadable = saved.check(id).expect("the damaged part is found");
    assert_eq!(unreadable.key, assessment_key(id));
    assert_eq!(unreadable.raw, store[&assessment_key(id)]);
    let why = unreadable.error.to_string();
    assert!(why.contains("kpis[0].measurements[3].value"), "{why}");
    assert_eq!(saved.next_unchecked(), None);
    // From then on it is treated as a record that failed to load: never written or removed,
    // its parts kept, even when the app drops it from the list.
    let mut rest = loaded.workspace.clone();
    rest.assessments.retain(|a| a.id != id);
    let plan = saved.plan(&rest, &log());
    assert!(plan.writes.iter().all(|w| w.key != assessment_key(id)));
    assert!(plan.removals.is_empty(), "{:?}", plan.removals);
}

#[test]
fn a_part_that_reads_but_breaks_a_rule_is_set_aside_too() {
    let (w, store) = heavy_with_kpis(|kpis| kpis[1]["name"] = "x".repeat(100_000).into());
    let id = w.assessments[1].id;
    let (_, mut saved) = load(&store);
    let why = saved
        .check(id)
        .expect("the long name is found")
        .error
        .to_string();
    assert!(why.contains("kpis[1].name"), "{why}");
}

#[test]
fn a_damaged_packed_record_is_unreadable_not_a_panic() {
    let mut store = BTreeMap::new();
    let key = assessment_key(Uuid::from_u128(5));
    for raw in [
        "z1:",
        "z1:!!!!",
        "z1:AAAA",
        "z1:eJwLycgsVgCi4vzcVIXkjMSiFABKFgdV",
        "z2:",
        "z2:12",
        "z2:12:",
        "z2:12:0abc",
        "z2:999999999999:0\u{4000}",
        "z2:5:0\u{4000}\u{4000}",
    ] {
        store.insert(key.clone(), raw.to_string());
        let (loaded, _) = load(&store);
        assert_eq!(loaded.unreadable.len(), 1, "{raw}");
        assert!(loaded.unreadable[0].error.to_string().contains("damaged") || raw.len() > 8);
    }
}

#[test]
fn an_edit_deep_inside_a_large_assessment_is_seen_without_re_encoding() {
    let content = crate::content::get();
    let mut w = Workspace::default();
    w.assessments.push(crate::domain::demo::demo_assessment(
        content,
        DateTime::from_timestamp(0, 0).unwrap(),
    ));
    let mut saved = Saved::default();
    let mut store = BTreeMap::new();
    save(&mut saved, &mut store, &w);
    let a = &mut w.assessments[0];
    let kpi = a
        .kpis
        .iter_mut()
        .find(|k| !k.measurements.is_empty())
        .unwrap();
    kpi.measurements[0].value += 1.0;
    let plan = saved.plan(&w, &log());
    assert_eq!(plan.writes.len(), 1);
    assert_eq!(plan.writes[0].key, assessment_key(w.assessments[0].id));
}

#[test]
fn a_record_from_the_previous_version_is_saved_again_with_every_part_in_the_new_shape() {
    let (mut w, mut store, _) = heavy_saved();
    let id = w.assessments[1].id;
    // Turn the stored record and its scorecards part back into version 6: no currency, no
    // costs, no monthly prices, and no must-have flag on indicators.
    let key = assessment_key(id);
    let mut record: serde_json::Value =
        serde_json::from_str(&unpack(&store[&key]).unwrap()).unwrap();
    record["schema_version"] = 6.into();
    let a = record["assessment"].as_object_mut().unwrap();
    a.remove("costs");
    a["profile"].as_object_mut().unwrap().remove("currency");
    store.insert(key.clone(), pack(record.to_string()));
    let cards = part_keys(&store)
        .into_iter()
        .find(|k| k.contains("/scorecards/"))
        .unwrap();
    let mut part: serde_json::Value =
        serde_json::from_str(&unpack(&store[&cards]).unwrap()).unwrap();
    let mut indicators = 0;
    for card in part.as_array_mut().unwrap() {
        for c in card["criteria"].as_array_mut().unwrap() {
            for ind in c["indicators"].as_array_mut().unwrap() {
                ind.as_object_mut().unwrap().remove("must_have");
                indicators += 1;
            }
        }
        for cand in card["candidates"].as_array_mut().unwrap() {
            cand.as_object_mut().unwrap().remove("monthly_price");
        }
    }
    assert!(
        indicators > 0,
        "the heavy assessment's scorecards have indicators"
    );
    store.insert(cards.clone(), pack(part.to_string()));

    let (loaded, mut saved) = load(&store);
    assert!(loaded.unreadable.is_empty());
    // An edit elsewhere: the save must still write the scorecards again, in version 7.
    rename(&mut w, 1, "Edited after the update");
    let mut now = loaded.workspace.clone();
    now.assessments[0] = w.assessments[0].clone();
    save(&mut saved, &mut store, &now);
    assert!(
        !store.contains_key(&cards),
        "the version-6 part is replaced"
    );
    let (again, _) = load(&store);
    assert!(again.unreadable.is_empty(), "{:?}", again.unreadable);
    assert_eq!(again.workspace, now);
}
