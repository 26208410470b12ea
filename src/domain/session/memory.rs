//! An in-memory [`Store`] that fails on demand, so every failure point of
//! a save can be tested without a browser: the Nth read or write fails, a
//! quota fills, or "another tab" writes between two calls.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::Store;
use crate::domain::storage::StoreError;

/// What to do just before a call reaches the data.
type Interference = Box<dyn FnMut(&mut BTreeMap<String, String>)>;

#[derive(Default)]
pub struct MemoryStore {
    pub data: RefCell<BTreeMap<String, String>>,
    faults: RefCell<Faults>,
}

#[derive(Default)]
struct Faults {
    reads: usize,
    writes: usize,
    fail_read: Option<(usize, StoreError)>,
    fail_write: Option<(usize, StoreError)>,
    /// Characters the store holds at most (keys and values).
    quota: Option<usize>,
    /// Runs once, before the Nth write: another tab writing in between.
    before_write: Option<(usize, Interference)>,
}

impl MemoryStore {
    pub fn with(entries: &[(&str, &str)]) -> MemoryStore {
        let store = MemoryStore::default();
        store.data.borrow_mut().extend(entries.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        store
    }

    /// The `n`th read from now on (1 = the next) fails with `error`.
    pub fn fail_read(&self, n: usize, error: StoreError) {
        let mut faults = self.faults.borrow_mut();
        faults.fail_read = Some((faults.reads + n, error));
    }

    /// The `n`th write from now on (1 = the next) fails with `error`.
    pub fn fail_write(&self, n: usize, error: StoreError) {
        let mut faults = self.faults.borrow_mut();
        faults.fail_write = Some((faults.writes + n, error));
    }

    /// Holds at most `chars` characters; a write beyond that is refused.
    pub fn set_quota(&self, chars: usize) {
        self.faults.borrow_mut().quota = Some(chars);
    }

    /// Just before the `n`th write from now on, `interfere` changes the
    /// data, as another tab or version saving at that moment would.
    pub fn before_write(&self, n: usize, interfere: impl FnMut(&mut BTreeMap<String, String>) + 'static) {
        let mut faults = self.faults.borrow_mut();
        faults.before_write = Some((faults.writes + n, Box::new(interfere)));
    }

    pub fn value(&self, key: &str) -> Option<String> {
        self.data.borrow().get(key).cloned()
    }

    pub fn writes(&self) -> usize {
        self.faults.borrow().writes
    }

    fn read(&self) -> Result<(), StoreError> {
        let mut faults = self.faults.borrow_mut();
        faults.reads += 1;
        match &faults.fail_read {
            Some((n, error)) if *n == faults.reads => Err(error.clone()),
            _ => Ok(()),
        }
    }

    /// Counts a write, lets any interference happen, then fails it if asked.
    fn write(&self) -> Result<(), StoreError> {
        let count = {
            let mut faults = self.faults.borrow_mut();
            faults.writes += 1;
            faults.writes
        };
        let interference = {
            let mut faults = self.faults.borrow_mut();
            match faults.before_write.take() {
                Some((n, interfere)) if n == count => Some(interfere),
                other => {
                    faults.before_write = other;
                    None
                }
            }
        };
        if let Some(mut interfere) = interference {
            interfere(&mut self.data.borrow_mut());
        }
        match &self.faults.borrow().fail_write {
            Some((n, error)) if *n == count => Err(error.clone()),
            _ => Ok(()),
        }
    }

    fn fits(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let Some(quota) = self.faults.borrow().quota else { return Ok(()) };
        let data = self.data.borrow();
        let others: usize = data.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
        if others + key.len() + value.len() > quota {
            return Err(StoreError::QuotaExceeded);
        }
        Ok(())
    }
}

impl Store for MemoryStore {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.read()?;
        Ok(self.value(key))
    }

    async fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write()?;
        self.fits(key, value)?;
        self.data.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    async fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.write()?;
        self.data.borrow_mut().remove(key);
        Ok(())
    }

    async fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.read()?;
        Ok(self.data.borrow().keys().cloned().collect())
    }

    async fn replace(&self, key: &str, expected: Option<&str>, value: Option<&str>) -> Result<bool, StoreError> {
        self.write()?;
        if self.value(key).as_deref() != expected {
            return Ok(false);
        }
        match value {
            Some(value) => {
                self.fits(key, value)?;
                self.data.borrow_mut().insert(key.to_owned(), value.to_owned())
            }
            None => self.data.borrow_mut().remove(key),
        };
        Ok(true)
    }
}

/// Runs a future that never waits, as everything over a [`MemoryStore`] is.
pub fn ready<T>(future: impl Future<Output = T>) -> T {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("a MemoryStore future never waits"),
    }
}
