//! `/incidents`: the AI incident and learning log. What goes right is
//! worth recording as much as what goes wrong.

use leptos::prelude::*;

use crate::domain::change::Change;
use crate::domain::incident::{self, report_summary};
use crate::domain::record::{Incident, Outcome, ReportRoute};
use crate::domain::words;
use crate::web::browser::{download, today};
use crate::web::form::{
    options, DateInput, ErrorSummary, Errors, Field, PrivacyCheck, PrivacyWarning, Radios, TextArea, TextInput,
};
use crate::web::page_title::PageTitle;
use crate::web::state::{describe, use_app_state};

#[component]
pub fn IncidentsPage() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let newest_first = move || state.record.with(|r| r.incidents.iter().rev().cloned().collect::<Vec<_>>());
    view! {
        <PageTitle text="AI event log"/>
        <p class="lede">
            "Record what happens when you use AI at work: errors, near misses, good catches, and times it worked well. "
            "Learning from all of them makes care safer."
        </p>
        <p role="status">{move || message.get()}</p>
        <ul class="log">
            // Reflecting on an event changes its key, so its row is drawn again.
            <For each=newest_first key=|incident| (incident.id.clone(), incident.reflected_at.clone()) let:incident>
                <IncidentEntry incident message/>
            </For>
        </ul>
        <IncidentForm/>
    }
}

/// One event in the log, with its report summary and reflection buttons.
#[component]
fn IncidentEntry(incident: Incident, message: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let summary_file = format!("praxis-ai-event-{}.txt", incident.date);
    let summary = report_summary(&incident);
    let incident_id = incident.id.clone();
    let reflect = move |_| {
        let change = Change::ReflectOnIncident { incident_id: incident_id.clone() };
        state.apply(change, move |outcome| {
            message.set(Some(describe(&outcome, |_| {
                "Added a reflective account and a CPD entry to your CPD log. Open the log to finish them.".to_owned()
            })));
        });
    };
    let reflected = match incident.reflected_at.clone() {
        Some(at) => {
            view! { <span class="tag tag--done">{format!("Reflected on {}", words::date(&at))}</span> }.into_any()
        }
        None => view! {
            <button type="button" class="button button--secondary" on:click=reflect>
                "Turn into a reflective account and CPD entry"</button>
        }
        .into_any(),
    };
    view! {
        <li class="log__entry">
            <p class="log__title"><strong>{format!("{}: {}", words::date(&incident.date), incident.tool)}</strong></p>
            <p><span class="tag">{incident.outcome.label()}</span></p>
            <p class="answer">{incident.what_happened.clone()}</p>
            <p class="log__actions">
                <button type="button" class="button button--secondary"
                    on:click=move |_| { let _ = download(&summary_file, "text/plain", &summary); }>
                    "Download a summary for a Yellow Card or manufacturer report"</button>
                {reflected}
            </p>
        </li>
    }
}

/// Where a privacy problem is reported: the first flagged field's warning.
const PRIVATE: &str = "incident-private";
/// The outcome's radio buttons: each is `outcome-{Outcome::id}`.
const OUTCOME_ID: &str = "outcome";

/// The element id of each field `incident::validate` names.
fn element_id(field: incident::Field) -> &'static str {
    match field {
        incident::Field::Date => "incident-date",
        incident::Field::Tool => "incident-tool",
        incident::Field::WhatHappened => "incident-what",
        // The first choice (`Outcome::ALL[0]`, as form::Radios names it under
        // OUTCOME_ID): a group of radio buttons has no id of its own.
        incident::Field::Outcome => "outcome-harm",
    }
}

/// The event form's answers as typed.
#[derive(Clone, Copy)]
struct Draft {
    date: RwSignal<String>,
    tool: RwSignal<String>,
    version: RwSignal<String>,
    setting: RwSignal<String>,
    what: RwSignal<String>,
    /// An `Outcome` id, or empty until one is chosen.
    outcome: RwSignal<String>,
    did: RwSignal<String>,
    told: RwSignal<String>,
    /// A reference for each of `ReportRoute::ALL`, in its order.
    reports: [RwSignal<String>; ReportRoute::ALL.len()],
}

impl Draft {
    fn new() -> Draft {
        let text = || RwSignal::new(String::new());
        Draft {
            date: RwSignal::new(today().to_string()),
            tool: text(),
            version: text(),
            setting: text(),
            what: text(),
            outcome: RwSignal::new(String::new()),
            did: text(),
            told: text(),
            reports: ReportRoute::ALL.map(|_| text()),
        }
    }

    /// The free-text fields, in the order the privacy check numbers them.
    fn texts(&self) -> [RwSignal<String>; 6] {
        [self.tool, self.version, self.setting, self.what, self.did, self.told]
    }

    fn clear(&self) {
        self.texts().into_iter().chain(self.reports).for_each(|field| field.set(String::new()));
        self.outcome.set(String::new());
    }

    /// The event to record, or its problems by element id.
    fn incident(&self) -> Result<Incident, Vec<(String, String)>> {
        let (date, tool, what) = (self.date.get_untracked(), self.tool.get_untracked(), self.what.get_untracked());
        let outcome = self.outcome.with_untracked(|id| Outcome::ALL.into_iter().find(|o| o.id() == id));
        let problems = incident::validate(&date, &tool, &what, outcome);
        let Some(outcome) = outcome.filter(|_| problems.is_empty()) else {
            return Err(problems.into_iter().map(|(field, message)| (element_id(field).to_owned(), message)).collect());
        };
        let references = ReportRoute::ALL.into_iter().zip(self.reports.map(|reference| reference.get_untracked()));
        let reports = references.filter(|(_, reference)| !reference.trim().is_empty());
        Ok(Incident {
            id: String::new(),
            date,
            tool: tool.trim().to_owned(),
            tool_version: self.version.get_untracked(),
            setting: self.setting.get_untracked(),
            what_happened: what,
            outcome,
            what_you_did: self.did.get_untracked(),
            who_you_told: self.told.get_untracked(),
            reports: reports.collect(),
            created_at: String::new(),
            reflected_at: None,
        })
    }
}

#[component]
fn IncidentForm() -> impl IntoView {
    let state = use_app_state();
    let draft = Draft::new();
    let errors = Errors::new("error-summary");
    let not_saved = RwSignal::new(None::<String>);
    // Fields 0 to 5 as `Draft::texts` lists them, then each report route's
    // reference in `ReportRoute::ALL` order: each warning sits beside its own field.
    let privacy =
        PrivacyCheck::new(move || draft.texts().into_iter().chain(draft.reports).map(|field| field.get()).collect());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let checked = draft.incident();
        let mut problems = checked.as_ref().err().cloned().unwrap_or_default();
        problems.extend(privacy.problem().map(|problem| (PRIVATE.to_owned(), problem)));
        let (true, Ok(incident)) = (errors.report(problems), checked) else { return };
        state.apply(Change::RecordIncident { incident }, move |saved| {
            not_saved.set(saved.as_ref().err().map(|not_saved| not_saved.to_string()));
            if saved.is_ok() {
                draft.clear();
                privacy.confirmed.set(false);
            }
        });
    };
    let text = move |id: &'static str, label: &'static str, value: RwSignal<String>, field: usize| {
        view! {
            <Field id label errors><TextInput value/></Field>
            <PrivacyWarning id=PRIVATE check=privacy field errors/>
        }
    };
    let area = move |id: &'static str, label: &'static str, value: RwSignal<String>, field: usize| {
        view! {
            <Field id label errors><TextArea value rows=4/></Field>
            <PrivacyWarning id=PRIVATE check=privacy field errors/>
        }
    };
    view! {
        <form class="form" on:submit=save novalidate>
            <h2>"Record an event"</h2>
            <p class="hint">"Never include anything that could identify a patient or service user."</p>
            <ErrorSummary errors/>
            <Field id="incident-date" label="Date" errors><DateInput value=draft.date/></Field>
            {text("incident-tool", "AI tool", draft.tool, 0)}
            {text("incident-version", "Version, mode or settings (if known)", draft.version, 1)}
            {text("incident-setting", "Care setting", draft.setting, 2)}
            {area("incident-what", "What happened", draft.what, 3)}
            <OutcomeChoice outcome=draft.outcome errors/>
            {area("incident-did", "What you did", draft.did, 4)}
            {text("incident-told", "Who you told (roles, not names)", draft.told, 5)}
            <ReportReferences reports=draft.reports privacy errors/>
            <p role="alert" class="error-message">{move || not_saved.get()}</p>
            <button type="submit" class="button">"Save to the log"</button>
        </form>
    }
}

/// The event's outcome, one of `Outcome::ALL`, with its error above the choices.
#[component]
fn OutcomeChoice(outcome: RwSignal<String>, errors: Errors) -> impl IntoView {
    let choices = options(Outcome::ALL.iter().map(|o| (o.id(), o.label())));
    view! {
        <Radios id=OUTCOME_ID legend="Outcome" value=outcome on_change=Callback::new(move |id| outcome.set(id))
            options=choices errors/>
    }
}

/// A reference number for each place the event may have been reported.
#[component]
fn ReportReferences(
    reports: [RwSignal<String>; ReportRoute::ALL.len()],
    privacy: PrivacyCheck,
    errors: Errors,
) -> impl IntoView {
    let references = ReportRoute::ALL
        .into_iter()
        .zip(reports)
        .enumerate()
        .map(|(index, (route, reference))| {
            view! {
                <Field id=format!("report-{route:?}").to_lowercase() label=route.label() errors>
                    <TextInput value=reference class="input--medium"/>
                </Field>
                <PrivacyWarning id=PRIVATE check=privacy field=6 + index errors/>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field">
            <legend>"Where you reported it, with the reference number"</legend>
            {references}
        </fieldset>
    }
}
