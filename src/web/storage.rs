//! The browser side of the storage seam: keeps the learner's record in
//! localStorage through gloo-storage. This is the only code that knows
//! the storage key.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use crate::domain::record::LearnerRecord;
use crate::domain::storage::{RecordStore, StoreError, StoredRecord};

const RECORD_KEY: &str = "praxis.record";
const PROBE_KEY: &str = "praxis.probe";
const AUTHOR_DRAFT_KEY: &str = "praxis.author-draft";

/// localStorage, once it is known to work.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens localStorage, or says why it cannot be used.
    ///
    /// gloo-storage panics when there is no localStorage, and a panic
    /// aborts the whole app, so this checks first. Some browsers expose
    /// the object in private mode but refuse every write: probe once.
    pub fn open() -> Result<LocalStore, StoreError> {
        let storage = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .ok_or(StoreError::Unavailable)?;
        storage.set_item(PROBE_KEY, "1").map_err(|_| StoreError::Unavailable)?;
        let _ = storage.remove_item(PROBE_KEY);
        Ok(LocalStore { storage })
    }
}

impl RecordStore for LocalStore {
    fn load(&self) -> Result<Option<LearnerRecord>, StoreError> {
        let text = self.storage.get_item(RECORD_KEY).map_err(|_| StoreError::Unavailable)?;
        text.as_deref().map(StoredRecord::decode).transpose()
    }

    fn save(&self, record: &LearnerRecord) -> Result<(), StoreError> {
        LocalStorage::set(RECORD_KEY, StoredRecord::new(record)).map_err(store_error)
    }
}

impl LocalStore {
    /// The module text last typed on `/author`, if any.
    pub fn load_author_draft(&self) -> Option<String> {
        LocalStorage::get(AUTHOR_DRAFT_KEY).ok()
    }

    /// Keeps the `/author` text so a reload does not lose it.
    pub fn save_author_draft(&self, text: &str) -> Result<(), StoreError> {
        LocalStorage::set(AUTHOR_DRAFT_KEY, text).map_err(store_error)
    }
}

/// gloo has no quota variant: the browser's error name says it.
fn store_error(error: StorageError) -> StoreError {
    match error {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => StoreError::QuotaExceeded,
        other => StoreError::Failed(other.to_string()),
    }
}
