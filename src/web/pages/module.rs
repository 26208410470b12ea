//! `/modules/:id`: one module, and marking it complete.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::NotFound;
use crate::domain::curriculum;
use crate::web::browser::now_iso;
use crate::web::module_view::{ModuleBody, ModuleHeader};
use crate::web::state::use_app_state;

#[component]
pub fn ModulePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match curriculum::catalogue().get(&id) {
            Some(module) => view! {
                <article class="module">
                    <ModuleHeader module=module.clone()/>
                    <ModuleBody module=module.clone()/>
                    <CompletionPanel module_id=module.id.clone()/>
                </article>
            }
            .into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn CompletionPanel(module_id: String) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(module_id);
    let completed_at =
        move || state.record.with(|r| id.with_value(|id| r.completion(id).map(|c| c.completed_at.clone())));
    let complete = move |_| state.update(|record| id.with_value(|id| record.mark_complete(id, &now_iso())));
    view! {
        <section class="completion" aria-labelledby="completion-heading">
            <h2 id="completion-heading">"Your progress"</h2>
            <div aria-live="polite">
                {move || match completed_at() {
                    Some(at) => view! {
                        <p class="tag tag--done">{format!("Completed on {}", at.get(..10).unwrap_or(&at))}</p>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="button" on:click=complete>"Mark as complete"</button>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}
