//! The step to version 9, the framework's second edition: answers to questions it retired move
//! to the question that now asks the same thing, where that is honest. Frozen once released: the
//! table below is what version 9 did, whatever later content says (a native test checks it
//! still agrees with the content's retired questions).

use serde_json::{Map, Value};

use crate::format::FormatError;

/// `(retired id, new id)`: each answer (level, target, not-applicable reason, confidence, notes,
/// evidence) to the retired question moves whole to the new one. A retired question missing here
/// keeps its answers where they are, shown as retired answers.
pub const MOVES: &[(&str, &str)] = &[(
    "business-goals.written-goals",
    "business-goals.yearly-goals",
)];

/// Moves each retired answer, and each reviewer's word on it, to its new question when that has
/// none yet; otherwise both stay under the retired id, never dropped. Initiatives that improve a
/// retired question now improve its successor. Snapshots are history and stay as taken.
pub(super) fn v8_to_v9(doc: &mut Value) -> Result<(), FormatError> {
    super::for_each_assessment(doc, |a| {
        if let Some(Value::Object(answers)) = a.get_mut("answers") {
            move_keys(answers);
        }
        if let Some(Value::Array(reviews)) = a.get_mut("reviews") {
            for review in reviews.iter_mut().filter_map(Value::as_object_mut) {
                if let Some(Value::Object(answers)) = review.get_mut("answers") {
                    move_keys(answers);
                }
            }
        }
        if let Some(Value::Array(initiatives)) = a.get_mut("initiatives") {
            for i in initiatives.iter_mut().filter_map(Value::as_object_mut) {
                retarget_initiative(i);
            }
        }
    });
    Ok(())
}

/// Moves the value under each retired id to its new id when the new id holds nothing.
fn move_keys(map: &mut Map<String, Value>) {
    for (old, new) in MOVES {
        if map.contains_key(*new) {
            continue;
        }
        if let Some(value) = map.remove(*old) {
            map.insert((*new).to_string(), value);
        }
    }
}

/// Points an initiative's question list and its suggestion key (`id@level`) at the new ids.
fn retarget_initiative(i: &mut Map<String, Value>) {
    if let Some(Value::Array(questions)) = i.get_mut("questions") {
        for (old, new) in MOVES {
            let had_old = questions.iter().any(|q| q.as_str() == Some(old));
            if !had_old {
                continue;
            }
            let has_new = questions.iter().any(|q| q.as_str() == Some(new));
            if has_new {
                questions.retain(|q| q.as_str() != Some(old));
            } else {
                for q in questions.iter_mut() {
                    if q.as_str() == Some(old) {
                        *q = Value::String((*new).to_string());
                    }
                }
            }
        }
    }
    if let Some(Value::String(key)) = i.get_mut("suggested_from") {
        for (old, new) in MOVES {
            if let Some(level) = key.strip_prefix(&format!("{old}@")) {
                *key = format!("{new}@{level}");
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The number of answers and reviewer entries in a document, wherever they are keyed.
    fn counts(doc: &Value) -> (usize, usize) {
        let mut answers = 0;
        let mut reviewed = 0;
        for a in doc["assessments"].as_array().into_iter().flatten() {
            answers += a["answers"].as_object().map_or(0, Map::len);
            for r in a["reviews"].as_array().into_iter().flatten() {
                reviewed += r["answers"].as_object().map_or(0, Map::len);
            }
        }
        (answers, reviewed)
    }

    fn doc(answers: Value, review: Value) -> Value {
        json!({ "assessments": [{
            "answers": answers,
            "reviews": [{ "answers": review }],
            "initiatives": [
                { "questions": ["business-goals.written-goals", "security.data-protection"],
                  "suggested_from": "business-goals.written-goals@2" },
                { "questions": ["business-goals.written-goals", "business-goals.yearly-goals"] }
            ],
            "snapshots": [{ "answers": { "business-goals.written-goals": { "current": 1 } } }]
        }]})
    }

    #[test]
    fn the_whole_answer_moves_when_the_new_question_is_unanswered() {
        let old = json!({ "current": 2, "target": 3, "not_applicable": null,
                          "confidence": "high", "notes": "Goals in the plan", "evidence": [] });
        let mut d = doc(
            json!({ "business-goals.written-goals": old.clone(),
                    "security.data-protection": { "current": 1 } }),
            json!({ "business-goals.written-goals": { "level": 1, "comment": "Seen" } }),
        );
        let before = counts(&d);
        v8_to_v9(&mut d).unwrap();
        let a = &d["assessments"][0];
        assert_eq!(a["answers"]["business-goals.yearly-goals"], old);
        assert!(a["answers"].get("business-goals.written-goals").is_none());
        // No move for this one: it stays, to be shown as a retired answer.
        assert_eq!(a["answers"]["security.data-protection"]["current"], 1);
        assert_eq!(
            a["reviews"][0]["answers"]["business-goals.yearly-goals"]["comment"],
            "Seen"
        );
        assert_eq!(
            a["initiatives"][0]["questions"],
            json!(["business-goals.yearly-goals", "security.data-protection"])
        );
        assert_eq!(
            a["initiatives"][0]["suggested_from"],
            "business-goals.yearly-goals@2"
        );
        assert_eq!(
            a["initiatives"][1]["questions"],
            json!(["business-goals.yearly-goals"])
        );
        // History stays as it was taken.
        assert_eq!(
            a["snapshots"][0]["answers"]["business-goals.written-goals"]["current"],
            1
        );
        assert_eq!(counts(&d), before);
    }

    #[test]
    fn an_answer_already_given_to_the_new_question_is_never_overwritten() {
        let mut d = doc(
            json!({ "business-goals.written-goals": { "current": 2 },
                    "business-goals.yearly-goals": { "current": 4 } }),
            json!({}),
        );
        v8_to_v9(&mut d).unwrap();
        let answers = &d["assessments"][0]["answers"];
        assert_eq!(answers["business-goals.yearly-goals"]["current"], 4);
        assert_eq!(answers["business-goals.written-goals"]["current"], 2);
        assert_eq!(counts(&d), (2, 0));
    }

    #[test]
    fn no_answer_is_ever_dropped() {
        // Every combination of which ids hold an answer, in answers and in a review.
        let ids = [
            "business-goals.written-goals",
            "business-goals.yearly-goals",
            "business-goals.mission-vision",
            "security.data-protection",
            "security.personal-data",
        ];
        for mask in 0u32..(1 << (2 * ids.len())) {
            let pick = |shift: usize| -> Value {
                Value::Object(
                    ids.iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << (i + shift)) != 0)
                        .map(|(i, id)| (id.to_string(), json!({ "current": i % 5 })))
                        .collect(),
                )
            };
            let mut d = doc(pick(0), pick(ids.len()));
            let before = counts(&d);
            let levels = |d: &Value| -> Vec<u64> {
                let mut l: Vec<u64> = d["assessments"][0]["answers"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .filter_map(|(_, v)| v["current"].as_u64())
                    .collect();
                l.sort_unstable();
                l
            };
            let levels_before = levels(&d);
            v8_to_v9(&mut d).unwrap();
            assert_eq!(counts(&d), before, "mask {mask:b}");
            assert_eq!(levels(&d), levels_before, "mask {mask:b}");
        }
    }

    #[test]
    fn a_version_8_record_in_local_storage_is_migrated_too() {
        use crate::domain::Assessment;
        use crate::format::{decode_stored_record, encode_stored_revision};
        let at = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut a = Assessment::new(uuid::Uuid::from_u128(9), "Stored", at);
        let answer = |current: u8| crate::domain::answers::Answer {
            current: Some(current),
            notes: format!("level {current}"),
            ..Default::default()
        };
        a.answers
            .insert("business-goals.written-goals".into(), answer(3));
        a.answers
            .insert("security.data-protection".into(), answer(1));
        let mut record: Value = serde_json::from_str(&encode_stored_revision(&a, 5)).unwrap();
        record["schema_version"] = json!(8);
        let read = decode_stored_record(&record.to_string(), None, &|_, _| None).unwrap();
        assert!(read.migrated);
        assert_eq!(read.revision, 5);
        let answers = &read.assessment.answers;
        assert_eq!(answers["business-goals.yearly-goals"], answer(3));
        assert_eq!(answers["security.data-protection"], answer(1));
        assert_eq!(answers.len(), 2);
    }

    #[test]
    fn the_frozen_moves_are_what_the_content_retired_in_version_9() {
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
            let content = crate::content::parse_lang(lang).unwrap();
            let mut from_content: Vec<(String, String)> = content
                .areas
                .iter()
                .flat_map(|a| &a.retired_questions)
                .filter(|r| r.retired_in_schema == 9)
                .filter_map(|r| Some((r.id.clone(), r.answer_moves_to.clone()?)))
                .collect();
            from_content.sort();
            let mut frozen: Vec<(String, String)> = MOVES
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            frozen.sort();
            assert_eq!(frozen, from_content, "{lang:?}");
        }
    }
}
