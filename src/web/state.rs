//! The app's one piece of shared state: the learner's record, and what
//! the learner must be told about storing it.

use leptos::prelude::*;

use super::browser::{mark, now_iso};
use super::storage::{is_record_change, request_persistence, LocalStore};
use crate::domain::record::LearnerRecord;
use crate::domain::storage::{learner_id_from, share_of_budget, StoreError, STORAGE_WARNING_SHARE};

#[derive(Clone, Copy)]
pub struct AppState {
    /// The record as saved (or, without storage, as kept for this visit).
    pub record: RwSignal<LearnerRecord>,
    /// Why changes may not be kept, shown on every page.
    pub storage_problem: RwSignal<Option<String>>,
    /// Storage is filling up.
    pub storage_warning: RwSignal<Option<String>>,
    /// Unreadable data that was set aside, as `(when, text)`.
    pub set_aside: RwSignal<Vec<(String, String)>>,
    /// The saved data could not be read or set aside: saving would
    /// overwrite it, so nothing is saved this visit.
    read_only: RwSignal<bool>,
    /// The browser gives Praxis no usable storage: changes live for this
    /// visit only.
    no_storage: RwSignal<bool>,
}

impl AppState {
    /// Loads the saved record. Unreadable data is set aside and kept; the
    /// app carries on with an empty record and tells the learner.
    pub fn load() -> AppState {
        mark("praxis:load-start");
        let state = AppState {
            record: RwSignal::new(LearnerRecord::default()),
            storage_problem: RwSignal::new(None),
            storage_warning: RwSignal::new(None),
            set_aside: RwSignal::new(Vec::new()),
            read_only: RwSignal::new(false),
            no_storage: RwSignal::new(false),
        };
        let store = LocalStore::open().and_then(|store| match store.check_writable() {
            Err(StoreError::Unavailable) => Err(StoreError::Unavailable),
            Err(full) => {
                state.storage_problem.set(Some(full.to_string()));
                Ok(store)
            }
            Ok(()) => Ok(store),
        });
        match store {
            Err(error) => {
                state.no_storage.set(true);
                state.storage_problem.set(Some(error.to_string()));
            }
            Ok(store) => {
                match store.load() {
                    Ok(record) => state.record.set(record.unwrap_or_default()),
                    Err(StoreError::Unreadable(reason)) if store.set_aside_unreadable(&now_iso()) => {
                        state.storage_problem.set(Some(format!(
                            "Your saved Praxis data could not be read ({reason}). It has been set aside, not deleted: \
                             download it below and keep it. Praxis has started a fresh record."
                        )));
                    }
                    Err(error) => {
                        state.read_only.set(true);
                        state.storage_problem.set(Some(format!(
                            "{error}. To keep it safe, Praxis will not save anything during this visit."
                        )));
                    }
                }
                state.set_aside.set(store.set_aside());
                request_persistence();
                // Another tab saved: show its changes here too.
                let _ = window_event_listener(leptos::ev::storage, move |event| {
                    if is_record_change(&event) {
                        if let Ok(Some(record)) = LocalStore::open().and_then(|store| store.load()) {
                            state.record.set(record);
                        }
                    }
                });
            }
        }
        state
    }

    /// Applies `change` to the record and saves it.
    ///
    /// The change is applied to the record as currently stored, not to
    /// this tab's copy, so changes made in another tab are not undone.
    /// If saving fails, nothing changes (the record on screen stays what
    /// is saved, and forms keep what the learner typed) and the learner is
    /// told why. Without any storage, changes live for this visit only.
    pub fn update(&self, change: impl FnOnce(&mut LearnerRecord)) -> Result<(), StoreError> {
        if self.no_storage.get_untracked() || self.read_only.get_untracked() {
            self.record.update(change);
            return Ok(());
        }
        let store = LocalStore::open()?;
        let mut record = store.load().ok().flatten().unwrap_or_else(|| self.record.get_untracked());
        change(&mut record);
        if record.learner_id.is_empty() {
            record.learner_id = random_learner_id();
        }
        match store.save(&record) {
            Ok(used) => {
                self.record.set(record);
                self.storage_problem.set(None);
                let share = share_of_budget(used);
                self.storage_warning.set((share >= STORAGE_WARNING_SHARE).then(|| {
                    format!(
                        "Praxis is using {:.0} % of the space this browser gives it. Export a backup now, so nothing \
                         is lost if it fills up.",
                        share * 100.0
                    )
                }));
                Ok(())
            }
            Err(error) => {
                self.storage_problem.set(Some(error.to_string()));
                Err(error)
            }
        }
    }
}

/// A random opaque id for a learner's first saved record.
fn random_learner_id() -> String {
    let hex: String = (0..32).map(|_| format!("{:x}", (js_sys::Math::random() * 16.0) as u8)).collect();
    learner_id_from(&hex)
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
