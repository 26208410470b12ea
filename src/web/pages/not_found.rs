//! Shown for any URL Praxis does not have.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::web::base::href;
use crate::web::page_title::PageTitle;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text="Page not found"/>
        <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
        <p><A href=href("/modules")>"See all modules"</A></p>
    }
}
