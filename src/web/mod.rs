//! The Leptos app: a thin shell that shows the domain core in a browser.
//! Pages read the one [`state::AppState`] from context; only
//! [`storage`] touches localStorage.

mod app;
mod browser;
mod charts;
mod module_view;
mod page_title;
mod pages;
mod privacy_warning;
mod state;
pub mod storage;

/// Mounts the app on the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
