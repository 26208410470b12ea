//! `/cpd`: the CPD log. Completed modules appear by themselves; other
//! activity and evidence is logged here, checked on the device for
//! anything that could identify a patient before it is saved.

use leptos::prelude::*;

use super::reflective::ReflectiveAccountForm;
use crate::domain::change::{Applied, Change};
use crate::domain::cpd::{self, LogRow, METHODS};
use crate::domain::curriculum;
use crate::domain::record::{CpdEntry, EntryType};
use crate::domain::reflective;
use crate::domain::revalidation;
use crate::domain::timestamp::parse_date;
use crate::domain::words;
use crate::web::browser::{focus, today};
use crate::web::form::{
    options, AiWrittenReminder, Checkbox, DateInput, ErrorSummary, Errors, Field, FilterSelect, NumberInput,
    PrivacyCheck, PrivacyWarning, Select, TextArea, TextInput,
};
use crate::web::page_title::PageTitle;
use crate::web::state::{describe, use_app_state};

/// What the log is narrowed to.
#[derive(Clone, Copy)]
struct Filters {
    year: RwSignal<String>,
    entry_type: RwSignal<String>,
    method: RwSignal<String>,
    this_cycle: RwSignal<bool>,
}

impl Filters {
    /// Whether the log shows `row`. `window` is `None` unless only the
    /// current cycle is shown, then the cycle's window if the profile has one.
    fn admit(&self, row: &LogRow, window: Option<Option<revalidation::CycleWindow>>) -> bool {
        let entry = &row.entry;
        self.year.with(|y| entry.date.starts_with(y.as_str()))
            && self.entry_type.with(|t| t.is_empty() || entry.entry_type.id() == t)
            && self.method.with(|m| m.is_empty() || entry.method == *m)
            && window
                .is_none_or(|window| window.is_some_and(|w| parse_date(&entry.date).is_some_and(|day| w.contains(day))))
    }
}

#[component]
pub fn CpdPage() -> impl IntoView {
    let state = use_app_state();
    let filters = Filters {
        year: RwSignal::new(String::new()),
        entry_type: RwSignal::new(String::new()),
        method: RwSignal::new(String::new()),
        this_cycle: RwSignal::new(false),
    };
    // The profile's current revalidation cycle, if it names one.
    let cycle = Memo::new(move |_| {
        state.record.with(|r| {
            let regulator = revalidation::find(r.profile.regulator.as_deref()?)?;
            let renewal = parse_date(r.profile.renewal_date.as_deref()?)?;
            Some((regulator.name.as_str(), regulator.cycle.window(renewal)))
        })
    });
    let editing = RwSignal::new(None::<CpdEntry>);
    let undo = RwSignal::new(None::<CpdEntry>);
    let rows = Memo::new(move |_| state.record.with(|r| cpd::log(r, curriculum::catalogue())));
    let shown = Memo::new(move |_| {
        let window = filters.this_cycle.get().then(|| cycle.get().map(|(_, window)| window));
        rows.with(|rows| rows.iter().filter(|row| filters.admit(row, window)).cloned().collect::<Vec<LogRow>>())
    });
    let years = Signal::derive(move || {
        let mut years: Vec<String> =
            rows.with(|rows| rows.iter().filter_map(|r| r.entry.date.get(..4).map(str::to_owned)).collect());
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years.into_iter().map(|year| (year.clone(), year)).collect()
    });
    let restore = move |_| {
        if let Some(entry) = undo.get_untracked() {
            state.apply(Change::RestoreCpdEntry { entry }, move |outcome| {
                if outcome.is_ok() {
                    undo.set(None);
                }
            });
        }
    };

    view! {
        <PageTitle text="Your CPD log"/>
        <p class="lede">
            "Everything you learn counts. Praxis modules you complete are added here by themselves."
        </p>
        <div class="totals" role="status" aria-live="polite">
            {move || shown.with(|shown| {
                let (hours, with_others) = cpd::totals(shown);
                let count = words::count(shown.len(), "entry", "entries");
                format!("{count} shown: {hours:.1} hours of CPD, {with_others:.1} of them with others.")
            })}
        </div>
        <FilterFields filters years cycle/>
        {move || undo.get().map(|entry| view! {
            <div class="notice notice--info" role="status">
                <p>{format!("Deleted “{}”. ", entry.title)}
                    <button type="button" class="button button--secondary" on:click=restore>"Undo"</button></p>
            </div>
        })}
        <ul class="log">
            // An edited entry is a new key, so its row is drawn again; the others stay.
            <For each=move || shown.get() key=row_key let:row>
                <LogEntry row editing undo/>
            </For>
        </ul>
        <EntryForm editing/>
        <ReflectiveAccountForm/>
    }
}

/// A row's key in the keyed list: its id and everything shown of it.
fn row_key(row: &LogRow) -> (String, String) {
    (row.entry.id.clone(), serde_json::to_string(&row.entry).unwrap_or_default())
}

/// The year, type, method and current-cycle filters above the log.
#[component]
fn FilterFields(
    filters: Filters,
    years: Signal<Vec<(String, String)>>,
    cycle: Memo<Option<(&'static str, revalidation::CycleWindow)>>,
) -> impl IntoView {
    let types: Vec<(String, String)> = EntryType::ALL.into_iter().map(|t| (t.id().into(), t.label().into())).collect();
    let this_cycle = filters.this_cycle;
    view! {
        <div class="filters">
            <FilterSelect id="filter-year" label="Year" value=filters.year options=years all="All years"/>
            <FilterSelect id="filter-type" label="Type" value=filters.entry_type options=types all="All types"/>
            <FilterSelect id="filter-method" label="How" value=filters.method options=options(METHODS.iter().copied())
                all="All methods"/>
            {move || cycle.get().map(|(name, window)| {
                let (start, end) = (words::day(window.start), words::day(window.end));
                let label = format!("Only your current {name} cycle ({start} to {end})");
                view! {
                    <Checkbox id="filter-cycle" label checked=this_cycle
                        on_change=Callback::new(move |on| this_cycle.set(on))/>
                }
            })}
        </div>
    }
}

/// One entry of the log, with Edit and Delete for the learner's own.
#[component]
fn LogEntry(row: LogRow, editing: RwSignal<Option<CpdEntry>>, undo: RwSignal<Option<CpdEntry>>) -> impl IntoView {
    let state = use_app_state();
    let entry = row.entry;
    let standards = (!entry.standards.is_empty()).then(|| {
        let labels: Vec<&str> = entry
            .standards
            .iter()
            .map(|id| {
                let tags = revalidation::regulators().iter().flat_map(revalidation::standards_tags);
                tags.into_iter().find(|tag| tag.id == *id).map_or(id.as_str(), |tag| tag.label.as_str())
            })
            .collect();
        view! { <p class="hint">{format!("Relevant to: {}", labels.join("; "))}</p> }
    });
    let account = entry.template.as_deref().and_then(reflective::find).map(|template| {
        let answers = template
            .questions
            .iter()
            .filter_map(|q| {
                let answer = entry.answers.get(&q.id)?.clone();
                Some(view! { <dt>{q.text.as_str()}</dt><dd class="answer">{answer}</dd> })
            })
            .collect_view();
        view! {
            <details>
                <summary>{format!("Read the {}", template.name)}</summary>
                <dl>{answers}</dl>
            </details>
        }
    });
    let actions = match row.from_module {
        Some(_) => view! { <p><span class="tag">"From a Praxis module"</span></p> }.into_any(),
        None => {
            let (for_edit, for_delete, title) = (entry.clone(), entry.clone(), format!(" {}", entry.title));
            let delete = move |_| {
                let entry = for_delete.clone();
                state.apply(Change::DeleteCpdEntry { id: entry.id.clone() }, move |outcome| {
                    if outcome.is_ok() {
                        undo.set(Some(entry));
                    }
                });
            };
            view! {
                <p class="log__actions">
                    <button type="button" class="button button--secondary"
                        on:click=move |_| editing.set(Some(for_edit.clone()))>
                        "Edit" <span class="visually-hidden">{title.clone()}</span></button>
                    <button type="button" class="button button--secondary" on:click=delete>
                        "Delete" <span class="visually-hidden">{title}</span></button>
                </p>
            }
            .into_any()
        }
    };
    view! {
        <li class="log__entry">
            <p class="log__title"><strong>{entry.title.clone()}</strong></p>
            <p class="hint">{cpd::summary(&entry)}</p>
            {(!entry.description.is_empty()).then(|| view! { <p>{entry.description.clone()}</p> })}
            {standards}
            {account}
            {actions}
        </li>
    }
}

/// The entry form's fields, each a signal, so the form kit's controls can
/// hold them; `entry` puts them back together.
#[derive(Clone, Copy)]
struct Draft {
    entry_type: RwSignal<String>,
    title: RwSignal<String>,
    date: RwSignal<String>,
    method: RwSignal<String>,
    hours: RwSignal<String>,
    with_others: RwSignal<String>,
    planned: RwSignal<bool>,
    standards: RwSignal<Vec<String>>,
    description: RwSignal<String>,
    evidence: RwSignal<String>,
}

impl Draft {
    /// A new entry: a one-hour course today.
    fn blank() -> CpdEntry {
        CpdEntry {
            method: "course".to_owned(),
            hours: 1.0,
            ..CpdEntry::new(String::new(), EntryType::Cpd, &today().to_string(), "", "")
        }
    }

    fn new() -> Draft {
        let draft = Draft {
            entry_type: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            date: RwSignal::new(String::new()),
            method: RwSignal::new(String::new()),
            hours: RwSignal::new(String::new()),
            with_others: RwSignal::new(String::new()),
            planned: RwSignal::new(false),
            standards: RwSignal::new(Vec::new()),
            description: RwSignal::new(String::new()),
            evidence: RwSignal::new(String::new()),
        };
        draft.load(&Draft::blank());
        draft
    }

    fn load(&self, entry: &CpdEntry) {
        self.entry_type.set(entry.entry_type.id().to_owned());
        self.title.set(entry.title.clone());
        self.date.set(entry.date.clone());
        self.method.set(entry.method.clone());
        self.hours.set(entry.hours.to_string());
        self.with_others.set(entry.participatory_hours.to_string());
        self.planned.set(entry.planned);
        self.standards.set(entry.standards.clone());
        self.description.set(entry.description.clone());
        self.evidence.set(entry.evidence_note.clone());
    }

    fn entry_type(&self) -> EntryType {
        self.entry_type.with(|id| EntryType::ALL.into_iter().find(|t| t.id() == id).unwrap_or(EntryType::Cpd))
    }

    /// The entry as typed, over `base` (the entry being edited, or a blank
    /// one), with the questions hidden for its type cleared.
    fn entry(&self, base: CpdEntry) -> CpdEntry {
        let mut entry = CpdEntry {
            entry_type: self.entry_type(),
            title: self.title.get_untracked(),
            date: self.date.get_untracked(),
            method: self.method.get_untracked(),
            hours: cpd::read_hours(&self.hours.get_untracked()),
            participatory_hours: cpd::read_hours(&self.with_others.get_untracked()),
            planned: self.planned.get_untracked(),
            standards: self.standards.get_untracked(),
            description: self.description.get_untracked(),
            evidence_note: self.evidence.get_untracked(),
            ..base
        };
        cpd::fit_to_type(&mut entry);
        entry
    }
}

/// The element id of each field `cpd::validate` names.
fn element_id(field: cpd::Field) -> &'static str {
    match field {
        cpd::Field::Title => "cpd-title",
        cpd::Field::Date => "cpd-date",
        cpd::Field::Hours => "cpd-hours",
        cpd::Field::WithOthers => "cpd-participatory",
    }
}

/// Where a privacy problem is reported: the first flagged field's warning.
const PRIVATE: &str = "cpd-private";

/// Adds an entry, or edits the one in `editing`.
#[component]
fn EntryForm(editing: RwSignal<Option<CpdEntry>>) -> impl IntoView {
    let state = use_app_state();
    let draft = Draft::new();
    let errors = Errors::new("error-summary");
    let message = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(entry) = editing.get() {
            draft.load(&entry);
            focus("cpd-title");
        }
    });
    // Fields 0, 1 and 2: each warning sits beside its own field.
    let privacy = PrivacyCheck::new(move || vec![draft.title.get(), draft.description.get(), draft.evidence.get()]);
    let editing_now = move || editing.with(Option::is_some);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let entry = draft.entry(editing.get_untracked().unwrap_or_else(Draft::blank));
        let mut problems: Vec<(String, String)> =
            cpd::validate(&entry).into_iter().map(|(field, message)| (element_id(field).to_owned(), message)).collect();
        problems.extend(privacy.problem().map(|problem| (PRIVATE.to_owned(), problem)));
        if !errors.report(problems) {
            return;
        }
        state.apply(Change::SaveCpdEntry { entry }, move |outcome| {
            message.set(Some(describe(&outcome, |effect| match effect {
                Applied::Logged { title } => format!("Saved “{title}” to your CPD log."),
                _ => "Saved to your CPD log.".to_owned(),
            })));
            if outcome.is_ok() {
                editing.set(None);
                draft.load(&Draft::blank());
                privacy.confirmed.set(false);
            }
        });
    };
    let cancel = move |_| {
        editing.set(None);
        draft.load(&Draft::blank());
    };

    view! {
        <form class="form" on:submit=save novalidate>
            <h2 id="entry-form-heading">{move || if editing_now() { "Edit entry" } else { "Add to your log" }}</h2>
            <AiWrittenReminder/>
            <ErrorSummary errors/>
            <EntryFields draft errors privacy/>
            <button type="submit" class="button">
                {move || if editing_now() { "Save changes" } else { "Add to log" }}
            </button>
            {move || editing_now().then(|| view! {
                <button type="button" class="button button--secondary" on:click=cancel>"Cancel"</button>
            })}
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

/// The entry form's questions; those the entry's type does not ask are hidden.
#[component]
fn EntryFields(draft: Draft, errors: Errors, privacy: PrivacyCheck) -> impl IntoView {
    let fields = move || cpd::fields(draft.entry_type());
    let types: Vec<(String, String)> = EntryType::ALL.into_iter().map(|t| (t.id().into(), t.label().into())).collect();
    // The privacy warning for the free text of field `field` (0 title, 1 description, 2 evidence).
    let warning = move |field: usize| view! { <PrivacyWarning id=PRIVATE check=privacy field errors/> };
    let with_others_hint =
        "Time learning with at least one other professional, in person or online (the NMC calls this participatory).";
    view! {
        <Field id="cpd-type" label="Type" errors>
            <Select value=draft.entry_type options=types/>
        </Field>
        <Field id="cpd-title" label="Title" errors>
            <TextInput value=draft.title/>
        </Field>
        {warning(0)}
        <Field id="cpd-date" label="Date" errors>
            <DateInput value=draft.date/>
        </Field>
        <Field id="cpd-method" label="How you learned" errors hidden=Signal::derive(move || !fields().method)>
            <Select value=draft.method options=options(METHODS.iter().copied())/>
        </Field>
        <Field id="cpd-hours" label=move || fields().hours.unwrap_or_default() errors
            hidden=Signal::derive(move || fields().hours.is_none())>
            <NumberInput value=draft.hours/>
        </Field>
        <Field id="cpd-participatory" label="Of which with others" hint=with_others_hint errors
            hidden=Signal::derive(move || !fields().with_others)>
            <NumberInput value=draft.with_others/>
        </Field>
        <StandardsTags standards=draft.standards/>
        <Checkbox id="cpd-planned" label="I planned this learning in advance" checked=draft.planned
            on_change=Callback::new(move |on| draft.planned.set(on)) hidden=Signal::derive(move || !fields().planned)/>
        <Field id="cpd-description" label="What you learned and how it applies to your practice"
            hint="Never include anything that could identify a patient or service user." errors>
            <TextArea value=draft.description/>
        </Field>
        {warning(1)}
        <Field id="cpd-evidence" label="Evidence you keep (e.g. certificate, notes)" errors>
            <TextInput value=draft.evidence/>
        </Field>
        {warning(2)}
    }
}

/// Tick boxes for the standards of the learner's regulator that an entry
/// is relevant to, when the regulator names any.
#[component]
fn StandardsTags(standards: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    move || {
        let regulator = state.record.with(|r| r.profile.regulator.clone()).and_then(|id| revalidation::find(&id))?;
        let tags = revalidation::standards_tags(regulator);
        if tags.is_empty() {
            return None;
        }
        let boxes = tags
            .into_iter()
            .map(|tag| {
                let box_id = format!("cpd-tag-{}", tag.id.replace(':', "-"));
                let tag_id = tag.id.clone();
                let toggle = Callback::new(move |on: bool| {
                    standards.update(|s| {
                        s.retain(|id| *id != tag_id);
                        if on {
                            s.push(tag_id.clone());
                        }
                    });
                });
                let label = tag.label.clone();
                let checked = Signal::derive(move || standards.with(|s| s.contains(&tag.id)));
                view! { <Checkbox id=box_id label checked on_change=toggle/> }
            })
            .collect_view();
        Some(view! {
            <fieldset class="field">
                <legend>{format!("Relevant to {}'s standards", regulator.name)}</legend>
                {boxes}
            </fieldset>
        })
    }
}
