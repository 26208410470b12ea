//! The page frame (skip link, header, navigation, footer) and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use super::browser::{download, focus};
use super::pages::{
    AuthorPage, CataloguePage, CompetencePage, CpdPage, EmployerPage, ExportPage, HomePage, IncidentsPage, ModulePage,
    NotFound, PortfolioPage, RevalidationPage, SettingsPage,
};
use super::state::{use_app_state, AppState};
use crate::domain::words;

#[component]
pub fn App(state: AppState) -> impl IntoView {
    provide_context(state);
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to main content"</a>
            <SiteHeader/>
            <StorageNotice/>
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/modules") view=CataloguePage/>
                    <Route path=path!("/modules/:id") view=ModulePage/>
                    <Route path=path!("/export") view=ExportPage/>
                    <Route path=path!("/author") view=AuthorPage/>
                    <Route path=path!("/competence") view=CompetencePage/>
                    <Route path=path!("/cpd") view=CpdPage/>
                    <Route path=path!("/revalidation") view=RevalidationPage/>
                    <Route path=path!("/incidents") view=IncidentsPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/portfolio") view=PortfolioPage/>
                    <Route path=path!("/employer") view=EmployerPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Everything you record stays in this browser. Nothing is sent anywhere unless you export it."</p>
                // Tools for other people than learners, kept out of the learners' own navigation.
                <nav aria-label="Other tools">
                    <ul class="footer-nav">
                        <li><A href="/author">"For educators: write a module"</A></li>
                        <li><A href="/employer">"For employers: staff compliance"</A></li>
                    </ul>
                </nav>
            </footer>
        </Router>
    }
}

/// The header. On a phone the learner's seven links sit behind a "Menu"
/// button (NHS.UK style) instead of wrapping over a fifth of the screen;
/// CSS shows the button only on narrow screens, so nothing moves on load.
#[component]
fn SiteHeader() -> impl IntoView {
    let open = RwSignal::new(false);
    let location = use_location();
    // Following a link closes the menu.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__name">"Praxis"</A>
                <button type="button" class="site-menu-toggle" aria-controls="site-nav"
                    aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                    "Menu"
                </button>
                <nav aria-label="Main" id="site-nav" class="site-nav-wrap" class:site-nav-wrap--open=move || open.get()>
                    <ul class="site-nav">
                        <li><A href="/modules">"Modules"</A></li>
                        <li><A href="/competence">"Competence"</A></li>
                        <li><A href="/cpd">"CPD"</A></li>
                        <li><A href="/revalidation">"Revalidation"</A></li>
                        <li><A href="/incidents">"AI event log"</A></li>
                        <li><A href="/export">"Export"</A></li>
                        <li><A href="/settings">"Profile"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The router handles every link click, so the skip link's usual
/// fragment jump never moves focus: move it here.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    focus("main");
}

/// Tells the learner when their changes cannot be saved, when storage is
/// filling up, and offers any set-aside unreadable data back to them.
#[component]
fn StorageNotice() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div role="alert" class="notice-region">
            {move || state.storage_problem.get().map(|problem| view! {
                <div class="notice notice--warning"><p>{problem}</p></div>
            })}
            {move || state.storage_warning.get().map(|warning| view! {
                <div class="notice notice--warning"><p>{warning}" "<A href="/export">"Export a backup"</A></p></div>
            })}
        </div>
        {move || {
            let set_aside = state.set_aside.get();
            (!set_aside.is_empty()).then(|| view! {
                <div class="notice notice--warning set-aside">
                    <p>
                        "Praxis kept a copy of data it could not read. Download it and keep it: you can try "
                        "importing it on the "<A href="/export">"Export"</A>" page, and delete it here once you no "
                        "longer need it."
                    </p>
                    {set_aside.into_iter().map(|item| {
                        let file_name = format!("praxis-set-aside-{}.json", item.at.get(..10).unwrap_or("data"));
                        let day = words::date(&item.at);
                        let (text, key) = (item.text, item.key);
                        view! {
                            <p class="set-aside__item">
                                <button type="button" class="button button--secondary"
                                    on:click=move |_| { let _ = download(&file_name, "application/json", &text); }>
                                    {format!("Download the data set aside on {day}")}</button>
                                " "
                                <button type="button" class="button button--secondary"
                                    on:click=move |_| state.delete_set_aside(key.clone())>
                                    {format!("Delete the data set aside on {day}")}</button>
                            </p>
                        }
                    }).collect_view()}
                </div>
            })
        }}
    }
}
