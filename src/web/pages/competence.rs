//! `/competence`: rate yourself against the AI capability framework (each
//! save is a dated snapshot kept for a whole career), see the history, and
//! keep a learning plan.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::change::Change;
use crate::domain::competence::{domain_levels, reassessment_prompt, validate_goal, GoalField};
use crate::domain::evidence_ref::EvidenceRef;
use crate::domain::framework::{self, assessment_areas, competence_domains, levels, AssessmentArea};
use crate::domain::recommend::format_level;
use crate::domain::record::{Goal, GoalStatus, LearnerRecord, Rating};
use crate::domain::words;
use crate::domain::{curriculum, module::Module};
use crate::web::browser::today;
use crate::web::form::{
    options, Checkbox, DateInput, ErrorSummary, Errors, Field, PrivacyCheck, PrivacyWarning, Radios, Select, TextInput,
};
use crate::web::page_title::PageTitle;
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
    let errors = Errors::new("assessment-error-summary");
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let ratings = ratings.get_untracked();
        let first_level = assessment_areas().first().map(|area| format!("{}-level-1", slug(&area.id)));
        let problem = "Choose a level for at least one area before saving.";
        let problems = ratings.is_empty().then(|| (first_level.unwrap_or_default(), problem.to_owned()));
        if !errors.report(problems.into_iter().collect()) {
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
            <ErrorSummary errors/>
            <details class="levels">
                <summary>"What the four levels mean"</summary>
                <dl>
                    {levels().iter().enumerate().map(|(i, level)| view! {
                        <dt>{format!("Level {}: {}", i + 1, level.name)}</dt><dd>{level.descriptor.as_str()}</dd>
                    }).collect_view()}
                </dl>
            </details>
            {assessment_areas().iter().map(|area| view! { <AreaRating area ratings/> }).collect_view()}
            <button type="submit" class="button">"Save this self-assessment"</button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

/// An area's id as it appears in element ids.
fn slug(area_id: &str) -> String {
    area_id.replace('/', "-")
}

/// One area's level, confidence and evidence.
#[component]
fn AreaRating(area: &'static AssessmentArea, ratings: RwSignal<BTreeMap<String, Rating>>) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(area.id.clone());
    let slug = slug(&area.id);
    let title = if area.domain.label == area.label {
        area.label.to_owned()
    } else {
        format!("{}: {}", area.domain.label, area.label)
    };
    let rating = Rated {
        current: Signal::derive(move || id.with_value(|id| ratings.with(|r| r.get(id).cloned()))),
        set: Callback::new(move |change: RatingChange| {
            ratings.update(|all| {
                let rating = all.entry(id.get_value()).or_insert(Rating { level: 1, confidence: 3, evidence: vec![] });
                change(rating);
            });
        }),
    };
    let evidence = state.record.with_untracked(|record| evidence_items(record, area));
    let confidences =
        options([("1", "1 – not sure"), ("2", "2"), ("3", "3 – fairly sure"), ("4", "4"), ("5", "5 – very sure")]);
    // Follows the rating: an area not yet rated shows the default, 3.
    let confidence_of = move || rating.current.with(|r| r.as_ref().map_or(3, |r| r.confidence)).to_string();
    let confidence = RwSignal::new(confidence_of());
    Effect::new(move |_| confidence.set(confidence_of()));
    let set_confidence = Callback::new(move |chosen: String| {
        let value = chosen.parse().unwrap_or(3);
        rating.set.run(Box::new(move |r| r.confidence = value));
    });
    let unrated = Signal::derive(move || rating.current.with(Option::is_none));
    view! {
        <fieldset class="area">
            <legend>{title}</legend>
            <LevelChoices slug=slug.clone() rating/>
            <Field id=format!("{slug}-confidence") label="How sure are you?" inline=true>
                <Select value=confidence options=confidences on_change=set_confidence disabled=unrated/>
            </Field>
            {(!evidence.is_empty()).then(|| view! { <EvidenceChoices slug evidence rating/> })}
        </fieldset>
    }
}

/// One area's rating, and how the choices in it change it.
#[derive(Clone, Copy)]
struct Rated {
    current: Signal<Option<Rating>>,
    set: Callback<RatingChange>,
}

/// A change to one area's rating (its level, confidence or evidence).
type RatingChange = Box<dyn Fn(&mut Rating) + Send + Sync>;

/// The four levels of an area, as radio buttons.
#[component]
fn LevelChoices(slug: String, rating: Rated) -> impl IntoView {
    let levels = levels().iter().enumerate().map(|(index, level)| ((index + 1).to_string(), level.name.as_str()));
    let levels = levels.map(|(value, name)| (value.clone(), format!("{value} {name}"))).collect::<Vec<_>>();
    let chosen = Signal::derive(move || rating.current.get().map(|r| r.level.to_string()).unwrap_or_default());
    let choose = Callback::new(move |value: String| {
        if let Ok(level) = value.parse::<u8>() {
            rating.set.run(Box::new(move |r| r.level = level));
        }
    });
    view! {
        <Radios id=format!("{slug}-level") legend="Level" value=chosen on_change=choose options=levels inline=true/>
    }
}

/// Evidence the learner can point to for `area`, as (reference, label):
/// completed modules that develop its domain, their reflections in those
/// modules, and their own CPD entries.
fn evidence_items(record: &LearnerRecord, area: &AssessmentArea) -> Vec<(EvidenceRef, String)> {
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
    let cpd = record
        .cpd
        .iter()
        .map(|e| (EvidenceRef::Cpd { entry: e.id.clone() }, format!("CPD: {} ({})", e.title, words::date(&e.date))));
    let completions =
        modules.iter().map(|m| (EvidenceRef::Completion { module: m.id.clone() }, format!("Module: {}", m.title)));
    completions.chain(reflections).chain(cpd).collect()
}

/// Tick boxes for the evidence behind an area's rating.
#[component]
fn EvidenceChoices(slug: String, evidence: Vec<(EvidenceRef, String)>, rating: Rated) -> impl IntoView {
    let boxes = evidence
        .into_iter()
        .enumerate()
        .map(|(index, (reference, label))| {
            let box_id = format!("{slug}-evidence-{index}");
            let chosen = {
                let reference = reference.clone();
                move || rating.current.with(|r| r.as_ref().is_some_and(|r| r.evidence.contains(&reference)))
            };
            let toggle = Callback::new(move |on: bool| {
                let reference = reference.clone();
                rating.set.run(Box::new(move |r| {
                    r.evidence.retain(|m| *m != reference);
                    if on {
                        r.evidence.push(reference.clone());
                    }
                }));
            });
            let unrated = Signal::derive(move || rating.current.with(Option::is_none));
            view! { <Checkbox id=box_id label checked=Signal::derive(chosen) on_change=toggle disabled=unrated/> }
        })
        .collect_view();
    view! {
        <details class="evidence">
            <summary>"Evidence: modules, reflections and CPD"</summary>
            {boxes}
        </details>
    }
}

/// Every snapshot, newest first, as mean level per domain.
#[component]
fn History() -> impl IntoView {
    let state = use_app_state();
    let any = move || state.record.with(|r| !r.self_assessments.is_empty());
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">"Your history"</h2>
            <Show when=any fallback=|| view! { <p>"No self-assessments yet. Your first one will appear here."</p> }>
                <HistoryTable/>
            </Show>
        </section>
    }
}

#[component]
fn HistoryTable() -> impl IntoView {
    let state = use_app_state();
    let newest_first = move || state.record.with(|r| r.self_assessments.iter().rev().cloned().collect::<Vec<_>>());
    let headings =
        competence_domains().iter().map(|d| view! { <th scope="col">{d.label.as_str()}</th> }).collect_view();
    view! {
        // Its own name: a second landmark called "Your history" would not be unique.
        <div class="table-scroll" tabindex="0" role="region" aria-label="Table of your history (scrolls sideways)">
            <table class="history">
                <caption class="visually-hidden">"Mean level per domain at each self-assessment, newest first"</caption>
                <thead><tr><th scope="col">"Date"</th>{headings}</tr></thead>
                <tbody>
                    // A snapshot never changes once made: its time is its key.
                    <For each=newest_first key=|assessment| assessment.at.clone() let:assessment>
                        <tr>
                            <th scope="row">{words::date(&assessment.at)}</th>
                            {domain_levels(&assessment).into_iter().map(|(_, level)| view! {
                                <td>{level.map_or("–".to_owned(), format_level)}</td>
                            }).collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// Goals with a target date, linked to a competence domain and a module.
#[component]
fn LearningPlan() -> impl IntoView {
    let state = use_app_state();
    view! {
        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading">"Your learning plan"</h2>
            <p>
                "Set goals with a date. Several regulators (the GDC, for example) ask for a personal development plan."
            </p>
            <ul class="goals">
                // A goal's status is part of its key, so a changed one is drawn again.
                <For each=move || state.record.with(|r| r.goals.clone())
                    key=|goal| (goal.id.clone(), goal.status.label()) let:goal>
                    <GoalEntry goal/>
                </For>
            </ul>
            <GoalForm/>
        </section>
    }
}

/// One goal, with its status to change.
#[component]
fn GoalEntry(goal: Goal) -> impl IntoView {
    let state = use_app_state();
    let overdue = goal.status != GoalStatus::Done && goal.target_date < today().to_string();
    let select_id = format!("{}-status", goal.id.replace([':', '.'], "-"));
    let domains = goal.competences.iter().filter_map(|c| framework::find_domain(c).map(|d| d.label.to_owned()));
    let modules = goal.modules.iter().filter_map(|m| curriculum::catalogue().get(m).map(|m| m.title.clone()));
    let links: Vec<String> = domains.chain(modules).collect();
    let (status, goal_id) = (goal.status, goal.id.clone());
    // Drawn again when the status changes (it is part of the list's key), so set once.
    let current = RwSignal::new(status.label().to_owned());
    let statuses = options(GoalStatus::ALL.into_iter().map(|s| (s.label(), s.label())));
    let choose = Callback::new(move |chosen: String| {
        let status = GoalStatus::ALL.into_iter().find(|s| s.label() == chosen).unwrap_or(status);
        // A failed save is reported at the top of the page.
        state.apply_quietly(Change::SetGoalStatus { goal_id: goal_id.clone(), status });
    });
    view! {
        <li class="goal" class:goal--overdue=overdue>
            <p class="goal__title"><strong>{goal.title.clone()}</strong></p>
            <p>{format!("By {}", words::date(&goal.target_date))}
                {overdue.then(|| view! { " " <span class="tag tag--overdue">"Overdue"</span> })}</p>
            {(!links.is_empty()).then(|| view! { <p class="hint">{format!("Linked to: {}", links.join("; "))}</p> })}
            <Field id=select_id label="Status" inline=true>
                <Select value=current options=statuses on_change=choose/>
            </Field>
        </li>
    }
}

/// The element id of each field `competence::validate_goal` names.
fn element_id(field: GoalField) -> &'static str {
    match field {
        GoalField::Title => "goal-title",
        GoalField::TargetDate => "goal-target",
    }
}

/// Adds a goal to the learning plan.
#[component]
fn GoalForm() -> impl IntoView {
    let state = use_app_state();
    let title = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let domain = RwSignal::new(String::new());
    let module = RwSignal::new(String::new());
    let errors = Errors::new("goal-error-summary");
    let not_saved = RwSignal::new(None::<String>);
    // Goal titles go into xAPI statements and the portfolio.
    let privacy = PrivacyCheck::new(move || vec![title.get()]);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (goal_title, target_date) = (title.get_untracked().trim().to_owned(), target.get_untracked());
        let found = validate_goal(&goal_title, &target_date).into_iter();
        let mut problems: Vec<(String, String)> =
            found.map(|(field, message)| (element_id(field).to_owned(), message)).collect();
        problems.extend(privacy.problem().map(|problem| ("goal-private".to_owned(), problem)));
        if !errors.report(problems) {
            return;
        }
        let goal = Change::AddGoal {
            title: goal_title,
            target_date,
            competences: Some(domain.get_untracked()).filter(|d| !d.is_empty()).into_iter().collect(),
            modules: Some(module.get_untracked()).filter(|m| !m.is_empty()).into_iter().collect(),
        };
        state.apply(goal, move |outcome| {
            not_saved.set(outcome.as_ref().err().map(ToString::to_string));
            if outcome.is_ok() {
                title.set(String::new());
                target.set(String::new());
            }
        });
    };
    let domains: Vec<(String, String)> = competence_domains().iter().map(|d| (d.id.clone(), d.label.clone())).collect();
    let modules: Vec<(String, String)> =
        curriculum::catalogue().modules().iter().map(|m| (m.id.clone(), m.title.clone())).collect();
    view! {
        <form class="form" on:submit=add novalidate>
            <h3>"Add a goal"</h3>
            <ErrorSummary errors/>
            <Field id="goal-title" label="Goal" errors><TextInput value=title/></Field>
            <PrivacyWarning id="goal-private" check=privacy errors/>
            <Field id="goal-target" label="Target date" errors><DateInput value=target/></Field>
            <Field id="goal-domain" label="Competence domain (optional)" errors>
                <Select value=domain options=domains none="None"/>
            </Field>
            <Field id="goal-module" label="Module (optional)" errors>
                <Select value=module options=modules none="None"/>
            </Field>
            <p role="alert" class="error-message">{move || not_saved.get()}</p>
            <button type="submit" class="button button--secondary">"Add goal"</button>
        </form>
    }
}
