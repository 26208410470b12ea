//! The reflective account form on `/cpd`: a regulator's template, with
//! word counts and the privacy check, saved into the CPD log. Opened from
//! a module reflection (`/cpd?reflect=module/prompt`), it starts from what
//! the learner already wrote.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::change::{Applied, Change};
use crate::domain::curriculum;
use crate::domain::reflective::{self, over_limit, templates, word_count};
use crate::web::privacy_warning::{PrivacyCheck, PrivacyWarning};
use crate::web::state::{describe, use_app_state};

#[component]
pub fn ReflectiveAccountForm() -> impl IntoView {
    let state = use_app_state();
    let first = state.record.with_untracked(|r| reflective::default_template(r.profile.regulator.as_deref()));
    let template = RwSignal::new(first.id.clone());
    let answers = RwSignal::new(BTreeMap::<String, String>::new());
    let title = RwSignal::new(String::new());
    let hours = RwSignal::new("0".to_owned());
    let message = RwSignal::new(None::<String>);

    // Started from a module's reflection prompt: bring its answer along.
    let query = use_query_map();
    if let Some((module_id, prompt_id)) = query.with_untracked(|q| q.get("reflect")).and_then(|r| {
        let (module, prompt) = r.split_once('/')?;
        Some((module.to_owned(), prompt.to_owned()))
    }) {
        let text = state.record.with_untracked(|r| {
            r.progress(&module_id).and_then(|p| p.reflections.get(&prompt_id)).map(|a| a.text.clone())
        });
        if let Some(text) = text {
            let module_title = curriculum::catalogue().get(&module_id).map_or(module_id.clone(), |m| m.title.clone());
            title.set(format!("Reflection on “{module_title}”"));
            let question = first.questions.iter().find(|q| q.id == "learned").unwrap_or(&first.questions[0]);
            answers.update(|a| {
                a.insert(question.id.clone(), text);
            });
        }
    }

    let current = move || reflective::find(&template.get()).unwrap_or(&templates()[0]);
    // Field 0 is the title, then the current template's questions in order.
    let privacy = PrivacyCheck::new(move || {
        let questions = &current().questions;
        let answers =
            answers.with(|a| questions.iter().map(|q| a.get(&q.id).cloned().unwrap_or_default()).collect::<Vec<_>>());
        std::iter::once(title.get()).chain(answers).collect()
    });
    let PrivacyCheck { findings, confirmed: confirmed_private, .. } = privacy;
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let template = current();
        let all = answers.get_untracked();
        let answered: BTreeMap<String, String> = template
            .questions
            .iter()
            .filter_map(|q| all.get(&q.id).filter(|a| !a.trim().is_empty()).map(|a| (q.id.clone(), a.clone())))
            .collect();
        let problems = over_limit(template, |id| answered.get(id).cloned().unwrap_or_default());
        let message_text = if answered.is_empty() {
            Some("Answer at least one question before saving.".to_owned())
        } else if let Some((_, problem)) = problems.first() {
            Some(problem.clone())
        } else if !findings.get_untracked().is_empty() && !confirmed_private.get_untracked() {
            Some(
                "Check the highlighted text: remove anything that could identify a patient, or confirm it does not."
                    .to_owned(),
            )
        } else {
            None
        };
        if message_text.is_some() {
            message.set(message_text);
            return;
        }
        let hours_typed = hours.get_untracked();
        let hours_typed = hours_typed.trim();
        let Ok(hours) = (if hours_typed.is_empty() { Ok(0.0) } else { hours_typed.parse::<f32>() }) else {
            message.set(Some("CPD hours: enter a number of hours, such as 0.5, or leave it empty.".to_owned()));
            return;
        };
        let change = Change::AddReflectiveAccount {
            template_id: template.id.clone(),
            title: title.get_untracked(),
            hours,
            answers: answered,
        };
        let kind = template.counts_as.label().to_lowercase();
        state.apply(change, move |outcome| {
            message.set(Some(describe(&outcome, |applied| match applied {
                Applied::Logged { title } => format!("Saved “{title}” to your CPD log as a {kind}."),
                _ => format!("Saved to your CPD log as a {kind}."),
            })));
            if outcome.is_ok() {
                answers.set(BTreeMap::new());
                title.set(String::new());
                confirmed_private.set(false);
            }
        });
    };

    view! {
        <form class="form" id="reflective-account" on:submit=save>
            <h2>"Write a reflective account"</h2>
            <p>"Use your regulator's questions. Write in your own words, and never include anything that could identify a patient or service user."</p>
            <div class="field">
                <label for="template">"Template"</label>
                <select id="template" on:change=move |e| template.set(event_target_value(&e))>
                    {templates().iter().map(|t| view! { <option value=t.id.as_str() selected=move || template.get() == t.id>{t.name.as_str()}</option> }).collect_view()}
                </select>
                <p class="hint">{move || format!("Questions from: {}.", current().source)}</p>
            </div>
            <div class="field">
                <label for="account-title">"Title of the account"</label>
                <input type="text" id="account-title" prop:value=move || title.get() on:input=move |e| title.set(event_target_value(&e))/>
            </div>
            <PrivacyWarning id="account-private" check=privacy field=0/>
            {move || current().questions.iter().enumerate().map(|(index, question)| {
                let field_id = format!("account-{}", question.id);
                let count_id = format!("{field_id}-count");
                let id = question.id.as_str();
                let limit = question.word_limit;
                view! {
                    <div class="field">
                        <label for=field_id.clone()>{question.text.as_str()}</label>
                        <textarea id=field_id rows="5" aria-describedby=count_id.clone()
                            prop:value=move || answers.with(|a| a.get(id).cloned().unwrap_or_default())
                            on:input=move |e| answers.update(|a| { a.insert(id.to_owned(), event_target_value(&e)); })></textarea>
                        <p class="hint" id=count_id>{move || {
                            let words = answers.with(|a| a.get(id).map_or(0, |t| word_count(t)));
                            match limit {
                                Some(limit) if words > limit => format!("{words} words: {} over the limit of {limit}", words - limit),
                                Some(limit) => format!("{words} of {limit} words"),
                                None => format!("{words} words"),
                            }
                        }}</p>
                    </div>
                    <PrivacyWarning id="account-private" check=privacy field=index + 1/>
                }
            }).collect_view()}
            <div class="field">
                <label for="account-hours">"CPD hours (if it records learning time)"</label>
                <input type="text" inputmode="decimal" id="account-hours" class="input--short" prop:value=move || hours.get()
                    on:input=move |e| hours.set(event_target_value(&e))/>
            </div>
            <button type="submit" class="button">"Save reflective account"</button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}
