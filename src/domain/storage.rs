//! The storage seam: how a [`LearnerRecord`] becomes text in a key-value
//! store and back, and the trait the browser adapter implements.
//!
//! Only this file knows the stored format; only the adapter
//! (`web::storage`) knows where it is kept.

use serde::{Deserialize, Serialize};

use super::record::LearnerRecord;

/// The version of the stored and exported format. Raise it when the
/// shape of [`LearnerRecord`] changes, and add a migration.
pub const SCHEMA_VERSION: u32 = 1;

/// A store for one learner's record.
pub trait RecordStore {
    /// The saved record, or `None` when nothing has been saved yet.
    fn load(&self) -> Result<Option<LearnerRecord>, StoreError>;
    /// Replaces the saved record. On error the previous one is intact.
    fn save(&self, record: &LearnerRecord) -> Result<(), StoreError>;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser offers no storage (private mode, disabled by policy).
    Unavailable,
    /// The store is full; nothing was written.
    QuotaExceeded,
    /// What is stored cannot be read as a record.
    Unreadable(String),
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
                "Your browser's storage for Praxis is full, so this change was not saved. \
                 Export a backup, then remove old entries."
            ),
            StoreError::Unreadable(reason) => write!(f, "Your saved Praxis data could not be read: {reason}"),
            StoreError::Failed(reason) => write!(f, "Saving failed: {reason}"),
        }
    }
}

/// The record as it is stored: versioned, so later versions of Praxis
/// can migrate it. Written from a borrowed record, read into an owned one.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredRecord<R> {
    pub schema_version: u32,
    pub record: R,
}

impl<'a> StoredRecord<&'a LearnerRecord> {
    pub fn new(record: &'a LearnerRecord) -> Self {
        StoredRecord { schema_version: SCHEMA_VERSION, record }
    }
}

impl StoredRecord<LearnerRecord> {
    /// Reads a stored record, refusing versions this build does not know.
    pub fn decode(text: &str) -> Result<LearnerRecord, StoreError> {
        let stored: StoredRecord<LearnerRecord> =
            serde_json::from_str(text).map_err(|error| StoreError::Unreadable(error.to_string()))?;
        if stored.schema_version != SCHEMA_VERSION {
            return Err(StoreError::Unreadable(format!(
                "it was saved in format version {}, but this version of Praxis reads version {SCHEMA_VERSION}",
                stored.schema_version
            )));
        }
        Ok(stored.record)
    }
}

/// A store in memory, for tests and for when the browser has none.
#[derive(Debug, Default)]
pub struct MemoryStore {
    saved: std::cell::RefCell<Option<String>>,
}

impl RecordStore for MemoryStore {
    fn load(&self) -> Result<Option<LearnerRecord>, StoreError> {
        self.saved.borrow().as_deref().map(StoredRecord::decode).transpose()
    }

    fn save(&self, record: &LearnerRecord) -> Result<(), StoreError> {
        let text =
            serde_json::to_string(&StoredRecord::new(record)).map_err(|error| StoreError::Failed(error.to_string()))?;
        *self.saved.borrow_mut() = Some(text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Completion;

    #[test]
    fn a_saved_record_loads_back_unchanged() {
        let store = MemoryStore::default();
        assert_eq!(store.load(), Ok(None));
        let mut record = LearnerRecord::default();
        record.completions.insert(
            "what-ai-is".into(),
            Completion { completed_at: "2026-01-02T10:00:00.000Z".into(), minutes: 30, score: Some(100) },
        );
        store.save(&record).unwrap();
        assert_eq!(store.load(), Ok(Some(record)));
    }

    #[test]
    fn unknown_versions_and_garbage_are_refused_with_a_reason() {
        let future = r#"{"schema_version":99,"record":{}}"#;
        match StoredRecord::decode(future) {
            Err(StoreError::Unreadable(reason)) => assert!(reason.contains("version 99"), "{reason}"),
            other => panic!("expected Unreadable, got {other:?}"),
        }
        assert!(matches!(StoredRecord::decode("{not json"), Err(StoreError::Unreadable(_))));
    }
}
