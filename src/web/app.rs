//! The page frame (skip link, header, navigation, footer) and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use super::pages::{AuthorPage, CataloguePage, ExportPage, HomePage, ModulePage, NotFound};
use super::state::{use_app_state, AppState};

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::load());
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <A href="/" attr:class="site-header__name">"Praxis"</A>
                    <nav aria-label="Main">
                        <ul class="site-nav">
                            <li><A href="/modules">"Modules"</A></li>
                            <li><A href="/export">"Export"</A></li>
                            <li><A href="/author">"Author"</A></li>
                        </ul>
                    </nav>
                </div>
            </header>
            <StorageNotice/>
            <FocusOnNavigate/>
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/modules") view=CataloguePage/>
                    <Route path=path!("/modules/:id") view=ModulePage/>
                    <Route path=path!("/export") view=ExportPage/>
                    <Route path=path!("/author") view=AuthorPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Everything you record stays in this browser. Nothing is sent anywhere unless you export it."</p>
            </footer>
        </Router>
    }
}

/// Tells the learner when their changes cannot be saved.
#[component]
fn StorageNotice() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div role="alert" class="notice-region">
            {move || state.storage_problem.get().map(|problem| view! {
                <div class="notice notice--warning"><p>{problem}</p></div>
            })}
        </div>
    }
}

/// After an in-app navigation, moves focus to the new page's heading so
/// screen reader and keyboard users start at the top of what changed.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        location.pathname.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            let heading = document().query_selector("main h1").ok().flatten();
            if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = heading.focus();
            }
        });
    });
}
