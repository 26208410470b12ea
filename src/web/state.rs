//! The app's one piece of shared state: the learner's record, and what
//! the learner must be told about storing it.

use leptos::prelude::*;

use super::storage::LocalStore;
use crate::domain::record::LearnerRecord;
use crate::domain::storage::{RecordStore, StoreError};

#[derive(Clone, Copy)]
pub struct AppState {
    pub record: RwSignal<LearnerRecord>,
    /// Why recent changes may not be kept, shown on every page.
    pub storage_problem: RwSignal<Option<String>>,
}

impl AppState {
    /// Loads the saved record. Any problem is shown to the learner and
    /// the app carries on with an empty record in memory; nothing saved
    /// is overwritten until the learner changes something.
    pub fn load() -> AppState {
        let (record, problem) = match LocalStore::open().and_then(|store| store.load()) {
            Ok(record) => (record.unwrap_or_default(), None),
            Err(error) => (LearnerRecord::default(), Some(error.to_string())),
        };
        AppState { record: RwSignal::new(record), storage_problem: RwSignal::new(problem) }
    }

    /// Changes the record and saves it. If saving fails the change is
    /// still shown for this visit, the saved copy is left as it was, and
    /// the learner is told.
    pub fn update(&self, change: impl FnOnce(&mut LearnerRecord)) {
        let mut record = self.record.get_untracked();
        change(&mut record);
        let saved = LocalStore::open().and_then(|store| store.save(&record));
        self.storage_problem.set(saved.err().map(|error: StoreError| error.to_string()));
        self.record.set(record);
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
