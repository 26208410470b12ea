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
//! - page → worker: `[refresh_months, today, [item, …]]`, each item a
//!   `File` to read, or `[name, text]` for a file read earlier;
//! - worker → page: `[[checked_json, text_or_undefined, unreadable_or_undefined], …]`,
//!   one per item in order, the text only for a `File`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent, Worker};

use super::browser::{read_text, today, yield_to_browser, UNREADABLE};
use crate::domain::backup::check_size;
use crate::domain::employer::kept::KeptFile;
use crate::domain::employer::{check_read, CheckedFile};
use crate::domain::{curriculum, timestamp};

/// The worker's first message: it is listening.
const READY: &str = "ready";
/// Files per message: enough that messages cost little, few enough that
/// the count on the page moves.
const BATCH: usize = 8;
/// At most this many workers, however many cores: each holds the curriculum.
const MOST_WORKERS: usize = 4;
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
        let _ = replies.post_message(&answer(&event.data().unchecked_into()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}

fn answer(request: &Array) -> Array {
    let refresh_months = request.get(0).as_f64().unwrap_or_default() as u32;
    let today = request.get(1).as_string().and_then(|day| timestamp::parse_date(&day)).unwrap_or_else(today);
    let items: Array = request.get(2).unchecked_into();
    items
        .iter()
        .map(|item| {
            let (name, read, picked) = match item.dyn_into::<File>() {
                Ok(file) => (file.name(), read_in_worker(&file), true),
                Err(kept) => {
                    let kept: Array = kept.unchecked_into();
                    (
                        kept.get(0).as_string().unwrap_or_default(),
                        Ok(kept.get(1).as_string().unwrap_or_default()),
                        false,
                    )
                }
            };
            let checked = check_read(
                &name,
                read.as_deref().map_err(String::as_str),
                curriculum::catalogue(),
                refresh_months,
                today,
            );
            let json = serde_json::to_string(&checked).expect("a checked file is strings and numbers");
            let (text, unreadable) = match read {
                Ok(text) if picked => (JsValue::from(text), JsValue::UNDEFINED),
                Ok(_) => (JsValue::UNDEFINED, JsValue::UNDEFINED),
                Err(reason) => (JsValue::UNDEFINED, JsValue::from(reason)),
            };
            JsValue::from(Array::of3(&json.into(), &text, &unreadable))
        })
        .collect()
}

/// A worker may read a file synchronously, which is simpler and as fast.
fn read_in_worker(file: &File) -> Result<String, String> {
    check_size(file.size() as u64)?;
    let reader = FileReaderSync::new().map_err(|_| UNREADABLE.to_owned())?;
    reader.read_as_text(file).map_err(|_| UNREADABLE.to_owned())
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
    for worker in start_workers(total.div_ceil(BATCH)) {
        // Listening from the start, so the worker's first message cannot be missed.
        let ready = next_message(&worker);
        wasm_bindgen_futures::spawn_local(Rc::clone(&work).feed(worker, ready));
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
    /// Once `worker` is listening, sends it one batch at a time until none
    /// is left. A worker that fails is stopped, and its batch is checked on
    /// the page; if it was the last worker, so is everything still queued.
    async fn feed(self: Rc<Self>, worker: Worker, ready: impl Future<Output = Result<JsValue, JsValue>>) {
        match ready.await {
            Ok(message) if message.as_string().as_deref() == Some(READY) => {
                self.workers_ready.set(self.workers_ready.get() + 1)
            }
            _ => return worker.terminate(),
        }
        loop {
            let Some(batch) = self.queue.borrow_mut().pop_front() else { break };
            let items: Array = batch.iter().map(|&index| self.item(index)).collect();
            let request = Array::of3(&self.refresh_months.into(), &self.today.as_str().into(), &items);
            let reply = next_message(&worker);
            let answered = worker.post_message(&request).is_ok()
                && reply.await.is_ok_and(|reply| self.take_reply(&batch, &reply.unchecked_into()));
            if !answered {
                self.workers_ready.set(self.workers_ready.get() - 1);
                worker.terminate();
                for index in batch {
                    self.check_one_on_page(index, today()).await;
                }
                return self.check_on_page().await;
            }
        }
        self.workers_ready.set(self.workers_ready.get() - 1);
        worker.terminate();
    }

    /// The source at `index` as the worker takes it.
    fn item(&self, index: usize) -> JsValue {
        match &self.sources.borrow()[index] {
            Some(Source::Picked(file)) => file.into(),
            Some(Source::Kept(kept)) => {
                let text = kept.read().unwrap_or_default();
                Array::of2(&kept.name.as_str().into(), &text.into()).into()
            }
            None => JsValue::UNDEFINED,
        }
    }

    /// Files away a worker's answer to `batch`; false if it is not one.
    fn take_reply(&self, batch: &[usize], reply: &Array) -> bool {
        if reply.length() as usize != batch.len() {
            return false;
        }
        let mut found = Vec::with_capacity(batch.len());
        for (&index, entry) in batch.iter().zip(reply.iter()) {
            let entry: Array = entry.unchecked_into();
            let Some(checked) =
                entry.get(0).as_string().and_then(|json| serde_json::from_str::<CheckedFile>(&json).ok())
            else {
                return false;
            };
            found.push((index, checked, entry.get(1).as_string(), entry.get(2).as_string()));
        }
        for (index, checked, text, unreadable) in found {
            let kept = match self.sources.borrow_mut()[index].take() {
                Some(Source::Kept(kept)) => kept,
                _ => KeptFile::new(checked.name.clone(), text.ok_or_else(|| unreadable.unwrap_or_default())),
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

/// Up to one worker per core (and per batch); none if this browser cannot
/// start them. They are not listening yet: see [`Work::feed`].
fn start_workers(batches: usize) -> Vec<Worker> {
    let cores = web_sys::window().map_or(1.0, |window| window.navigator().hardware_concurrency()) as usize;
    let wanted = cores.clamp(1, MOST_WORKERS).min(batches);
    let script = super::base::href(&format!("/{WORKER_SCRIPT}"));
    (0..wanted).filter_map(|_| Worker::new(&script).ok()).collect()
}

/// The next message `worker` sends, or its error (a script that did not
/// load, a check that stopped).
fn next_message(worker: &Worker) -> impl Future<Output = Result<JsValue, JsValue>> {
    let promise = Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    });
    async move { JsFuture::from(promise).await.map(|event| event.unchecked_into::<MessageEvent>().data()) }
}
