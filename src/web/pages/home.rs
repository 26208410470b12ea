//! `/`: the dashboard. What to do next and why, and pictures of the
//! learner's competence and CPD over time.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::backup::backup_reminder;
use crate::domain::competence::{assessment_as_of, domain_levels, reassessment_prompt};
use crate::domain::framework::competence_domains;
use crate::domain::recommend::recommend;
use crate::domain::revalidation::Evidence;
use crate::domain::words;
use crate::domain::{cpd, curriculum, revalidation};
use crate::web::base::{href, module_href};
use crate::web::browser::{mark, today};
use crate::web::charts::{BarChart, LineChart, Radar, RadarAxis};
use crate::web::page_title::PageTitle;
use crate::web::state::use_app_state;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app_state();
    let total = curriculum::catalogue().modules().len();
    let completed = move || state.record.with(|r| r.completions.len());
    // Read by the renewal reminder and the CPD chart: worked out once per change of the record.
    let evidence = Memo::new(move |_| state.record.with(|r| cpd::evidence(r, curriculum::catalogue())));
    // Effects run after the view is in the document: the dashboard is drawn.
    Effect::new(|_| mark("praxis:dashboard-rendered"));
    view! {
        <PageTitle text="AI in your practice, across your career"/>
        <p class="lede">
            "Short modules and case studies on using AI safely in health and social care, "
            "from your first placement to leading a service."
        </p>
        <p>{move || format!("You have completed {} of {} modules.", completed(), total)}</p>
        <Reminders evidence/>
        <WhatNext/>
        <ProgressPictures evidence/>
    }
}

/// What needs the learner's attention: a backup, a renewal, a
/// reassessment, or on a first visit the one module to start with.
#[component]
fn Reminders(evidence: Memo<Vec<Evidence>>) -> impl IntoView {
    let state = use_app_state();
    let notice = |class: &'static str, text: String, path: &str, link: &'static str| {
        view! { <div class=class><p>{text}" "<A href=href(path)>{link}</A></p></div> }
    };
    view! {
        {move || state.record.with(|r| backup_reminder(r, today()))
            .map(|text| notice("notice notice--info", text, "/export", "Export a backup"))}
        {move || state.record.with(|r| {
            let regulator = revalidation::find(r.profile.regulator.as_deref()?)?;
            let renewal = crate::domain::timestamp::parse_date(r.profile.renewal_date.as_deref()?)?;
            let role = r.profile.registration_type.as_deref();
            evidence.with(|evidence| revalidation::evaluate(regulator, role, renewal, today(), evidence).due_soon_warning())
        }).map(|text| notice("notice notice--warning", text, "/revalidation", "See what is still needed"))}
        {move || state.record.with(|r| reassessment_prompt(r, today()))
            .map(|text| notice("notice notice--info", text, "/competence", "Rate your competence"))}
        // On a first visit one clear first step, rather than several links of equal weight.
        {move || state.record.with(|r| {
            let fresh = r.completions.is_empty() && r.progress.is_empty();
            let first = recommend(curriculum::catalogue(), r, 1).into_iter().next().filter(|_| fresh)?;
            let start = format!("Start with “{}”", first.module.title);
            Some(view! { <p><A href=module_href(&first.module.id) attr:class="button">{start}</A></p> })
        })}
    }
}

/// Suggested modules, each with the reason it is suggested.
#[component]
fn WhatNext() -> impl IntoView {
    let state = use_app_state();
    // What next, as (module id, title, why): plain data, so the list can be keyed.
    let suggestions = move || {
        state.record.with(|record| {
            let suggested = recommend(curriculum::catalogue(), record, 5).into_iter();
            suggested.map(|r| (r.module.id.clone(), r.module.title.clone(), r.why())).collect::<Vec<_>>()
        })
    };
    let no_profile = move || state.record.with(|r| r.profile.stage.is_none() && r.profile.profession.is_none());
    view! {
        <section aria-labelledby="next-heading">
            <h2 id="next-heading">"What next"</h2>
            {move || no_profile().then(|| view! {
                <p class="hint">
                    "Tell Praxis your career stage and profession in "<A href=href("/settings")>"your profile"</A>
                    " for suggestions that fit you."
                </p>
            })}
            <ol class="recommendations">
                // Keyed by module and reason, so a new suggestion redraws only its own item.
                <For each=suggestions key=|(id, _, why)| (id.clone(), why.clone())
                    children=|(id, title, why)| view! {
                        <li>
                            <A href=module_href(&id)>{title}</A>
                            <span class="hint">{format!(" — {why}.")}</span>
                        </li>
                    }/>
            </ol>
            <p><A href=href("/modules") attr:class="button button--secondary">"Browse all modules"</A></p>
        </section>
    }
}

/// The learner's competence and CPD over time, as charts.
#[component]
fn ProgressPictures(evidence: Memo<Vec<Evidence>>) -> impl IntoView {
    let state = use_app_state();
    let radar = move || {
        state.record.with(|record| {
            let latest = record.latest_assessment()?;
            let before = assessment_as_of(record, today(), 12).map(domain_levels);
            let axes = domain_levels(latest)
                .into_iter()
                .enumerate()
                .map(|(i, (_, now))| RadarAxis {
                    label: &competence_domains()[i].label,
                    now,
                    before: before.as_ref().and_then(|b| b[i].1),
                })
                .collect();
            Some(view! { <Radar axes caption="Competence by domain: now and 12 months ago"/> })
        })
    };
    let self_assessments = move || {
        state.record.with(|record| {
            let points: Vec<(String, f32)> = record
                .self_assessments
                .iter()
                .filter_map(|a| {
                    let levels: Vec<f32> = domain_levels(a).into_iter().filter_map(|(_, l)| l).collect();
                    let mean = levels.iter().sum::<f32>() / levels.len() as f32;
                    (!levels.is_empty()).then(|| (words::date(&a.at), mean))
                })
                .collect();
            let caption = "Your self-assessments: mean level across domains";
            (!points.is_empty()).then(|| view! { <LineChart points caption value_name="Mean level"/> })
        })
    };
    let cpd_hours = move || {
        evidence.with(|evidence| {
            let bars: Vec<(String, f32)> =
                cpd::hours_by_year(evidence).into_iter().map(|(year, hours)| (year.to_string(), hours)).collect();
            (!bars.is_empty()).then(|| view! { <BarChart bars caption="CPD hours by year" unit="Hours"/> })
        })
    };
    let nothing_yet = move || state.record.with(|r| r.self_assessments.is_empty() && r.completions.is_empty());
    view! {
        <section aria-labelledby="pictures-heading" class="pictures">
            <h2 id="pictures-heading">"Your progress over time"</h2>
            <div class="chart-grid">{radar}{self_assessments}{cpd_hours}</div>
            {move || nothing_yet().then(|| view! {
                <p>"Complete a module or rate your competence, and your progress will be drawn here."</p>
            })}
        </section>
    }
}
