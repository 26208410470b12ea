//! `/settings`: the learner's profile. Every field is optional; each says
//! what it unlocks.

use leptos::prelude::*;

use crate::domain::backup::DEFAULT_BACKUP_REMINDER_DAYS;
use crate::domain::change::Change;
use crate::domain::competence::DEFAULT_REASSESS_MONTHS;
use crate::domain::framework::{self, Term};
use crate::domain::record::Profile;
use crate::domain::revalidation;
use crate::domain::validate::{BACKUP_REMINDER_DAYS, REASSESS_MONTHS};
use crate::web::page_title::PageTitle;
use crate::web::state::{describe, use_app_state};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app_state();
    let saved = state.record.with_untracked(|r| r.profile.clone());
    let stage = RwSignal::new(saved.stage.clone().unwrap_or_default());
    let profession = RwSignal::new(saved.profession.clone().unwrap_or_default());
    let regulator = RwSignal::new(saved.regulator.clone().unwrap_or_default());
    let name = RwSignal::new(saved.name.clone().unwrap_or_default());
    let staff_number = RwSignal::new(saved.staff_number.clone().unwrap_or_default());
    let registration_number = RwSignal::new(saved.registration_number.clone().unwrap_or_default());
    let renewal_date = RwSignal::new(saved.renewal_date.clone().unwrap_or_default());
    let archetype = RwSignal::new(saved.archetype.clone().unwrap_or_default());
    let reassess = RwSignal::new(saved.reassess_after_months.unwrap_or(DEFAULT_REASSESS_MONTHS).to_string());
    let backup_days = RwSignal::new(saved.backup_reminder_days.unwrap_or(DEFAULT_BACKUP_REMINDER_DAYS).to_string());
    let message = RwSignal::new(None::<String>);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let months = reassess.get_untracked().trim().parse::<u32>().ok().filter(|m| REASSESS_MONTHS.contains(m));
        let Some(months) = months else {
            message.set(Some(format!(
                "Re-assessment interval: enter a whole number of months from {} to {}, such as 12.",
                REASSESS_MONTHS.start(),
                REASSESS_MONTHS.end()
            )));
            return;
        };
        let days = backup_days.get_untracked().trim().parse::<u32>().ok().filter(|d| BACKUP_REMINDER_DAYS.contains(d));
        let Some(days) = days else {
            message.set(Some(format!(
                "Backup reminder: enter a whole number of days from {} to {}, such as 30.",
                BACKUP_REMINDER_DAYS.start(),
                BACKUP_REMINDER_DAYS.end()
            )));
            return;
        };
        let optional = |value: String| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        let profile = Profile {
            name: optional(name.get_untracked()),
            staff_number: optional(staff_number.get_untracked()),
            registration_type: state.record.with_untracked(|r| r.profile.registration_type.clone()),
            stage: optional(stage.get_untracked()),
            profession: optional(profession.get_untracked()),
            regulator: optional(regulator.get_untracked()),
            registration_number: optional(registration_number.get_untracked()),
            renewal_date: optional(renewal_date.get_untracked()),
            archetype: optional(archetype.get_untracked()),
            reassess_after_months: (months != DEFAULT_REASSESS_MONTHS).then_some(months),
            backup_reminder_days: (days != DEFAULT_BACKUP_REMINDER_DAYS).then_some(days),
        };
        state.apply(Change::SetProfile { profile }, move |outcome| {
            message.set(Some(describe(&outcome, |_| "Your profile is saved in this browser.".to_owned())));
        });
    };

    view! {
        <PageTitle text="Your profile"/>
        <p class="lede">"All of this is optional and stays in this browser. Each answer makes Praxis more useful to you."</p>
        <form class="form" on:submit=save>
            <TextField label="Your name" hint="Printed on your portfolio, and in the files you choose to give your employer." id="name" value=name autocomplete="name"/>
            <TextField label="Staff or assignment number" hint="Lets your employer match your files to you when they combine their team's records." id="staff-number" value=staff_number/>
            <Choice label="Career stage" hint="Recommends modules for where you are in your career." id="stage" value=stage terms=framework::STAGES/>
            <Choice label="Profession" hint="Shows modules and case studies written for your profession first, and hides those for other professions from recommendations." id="profession" value=profession terms=framework::PROFESSIONS/>
            <Choice label="Regulator" hint="Needed to check your revalidation readiness against your regulator's rules." id="regulator" value=regulator terms=revalidation::regulator_terms()/>
            <TextField label="Registration or PIN number" hint="Printed on your portfolio so a reviewer can match it to you." id="registration-number" value=registration_number/>
            <div class="field">
                <label for="renewal-date">"Next renewal date"</label>
                <p class="hint" id="renewal-date-hint">"Lets Praxis count down to your revalidation and work out your current cycle."</p>
                <input type="date" id="renewal-date" aria-describedby="renewal-date-hint"
                    prop:value=move || renewal_date.get() on:input=move |e| renewal_date.set(event_target_value(&e))/>
            </div>
            <Choice label="The role you play with AI" hint="From the HEE and NHS AI Lab archetypes; helps you see which competences matter most for your role." id="archetype" value=archetype terms=framework::ARCHETYPES/>
            <div class="field">
                <label for="reassess">"Remind me to re-assess my competence every (months)"</label>
                <input type="number" id="reassess" min="1" max="60" inputmode="numeric" class="input--short"
                    prop:value=move || reassess.get() on:input=move |e| reassess.set(event_target_value(&e))/>
            </div>
            <div class="field">
                <label for="backup-reminder">"Remind me to export a backup after (days)"</label>
                <p class="hint" id="backup-reminder-hint">"Your record lives only in this browser: a backup is your copy if the browser's data is cleared."</p>
                <input type="number" id="backup-reminder" min="1" max="365" inputmode="numeric" class="input--short" aria-describedby="backup-reminder-hint"
                    prop:value=move || backup_days.get() on:input=move |e| backup_days.set(event_target_value(&e))/>
            </div>
            <button type="submit" class="button">"Save profile"</button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

/// A labelled one-line text input with a hint.
#[component]
fn TextField(
    label: &'static str,
    hint: &'static str,
    id: &'static str,
    value: RwSignal<String>,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <Field label hint id>
            <input type="text" id=id autocomplete=autocomplete aria-describedby=format!("{id}-hint")
                prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))/>
        </Field>
    }
}

/// A form field's label and hint around its control, which is described by `{id}-hint`.
#[component]
fn Field(label: &'static str, hint: &'static str, id: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=format!("{id}-hint")>{hint}</p>
            {children()}
        </div>
    }
}

/// A labelled drop-down of a vocabulary, with a "not set" choice.
#[component]
fn Choice(
    label: &'static str,
    hint: &'static str,
    id: &'static str,
    value: RwSignal<String>,
    terms: &'static [Term],
) -> impl IntoView {
    view! {
        <Field label hint id>
            <select id=id aria-describedby=format!("{id}-hint") on:change=move |e| value.set(event_target_value(&e))>
                <option value="" selected=move || value.get().is_empty()>"Not set"</option>
                {terms.iter().map(|term| view! {
                    <option value=term.id selected=move || value.get() == term.id>{term.label}</option>
                }).collect_view()}
            </select>
        </Field>
    }
}
