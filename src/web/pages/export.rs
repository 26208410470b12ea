//! `/export`: the learner's record as files they keep or share, and a
//! backup brought back in without losing anything already here.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::backup::{read_backup, Backup};
use crate::domain::change::{Applied, Change};
use crate::domain::curriculum;
use crate::domain::employer::DEFAULT_REFRESH_MONTHS;
use crate::domain::export::{badges, csv, lrs, xapi};
use crate::domain::import::{self, merge, ChangeKind, Resolution};
use crate::domain::record::LearnerRecord;
use crate::domain::staff::StaffRecord;
use crate::domain::storage::read_stored_copy;
use crate::domain::words;
use crate::web::base::href;
use crate::web::browser::{download, now_iso, post_statements, read_text, timed, today};
use crate::web::form::{Field, FileInput, Radios, TextInput};
use crate::web::page_title::PageTitle;
use crate::web::state::{describe, use_app_state};

#[component]
pub fn ExportPage() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let export_backup = move |_| {
        let now = now_iso();
        let (backup, text) = timed("praxis:export:backup", || {
            let backup = Backup::new(state.record.get_untracked(), &now);
            let text = backup.to_json();
            (backup, text)
        });
        if download(&backup.file_name(), "application/json", &text).is_ok() {
            state.apply_quietly(Change::BackupExported);
            message.set(Some(format!(
                "Saved {}. Keep it somewhere safe: it is your only copy outside this browser.",
                backup.file_name()
            )));
        } else {
            message.set(Some("The backup could not be downloaded.".to_owned()));
        }
    };
    view! {
        <PageTitle text="Export your record"/>
        <p class="lede">
            "Everything you record stays in this browser. These files are how it leaves, and only when you choose."
        </p>
        <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Backup"</h2>
            <p>
                "A backup holds everything you have recorded, with a checksum that shows whether it was damaged or "
                "accidentally changed after export (not whether someone edited it on purpose). Use it to move to "
                "another device or browser, or to restore your record."
            </p>
            <button type="button" class="button" on:click=export_backup>"Download backup (JSON)"</button>
        </section>
        <section aria-labelledby="share-heading">
            <h2 id="share-heading">"Evidence to share"</h2>
            <EvidenceFiles message/>
            <Xapi message=message/>
        </section>
        <p role="status" class="status">{move || message.get()}</p>
        <Import/>
    }
}

/// The completion spreadsheet, the badges and the portfolio: evidence a
/// learner hands to someone else.
#[component]
fn EvidenceFiles(message: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let offer = move |file_name: String, mime: &str, text: String| {
        message.set(Some(match download(&file_name, mime, &text) {
            Ok(()) => format!("Saved {file_name}."),
            Err(reason) => format!("{file_name} could not be downloaded: {reason}"),
        }));
    };
    let export_csv = move |_| {
        let now = now_iso();
        let text = timed("praxis:export:csv", || {
            let staff = state.record.with_untracked(|record| {
                StaffRecord::from_record(record, &now, curriculum::catalogue(), DEFAULT_REFRESH_MONTHS, today())
            });
            csv::write(&[&staff], curriculum::catalogue())
        });
        offer(format!("praxis-completions-{}.csv", &now[..10]), "text/csv", text);
    };
    let export_badges = move |_| {
        let text = timed("praxis:export:badges", || {
            let credentials =
                state.record.with_untracked(|record| badges::credentials(record, curriculum::catalogue()));
            (!credentials.is_empty()).then(|| serde_json::to_string_pretty(&credentials).unwrap_or_default())
        });
        // A file holding `[]` would look like a broken export.
        let Some(text) = text else {
            message.set(Some("There are no badges to export yet: each module you complete gives you one.".to_owned()));
            return;
        };
        offer(format!("praxis-badges-{}.json", &now_iso()[..10]), "application/json", text);
    };
    view! {
        <ul class="export-list">
            <ExportItem label="Completion spreadsheet (CSV)" on_click=export_csv
                hint="For your employer: one row per module and competence area, with dates, scores, hours and \
                      expiry. Opens in Excel and LibreOffice."/>
            <ExportItem label="Open Badges 3.0 (JSON)" on_click=export_badges
                hint="One credential per completed module. They are self-asserted and unsigned: they record your \
                      claim, and no one has verified them."/>
            <li>
                <p class="export-list__link"><A href=href("/portfolio")>"Printable revalidation portfolio"</A></p>
                <p class="hint">
                    "Your details, cycle, readiness and evidence laid out for your regulator; print it or save it "
                    "as PDF."
                </p>
            </li>
        </ul>
    }
}

/// One file to export: its button, and what it holds under it.
#[component]
fn ExportItem(
    label: &'static str,
    hint: &'static str,
    on_click: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    view! {
        <li>
            <button type="button" class="button button--secondary" on:click=on_click>{label}</button>
            <p class="hint">{hint}</p>
        </li>
    }
}

/// xAPI statements, downloaded or sent to a learning record store. The
/// ids sent are remembered, so a changed record's old statement is voided.
#[component]
fn Xapi(message: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let endpoint = RwSignal::new(String::new());
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let statements = move || {
        timed("praxis:export:xapi", || {
            let export =
                state.record.with_untracked(|record| xapi::statements(record, curriculum::catalogue(), &now_iso()));
            (serde_json::to_string(&export.statements).unwrap_or_default(), export)
        })
    };
    let download_statements = move |_| {
        let (text, export) = statements();
        let file_name = format!("praxis-xapi-{}.json", &now_iso()[..10]);
        if download(&file_name, "application/json", &text).is_ok() {
            state.apply_quietly(Change::XapiExported { exported: export.exported });
            message.set(Some(format!(
                "Saved {file_name}: {}.",
                words::count(export.statements.len(), "statement", "statements")
            )));
        }
    };
    let send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let export =
            state.record.with_untracked(|record| xapi::statements(record, curriculum::catalogue(), &now_iso()));
        let (endpoint, username, password) =
            (endpoint.get_untracked(), username.get_untracked(), password.get_untracked());
        let endpoint = match lrs::check_endpoint(&endpoint) {
            Ok(endpoint) => endpoint.to_owned(),
            Err(problem) => {
                message.set(Some(problem));
                return;
            }
        };
        sending.set(true);
        leptos::task::spawn_local(async move {
            // In batches, each reply read by the domain, as `praxis-cli send` does.
            let post = |body: String| {
                let (endpoint, username, password) = (endpoint.clone(), username.clone(), password.clone());
                async move { post_statements(&endpoint, &username, &password, body).await }
            };
            let sent = lrs::send(&export.statements, post).await;
            sending.set(false);
            if sent.problem.is_none() {
                state.apply_quietly(Change::XapiExported { exported: export.exported });
            }
            message.set(Some(lrs::learner_message(&sent)));
        });
    };
    view! {
        <h3>"xAPI statements"</h3>
        <p class="hint">
            "For a learning record store (LRS): completions, answers, reflections (that you wrote one, not what you "
            "wrote) and CPD, naming you only by an opaque id."
        </p>
        <button type="button" class="button button--secondary" on:click=download_statements>
            "Download xAPI statements (JSON)"
        </button>
        <details class="details">
            <summary>"Send them to a learning record store"</summary>
            <form class="form" on:submit=send>
                <p class="hint">"Your record is sent only to the address you enter, only when you press Send."</p>
                <Field id="lrs-endpoint" label="LRS endpoint">
                    <TextInput value=endpoint kind="url" autocomplete="url" placeholder="https://lrs.example.org/xapi"/>
                </Field>
                <Field id="lrs-username" label="Key or username">
                    <TextInput value=username autocomplete="username"/>
                </Field>
                <Field id="lrs-password" label="Secret or password">
                    <TextInput value=password kind="password" autocomplete="current-password"/>
                </Field>
                <button type="submit" class="button button--secondary" disabled=move || sending.get()>
                    "Send statements"
                </button>
            </form>
        </details>
    }
}

/// Reads a file offered for import: a backup, or data in the stored format
/// (what Praxis sets aside when it cannot read it), with what can be said
/// of where it came from.
fn read_import(name: &str, text: &str) -> Result<(LearnerRecord, String), String> {
    if let Some(stored) = read_stored_copy(text) {
        let about = format!(
            "{name} is Praxis data as a browser kept it (set aside, or copied by hand). It carries no checksum, so \
             Praxis cannot tell whether it was changed."
        );
        return stored.map(|record| (record, about));
    }
    let read = read_backup(text, today())?;
    let about = read.integrity.notice(name);
    Ok((read.record, about))
}

/// Loading a backup: checked first, then shown as a plan of what would
/// change, then merged only when the learner confirms.
#[component]
fn Import() -> impl IntoView {
    let state = use_app_state();
    // The file's name, what it holds, and what can be said about where it came from.
    let loaded = RwSignal::new(None::<(String, LearnerRecord, String)>);
    let problem = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<String>);
    let choices = RwSignal::new(BTreeMap::<String, Resolution>::new());
    let choose_file = Callback::new(move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        let name = file.name();
        loaded.set(None);
        outcome.set(None);
        choices.set(BTreeMap::new());
        leptos::task::spawn_local(async move {
            match read_text(&file).await.and_then(|text| read_import(&name, &text)) {
                Ok((record, about)) => {
                    problem.set(None);
                    loaded.set(Some((name, record, about)));
                }
                Err(reason) => problem.set(Some(format!("{name} cannot be imported. {reason} Nothing has changed."))),
            }
        });
    });
    let plan = Memo::new(move |_| {
        loaded.with(|loaded| {
            let (_, incoming, _) = loaded.as_ref()?;
            Some(state.record.with(|current| merge(current, incoming, &choices.get())))
        })
    });
    let apply = move |_| {
        let Some(incoming) = loaded.with_untracked(|l| l.as_ref().map(|(_, record, _)| record.clone())) else { return };
        // Merged into the record as stored, so a change made in another tab since the plan was shown is kept.
        let change = Change::Import { incoming: Box::new(incoming), choices: choices.get_untracked() };
        state.apply(change, move |result| {
            if result.is_ok() {
                loaded.set(None);
            }
            outcome.set(Some(describe(&result, |applied| match applied {
                Applied::Imported { added, combined, conflicts } => format!(
                    "Imported: {added} added, {combined} combined, {} resolved as you chose.",
                    words::count(*conflicts, "conflict", "conflicts")
                ),
                _ => "Imported.".to_owned(),
            })));
        });
    };
    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"Import a backup"</h2>
            <p>
                "Bring in a backup from another device or an earlier export. Praxis checks it, shows what would "
                "change, and never overwrites your work without asking."
            </p>
            <Field id="import-file" label="Backup file">
                <FileInput on_pick=choose_file accept=".json,application/json"/>
            </Field>
            <div aria-live="polite">
                {move || problem.get().map(|p| view! {
                    <div class="notice notice--error" role="alert"><p>{p}</p></div>
                })}
                {move || outcome.get().map(|o| view! { <div class="notice"><p>{o}</p></div> })}
                {move || loaded.with(|l| l.as_ref().map(|(_, _, about)| view! {
                    <p class="notice">{about.clone()}</p>
                }))}
                {move || plan.get().map(|plan| view! { <ImportPlan plan choices apply/> })}
            </div>
        </section>
    }
}

/// What importing the file would change, the learner's choice for each
/// conflict, and the button that imports it.
#[component]
fn ImportPlan(
    plan: import::Merge,
    choices: RwSignal<BTreeMap<String, Resolution>>,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let nothing = plan.changes.is_empty();
    let of_kind = |kind: ChangeKind| plan.changes.iter().filter(move |c| c.kind == kind);
    let added: Vec<String> = of_kind(ChangeKind::Added).map(|c| c.what.clone()).collect();
    let updated: Vec<String> = of_kind(ChangeKind::Updated).map(|c| c.what.clone()).collect();
    let conflicts: Vec<import::Change> = of_kind(ChangeKind::Conflict).cloned().collect();
    let counts = format!(
        "{} new, {} combined, {} in conflict, {} already here.",
        added.len(),
        updated.len(),
        conflicts.len(),
        plan.unchanged
    );
    view! {
        <h3>"What would change"</h3>
        <p>{counts}</p>
        {nothing.then(|| view! { <p>"Everything in this file is already here: importing it changes nothing."</p> })}
        <ChangeList heading="New" items=added/>
        <ChangeList heading="Combined, nothing lost" items=updated/>
        {(!conflicts.is_empty()).then(|| view! {
            <h4>"In conflict: choose for each"</h4>
            {conflicts.into_iter().map(|conflict| view! { <ConflictChoice conflict choices/> }).collect_view()}
        })}
        <button type="button" class="button" on:click=apply disabled=nothing>"Import"</button>
    }
}

/// One conflict's choices, the first chosen until the learner picks another.
#[component]
fn ConflictChoice(conflict: import::Change, choices: RwSignal<BTreeMap<String, Resolution>>) -> impl IntoView {
    let (key, offered) = (conflict.key.clone(), conflict.choices);
    let name = |choice: &Resolution| format!("{choice:?}");
    let chosen = {
        let key = key.clone();
        Signal::derive(move || name(&choices.with(|c| c.get(&key).copied()).unwrap_or(offered[0])))
    };
    let choose = Callback::new(move |picked: String| {
        if let Some(choice) = offered.iter().find(|choice| name(choice) == picked) {
            choices.update(|c| {
                c.insert(key.clone(), *choice);
            });
        }
    });
    let options = offered.iter().map(|choice| (name(choice), choice.label().to_owned())).collect::<Vec<_>>();
    let id = format!("choice-{}", conflict.key.replace([':', '.', '/'], "-"));
    view! { <Radios id legend=conflict.what.clone() value=chosen on_change=choose options/> }
}

/// Changes of one kind; a restore can add thousands, so only the first few are listed.
#[component]
fn ChangeList(heading: &'static str, items: Vec<String>) -> impl IntoView {
    const SHOWN: usize = 20;
    let more = items.len().saturating_sub(SHOWN);
    (!items.is_empty()).then(|| {
        view! {
            <h4>{heading}</h4>
            <ul>
                {items.into_iter().take(SHOWN).map(|item| view! { <li>{item}</li> }).collect_view()}
                {(more > 0).then(|| view! { <li>{format!("and {more} more")}</li> })}
            </ul>
        }
    })
}
