//! The browser storage adapter against the real localStorage of headless
//! Chromium: round trips, unreadable data and a full store.
#![cfg(target_arch = "wasm32")]

use praxis::domain::record::{Completion, LearnerRecord};
use praxis::domain::storage::StoreError;
use praxis::web::storage::LocalStore;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const RECORD_KEY: &str = "praxis.record";

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn record_with(module_id: &str) -> LearnerRecord {
    let mut record = LearnerRecord::default();
    let completion = Completion { completed_at: "2026-03-04T05:06:07.008Z".into(), minutes: 30, score: None };
    record.completions.insert(module_id.into(), completion);
    record
}

#[wasm_bindgen_test]
fn a_saved_record_loads_back_from_local_storage() {
    local_storage().clear().unwrap();
    let store = LocalStore::open().unwrap();
    assert_eq!(store.load(), Ok(None));
    let record = record_with("what-ai-is");
    store.save(&record).unwrap();
    assert_eq!(LocalStore::open().unwrap().load(), Ok(Some(record)));
    assert!(local_storage().get_item(RECORD_KEY).unwrap().unwrap().starts_with("{\"schema_version\":3,"));
}

#[wasm_bindgen_test]
fn unreadable_data_is_reported_then_set_aside_not_deleted() {
    local_storage().clear().unwrap();
    let garbage = "{\"schema_version\":1,\"rec";
    local_storage().set_item(RECORD_KEY, garbage).unwrap();
    let store = LocalStore::open().unwrap();
    let result = store.load();
    assert!(matches!(result, Err(StoreError::Unreadable(_))), "{result:?}");
    // Reading never deletes what was there.
    assert_eq!(local_storage().get_item(RECORD_KEY).unwrap().as_deref(), Some(garbage));

    assert!(store.set_aside_unreadable("2026-03-04T05:06:07.008Z"));
    assert_eq!(store.load(), Ok(None), "the app can start afresh");
    assert_eq!(store.set_aside(), vec![("2026-03-04T05:06:07.008Z".to_owned(), garbage.to_owned())]);
}

#[wasm_bindgen_test]
fn saving_reports_the_characters_praxis_uses() {
    local_storage().clear().unwrap();
    local_storage().set_item("someone-else", &"x".repeat(1000)).unwrap();
    let store = LocalStore::open().unwrap();
    let used = store.save(&record_with("what-ai-is")).unwrap();
    let stored = local_storage().get_item(RECORD_KEY).unwrap().unwrap();
    assert_eq!(used, RECORD_KEY.len() + stored.len(), "only Praxis's own keys count");
}

#[wasm_bindgen_test]
fn a_full_store_refuses_the_write_and_keeps_the_previous_record() {
    let storage = local_storage();
    storage.clear().unwrap();
    let store = LocalStore::open().unwrap();
    let saved = record_with("what-ai-is");
    store.save(&saved).unwrap();
    let saved_text = storage.get_item(RECORD_KEY).unwrap();

    // Fill what is left of the quota with filler, in shrinking chunks.
    let mut chunk = 1 << 20;
    let mut filler = 0;
    while chunk >= 64 {
        if storage.set_item(&format!("filler-{filler}"), &"x".repeat(chunk)).is_ok() {
            filler += 1;
        } else {
            chunk /= 2;
        }
    }

    let bigger = record_with(&"long-module-id-".repeat(20));
    assert_eq!(store.save(&bigger), Err(StoreError::QuotaExceeded));
    assert_eq!(store.load(), Ok(Some(saved)));
    assert_eq!(storage.get_item(RECORD_KEY).unwrap(), saved_text, "not a byte of the saved record changed");
    storage.clear().unwrap();
}
