//! The backup file a learner downloads from `/export`: everything they
//! recorded, in a versioned envelope that later versions can import.

use serde::{Deserialize, Serialize};

use super::record::LearnerRecord;
use super::storage::SCHEMA_VERSION;

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    /// When the file was made (RFC 3339, UTC).
    pub exported_at: String,
    /// The Praxis version that made it.
    pub app_version: String,
    pub record: LearnerRecord,
}

impl Backup {
    pub fn new(record: LearnerRecord, exported_at: &str) -> Self {
        Backup {
            format: BACKUP_FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            exported_at: exported_at.to_owned(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
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
        let back: Backup = serde_json::from_value(json).unwrap();
        assert_eq!(back.record, record);
        assert_eq!(backup.file_name(), "praxis-backup-2026-02-03.json");
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
