//! Every page's `h1`: it names the page in the browser tab and, after an
//! in-app navigation, takes keyboard and screen-reader focus so the
//! learner starts at the top of what changed, as a full page load would.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

/// The first page title belongs to the initial load, where focus stays
/// where the browser puts it; every later one follows a navigation.
static INITIAL_PAGE_SHOWN: AtomicBool = AtomicBool::new(false);

#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    document().set_title(&format!("{text} – Praxis"));
    let after_navigation = INITIAL_PAGE_SHOWN.swap(true, Ordering::Relaxed);
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(element) = heading.get().filter(|_| after_navigation) {
            let _ = element.focus();
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{text}</h1> }
}
