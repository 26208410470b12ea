//! The backup file a learner downloads from `/export`: everything they
//! recorded, in a versioned envelope that later versions can import.

use serde::Serialize;

use super::record::LearnerRecord;
use super::storage::{self, SCHEMA_VERSION};
use super::{cpd, digest};

/// Days after the last backup before the learner is reminded to export.
pub const DEFAULT_BACKUP_REMINDER_DAYS: u32 = 30;

/// A reminder to export, when the learner has recorded something and the
/// last backup is older than their chosen number of days (or never made).
pub fn backup_reminder(record: &LearnerRecord, today: time::Date) -> Option<String> {
    let has_data = !record.completions.is_empty() || !record.progress.is_empty() || !record.self_assessments.is_empty();
    if !has_data {
        return None;
    }
    let days = record.profile.backup_reminder_days.unwrap_or(DEFAULT_BACKUP_REMINDER_DAYS);
    let Some(last) = &record.last_backup_at else {
        return Some("You have not exported a backup yet. Your record lives only in this browser.".to_owned());
    };
    let last_day = crate::domain::cpd::parse_date(last)?;
    let age = (today - last_day).whole_days();
    (age > i64::from(days))
        .then(|| format!("Your last backup was {age} days ago. Export a new one to keep your record safe."))
}

/// Identifies a Praxis backup among other JSON files.
pub const BACKUP_FORMAT: &str = "praxis-backup";

/// The largest file Praxis will read as a backup. A synthetic 40-year
/// career (`praxis-cli sample --years 40`) is well under 2 MB, so a file
/// this size is not a backup, and reading it would stall the page.
pub const MAX_BACKUP_BYTES: u64 = 20_000_000;

/// The fields of [`Backup`]; a file with others was not written by Praxis.
const ENVELOPE_FIELDS: [&str; 6] =
    ["format", "schema_version", "exported_at", "app_version", "content_sha256", "record"];

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    /// When the file was made (RFC 3339, UTC).
    pub exported_at: String,
    /// The Praxis version that made it.
    pub app_version: String,
    /// SHA-256 of `record` in canonical form (see `domain::digest`): shows
    /// whether the content was changed after export. Not a signature:
    /// anyone editing the file can recompute it.
    pub content_sha256: String,
    pub record: LearnerRecord,
}

impl Backup {
    pub fn new(record: LearnerRecord, exported_at: &str) -> Self {
        Backup {
            format: BACKUP_FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            exported_at: exported_at.to_owned(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            content_sha256: digest::serialized_sha256(&record),
            record,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a backup is plain data and always serialises")
    }

    /// The file name offered for download, dated so backups sort.
    pub fn file_name(&self) -> String {
        let date = self.exported_at.get(..10).unwrap_or("undated");
        format!("praxis-backup-{date}.json")
    }
}

/// Whether a readable backup is the content that was exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrity {
    Intact,
    /// Readable, but not what Praxis wrote; says why.
    Modified(String),
}

/// A backup that could be read, with its record migrated to this version.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadBackup {
    pub exported_at: String,
    pub integrity: Integrity,
    pub record: LearnerRecord,
}

/// Reads a file as a backup: its size, its JSON, its format and version,
/// its digest, then every field. `Err` says, in a sentence a learner or
/// employer can act on, why the file cannot be used.
pub fn read_backup(text: &str) -> Result<ReadBackup, String> {
    check_size(text.len() as u64)?;
    // Editors on Windows may add a byte-order mark when a file is saved.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("The file is empty.".to_owned());
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| describe_json_error(&e))?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err("This is JSON, but not a Praxis backup: it is not an object with a \"format\" field.".to_owned());
    };
    match fields.get("format").and_then(serde_json::Value::as_str) {
        Some(BACKUP_FORMAT) => {}
        Some(other) => {
            return Err(format!("This is not a Praxis backup: its format is {}.", quoted(other)));
        }
        None => {
            return Err("This is JSON, but not a Praxis backup: it has no \"format\": \"praxis-backup\".".to_owned())
        }
    }
    if let Some(unknown) = fields.keys().find(|key| !ENVELOPE_FIELDS.contains(&key.as_str())) {
        return Err(format!("The backup has a field Praxis never writes: {}.", quoted(unknown)));
    }
    let version = match fields.get("schema_version") {
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .filter(|v| *v >= 1)
            .ok_or_else(|| format!("The backup's schema_version {n} is not a format Praxis has ever written."))?,
        Some(_) => return Err("The backup's schema_version is not a whole number.".to_owned()),
        None => return Err("The backup has no schema_version, so Praxis cannot tell how to read it.".to_owned()),
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(format!(
            "The backup was made by a newer version of Praxis (format {version}; this one reads up to \
             {SCHEMA_VERSION}). Update Praxis, then try again."
        ));
    }
    let exported_at = fields.get("exported_at").and_then(serde_json::Value::as_str).unwrap_or("").to_owned();
    let record = match fields.remove("record") {
        Some(record @ serde_json::Value::Object(_)) => record,
        Some(_) => return Err("The backup's record is not an object of recorded work.".to_owned()),
        None => return Err("The backup holds no record.".to_owned()),
    };
    let integrity = match fields.get("content_sha256").and_then(serde_json::Value::as_str) {
        None => Integrity::Modified("it has no digest, so Praxis cannot show it is unchanged since export".to_owned()),
        Some(stated) if stated == digest::json_sha256(&record) => Integrity::Intact,
        Some(_) => {
            Integrity::Modified("its content does not match its digest, so it was changed after export".to_owned())
        }
    };
    let record = storage::migrate(version, record).map_err(|reason| format!("The backup's {reason}"))?;
    validate(&record)?;
    Ok(ReadBackup { exported_at, integrity, record })
}

/// A file's bytes as text, if they are UTF-8 and not too many to be a Praxis file.
pub fn text_of(bytes: &[u8]) -> Result<&str, String> {
    check_size(bytes.len() as u64)?;
    std::str::from_utf8(bytes).map_err(|e| {
        format!("The file is not UTF-8 text (byte {} is not), so it is not a Praxis file.", e.valid_up_to())
    })
}

/// Refuses a file too large to be a backup, before it is read.
pub fn check_size(bytes: u64) -> Result<(), String> {
    if bytes > MAX_BACKUP_BYTES {
        return Err(format!(
            "The file is {:.1} MB; a Praxis backup is at most {} MB, so this is not one.",
            bytes as f64 / 1e6,
            MAX_BACKUP_BYTES / 1_000_000
        ));
    }
    Ok(())
}

fn describe_json_error(error: &serde_json::Error) -> String {
    let place = format!("line {}, column {}", error.line(), error.column());
    let full = error.to_string();
    let what = full.split(" at line ").next().unwrap_or(&full);
    match error.classify() {
        // serde_json stops at 128 levels, long before the stack would.
        _ if what == "recursion limit exceeded" => {
            format!(
                "The file nests too deeply ({place}) to be a Praxis backup, which never nests more than a few levels."
            )
        }
        serde_json::error::Category::Eof => {
            format!("The file ends too soon ({place}): it was probably cut short while copying or downloading.")
        }
        _ => format!("The file is not valid JSON ({place}): {what}."),
    }
}

/// Rules serde's types cannot say: ids that merging relies on are unique,
/// and dates are dates.
fn validate(record: &LearnerRecord) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for (index, entry) in record.cpd.iter().enumerate() {
        if !seen.insert(entry.id.as_str()) {
            return Err(format!("The backup's record.cpd[{index}] repeats the id {}.", quoted(&entry.id)));
        }
        if cpd::parse_date(&entry.date).is_none() {
            return Err(format!("The backup's record.cpd[{index}].date {} is not a date.", quoted(&entry.date)));
        }
        if !entry.hours.is_finite() || entry.hours < 0.0 {
            return Err(format!("The backup's record.cpd[{index}].hours is not a number of hours."));
        }
    }
    for (module_id, completion) in &record.completions {
        if cpd::parse_date(&completion.completed_at).is_none() {
            return Err(format!("The backup's completion of {} has no valid date.", quoted(module_id)));
        }
    }
    Ok(())
}

/// Quotes text from a file for a message, cut short and with control
/// characters shown escaped, so hostile content cannot flood or forge it.
pub fn quoted(text: &str) -> String {
    let mut shown: String = text.chars().take(60).flat_map(char::escape_debug).collect();
    if text.chars().count() > 60 {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Completion;

    #[test]
    fn a_backup_carries_format_version_and_everything_recorded() {
        let mut record = LearnerRecord::default();
        record.completions.insert(
            "what-ai-is".into(),
            Completion { completed_at: "2026-01-02T10:00:00.000Z".into(), minutes: 30, score: Some(100) },
        );
        let backup = Backup::new(record.clone(), "2026-02-03T04:05:06.007Z");
        let json: serde_json::Value = serde_json::from_str(&backup.to_json()).unwrap();
        assert_eq!(json["format"], "praxis-backup");
        assert_eq!(json["schema_version"], SCHEMA_VERSION);
        assert_eq!(json["record"]["completions"]["what-ai-is"]["completed_at"], "2026-01-02T10:00:00.000Z");
        assert_eq!(json["content_sha256"].as_str().unwrap().len(), 64);
        let back = read_backup(&backup.to_json()).unwrap();
        assert_eq!(back.record, record);
        assert_eq!(back.integrity, Integrity::Intact);
        assert_eq!(backup.file_name(), "praxis-backup-2026-02-03.json");
    }

    /// The schema in `public/` is generated from the types that write a
    /// backup, so it cannot drift from them. `PRAXIS_BLESS=1` rewrites it.
    #[test]
    fn the_published_schema_is_generated_from_the_backup_types() {
        let mut schema = serde_json::to_value(schemars::schema_for!(Backup)).unwrap();
        let fields = schema.as_object_mut().unwrap();
        fields.insert("$id".into(), "https://praxis.invalid/schema/praxis-backup.schema.json".into());
        fields.insert("title".into(), "Praxis learner backup".into());
        let properties = fields["properties"].as_object_mut().unwrap();
        properties["format"]["const"] = BACKUP_FORMAT.into();
        properties["content_sha256"]["pattern"] = "^[0-9a-f]{64}$".into();
        properties["exported_at"]["pattern"] = TIMESTAMP_PATTERN.into();
        properties["schema_version"]["const"] = SCHEMA_VERSION.into();
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/praxis-backup.schema.json");
        if std::env::var_os("PRAXIS_BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(published == generated, "{} is out of date: run with PRAXIS_BLESS=1", path.display());
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }

    /// RFC 3339 in UTC with milliseconds, as every Praxis timestamp is written.
    const TIMESTAMP_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$";

    fn exported() -> String {
        let mut record = LearnerRecord::default();
        record.record_reflection("what-ai-is", "first-encounter", "I asked a chatbot", "2026-01-01T00:00:00.000Z");
        Backup::new(record, "2026-02-03T04:05:06.007Z").to_json()
    }

    #[test]
    fn an_edited_backup_reads_as_modified_and_says_why() {
        let edited = exported().replace("I asked a chatbot", "I never asked a chatbot");
        let read = read_backup(&edited).unwrap();
        assert_eq!(
            read.integrity,
            Integrity::Modified("its content does not match its digest, so it was changed after export".into())
        );
        let reformatted: serde_json::Value = serde_json::from_str(&exported()).unwrap();
        let compact = serde_json::to_string(&reformatted).unwrap();
        assert_eq!(read_backup(&compact).unwrap().integrity, Integrity::Intact, "spacing is not content");
        let mut undigested = reformatted.clone();
        undigested.as_object_mut().unwrap().remove("content_sha256");
        assert!(
            matches!(read_backup(&undigested.to_string()).unwrap().integrity, Integrity::Modified(r) if r.contains("no digest"))
        );
    }

    #[test]
    fn unreadable_files_are_refused_with_a_specific_reason() {
        let whole = exported();
        let cases = [
            (&whole[..whole.len() / 2], "The file ends too soon"),
            ("[1,2]", "not a Praxis backup: it is not an object"),
            (r#"{"format":"xapi"}"#, r#"its format is "xapi""#),
            (r#"{"format":"praxis-backup"}"#, "has no schema_version"),
            (r#"{"format":"praxis-backup","schema_version":"3"}"#, "not a whole number"),
            (r#"{"format":"praxis-backup","schema_version":99,"record":{}}"#, "newer version of Praxis (format 99"),
            (r#"{"format":"praxis-backup","schema_version":3}"#, "holds no record"),
            (
                r#"{"format":"praxis-backup","schema_version":3,"record":{"cpd":[{"id":1}]}}"#,
                "record.cpd[0].id: invalid type: integer `1`, expected a string",
            ),
            (r#"{"format":"praxis-backup","schema_version":3,"record":{"evil":1}}"#, "unknown field `evil`"),
        ];
        for (text, expected) in cases {
            let error = read_backup(text).expect_err(text);
            assert!(error.contains(expected), "{text}: {error}");
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(read_backup(&deep).unwrap_err().starts_with("The file nests too deeply"));
        assert!(check_size(100_000_000).unwrap_err().starts_with("The file is 100.0 MB"));
    }

    #[test]
    fn the_backup_reminder_waits_for_data_and_then_for_the_chosen_days() {
        let day = |d: u8| time::Date::from_calendar_date(2026, time::Month::March, d).unwrap();
        let mut record = LearnerRecord::default();
        assert_eq!(backup_reminder(&record, day(1)), None, "nothing recorded, nothing to back up");
        record.record_reflection("m", "r", "text", "2026-01-01T00:00:00.000Z");
        assert!(backup_reminder(&record, day(1)).unwrap().contains("not exported a backup yet"));
        record.last_backup_at = Some("2026-02-01T12:00:00.000Z".into());
        assert_eq!(backup_reminder(&record, day(3)), None, "30 days is not yet more than 30");
        assert_eq!(
            backup_reminder(&record, day(4)).as_deref(),
            Some("Your last backup was 31 days ago. Export a new one to keep your record safe.")
        );
        record.profile.backup_reminder_days = Some(60);
        assert_eq!(backup_reminder(&record, day(4)), None);
    }
}
