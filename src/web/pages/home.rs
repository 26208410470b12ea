//! `/`: where the learner starts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::curriculum;
use crate::web::browser::set_title;
use crate::web::state::use_app_state;

#[component]
pub fn HomePage() -> impl IntoView {
    set_title("Home");
    let state = use_app_state();
    let total = curriculum::catalogue().modules().len();
    let completed = move || state.record.with(|r| r.completions.len());
    view! {
        <h1 tabindex="-1">"AI in your practice, across your career"</h1>
        <p class="lede">
            "Short modules and case studies on using AI safely in health and social care, "
            "from your first placement to leading a service."
        </p>
        <p>{move || format!("You have completed {} of {} modules.", completed(), total)}</p>
        <p><A href="/modules" attr:class="button">"Browse modules"</A></p>
    }
}
