//! The Leptos app: a thin shell that shows the domain core in a browser.
//! Pages read the one [`state::AppState`] from context; only
//! [`storage`] touches browser storage.

mod app;
mod base;
mod browser;
mod charts;
pub mod file_checks;
mod form;
mod module_view;
mod page_title;
mod pages;
mod prerendered;
mod scorm;
mod state;
pub mod storage;

/// Starts the learners' app (`index.html`).
pub fn start() {
    start_with(app::LEARNER);
}

/// Starts the educators' and employers' tools (`tools.html`).
pub fn start_tools() {
    start_with(app::TOOLS);
}

/// Opens the learner's record, then mounts the app on the page's `<body>`.
fn start_with(views: app::Views) {
    console_error_panic_hook::set_once();
    browser::first_address();
    // A SCORM launch page (`praxis-cli package scorm`) opens one module for an LMS.
    if let Some(module_id) = scorm::launch_module() {
        return scorm::start(module_id);
    }
    // Leptos's own task runner starts with the mount, so the record is
    // opened on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let state = state::AppState::open().await;
        leptos::mount::mount_to_body(move || leptos::view! { <app::App state views/> });
        prerendered::take_over();
        // From here the page answers the learner (a check can be answered,
        // a form saved). `scripts/bench` times "interactive" from this mark,
        // which static or prerendered HTML can never set.
        browser::mark("praxis:mounted");
    });
}

/// Stops the app as a bug would, so the end-to-end tests can check that the
/// learner is told (`public/boot.js`) and that nothing saved is lost. Only
/// reachable by importing the module by hand; nothing in the app calls it.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = praxisPanicForTests)]
pub fn panic_for_tests() {
    panic!("praxisPanicForTests: a deliberate panic, to test how a stopped app is reported");
}
