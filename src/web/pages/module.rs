//! `/modules/:id`: one module, the learner's answers, and the completion
//! rule with where they stand against it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::NotFound;
use crate::domain::change::Change;
use crate::domain::curriculum;
use crate::domain::module::Module;
use crate::domain::progress::{standing, Status};
use crate::domain::recommend::next_module;
use crate::domain::words;
use crate::web::base::module_href;
use crate::web::module_view::{ModuleBody, ModuleHeader};
use crate::web::state::use_app_state;

#[component]
pub fn ModulePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match curriculum::catalogue().get(&id) {
            Some(module) => {
                track_sections_reached(module);
                view! {
                    <article class="module">
                        <ModuleHeader module=module.clone()/>
                        <ModuleBody module=module.clone() record_answers=true/>
                        <ProgressPanel module/>
                        <NextModule module/>
                    </article>
                }
                .into_any()
            }
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// Records each `##` section the first time it scrolls into view.
fn track_sections_reached(module: &'static Module) {
    let state = use_app_state();
    let on_visible = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter().map(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>()) {
            let title = entry.target().text_content().unwrap_or_default();
            let title = title.trim();
            let new = entry.is_intersecting()
                && module.sections.iter().any(|s| s == title)
                && state
                    .record
                    .with_untracked(|r| r.progress(&module.id).is_none_or(|p| !p.sections_reached.contains(title)));
            if new {
                // A failed save is reported at the top of the page.
                state.apply_quietly(Change::ReachSection { module_id: module.id.clone(), section: title.to_owned() });
            }
        }
    });
    let Ok(observer) = web_sys::IntersectionObserver::new(on_visible.as_ref().unchecked_ref()) else { return };
    let watching = observer.clone();
    request_animation_frame(move || {
        if let Ok(headings) = document().query_selector_all("article.module .prose h2") {
            for heading in (0..headings.length()).filter_map(|i| headings.item(i)) {
                watching.observe(heading.unchecked_ref());
            }
        }
    });
    // The callback must outlive the observer, so the cleanup owns both.
    let owned = SendWrapper::new((observer, on_visible));
    on_cleanup(move || owned.0.disconnect());
}

/// Where to go at the end of a module, so the learner is not left at a
/// dead end: the next open module on their pathway.
#[component]
fn NextModule(module: &'static Module) -> impl IntoView {
    let state = use_app_state();
    move || {
        let next = state.record.with(|record| next_module(curriculum::catalogue(), record, &module.id))?;
        Some(view! {
            <nav class="next-module" aria-label="Next module">
                <A href=module_href(&next.id)>{format!("Next module: {}", next.title)}</A>
            </nav>
        })
    }
}

#[component]
pub fn ProgressPanel(module: &'static Module) -> impl IntoView {
    let state = use_app_state();
    let standing = Memo::new(move |_| state.record.with(|record| standing(module, record)));
    let completion = move || state.record.with(|r| r.completion(&module.id).cloned());
    let rule = module.completion;
    let rule_text = match (rule.pass_mark, rule.reflections_required) {
        (mark, true) => format!("answer every knowledge check, with at least {mark} % right on your latest answers, and answer every reflection prompt"),
        (mark, false) => format!("answer every knowledge check, with at least {mark} % right on your latest answers"),
    };
    view! {
        <section class="completion" aria-labelledby="completion-heading">
            <h2 id="completion-heading">"Your progress"</h2>
            <p>{format!("To complete this module, {rule_text}. Completing it adds {} minutes to your CPD.", module.minutes)}</p>
            <div aria-live="polite">
                {move || {
                    let now = standing.get();
                    let status_class = if now.status == Status::Completed { "tag tag--done" } else { "tag" };
                    view! {
                        <p><span class=status_class data-status=now.status.label()>{now.status.label()}</span></p>
                        {completion().map(|c| view! {
                            <p>{format!("Completed on {}, adding {} minutes of CPD.", words::date(&c.completed_at), c.minutes)}</p>
                        })}
                        <dl class="facts">
                            <div><dt>"Knowledge checks"</dt><dd>{format!("{} of {} answered", now.checks_answered, now.checks)}</dd></div>
                            <div><dt>"Latest score"</dt><dd>{now.latest_score.map_or("–".to_owned(), |s| format!("{s} %"))}</dd></div>
                            <div><dt>"Best score"</dt><dd>{now.best_score.map_or("–".to_owned(), |s| format!("{s} %"))}</dd></div>
                            <div><dt>"Reflections"</dt><dd>{format!("{} of {} answered", now.reflections_answered, now.reflections)}</dd></div>
                            <div><dt>"Sections read"</dt><dd>{format!("{} of {}", now.sections_reached, now.sections)}</dd></div>
                        </dl>
                        {(now.status != Status::Completed && !now.still_needed.is_empty()).then(|| view! {
                            <p class="still-needed-heading">"Still to do:"</p>
                            <ul class="still-needed">{now.still_needed.iter().map(|item| view! { <li>{item.clone()}</li> }).collect_view()}</ul>
                        })}
                    }
                }}
            </div>
        </section>
    }
}
