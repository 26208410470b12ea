//! `/`: where the learner starts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::curriculum;
use crate::web::page_title::PageTitle;
use crate::web::state::use_app_state;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app_state();
    let total = curriculum::catalogue().modules().len();
    let completed = move || state.record.with(|r| r.completions.len());
    view! {
        <PageTitle text="AI in your practice, across your career"/>
        <p class="lede">
            "Short modules and case studies on using AI safely in health and social care, "
            "from your first placement to leading a service."
        </p>
        <p>{move || format!("You have completed {} of {} modules.", completed(), total)}</p>
        <p><A href="/modules" attr:class="button">"Browse modules"</A></p>
    }
}
