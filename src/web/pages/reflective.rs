//! The reflective account form on `/cpd`: a regulator's template, with
//! word counts and the privacy check, saved into the CPD log. Opened from
//! a module reflection (`/cpd?reflect=module/prompt`), it starts from what
//! the learner already wrote.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::change::{Applied, Change};
use crate::domain::curriculum;
use crate::domain::reflective::{self, templates, word_count, Field as AccountField, Question, Template};
use crate::web::form::{
    ErrorSummary, Errors, Field, NumberInput, PrivacyCheck, PrivacyWarning, Select, TextArea, TextInput,
};
use crate::web::state::{describe, use_app_state};

/// Where a privacy problem is reported: the first flagged field's warning.
const PRIVATE: &str = "account-private";

/// The element id of a question's answer box.
fn answer_id(question_id: &str) -> String {
    format!("account-{question_id}")
}

/// The element id of each field `reflective::check` names; "no answer"
/// leads to the first question.
fn element_id(template: &Template, field: AccountField) -> String {
    match field {
        AccountField::Answers => template.questions.first().map_or_else(String::new, |q| answer_id(&q.id)),
        AccountField::Question(id) => answer_id(id),
        AccountField::Hours => "account-hours".to_owned(),
    }
}

#[component]
pub fn ReflectiveAccountForm() -> impl IntoView {
    let state = use_app_state();
    let first = state.record.with_untracked(|r| reflective::default_template(r.profile.regulator.as_deref()));
    let template = RwSignal::new(first.id.clone());
    let answers: Answers = StoredValue::new(
        templates().iter().flat_map(|t| &t.questions).map(|q| (q.id.clone(), RwSignal::new(String::new()))).collect(),
    );
    let title = RwSignal::new(String::new());
    let hours = RwSignal::new("0".to_owned());
    let message = RwSignal::new(None::<String>);
    let errors = Errors::new("account-error-summary");
    if let Some((start_title, question, text)) = started_from_module(first) {
        title.set(start_title);
        answer(answers, &question).set(text);
    }

    let current = move || reflective::find(&template.get()).unwrap_or(&templates()[0]);
    // Field 0 is the title, then the current template's questions in order.
    let privacy = PrivacyCheck::new(move || {
        let answers = current().questions.iter().map(|q| answer(answers, &q.id).get());
        std::iter::once(title.get()).chain(answers).collect()
    });
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let template = current();
        let answered = answered(template, answers);
        let checked = reflective::check(template, &answered, &hours.get_untracked());
        let found = checked.as_ref().err().into_iter().flatten();
        let mut problems: Vec<(String, String)> =
            found.map(|(field, message)| (element_id(template, *field), message.clone())).collect();
        problems.extend(privacy.problem().map(|problem| (PRIVATE.to_owned(), problem)));
        let (true, Ok(hours)) = (errors.report(problems), checked) else { return };
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
                answers.with_value(|all| all.values().for_each(|text| text.set(String::new())));
                title.set(String::new());
                privacy.confirmed.set(false);
            }
        });
    };
    let template_options: Vec<(String, String)> = templates().iter().map(|t| (t.id.clone(), t.name.clone())).collect();

    view! {
        <form class="form" id="reflective-account" on:submit=save novalidate>
            <h2>"Write a reflective account"</h2>
            <p>
                "Use your regulator's questions. Write in your own words, and never include anything that could "
                "identify a patient or service user."
            </p>
            <ErrorSummary errors/>
            <Field id="template" label="Template" hint=move || format!("Questions from: {}.", current().source) errors>
                <Select value=template options=template_options/>
            </Field>
            <Field id="account-title" label="Title of the account" errors>
                <TextInput value=title/>
            </Field>
            <PrivacyWarning id=PRIVATE check=privacy field=0 errors/>
            {move || current().questions.iter().enumerate().map(|(index, question)| view! {
                <AnswerBox question answers errors/>
                <PrivacyWarning id=PRIVATE check=privacy field=index + 1 errors/>
            }).collect_view()}
            <Field id="account-hours" label="CPD hours (if it records learning time)" errors>
                <NumberInput value=hours/>
            </Field>
            <button type="submit" class="button">"Save reflective account"</button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

/// Opened from a module's reflection prompt (`?reflect=module/prompt`):
/// the account's title and the question that takes the learner's answer,
/// with that answer.
fn started_from_module(template: &Template) -> Option<(String, String, String)> {
    let state = use_app_state();
    let reflect = use_query_map().with_untracked(|q| q.get("reflect"))?;
    let (module_id, prompt_id) = reflect.split_once('/')?;
    let text = state
        .record
        .with_untracked(|r| r.progress(module_id).and_then(|p| p.reflections.get(prompt_id)).map(|a| a.text.clone()))?;
    let module_title = curriculum::catalogue().get(module_id).map_or(module_id.to_owned(), |m| m.title.clone());
    let question = template.questions.iter().find(|q| q.id == "learned").unwrap_or(&template.questions[0]);
    Some((format!("Reflection on “{module_title}”"), question.id.clone(), text))
}

/// Every question's answer box, by question id, across the templates: an
/// answer stays when the learner changes template and back.
type Answers = StoredValue<BTreeMap<String, RwSignal<String>>>;

/// The answers given to `template`'s questions, by question id.
fn answered(template: &Template, answers: Answers) -> BTreeMap<String, String> {
    let typed = template.questions.iter().map(|q| (q.id.clone(), answer(answers, &q.id).get_untracked()));
    typed.filter(|(_, text)| !text.trim().is_empty()).collect()
}

fn answer(answers: Answers, question_id: &str) -> RwSignal<String> {
    answers.with_value(|all| all.get(question_id).copied()).unwrap_or_else(|| RwSignal::new(String::new()))
}

/// One question's answer, with its word count against any limit.
#[component]
fn AnswerBox(question: &'static Question, answers: Answers, errors: Errors) -> impl IntoView {
    let text = answer(answers, &question.id);
    let limit = question.word_limit;
    let count = move || {
        let words = text.with(|t| word_count(t));
        match limit {
            Some(limit) if words > limit => format!("{words} words: {} over the limit of {limit}", words - limit),
            Some(limit) => format!("{words} of {limit} words"),
            None => format!("{words} words"),
        }
    };
    view! {
        <Field id=answer_id(&question.id) label=question.text.as_str() hint=count errors>
            <TextArea value=text/>
        </Field>
    }
}
