//! The backup file a learner downloads from `/export`: everything they
//! recorded, in a versioned envelope that later versions can import.

use std::collections::BTreeMap;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

use super::canonical::{self, Canonical, Path};
use super::quote::quoted;
use super::record::LearnerRecord;
use super::storage::{self, SCHEMA_VERSION};
use super::{digest, validate};

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
    // Unreadable (only from before the reader checked it) counts as never, so the reminder cannot be silenced.
    let Some(last_day) = crate::domain::timestamp::parse_date(last) else {
        return Some("You have not exported a backup yet. Your record lives only in this browser.".to_owned());
    };
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
    /// whether the content was damaged or accidentally changed after
    /// export. Not a signature: anyone editing the file can recompute it.
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

/// Whether a readable backup's content still matches the checksum made
/// at export: evidence against damage and accidental change, not proof
/// of who made it (see `Backup::content_sha256`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrity {
    Intact,
    /// Readable, but not what Praxis wrote; says why.
    Modified(String),
}

impl Integrity {
    /// What the learner is told about the file `name` before importing it.
    /// A checksum anyone can recompute shows damage and accidental edits,
    /// not deliberate ones, and the words claim no more.
    pub fn notice(&self, name: &str) -> String {
        match self {
            Integrity::Intact => format!(
                "{name} shows no change since it was exported. (This check finds damage and accidental edits, not \
                 deliberate ones.)"
            ),
            Integrity::Modified(why) => format!("{name}: {why}. Import it only if you made the change."),
        }
    }
}

/// A backup that could be read, with its record migrated to this version.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadBackup {
    pub exported_at: String,
    pub integrity: Integrity,
    pub record: LearnerRecord,
}

/// Reads a file as a backup: its size, its JSON (read once, with no key
/// given twice and no string or list beyond what Praxis writes), its
/// format and version, when it was exported, its checksum, then every
/// field (`domain::validate`). `today` is the reader's date: a file cannot
/// have been exported after it. `Err` says, in a sentence a learner or
/// employer can act on, why the file cannot be used.
pub fn read_backup(text: &str, today: time::Date) -> Result<ReadBackup, String> {
    let sealed = open_backup(text, today)?;
    let digest = digest::sha256_hex(sealed.canonical_record());
    sealed.finish(&digest)
}

/// A backup read as far as its checksum: the envelope is sound and the
/// record is in canonical form, ready to be digested. [`read_backup`]
/// digests it here; the browser's roll-up workers hand it to the
/// browser's own SHA-256 (WebCrypto), which is several times faster than
/// SHA-256 compiled to wasm, and finish it with the result.
#[derive(Debug)]
pub struct SealedBackup {
    version: u64,
    exported_at: String,
    /// The checksum the file states, if it states one as text.
    stated_sha256: Option<String>,
    record: String,
}

impl SealedBackup {
    /// The bytes whose SHA-256 the file's `content_sha256` should be.
    pub fn canonical_record(&self) -> &[u8] {
        self.record.as_bytes()
    }

    /// The rest of [`read_backup`], given the lower-case hex SHA-256 of
    /// [`Self::canonical_record`]: the checksum compared, then every field.
    pub fn finish(self, record_sha256_hex: &str) -> Result<ReadBackup, String> {
        let integrity = match self.stated_sha256 {
            None => Integrity::Modified(NO_CHECKSUM.to_owned()),
            Some(stated) if stated == record_sha256_hex => Integrity::Intact,
            Some(_) => Integrity::Modified(CHANGED.to_owned()),
        };
        let record = read_record(self.version, &self.record).map_err(|reason| format!("The backup's {reason}"))?;
        validate::record(&record)?;
        Ok(ReadBackup { exported_at: self.exported_at, integrity, record })
    }
}

/// The first part of [`read_backup`]: everything up to the checksum.
pub fn open_backup(text: &str, today: time::Date) -> Result<SealedBackup, String> {
    check_size(text.len() as u64)?;
    // Editors on Windows may add a byte-order mark when a file is saved.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("The file is empty.".to_owned());
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let envelope =
        EnvelopeSeed(text.len()).deserialize(&mut reader).and_then(|envelope| reader.end().map(|()| envelope));
    let Some(mut fields) = envelope.map_err(|e| describe_json_error(&e))? else {
        return Err("This is JSON, but not a Praxis backup: it is not an object with a \"format\" field.".to_owned());
    };
    let field = |fields: &BTreeMap<&str, String>, name: &str| {
        fields.get(name).and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
    };
    match field(&fields, "format").as_ref().and_then(serde_json::Value::as_str) {
        Some(BACKUP_FORMAT) => {}
        Some(other) => {
            return Err(format!("This is not a Praxis backup: its format is {}.", quoted(other)));
        }
        None => {
            return Err("This is JSON, but not a Praxis backup: it has no \"format\": \"praxis-backup\".".to_owned())
        }
    }
    if let Some(unknown) = fields.get(UNKNOWN) {
        return Err(format!("The backup has a field Praxis never writes: {}.", quoted(unknown)));
    }
    let version = match field(&fields, "schema_version") {
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
    let record = match fields.remove("record") {
        Some(record) if record.starts_with('{') => record,
        Some(_) => return Err("The backup's record is not an object of recorded work.".to_owned()),
        None => return Err("The backup holds no record.".to_owned()),
    };
    let exported_at = exported_at(field(&fields, "exported_at"), today)?;
    let stated_sha256 = match field(&fields, "content_sha256") {
        Some(serde_json::Value::String(stated)) => Some(stated),
        _ => None,
    };
    Ok(SealedBackup { version, exported_at, stated_sha256, record })
}

/// Why a backup without its checksum is shown as changed.
pub const NO_CHECKSUM: &str =
    "it lacks the check Praxis adds when exporting, so any change since export cannot be seen";
/// Why a backup whose checksum does not match is shown as changed.
pub const CHANGED: &str = "it was changed after it was exported, or damaged in copying";

/// The slot [`EnvelopeSeed`] files the first unknown field's name under:
/// no envelope field has this name, so it cannot hide a known one.
const UNKNOWN: &str = "\0unknown";

/// When the backup says it was exported: a real instant, and not after
/// `today`. One day's grace allows for time zones: a file exported in the
/// evening west of Greenwich is already dated tomorrow in UTC.
fn exported_at(value: Option<serde_json::Value>, today: time::Date) -> Result<String, String> {
    let text = match value {
        Some(serde_json::Value::String(text)) => text,
        Some(_) => return Err("The backup's exported_at is not a date and time.".to_owned()),
        None => return Err("The backup does not say when it was exported (it has no exported_at).".to_owned()),
    };
    let at = validate::instant(&text)
        .ok_or_else(|| format!("The backup's exported_at {} is not a date and time Praxis writes.", quoted(&text)))?;
    if today.next_day().is_some_and(|tomorrow| at.date() > tomorrow) {
        return Err(format!(
            "The backup says it was exported on {}, which is after today: either its date was edited or the \
             device that made it had the wrong date.",
            at.date()
        ));
    }
    Ok(text)
}

/// The record from its canonical text. Files of this version are read
/// straight from the text; older ones go through the migrations, which
/// work on a `Value` (they are small: no version before 3 had a large record).
fn read_record(version: u64, canonical: &str) -> Result<LearnerRecord, String> {
    if version < u64::from(SCHEMA_VERSION) {
        let value = serde_json::from_str(canonical).map_err(|e| e.to_string())?;
        return storage::migrate(version, value);
    }
    // Most files are sound: read them without tracking the path, which only
    // a message about a wrong field needs (the roll-up reads thousands).
    if let Ok(record) = serde_json::from_str(canonical) {
        return Ok(record);
    }
    let mut reader = serde_json::Deserializer::from_str(canonical);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // A position in the canonical text would mislead: it is not the file's.
        let full = inner.to_string();
        let what = full.strip_suffix(&format!(" at line {} column {}", inner.line(), inner.column())).unwrap_or(&full);
        if path == "." {
            what.to_owned()
        } else {
            format!("record.{path}: {what}")
        }
    })
}

/// The envelope's known fields as canonical JSON text, keyed by name,
/// plus the first unknown field's name under [`UNKNOWN`]; `None` when
/// the file is JSON but not an object. Unknown fields and non-objects
/// are read through without being kept. It holds the file's length: the
/// record is nearly all of the file, so its text is given room for that
/// from the start rather than grown and copied again and again.
struct EnvelopeSeed(usize);

type Envelope = Option<BTreeMap<&'static str, String>>;

impl<'de> DeserializeSeed<'de> for EnvelopeSeed {
    type Value = Envelope;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Envelope, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EnvelopeSeed {
    type Value = Envelope;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Praxis backup")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut fields = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let Some(name) = ENVELOPE_FIELDS.into_iter().find(|name| *name == key) else {
                if !fields.contains_key(UNKNOWN) {
                    fields.insert(UNKNOWN, key);
                }
                map.next_value_seed(Skip)?;
                continue;
            };
            if fields.contains_key(name) {
                return Err(canonical::twice(&Path::Root("the file"), name));
            }
            let room = if name == "record" { self.0 } else { 0 };
            fields.insert(name, map.next_value_seed(Canonical::with_room(Path::Root(name), room))?);
        }
        Ok(Some(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Envelope, A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Envelope, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Envelope, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Envelope, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Envelope, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Envelope, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Envelope, E> {
        Ok(None)
    }
}

/// Reads a value through without keeping it. Unlike serde's `IgnoredAny`
/// it nests through `deserialize_any`, so serde_json's depth limit still
/// refuses a file nested thousands deep, as it does everywhere else.
struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Skip)?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
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
    let what = full.strip_suffix(&format!(" at line {} column {}", error.line(), error.column())).unwrap_or(&full);
    match error.classify() {
        // serde_json stops at 128 levels, long before the stack would.
        _ if what == "recursion limit exceeded" => {
            format!(
                "The file nests too deeply ({place}) to be a Praxis backup, which never nests more than a few levels."
            )
        }
        // Raised by this reader itself: a repeated key, or more than Praxis ever writes.
        serde_json::error::Category::Data => format!("The backup cannot be used: {what} ({place})."),
        serde_json::error::Category::Eof => {
            format!("The file ends too soon ({place}): it was probably cut short while copying or downloading.")
        }
        _ => format!("The file is not valid JSON ({place}): {what}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Completion;

    fn today() -> time::Date {
        time::Date::from_calendar_date(2026, time::Month::November, 22).unwrap()
    }

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
        let back = read_backup(&backup.to_json(), today()).unwrap();
        assert_eq!(back.record, record);
        assert_eq!(back.integrity, Integrity::Intact);
        assert_eq!(backup.file_name(), "praxis-backup-2026-02-03.json");
    }

    /// The checksum is taken over the record's canonical text without a
    /// `Value` of the file, and must agree with the one taken over a
    /// `Value` (`digest::json_sha256`, as Praxis always has), so files
    /// already exported still read as unchanged.
    #[test]
    fn the_checksum_read_in_one_pass_is_the_one_always_taken() {
        let text = include_str!("../../tests/fixtures/backup-nmc-ready.json");
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut reader = serde_json::Deserializer::from_str(text);
        let canonical = Canonical::new(Path::Root("file")).deserialize(&mut reader).unwrap();
        assert_eq!(digest::sha256_hex(canonical.as_bytes()), digest::json_sha256(&value));
        let read = read_backup(text, today()).unwrap();
        assert_eq!(read.integrity, Integrity::Modified(NO_CHECKSUM.into()), "this fixture predates checksums");
        let stamped = Backup::new(read.record.clone(), &read.exported_at).to_json();
        assert_eq!(read_backup(&stamped, today()).unwrap().integrity, Integrity::Intact);
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
        let read = read_backup(&edited, today()).unwrap();
        assert_eq!(read.integrity, Integrity::Modified(CHANGED.into()));
        let reformatted: serde_json::Value = serde_json::from_str(&exported()).unwrap();
        let compact = serde_json::to_string(&reformatted).unwrap();
        assert_eq!(read_backup(&compact, today()).unwrap().integrity, Integrity::Intact, "spacing is not content");
        let mut undigested = reformatted.clone();
        undigested.as_object_mut().unwrap().remove("content_sha256");
        assert!(
            matches!(read_backup(&undigested.to_string(), today()).unwrap().integrity, Integrity::Modified(r) if r == NO_CHECKSUM)
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
                r#"{"format":"praxis-backup","schema_version":3,"exported_at":"2026-01-01T00:00:00Z","record":{"cpd":[{"id":1}]}}"#,
                "record.cpd[0].id: invalid type: integer `1`, expected a string",
            ),
            (
                r#"{"format":"praxis-backup","schema_version":3,"exported_at":"2026-01-01T00:00:00Z","record":{"evil":1}}"#,
                "unknown field `evil`",
            ),
            (
                r#"{"format":"praxis-backup","schema_version":3,"record":{},"record":{}}"#,
                r#"The backup cannot be used: the file has the field "record" twice; Praxis writes each field once (line 1, column 65)."#,
            ),
            (r#"{"format":"praxis-backup","schema_version":3,"record":{}}"#, "does not say when it was exported"),
            (
                r#"{"format":"praxis-backup","schema_version":3,"exported_at":"2026-11-24T00:00:00Z","record":{}}"#,
                "exported on 2026-11-24, which is after today",
            ),
            (
                r#"{"format":"praxis-backup","schema_version":3,"exported_at":"yesterday","record":{}}"#,
                r#"exported_at "yesterday" is not a date and time"#,
            ),
        ];
        for (text, expected) in cases {
            let error = read_backup(text, today()).expect_err(text);
            assert!(error.contains(expected), "{text}: {error}");
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(read_backup(&deep, today()).unwrap_err().starts_with("The file nests too deeply"));
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
        record.last_backup_at = Some("zzzz".into());
        assert!(backup_reminder(&record, day(4)).unwrap().contains("not exported a backup yet"), "not silenced");
    }
}
