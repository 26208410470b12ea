//! The backup file a learner downloads from `/export`: everything they
//! recorded, in a versioned envelope that later versions can import.

use serde::{Deserialize, Serialize};

use super::record::LearnerRecord;
use super::storage::SCHEMA_VERSION;

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
}
