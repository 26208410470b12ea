//! The browser's record store against real IndexedDB in headless Chromium:
//! round trips, the compare-and-replace a save relies on, and the session's
//! rules over the real store (the same rules are tested natively against a
//! store that fails on demand, in `domain::session`).
#![cfg(target_arch = "wasm32")]

use praxis::domain::change::{Change, Moment};
use praxis::domain::curriculum;
use praxis::domain::session::{NotSaved, Saved, Session, Store, RECORD_KEY};
use praxis::domain::storage::{encode, SCHEMA_VERSION};
use praxis::web::storage::IdbStore;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: &str = "2026-03-04T05:06:07.008Z";
const MOMENT: Moment = Moment { now: NOW, today: "2026-03-04", random_hex: "0123456789abcdef0123456789abcdef" };

/// A fresh store: everything a previous test left is removed.
async fn empty_store() -> IdbStore {
    let store = IdbStore::open().await.expect("IndexedDB opens in Chromium");
    for key in store.keys().await.unwrap() {
        store.remove(&key).await.unwrap();
    }
    store
}

#[wasm_bindgen_test]
async fn values_round_trip_and_keys_are_listed() {
    let store = empty_store().await;
    assert_eq!(store.get("a").await, Ok(None));
    store.set("a", "é and \"quotes\"").await.unwrap();
    store.set("b", "2").await.unwrap();
    assert_eq!(store.get("a").await, Ok(Some("é and \"quotes\"".to_owned())));
    let reopened = IdbStore::open().await.unwrap();
    assert_eq!(reopened.keys().await.unwrap(), ["a", "b"]);
    reopened.remove("a").await.unwrap();
    assert_eq!(store.get("a").await, Ok(None));
}

#[wasm_bindgen_test]
async fn replace_writes_only_over_what_was_expected() {
    let store = empty_store().await;
    assert_eq!(store.replace("k", None, Some("first")).await, Ok(true));
    assert_eq!(store.replace("k", None, Some("again")).await, Ok(false), "something is there now");
    assert_eq!(store.replace("k", Some("stale"), Some("lost")).await, Ok(false));
    assert_eq!(store.get("k").await, Ok(Some("first".to_owned())));
    assert_eq!(store.replace("k", Some("first"), Some("second")).await, Ok(true));
    assert_eq!(store.replace("k", Some("second"), None).await, Ok(true));
    assert_eq!(store.get("k").await, Ok(None));
}

#[wasm_bindgen_test]
async fn a_session_saves_to_indexeddb_and_never_overwrites_a_newer_version() {
    let store = empty_store().await;
    let (session, opened) = Session::open(store, None, MOMENT).await;
    assert_eq!(opened.notice, None);
    let change = Change::BackupExported;
    let Ok(Saved::Stored { record, .. }) = session.apply(change.clone(), curriculum::catalogue(), MOMENT).await else {
        panic!("not stored")
    };
    let other = IdbStore::open().await.unwrap();
    assert_eq!(other.get(RECORD_KEY).await, Ok(Some(encode(&record))));

    let newer = format!(r#"{{"schema_version":{},"record":{{}}}}"#, SCHEMA_VERSION + 1);
    other.set(RECORD_KEY, &newer).await.unwrap();
    let outcome = session.apply(change, curriculum::catalogue(), MOMENT).await;
    assert!(matches!(outcome, Err(NotSaved::ReadOnly(_))), "{outcome:?}");
    assert_eq!(other.get(RECORD_KEY).await, Ok(Some(newer)));
}
