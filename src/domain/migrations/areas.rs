//! Self-assessment area ids that changed.
//!
//! Until November 2026 Praxis rated the framework's "ethical, legal and
//! regulatory considerations" domain as one area, `ethical-legal-regulatory`.
//! The framework divides it into 3.1 Ethics and 3.2 Legislation and
//! regulation, so Praxis now rates those two. A rating a learner gave the
//! whole domain was their view of both halves: it becomes the rating of each,
//! and a rating already given to a half is never overwritten.

use serde_json::Value;

/// The merged area id earlier versions stored.
pub const MERGED_ETHICS_AREA: &str = "ethical-legal-regulatory";

/// The ids that replace it, in framework order.
pub const SPLIT_ETHICS_AREAS: [&str; 2] =
    ["ethical-legal-regulatory/ethics", "ethical-legal-regulatory/legislation-regulation"];

/// Rewrites every self-assessment in a stored record (`self_assessments[*].ratings`) from the merged area id to
/// the two that replace it. Anything not shaped as expected is left as it is, for the record reader to report.
pub fn split_ethics_area(record: &mut Value) {
    let Some(assessments) = record.get_mut("self_assessments").and_then(Value::as_array_mut) else { return };
    for assessment in assessments {
        let Some(ratings) = assessment.get_mut("ratings").and_then(Value::as_object_mut) else { continue };
        let Some(rating) = ratings.remove(MERGED_ETHICS_AREA) else { continue };
        for id in SPLIT_ETHICS_AREAS {
            ratings.entry(id).or_insert_with(|| rating.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::assessment_areas;
    use serde_json::json;

    #[test]
    fn the_new_ids_are_areas_the_framework_rates_and_the_old_one_is_not() {
        let ids: Vec<&str> = assessment_areas().iter().map(|area| area.id.as_str()).collect();
        for id in SPLIT_ETHICS_AREAS {
            assert!(ids.contains(&id), "{id}");
        }
        assert!(!ids.contains(&MERGED_ETHICS_AREA));
    }

    #[test]
    fn a_merged_rating_becomes_the_rating_of_both_halves() {
        let rating = json!({ "level": 3, "confidence": 4, "evidence": ["consent-and-transparency"] });
        let mut record = json!({
            "self_assessments": [
                { "at": "2025-01-01T00:00:00Z", "ratings": { "ethical-legal-regulatory": rating, "human-factors": { "level": 1, "confidence": 2 } } },
                { "at": "2025-06-01T00:00:00Z", "ratings": { "human-factors": { "level": 2, "confidence": 2 } } }
            ]
        });
        let untouched = record["self_assessments"][1].clone();
        split_ethics_area(&mut record);
        let ratings = &record["self_assessments"][0]["ratings"];
        assert_eq!(ratings["ethical-legal-regulatory/ethics"], rating);
        assert_eq!(ratings["ethical-legal-regulatory/legislation-regulation"], rating);
        assert!(ratings.get(MERGED_ETHICS_AREA).is_none());
        assert_eq!(ratings["human-factors"]["level"], 1);
        assert_eq!(record["self_assessments"][1], untouched);
    }

    #[test]
    fn a_half_already_rated_keeps_its_own_rating() {
        let mut record = json!({ "self_assessments": [{ "at": "x", "ratings": {
            "ethical-legal-regulatory": { "level": 2, "confidence": 3 },
            "ethical-legal-regulatory/ethics": { "level": 4, "confidence": 5 }
        } }] });
        split_ethics_area(&mut record);
        let ratings = &record["self_assessments"][0]["ratings"];
        assert_eq!(ratings["ethical-legal-regulatory/ethics"]["level"], 4);
        assert_eq!(ratings["ethical-legal-regulatory/legislation-regulation"]["level"], 2);
    }

    #[test]
    fn running_it_twice_changes_nothing_more_and_odd_shapes_are_left_alone() {
        let mut record = json!({ "self_assessments": [{ "ratings": { "ethical-legal-regulatory": { "level": 2 } } }] });
        split_ethics_area(&mut record);
        let once = record.clone();
        split_ethics_area(&mut record);
        assert_eq!(record, once);
        for odd in
            [json!(null), json!({ "self_assessments": 3 }), json!({ "self_assessments": [1, { "ratings": [] }] })]
        {
            let mut value = odd.clone();
            split_ethics_area(&mut value);
            assert_eq!(value, odd);
        }
    }
}
