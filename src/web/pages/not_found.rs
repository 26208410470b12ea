//! Shown for any URL Praxis does not have.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::web::browser::set_title;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
        <p><A href="/modules">"See all modules"</A></p>
    }
}
