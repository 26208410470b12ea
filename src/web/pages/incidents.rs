//! `/incidents`: the AI incident and learning log. What goes right is
//! worth recording as much as what goes wrong.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::change::Change;
use crate::domain::incident::report_summary;
use crate::domain::record::{Incident, Outcome, ReportRoute};
use crate::domain::words;
use crate::web::browser::{download, today};
use crate::web::page_title::PageTitle;
use crate::web::privacy_warning::{PrivacyCheck, PrivacyWarning};
use crate::web::state::{describe, use_app_state};

#[component]
pub fn IncidentsPage() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let turn_into_reflection = move |incident: Incident| {
        state.apply(Change::ReflectOnIncident { incident_id: incident.id }, move |outcome| {
            message.set(Some(describe(&outcome, |_| {
                "Added a reflective account and a CPD entry to your CPD log. Open the log to finish them.".to_owned()
            })));
        });
    };
    view! {
        <PageTitle text="AI event log"/>
        <p class="lede">
            "Record what happens when you use AI at work: errors, near misses, good catches, and times it worked well. "
            "Learning from all of them makes care safer."
        </p>
        <p role="status">{move || message.get()}</p>
        <ul class="log">
            {move || state.record.with(|r| r.incidents.iter().rev().cloned().collect::<Vec<_>>()).into_iter().map(|incident| {
                let summary_file = format!("praxis-ai-event-{}.txt", incident.date);
                let summary = report_summary(&incident);
                let for_reflection = incident.clone();
                view! {
                    <li class="log__entry">
                        <p class="log__title"><strong>{format!("{}: {}", words::date(&incident.date), incident.tool)}</strong></p>
                        <p><span class="tag">{incident.outcome.label()}</span></p>
                        <p class="answer">{incident.what_happened.clone()}</p>
                        <p class="log__actions">
                            <button type="button" class="button button--secondary"
                                on:click=move |_| { let _ = download(&summary_file, "text/plain", &summary); }>
                                "Download a summary for a Yellow Card or manufacturer report"</button>
                            {match incident.reflected_at.clone() {
                                Some(at) => view! { <span class="tag tag--done">{format!("Reflected on {}", words::date(&at))}</span> }.into_any(),
                                None => view! {
                                    <button type="button" class="button button--secondary" on:click=move |_| turn_into_reflection(for_reflection.clone())>
                                        "Turn into a reflective account and CPD entry"</button>
                                }.into_any(),
                            }}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
        <IncidentForm/>
    }
}

#[component]
fn IncidentForm() -> impl IntoView {
    let state = use_app_state();
    let date = RwSignal::new(today().to_string());
    let tool = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let setting = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let did = RwSignal::new(String::new());
    let told = RwSignal::new(String::new());
    let reports = RwSignal::new(BTreeMap::<ReportRoute, String>::new());
    let error = RwSignal::new(None::<String>);
    // Fields 0 to 5 as listed here, then each report route's reference in
    // `ReportRoute::ALL` order: each warning sits beside its own field.
    let privacy = PrivacyCheck::new(move || {
        let fields = [tool, version, setting, what, did, told].map(|field| field.get());
        let references = reports.with(|r| {
            ReportRoute::ALL.into_iter().map(|route| r.get(&route).cloned().unwrap_or_default()).collect::<Vec<_>>()
        });
        fields.into_iter().chain(references).collect()
    });
    let PrivacyCheck { findings, confirmed: confirmed_private, .. } = privacy;
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let problem = if tool.get_untracked().trim().is_empty() || what.get_untracked().trim().is_empty() {
            Some("Name the AI tool and say what happened.")
        } else if outcome.get_untracked().is_none() {
            Some("Choose what the outcome was.")
        } else if !findings.get_untracked().is_empty() && !confirmed_private.get_untracked() {
            Some("Check the highlighted text: remove anything that could identify a patient, or confirm it does not.")
        } else {
            None
        };
        if let Some(problem) = problem {
            error.set(Some(problem.to_owned()));
            return;
        }
        error.set(None);
        let incident = Incident {
            id: String::new(),
            date: date.get_untracked(),
            tool: tool.get_untracked().trim().to_owned(),
            tool_version: version.get_untracked(),
            setting: setting.get_untracked(),
            what_happened: what.get_untracked(),
            outcome: outcome.get_untracked().expect("checked above"),
            what_you_did: did.get_untracked(),
            who_you_told: told.get_untracked(),
            reports: reports
                .get_untracked()
                .into_iter()
                .filter(|(_, reference)| !reference.trim().is_empty())
                .collect(),
            created_at: String::new(),
            reflected_at: None,
        };
        state.apply(Change::RecordIncident { incident }, move |saved| {
            error.set(saved.as_ref().err().map(|not_saved| not_saved.to_string()));
            if saved.is_ok() {
                for field in [tool, version, setting, what, did, told] {
                    field.set(String::new());
                }
                outcome.set(None);
                reports.set(BTreeMap::new());
                confirmed_private.set(false);
            }
        });
    };
    let text = move |id: &'static str, label: &'static str, value: RwSignal<String>, field: usize| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input type="text" id=id prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))/>
            </div>
            <PrivacyWarning id="incident-private" check=privacy field/>
        }
    };
    let area = move |id: &'static str, label: &'static str, value: RwSignal<String>, field: usize| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <textarea id=id rows="4" prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))></textarea>
            </div>
            <PrivacyWarning id="incident-private" check=privacy field/>
        }
    };
    view! {
        <form class="form" on:submit=save>
            <h2>"Record an event"</h2>
            <p class="hint">"Never include anything that could identify a patient or service user."</p>
            <div class="field">
                <label for="incident-date">"Date"</label>
                <input type="date" id="incident-date" prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e))/>
            </div>
            {text("incident-tool", "AI tool", tool, 0)}
            {text("incident-version", "Version, mode or settings (if known)", version, 1)}
            {text("incident-setting", "Care setting", setting, 2)}
            {area("incident-what", "What happened", what, 3)}
            <fieldset class="field">
                <legend>"Outcome"</legend>
                {Outcome::ALL.into_iter().map(|choice| {
                    let input_id = format!("outcome-{}", choice.id());
                    view! {
                        <div class="choice">
                            <input type="radio" name="incident-outcome" id=input_id.clone() prop:checked=move || outcome.get() == Some(choice)
                                on:change=move |_| outcome.set(Some(choice))/>
                            <label for=input_id>{choice.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            {area("incident-did", "What you did", did, 4)}
            {text("incident-told", "Who you told (roles, not names)", told, 5)}
            <fieldset class="field">
                <legend>"Where you reported it, with the reference number"</legend>
                {ReportRoute::ALL.into_iter().enumerate().map(|(index, route)| {
                    let input_id = format!("report-{route:?}").to_lowercase();
                    view! {
                        <div class="field">
                            <label for=input_id.clone()>{route.label()}</label>
                            <input type="text" id=input_id class="input--medium"
                                prop:value=move || reports.with(|r| r.get(&route).cloned().unwrap_or_default())
                                on:input=move |e| reports.update(|r| { r.insert(route, event_target_value(&e)); })/>
                        </div>
                        <PrivacyWarning id="incident-private" check=privacy field=6 + index/>
                    }
                }).collect_view()}
            </fieldset>
            <p role="alert" class="error-message">{move || error.get()}</p>
            <button type="submit" class="button">"Save to the log"</button>
        </form>
    }
}
