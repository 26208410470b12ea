//! Open Badges 3.0 credentials: one `OpenBadgeCredential` for each module
//! the learner completed.
//!
//! **These are self-asserted and unsigned.** Praxis has no server and no
//! issuing key, so no organisation vouches for these badges: the learner
//! is both the issuer and the subject (the same `urn:uuid:`), and the
//! credential carries no `proof`. A verifier will therefore report it as
//! unverified; it is valid Open Badges data, not a verifiable credential.
//! Each credential says so in its `name` and `description`, and so does
//! its issuer profile, so a wallet or an employer cannot mistake it for a
//! badge issued by Praxis, an employer or a regulator.
//!
//! The data model is Verifiable Credentials 2.0 (`validFrom`, never the
//! VC 1.1 `issuanceDate`), with the two contexts in the order the
//! specification requires. The learner appears only as a `urn:uuid:`
//! derived from their random `learner_id`: no name or e-mail. An
//! achievement's id is the module's IRI, the same one its xAPI statements
//! use (see `xapi::BASE_IRI` for why it ends in `.invalid`).

use serde_json::{json, Map, Value};

use super::xapi::{id_for, module_iri};
use crate::domain::digest::json_sha256;
use crate::domain::module::{Catalogue, Module};
use crate::domain::record::{Completion, LearnerRecord};
use crate::domain::timestamp;

/// `@context`, in the order Open Badges 3.0 requires: VC 2.0 first.
pub const CONTEXT: [&str; 2] =
    ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];

/// The issuer profile's name: the learner, asserting for themselves.
pub const SELF_ASSERTED_ISSUER: &str = "Self-asserted by the learner (Praxis)";

/// A badge for each completed module, oldest first.
pub fn credentials(record: &LearnerRecord, catalogue: &Catalogue) -> Vec<Value> {
    let mut badges: Vec<(String, Value)> = record
        .completions
        .iter()
        .filter_map(|(module_id, completion)| {
            let at = timestamp::format(timestamp::parse(&completion.completed_at)?);
            let badge = credential(record, module_id, completion, catalogue.get(module_id), &at);
            Some((at, badge))
        })
        .collect();
    badges.sort_by(|a, b| a.0.cmp(&b.0));
    badges.into_iter().map(|(_, badge)| badge).collect()
}

/// The `urn:uuid:` that stands for the learner, as issuer and as subject.
pub fn learner_urn(record: &LearnerRecord) -> String {
    format!("urn:uuid:{}", id_for(&format!("learner\n{}", record.learner_id)))
}

fn credential(
    record: &LearnerRecord,
    module_id: &str,
    completion: &Completion,
    module: Option<&Module>,
    at: &str,
) -> Value {
    let learner = learner_urn(record);
    let title = module.map_or(module_id, |m| m.title.as_str());
    let issuer = json!({
        "id": learner,
        "type": ["Profile"],
        "name": SELF_ASSERTED_ISSUER,
        "description": "The learner, recording their own completion of a Praxis module. \
            No organisation issued or checked this credential.",
    });
    let mut subject = Map::new();
    subject.insert("id".into(), learner.clone().into());
    subject.insert("type".into(), json!(["AchievementSubject"]));
    subject.insert("achievement".into(), achievement(module_id, module));
    if let (Some(score), Some(module)) = (completion.score, module) {
        if module.knowledge_checks().next().is_some() {
            let result = json!({
                "type": ["Result"],
                "resultDescription": score_description_id(module_id),
                "value": score.min(100).to_string(),
            });
            subject.insert("result".into(), json!([result]));
        }
    }
    let mut body = Map::new();
    body.insert("@context".into(), json!(CONTEXT));
    body.insert("type".into(), json!(["VerifiableCredential", "OpenBadgeCredential"]));
    body.insert("name".into(), format!("{title} (self-asserted, unsigned)").into());
    body.insert(
        "description".into(),
        format!(
            "The learner's own record that they completed the Praxis module \"{title}\". It is self-asserted and \
             unsigned: it carries no proof, so no verifier can confirm it, and no organisation issued it."
        )
        .into(),
    );
    body.insert("issuer".into(), issuer);
    body.insert("validFrom".into(), at.into());
    body.insert("awardedDate".into(), at.into());
    body.insert("credentialSubject".into(), subject.into());
    // Stable while the badge says the same thing, new when it changes.
    let id =
        id_for(&format!("badge\n{}\n{module_id}\n{}", record.learner_id, json_sha256(&Value::Object(body.clone()))));
    let mut credential = Map::new();
    credential.insert("@context".into(), json!(CONTEXT));
    credential.insert("id".into(), format!("urn:uuid:{id}").into());
    credential.extend(body);
    credential.into()
}

fn score_description_id(module_id: &str) -> String {
    format!("{}#latest-score", module_iri(module_id))
}

fn achievement(module_id: &str, module: Option<&Module>) -> Value {
    let mut achievement = Map::new();
    achievement.insert("id".into(), module_iri(module_id).into());
    achievement.insert("type".into(), json!(["Achievement"]));
    achievement.insert("achievementType".into(), "Course".into());
    let Some(module) = module else {
        achievement.insert("name".into(), module_id.into());
        achievement
            .insert("description".into(), "A Praxis module that is not in this version of the curriculum.".into());
        let narrative = "Completed under the module's completion rule at the time, as recorded by Praxis.";
        achievement.insert("criteria".into(), json!({ "narrative": narrative }));
        return achievement.into();
    };
    achievement.insert("name".into(), module.title.clone().into());
    achievement.insert("description".into(), module.summary.clone().into());
    achievement.insert("criteria".into(), json!({ "narrative": criteria(module) }));
    achievement.insert("inLanguage".into(), "en-GB".into());
    achievement.insert("version".into(), module.version.clone().into());
    if module.knowledge_checks().next().is_some() {
        let description = json!({
            "id": score_description_id(module_id),
            "type": ["ResultDescription"],
            "name": "Knowledge checks answered correctly, latest answers (%)",
            "resultType": "Percent",
            "valueMin": "0",
            "valueMax": "100",
            "requiredValue": module.completion.pass_mark.to_string(),
        });
        achievement.insert("resultDescription".into(), json!([description]));
    }
    achievement.into()
}

/// The module's completion rule in words (see `progress::standing`).
fn criteria(module: &Module) -> String {
    let checks = module.knowledge_checks().count();
    let prompts = module.reflection_prompts().count();
    let mut parts = Vec::new();
    let all = |count: usize, what: &str| match count {
        1 => format!("the {what}"),
        _ => format!("all {count} {what}s"),
    };
    if checks > 0 {
        parts.push(format!(
            "answer {}, with at least {} % right on the latest answers",
            all(checks, "knowledge check"),
            module.completion.pass_mark
        ));
    }
    if prompts > 0 && module.completion.reflections_required {
        parts.push(format!("write an answer to {}", all(prompts, "reflection prompt")));
    }
    let rule = if parts.is_empty() { "work through the module".to_owned() } else { parts.join(", and ") };
    format!(
        "Complete the Praxis module \"{}\": {rule}. Praxis checks this rule on the learner's own device; \
         the completion is self-reported and was not assessed by anyone else.",
        module.title
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::curriculum::catalogue;

    fn record() -> LearnerRecord {
        let mut record =
            LearnerRecord { learner_id: "3f1c2a9e-5b7d-4c1e-8a2b-0c9d8e7f6a5b".into(), ..LearnerRecord::default() };
        record.profile.name = Some("Asha Patel".into());
        let modules = catalogue().modules();
        for (module, at) in modules.iter().zip(["2026-02-01T09:10:00.000Z", "2026-01-05T08:00:00+01:00"]) {
            record
                .completions
                .insert(module.id.clone(), Completion { completed_at: at.into(), minutes: 30, score: Some(90) });
        }
        record.completions.insert(
            "retired-module".into(),
            Completion { completed_at: "2025-12-01T00:00:00.000Z".into(), minutes: 20, score: None },
        );
        record
    }

    #[test]
    fn one_credential_per_completed_module_in_date_order() {
        let badges = credentials(&record(), catalogue());
        let valid_from: Vec<&str> = badges.iter().map(|b| b["validFrom"].as_str().unwrap()).collect();
        assert_eq!(valid_from, ["2025-12-01T00:00:00.000Z", "2026-01-05T07:00:00.000Z", "2026-02-01T09:10:00.000Z"]);
        for badge in &badges {
            assert_eq!(badge["awardedDate"], badge["validFrom"]);
        }
    }

    #[test]
    fn contexts_types_and_required_fields_are_as_open_badges_3_requires() {
        for badge in credentials(&record(), catalogue()) {
            assert_eq!(
                badge["@context"],
                json!([
                    "https://www.w3.org/ns/credentials/v2",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
                ])
            );
            assert_eq!(badge["type"], json!(["VerifiableCredential", "OpenBadgeCredential"]));
            assert!(badge.get("issuanceDate").is_none(), "VC 1.1's issuanceDate is not in the 3.0.3 context");
            assert!(badge.get("proof").is_none());
            let subject = &badge["credentialSubject"];
            assert_eq!(subject["type"], json!(["AchievementSubject"]));
            let achievement = &subject["achievement"];
            assert_eq!(achievement["type"], json!(["Achievement"]));
            assert_eq!(achievement["achievementType"], "Course");
            for field in ["id", "name", "description"] {
                assert!(achievement[field].as_str().is_some_and(|t| !t.is_empty()), "achievement.{field}");
            }
            assert!(achievement["id"].as_str().unwrap().starts_with(super::super::xapi::BASE_IRI));
            assert!(achievement["criteria"]["narrative"].as_str().is_some_and(|t| !t.is_empty()));
            assert_eq!(badge["issuer"]["type"], json!(["Profile"]));
        }
    }

    #[test]
    fn the_criteria_state_the_modules_completion_rule() {
        let module = catalogue().modules().iter().find(|m| m.knowledge_checks().next().is_some()).unwrap();
        let text = criteria(module);
        assert!(text.contains(&format!("at least {} %", module.completion.pass_mark)), "{text}");
        assert!(text.contains("self-reported"), "{text}");
    }

    #[test]
    fn ids_are_stable_urns_and_change_with_the_evidence() {
        let mut record = record();
        let first = credentials(&record, catalogue());
        let again = credentials(&record, catalogue());
        assert_eq!(first, again);
        let ids: BTreeSet<&str> = first.iter().map(|b| b["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), first.len(), "no two badges share an id");
        assert!(ids.iter().all(|id| id.starts_with("urn:uuid:") && id.len() == 45), "{ids:?}");

        let module_id = catalogue().modules()[0].id.clone();
        record.completions.get_mut(&module_id).unwrap().score = Some(100);
        let changed = credentials(&record, catalogue());
        let id_of = |badges: &[Value]| {
            badges.iter().find(|b| b["credentialSubject"]["achievement"]["id"] == module_iri(&module_id)).unwrap()["id"]
                .clone()
        };
        assert_ne!(id_of(&first), id_of(&changed));
    }

    #[test]
    fn badges_say_they_are_self_asserted_and_name_nobody() {
        let record = record();
        let badges = credentials(&record, catalogue());
        let text = serde_json::to_string(&badges).unwrap();
        assert!(!text.contains("Asha") && !text.contains("Patel") && !text.contains(&record.learner_id));
        for badge in &badges {
            assert!(badge["name"].as_str().unwrap().contains("self-asserted, unsigned"));
            assert!(badge["description"].as_str().unwrap().contains("unsigned"));
            assert_eq!(badge["issuer"]["name"], SELF_ASSERTED_ISSUER);
            assert_eq!(badge["issuer"]["id"], badge["credentialSubject"]["id"], "the learner asserts it of themselves");
            assert_eq!(badge["issuer"]["id"], learner_urn(&record));
        }
    }

    #[test]
    fn a_score_is_a_result_linked_to_its_description() {
        let badges = credentials(&record(), catalogue());
        let scored: Vec<&Value> = badges.iter().filter(|b| b["credentialSubject"]["result"].is_array()).collect();
        assert!(!scored.is_empty());
        for badge in scored {
            let result = &badge["credentialSubject"]["result"][0];
            assert_eq!(result["value"], "90");
            let descriptions = badge["credentialSubject"]["achievement"]["resultDescription"].as_array().unwrap();
            assert_eq!(descriptions[0]["id"], result["resultDescription"]);
        }
    }
}
