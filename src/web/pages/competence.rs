//! `/competence`: rate yourself against the AI capability framework (each
//! save is a dated snapshot kept for a whole career), see the history, and
//! keep a learning plan.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::change::Change;
use crate::domain::competence::{domain_levels, reassessment_prompt};
use crate::domain::evidence_ref::EvidenceRef;
use crate::domain::framework::{self, assessment_areas, competence_domains, levels, AssessmentArea};
use crate::domain::recommend::format_level;
use crate::domain::record::{GoalStatus, Rating};
use crate::domain::words;
use crate::domain::{curriculum, module::Module};
use crate::web::browser::today;
use crate::web::page_title::PageTitle;
use crate::web::privacy_warning::{PrivacyCheck, PrivacyWarning};
use crate::web::state::{describe, use_app_state};

#[component]
pub fn CompetencePage() -> impl IntoView {
    let state = use_app_state();
    let prompt = move || state.record.with(|r| reassessment_prompt(r, today()));
    view! {
        <PageTitle text="Your AI competence"/>
        <p class="lede">
            "Rate yourself against the six domains of the AI and Digital Healthcare Technologies Capability "
            "Framework (HEE and NHS England, 2023). Each time you save, Praxis keeps a dated snapshot, so you "
            "can see how you grow over your career."
        </p>
        {move || prompt().map(|text| view! { <div class="notice notice--info"><p>{text}</p></div> })}
        <AssessmentForm/>
        <History/>
        <LearningPlan/>
    }
}

#[component]
fn AssessmentForm() -> impl IntoView {
    let state = use_app_state();
    let latest = state.record.with_untracked(|r| r.latest_assessment().cloned());
    let ratings: RwSignal<BTreeMap<String, Rating>> = RwSignal::new(latest.map(|a| a.ratings).unwrap_or_default());
    let message = RwSignal::new(None::<String>);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let ratings = ratings.get_untracked();
        if ratings.is_empty() {
            message.set(Some("Choose a level for at least one area before saving.".to_owned()));
            return;
        }
        let count = ratings.len();
        message.set(Some("Saving…".to_owned()));
        state.apply(Change::RateCompetence { ratings }, move |outcome| {
            message.set(Some(describe(&outcome, |_| {
                format!("Saved a snapshot of {} rated. Your history is below.", words::count(count, "area", "areas"))
            })));
        });
    };
    view! {
        <form class="assessment" on:submit=save>
            <h2>"Rate yourself now"</h2>
            <details class="levels">
                <summary>"What the four levels mean"</summary>
                <dl>
                    {levels().iter().enumerate().map(|(i, level)| view! {
                        <dt>{format!("Level {}: {}", i + 1, level.name)}</dt><dd>{level.descriptor.as_str()}</dd>
                    }).collect_view()}
                </dl>
            </details>
            {assessment_areas().into_iter().map(|area| view! { <AreaRating area ratings/> }).collect_view()}
            <button type="submit" class="button">"Save this self-assessment"</button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

/// One area's level, confidence and evidence.
#[component]
fn AreaRating(area: AssessmentArea, ratings: RwSignal<BTreeMap<String, Rating>>) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(area.id.clone());
    let slug = area.id.replace('/', "-");
    let title = if area.domain.label == area.label {
        area.label.to_owned()
    } else {
        format!("{}: {}", area.domain.label, area.label)
    };
    let current = move || id.with_value(|id| ratings.with(|r| r.get(id).cloned()));
    let set = move |change: &dyn Fn(&mut Rating)| {
        ratings.update(|all| {
            let rating = all.entry(id.get_value()).or_insert(Rating { level: 1, confidence: 3, evidence: vec![] });
            change(rating);
        });
    };
    // Evidence the learner can point to, as (id, label): completed modules
    // that develop this area's domain, their reflections in those modules,
    // and their own CPD entries.
    let evidence_items: Vec<(EvidenceRef, String)> = state.record.with_untracked(|record| {
        let modules: Vec<&'static Module> = curriculum::catalogue()
            .modules()
            .iter()
            .filter(|m| record.completion(&m.id).is_some() && m.competences.iter().any(|c| c.domain == area.domain.id))
            .collect();
        let reflections = modules.iter().flat_map(|m| {
            let prompts =
                record.progress(&m.id).map(|p| p.reflections.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
            prompts.into_iter().map(move |prompt| {
                let reflection = EvidenceRef::Reflection { module: m.id.clone(), prompt };
                (reflection, format!("Your reflection in “{}”", m.title))
            })
        });
        let cpd = record.cpd.iter().map(|e| {
            (EvidenceRef::Cpd { entry: e.id.clone() }, format!("CPD: {} ({})", e.title, words::date(&e.date)))
        });
        let completions =
            modules.iter().map(|m| (EvidenceRef::Completion { module: m.id.clone() }, format!("Module: {}", m.title)));
        completions.chain(reflections).chain(cpd).collect()
    });
    let levels = levels()
        .iter()
        .enumerate()
        .map(|(index, level)| {
            let name = level.name.as_str();
            let level = index as u8 + 1;
            let input_id = format!("{slug}-level-{level}");
            view! {
                <div class="choice choice--inline">
                    <input type="radio" id=input_id.clone() name=format!("{slug}-level") value=level.to_string()
                        prop:checked=move || current().is_some_and(|r| r.level == level)
                        on:change=move |_| set(&|r| r.level = level)/>
                    <label for=input_id>{format!("{level} {name}")}</label>
                </div>
            }
        })
        .collect_view();
    let confidence_id = format!("{slug}-confidence");
    view! {
        <fieldset class="area">
            <legend>{title}</legend>
            <div class="area__levels">{levels}</div>
            <div class="field field--inline">
                <label for=confidence_id.clone()>"How sure are you?"</label>
                <select id=confidence_id disabled=move || current().is_none()
                    on:change=move |e| { let v = event_target_value(&e).parse().unwrap_or(3); set(&|r| r.confidence = v) }>
                    {[(1, "1 – not sure"), (2, "2"), (3, "3 – fairly sure"), (4, "4"), (5, "5 – very sure")].into_iter().map(|(value, text)| view! {
                        <option value=value.to_string() selected=move || current().map_or(value == 3, |r| r.confidence == value)>{text}</option>
                    }).collect_view()}
                </select>
            </div>
            {(!evidence_items.is_empty()).then(|| view! {
                <details class="evidence">
                    <summary>"Evidence: modules, reflections and CPD"</summary>
                    {evidence_items.into_iter().enumerate().map(|(index, (evidence_id, label))| {
                        let box_id = format!("{slug}-evidence-{index}");
                        let item_id = evidence_id.clone();
                        let checked_id = evidence_id;
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=box_id.clone() disabled=move || current().is_none()
                                    prop:checked=move || current().is_some_and(|r| r.evidence.contains(&checked_id))
                                    on:change=move |e| {
                                        let on = event_target_checked(&e);
                                        let item_id = item_id.clone();
                                        set(&|r| { r.evidence.retain(|m| *m != item_id); if on { r.evidence.push(item_id.clone()); } });
                                    }/>
                                <label for=box_id>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </details>
            })}
        </fieldset>
    }
}

/// Every snapshot, newest first, as mean level per domain.
#[component]
fn History() -> impl IntoView {
    let state = use_app_state();
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">"Your history"</h2>
            {move || state.record.with(|record| {
                if record.self_assessments.is_empty() {
                    return view! { <p>"No self-assessments yet. Your first one will appear here."</p> }.into_any();
                }
                let rows = record.self_assessments.iter().rev().map(|assessment| view! {
                    <tr>
                        <th scope="row">{words::date(&assessment.at)}</th>
                        {domain_levels(assessment).into_iter().map(|(_, level)| view! {
                            <td>{level.map_or("–".to_owned(), format_level)}</td>
                        }).collect_view()}
                    </tr>
                }).collect_view();
                view! {
                    // Its own name: a second landmark called "Your history" would not be unique.
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Table of your history (scrolls sideways)">
                        <table class="history">
                            <caption class="visually-hidden">"Mean level per domain at each self-assessment, newest first"</caption>
                            <thead><tr><th scope="col">"Date"</th>
                                {competence_domains().iter().map(|d| view! { <th scope="col">{d.label.as_str()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            })}
        </section>
    }
}

/// Goals with a target date, linked to a competence domain and a module.
#[component]
fn LearningPlan() -> impl IntoView {
    let state = use_app_state();
    let title = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let domain = RwSignal::new(String::new());
    let module = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // Goal titles go into xAPI statements and the portfolio.
    let privacy = PrivacyCheck::new(move || vec![title.get()]);
    let PrivacyCheck { findings, confirmed: confirmed_private, .. } = privacy;
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (goal_title, target_date) = (title.get_untracked().trim().to_owned(), target.get_untracked());
        if goal_title.is_empty() || target_date.is_empty() {
            error.set(Some("Give the goal a title and a target date.".to_owned()));
            return;
        }
        if !findings.get_untracked().is_empty() && !confirmed_private.get_untracked() {
            let problem =
                "Check the highlighted text: remove anything that could identify a patient, or confirm it does not.";
            error.set(Some(problem.to_owned()));
            return;
        }
        error.set(None);
        let goal = Change::AddGoal {
            title: goal_title,
            target_date,
            competences: Some(domain.get_untracked()).filter(|d| !d.is_empty()).into_iter().collect(),
            modules: Some(module.get_untracked()).filter(|m| !m.is_empty()).into_iter().collect(),
        };
        state.apply(goal, move |outcome| {
            error.set(outcome.as_ref().err().map(ToString::to_string));
            if outcome.is_ok() {
                title.set(String::new());
                target.set(String::new());
            }
        });
    };
    let today = today().to_string();
    view! {
        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading">"Your learning plan"</h2>
            <p>"Set goals with a date. Several regulators (the GDC, for example) ask for a personal development plan."</p>
            <ul class="goals">
                {move || state.record.with(|record| record.goals.iter().map(|goal| {
                    let overdue = goal.status != GoalStatus::Done && goal.target_date < today;
                    let goal_id = goal.id.clone();
                    let select_id = format!("{}-status", goal.id.replace([':', '.'], "-"));
                    let links: Vec<String> = goal.competences.iter().filter_map(|c| framework::find_domain(c).map(|d| d.label.to_owned()))
                        .chain(goal.modules.iter().filter_map(|m| curriculum::catalogue().get(m).map(|m| m.title.clone())))
                        .collect();
                    let status = goal.status;
                    view! {
                        <li class="goal" class:goal--overdue=overdue>
                            <p class="goal__title"><strong>{goal.title.clone()}</strong></p>
                            <p>{format!("By {}", words::date(&goal.target_date))}
                                {overdue.then(|| view! { " " <span class="tag tag--overdue">"Overdue"</span> })}</p>
                            {(!links.is_empty()).then(|| view! { <p class="hint">{format!("Linked to: {}", links.join("; "))}</p> })}
                            <label for=select_id.clone()>"Status"</label>
                            <select id=select_id on:change=move |e| {
                                let chosen = event_target_value(&e);
                                let status = GoalStatus::ALL.into_iter().find(|s| s.label() == chosen).unwrap_or(status);
                                // A failed save is reported at the top of the page.
                                state.apply_quietly(Change::SetGoalStatus { goal_id: goal_id.clone(), status });
                            }>
                                {GoalStatus::ALL.into_iter().map(|s| view! { <option selected=s == status>{s.label()}</option> }).collect_view()}
                            </select>
                        </li>
                    }
                }).collect_view())}
            </ul>
            <form class="form" on:submit=add>
                <h3>"Add a goal"</h3>
                <div class="field">
                    <label for="goal-title">"Goal"</label>
                    <input type="text" id="goal-title" prop:value=move || title.get() on:input=move |e| title.set(event_target_value(&e))/>
                </div>
                <PrivacyWarning id="goal-private" check=privacy/>
                <div class="field">
                    <label for="goal-target">"Target date"</label>
                    <input type="date" id="goal-target" prop:value=move || target.get() on:input=move |e| target.set(event_target_value(&e))/>
                </div>
                <div class="field">
                    <label for="goal-domain">"Competence domain (optional)"</label>
                    <select id="goal-domain" on:change=move |e| domain.set(event_target_value(&e))>
                        <option value="">"None"</option>
                        {competence_domains().iter().map(|d| view! { <option value=d.id.as_str()>{d.label.as_str()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="goal-module">"Module (optional)"</label>
                    <select id="goal-module" on:change=move |e| module.set(event_target_value(&e))>
                        <option value="">"None"</option>
                        {curriculum::catalogue().modules().iter().map(|m| view! { <option value=m.id.clone()>{m.title.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <p role="alert" class="error-message">{move || error.get()}</p>
                <button type="submit" class="button button--secondary">"Add goal"</button>
            </form>
        </section>
    }
}
