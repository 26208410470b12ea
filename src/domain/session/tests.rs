//! The session's rules, each against a store that fails on demand.

use super::memory::{ready, MemoryStore};
use super::*;
use crate::domain::change::{Change, Moment};
use crate::domain::curriculum;
use crate::domain::record::{CpdEntry, EntryType};
use crate::domain::storage::SCHEMA_VERSION;

const NOW: &str = "2026-12-02T09:00:00.000Z";
const HEX: &str = "0123456789abcdef0123456789abcdef";

fn moment(now: &str) -> Moment<'_> {
    Moment { now, today: &now[..10], random_hex: HEX }
}

fn entry(title: &str) -> Change {
    Change::SaveCpdEntry { entry: CpdEntry::new(String::new(), EntryType::Cpd, "2026-12-01", title, "") }
}

fn titles(record: &LearnerRecord) -> Vec<&str> {
    record.cpd.iter().map(|e| e.title.as_str()).collect()
}

fn stored(store: &MemoryStore) -> LearnerRecord {
    decode(&store.value(RECORD_KEY).expect("a record is stored")).unwrap()
}

fn open(store: &MemoryStore) -> (Session<&MemoryStore>, Opened) {
    ready(Session::open(store, None, moment(NOW)))
}

fn save(session: &Session<&MemoryStore>, change: Change) -> Result<Saved, NotSaved> {
    ready(session.apply(change, curriculum::catalogue(), moment(NOW)))
}

/// A record as a newer Praxis would store it.
fn newer_version_text() -> String {
    format!(r#"{{"schema_version":{},"record":{{"new_field":[1,2,3]}}}}"#, SCHEMA_VERSION + 1)
}

// Sessions are opened over `&MemoryStore` so each test can still look at
// and interfere with the store it gave away.
impl Store for &MemoryStore {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key).await
    }
    async fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value).await
    }
    async fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key).await
    }
    async fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys().await
    }
    async fn replace(&self, key: &str, expected: Option<&str>, value: Option<&str>) -> Result<bool, StoreError> {
        (**self).replace(key, expected, value).await
    }
}

#[test]
fn a_first_save_stores_the_change_and_gives_the_learner_an_id() {
    let store = MemoryStore::default();
    let (session, opened) = open(&store);
    assert_eq!((opened.record, opened.notice), (LearnerRecord::default(), None));
    let Ok(Saved::Stored { record, .. }) = save(&session, entry("Course")) else { panic!("not stored") };
    assert_eq!(titles(&record), ["Course"]);
    assert_eq!(stored(&store), record, "what the session reports is what is stored");
    assert_eq!(record.learner_id.len(), 36);
    assert_eq!(ready(session.reload()).unwrap(), record);
}

#[test]
fn a_failed_read_during_a_save_never_writes_and_makes_the_session_read_only() {
    let store = MemoryStore::default();
    let (session, _) = open(&store);
    save(&session, entry("Kept")).unwrap();
    let writes = store.writes();
    store.fail_read(1, StoreError::Failed("disk error".into()));
    let outcome = save(&session, entry("Lost?"));
    assert!(matches!(&outcome, Err(NotSaved::ReadOnly(why)) if why.contains("disk error")), "{outcome:?}");
    assert_eq!(store.writes(), writes, "nothing was written");
    assert_eq!(titles(&stored(&store)), ["Kept"]);
    // And from then on nothing is saved, not even once reads work again.
    assert!(matches!(save(&session, entry("Later")), Err(NotSaved::ReadOnly(_))));
    assert_eq!(store.writes(), writes);
    assert!(matches!(session.mode(), Mode::ReadOnly(_)));
}

#[test]
fn a_failed_or_refused_write_keeps_the_stored_record_and_the_session_usable() {
    for error in [StoreError::QuotaExceeded, StoreError::Failed("aborted".into())] {
        let store = MemoryStore::default();
        let (session, _) = open(&store);
        save(&session, entry("Kept")).unwrap();
        store.fail_write(1, error.clone());
        assert_eq!(save(&session, entry("Not kept")), Err(NotSaved::Store(error.clone())));
        assert_eq!(titles(&stored(&store)), ["Kept"]);
        assert!(session.is_writable(), "a failed write is not a reason to stop saving");
        assert!(matches!(save(&session, entry("Next")), Ok(Saved::Stored { .. })));
        assert_eq!(titles(&stored(&store)), ["Kept", "Next"]);
    }
}

#[test]
fn a_full_store_refuses_the_write_and_keeps_the_record() {
    let store = MemoryStore::default();
    let (session, _) = open(&store);
    save(&session, entry("Kept")).unwrap();
    store.set_quota(store.value(RECORD_KEY).unwrap().len() + 40);
    let outcome = save(&session, entry(&"long title ".repeat(20)));
    assert_eq!(outcome, Err(NotSaved::Store(StoreError::QuotaExceeded)));
    assert_eq!(titles(&stored(&store)), ["Kept"]);
}

/// Every read and write a save makes, failed in turn: the store holds
/// either the record before or the record after, and the outcome says
/// "stored" exactly when it holds the record after.
#[test]
fn every_failure_point_of_a_save_loses_nothing_and_claims_nothing() {
    for fail_reads in [false, true] {
        for n in 1..=4 {
            let store = MemoryStore::default();
            let (session, _) = open(&store);
            save(&session, entry("Before")).unwrap();
            let before = stored(&store);
            let error = StoreError::Failed(format!("failure {n}"));
            if fail_reads {
                store.fail_read(n, error);
            } else {
                store.fail_write(n, error);
            }
            let outcome = save(&session, entry("After"));
            let now = stored(&store);
            match outcome {
                Ok(Saved::Stored { record, .. }) => assert_eq!(record, now, "reads {fail_reads}, n {n}"),
                Ok(other) => panic!("{other:?}"),
                Err(_) => assert_eq!(now, before, "a failed save left the record as it was (n {n})"),
            }
            assert!(titles(&now).contains(&"Before"), "nothing saved earlier is lost");
        }
    }
}

#[test]
fn another_tab_writing_between_read_and_write_is_kept_and_the_change_reapplied() {
    let store = MemoryStore::default();
    let (session, _) = open(&store);
    save(&session, entry("Mine, first")).unwrap();
    // The other tab saves its own entry just before this tab's write.
    let mut theirs = stored(&store);
    theirs.cpd.push(CpdEntry::new("cpd-theirs".into(), EntryType::Cpd, "2026-12-01", "Theirs", NOW));
    let theirs = encode(&theirs);
    store.before_write(1, move |data| {
        data.insert(RECORD_KEY.into(), theirs.clone());
    });
    let Ok(Saved::Stored { record, .. }) = save(&session, entry("Mine, second")) else { panic!() };
    let mut saved = titles(&record);
    saved.sort_unstable();
    assert_eq!(saved, ["Mine, first", "Mine, second", "Theirs"]);
    assert_eq!(stored(&store), record);
}

#[test]
fn a_newer_version_writing_between_read_and_write_is_never_overwritten() {
    let store = MemoryStore::default();
    let (session, _) = open(&store);
    save(&session, entry("Old")).unwrap();
    let newer = newer_version_text();
    let written = newer.clone();
    store.before_write(1, move |data| {
        data.insert(RECORD_KEY.into(), written.clone());
    });
    let outcome = save(&session, entry("Stale"));
    let Err(NotSaved::ReadOnly(why)) = outcome else { panic!("{outcome:?}") };
    assert!(why.contains("newer version of Praxis") && why.contains("Reload"), "{why}");
    assert_eq!(store.value(RECORD_KEY), Some(newer), "the newer record is intact");
    assert!(ready(session.reload()).is_err());
}

#[test]
fn a_record_from_a_newer_version_is_kept_read_only_not_set_aside() {
    let newer = newer_version_text();
    let store = MemoryStore::with(&[(RECORD_KEY, &newer)]);
    let (session, opened) = open(&store);
    assert!(opened.notice.unwrap().contains("newer version of Praxis"));
    assert_eq!(store.writes(), 0, "nothing moved or written on opening");
    assert!(matches!(save(&session, entry("x")), Err(NotSaved::ReadOnly(_))));
    assert_eq!(store.writes(), 0);
    assert_eq!(store.value(RECORD_KEY), Some(newer));
    assert!(ready(session.set_aside_list()).unwrap().is_empty());
}

#[test]
fn unreadable_data_is_set_aside_listed_and_deletable_and_a_fresh_record_starts() {
    let store = MemoryStore::with(&[(RECORD_KEY, "{not json")]);
    let (session, opened) = open(&store);
    assert!(opened.notice.unwrap().contains("set aside, not deleted"));
    assert_eq!(store.value(RECORD_KEY), None);
    let list = ready(session.set_aside_list()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].at.as_str(), list[0].text.as_str()), (NOW, "{not json"));
    assert!(matches!(save(&session, entry("Fresh")), Ok(Saved::Stored { .. })));
    ready(session.delete_set_aside(&list[0].key)).unwrap();
    assert!(ready(session.set_aside_list()).unwrap().is_empty());
    assert!(ready(session.delete_set_aside(RECORD_KEY)).is_err(), "only set-aside data can be deleted this way");
    assert_eq!(titles(&stored(&store)), ["Fresh"]);
}

#[test]
fn unreadable_data_that_cannot_be_set_aside_stays_and_nothing_is_saved() {
    let store = MemoryStore::with(&[(RECORD_KEY, "{not json")]);
    store.fail_write(1, StoreError::QuotaExceeded);
    let (session, opened) = open(&store);
    assert!(opened.notice.unwrap().contains("could not be set aside"));
    assert_eq!(store.value(RECORD_KEY).as_deref(), Some("{not json"));
    assert!(matches!(save(&session, entry("x")), Err(NotSaved::ReadOnly(_))));
    assert_eq!(store.value(RECORD_KEY).as_deref(), Some("{not json"));
}

#[test]
fn a_failed_read_on_opening_is_read_only_and_never_treated_as_empty() {
    let store = MemoryStore::default();
    {
        let (session, _) = open(&store);
        save(&session, entry("Kept")).unwrap();
    }
    store.fail_read(1, StoreError::Failed("locked".into()));
    let (session, opened) = open(&store);
    assert!(opened.notice.unwrap().contains("locked"));
    assert!(matches!(save(&session, entry("x")), Err(NotSaved::ReadOnly(_))));
    assert_eq!(titles(&stored(&store)), ["Kept"]);
}

#[test]
fn without_storage_changes_last_for_the_visit_and_are_never_called_stored() {
    let store = MemoryStore::default();
    let session = Session::visit_only(&store, "no storage".into());
    let first = save(&session, entry("One")).unwrap();
    let Saved::ForThisVisit { record, .. } = save(&session, entry("Two")).unwrap() else { panic!("{first:?}") };
    assert_eq!(titles(&record), ["One", "Two"]);
    assert_eq!(store.writes(), 0);
    assert_eq!(ready(session.reload()).unwrap(), record);
}

#[test]
fn a_change_that_cannot_apply_writes_nothing() {
    let store = MemoryStore::default();
    let (session, _) = open(&store);
    save(&session, entry("Kept")).unwrap();
    let writes = store.writes();
    let outcome = save(&session, Change::DeleteCpdEntry { id: "no-such-entry".into() });
    assert!(matches!(outcome, Err(NotSaved::Change(_))), "{outcome:?}");
    assert_eq!(store.writes(), writes);
    assert!(session.is_writable());
}

/// Today's record in localStorage moves into the store once; a record an
/// older tab writes there later is merged in, keeping both sides' work.
#[test]
fn a_legacy_record_is_brought_in_once_and_late_writes_are_merged() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let legacy = std::fs::read_to_string(fixtures.join("record-v3-localstorage.json")).unwrap();
    let expected = decode(&legacy).unwrap();

    let store = MemoryStore::default();
    let (session, opened) = ready(Session::open(&store, Some(&legacy), moment(NOW)));
    assert_eq!((opened.notice, opened.legacy_absorbed), (None, true));
    assert_eq!(opened.record, expected, "brought in unchanged");
    assert_eq!(stored(&store), expected);

    save(&session, entry("Written after the move")).unwrap();
    // An older tab, still open, saves its stale copy with one new entry.
    let mut stale = expected.clone();
    stale.cpd.push(CpdEntry::new("cpd-old-tab".into(), EntryType::Cpd, "2026-12-02", "From the old tab", NOW));
    let late = crate::domain::storage::encode(&stale);
    let merged = ready(session.absorb_late_legacy(&late, moment(NOW))).unwrap().record;
    let titles = titles(&merged);
    assert!(titles.contains(&"Written after the move") && titles.contains(&"From the old tab"), "{titles:?}");
    assert_eq!(stored(&store), merged);
}

#[test]
fn a_legacy_record_from_a_newer_version_is_left_alone() {
    let store = MemoryStore::default();
    let (session, opened) = ready(Session::open(&store, Some(&newer_version_text()), moment(NOW)));
    assert_eq!((opened.record, opened.legacy_absorbed), (LearnerRecord::default(), false), "kept where it is");
    assert_eq!(store.writes(), 0);
    assert!(session.is_writable());
}

#[test]
fn an_unreadable_legacy_record_is_set_aside_and_may_then_be_forgotten() {
    let store = MemoryStore::default();
    let (_, opened) = ready(Session::open(&store, Some("{garbage"), moment(NOW)));
    assert!(opened.legacy_absorbed && opened.notice.unwrap().contains("set aside"));
    assert_eq!(store.value(&format!("{SET_ASIDE_PREFIX}{NOW}")).as_deref(), Some("{garbage"));

    let full = MemoryStore::default();
    full.fail_write(1, StoreError::QuotaExceeded);
    let (_, opened) = ready(Session::open(&full, Some("{garbage"), moment(NOW)));
    assert!(!opened.legacy_absorbed, "not kept anywhere else, so the old copy must stay");
}
