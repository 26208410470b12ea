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
use crate::web::page_title::PageTitle;
use crate::web::privacy_warning::{AiWrittenReminder, PrivacyCheck, PrivacyWarning};
use crate::web::state::{describe, use_app_state};

#[component]
pub fn CpdPage() -> impl IntoView {
    let state = use_app_state();
    let year = RwSignal::new(String::new());
    let entry_type = RwSignal::new(String::new());
    let method = RwSignal::new(String::new());
    let this_cycle = RwSignal::new(false);
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
    let shown = move || {
        rows.with(|rows| {
            rows.iter()
                .filter(|row| year.with(|y| y.is_empty() || row.entry.date.starts_with(y.as_str())))
                .filter(|row| entry_type.with(|t| t.is_empty() || row.entry.entry_type.id() == t))
                .filter(|row| method.with(|m| m.is_empty() || row.entry.method == *m))
                .filter(|row| {
                    !this_cycle.get()
                        || cycle
                            .get()
                            .is_some_and(|(_, window)| parse_date(&row.entry.date).is_some_and(|d| window.contains(d)))
                })
                .cloned()
                .collect::<Vec<LogRow>>()
        })
    };
    let years = move || {
        let mut years: Vec<String> =
            rows.with(|rows| rows.iter().filter_map(|r| r.entry.date.get(..4).map(str::to_owned)).collect());
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    };
    let delete = move |entry: CpdEntry| {
        state.apply(Change::DeleteCpdEntry { id: entry.id.clone() }, move |outcome| {
            if outcome.is_ok() {
                undo.set(Some(entry));
            }
        });
    };
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
        <p class="lede">"Everything you learn counts. Praxis modules you complete are added here by themselves."</p>
        <div class="totals" role="status" aria-live="polite">
            {move || {
                let shown = shown();
                let (hours, with_others) = cpd::totals(&shown);
                format!("{} shown: {hours:.1} hours of CPD, {with_others:.1} of them with others.", words::count(shown.len(), "entry", "entries"))
            }}
        </div>
        <div class="filters">
            <div class="field field--inline">
                <label for="filter-year">"Year"</label>
                <select id="filter-year" on:change=move |e| year.set(event_target_value(&e))>
                    <option value="">"All years"</option>
                    {move || years().into_iter().map(|y| view! { <option value=y.clone()>{y.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field field--inline">
                <label for="filter-type">"Type"</label>
                <select id="filter-type" on:change=move |e| entry_type.set(event_target_value(&e))>
                    <option value="">"All types"</option>
                    {EntryType::ALL.into_iter().map(|t| view! { <option value=t.id()>{t.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field field--inline">
                <label for="filter-method">"How"</label>
                <select id="filter-method" on:change=move |e| method.set(event_target_value(&e))>
                    <option value="">"All methods"</option>
                    {METHODS.iter().map(|(id, label)| view! { <option value=*id>{*label}</option> }).collect_view()}
                </select>
            </div>
            {move || cycle.get().map(|(name, window)| view! {
                <div class="choice">
                    <input type="checkbox" id="filter-cycle" prop:checked=move || this_cycle.get()
                        on:change=move |e| this_cycle.set(event_target_checked(&e))/>
                    <label for="filter-cycle">{format!("Only your current {name} cycle ({} to {})", words::day(window.start), words::day(window.end))}</label>
                </div>
            })}
        </div>
        {move || undo.get().map(|entry| view! {
            <div class="notice notice--info" role="status">
                <p>{format!("Deleted “{}”. ", entry.title)}
                    <button type="button" class="button button--secondary" on:click=restore>"Undo"</button></p>
            </div>
        })}
        <ul class="log">
            {move || shown().into_iter().map(|row| {
                let entry = row.entry.clone();
                let (for_edit, for_delete) = (entry.clone(), entry.clone());
                view! {
                    <li class="log__entry">
                        <p class="log__title"><strong>{entry.title.clone()}</strong></p>
                        <p class="hint">{cpd::summary(&entry)}</p>
                        {(!entry.description.is_empty()).then(|| view! { <p>{entry.description.clone()}</p> })}
                        {(!entry.standards.is_empty()).then(|| {
                            let labels: Vec<&str> = entry.standards.iter().map(|id| {
                                revalidation::regulators().iter().flat_map(revalidation::standards_tags)
                                    .find(|tag| tag.id == *id).map_or(id.as_str(), |tag| tag.label.as_str())
                            }).collect();
                            view! { <p class="hint">{format!("Relevant to: {}", labels.join("; "))}</p> }
                        })}
                        {entry.template.as_deref().and_then(reflective::find).map(|template| view! {
                            <details>
                                <summary>{format!("Read the {}", template.name)}</summary>
                                <dl>{template.questions.iter().filter_map(|q| entry.answers.get(&q.id).map(|a| view! {
                                    <dt>{q.text.as_str()}</dt><dd class="answer">{a.clone()}</dd>
                                })).collect_view()}</dl>
                            </details>
                        })}
                        {match row.from_module {
                            Some(_) => view! { <p><span class="tag">"From a Praxis module"</span></p> }.into_any(),
                            None => view! {
                                <p class="log__actions">
                                    <button type="button" class="button button--secondary" on:click=move |_| editing.set(Some(for_edit.clone()))>
                                        "Edit" <span class="visually-hidden">{format!(" {}", entry.title)}</span></button>
                                    <button type="button" class="button button--secondary" on:click=move |_| delete(for_delete.clone())>
                                        "Delete" <span class="visually-hidden">{format!(" {}", entry.title)}</span></button>
                                </p>
                            }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
        <EntryForm editing/>
        <ReflectiveAccountForm/>
    }
}

/// Adds an entry, or edits the one in `editing`.
#[component]
fn EntryForm(editing: RwSignal<Option<CpdEntry>>) -> impl IntoView {
    let state = use_app_state();
    let blank = move || CpdEntry {
        method: "course".to_owned(),
        hours: 1.0,
        ..CpdEntry::new(String::new(), EntryType::Cpd, &today().to_string(), "", "")
    };
    let draft = RwSignal::new(blank());
    let hours = RwSignal::new("1".to_owned());
    let with_others = RwSignal::new("0".to_owned());
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let message = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(entry) = editing.get() {
            hours.set(entry.hours.to_string());
            with_others.set(entry.participatory_hours.to_string());
            draft.set(entry);
            focus("cpd-title");
        }
    });
    // Fields 0, 1 and 2: each warning sits beside its own field.
    let privacy = PrivacyCheck::new(move || {
        draft.with(|d| vec![d.title.clone(), d.description.clone(), d.evidence_note.clone()])
    });
    let PrivacyCheck { findings, confirmed: confirmed_private, .. } = privacy;
    let private_error = Signal::derive(move || {
        errors.with(|all| all.iter().find(|(f, _)| *f == "cpd-private").map(|(_, m)| m.clone()))
    });
    // The questions asked follow the entry's type.
    let fields = move || draft.with(|d| cpd::fields(d.entry_type));

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut entry = draft.get_untracked();
        entry.hours = hours.get_untracked().trim().parse().unwrap_or(f32::NAN);
        entry.participatory_hours = with_others.get_untracked().trim().parse().unwrap_or(f32::NAN);
        // Questions hidden for this type are not held against the learner.
        cpd::fit_to_type(&mut entry);
        let mut problems = cpd::validate(&entry);
        if !findings.get_untracked().is_empty() && !confirmed_private.get_untracked() {
            problems.push((
                "cpd-private",
                "Check the highlighted text: remove anything that could identify a patient, or confirm it does not"
                    .to_owned(),
            ));
        }
        if !problems.is_empty() {
            errors.set(problems);
            focus("error-summary");
            return;
        }
        errors.set(Vec::new());
        state.apply(Change::SaveCpdEntry { entry }, move |outcome| {
            message.set(Some(describe(&outcome, |effect| match effect {
                Applied::Logged { title } => format!("Saved “{title}” to your CPD log."),
                _ => "Saved to your CPD log.".to_owned(),
            })));
            if outcome.is_ok() {
                editing.set(None);
                draft.set(blank());
                hours.set("1".to_owned());
                with_others.set("0".to_owned());
                confirmed_private.set(false);
            }
        });
    };

    view! {
        <form class="form" on:submit=save novalidate>
            <h2 id="entry-form-heading">{move || if editing.with(Option::is_some) { "Edit entry" } else { "Add to your log" }}</h2>
            <AiWrittenReminder/>
            <ErrorSummary errors/>
            <div class="field">
                <label for="cpd-type">"Type"</label>
                <select id="cpd-type" on:change=move |e| {
                    let id = event_target_value(&e);
                    if let Some(t) = EntryType::ALL.into_iter().find(|t| t.id() == id) { draft.update(|d| d.entry_type = t); }
                }>
                    {EntryType::ALL.into_iter().map(|t| view! {
                        <option value=t.id() selected=move || draft.with(|d| d.entry_type == t)>{t.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <TextField id="cpd-title" label="Title" errors value=Signal::derive(move || draft.with(|d| d.title.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.title = v))/>
            <PrivacyWarning id="cpd-private" check=privacy field=0 error=private_error/>
            <div class="field">
                <label for="cpd-date">"Date"</label>
                <FieldError id="cpd-date" errors/>
                <input type="date" id="cpd-date" prop:value=move || draft.with(|d| d.date.clone())
                    on:input=move |e| draft.update(|d| d.date = event_target_value(&e))/>
            </div>
            <div class="field" hidden=move || !fields().method>
                <label for="cpd-method">"How you learned"</label>
                <select id="cpd-method" on:change=move |e| draft.update(|d| d.method = event_target_value(&e))>
                    {METHODS.iter().map(|(id, label)| view! {
                        <option value=*id selected=move || draft.with(|d| d.method == *id)>{*label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field" hidden=move || fields().hours.is_none()>
                <label for="cpd-hours">{move || fields().hours}</label>
                <FieldError id="cpd-hours" errors/>
                <input type="text" inputmode="decimal" id="cpd-hours" class="input--short" prop:value=move || hours.get()
                    on:input=move |e| hours.set(event_target_value(&e))/>
            </div>
            <div class="field" hidden=move || !fields().with_others>
                <label for="cpd-participatory">"Of which with others"</label>
                <p class="hint" id="cpd-participatory-hint">"Time learning with at least one other professional, in person or online (the NMC calls this participatory)."</p>
                <FieldError id="cpd-participatory" errors/>
                <input type="text" inputmode="decimal" id="cpd-participatory" class="input--short" aria-describedby="cpd-participatory-hint"
                    prop:value=move || with_others.get() on:input=move |e| with_others.set(event_target_value(&e))/>
            </div>
            {move || {
                let regulator = state.record.with(|r| r.profile.regulator.clone()).and_then(|id| revalidation::find(&id))?;
                let tags = revalidation::standards_tags(regulator);
                (!tags.is_empty()).then(|| view! {
                    <fieldset class="field">
                        <legend>{format!("Relevant to {}'s standards", regulator.name)}</legend>
                        {tags.into_iter().map(|tag| {
                            let box_id = format!("cpd-tag-{}", tag.id.replace(':', "-"));
                            view! {
                                <div class="choice">
                                    <input type="checkbox" id=box_id.clone() prop:checked=move || draft.with(|d| d.standards.contains(&tag.id))
                                        on:change=move |e| {
                                            let on = event_target_checked(&e);
                                            draft.update(|d| { d.standards.retain(|s| *s != tag.id); if on { d.standards.push(tag.id.clone()); } });
                                        }/>
                                    <label for=box_id>{tag.label.as_str()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                })
            }}
            <div class="choice" hidden=move || !fields().planned>
                <input type="checkbox" id="cpd-planned" prop:checked=move || draft.with(|d| d.planned)
                    on:change=move |e| draft.update(|d| d.planned = event_target_checked(&e))/>
                <label for="cpd-planned">"I planned this learning in advance"</label>
            </div>
            <div class="field">
                <label for="cpd-description">"What you learned and how it applies to your practice"</label>
                <p class="hint" id="cpd-description-hint">"Never include anything that could identify a patient or service user."</p>
                <textarea id="cpd-description" rows="5" aria-describedby="cpd-description-hint"
                    prop:value=move || draft.with(|d| d.description.clone())
                    on:input=move |e| draft.update(|d| d.description = event_target_value(&e))></textarea>
            </div>
            <PrivacyWarning id="cpd-private" check=privacy field=1 error=private_error/>
            <div class="field">
                <label for="cpd-evidence">"Evidence you keep (e.g. certificate, notes)"</label>
                <input type="text" id="cpd-evidence" prop:value=move || draft.with(|d| d.evidence_note.clone())
                    on:input=move |e| draft.update(|d| d.evidence_note = event_target_value(&e))/>
            </div>
            <PrivacyWarning id="cpd-private" check=privacy field=2 error=private_error/>
            <button type="submit" class="button">{move || if editing.with(Option::is_some) { "Save changes" } else { "Add to log" }}</button>
            {move || editing.with(Option::is_some).then(|| view! {
                <button type="button" class="button button--secondary" on:click=move |_| { editing.set(None); draft.set(blank()); }>"Cancel"</button>
            })}
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    errors: RwSignal<Vec<(&'static str, String)>>,
    value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <FieldError id errors/>
            <input type="text" id=id prop:value=move || value.get() on:input=move |e| on_input.run(event_target_value(&e))/>
        </div>
    }
}

/// The error for one field, shown above it, as GOV.UK forms do.
#[component]
fn FieldError(id: &'static str, errors: RwSignal<Vec<(&'static str, String)>>) -> impl IntoView {
    move || {
        errors.with(|all| {
            all.iter().find(|(field, _)| *field == id).map(|(_, message)| {
                let error_id = format!("{id}-error");
                view! { <p class="error-message" id=error_id><span class="visually-hidden">"Error: "</span>{message.clone()}</p> }
            })
        })
    }
}

/// The list of problems at the top of a form, each a link to its field.
#[component]
fn ErrorSummary(errors: RwSignal<Vec<(&'static str, String)>>) -> impl IntoView {
    move || {
        let all = errors.get();
        (!all.is_empty()).then(|| view! {
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h3 id="error-summary-title">"There is a problem"</h3>
                <ul>{all.into_iter().map(|(field, message)| view! {
                    <li><a href=format!("#{field}") on:click=move |e| { e.prevent_default(); focus(field); }>{message}</a></li>
                }).collect_view()}</ul>
            </div>
        })
    }
}
