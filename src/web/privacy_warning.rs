//! Warnings about what a learner writes as evidence: likely identifiable
//! data (found on the device, never sent anywhere), and the regulators
//! that do not accept AI-written reflections.

use leptos::prelude::*;

use super::state::use_app_state;
use super::storage;
use crate::domain::privacy::{scan, Finding};
use crate::domain::reflective::ai_written_reminder;

/// The identifiable-data check on a form: what every free-text field holds
/// is scanned, and the learner's "I have checked" is forgotten whenever
/// that text changes, since a tick given for one text says nothing about
/// the next.
#[derive(Clone, Copy)]
pub struct PrivacyCheck {
    pub findings: Memo<Vec<Finding>>,
    pub confirmed: RwSignal<bool>,
}

impl PrivacyCheck {
    /// `text` gives the form's free text, every field of it (titles too:
    /// they travel into xAPI statements and the portfolio).
    pub fn new(text: impl Fn() -> String + Send + Sync + 'static) -> PrivacyCheck {
        let text = Memo::new(move |_| text());
        let findings = Memo::new(move |_| text.with(|text| scan(text)));
        let confirmed = RwSignal::new(false);
        Effect::watch(move || text.track(), move |_, _, _| confirmed.set(false), false);
        PrivacyCheck { findings, confirmed }
    }
}

/// Likely identifiers, highlighted, with a confirmation for text that is
/// not about a patient. Saving waits for an edit or the confirmation.
#[component]
pub fn PrivacyWarning(
    /// The warning's element id; errors link to it.
    #[prop(into)]
    id: String,
    findings: Signal<Vec<Finding>>,
    confirmed: RwSignal<bool>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let confirm_id = format!("{id}-confirm");
    view! {
        <div aria-live="polite">
            {move || {
                let findings = findings.get();
                let (id, confirm_id) = (id.clone(), confirm_id.clone());
                (!findings.is_empty()).then(|| view! {
                    <div class="privacy-warning" id=id tabindex="-1">
                        <p><strong>"This may identify someone. Check before you save:"</strong></p>
                        {error.and_then(|e| e.get()).map(|message| view! {
                            <p class="error-message"><span class="visually-hidden">"Error: "</span>{message}</p>
                        })}
                        <ul>{findings.into_iter().map(|f| view! {
                            <li><mark>{f.matched.clone()}</mark>{format!(" looks like {}. {}", f.kind.in_a_sentence(), f.kind.advice())}</li>
                        }).collect_view()}</ul>
                        <div class="choice">
                            <input type="checkbox" id=confirm_id.clone() prop:checked=move || confirmed.get()
                                on:change=move |e| confirmed.set(event_target_checked(&e))/>
                            <label for=confirm_id>"I have checked: this does not identify a patient or service user"</label>
                        </div>
                    </div>
                })
            }}
        </div>
    }
}

/// Shown until dismissed: reflections in the learner's own words, with
/// the AI-written rules of their own regulator or college.
#[component]
pub fn AiWrittenReminder() -> impl IntoView {
    const NOTICE: &str = "ai-written-reflections";
    let state = use_app_state();
    let shown = RwSignal::new(!storage::is_dismissed(NOTICE));
    let dismiss = move |_| {
        storage::dismiss(NOTICE);
        shown.set(false);
    };
    move || {
        shown.get().then(|| view! {
            <div class="notice notice--info" role="note">
                <p>{state.record.with(|r| ai_written_reminder(&r.profile))}</p>
                <button type="button" class="button button--secondary" on:click=dismiss>"Got it, do not show again"</button>
            </div>
        })
    }
}
