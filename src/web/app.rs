//! The page frame (skip link, header, navigation, footer) and the routes,
//! for both web apps: the learners' (`index.html`) and the educators' and
//! employers' tools (`tools.html`). Each app is given the function that
//! draws its own pages, so the other app's pages are never linked into its
//! wasm; a page of the other app is opened by loading it
//! ([`InTheOtherApp`]).

use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, NestedRoute, StaticSegment};

use super::browser::{download, focus};
use super::pages::{
    AuthorGuidePage, AuthorPage, CataloguePage, CompetencePage, CpdPage, EmployerPage, ExportPage, HomePage,
    IncidentsPage, ModulePage, NotFound, PortfolioPage, RevalidationPage, SettingsPage,
};
use super::state::{use_app_state, AppState};
use crate::domain::page::{self, Page, Shell};
use crate::domain::words;
use crate::web::base::{self, href};
use crate::web::page_title::PageTitle;

/// What one of the two apps draws: each page, and a module's page.
#[derive(Clone, Copy)]
pub struct Views {
    shell: Shell,
    page: fn(Page) -> AnyView,
    module: fn() -> AnyView,
}

/// The learners' app: every page of [`Shell::Learner`] and the modules.
pub const LEARNER: Views = Views { shell: Shell::Learner, page: learner_page, module: module_page };
/// The educators' and employers' app: every page of [`Shell::Tools`].
pub const TOOLS: Views = Views { shell: Shell::Tools, page: tools_page, module: in_the_other_app };

/// `rel="external"` for a link to a page of the other app, so the router
/// leaves it to the browser: an ordinary page load, one history entry, and
/// Back returns to this page.
fn rel_to(shell: Shell) -> Option<&'static str> {
    (use_context::<Shell>() != Some(shell)).then_some("external")
}

#[component]
pub fn App(state: AppState, views: Views) -> impl IntoView {
    provide_context(state);
    provide_context(views.shell);
    let page_view = views.page;
    view! {
        <Router base=base::path()>
            <a class="skip-link" href="#main" on:click=skip_to_main>{page::SKIP_LINK}</a>
            <SiteHeader/>
            <StorageNotice/>
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <PageRoutes page_view/>
                    <Route path=path!("/modules/:id") view=views.module/>
                    // The one page two segments deep: a static segment holds no `/`.
                    <Route path=path!("/author/guide") view=move || page_view(Page::AuthorGuide)/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{page::PRIVACY_PROMISE}</p>
                <nav aria-label="Other tools">
                    <ul class="footer-nav">
                        {page::OTHER_TOOLS.map(|(page, label)| view! {
                            <li><A href=href(page.path()) attr:rel=rel_to(page.shell())>{label}</A></li>
                        })}
                    </ul>
                </nav>
            </footer>
        </Router>
    }
}

/// A route for every page of `domain::page`, at its path.
#[component(transparent)]
fn PageRoutes(page_view: fn(Page) -> AnyView) -> impl leptos_router::MatchNestedRoutes + Clone {
    let route = move |&page: &Page| {
        NestedRoute::new(StaticSegment(page.path().trim_start_matches('/')), move || page_view(page))
    };
    // A static segment cannot hold a `/`: deeper pages are routed in `App`.
    let one_segment = |page: &&Page| !page.path().trim_start_matches('/').contains('/');
    // Type-erased, as `erase_components` (.cargo/config.toml) has transparent components return.
    StaticVec::from(Page::ALL.iter().filter(one_segment).map(route).collect::<Vec<_>>()).into_any_nested_route()
}

/// The learners' pages; the tools' pages are loaded from their own app.
/// Both matches are exhaustive, so a page added to `domain::page` does not
/// compile until each app knows whether it draws it.
fn learner_page(page: Page) -> AnyView {
    match page {
        Page::Home => view! { <HomePage/> }.into_any(),
        Page::Modules => view! { <CataloguePage/> }.into_any(),
        Page::Competence => view! { <CompetencePage/> }.into_any(),
        Page::Cpd => view! { <CpdPage/> }.into_any(),
        Page::Revalidation => view! { <RevalidationPage/> }.into_any(),
        Page::Incidents => view! { <IncidentsPage/> }.into_any(),
        Page::Export => view! { <ExportPage/> }.into_any(),
        Page::Settings => view! { <SettingsPage/> }.into_any(),
        Page::Portfolio => view! { <PortfolioPage/> }.into_any(),
        Page::Author | Page::AuthorGuide | Page::Employer => view! { <InTheOtherApp/> }.into_any(),
    }
}

fn module_page() -> AnyView {
    view! { <ModulePage/> }.into_any()
}

/// The educators' and employers' pages; every other page is the learners'.
fn tools_page(page: Page) -> AnyView {
    match page {
        Page::Author => view! { <AuthorPage/> }.into_any(),
        Page::AuthorGuide => view! { <AuthorGuidePage/> }.into_any(),
        Page::Employer => view! { <EmployerPage/> }.into_any(),
        Page::Home
        | Page::Modules
        | Page::Competence
        | Page::Cpd
        | Page::Revalidation
        | Page::Incidents
        | Page::Export
        | Page::Settings
        | Page::Portfolio => view! { <InTheOtherApp/> }.into_any(),
    }
}

fn in_the_other_app() -> AnyView {
    view! { <InTheOtherApp/> }.into_any()
}

/// A page of the other app, reached by a link in this one: loads it as a
/// new page. If this very page was just loaded that way, the site serves
/// this app at that address, so say so rather than load it again and again.
#[component]
fn InTheOtherApp() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let address = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
    let just_tried = !crate::web::storage::first_load_elsewhere(&address);
    let stuck = just_tried && address == crate::web::browser::first_address();
    if !stuck {
        crate::web::browser::load_page(&address);
    }
    view! {
        <PageTitle text=if stuck { "This page could not be opened" } else { "Opening…" }/>
        {stuck.then(|| view! {
            <p>
                "This page is part of Praxis, but the site it is hosted on did not send it. Whoever runs the site "
                "can fix this by following the “Deploying on your own site” section of Praxis's README."
            </p>
            <p><A href=href("/modules") attr:rel=rel_to(Shell::Learner)>"See all modules"</A></p>
        })}
    }
}

/// The header. On a phone the learner's seven links sit behind a "Menu"
/// button (NHS.UK style) instead of wrapping over a fifth of the screen;
/// CSS shows the button only on narrow screens, so nothing moves on load.
#[component]
fn SiteHeader() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href=href("/") attr:class="site-header__name" attr:rel=rel_to(Shell::Learner)>"Praxis"</A>
                <button type="button" class="site-menu-toggle" aria-controls="site-nav"
                    aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                    {page::MENU}
                </button>
                // Following a link (the nav holds nothing else) closes the menu.
                <nav aria-label="Main" id="site-nav" class="site-nav-wrap" class:site-nav-wrap--open=move || open.get()
                    on:click=move |_| open.set(false)>
                    <ul class="site-nav">
                        {Page::ALL.iter().filter_map(|page| page.nav_label().map(|label| view! {
                            <li><A href=href(page.path()) attr:rel=rel_to(page.shell())>{label}</A></li>
                        })).collect_view()}
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
                <div class="notice notice--warning"><p>{warning}" "<A href=href("/export") attr:rel=rel_to(Shell::Learner)>"Export a backup"</A></p></div>
            })}
        </div>
        {move || {
            let set_aside = state.set_aside.get();
            (!set_aside.is_empty()).then(|| view! {
                <div class="notice notice--warning set-aside">
                    <p>
                        "Praxis kept a copy of data it could not read. Download it and keep it: you can try "
                        "importing it on the "<A href=href("/export") attr:rel=rel_to(Shell::Learner)>"Export"</A>" page, and delete it here once you no "
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
