//! The app's one piece of shared state: the learner's record as a signal
//! over the domain's [`Session`], and what the learner must be told about
//! storing it. The rules that keep the record safe are the session's;
//! this file only turns its outcomes into signals.

use std::rc::Rc;

use leptos::prelude::*;

use super::browser::{mark, now_iso, today};
use super::storage::{
    forget_legacy_record, forget_legacy_set_aside, legacy_record, legacy_set_aside, other_tab, request_persistence,
    share_of_quota, signal_saved, IdbStore, OtherTab,
};
use crate::domain::change::{Applied, Change, Moment};
use crate::domain::curriculum;
use crate::domain::record::LearnerRecord;
use crate::domain::session::{Mode, NotSaved, Opened, Saved, Session, SetAside};
use crate::domain::storage::{StoreError, SCHEMA_VERSION};

/// From this share of the browser's quota on, the learner is asked to export.
const STORAGE_WARNING_SHARE: f64 = 0.7;

type BrowserSession = Rc<Session<IdbStore>>;

/// Pages read these signals and change the record only through
/// [`AppState::apply`]: the setters are private, so the compiler keeps
/// every change going through the session.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The record as stored (or, without storage, as kept for this visit).
    pub record: ReadSignal<LearnerRecord>,
    /// Why changes may not be kept, shown on every page.
    pub storage_problem: ReadSignal<Option<String>>,
    /// Storage is filling up.
    pub storage_warning: ReadSignal<Option<String>>,
    /// Unreadable data that was set aside.
    pub set_aside: ReadSignal<Vec<SetAside>>,
    set_record: WriteSignal<LearnerRecord>,
    set_storage_problem: WriteSignal<Option<String>>,
    set_storage_warning: WriteSignal<Option<String>>,
    set_set_aside: WriteSignal<Vec<SetAside>>,
    session: StoredValue<BrowserSession, LocalStorage>,
}

/// What became of a change, for the page that made it.
pub type Outcome = Result<Applied, NotSaved>;

impl AppState {
    /// Opens the stored record (bringing in one an earlier version kept in
    /// localStorage) and starts listening for other tabs' saves.
    pub async fn open() -> AppState {
        mark("praxis:load-start");
        let now = Now::read();
        let moment = now.moment();
        let (session, opened) = match IdbStore::open().await {
            Ok(store) => {
                let legacy = legacy_record();
                let (session, opened) = Session::open(store, legacy.as_deref(), moment).await;
                // Only once it is safely kept in IndexedDB is the old copy forgotten.
                if opened.legacy_absorbed {
                    forget_legacy_record();
                }
                for (at, text) in legacy_set_aside() {
                    if session.keep_set_aside(&at, &text).await.is_ok() {
                        forget_legacy_set_aside(&at);
                    }
                }
                (session, opened)
            }
            Err(error) => (Session::visit_only(IdbStore::missing(), error.to_string()), Opened::default()),
        };
        mark("praxis:record-opened");
        let notice = match session.mode() {
            Mode::VisitOnly(why) => Some(why),
            _ => opened.notice,
        };
        let set_aside = session.set_aside_list().await.unwrap_or_default();
        let (record, set_record) = signal(opened.record);
        let (storage_problem, set_storage_problem) = signal(notice);
        let (storage_warning, set_storage_warning) = signal(None);
        let (set_aside, set_set_aside) = signal(set_aside);
        let state = AppState {
            record,
            storage_problem,
            storage_warning,
            set_aside,
            set_record,
            set_storage_problem,
            set_storage_warning,
            set_set_aside,
            session: StoredValue::new_local(Rc::new(session)),
        };
        request_persistence();
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            let session = state.session.get_value();
            match other_tab(&event) {
                OtherTab::Saved => leptos::task::spawn_local(async move {
                    let reloaded = session.reload().await;
                    state.show(reloaded.map(|record| (record, true)));
                }),
                OtherTab::WroteLegacyRecord(text) => leptos::task::spawn_local(async move {
                    if let Some(opened) = session.absorb_late_legacy(&text, Now::read().moment()).await {
                        if opened.legacy_absorbed {
                            forget_legacy_record();
                        }
                        state.set_record.set(opened.record);
                    }
                }),
                OtherTab::Nothing => {}
            }
        });
        state
    }

    /// Applies `change` to the record as stored and saves it; `done` hears
    /// what became of it once the write is durable (or has failed). If it
    /// was not stored, the record on screen is unchanged, forms keep what
    /// the learner typed, and every page says why.
    pub fn apply(&self, change: Change, done: impl FnOnce(Outcome) + 'static) {
        let state = *self;
        let session = self.session.get_value();
        leptos::task::spawn_local(async move {
            let now = Now::read();
            let outcome = session.apply(change, curriculum::catalogue(), now.moment()).await;
            let outcome = match outcome {
                Ok(Saved::Stored { record, effect }) => {
                    signal_saved(SCHEMA_VERSION, &now.at);
                    state.show(Ok((record, true)));
                    state.check_quota();
                    Ok(effect)
                }
                Ok(Saved::ForThisVisit { record, .. }) => {
                    state.show(Ok((record, false)));
                    Err(NotSaved::Store(StoreError::Unavailable))
                }
                Err(not_saved) => {
                    state.show(Err(not_saved.clone()));
                    Err(not_saved)
                }
            };
            done(outcome);
        });
    }

    /// Applies `change` when the page has nothing to say about the outcome
    /// (a failure is still shown at the top of every page).
    pub fn apply_quietly(&self, change: Change) {
        self.apply(change, |_| {});
    }

    /// Deletes set-aside data the learner has downloaded or imported.
    pub fn delete_set_aside(&self, key: String) {
        let state = *self;
        let session = self.session.get_value();
        leptos::task::spawn_local(async move {
            match session.delete_set_aside(&key).await {
                Ok(()) => state.set_set_aside.update(|list| list.retain(|item| item.key != key)),
                Err(error) => state.set_storage_problem.set(Some(error.to_string())),
            }
        });
    }

    /// Shows a record the session returned, or why nothing was saved.
    fn show(&self, outcome: Result<(LearnerRecord, bool), NotSaved>) {
        match outcome {
            Ok((record, stored)) => {
                self.set_record.set(record);
                if stored {
                    self.set_storage_problem.set(None);
                }
            }
            Err(NotSaved::Change(_)) => {}
            Err(not_saved) => self.set_storage_problem.set(Some(not_saved.to_string())),
        }
    }

    fn check_quota(&self) {
        let warning = self.set_storage_warning;
        leptos::task::spawn_local(async move {
            let share = share_of_quota().await.unwrap_or(0.0);
            warning.set((share >= STORAGE_WARNING_SHARE).then(|| {
                format!(
                    "Praxis is using {:.0} % of the space this browser gives it. Export a backup now, so nothing is \
                     lost if it fills up.",
                    share * 100.0
                )
            }));
        });
    }
}

/// The browser's clock and randomness, read once for a change.
struct Now {
    at: String,
    day: String,
    /// 32 random hex digits, for a new learner's opaque id.
    random_hex: String,
}

impl Now {
    fn read() -> Now {
        let random_hex = (0..32).map(|_| format!("{:x}", (js_sys::Math::random() * 16.0) as u8)).collect();
        Now { at: now_iso(), day: today().to_string(), random_hex }
    }

    fn moment(&self) -> Moment<'_> {
        Moment { now: &self.at, today: &self.day, random_hex: &self.random_hex }
    }
}

/// Words for a page to show after a change: `saved` only if it was stored.
pub fn describe(outcome: &Outcome, saved: impl FnOnce(&Applied) -> String) -> String {
    match outcome {
        Ok(effect) => saved(effect),
        Err(NotSaved::Store(StoreError::Unavailable)) => {
            "Not saved: this browser is not letting Praxis keep anything, \
                                                          so this lasts only until you close the tab."
                .to_owned()
        }
        Err(not_saved) => not_saved.to_string(),
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
