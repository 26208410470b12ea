//! `/modules`: the pathway from student to leader, then the case studies,
//! with what the learner has completed.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::curriculum;
use crate::domain::module::{catalogue, Module};
use crate::domain::progress::{standing, Status};
use crate::web::base::module_href;
use crate::web::page_title::PageTitle;
use crate::web::state::use_app_state;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let shipped = curriculum::catalogue();
    let pathway = shipped
        .pathway()
        .into_iter()
        .map(|(stage, in_stage)| {
            let heading_id = format!("stage-{}", stage.id);
            view! {
                <section aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{stage.label}</h2>
                    <ModuleCards modules=in_stage/>
                </section>
            }
        })
        .collect_view();
    let cases = shipped.case_studies();
    view! {
        <PageTitle text=catalogue::TITLE/>
        <p class="lede">{catalogue::INTRODUCTION}</p>
        {pathway}
        <section aria-labelledby="case-studies">
            <h2 id="case-studies">{catalogue::CASE_STUDIES}</h2>
            <ModuleCards modules=cases/>
        </section>
    }
}

#[component]
fn ModuleCards(modules: Vec<&'static Module>) -> impl IntoView {
    let state = use_app_state();
    let cards = modules
        .into_iter()
        .map(|module| {
            let status = move || state.record.with(|record| standing(module, record).status);
            view! {
                <li class="card" data-module=module.id.clone()>
                    <h3 class="card__title"><A href=module_href(&module.id)>{module.title.clone()}</A></h3>
                    <p>{module.summary.clone()}</p>
                    <p class="card__meta">
                        {format!("{} minutes", module.minutes)}
                        {move || match status() {
                            Status::NotStarted => None,
                            Status::InProgress => Some(view! { <span class="tag">"In progress"</span> }.into_any()),
                            Status::Completed => Some(view! { <span class="tag tag--done">"Completed"</span> }.into_any()),
                        }}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cards">{cards}</ul> }
}
