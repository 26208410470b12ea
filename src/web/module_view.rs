//! A module as the learner sees it. The learner's page and the `/author`
//! preview both render through [`ModuleBody`], so authors preview exactly
//! what learners will get.

use leptos::prelude::*;

use super::page_title::PageTitle;
use crate::domain::framework;
use crate::domain::module::{Block, KnowledgeCheck, Module, ReflectionPrompt};

/// The heading, facts and learning outcomes at the top of a module. In a
/// `preview` the title is not the page's `h1`: the page has its own.
#[component]
pub fn ModuleHeader(module: Module, #[prop(optional)] preview: bool) -> impl IntoView {
    let stages: Vec<&str> =
        module.stages.iter().filter_map(|id| framework::find(framework::STAGES, id).map(|term| term.label)).collect();
    let professions = if module.professions.is_empty() {
        "All professions".to_owned()
    } else {
        module
            .professions
            .iter()
            .filter_map(|id| framework::find(framework::PROFESSIONS, id).map(|term| term.label))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let competences: Vec<String> = module
        .competences
        .iter()
        .filter_map(|c| framework::find_domain(&c.domain).map(|d| format!("{} (level {})", d.label, c.level)))
        .collect();
    view! {
        <header class="module-header">
            <p class="module-header__kind">{module.kind.label()}</p>
            {if preview {
                view! { <h2 class="module-title">{module.title.clone()}</h2> }.into_any()
            } else {
                view! { <PageTitle text=module.title.clone()/> }.into_any()
            }}
            <p class="lede">{module.summary.clone()}</p>
            <dl class="facts">
                <div><dt>"Time"</dt><dd>{format!("{} minutes of CPD", module.minutes)}</dd></div>
                <div><dt>"For"</dt><dd>{stages.join(", ")}</dd></div>
                <div><dt>"Professions"</dt><dd>{professions}</dd></div>
                <div><dt>"Competences"</dt><dd>{competences.join("; ")}</dd></div>
            </dl>
            <section class="outcomes" aria-labelledby="outcomes-heading">
                <h2 id="outcomes-heading">"By the end you will be able to"</h2>
                <ul>{module.outcomes.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>
            </section>
        </header>
    }
}

/// The body of a module: prose, checks, reflections and callouts.
#[component]
pub fn ModuleBody(module: Module) -> impl IntoView {
    module
        .blocks
        .into_iter()
        .map(|block| match block {
            // Safe: domain::module::render is the only source of this HTML,
            // and it turns raw HTML into text and filters every URL.
            Block::Prose(html) => view! { <div class="prose" inner_html=html></div> }.into_any(),
            Block::Callout { kind, html } => view! {
                <div class=kind.class() role="note">
                    <p class="callout__label">{kind.label()}</p>
                    <div class="prose" inner_html=html></div>
                </div>
            }
            .into_any(),
            Block::Check(check) => view! { <KnowledgeCheckView check/> }.into_any(),
            Block::Reflection(prompt) => view! { <ReflectionView prompt/> }.into_any(),
        })
        .collect_view()
}

/// One question, answered by choosing options, with feedback on each
/// chosen option and the explanation once the learner checks.
#[component]
fn KnowledgeCheckView(check: KnowledgeCheck) -> impl IntoView {
    let multiple = check.is_multiple_answer();
    let chosen = RwSignal::new(Vec::<usize>::new());
    let outcome = RwSignal::new(None::<bool>);
    let check = StoredValue::new(check);
    let id = check.with_value(|c| c.id.clone());
    let hint = if multiple { "Choose all that apply." } else { "Choose one answer." };
    let options = check.with_value(|c| c.options.clone());
    let input_type = if multiple { "checkbox" } else { "radio" };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        outcome.set(Some(check.with_value(|c| c.is_answered_by(&chosen.get_untracked()))));
    };
    let option_views = options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let input_id = format!("{id}-option-{index}");
            let toggle = move |event: leptos::ev::Event| {
                let on = event_target_checked(&event);
                chosen.update(|chosen| {
                    if !multiple {
                        chosen.clear();
                    }
                    chosen.retain(|&i| i != index);
                    if on {
                        chosen.push(index);
                    }
                });
                outcome.set(None);
            };
            view! {
                <div class="choice">
                    <input type=input_type id=input_id.clone() name=id.clone() value=index.to_string() on:change=toggle/>
                    <label for=input_id>{option.text.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let feedback = move || {
        let correct = outcome.get()?;
        let chosen = chosen.get();
        let (verdict, class) = if correct {
            ("Correct.", "feedback feedback--correct")
        } else {
            ("Not quite.", "feedback feedback--incorrect")
        };
        let notes = check.with_value(|c| {
            chosen
                .iter()
                .filter_map(|&i| c.options.get(i))
                .map(|o| view! { <li>{o.feedback.clone()}</li> })
                .collect_view()
        });
        let explanation = check.with_value(|c| c.explanation.clone());
        Some(view! {
            <div class=class>
                <p class="feedback__verdict"><strong>{verdict}</strong></p>
                <ul>{notes}</ul>
                <p>{explanation}</p>
            </div>
        })
    };
    view! {
        <form class="check" on:submit=submit>
            <fieldset>
                <legend class="check__question">{check.with_value(|c| c.question.clone())}</legend>
                <p class="hint">{hint}</p>
                {option_views}
            </fieldset>
            <button type="submit" class="button button--secondary" disabled=move || chosen.with(Vec::is_empty)>
                "Check my answer"
            </button>
            <div aria-live="polite">{feedback}</div>
        </form>
    }
}

/// A free-text reflection prompt.
#[component]
fn ReflectionView(prompt: ReflectionPrompt) -> impl IntoView {
    let field_id = format!("reflection-{}", prompt.id);
    let hint_id = format!("{field_id}-hint");
    let hint = prompt.hint.clone();
    view! {
        <div class="reflection">
            <label class="reflection__prompt" for=field_id.clone()>{prompt.prompt.clone()}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <textarea id=field_id rows="6" aria-describedby=prompt.hint.as_ref().map(|_| hint_id.clone())></textarea>
        </div>
    }
}
