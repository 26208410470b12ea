//! The learner's record over a key-value [`Store`]: loading, saving a
//! [`Change`], setting unreadable data aside, and knowing when saving
//! would be unsafe. The rules that keep the record safe live here, with
//! no web types, so they are tested natively against a store that fails
//! on demand (`memory::MemoryStore`). The browser's store is one small
//! adapter (`web::storage`).
//!
//! The rules:
//! - a save reads the stored record, applies the change to it and writes
//!   it back only if nothing else wrote in between ([`Store::replace`]);
//!   if something did, it reads again and re-applies the change;
//! - a stored record that cannot be read is never written over: unreadable
//!   data is set aside before a fresh record starts, and a record written by
//!   a newer Praxis makes this session read-only;
//! - every outcome says whether it was stored: only [`Saved::Stored`] is a save.

use std::cell::RefCell;

use super::change::{self, Applied, Change, ChangeError, Moment};
use super::module::Catalogue;
use super::record::LearnerRecord;
use super::storage::{decode, encode, StoreError};

#[cfg(test)]
pub mod memory;
#[cfg(test)]
mod tests;

/// Where the record lives in the store.
pub const RECORD_KEY: &str = "record";
/// Unreadable data set aside, one key per time it happened.
pub const SET_ASIDE_PREFIX: &str = "unreadable.";

/// A place that keeps text by key. Reads and writes may be asynchronous
/// (IndexedDB is); a write is reported done only once it is durable.
// The app is single-threaded wasm: nothing awaits these on another thread.
#[allow(async_fn_in_trait)]
pub trait Store {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    async fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    async fn remove(&self, key: &str) -> Result<(), StoreError>;
    async fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// Writes `value` (or, for `None`, removes the key) only if `key`
    /// still holds `expected` (`None`: nothing), as one atomic step;
    /// returns whether it wrote. This is how a save notices another tab's
    /// write between its read and its write.
    async fn replace(&self, key: &str, expected: Option<&str>, value: Option<&str>) -> Result<bool, StoreError>;
}

/// Whether changes can be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Writable,
    /// Saving would overwrite something that must be kept; the reason is
    /// for the learner.
    ReadOnly(String),
    /// The browser gives no storage: changes last until the tab closes.
    VisitOnly(String),
}

/// Unreadable data that was set aside, to download, import or delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    /// When it was set aside (RFC 3339), from its key.
    pub at: String,
    pub text: String,
}

/// What opening the session found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Opened {
    pub record: LearnerRecord,
    /// Something the learner must be told about their stored data.
    pub notice: Option<String>,
    /// The legacy record given to [`Session::open`] is now safely kept
    /// (in the record or set aside), so its old copy may be deleted.
    pub legacy_absorbed: bool,
}

/// What became of a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Applied and durably stored.
    Stored { record: LearnerRecord, effect: Applied },
    /// Applied for this visit only: the browser gives no storage.
    ForThisVisit { record: LearnerRecord, effect: Applied },
}

/// Why a change was not stored. The stored record is as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSaved {
    /// The change itself cannot apply (e.g. its entry was deleted).
    Change(ChangeError),
    /// The store failed or refused; the session stays usable.
    Store(StoreError),
    /// The session is read-only, for the reason given.
    ReadOnly(String),
    /// Other writes kept coming in between; try again.
    Busy,
}

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotSaved::Change(error) => write!(f, "Not saved: {error}."),
            NotSaved::Store(error) => write!(f, "Not saved. {error}"),
            NotSaved::ReadOnly(why) => write!(f, "Not saved. {why}"),
            NotSaved::Busy => write!(f, "Not saved: another tab kept saving at the same moment. Try again."),
        }
    }
}

/// How many times a save re-reads after another write got in first.
const MAX_ATTEMPTS: usize = 8;

pub struct Session<S: Store> {
    store: S,
    mode: RefCell<Mode>,
    /// The record of a visit without storage.
    visit_record: RefCell<LearnerRecord>,
}

impl<S: Store> Session<S> {
    /// A session that keeps nothing: the browser gives no storage.
    pub fn visit_only(store: S, why: String) -> Session<S> {
        Session { store, mode: RefCell::new(Mode::VisitOnly(why)), visit_record: RefCell::default() }
    }

    /// Opens the stored record. `legacy` is a record an earlier Praxis
    /// kept elsewhere (localStorage): it is brought in once, merged with
    /// what is stored if both exist, and the caller may then delete it.
    /// Unreadable data is set aside (stamped `at`) and a fresh record
    /// begun; if it cannot be set aside, or a newer Praxis wrote the
    /// record, the session is read-only and the stored text untouched.
    pub async fn open(store: S, legacy: Option<&str>, moment: Moment<'_>) -> (Session<S>, Opened) {
        let session = Session { store, mode: RefCell::new(Mode::Writable), visit_record: RefCell::default() };
        let opened = session.load(moment.now).await;
        let opened = match (legacy, session.is_writable()) {
            (Some(legacy), true) => session.absorb_legacy(legacy, opened, moment).await,
            _ => opened,
        };
        (session, opened)
    }

    async fn load(&self, at: &str) -> Opened {
        let text = match self.store.get(RECORD_KEY).await {
            Ok(text) => text,
            Err(error) => return self.read_only_notice(format!("{error}")),
        };
        let Some(text) = text else { return Opened { record: LearnerRecord::default(), ..Opened::default() } };
        match decode(&text) {
            Ok(record) => Opened { record, ..Opened::default() },
            Err(newer @ StoreError::WrittenByNewer(_)) => self.read_only_notice(newer.to_string()),
            Err(error) => match self.set_aside(&text, at).await {
                Ok(()) => Opened {
                    notice: Some(format!(
                        "{error}. It has been set aside, not deleted: download it or import it back from the \
                         Export page. Praxis has started a fresh record."
                    )),
                    ..Opened::default()
                },
                Err(why) => self.read_only_notice(format!("{error}, and it could not be set aside ({why})")),
            },
        }
    }

    fn read_only_notice(&self, why: String) -> Opened {
        let why = format!("{why} To keep it safe, Praxis will not save anything in this tab.");
        *self.mode.borrow_mut() = Mode::ReadOnly(why.clone());
        Opened { notice: Some(why), ..Opened::default() }
    }

    /// Copies unreadable `text` under its own key, then removes it from the
    /// record's place only if it is still what is there.
    async fn set_aside(&self, text: &str, at: &str) -> Result<(), StoreError> {
        self.keep_set_aside(at, text).await?;
        // If another tab replaced it meanwhile, that newer text stays.
        self.store.replace(RECORD_KEY, Some(text), None).await.map(|_| ())
    }

    /// Brings a legacy record in: as the record if nothing is stored, else
    /// merged in (lists keep both, so nothing either side wrote is lost).
    async fn absorb_legacy(&self, legacy: &str, opened: Opened, moment: Moment<'_>) -> Opened {
        let incoming = match decode(legacy) {
            Ok(record) => record,
            // Not ours to read or to move: left where it is.
            Err(StoreError::WrittenByNewer(_)) => return opened,
            Err(error) => {
                return match self.keep_set_aside(moment.now, legacy).await {
                    Ok(()) => Opened {
                        notice: Some(format!("{error}. It has been set aside, not deleted.")),
                        legacy_absorbed: true,
                        ..opened
                    },
                    Err(why) => Opened {
                        notice: Some(format!("{error}. It could not be set aside ({why}) and is left where it was.")),
                        ..opened
                    },
                };
            }
        };
        let change = Change::Import { incoming: Box::new(incoming), choices: Default::default() };
        match self.apply(change, &Catalogue::default(), moment).await {
            Ok(Saved::Stored { record, .. } | Saved::ForThisVisit { record, .. }) => {
                Opened { record, legacy_absorbed: true, ..opened }
            }
            Err(error) => Opened { notice: Some(error.to_string()), ..opened },
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode.borrow().clone()
    }

    pub fn is_writable(&self) -> bool {
        *self.mode.borrow() == Mode::Writable
    }

    /// Applies `change` to the record as stored and stores the result.
    pub async fn apply(&self, change: Change, catalogue: &Catalogue, moment: Moment<'_>) -> Result<Saved, NotSaved> {
        match self.mode() {
            Mode::ReadOnly(why) => return Err(NotSaved::ReadOnly(why)),
            Mode::VisitOnly(_) => {
                let mut record = self.visit_record.borrow().clone();
                let effect = change::apply(&mut record, change, catalogue, moment).map_err(NotSaved::Change)?;
                *self.visit_record.borrow_mut() = record.clone();
                return Ok(Saved::ForThisVisit { record, effect });
            }
            Mode::Writable => {}
        }
        for _ in 0..MAX_ATTEMPTS {
            let stored = self.store.get(RECORD_KEY).await.map_err(|error| self.refuse(error))?;
            let mut record = match stored.as_deref().map(decode).transpose() {
                Ok(record) => record.unwrap_or_default(),
                Err(error) => return Err(self.refuse(error)),
            };
            let effect = change::apply(&mut record, change.clone(), catalogue, moment).map_err(NotSaved::Change)?;
            let text = encode(&record);
            if self.store.replace(RECORD_KEY, stored.as_deref(), Some(&text)).await.map_err(NotSaved::Store)? {
                return Ok(Saved::Stored { record, effect });
            }
        }
        Err(NotSaved::Busy)
    }

    /// A read failed, or found what this version must not overwrite: from
    /// now on nothing is written, and the learner is told why.
    fn refuse(&self, error: StoreError) -> NotSaved {
        let why = match &error {
            StoreError::WrittenByNewer(_) => error.to_string(),
            _ => format!("Praxis could not read your saved record before saving ({error}), so it saved nothing."),
        };
        let why = format!("{why} To keep it safe, Praxis will not save anything in this tab until you reload.");
        *self.mode.borrow_mut() = Mode::ReadOnly(why.clone());
        NotSaved::ReadOnly(why)
    }

    /// Reads the stored record again (another tab saved). A record this
    /// version cannot read makes the session read-only.
    pub async fn reload(&self) -> Result<LearnerRecord, NotSaved> {
        if let Mode::VisitOnly(_) = self.mode() {
            return Ok(self.visit_record.borrow().clone());
        }
        let stored = self.store.get(RECORD_KEY).await.map_err(|error| self.refuse(error))?;
        match stored.as_deref().map(decode).transpose() {
            Ok(record) => Ok(record.unwrap_or_default()),
            Err(error) => Err(self.refuse(error)),
        }
    }

    /// Another Praxis wrote a legacy record after this one took over (a
    /// tab left open on an older version): merge it in, keeping both.
    pub async fn absorb_late_legacy(&self, legacy: &str, moment: Moment<'_>) -> Option<Opened> {
        if !self.is_writable() {
            return None;
        }
        let opened = Opened { record: self.reload().await.ok()?, ..Opened::default() };
        Some(self.absorb_legacy(legacy, opened, moment).await)
    }

    /// Everything set aside, oldest first.
    pub async fn set_aside_list(&self) -> Result<Vec<SetAside>, StoreError> {
        let mut list = Vec::new();
        for key in self.store.keys().await? {
            let Some(at) = key.strip_prefix(SET_ASIDE_PREFIX) else { continue };
            if let Some(text) = self.store.get(&key).await? {
                list.push(SetAside { at: at.to_owned(), key: key.clone(), text });
            }
        }
        list.sort_by(|a, b| a.at.cmp(&b.at));
        Ok(list)
    }

    /// Keeps `text` as data set aside at `at` (also for what an earlier
    /// Praxis set aside elsewhere).
    pub async fn keep_set_aside(&self, at: &str, text: &str) -> Result<(), StoreError> {
        self.store.set(&format!("{SET_ASIDE_PREFIX}{at}"), text).await
    }

    /// Deletes set-aside data the learner no longer needs.
    pub async fn delete_set_aside(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(SET_ASIDE_PREFIX) {
            return Err(StoreError::Failed(format!("“{key}” is not set-aside data")));
        }
        self.store.remove(key).await
    }
}
