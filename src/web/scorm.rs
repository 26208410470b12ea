//! SCORM mode: one module inside an LMS's frame, as a SCORM 1.2 SCO. A
//! launch page that `praxis-cli package scorm` made names its module in a
//! `<meta>`; the app then shows only that module and talks to the LMS's
//! `API` object. What it says (status, score, suspend_data) is worked out
//! by `domain::scorm` from the domain's own completion rule; this file
//! only carries it. Answers also go through [`AppState`] as anywhere in
//! Praxis, so they reach the learner's own record when the package is
//! served from the same origin as their Praxis, and nowhere else.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::{JsCast, JsValue};

use super::module_view::{InLms, ModuleBody, ModuleHeader};
use super::pages::ProgressPanel;
use super::state::AppState;
use crate::domain::change::Change;
use crate::domain::curriculum;
use crate::domain::module::Module;
use crate::domain::scorm::{self, LAUNCH_META_NAME};

/// The module a launch page names, if this page is one.
pub fn launch_module() -> Option<String> {
    let selector = format!("meta[name=\"{LAUNCH_META_NAME}\"]");
    let meta = document().query_selector(&selector).ok()??;
    meta.get_attribute("content").filter(|id| !id.is_empty())
}

/// Opens the learner's record, then shows the module as a SCO.
pub fn start(module_id: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let state = AppState::open().await;
        leptos::mount::mount_to_body(move || view! { <Sco state module_id/> });
    });
}

/// The LMS's SCORM 1.2 API object.
struct Lms {
    api: JsValue,
}

/// How far up the frames to look: ADL's API-finding algorithm stops after 7 parents.
const MAX_PARENTS: usize = 7;

impl Lms {
    /// ADL's algorithm: this window and up to seven parents, then the
    /// window that opened this one and its parents. A frame from another
    /// origin cannot be read; the search carries on past it.
    fn find() -> Option<Lms> {
        let window: JsValue = web_sys::window()?.into();
        let api = search_up(&window).or_else(|| property(&window, "opener").and_then(|opener| search_up(&opener)))?;
        Some(Lms { api })
    }

    fn call(&self, method: &str, args: &[&str]) -> String {
        let Some(function) = property(&self.api, method).and_then(|f| f.dyn_into::<Function>().ok()) else {
            return String::new();
        };
        let args: Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        function.apply(&self.api, &args).ok().and_then(|v| v.as_string()).unwrap_or_default()
    }

    fn succeeded(&self, method: &str, args: &[&str]) -> bool {
        self.call(method, args) == "true"
    }

    fn get(&self, element: &str) -> String {
        self.call("LMSGetValue", &[element])
    }

    /// The LMS's own words for its last error, to show the learner.
    fn last_error(&self) -> String {
        let code = self.call("LMSGetLastError", &[]);
        format!("error {code}: {}", self.call("LMSGetErrorString", &[&code]))
    }
}

fn property(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key)).ok().filter(|value| !value.is_undefined() && !value.is_null())
}

fn search_up(start: &JsValue) -> Option<JsValue> {
    let mut window = start.clone();
    for _ in 0..=MAX_PARENTS {
        if let Some(api) = property(&window, "API") {
            return Some(api);
        }
        let parent = property(&window, "parent")?;
        if Object::is(&parent, &window) {
            return None;
        }
        window = parent;
    }
    None
}

/// Applies the changes one after another, then calls `then`.
fn apply_in_turn(state: AppState, mut changes: Vec<Change>, then: Box<dyn FnOnce()>) {
    if changes.is_empty() {
        return then();
    }
    let change = changes.remove(0);
    state.apply(change, move |_| apply_in_turn(state, changes, then));
}

#[component]
fn Sco(state: AppState, module_id: String) -> impl IntoView {
    provide_context(state);
    provide_context(InLms);
    let Some(module) = curriculum::catalogue().get(&module_id) else {
        return view! { <MissingModule module_id/> }.into_any();
    };
    let started = js_sys::Date::now();
    let told = Told::new();
    let lms = Rc::new(open_session(told));
    let ready = RwSignal::new(false);
    resume(state, module, lms.as_ref().as_ref(), told, ready);
    report_progress(state, module, Rc::clone(&lms), ready, told);
    finish_on_leave(lms, started);
    view! {
        // Module pages use the router's links; in the LMS there is nothing else to route to.
        <Router>
            <main id="main" class="page" tabindex="-1">
                <ScoNotices told/>
                {move || if ready.get() {
                    view! {
                        <article class="module">
                            <ModuleHeader module=module.clone()/>
                            <ModuleBody module=module.clone() record_answers=true/>
                            <ProgressPanel module/>
                        </article>
                    }.into_any()
                } else {
                    view! { <p>"Opening your progress\u{2026}"</p> }.into_any()
                }}
            </main>
        </Router>
    }
    .into_any()
}

/// A package for a module this version of Praxis does not have.
#[component]
fn MissingModule(module_id: String) -> impl IntoView {
    let message = format!(
        "This package opens a module, \u{201c}{module_id}\u{201d}, that this version of Praxis does not have. Ask \
         whoever set up the course to package it again."
    );
    view! {
        <main id="main" class="page">
            <p class="notice notice--warning" role="alert">{message}</p>
        </main>
    }
}

/// What the learner is told: what happened at the start, and two that
/// follow each report (the LMS refusing it; answers too long to keep).
#[derive(Clone, Copy)]
struct Told {
    at_start: RwSignal<Vec<String>>,
    refused: RwSignal<Option<String>>,
    cut_short: RwSignal<Option<String>>,
}

impl Told {
    fn new() -> Told {
        Told { at_start: RwSignal::new(Vec::new()), refused: RwSignal::new(None), cut_short: RwSignal::new(None) }
    }

    fn say(self, notice: String) {
        self.at_start.update(|all| all.push(notice));
    }
}

#[component]
fn ScoNotices(told: Told) -> impl IntoView {
    view! {
        <div role="status" class="notice-region">
            {move || {
                let now = [told.refused.get(), told.cut_short.get()].into_iter().flatten();
                told.at_start.get().into_iter().chain(now).map(|notice| view! {
                    <div class="notice notice--warning"><p>{notice}</p></div>
                }).collect_view()
            }}
        </div>
    }
}

/// The LMS's session, if there is an LMS and it starts one.
fn open_session(told: Told) -> Option<Lms> {
    match Lms::find() {
        Some(lms) if lms.succeeded("LMSInitialize", &[""]) => Some(lms),
        Some(lms) => {
            told.say(format!(
                "The LMS would not start a session ({}), so it will not record your progress on this visit. Your \
                 answers are kept by Praxis in this browser when it can save them.",
                lms.last_error()
            ));
            None
        }
        None => {
            told.say(
                "Praxis could not find the LMS that should have opened this page, so no LMS will record your \
                 progress. Your answers are kept by Praxis in this browser when it can save them."
                    .to_owned(),
            );
            None
        }
    }
}

/// Puts what the LMS kept from an earlier attempt into the record, then
/// sets `ready`: the module's checks show the record's answers when they
/// are drawn, so they are drawn only once it is there.
fn resume(state: AppState, module: &Module, lms: Option<&Lms>, told: Told, ready: RwSignal<bool>) {
    let resume = lms.map(|lms| scorm::read_suspend_data(module, &lms.get("cmi.suspend_data")));
    let changes = match resume {
        Some(Ok(Some(resume))) => {
            if !resume.cut_short.is_empty() {
                told.say(scorm::cut_short_notice(resume.cut_short.len()));
            }
            state.record.with_untracked(|record| scorm::changes_to_resume(module, record, &resume))
        }
        Some(Err(unusable)) => {
            told.say(unusable.to_string());
            Vec::new()
        }
        _ => Vec::new(),
    };
    apply_in_turn(state, changes, Box::new(move || ready.set(true)));
}

/// Tells the LMS the module's status, score and suspend_data whenever the
/// record changes, once `ready`.
fn report_progress(state: AppState, module: &'static Module, lms: Rc<Option<Lms>>, ready: RwSignal<bool>, told: Told) {
    Effect::new(move |_| {
        let (Some(lms), true) = (lms.as_ref(), ready.get()) else { return };
        let (report, suspended) =
            state.record.with(|record| (scorm::report(module, record), scorm::suspend_data(module, record)));
        if let Some(score) = report.score {
            lms.succeeded("LMSSetValue", &["cmi.core.score.min", "0"]);
            lms.succeeded("LMSSetValue", &["cmi.core.score.max", "100"]);
            lms.succeeded("LMSSetValue", &["cmi.core.score.raw", &score.to_string()]);
        }
        let kept = lms.succeeded("LMSSetValue", &["cmi.core.lesson_status", report.lesson_status.cmi()])
            && lms.succeeded("LMSSetValue", &["cmi.suspend_data", &suspended.text])
            // So the LMS offers this attempt again, with its suspend_data, next time.
            && lms.succeeded("LMSSetValue", &["cmi.core.exit", "suspend"])
            && lms.succeeded("LMSCommit", &[""]);
        told.refused.set((!kept).then(|| {
            format!("The LMS did not accept your progress ({}). Your answers are still on this page.", lms.last_error())
        }));
        let cut = suspended.cut_short.len();
        // Said once, even when the LMS's data at the start was already cut short.
        let notice = (cut > 0).then(|| scorm::cut_short_notice(cut));
        told.cut_short.set(notice.filter(|notice| !told.at_start.with_untracked(|all| all.contains(notice))));
    });
}

/// Leaving (closing, reloading, or the LMS moving on) ends the session once.
fn finish_on_leave(lms: Rc<Option<Lms>>, started: f64) {
    let finished = Rc::new(Cell::new(false));
    let leave = move || {
        let Some(lms) = lms.as_ref() else { return };
        if finished.replace(true) {
            return;
        }
        let time = scorm::session_time((js_sys::Date::now() - started).max(0.0) as u64);
        lms.succeeded("LMSSetValue", &["cmi.core.session_time", &time]);
        lms.succeeded("LMSCommit", &[""]);
        lms.succeeded("LMSFinish", &[""]);
    };
    let on_pagehide = leave.clone();
    let _ = window_event_listener(leptos::ev::pagehide, move |_| on_pagehide());
    let _ = window_event_listener(leptos::ev::beforeunload, move |_| leave());
}
