//! `/employer`: many learners' backups and completion spreadsheets,
//! checked one by one and combined into a matrix, all inside this browser.

use leptos::prelude::*;

use crate::domain::curriculum;
use crate::domain::employer::kept::{KeepUntil, KeptFile, KeptFiles};
use crate::domain::employer::{
    check_file, combine, core_required, percent_complete, read_refresh_months, rows, standing_totals, CheckedFile,
    Filter, SortBy, Standing, DEFAULT_REFRESH_MONTHS, DUE_SOON_DAYS,
};
use crate::domain::export::{asc_wds, csv};
use crate::domain::framework::{Term, PROFESSIONS, STAGES};
use crate::domain::module::Module;
use crate::domain::staff::{FileCheck, StaffRecord, NO_CHANGE_FOUND};
use crate::domain::words;
use crate::web::browser::{chosen_files, download, mark, measure_since, now_iso, read_text, today, yield_to_browser};
use crate::web::form::{Errors, Field, NumberInput, TextInput};
use crate::web::page_title::PageTitle;
use crate::web::storage::{forget_staff_files, keep_staff_files, kept_staff_files};

/// How long files are read before the page is given a turn, in ms.
const FRAME_MS: f64 = 16.0;

#[component]
pub fn EmployerPage() -> impl IntoView {
    let files = RwSignal::new(Vec::<CheckedFile>::new());
    let staff = RwSignal::new(Vec::<(String, StaffRecord)>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let refresh = RwSignal::new(DEFAULT_REFRESH_MONTHS.to_string());
    let filter = RwSignal::new(Filter::default());
    let required = RwSignal::new(core_required(curriculum::catalogue()));
    let only_action = RwSignal::new(false);
    let sort = RwSignal::new(SortBy::Name);
    // Each file's text as read, so a new refresh period can check them again.
    let sources = RwSignal::new(Vec::<KeptFile>::new());
    let keep_until = RwSignal::new(KeepUntil::default());
    let message = RwSignal::new(None::<String>);
    let establishment = RwSignal::new(String::new());
    let recheck = move |refresh_months: u32| {
        let mut checked: Vec<CheckedFile> = sources.with_untracked(|all| {
            all.iter().map(|file| checked_file(&file.name, file.read(), refresh_months)).collect()
        });
        staff.set(combine(&mut checked));
        files.set(checked);
    };
    // Keeps what is shown for a reload or a visit to another page, for as
    // long as the manager chose; says so if the browser will not keep it.
    let keep = move |refresh_months: u32| {
        let kept = KeptFiles::new(&now_iso(), keep_until.get_untracked(), refresh_months, sources.get_untracked());
        if kept.files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Err(reason) = keep_staff_files(&kept).await {
                message.set(Some(format!("These files are shown, but will be gone if you reload the page: {reason}")));
            }
        });
    };
    leptos::task::spawn_local(async move {
        match kept_staff_files().await {
            Ok(Some(kept)) => {
                message.set(Some(kept.restored_notice()));
                refresh.set(kept.refresh_months.to_string());
                keep_until.set(kept.until);
                sources.set(kept.files);
                recheck(kept.refresh_months);
            }
            Ok(None) => {}
            Err(reason) => message.set(Some(reason)),
        }
    });

    let load = move |chosen: Vec<web_sys::File>| {
        if chosen.is_empty() {
            return;
        }
        let refresh_months = refresh_months(&refresh.get_untracked());
        let total = chosen.len();
        progress.set(Some((0, total)));
        mark("praxis:rollup:start");
        leptos::task::spawn_local(async move {
            let mut checked = files.get_untracked();
            let mut read = Vec::with_capacity(total);
            let mut last_yield = js_sys::Date::now();
            for (done, file) in chosen.into_iter().enumerate() {
                let name = file.name();
                let file = KeptFile::new(name, read_text(&file).await);
                checked.push(checked_file(&file.name, file.read(), refresh_months));
                read.push(file);
                // Every frame or so, show the count and let the page handle input.
                if js_sys::Date::now() - last_yield > FRAME_MS {
                    progress.set(Some((done + 1, total)));
                    yield_to_browser().await;
                    last_yield = js_sys::Date::now();
                }
            }
            sources.update(|all| all.extend(read));
            staff.set(combine(&mut checked));
            files.set(checked);
            progress.set(None);
            message.set(None);
            keep(refresh_months);
            measure_since("praxis:rollup", "praxis:rollup:start");
        });
    };
    let on_pick = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        load(chosen_files(input.files()));
        input.set_value("");
    };
    // Folder picking has no attribute in Leptos's typed HTML; set it on the element.
    let folder_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder_input.get() {
            input.set_webkitdirectory(true);
        }
    });
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        load(chosen_files(event.data_transfer().and_then(|d| d.files())));
    };
    let clear = move |_| {
        sources.set(Vec::new());
        files.set(Vec::new());
        staff.set(Vec::new());
        leptos::task::spawn_local(async move {
            message.set(Some(match forget_staff_files().await {
                Ok(()) => "All files were cleared from this page and this browser.".to_owned(),
                Err(reason) => {
                    format!("The files were cleared from this page, but this browser may still hold them: {reason}")
                }
            }));
        });
    };
    let on_keep_choice = move |e: leptos::ev::Event| {
        keep_until.set(if event_target_checked(&e) { KeepUntil::Cleared } else { KeepUntil::TabClosed });
        keep(refresh_months(&refresh.get_untracked()));
    };
    let shown = Memo::new(move |_| {
        let filter = filter.get();
        let (only_action, sort) = (only_action.get(), sort.get());
        required.with(|required| {
            staff.with(|all| {
                rows(all, &filter, required, only_action, sort, today()).into_iter().cloned().collect::<Vec<_>>()
            })
        })
    });
    // A new refresh period checks the files again; one that is not a
    // number of months is named beside the field and changes nothing.
    let errors = Errors::new("refresh-months-summary");
    Effect::watch(
        move || refresh.get(),
        move |typed, _, _| match read_refresh_months(typed) {
            Ok(months) => {
                errors.show(Vec::new());
                if !sources.with_untracked(Vec::is_empty) {
                    recheck(months);
                    keep(months);
                }
            }
            Err(problem) => errors.show(vec![("refresh-months".to_owned(), problem)]),
        },
        false,
    );
    let download_csv = move |_| {
        let text = shown.with_untracked(|rows| {
            let records: Vec<&StaffRecord> = rows.iter().map(|(_, s)| s).collect();
            csv::write(&records, curriculum::catalogue())
        });
        let file_name = format!("praxis-rollup-{}.csv", &now_iso()[..10]);
        message.set(Some(match download(&file_name, "text/csv", &text) {
            Ok(()) => format!("Saved {file_name}."),
            Err(reason) => format!("{file_name} could not be downloaded: {reason}"),
        }));
    };
    let refresh_hint = format!(
        "After this, the module shows as expired; in its last {DUE_SOON_DAYS} days it shows as due soon. Changing it \
         checks the files already added again."
    );
    view! {
        <PageTitle text="Your team's AI training"/>
        <p class="lede">
            "Add the backups or completion spreadsheets your staff have given you. Each file is checked and read "
            "in this browser: nothing is uploaded."
        </p>
        <Field id="refresh-months" label="A completion counts for (months)" hint=refresh_hint errors>
            <NumberInput value=refresh whole=true/>
        </Field>
        <div class="drop-zone" on:dragover=|e: leptos::ev::DragEvent| e.prevent_default() on:drop=on_drop>
            <div class="field">
                <label for="staff-files">"Add staff files (you can also drop them here)"</label>
                <input type="file" id="staff-files" multiple accept=".json,.csv,application/json,text/csv" on:change=on_pick/>
            </div>
            <div class="field">
                <label for="staff-folder">"Or add a whole folder"</label>
                <input type="file" id="staff-folder" multiple node_ref=folder_input on:change=on_pick/>
            </div>
        </div>
        <div class="field">
            <div class="choice">
                <input type="checkbox" id="keep-staff-files" aria-describedby="keep-staff-files-hint"
                    prop:checked=move || keep_until.get() == KeepUntil::Cleared on:change=on_keep_choice/>
                <label for="keep-staff-files">"Keep these files in this browser after I close this tab"</label>
            </div>
            <p class="hint" id="keep-staff-files-hint">
                "They hold your colleagues' training records. Unless you tick this, they are forgotten when you close "
                "this tab; either way they never leave this device, and “Clear all files” removes them."
            </p>
        </div>
        <p role="status" class="status">
            {move || progress.get().map(|(done, total)| format!("Checked {done} of {total} files…"))}
            {move || message.get()}
        </p>
        {move || (!files.with(Vec::is_empty)).then(|| view! {
            <FileTable files=files/>
            <button type="button" class="button button--secondary" on:click=clear>"Clear all files"</button>
        })}
        {move || (!staff.with(Vec::is_empty)).then(|| view! {
            <h2 id="matrix-heading">"Completion by learner"</h2>
            <MatrixFilters filter=filter required=required only_action=only_action sort=sort/>
            <Matrix shown=shown required=required files=files/>
            <button type="button" class="button" on:click=download_csv>"Download roll-up (CSV)"</button>
            <AscWdsDownload shown establishment message/>
        })}
    }
}

/// The training bulk-upload file for ASC-WDS, from the rows shown.
#[component]
fn AscWdsDownload(
    shown: Memo<Vec<(String, StaffRecord)>>,
    /// Kept by the page, so new files do not clear it.
    establishment: RwSignal<String>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    // The same file as `praxis-cli rollup --asc-wds`, held to the same
    // ASC-WDS checks: one it would refuse is not offered, and the rule is named.
    let download_asc_wds = move |_| {
        let checked = shown.with_untracked(|rows| {
            let records: Vec<&StaffRecord> = rows.iter().map(|(_, s)| s).collect();
            let establishment = establishment.get_untracked();
            asc_wds::write_checked(establishment.trim(), &records, curriculum::catalogue(), today())
        });
        let file_name = format!("praxis-asc-wds-training-{}.csv", &now_iso()[..10]);
        message.set(Some(match checked {
            Err(problems) => format!(
                "ASC-WDS would refuse this file ({}), so it was not saved. First: {}",
                words::count(problems.len(), "problem", "problems"),
                problems[0]
            ),
            Ok(text) => match download(&file_name, "text/csv", &text) {
                Ok(()) => format!("Saved {file_name}."),
                Err(reason) => format!("{file_name} could not be downloaded: {reason}"),
            },
        }));
    };
    let asc_wds_hint = "The training bulk-upload file for Skills for Care's Adult Social Care Workforce Data Set: a \
                        row per completed module, under each person's staff number.";
    view! {
        <h2>"For ASC-WDS"</h2>
        <Field id="asc-wds-establishment" hint=asc_wds_hint label="Your workplace's reference in ASC-WDS (LOCALESTID)">
            <TextInput value=establishment maxlength=50/>
        </Field>
        <button type="button" class="button button--secondary" on:click=download_asc_wds>
            "Download training file for ASC-WDS (CSV)"
        </button>
    }
}

/// The refresh period typed, or the default while it is not one (the
/// field says so).
fn refresh_months(typed: &str) -> u32 {
    read_refresh_months(typed).unwrap_or(DEFAULT_REFRESH_MONTHS)
}

/// A file checked as read, or reported invalid when it could not be read.
fn checked_file(name: &str, read: Result<&str, &str>, refresh_months: u32) -> CheckedFile {
    match read {
        Ok(text) => check_file(name, text, curriculum::catalogue(), refresh_months, today()),
        Err(reason) => {
            CheckedFile { name: name.to_owned(), check: FileCheck::Invalid(reason.to_owned()), staff: Vec::new() }
        }
    }
}

/// A file's row: its name, what its check found, and why.
#[component]
fn FileRow(file: CheckedFile) -> impl IntoView {
    let class = format!("file-check file-check--{}", file.check.id());
    view! {
        <tr>
            <th scope="row">{file.name.clone()}</th>
            <td><span class=class>{file.check.label()}</span></td>
            <td>{file.check.reason().unwrap_or(NO_CHANGE_FOUND).to_owned()}</td>
        </tr>
    }
}

#[component]
fn FileTable(files: RwSignal<Vec<CheckedFile>>) -> impl IntoView {
    let count = move |id: &str| files.with(|f| f.iter().filter(|file| file.check.id() == id).count());
    view! {
        <h2 id="files-heading">"Files"</h2>
        <p>{move || format!(
            "{}: {} with no change found, {} may be changed, {} invalid, {} duplicate, {} clash.",
            words::count(files.with(Vec::len), "file", "files"), count("intact"), count("modified"), count("invalid"),
            count("duplicate"), count("clash")
        )}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="files-heading">
            <table class="history">
                <thead><tr><th scope="col">"File"</th><th scope="col">"Check"</th><th scope="col">"Why"</th></tr></thead>
                <tbody>
                    // Two files may share a name, so the place is part of the key; files are only added at the end.
                    <For each=move || files.get().into_iter().enumerate()
                        key=|(place, file)| (*place, file.name.clone(), format!("{:?}", file.check))
                        children=move |(_, file)| view! { <FileRow file/> }/>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn MatrixFilters(
    filter: RwSignal<Filter>,
    required: RwSignal<Vec<String>>,
    only_action: RwSignal<bool>,
    sort: RwSignal<SortBy>,
) -> impl IntoView {
    let catalogue = curriculum::catalogue();
    let select_all = move |_| required.set(catalogue.modules().iter().map(|m| m.id.clone()).collect());
    let select_none = move |_| required.set(Vec::new());
    view! {
        <div class="filters">
            <div class="field field--inline">
                <label for="filter-profession">"Profession"</label>
                <select id="filter-profession" on:change=move |e| filter.update(|f| f.profession = event_target_value(&e))>
                    <option value="">"All"</option>
                    {PROFESSIONS.iter().map(|p| view! { <option value=p.id>{p.label}</option> }).collect_view()}
                </select>
            </div>
            <div class="field field--inline">
                <label for="filter-stage">"Stage"</label>
                <select id="filter-stage" on:change=move |e| filter.update(|f| f.stage = event_target_value(&e))>
                    <option value="">"All"</option>
                    {STAGES.iter().map(|s| view! { <option value=s.id>{s.label}</option> }).collect_view()}
                </select>
            </div>
            <div class="field field--inline">
                <label for="sort-by">"Sort by"</label>
                <select id="sort-by" on:change=move |e| sort.set(if event_target_value(&e) == "outstanding" { SortBy::Outstanding } else { SortBy::Name })>
                    <option value="name">"Name"</option>
                    <option value="outstanding">"Most to do first"</option>
                </select>
            </div>
            <div class="choice">
                <input type="checkbox" id="only-action" prop:checked=move || only_action.get()
                    on:change=move |e| only_action.set(event_target_checked(&e))/>
                <label for="only-action">"Only staff who need action"</label>
            </div>
        </div>
        <details class="details">
            <summary>{move || format!("Choose the required modules ({} of {} chosen)", required.with(Vec::len), catalogue.modules().len())}</summary>
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=select_all>"Select all"</button>
                <button type="button" class="button button--secondary" on:click=select_none>"Select none"</button>
            </div>
            <fieldset class="field">
                <legend>"Required modules"</legend>
                {catalogue.modules().iter().map(|module| {
                    let id = module.id.clone();
                    let input_id = format!("require-{id}");
                    let checked = { let id = id.clone(); move || required.with(|r| r.contains(&id)) };
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=move |_| required.update(|r| {
                                match r.iter().position(|m| *m == id) {
                                    Some(index) => { r.remove(index); }
                                    None => r.push(id.clone()),
                                }
                            })/>
                            <label for=input_id>{module.title.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}

/// Learners down, required modules across; every cell is a short word
/// with a symbol, so colour only repeats what the text says, and its
/// dates are in its accessible name.
#[component]
fn Matrix(
    shown: Memo<Vec<(String, StaffRecord)>>,
    required: RwSignal<Vec<String>>,
    files: RwSignal<Vec<CheckedFile>>,
) -> impl IntoView {
    // A learner counted from a file that may be changed says so on their row.
    let changed = move |file: &str| {
        files.with(|all| all.iter().any(|f| f.name == file && matches!(f.check, FileCheck::Modified(_))))
    };
    let catalogue = curriculum::catalogue();
    let columns = Signal::derive(move || {
        let required = required.get();
        catalogue.modules().iter().filter(|m| required.contains(&m.id)).collect::<Vec<_>>()
    });
    let changed = Callback::new(move |file: String| changed(&file));
    view! {
        <p>{move || format!("{} shown.", words::count(shown.with(Vec::len), "learner", "learners"))}</p>
        <p class="hint matrix-key">"Key: ✓ Done, ! Due soon (expires within "{DUE_SOON_DAYS}" days), ✗ Expired, … Started, – Not done."</p>
        {move || required.with(Vec::is_empty).then(|| view! { <p>"No modules are required: choose some above."</p> })}
        <div class="table-scroll matrix-scroll" tabindex="0" role="region" aria-labelledby="matrix-heading">
            <table class="history matrix">
                <thead>
                    <tr>
                        <th scope="col">"Learner"</th>
                        {move || columns.get().into_iter().map(|m| view! { <th scope="col">{m.title.clone()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    // A row is drawn again only when its learner or the columns change.
                    <For each=move || { required.track(); shown.get() } key=move |(file, record)| row_key(file, record, required) let:row>
                        <MatrixRow file=row.0 record=row.1 columns changed/>
                    </For>
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"Complete"</th>
                        {move || columns.get().into_iter().map(|module| {
                            let (percent, done, total, counts) = shown.with(|rows| {
                                let records: Vec<&StaffRecord> = rows.iter().map(|(_, s)| s).collect();
                                let (done, total, percent) = percent_complete(&records, &module.id, today());
                                (percent, done, total, standing_totals(&records, &module.id, today()))
                            });
                            let rest = [Standing::DueSoon, Standing::Expired, Standing::InProgress, Standing::NotStarted]
                                .into_iter().filter(|s| counts[s] > 0)
                                .map(|s| format!("{} {}", counts[&s], s.label().to_lowercase())).collect::<Vec<_>>();
                            view! {
                                <td class="total">
                                    <strong class="total__percent">{format!("{percent}%")}</strong>
                                    <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                        <rect class="bar__track" width="100" height="8"/>
                                        <rect class="bar__fill" width=percent.to_string() height="8"/>
                                    </svg>
                                    <span class="total__count">{format!("{done} of {total}")}</span>
                                    {(!rest.is_empty()).then(|| view! { <span class="total__rest">{rest.join(", ")}</span> })}
                                </td>
                            }
                        }).collect_view()}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// A matrix row's key: the file and learner, and the columns it was drawn for.
fn row_key(file: &str, record: &StaffRecord, required: RwSignal<Vec<String>>) -> String {
    format!("{file}\n{record:?}\n{}", required.with_untracked(|r| r.join(",")))
}

/// One learner's row: name and details, then a cell per required module.
#[component]
fn MatrixRow(
    file: String,
    record: StaffRecord,
    columns: Signal<Vec<&'static Module>>,
    changed: Callback<String, bool>,
) -> impl IntoView {
    let learner = record.learner.clone();
    let label = |terms: &'static [Term], id: &str| {
        terms.iter().find(|t| t.id == id).map_or(id.to_owned(), |t| t.label.to_owned())
    };
    let detail = [learner.staff_number.clone(), label(PROFESSIONS, &learner.profession), label(STAGES, &learner.stage)]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let name = learner.display_name(&file);
    let warning = changed.run(file.clone()).then(|| {
        view! { <br/><span class="row-warning">{format!("! From {file}, which may be changed")}</span> }
    });
    let cells = columns.get_untracked().into_iter().map(|module| matrix_cell(&record, module)).collect_view();
    view! {
        <tr>
            <th scope="row">{name}<br/><span class="hint">{detail}</span>{warning}</th>
            {cells}
        </tr>
    }
}

/// A learner's cell for one module: a symbol and a word, with its dates.
fn matrix_cell(record: &StaffRecord, module: &Module) -> impl IntoView {
    let cell = record.cells.get(&module.id).cloned();
    let standing = Standing::of(cell.as_ref(), today());
    let class = format!("cell cell--{}", standing.id());
    let symbol = match standing {
        Standing::Current => "✓",
        Standing::DueSoon => "!",
        Standing::Expired => "✗",
        Standing::InProgress => "…",
        Standing::NotStarted => "–",
    };
    let mut parts = Vec::new();
    if let Some(c) = &cell {
        if let Some(day) = c.completed_on {
            parts.push(format!("done {}", words::day(day)));
        }
        if let Some(score) = c.score {
            parts.push(format!("{score} %"));
        }
        if let Some(expiry) = c.expires_on {
            let verb = if standing == Standing::Expired { "expired" } else { "expires" };
            parts.push(format!("{verb} {}", words::day(expiry)));
        }
    }
    let detail = if parts.is_empty() { String::new() } else { format!(", {}", parts.join(", ")) };
    let title = format!("{}: {}{detail}", module.title, standing.label());
    view! {
        <td class=class title=title>
            <span aria-hidden="true" class="cell__symbol">{symbol}" "</span>{standing.label()}
            <span class="visually-hidden">{detail}</span>
        </td>
    }
}
