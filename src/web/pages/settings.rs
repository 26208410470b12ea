//! `/settings`: the learner's profile. Every field is optional; each says
//! what it unlocks.

use leptos::prelude::*;

use crate::domain::backup::DEFAULT_BACKUP_REMINDER_DAYS;
use crate::domain::change::Change;
use crate::domain::competence::DEFAULT_REASSESS_MONTHS;
use crate::domain::framework::{self, Term};
use crate::domain::record::Profile;
use crate::domain::revalidation;
use crate::domain::validate::{profile_settings, ProfileField};
use crate::web::form::{options, DateInput, ErrorSummary, Errors, Field, NumberInput, Select, TextInput};
use crate::web::page_title::PageTitle;
use crate::web::state::{describe, use_app_state};

/// The element id of each field `validate::profile_settings` names.
fn element_id(field: ProfileField) -> &'static str {
    match field {
        ProfileField::RenewalDate => "renewal-date",
        ProfileField::ReassessMonths => "reassess",
        ProfileField::BackupReminderDays => "backup-reminder",
    }
}

/// The profile's answers as typed: text, with "" for not set.
#[derive(Clone, Copy)]
struct Answers {
    name: RwSignal<String>,
    staff_number: RwSignal<String>,
    stage: RwSignal<String>,
    profession: RwSignal<String>,
    regulator: RwSignal<String>,
    registration_number: RwSignal<String>,
    renewal_date: RwSignal<String>,
    archetype: RwSignal<String>,
    reassess: RwSignal<String>,
    backup_days: RwSignal<String>,
}

impl Answers {
    fn of(saved: &Profile) -> Answers {
        let text = |value: &Option<String>| RwSignal::new(value.clone().unwrap_or_default());
        Answers {
            name: text(&saved.name),
            staff_number: text(&saved.staff_number),
            stage: text(&saved.stage),
            profession: text(&saved.profession),
            regulator: text(&saved.regulator),
            registration_number: text(&saved.registration_number),
            renewal_date: text(&saved.renewal_date),
            archetype: text(&saved.archetype),
            reassess: RwSignal::new(saved.reassess_after_months.unwrap_or(DEFAULT_REASSESS_MONTHS).to_string()),
            backup_days: RwSignal::new(saved.backup_reminder_days.unwrap_or(DEFAULT_BACKUP_REMINDER_DAYS).to_string()),
        }
    }

    /// The profile to save, over `saved` (which keeps what this form does
    /// not ask), or the problems by element id.
    fn profile(&self, saved: Profile) -> Result<Profile, Vec<(String, String)>> {
        let checked = profile_settings(
            &self.renewal_date.get_untracked(),
            &self.reassess.get_untracked(),
            &self.backup_days.get_untracked(),
        );
        let (months, days) = checked.map_err(|problems| {
            problems.into_iter().map(|(field, message)| (element_id(field).to_owned(), message)).collect::<Vec<_>>()
        })?;
        let optional =
            |value: RwSignal<String>| Some(value.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        Ok(Profile {
            name: optional(self.name),
            staff_number: optional(self.staff_number),
            stage: optional(self.stage),
            profession: optional(self.profession),
            regulator: optional(self.regulator),
            registration_number: optional(self.registration_number),
            renewal_date: optional(self.renewal_date),
            archetype: optional(self.archetype),
            reassess_after_months: (months != DEFAULT_REASSESS_MONTHS).then_some(months),
            backup_reminder_days: (days != DEFAULT_BACKUP_REMINDER_DAYS).then_some(days),
            ..saved
        })
    }
}

/// A vocabulary's terms as a drop-down's options.
fn terms(terms: &[Term]) -> Vec<(String, String)> {
    options(terms.iter().map(|term| (term.id, term.label)))
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app_state();
    let answers = state.record.with_untracked(|r| Answers::of(&r.profile));
    let errors = Errors::new("error-summary");
    let message = RwSignal::new(None::<String>);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        message.set(None);
        let checked = answers.profile(state.record.with_untracked(|r| r.profile.clone()));
        let profile = match checked {
            Ok(profile) => profile,
            Err(problems) => {
                errors.report(problems);
                return;
            }
        };
        errors.report(Vec::new());
        state.apply(Change::SetProfile { profile }, move |outcome| {
            message.set(Some(describe(&outcome, |_| "Your profile is saved in this browser.".to_owned())));
        });
    };

    view! {
        <PageTitle text="Your profile"/>
        <p class="lede">
            "All of this is optional and stays in this browser. Each answer makes Praxis more useful to you."
        </p>
        <form class="form" on:submit=save novalidate>
            <ErrorSummary errors/>
            <AboutYou answers errors/>
            <Reminders answers errors/>
            <button type="submit" class="button">"Save profile"</button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

/// Who the learner is: name, numbers, stage, profession, regulator, role.
#[component]
fn AboutYou(answers: Answers, errors: Errors) -> impl IntoView {
    let profession_hint = "Shows modules and case studies written for your profession first, and hides those for \
                           other professions from recommendations.";
    let archetype_hint = "From the HEE and NHS AI Lab archetypes; helps you see which competences matter most for \
                          your role.";
    view! {
        <Field id="name" label="Your name" errors
            hint="Printed on your portfolio, and in the files you choose to give your employer.">
            <TextInput value=answers.name autocomplete="name"/>
        </Field>
        <Field id="staff-number" label="Staff or assignment number" errors
            hint="Lets your employer match your files to you when they combine their team's records.">
            <TextInput value=answers.staff_number/>
        </Field>
        <Field id="stage" label="Career stage" hint="Recommends modules for where you are in your career." errors>
            <Select value=answers.stage options=terms(framework::STAGES) none="Not set"/>
        </Field>
        <Field id="profession" label="Profession" hint=profession_hint errors>
            <Select value=answers.profession options=terms(framework::PROFESSIONS) none="Not set"/>
        </Field>
        <Field id="regulator" label="Regulator" errors
            hint="Needed to check your revalidation readiness against your regulator's rules.">
            <Select value=answers.regulator options=terms(revalidation::regulator_terms()) none="Not set"/>
        </Field>
        <Field id="registration-number" label="Registration or PIN number" errors
            hint="Printed on your portfolio so a reviewer can match it to you.">
            <TextInput value=answers.registration_number/>
        </Field>
        <Field id="renewal-date" label="Next renewal date" errors
            hint="Lets Praxis count down to your revalidation and work out your current cycle.">
            <DateInput value=answers.renewal_date/>
        </Field>
        <Field id="archetype" label="The role you play with AI" hint=archetype_hint errors>
            <Select value=answers.archetype options=terms(framework::ARCHETYPES) none="Not set"/>
        </Field>
    }
}

/// How often Praxis reminds the learner to re-assess and to back up.
#[component]
fn Reminders(answers: Answers, errors: Errors) -> impl IntoView {
    view! {
        <Field id="reassess" label="Remind me to re-assess my competence every (months)" errors>
            <NumberInput value=answers.reassess whole=true/>
        </Field>
        <Field id="backup-reminder" label="Remind me to export a backup after (days)" errors
            hint="Your record lives only in this browser: a backup is your copy if the browser's data is cleared.">
            <NumberInput value=answers.backup_days whole=true/>
        </Field>
    }
}
