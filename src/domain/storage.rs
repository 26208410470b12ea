//! The stored format: how a [`LearnerRecord`] becomes text in a key-value
//! store and back, with migrations from every earlier version, and the
//! errors a store can report in words a learner understands.
//!
//! Only this file knows the stored format; only the browser adapter
//! (`web::storage`) knows where it is kept.

use serde::{Deserialize, Serialize};

use super::record::LearnerRecord;

/// The version of the stored and exported format. Raise it when the
/// shape of [`LearnerRecord`] changes, and add a migration to `MIGRATIONS`.
pub const SCHEMA_VERSION: u32 = 4;

/// What the browser lets one site keep in localStorage, in characters
/// (measured in Chromium: about 5 million UTF-16 code units).
pub const STORAGE_BUDGET_CHARS: usize = 5_000_000;

/// From this share of the budget on, the learner is asked to export.
pub const STORAGE_WARNING_SHARE: f64 = 0.7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser offers no storage (private mode, disabled by policy).
    Unavailable,
    /// The store is full; nothing was written.
    QuotaExceeded,
    /// What is stored cannot be read as a record.
    Unreadable(String),
    /// What is stored was written by a newer Praxis (its format version):
    /// this version must neither read nor overwrite it.
    WrittenByNewer(u64),
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable => write!(
                f,
                "This browser is not letting Praxis save anything (private browsing, or storage switched off). \
                 You can read every module, but progress will not be kept."
            ),
            StoreError::QuotaExceeded => write!(
                f,
                "Your browser's storage for Praxis is full, so your latest change was not saved (it is still on \
                 screen). Export a backup, then remove old entries."
            ),
            StoreError::Unreadable(reason) => write!(f, "Your saved Praxis data could not be read: {reason}"),
            StoreError::WrittenByNewer(version) => write!(
                f,
                "A newer version of Praxis has saved your record (format {version}; this page reads up to \
                 {SCHEMA_VERSION}). Reload the page to use the newer version: nothing saved has been lost."
            ),
            StoreError::Failed(reason) => write!(f, "Saving failed, so your latest change is not kept: {reason}"),
        }
    }
}

/// The record as it is stored: versioned, so later versions of Praxis
/// can migrate it.
#[derive(Debug, Serialize)]
struct StoredRecord<'a> {
    schema_version: u32,
    record: &'a LearnerRecord,
}

/// The stored text for `record`.
pub fn encode(record: &LearnerRecord) -> String {
    let stored = StoredRecord { schema_version: SCHEMA_VERSION, record };
    serde_json::to_string(&stored).expect("a learner record is plain data and always serialises")
}

/// Reads stored text, migrating it from any earlier format version.
/// Refuses text from a newer Praxis rather than guess at it.
pub fn decode(text: &str) -> Result<LearnerRecord, StoreError> {
    // The everyday case, a record this version wrote, is read straight into
    // its types in one pass. The tree of values below, which the migrations
    // and the messages naming a wrong field need, was most of the time it
    // took to open a long career's record.
    #[derive(Deserialize)]
    struct Current {
        schema_version: u64,
        record: LearnerRecord,
    }
    if let Ok(Current { schema_version, record }) = serde_json::from_str(text) {
        if schema_version == u64::from(SCHEMA_VERSION) {
            return Ok(record);
        }
    }
    let unreadable = |reason: String| StoreError::Unreadable(reason);
    let mut stored: serde_json::Value = serde_json::from_str(text).map_err(|e| unreadable(e.to_string()))?;
    let version = stored
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| unreadable("it has no format version, so it was not written by Praxis".to_owned()))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(StoreError::WrittenByNewer(version));
    }
    let record = stored.get_mut("record").ok_or_else(|| unreadable("it holds no record".to_owned()))?;
    migrate(version, record.take()).map_err(unreadable)
}

/// Text in the stored format, as Praxis keeps the record in the browser
/// and sets unreadable data aside, read for import (so set-aside data can
/// come back once a version that reads it is here). `None` when `text` is
/// not in the stored format (a backup has a `format` field; this has not).
pub fn read_stored_copy(text: &str) -> Option<Result<LearnerRecord, String>> {
    #[derive(serde::Deserialize)]
    struct Shape {
        format: Option<serde::de::IgnoredAny>,
        schema_version: Option<serde::de::IgnoredAny>,
        record: Option<serde::de::IgnoredAny>,
    }
    let shape: Shape = serde_json::from_str(text).ok()?;
    if shape.format.is_some() || shape.schema_version.is_none() || shape.record.is_none() {
        return None;
    }
    Some(decode(text).map_err(|error| match error {
        StoreError::Unreadable(reason) => format!("This copy of Praxis data cannot be read: {reason}."),
        other => other.to_string(),
    }))
}

/// Brings a record of format `version` up to [`SCHEMA_VERSION`] and reads
/// it, naming the field that is wrong when it cannot be read.
pub fn migrate(version: u64, mut record: serde_json::Value) -> Result<LearnerRecord, String> {
    for (from, step) in MIGRATIONS {
        if version <= u64::from(*from) {
            step(&mut record);
        }
    }
    serde_path_to_error::deserialize(record).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            e.inner().to_string()
        } else {
            format!("record.{path}: {}", e.inner())
        }
    })
}

/// `(from, step)`: `step` turns a record of version `from` into `from + 1`.
type Migration = (u32, fn(&mut serde_json::Value));
const MIGRATIONS: &[Migration] = &[
    (1, completions_gain_minutes),
    (2, learner_gains_an_id),
    (3, crate::domain::migrations::areas::split_ethics_area),
];

/// Version 1 (the first release) recorded completions without the CPD
/// minutes they earned; version 2 keeps them. Fill them in from the module.
fn completions_gain_minutes(record: &mut serde_json::Value) {
    let Some(completions) = record.get_mut("completions").and_then(serde_json::Value::as_object_mut) else { return };
    for (module_id, completion) in completions {
        let minutes = crate::domain::curriculum::catalogue().get(module_id).map_or(0, |m| m.minutes);
        if let Some(fields) = completion.as_object_mut() {
            fields.entry("minutes").or_insert(minutes.into());
        }
    }
}

/// Version 3 names the learner in exports by an opaque id. A migrated
/// record gets one derived from its content: stable, and says nothing.
fn learner_gains_an_id(record: &mut serde_json::Value) {
    let id = learner_id_from(&crate::domain::digest::json_sha256(record));
    if let Some(fields) = record.as_object_mut() {
        fields.entry("learner_id").or_insert(id.into());
    }
}

/// A UUID-shaped learner id from 32 or more hex digits (random or a digest).
pub fn learner_id_from(hex: &str) -> String {
    let h = |range: std::ops::Range<usize>| hex.get(range).unwrap_or("0");
    format!("{}-{}-4{}-8{}-{}", h(0..8), h(8..12), h(13..16), h(17..20), h(20..32))
}

/// How much of the browser's storage budget `chars` of stored text use.
pub fn share_of_budget(chars: usize) -> f64 {
    chars as f64 / STORAGE_BUDGET_CHARS as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Completion;

    #[test]
    fn a_self_assessments_evidence_as_earlier_versions_stored_it_is_read_and_rewritten_one_way() {
        use crate::domain::evidence_ref::EvidenceRef;
        let mut record = LearnerRecord::default();
        record.self_assessments.push(crate::domain::record::SelfAssessment {
            at: "2026-01-02T10:00:00.000Z".into(),
            ratings: [(
                "human-factors".to_owned(),
                crate::domain::record::Rating { level: 2, confidence: 3, evidence: vec![] },
            )]
            .into(),
        });
        // Before December 2026 a completed module was offered as evidence by its bare id.
        let old = encode(&record)
            .replace(r#""confidence":3"#, r#""confidence":3,"evidence":["what-ai-is","reflection:what-ai-is/first"]"#);
        let decoded = decode(&old).expect("an earlier version's record");
        let evidence = &decoded.self_assessments[0].ratings["human-factors"].evidence;
        assert_eq!(
            evidence,
            &[
                EvidenceRef::Completion { module: "what-ai-is".into() },
                EvidenceRef::Reflection { module: "what-ai-is".into(), prompt: "first".into() }
            ]
        );
        assert!(encode(&decoded).contains(r#""evidence":["completion:what-ai-is","reflection:what-ai-is/first"]"#));
    }

    #[test]
    fn an_encoded_record_decodes_unchanged() {
        let mut record = LearnerRecord::default();
        record.completions.insert(
            "what-ai-is".into(),
            Completion { completed_at: "2026-01-02T10:00:00.000Z".into(), minutes: 30, score: Some(100) },
        );
        record.record_reflection(
            "what-ai-is",
            "first-encounter",
            "Text with \"quotes\" and é",
            "2026-01-02T10:00:00.000Z",
        );
        let text = encode(&record);
        assert!(text.starts_with(r#"{"schema_version":4,"record":{"#), "{text}");
        assert_eq!(decode(&text), Ok(record));
        // A wrong field in this version's own format is still named, by the slower reader.
        let wrong = text.replace(r#""minutes":30"#, r#""minutes":"thirty""#);
        assert_ne!(wrong, text);
        match decode(&wrong) {
            Err(StoreError::Unreadable(reason)) => {
                assert!(reason.starts_with("record.completions.what-ai-is.minutes: "), "{reason}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn newer_versions_and_garbage_are_refused_with_a_reason() {
        let future = r#"{"schema_version":99,"record":{}}"#;
        assert_eq!(decode(future), Err(StoreError::WrittenByNewer(99)));
        assert!(StoreError::WrittenByNewer(99).to_string().contains("newer version of Praxis"));
        assert!(matches!(decode("{not json"), Err(StoreError::Unreadable(_))));
        assert_eq!(
            decode(r#"{"record":{}}"#),
            Err(StoreError::Unreadable("it has no format version, so it was not written by Praxis".into()))
        );
    }

    /// Every earlier format, as a file that version really wrote, still loads.
    #[test]
    fn every_earlier_version_migrates_from_its_fixture() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for version in 1..SCHEMA_VERSION {
            let text = std::fs::read_to_string(fixtures.join(format!("record-v{version}.json"))).unwrap();
            let record = decode(&text).unwrap_or_else(|e| panic!("version {version} did not migrate: {e:?}"));
            let completion = record.completion("what-ai-is").expect("the fixture's completion survives");
            assert_eq!(completion.completed_at, "2026-11-22T04:40:00.000Z");
            // Version 1 stored no minutes, so they come from the module as
            // shipped now; later versions keep what the learner earned then.
            let expected = match version {
                1 => crate::domain::curriculum::catalogue().get("what-ai-is").unwrap().minutes,
                _ => 30,
            };
            assert_eq!(completion.minutes, expected, "version {version}");
            // A completion of a module no longer shipped keeps its date, with no minutes.
            assert_eq!(record.completion("retired-module").unwrap().minutes, 0);
            assert_eq!(record.learner_id.len(), 36, "an opaque learner id is derived: {}", record.learner_id);
            assert_eq!(decode(&text).unwrap().learner_id, record.learner_id, "and derived the same way each time");
        }
        // Format 4 rates the framework's ethics and its legislation and regulation apart: a rating of the
        // merged area given before becomes the rating of both.
        let v3 = decode(&std::fs::read_to_string(fixtures.join("record-v3.json")).unwrap()).unwrap();
        let ratings: Vec<(&str, u8)> =
            v3.self_assessments[0].ratings.iter().map(|(id, rating)| (id.as_str(), rating.level)).collect();
        assert_eq!(
            ratings,
            [("ethical-legal-regulatory/ethics", 2), ("ethical-legal-regulatory/legislation-regulation", 2)]
        );
    }

    #[test]
    fn stored_copies_are_read_for_import_and_backups_are_left_to_their_reader() {
        let record = LearnerRecord { learner_id: "someone".into(), ..LearnerRecord::default() };
        assert_eq!(read_stored_copy(&encode(&record)), Some(Ok(record)));
        let broken = r#"{"schema_version":3,"record":{"cpd":"not a list"}}"#;
        assert!(matches!(read_stored_copy(broken), Some(Err(reason)) if reason.contains("record.cpd")));
        assert_eq!(read_stored_copy(r#"{"format":"praxis-backup","schema_version":3,"record":{}}"#), None);
        assert_eq!(read_stored_copy("{not json"), None);
        assert_eq!(read_stored_copy(r#"{"schema_version":3}"#), None);
    }

    #[test]
    fn the_share_of_the_budget_is_measured_in_characters() {
        assert_eq!(share_of_budget(3_500_000), 0.7);
        assert!(share_of_budget(encode(&LearnerRecord::default()).len()) < 0.001);
    }
}
