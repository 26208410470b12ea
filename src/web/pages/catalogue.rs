//! `/modules`: every module and case study, with what the learner has done.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::curriculum;
use crate::web::browser::set_title;
use crate::web::state::use_app_state;

#[component]
pub fn CataloguePage() -> impl IntoView {
    set_title("Modules");
    let state = use_app_state();
    let cards = curriculum::catalogue()
        .modules()
        .iter()
        .map(|module| {
            let id = module.id.clone();
            let done = move || state.record.with(|r| r.completion(&id).is_some());
            view! {
                <li class="card" data-module=module.id.clone()>
                    <p class="card__kind">{module.kind.label()}</p>
                    <h2 class="card__title"><A href=format!("/modules/{}", module.id)>{module.title.clone()}</A></h2>
                    <p>{module.summary.clone()}</p>
                    <p class="card__meta">
                        {format!("{} minutes", module.minutes)}
                        {move || done().then(|| view! { <span class="tag tag--done">"Completed"</span> })}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">"Modules and case studies"</h1>
        <ul class="cards">{cards}</ul>
    }
}
