//! Warnings about what a learner writes as evidence: likely identifiable
//! data (found on the device, never sent anywhere), and the regulators
//! that do not accept AI-written reflections.

use leptos::prelude::*;

use super::Errors;
use crate::domain::privacy::{scan, Finding};
use crate::domain::reflective::{ai_written_reminder, AI_WRITTEN_REMINDER_DISMISS};
use crate::web::state::use_app_state;
use crate::web::storage;

/// The identifiable-data check on a form: each free-text field is scanned
/// on its own, so the warning can sit beside the field that holds the
/// text, and the learner's "I have checked" is forgotten whenever any of
/// that text changes, since a tick given for one text says nothing about
/// the next.
#[derive(Clone, Copy)]
pub struct PrivacyCheck {
    /// Every finding on the form; saving waits while there are any and
    /// `confirmed` is not ticked (`problem`).
    findings: Memo<Vec<Finding>>,
    pub confirmed: RwSignal<bool>,
    /// The findings of each field, in the order `new` was given them.
    fields: Memo<Vec<Vec<Finding>>>,
}

impl PrivacyCheck {
    /// `fields` gives the form's free text, one string per field, every
    /// field of it (titles too: they travel into xAPI statements and the
    /// portfolio). A `PrivacyWarning` names its field by this order.
    pub fn new(fields: impl Fn() -> Vec<String> + Send + Sync + 'static) -> PrivacyCheck {
        let text = Memo::new(move |_| fields());
        let fields = Memo::new(move |_| text.with(|text| text.iter().map(|t| scan(t)).collect::<Vec<_>>()));
        let findings = Memo::new(move |_| fields.with(|fields| fields.concat()));
        let confirmed = RwSignal::new(false);
        Effect::watch(move || text.track(), move |_, _, _| confirmed.set(false), false);
        PrivacyCheck { findings, confirmed, fields }
    }

    /// The problem to report when saving must wait: something is flagged
    /// and the learner has not confirmed it is not about a patient.
    pub fn problem(&self) -> Option<String> {
        let waiting = !self.findings.get_untracked().is_empty() && !self.confirmed.get_untracked();
        waiting.then(|| {
            "Check the highlighted text: remove anything that could identify a patient, or confirm it does not"
                .to_owned()
        })
    }

    /// The first field with a finding: its warning carries the form's one
    /// "I have checked" and the element id that errors link to.
    fn first_flagged(&self) -> Option<usize> {
        self.fields.with(|fields| fields.iter().position(|f| !f.is_empty()))
    }
}

/// Likely identifiers in one field, highlighted, shown beside that field.
/// The first flagged field's warning also holds the confirmation for text
/// that is not about a patient (one tick for the form); later ones point to
/// it. Saving waits for an edit or the confirmation.
#[component]
pub fn PrivacyWarning(
    /// The warning's element id (on the first flagged field's warning);
    /// errors link to it.
    #[prop(into)]
    id: String,
    check: PrivacyCheck,
    /// The field this warning sits beside, by its place in `PrivacyCheck::new`.
    #[prop(optional)]
    field: usize,
    /// The form's errors: a privacy problem is reported under `id`.
    #[prop(optional)]
    errors: Option<Errors>,
) -> impl IntoView {
    let confirmed = check.confirmed;
    view! {
        <div aria-live="polite">
            {move || {
                let findings = check.fields.with(|all| all.get(field).cloned().unwrap_or_default());
                if findings.is_empty() {
                    return None;
                }
                let first = check.first_flagged() == Some(field);
                let element_id = if first { id.clone() } else { format!("{id}-{field}") };
                let confirm_id = format!("{id}-confirm");
                Some(view! {
                    <div class="privacy-warning" id=element_id tabindex="-1">
                        <p><strong>"This may identify someone. Check before you save:"</strong></p>
                        {first.then(|| errors.and_then(|e| e.message(&id)).map(|message| view! {
                            <p class="error-message"><span class="visually-hidden">"Error: "</span>{message}</p>
                        }))}
                        <ul>{findings.into_iter().map(|f| {
                            let what = format!(" looks like {}. {}", f.kind.in_a_sentence(), f.kind.advice());
                            view! { <li><mark>{f.matched.clone()}</mark>{what}</li> }
                        }).collect_view()}</ul>
                        {if first {
                            view! { <Confirmation id=confirm_id confirmed/> }.into_any()
                        } else {
                            let elsewhere = "Once you have checked, confirm it in the first warning above.";
                            view! { <p class="hint">{elsewhere}</p> }.into_any()
                        }}
                    </div>
                })
            }}
        </div>
    }
}

/// The form's one "I have checked" box.
#[component]
fn Confirmation(id: String, confirmed: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="choice">
            <input type="checkbox" id=id.clone() prop:checked=move || confirmed.get()
                on:change=move |e| confirmed.set(event_target_checked(&e))/>
            <label for=id>"I have checked: this does not identify a patient or service user"</label>
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
        shown.get().then(|| {
            view! {
                <div class="notice notice--info" role="note">
                    <p>{state.record.with(|r| ai_written_reminder(&r.profile))}</p>
                    <button type="button" class="button button--secondary" on:click=dismiss>
                        {AI_WRITTEN_REMINDER_DISMISS}
                    </button>
                </div>
            }
        })
    }
}
