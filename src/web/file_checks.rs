//! Checking staff files for the roll-up in Web Workers, off the page's
//! thread and on every core. Both ends of the exchange are here, so they
//! cannot drift: [`serve`] runs in each worker (the `praxis-file-checker`
//! wasm, which Trunk builds from `tools.html`), [`check_all`] on the page.
//! The check itself is the domain's ([`check_read`]), the same as the CLI's.
//!
//! A browser that cannot start the workers (or a worker that fails) costs
//! speed, not results: what is left is checked on the page, as before.
//!
//! The exchange, in plain JS values so files cross without copying:
//! - worker → page, once: `"ready"`;
//! - page → worker: `[refresh_months, today, [item, …], number]`, each item
//!   a `File` to read, or `[name, text, unreadable]` for a file read earlier
//!   (its text, or else why it could not be read);
//! - worker → page: `[number, [[checked_json, bytes_or_undefined, unreadable_or_undefined], …]]`,
//!   one per item in order; for a `File` read as UTF-8 text, its bytes (an
//!   `ArrayBuffer`, handed over rather than copied), which the page keeps;
//!   `[number, undefined]` if the answer could not be sent, and the page
//!   checks that batch itself.
//!
//! The `File`s go to the workers unread. Cloning one into a message makes
//! the page wait on the browser's own process for the file's size (so
//! does reading it on the page, which must check the size first); with
//! every core busy that wait is most of the page's time, and it is the
//! same either way, so the reading is left to the workers.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent, SubtleCrypto, Worker, WorkerGlobalScope};

use super::browser::{read_text, start_reading, text_of_buffer, today, yield_to_browser};
use crate::domain::digest::{hex, sha256_hex};
use crate::domain::employer::kept::KeptFile;
use crate::domain::employer::{check_read, check_until_digest, CheckedFile, Checking};
use crate::domain::{curriculum, timestamp};

/// The worker's first message: it is listening.
const READY: &str = "ready";
/// Files per message: enough that messages cost little, few enough that
/// the count on the page moves.
const BATCH: usize = 8;
/// At most this many workers, however many cores: each holds the curriculum.
const MOST_WORKERS: usize = 4;
/// Batches sent to a worker ahead of its answers, so it never waits on the
/// page's thread (which, with every core checking, may be slow to answer).
const IN_FLIGHT: usize = 2;
/// The loader Trunk writes for the worker (`data-loader-shim` in tools.html).
const WORKER_SCRIPT: &str = "praxis-file-checker_loader.js";

/// A file to check: one just picked, or one the page kept earlier.
pub enum Source {
    Picked(File),
    Kept(KeptFile),
}

/// Runs in a worker: answers each batch of files with what checking them
/// found, then says it is ready.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let replies = replies.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let request: Array = event.data().unchecked_into();
            let (answers, buffers) = answer(&request).await;
            let reply = Array::of2(&request.get(3), &answers);
            if replies.post_message_with_transfer(&reply, &buffers).is_err() {
                // Unanswered, the page would wait for this batch for ever.
                let _ = replies.post_message(&Array::of2(&request.get(3), &JsValue::UNDEFINED));
            }
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}

/// The answers to one batch, and the buffers they hand over. The batch's
/// files are all read at once: reading waits on the browser more than it
/// works, so the waits overlap. Each backup's record is digested by the
/// browser (WebCrypto) while the next file is checked, and its check
/// finished once all have been begun.
async fn answer(request: &Array) -> (Array, Array) {
    let refresh_months = request.get(0).as_f64().unwrap_or_default() as u32;
    let today = request.get(1).as_string().and_then(|day| timestamp::parse_date(&day)).unwrap_or_else(today);
    let items: Vec<JsValue> = request.get(2).unchecked_into::<Array>().iter().collect();
    let reading: Vec<Option<_>> =
        items.iter().map(|item| item.dyn_ref::<File>().map(|file| (file.name(), start_reading(file)))).collect();
    let mut begun = Vec::with_capacity(items.len());
    for (item, reading) in items.iter().zip(reading) {
        let (name, read, buffer) = match reading {
            Some((name, reading)) => match reading.await {
                Ok(buffer) => (name, text_of_buffer(&buffer), Some(buffer)),
                Err(reason) => (name, Err(reason), None),
            },
            None => {
                let kept: &Array = item.unchecked_ref();
                let read = kept.get(1).as_string().ok_or_else(|| kept.get(2).as_string().unwrap_or_default());
                (kept.get(0).as_string().unwrap_or_default(), read, None)
            }
        };
        let checking = check_until_digest(&name, read.as_deref().map_err(String::as_str), today);
        let digesting = match &checking {
            Checking::Sealed(sealed) => browser_sha256(sealed.canonical_record()),
            Checking::Done(_) => None,
        };
        // What the page is handed back: the bytes of a file read as text, or why it could not be read.
        let (bytes, unreadable) = match (read, buffer) {
            (Ok(_), Some(buffer)) => (buffer, JsValue::UNDEFINED),
            (Ok(_), None) => (JsValue::UNDEFINED, JsValue::UNDEFINED),
            (Err(reason), _) => (JsValue::UNDEFINED, JsValue::from(reason)),
        };
        begun.push((checking, digesting, bytes, unreadable));
    }
    let (answers, buffers) = (Array::new(), Array::new());
    for (checking, digesting, bytes, unreadable) in begun {
        let checked = match checking {
            Checking::Done(checked) => checked,
            Checking::Sealed(sealed) => {
                let digest = match digesting {
                    Some(digesting) => digesting.await.ok().map(|digest| hex(&Uint8Array::new(&digest).to_vec())),
                    None => None,
                };
                let digest = digest.unwrap_or_else(|| sha256_hex(sealed.canonical_record()));
                sealed.finish(&digest, curriculum::catalogue(), refresh_months, today)
            }
        };
        let json = serde_json::to_string(&checked).expect("a checked file is strings and numbers");
        if !bytes.is_undefined() {
            buffers.push(&bytes);
        }
        answers.push(&Array::of3(&json.into(), &bytes, &unreadable));
    }
    (answers, buffers)
}

/// SHA-256 of `bytes` by the browser (WebCrypto, which copies them at
/// once), several times faster than SHA-256 compiled to wasm; `None` where
/// the browser offers none, as on a site served over plain http.
fn browser_sha256(bytes: &[u8]) -> Option<JsFuture> {
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    let subtle: JsValue = scope.crypto().ok()?.subtle().into();
    let subtle: SubtleCrypto = subtle.dyn_into().ok()?;
    subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok().map(JsFuture::from)
}

/// Checks every source, in workers where the browser can run them, telling
/// `progress` how many are done as they come in. The results are in the
/// order given: each file as kept, with what its check found.
pub async fn check_all(
    sources: Vec<Source>,
    refresh_months: u32,
    progress: impl Fn(usize) + 'static,
) -> Vec<(KeptFile, CheckedFile)> {
    let total = sources.len();
    if total == 0 {
        return Vec::new();
    }
    let mut resolve_finished = None;
    let finished = Promise::new(&mut |resolve, _| resolve_finished = Some(resolve));
    let work = Rc::new(Work {
        queue: RefCell::new((0..total).collect::<Vec<_>>().chunks(BATCH).map(<[usize]>::to_vec).collect()),
        sources: sources.into_iter().map(Some).collect::<Vec<_>>().into(),
        results: RefCell::new((0..total).map(|_| None).collect()),
        done: Cell::new(0),
        workers_ready: Cell::new(0),
        progress: Box::new(progress),
        finished: resolve_finished.expect("a promise runs its executor at once"),
        refresh_months,
        today: today().to_string(),
    });
    let cores = web_sys::window().map_or(1.0, |window| window.navigator().hardware_concurrency()) as usize;
    let script = super::base::href(&format!("/{WORKER_SCRIPT}"));
    for _ in 0..cores.clamp(1, MOST_WORKERS).min(total.div_ceil(BATCH)) {
        if let Some((checker, ready)) = Checker::start(&script) {
            wasm_bindgen_futures::spawn_local(Rc::clone(&work).feed(checker, ready));
        }
    }
    // The page checks files itself until a worker is ready (if none ever is, all of them).
    work.check_on_page().await;
    let _ = JsFuture::from(finished).await;
    let results = work.results.take();
    results.into_iter().map(|result| result.expect("every file was checked")).collect()
}

/// What is left to check, and what has been found.
struct Work {
    /// Batches of indexes into `sources`, not yet taken.
    queue: RefCell<VecDeque<Vec<usize>>>,
    sources: RefCell<Vec<Option<Source>>>,
    results: RefCell<Vec<Option<(KeptFile, CheckedFile)>>>,
    done: Cell<usize>,
    /// Workers listening: while there are any, the page leaves the checking to them.
    workers_ready: Cell<usize>,
    progress: Box<dyn Fn(usize)>,
    /// Resolves [`check_all`]'s wait once every file is checked.
    finished: js_sys::Function,
    refresh_months: u32,
    today: String,
}

impl Work {
    /// Once the worker is listening, keeps it [`IN_FLIGHT`] batches ahead
    /// until none is left. A worker that fails is stopped, and the batches
    /// it owed are checked on the page; if it was the last worker, so is
    /// everything still queued.
    async fn feed(self: Rc<Self>, checker: Checker, ready: JsFuture) {
        if ready.await.is_err() {
            return;
        }
        self.workers_ready.set(self.workers_ready.get() + 1);
        let mut sent: VecDeque<(Vec<usize>, JsFuture)> = VecDeque::new();
        loop {
            while sent.len() < IN_FLIGHT {
                let Some(batch) = self.queue.borrow_mut().pop_front() else { break };
                let items: Array = batch.iter().map(|&index| self.item(index)).collect();
                let reply = checker.send(&Array::of3(&self.refresh_months.into(), &self.today.as_str().into(), &items));
                sent.push_back((batch, reply));
            }
            let Some((batch, reply)) = sent.pop_front() else { break };
            if !reply.await.is_ok_and(|answers| self.take_reply(&batch, &answers)) {
                self.workers_ready.set(self.workers_ready.get() - 1);
                drop(checker);
                let owed = std::iter::once(batch).chain(sent.into_iter().map(|(batch, _)| batch));
                for index in owed.flatten() {
                    self.check_one_on_page(index, today()).await;
                }
                return self.check_on_page().await;
            }
        }
        self.workers_ready.set(self.workers_ready.get() - 1);
    }

    /// The source at `index` as the worker takes it.
    fn item(&self, index: usize) -> JsValue {
        match &self.sources.borrow()[index] {
            Some(Source::Picked(file)) => file.into(),
            Some(Source::Kept(kept)) => {
                let (text, unreadable) = match kept.read() {
                    Ok(text) => (text.into(), JsValue::UNDEFINED),
                    Err(reason) => (JsValue::UNDEFINED, reason.into()),
                };
                Array::of3(&kept.name.as_str().into(), &text, &unreadable).into()
            }
            None => JsValue::UNDEFINED,
        }
    }

    /// Files away a worker's answer to `batch`; false if it is not one.
    fn take_reply(&self, batch: &[usize], reply: &JsValue) -> bool {
        let Some(reply) = reply.dyn_ref::<Array>().filter(|reply| reply.length() as usize == batch.len()) else {
            return false;
        };
        let mut found = Vec::with_capacity(batch.len());
        for (&index, entry) in batch.iter().zip(reply.iter()) {
            let Some(entry) = entry.dyn_into::<Array>().ok() else { return false };
            let Some(checked) =
                entry.get(0).as_string().and_then(|json| serde_json::from_str::<CheckedFile>(&json).ok())
            else {
                return false;
            };
            found.push((index, checked, entry.get(1), entry.get(2).as_string()));
        }
        for (index, checked, bytes, unreadable) in found {
            let kept = match self.sources.borrow_mut()[index].take() {
                Some(Source::Kept(kept)) => kept,
                _ => {
                    let read = match unreadable {
                        Some(reason) => Err(reason),
                        None => text_of_buffer(&bytes),
                    };
                    KeptFile::new(checked.name.clone(), read)
                }
            };
            self.results.borrow_mut()[index] = Some((kept, checked));
        }
        self.count(batch.len());
        true
    }

    fn count(&self, more: usize) {
        let done = self.done.get() + more;
        self.done.set(done);
        (self.progress)(done);
        if done == self.results.borrow().len() {
            let _ = self.finished.call0(&JsValue::UNDEFINED);
        }
    }

    /// Checks what is left on the page itself, a frame's worth at a time,
    /// for as long as no worker is ready to.
    async fn check_on_page(&self) {
        let today = today();
        let mut last_yield = js_sys::Date::now();
        while self.workers_ready.get() == 0 {
            let Some(batch) = self.queue.borrow_mut().pop_front() else { break };
            for index in batch {
                self.check_one_on_page(index, today).await;
                if js_sys::Date::now() - last_yield > FRAME_MS {
                    yield_to_browser().await;
                    last_yield = js_sys::Date::now();
                }
            }
        }
    }

    async fn check_one_on_page(&self, index: usize, today: time::Date) {
        // Taken out first: a worker's answer may be filed while this file is read.
        let source = self.sources.borrow_mut()[index].take();
        let kept = match source {
            Some(Source::Picked(file)) => KeptFile::new(file.name(), read_text(&file).await),
            Some(Source::Kept(kept)) => kept,
            None => return,
        };
        let checked = check_read(&kept.name, kept.read(), curriculum::catalogue(), self.refresh_months, today);
        self.results.borrow_mut()[index] = Some((kept, checked));
        self.count(1);
    }
}

/// About one frame: how long the page checks before letting the browser paint.
const FRAME_MS: f64 = 16.0;

/// A started worker, and the answers it owes, by number (0 is its word
/// that it is listening). Dropping it stops the worker.
struct Checker {
    worker: Worker,
    owed: Rc<RefCell<BTreeMap<u32, (js_sys::Function, js_sys::Function)>>>,
    sent: Cell<u32>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(JsValue)>,
}

impl Checker {
    /// The worker, and the wait for it to listen; `None` if this browser
    /// cannot start one.
    fn start(script: &str) -> Option<(Checker, JsFuture)> {
        let worker = Worker::new(script).ok()?;
        let owed: Rc<RefCell<BTreeMap<u32, (js_sys::Function, js_sys::Function)>>> = Rc::default();
        let answered = Rc::clone(&owed);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let (number, answer) = if data.as_string().as_deref() == Some(READY) {
                (0, data)
            } else {
                let reply: Array = data.unchecked_into();
                (reply.get(0).as_f64().map_or(u32::MAX, |number| number as u32), reply.get(1))
            };
            if let Some((resolve, _)) = answered.borrow_mut().remove(&number) {
                let _ = resolve.call1(&JsValue::UNDEFINED, &answer);
            }
        });
        // A script that did not load, or a check that stopped: nothing owed will come.
        let failed = Rc::clone(&owed);
        let on_error = Closure::<dyn Fn(JsValue)>::new(move |error: JsValue| {
            for (_, (_, reject)) in std::mem::take(&mut *failed.borrow_mut()) {
                let _ = reject.call1(&JsValue::UNDEFINED, &error);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // An answer that arrived but could not be read is as lost as one never sent.
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        let checker = Checker { worker, owed, sent: Cell::new(0), _on_message: on_message, _on_error: on_error };
        // Owed from the start, so the worker's first message cannot be missed.
        let ready = checker.owing(0);
        Some((checker, ready))
    }

    fn owing(&self, number: u32) -> JsFuture {
        JsFuture::from(Promise::new(&mut |resolve, reject| {
            self.owed.borrow_mut().insert(number, (resolve, reject));
        }))
    }

    /// Sends `request` under the next number; its answer, awaited.
    fn send(&self, request: &Array) -> JsFuture {
        let number = self.sent.get() + 1;
        self.sent.set(number);
        let answer = self.owing(number);
        request.push(&number.into());
        if let Err(error) = self.worker.post_message(request) {
            if let Some((_, reject)) = self.owed.borrow_mut().remove(&number) {
                let _ = reject.call1(&JsValue::UNDEFINED, &error);
            }
        }
        answer
    }
}

impl Drop for Checker {
    fn drop(&mut self) {
        // Unset first: a message already queued must not call a freed closure.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
        self.worker.terminate();
    }
}
