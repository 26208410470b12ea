//! The browser side of the storage seam, and the only code that knows
//! where things are kept:
//!
//! - the learner's record (and any set-aside data) in IndexedDB, through
//!   the `idb` crate: Chromium flushes localStorage to disk seconds after
//!   `setItem` returns, so a phone killing the browser lost "saved" work,
//!   while a completed IndexedDB transaction survived the same kill;
//! - small things read synchronously at start, through **gloo-storage**
//!   (localStorage): dismissed notices, the `/author` draft, and the
//!   "a tab saved" signal other tabs hear as a `storage` event;
//! - the staff files a manager added at `/employer`: in this tab's
//!   sessionStorage (gloo-storage) until the tab closes, or in IndexedDB
//!   beside the record if the manager chose to keep them;
//! - the record as earlier versions kept it (`praxis.record` in
//!   localStorage), read once to bring it into IndexedDB.
//!
//! Every call is probed first and every error mapped to a `StoreError`,
//! so nothing here can panic.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::employer::kept::{KeepUntil, KeptFiles};
use crate::domain::session::Store;
use crate::domain::storage::StoreError;

const DATABASE: &str = "praxis";
const OBJECT_STORE: &str = "kv";
/// Where Praxis kept the record before it moved to IndexedDB.
pub const LEGACY_RECORD_KEY: &str = "praxis.record";
/// Written after every save so that other open tabs re-read the record.
const SAVED_SIGNAL_KEY: &str = "praxis.saved";
/// Where earlier versions set aside data they could not read.
const LEGACY_SET_ASIDE_PREFIX: &str = "praxis.unreadable.";
const AUTHOR_DRAFT_KEY: &str = "praxis.author-draft";
const DISMISSED_PREFIX: &str = "praxis.dismissed.";
const KEPT_STAFF_FILES_KEY: &str = "praxis.employer.files";
const LOADED_ELSEWHERE_KEY: &str = "praxis.loaded-elsewhere";

/// The learner's record store: IndexedDB, or (where the browser gives
/// none) a store that refuses every call, for a visit-only session.
pub struct IdbStore {
    database: Option<Database>,
}

impl IdbStore {
    /// Opens (creating on first use) Praxis's database, or says why not.
    pub async fn open() -> Result<IdbStore, StoreError> {
        let factory = Factory::new().map_err(|_| StoreError::Unavailable)?;
        let mut request = factory.open(DATABASE, Some(1)).map_err(|_| StoreError::Unavailable)?;
        request.on_upgrade_needed(|event| {
            if let Ok(database) = event.database() {
                if !database.store_names().iter().any(|name| name == OBJECT_STORE) {
                    let _ = database.create_object_store(OBJECT_STORE, ObjectStoreParams::new());
                }
            }
        });
        let database = request.await.map_err(|_| StoreError::Unavailable)?;
        Ok(IdbStore { database: Some(database) })
    }

    /// A store for a browser that gives Praxis none.
    pub fn missing() -> IdbStore {
        IdbStore { database: None }
    }

    fn transaction(&self, mode: TransactionMode) -> Result<(idb::Transaction, idb::ObjectStore), StoreError> {
        let database = self.database.as_ref().ok_or(StoreError::Unavailable)?;
        let transaction = database.transaction(&[OBJECT_STORE], mode).map_err(store_error)?;
        let store = transaction.object_store(OBJECT_STORE).map_err(store_error)?;
        Ok((transaction, store))
    }
}

/// Waits until a read-write transaction is on disk (its `complete` event).
async fn committed(transaction: idb::Transaction) -> Result<(), StoreError> {
    match transaction.await.map_err(store_error)? {
        result if result.is_committed() => Ok(()),
        _ => Err(StoreError::Failed("the browser abandoned the write".to_owned())),
    }
}

impl Store for IdbStore {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let (_, store) = self.transaction(TransactionMode::ReadOnly)?;
        let value = store.get(JsValue::from_str(key)).map_err(store_error)?.await.map_err(store_error)?;
        Ok(value.and_then(|v| v.as_string()))
    }

    async fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let (transaction, store) = self.transaction(TransactionMode::ReadWrite)?;
        store.put(&JsValue::from_str(value), Some(&JsValue::from_str(key))).map_err(store_error)?;
        committed(transaction).await
    }

    async fn remove(&self, key: &str) -> Result<(), StoreError> {
        let (transaction, store) = self.transaction(TransactionMode::ReadWrite)?;
        store.delete(JsValue::from_str(key)).map_err(store_error)?;
        committed(transaction).await
    }

    async fn keys(&self) -> Result<Vec<String>, StoreError> {
        let (_, store) = self.transaction(TransactionMode::ReadOnly)?;
        let keys = store.get_all_keys(None, None).map_err(store_error)?.await.map_err(store_error)?;
        Ok(keys.into_iter().filter_map(|key| key.as_string()).collect())
    }

    /// One read-write transaction holds the read and the write, so no
    /// other tab's write can fall between them (IndexedDB runs
    /// overlapping read-write transactions one after another).
    async fn replace(&self, key: &str, expected: Option<&str>, value: Option<&str>) -> Result<bool, StoreError> {
        let (transaction, store) = self.transaction(TransactionMode::ReadWrite)?;
        let current = store.get(JsValue::from_str(key)).map_err(store_error)?.await.map_err(store_error)?;
        // Compared as JavaScript strings: a long record is not copied into Rust just to be compared.
        let unchanged = match (current.filter(JsValue::is_string), expected) {
            (None, None) => true,
            (Some(current), Some(expected)) => current == JsValue::from_str(expected),
            _ => false,
        };
        if !unchanged {
            return Ok(false);
        }
        match value {
            Some(value) => store.put(&JsValue::from_str(value), Some(&JsValue::from_str(key))).map(|_| ()),
            None => store.delete(JsValue::from_str(key)).map(|_| ()),
        }
        .map_err(store_error)?;
        committed(transaction).await.map(|()| true)
    }
}

/// localStorage through gloo-storage, only once a probe shows it works
/// (gloo-storage throws where the browser hides or blocks it).
fn local_storage_works() -> bool {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten()).is_some()
}

/// The record as an earlier Praxis kept it in localStorage, if any.
pub fn legacy_record() -> Option<String> {
    local_storage_works().then(|| LocalStorage::raw().get_item(LEGACY_RECORD_KEY).ok().flatten()).flatten()
}

/// Forgets the legacy record once it is safely in IndexedDB.
pub fn forget_legacy_record() {
    if local_storage_works() {
        LocalStorage::delete(LEGACY_RECORD_KEY);
    }
}

/// Data an earlier Praxis set aside in localStorage, as `(when, text)`.
pub fn legacy_set_aside() -> Vec<(String, String)> {
    if !local_storage_works() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let at = key.strip_prefix(LEGACY_SET_ASIDE_PREFIX)?.to_owned();
            Some((at, storage.get_item(&key).ok()??))
        })
        .collect()
}

/// Forgets one piece of legacy set-aside data, once it is kept in IndexedDB.
pub fn forget_legacy_set_aside(at: &str) {
    if local_storage_works() {
        LocalStorage::delete(format!("{LEGACY_SET_ASIDE_PREFIX}{at}"));
    }
}

/// Tells other open tabs that the record changed (they hear a `storage`
/// event); says which format wrote it, so an older tab knows to stop.
pub fn signal_saved(format_version: u32, at: &str) {
    if local_storage_works() {
        let _ = LocalStorage::set(SAVED_SIGNAL_KEY, format!("{format_version} {at}"));
    }
}

/// What a `storage` event from another tab means for this one.
pub enum OtherTab {
    Saved,
    /// An older Praxis, still open somewhere, saved where it used to.
    WroteLegacyRecord(String),
    Nothing,
}

pub fn other_tab(event: &web_sys::StorageEvent) -> OtherTab {
    match event.key().as_deref() {
        Some(SAVED_SIGNAL_KEY) => OtherTab::Saved,
        Some(LEGACY_RECORD_KEY) => event.new_value().map_or(OtherTab::Nothing, OtherTab::WroteLegacyRecord),
        _ => OtherTab::Nothing,
    }
}

/// The module text last typed on `/author`, if any.
pub fn load_author_draft() -> Option<String> {
    if !local_storage_works() {
        return None;
    }
    // Earlier versions kept the draft as plain text rather than JSON.
    LocalStorage::get::<String>(AUTHOR_DRAFT_KEY)
        .ok()
        .or_else(|| LocalStorage::raw().get_item(AUTHOR_DRAFT_KEY).ok().flatten())
}

/// Keeps the `/author` text so a reload does not lose it.
pub fn save_author_draft(text: &str) -> Result<(), StoreError> {
    if !local_storage_works() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::set(AUTHOR_DRAFT_KEY, text).map_err(|error| match error {
        gloo_storage::errors::StorageError::JsError(js) if js.name == "QuotaExceededError" => StoreError::QuotaExceeded,
        other => StoreError::Failed(other.to_string()),
    })
}

/// Whether the learner has dismissed the notice `name`.
pub fn is_dismissed(name: &str) -> bool {
    local_storage_works() && LocalStorage::get::<bool>(format!("{DISMISSED_PREFIX}{name}")).is_ok()
}

/// Remembers that the learner dismissed the notice `name`. If it cannot
/// be kept, the notice simply shows again next time.
pub fn dismiss(name: &str) {
    if local_storage_works() {
        let _ = LocalStorage::set(format!("{DISMISSED_PREFIX}{name}"), true);
    }
}

/// Keeps the staff files added at `/employer` for as long as `kept.until`
/// says: in this tab's sessionStorage, which the browser empties when the
/// tab closes, or in IndexedDB until they are cleared. Only one place
/// holds them at a time.
pub async fn keep_staff_files(kept: &KeptFiles) -> Result<(), StoreError> {
    let text = kept.encode();
    match kept.until {
        KeepUntil::TabClosed => {
            SessionStorage::raw().set_item(KEPT_STAFF_FILES_KEY, &text).map_err(|error| {
                match error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())) {
                    Some(name) if name == "QuotaExceededError" => StoreError::QuotaExceeded,
                    _ => StoreError::Failed(format!("{error:?}")),
                }
            })?;
            IdbStore::open().await?.remove(KEPT_STAFF_FILES_KEY).await
        }
        KeepUntil::Cleared => {
            IdbStore::open().await?.set(KEPT_STAFF_FILES_KEY, &text).await?;
            SessionStorage::delete(KEPT_STAFF_FILES_KEY);
            Ok(())
        }
    }
}

/// The staff files kept from earlier in this tab, or in this browser.
/// Files that cannot be read are forgotten (the error says so).
pub async fn kept_staff_files() -> Result<Option<KeptFiles>, String> {
    if let Some(text) = SessionStorage::raw().get_item(KEPT_STAFF_FILES_KEY).ok().flatten() {
        return KeptFiles::decode(&text).map(Some).inspect_err(|_| SessionStorage::delete(KEPT_STAFF_FILES_KEY));
    }
    let store = IdbStore::open().await.map_err(|error| error.to_string())?;
    let Some(text) = store.get(KEPT_STAFF_FILES_KEY).await.map_err(|error| error.to_string())? else {
        return Ok(None);
    };
    match KeptFiles::decode(&text) {
        Ok(kept) => Ok(Some(kept)),
        Err(reason) => {
            store.remove(KEPT_STAFF_FILES_KEY).await.map_err(|error| error.to_string())?;
            Err(reason)
        }
    }
}

/// Forgets the staff files kept for `/employer`, in this tab and browser.
pub async fn forget_staff_files() -> Result<(), StoreError> {
    SessionStorage::delete(KEPT_STAFF_FILES_KEY);
    IdbStore::open().await?.remove(KEPT_STAFF_FILES_KEY).await
}

/// Whether `address` was not just loaded as a page of the other app from
/// this tab; notes that it now is. In sessionStorage, so it is this tab's.
pub fn first_load_elsewhere(address: &str) -> bool {
    let now = js_sys::Date::now();
    let last = SessionStorage::get::<(String, f64)>(LOADED_ELSEWHERE_KEY).ok();
    let recent = last.is_some_and(|(last, at)| last == address && now - at < 10_000.0);
    let _ = SessionStorage::set(LOADED_ELSEWHERE_KEY, (address, now));
    !recent
}

/// Asks the browser not to evict Praxis's storage under pressure. The
/// answer does not change what the app does, so it is not awaited.
pub fn request_persistence() {
    if let Some(manager) = web_sys::window().map(|window| window.navigator().storage()) {
        let _ = manager.persist();
    }
}

/// How much of the browser's quota for this site is used, 0 to 1.
pub async fn share_of_quota() -> Option<f64> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate = wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let number = |name: &str| js_sys::Reflect::get(&estimate, &name.into()).ok()?.as_f64();
    let (usage, quota) = (number("usage")?, number("quota")?);
    (quota > 0.0).then(|| usage / quota)
}

/// The browser names a full store `QuotaExceededError`; anything else
/// keeps its own words.
fn store_error(error: idb::Error) -> StoreError {
    let words = error.to_string();
    if words.contains("QuotaExceeded") || format!("{error:?}").contains("QuotaExceeded") {
        StoreError::QuotaExceeded
    } else {
        StoreError::Failed(words)
    }
}
