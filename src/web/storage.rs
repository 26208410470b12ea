//! The browser side of the storage seam: the learner's record, the
//! `/author` draft and any set-aside unreadable data, in localStorage.
//! This is the only code that knows the storage keys.
//!
//! It uses web-sys's `Storage` directly: every write of the record is one
//! `setItem` of the whole encoded record, which the browser applies
//! completely or not at all, so a failed write leaves the previous record
//! exactly as it was.

use wasm_bindgen::JsValue;

use crate::domain::record::LearnerRecord;
use crate::domain::storage::{decode, encode, StoreError};

const RECORD_KEY: &str = "praxis.record";
const PROBE_KEY: &str = "praxis.probe";
const AUTHOR_DRAFT_KEY: &str = "praxis.author-draft";
const QUARANTINE_PREFIX: &str = "praxis.unreadable.";
const DISMISSED_PREFIX: &str = "praxis.dismissed.";

/// localStorage, once it is known to work.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens localStorage, or says it is not there.
    pub fn open() -> Result<LocalStore, StoreError> {
        let storage = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .ok_or(StoreError::Unavailable)?;
        Ok(LocalStore { storage })
    }

    /// Tries a tiny write. Some browsers expose localStorage in private
    /// mode but refuse every write; a full store is reported as full.
    pub fn check_writable(&self) -> Result<(), StoreError> {
        match self.storage.set_item(PROBE_KEY, "1").map_err(store_error) {
            Ok(()) => {
                let _ = self.storage.remove_item(PROBE_KEY);
                Ok(())
            }
            Err(StoreError::QuotaExceeded) => Err(StoreError::QuotaExceeded),
            Err(_) => Err(StoreError::Unavailable),
        }
    }

    /// The saved record, or `None` when nothing has been saved yet.
    pub fn load(&self) -> Result<Option<LearnerRecord>, StoreError> {
        let text = self.storage.get_item(RECORD_KEY).map_err(|_| StoreError::Unavailable)?;
        text.as_deref().map(decode).transpose()
    }

    /// Replaces the saved record; returns the characters now used by
    /// everything Praxis keeps. On error nothing was written.
    pub fn save(&self, record: &LearnerRecord) -> Result<usize, StoreError> {
        self.storage.set_item(RECORD_KEY, &encode(record)).map_err(store_error)?;
        Ok(self.used_chars())
    }

    /// Moves unreadable record text aside under its own key, so the app
    /// can carry on and the text is kept. Returns `false` (and leaves the
    /// text where it was) if there is no room to copy it.
    pub fn set_aside_unreadable(&self, at: &str) -> bool {
        let Ok(Some(text)) = self.storage.get_item(RECORD_KEY) else { return false };
        if self.storage.set_item(&format!("{QUARANTINE_PREFIX}{at}"), &text).is_err() {
            return false;
        }
        self.storage.remove_item(RECORD_KEY).is_ok()
    }

    /// Set-aside unreadable data, as `(when, text)`.
    pub fn set_aside(&self) -> Vec<(String, String)> {
        self.keys()
            .into_iter()
            .filter_map(|key| {
                let at = key.strip_prefix(QUARANTINE_PREFIX)?.to_owned();
                Some((at, self.storage.get_item(&key).ok().flatten()?))
            })
            .collect()
    }

    /// The module text last typed on `/author`, if any.
    pub fn load_author_draft(&self) -> Option<String> {
        self.storage.get_item(AUTHOR_DRAFT_KEY).ok().flatten()
    }

    /// Keeps the `/author` text so a reload does not lose it.
    pub fn save_author_draft(&self, text: &str) -> Result<(), StoreError> {
        self.storage.set_item(AUTHOR_DRAFT_KEY, text).map_err(store_error)
    }

    /// Whether the learner has dismissed the notice `name`.
    pub fn is_dismissed(&self, name: &str) -> bool {
        self.storage.get_item(&format!("{DISMISSED_PREFIX}{name}")).ok().flatten().is_some()
    }

    /// Remembers that the learner dismissed the notice `name`. If it
    /// cannot be kept, the notice simply shows again next time.
    pub fn dismiss(&self, name: &str) {
        let _ = self.storage.set_item(&format!("{DISMISSED_PREFIX}{name}"), "1");
    }

    /// Characters (UTF-16 code units, as the browser counts its quota)
    /// of every key and value Praxis keeps.
    fn used_chars(&self) -> usize {
        self.keys()
            .iter()
            .filter_map(|key| {
                Some(key.encode_utf16().count() + self.storage.get_item(key).ok()??.encode_utf16().count())
            })
            .sum()
    }

    fn keys(&self) -> Vec<String> {
        let count = self.storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|index| self.storage.key(index).ok().flatten())
            .filter(|k| k.starts_with("praxis."))
            .collect()
    }
}

/// Whether a storage event from another tab changed the learner's record.
pub fn is_record_change(event: &web_sys::StorageEvent) -> bool {
    event.key().is_none_or(|key| key == RECORD_KEY)
}

/// Asks the browser not to evict Praxis's storage under pressure. The
/// answer does not change what the app does, so it is not awaited.
pub fn request_persistence() {
    if let Some(manager) = web_sys::window().map(|window| window.navigator().storage()) {
        let _ = manager.persist();
    }
}

/// The browser names a full store `QuotaExceededError`.
fn store_error(error: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|name| name.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") => StoreError::QuotaExceeded,
        _ => StoreError::Failed(
            js_sys::Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{error:?}")),
        ),
    }
}
