//! A module as the learner sees it. The learner's page and the `/author`
//! preview both render through [`ModuleBody`], so authors preview exactly
//! what learners will get.

use leptos::prelude::*;

use leptos_router::components::A;

use super::base;
use super::form::{AiWrittenReminder, Field, PrivacyCheck, PrivacyWarning, TextArea};
use super::page_title::PageTitle;
use super::state::{describe, use_app_state};
use crate::domain::change::Change;
use crate::domain::module::{page_words, Block, KnowledgeCheck, Module, ReflectionPrompt};

/// In the context while a module runs inside an LMS (`web::scorm`), where
/// there is no rest of Praxis for its links to lead to.
#[derive(Clone, Copy)]
pub struct InLms;

/// The heading, facts and learning outcomes at the top of a module. In a
/// `preview` the title is not the page's `h1`: the page has its own.
#[component]
pub fn ModuleHeader(module: Module, #[prop(optional)] preview: bool) -> impl IntoView {
    let facts = module.facts();
    view! {
        <header class="module-header">
            <p class="module-header__kind">{module.kind.label()}</p>
            {if preview {
                view! { <h2 class="module-title">{module.title.clone()}</h2> }.into_any()
            } else {
                view! { <PageTitle text=module.title.clone()/> }.into_any()
            }}
            <p class="lede">{module.summary.clone()}</p>
            // Until a named clinician has confirmed the module's clinical facts, learners are told so.
            {module.awaits_clinical_review().then(|| view! {
                <p class="tag tag--unconfirmed" role="note">{page_words::AWAITS_CLINICAL_REVIEW}</p>
            })}
            <dl class="facts">
                {facts.into_iter().map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> }).collect_view()}
            </dl>
            <section class="outcomes" aria-labelledby="outcomes-heading">
                <h2 id="outcomes-heading">{page_words::OUTCOMES_HEADING}</h2>
                <ul>{module.outcomes.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>
            </section>
        </header>
    }
}

/// The body of a module: prose, checks, reflections and callouts. With
/// `record_answers` the learner's answers are saved to their record and
/// may complete the module; the `/author` preview leaves it off.
#[component]
pub fn ModuleBody(module: Module, #[prop(optional)] record_answers: bool) -> impl IntoView {
    let module_id = record_answers.then(|| module.id.clone());
    module
        .blocks
        .into_iter()
        .map(|block| match block {
            // Safe: domain::module::render is the only source of this HTML,
            // and it turns raw HTML into text and filters every URL.
            Block::Prose(html) => view! { <div class="prose" inner_html=base::site_links(&html)></div> }.into_any(),
            Block::Callout { kind, html } => view! {
                <div class=kind.class() role="note">
                    <p class="callout__label">{kind.label()}</p>
                    <div class="prose" inner_html=base::site_links(&html)></div>
                </div>
            }
            .into_any(),
            Block::Check(check) => view! { <KnowledgeCheckView check module_id=module_id.clone()/> }.into_any(),
            Block::Reflection(prompt) => view! { <ReflectionView prompt module_id=module_id.clone()/> }.into_any(),
            // Only the /author preview meets one: a module with a broken block has an error and is never published.
            Block::Broken(broken) => view! {
                <div class="broken-block" role="note">
                    <p class="broken-block__label">{format!("This {} has an error on line {}", broken.name, broken.line)}</p>
                    <p>{broken.message}</p>
                </div>
            }
            .into_any(),
        })
        .collect_view()
}

/// One question, answered by choosing options, with feedback on each
/// chosen option and the explanation once the learner checks.
#[component]
fn KnowledgeCheckView(check: KnowledgeCheck, module_id: Option<String>) -> impl IntoView {
    let state = use_app_state();
    let multiple = check.is_multiple_answer();
    // A learner coming back sees the answer that counts towards completion,
    // with its feedback, rather than a blank check that is somehow "done".
    let latest = module_id.as_deref().and_then(|module_id| {
        state.record.with_untracked(|r| {
            let attempt = r.progress(module_id)?.latest_attempt(&check.id)?;
            let chosen: Vec<usize> = attempt.chosen.iter().copied().filter(|&i| i < check.options.len()).collect();
            Some((chosen, attempt.correct))
        })
    });
    let (chosen, outcome) = match latest {
        Some((chosen, correct)) => (RwSignal::new(chosen), RwSignal::new(Some(correct))),
        None => (RwSignal::new(Vec::new()), RwSignal::new(None)),
    };
    let check = StoredValue::new(check);
    let id = check.with_value(|c| c.id.clone());
    let hint = check.with_value(KnowledgeCheck::hint);
    let options = check.with_value(|c| c.options.iter().map(|o| o.text.clone()).collect());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let chosen = chosen.get_untracked();
        let correct = check.with_value(|c| c.is_answered_by(&chosen));
        outcome.set(Some(correct));
        if let Some(module_id) = &module_id {
            let check_id = check.with_value(|c| c.id.clone());
            // A failed save is reported at the top of the page.
            state.apply_quietly(Change::AnswerCheck { module_id: module_id.clone(), check_id, chosen });
        }
    };
    // Not the form kit's Radios: domain::prerender writes this same markup
    // as static HTML before the wasm arrives, and one question's options are
    // radio buttons or tick boxes by its number of answers.
    view! {
        <form class="check" on:submit=submit>
            <fieldset>
                <legend class="check__question">{check.with_value(|c| c.question.clone())}</legend>
                <p class="hint">{hint}</p>
                <CheckOptions id options multiple chosen outcome/>
            </fieldset>
            <button type="submit" class="button button--secondary" disabled=move || chosen.with(Vec::is_empty)>
                {page_words::CHECK_ANSWER}
            </button>
            <div aria-live="polite"><CheckFeedback check chosen outcome/></div>
        </form>
    }
}

/// A check's options: tick boxes when more than one answer is right, else
/// radio buttons. A new choice clears the verdict on the last one.
#[component]
fn CheckOptions(
    id: String,
    /// Each option's text.
    options: Vec<String>,
    multiple: bool,
    chosen: RwSignal<Vec<usize>>,
    outcome: RwSignal<Option<bool>>,
) -> impl IntoView {
    let input_type = if multiple { "checkbox" } else { "radio" };
    options
        .into_iter()
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
                    <input type=input_type id=input_id.clone() name=id.clone() value=index.to_string()
                        prop:checked=move || chosen.with(|c| c.contains(&index)) on:change=toggle/>
                    <label for=input_id>{option}</label>
                </div>
            }
        })
        .collect_view()
}

/// Once the learner checks: the verdict, each chosen option's feedback,
/// and the explanation.
#[component]
fn CheckFeedback(
    check: StoredValue<KnowledgeCheck>,
    chosen: RwSignal<Vec<usize>>,
    outcome: RwSignal<Option<bool>>,
) -> impl IntoView {
    move || {
        let correct = outcome.get()?;
        let chosen = chosen.get();
        // The verdict is a whole sentence because each option's own feedback
        // often opens with "Yes:", "Correct:" or "Not quite:", which a bare
        // "Correct." or "Not quite." would repeat.
        let (verdict, class) = if correct {
            ("Your answer is right.", "feedback feedback--correct")
        } else {
            ("Your answer is not right yet.", "feedback feedback--incorrect")
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
    }
}

/// A free-text reflection prompt. The learner's answer is saved when they
/// press the button or leave the field; until then it stays in the box.
#[component]
fn ReflectionView(prompt: ReflectionPrompt, module_id: Option<String>) -> impl IntoView {
    let field_id = format!("reflection-{}", prompt.id);
    let state = use_app_state();
    let saved_text = {
        let (module_id, prompt_id) = (module_id.clone(), prompt.id.clone());
        move || {
            let module_id = module_id.as_deref()?;
            state.record.with(|r| r.progress(module_id)?.reflections.get(&prompt_id).map(|a| a.text.clone()))
        }
    };
    let text = RwSignal::new(saved_text().unwrap_or_default());
    let status = RwSignal::new(None::<String>);
    // A changed answer is no longer the one a status spoke of.
    Effect::watch(move || text.track(), move |_, _, _| status.set(None), false);
    let privacy = PrivacyCheck::new(move || vec![text.get()]);
    let learner_mode = module_id.is_some();
    // Inside an LMS there is no rest of Praxis to link to.
    let links_out = learner_mode && use_context::<InLms>().is_none();
    let private_id = format!("{field_id}-private");
    let account_link =
        base::href(&format!("/cpd?reflect={}/{}#reflective-account", module_id.clone().unwrap_or_default(), prompt.id));
    let saved_for_link = saved_text.clone();
    let save = Callback::new({
        let prompt_id = prompt.id.clone();
        move |()| {
            let Some(module_id) = &module_id else { return };
            let current = text.get_untracked();
            if saved_text().unwrap_or_default() == current {
                return;
            }
            if privacy.problem().is_some() {
                status.set(Some("Not saved: check the highlighted text first.".to_owned()));
                return;
            }
            status.set(Some("Saving…".to_owned()));
            let change =
                Change::SaveReflection { module_id: module_id.clone(), prompt_id: prompt_id.clone(), text: current };
            state.apply(change, move |outcome| {
                status.set(Some(match &outcome {
                    Ok(_) => "Your answer is saved in this browser.".to_owned(),
                    Err(_) => format!("{} Your answer is still here.", describe(&outcome, |_| String::new())),
                }));
            });
        }
    });
    // Pressing the button always answers, unlike leaving the field.
    let press = move |_| {
        // The /author preview saves nothing.
        if !learner_mode {
            return;
        }
        // An unchanged answer keeps the status its save left (which may be "not saved").
        if text.with_untracked(|current| current.trim().is_empty()) {
            status.set(Some("Nothing to save yet: write your answer in the box first.".to_owned()));
        } else {
            save.run(());
        }
    };
    view! {
        <div class="reflection">
            {learner_mode.then(|| view! { <AiWrittenReminder/> })}
            <Field id=field_id label=prompt.prompt.clone() hint=prompt.hint.clone().unwrap_or_default()>
                <TextArea value=text rows=6 on_blur=save/>
            </Field>
            {learner_mode.then(|| view! {
                <PrivacyWarning id=private_id.clone() check=privacy/>
            })}
            <button type="button" class="button button--secondary" on:click=press>{page_words::SAVE_REFLECTION}</button>
            <p role="status" class="hint">{move || status.get()}</p>
            {move || (links_out && saved_for_link().is_some()).then(|| view! {
                <p><A href=account_link.clone()>"Use this answer in a reflective account"</A></p>
            })}
        </div>
    }
}
