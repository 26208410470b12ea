//! `/employer`: many learners' backups and completion spreadsheets,
//! checked one by one and combined into a matrix, all inside this browser.

use leptos::prelude::*;

use crate::domain::curriculum;
use crate::domain::employer::kept::{KeepUntil, KeptFile, KeptFiles};
use crate::domain::employer::{
    combine, core_required, percent_complete, read_refresh_months, rows, standing_totals, CheckedFile, Filter, SortBy,
    Standing, DEFAULT_REFRESH_MONTHS, DUE_SOON_DAYS,
};
use crate::domain::export::{asc_wds, csv};
use crate::domain::framework::{Term, PROFESSIONS, STAGES};
use crate::domain::module::Module;
use crate::domain::staff::{FileCheck, StaffRecord, NO_CHANGE_FOUND};
use crate::domain::words;
use crate::web::browser::{chosen_files, download, focus, mark, measure_since, now_iso, today};
use crate::web::file_checks::{check_all, Source};
use crate::web::form::{options, Checkbox, Errors, Field, FileInput, FilterSelect, NumberInput, Select, TextInput};
use crate::web::page_title::PageTitle;
use crate::web::storage::{forget_staff_files, keep_staff_files, kept_staff_files};

/// The matrix's orders: the sort field's value, its label, and the order.
const SORTS: [(&str, &str, SortBy); 2] =
    [("name", "Name", SortBy::Name), ("outstanding", "Most to do first", SortBy::Outstanding)];

#[component]
pub fn EmployerPage() -> impl IntoView {
    let team = Team::new();
    team.restore();
    let choice = MatrixChoice::new();
    let refresh_errors = team.recheck_on_new_refresh();
    let refresh_hint = format!(
        "After this, the module shows as expired; in its last {DUE_SOON_DAYS} days it shows as due soon. Changing it \
         checks the files already added again."
    );
    let has_files = Memo::new(move |_| !team.files.with(Vec::is_empty));
    let has_staff = Memo::new(move |_| !team.staff.with(Vec::is_empty));
    view! {
        <PageTitle text="Your team's AI training"/>
        <p class="lede">
            "Add the backups or completion spreadsheets your staff have given you. Each file is checked and read "
            "in this browser: nothing is uploaded."
        </p>
        <Field id="refresh-months" label="A completion counts for (months)" hint=refresh_hint errors=refresh_errors>
            <NumberInput value=team.refresh whole=true/>
        </Field>
        <StaffFilePicker team/>
        <p role="status" class="status">
            {move || team.progress.get().map(|(done, total)| format!("Checked {done} of {total} files…"))}
            {move || team.message.get()}
        </p>
        {move || has_files.get().then(|| view! {
            <FileTable files=team.files/>
            <button type="button" class="button button--secondary" on:click=move |_| team.clear()>
                "Clear all files"
            </button>
        })}
        {move || has_staff.get().then(|| view! { <MatrixSection team choice/> })}
    }
}

/// What the page holds: the files added, as read and as checked, the
/// learners combined from them, and what it says about them.
#[derive(Clone, Copy)]
struct Team {
    /// Each file's text as read, so a new refresh period can check them again.
    sources: RwSignal<Vec<KeptFile>>,
    files: RwSignal<Vec<CheckedFile>>,
    staff: RwSignal<Vec<(String, StaffRecord)>>,
    /// The refresh period in months, as typed.
    refresh: RwSignal<String>,
    keep_until: RwSignal<KeepUntil>,
    /// Files checked so far of those being checked.
    progress: RwSignal<Option<(usize, usize)>>,
    /// Counts changes to `sources`, so a check of files since replaced is not shown.
    generation: StoredValue<u64>,
    message: RwSignal<Option<String>>,
}

impl Team {
    fn new() -> Team {
        Team {
            sources: RwSignal::new(Vec::new()),
            files: RwSignal::new(Vec::new()),
            staff: RwSignal::new(Vec::new()),
            refresh: RwSignal::new(DEFAULT_REFRESH_MONTHS.to_string()),
            keep_until: RwSignal::new(KeepUntil::default()),
            progress: RwSignal::new(None),
            generation: StoredValue::new(0),
            message: RwSignal::new(None),
        }
    }

    /// The refresh period typed, or the default while it is not one.
    fn refresh_months(self) -> u32 {
        refresh_months(&self.refresh.get_untracked())
    }

    /// Shows the files this browser kept from an earlier visit, if any.
    fn restore(self) {
        leptos::task::spawn_local(async move {
            match kept_staff_files().await {
                Ok(Some(kept)) => {
                    self.message.set(Some(kept.restored_notice()));
                    self.refresh.set(kept.refresh_months.to_string());
                    self.keep_until.set(kept.until);
                    self.sources.set(kept.files);
                    self.recheck(kept.refresh_months);
                }
                Ok(None) => {}
                Err(reason) => self.message.set(Some(reason)),
            }
        });
    }

    /// Checks every file again (for a new refresh period, or on return).
    /// If files were added or cleared meanwhile, whoever did so shows them.
    fn recheck(self, refresh_months: u32) {
        let generation = self.generation.get_value();
        let sources: Vec<Source> = self.sources.get_untracked().into_iter().map(Source::Kept).collect();
        leptos::task::spawn_local(async move {
            let found = self.check(sources, refresh_months).await;
            if self.generation.get_value() == generation {
                let mut checked: Vec<CheckedFile> = found.into_iter().map(|(_, checked)| checked).collect();
                self.staff.set(combine(&mut checked));
                self.files.set(checked);
            }
        });
    }

    /// Checks `sources`, showing how many are done.
    async fn check(self, sources: Vec<Source>, refresh_months: u32) -> Vec<(KeptFile, CheckedFile)> {
        let total = sources.len();
        self.progress.set(Some((0, total)));
        let progress = self.progress;
        let found = check_all(sources, refresh_months, move |done| progress.set(Some((done, total)))).await;
        self.progress.set(None);
        found
    }

    /// A new refresh period checks the files again; one that is not a
    /// number of months is named beside the field and changes nothing.
    fn recheck_on_new_refresh(self) -> Errors {
        let errors = Errors::new("refresh-months-summary");
        Effect::watch(
            move || self.refresh.get(),
            move |typed, _, _| match read_refresh_months(typed) {
                Ok(months) => {
                    errors.show(Vec::new());
                    if !self.sources.with_untracked(Vec::is_empty) {
                        self.recheck(months);
                        self.keep(months);
                    }
                }
                Err(problem) => errors.show(vec![("refresh-months".to_owned(), problem)]),
            },
            false,
        );
        errors
    }

    /// Keeps what is shown for a reload or a visit to another page, for as
    /// long as the manager chose; says so if the browser will not keep it.
    fn keep(self, refresh_months: u32) {
        let kept =
            KeptFiles::new(&now_iso(), self.keep_until.get_untracked(), refresh_months, self.sources.get_untracked());
        if kept.files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Err(reason) = keep_staff_files(&kept).await {
                self.message
                    .set(Some(format!("These files are shown, but will be gone if you reload the page: {reason}")));
            }
        });
    }

    /// Reads and checks `chosen` (in workers: see `web::file_checks`) and
    /// adds them to the files shown.
    fn load(self, chosen: Vec<web_sys::File>) {
        if chosen.is_empty() {
            return;
        }
        let refresh_months = self.refresh_months();
        mark("praxis:rollup:start");
        leptos::task::spawn_local(async move {
            let found = self.check(chosen.into_iter().map(Source::Picked).collect(), refresh_months).await;
            let (read, checked): (Vec<KeptFile>, Vec<CheckedFile>) = found.into_iter().unzip();
            self.generation.update_value(|generation| *generation += 1);
            self.sources.update(|all| all.extend(read));
            let mut files = self.files.get_untracked();
            files.extend(checked);
            self.staff.set(combine(&mut files));
            self.files.set(files);
            self.message.set(None);
            measure_since("praxis:rollup", "praxis:rollup:start");
            // The period may have changed while these were being checked.
            let now = self.refresh_months();
            if now != refresh_months {
                self.recheck(now);
            }
            self.keep(now);
        });
    }

    fn clear(self) {
        self.generation.update_value(|generation| *generation += 1);
        self.sources.set(Vec::new());
        self.files.set(Vec::new());
        self.staff.set(Vec::new());
        leptos::task::spawn_local(async move {
            self.message.set(Some(match forget_staff_files().await {
                Ok(()) => "All files were cleared from this page and this browser.".to_owned(),
                Err(reason) => {
                    format!("The files were cleared from this page, but this browser may still hold them: {reason}")
                }
            }));
        });
    }
}

/// Where files come in: picked, a folder picked, or dropped; and whether
/// this browser keeps them after the tab closes.
#[component]
fn StaffFilePicker(team: Team) -> impl IntoView {
    let on_pick = Callback::new(move |files| team.load(files));
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        team.load(chosen_files(event.data_transfer().and_then(|d| d.files())));
    };
    let keep_after_close = Callback::new(move |on: bool| {
        team.keep_until.set(if on { KeepUntil::Cleared } else { KeepUntil::TabClosed });
        team.keep(team.refresh_months());
    });
    let keep_hint = "They hold your colleagues' training records. Unless you tick this, they are forgotten when you \
                     close this tab; either way they never leave this device, and “Clear all files” removes them.";
    view! {
        <div class="drop-zone" on:dragover=|e: leptos::ev::DragEvent| e.prevent_default() on:drop=on_drop>
            <Field id="staff-files" label="Add staff files (you can also drop them here)">
                <FileInput on_pick multiple=true accept=".json,.csv,application/json,text/csv"/>
            </Field>
            <Field id="staff-folder" label="Or add a whole folder">
                <FileInput on_pick multiple=true folder=true/>
            </Field>
        </div>
        <Checkbox id="keep-staff-files" label="Keep these files in this browser after I close this tab"
            hint=keep_hint checked=Signal::derive(move || team.keep_until.get() == KeepUntil::Cleared)
            on_change=keep_after_close/>
    }
}

/// How the matrix is filtered and ordered, and which modules it requires:
/// kept by the page, so new files do not reset them.
#[derive(Clone, Copy)]
struct MatrixChoice {
    /// A profession id, or empty for all.
    profession: RwSignal<String>,
    /// A stage id, or empty for all.
    stage: RwSignal<String>,
    /// One of [`SORTS`]' values.
    sort: RwSignal<String>,
    only_action: RwSignal<bool>,
    required: RwSignal<Vec<String>>,
    /// The workplace's ASC-WDS reference.
    establishment: RwSignal<String>,
}

impl MatrixChoice {
    fn new() -> MatrixChoice {
        MatrixChoice {
            profession: RwSignal::new(String::new()),
            stage: RwSignal::new(String::new()),
            sort: RwSignal::new(SORTS[0].0.to_owned()),
            only_action: RwSignal::new(false),
            required: RwSignal::new(core_required(curriculum::catalogue())),
            establishment: RwSignal::new(String::new()),
        }
    }

    /// The rows to show, as chosen.
    fn rows(self, team: Team) -> Memo<Vec<(String, StaffRecord)>> {
        Memo::new(move |_| {
            let filter = Filter { profession: self.profession.get(), stage: self.stage.get() };
            let sort = self.sort.with(|chosen| SORTS.iter().find(|(id, ..)| id == chosen).map(|(.., by)| *by));
            let (only_action, sort) = (self.only_action.get(), sort.unwrap_or_default());
            self.required.with(|required| {
                team.staff.with(|all| {
                    rows(all, &filter, required, only_action, sort, today()).into_iter().cloned().collect::<Vec<_>>()
                })
            })
        })
    }
}

/// The learners as a matrix, its filters, and its downloads.
#[component]
fn MatrixSection(team: Team, choice: MatrixChoice) -> impl IntoView {
    let shown = choice.rows(team);
    let message = team.message;
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
    view! {
        <h2 id="matrix-heading">"Completion by learner"</h2>
        <MatrixFilters choice/>
        <RequiredModules required=choice.required/>
        <Matrix shown=shown required=choice.required files=team.files/>
        <button type="button" class="button" on:click=download_csv>"Download roll-up (CSV)"</button>
        <AscWdsDownload shown establishment=choice.establishment/>
    }
}

/// The training bulk-upload file for ASC-WDS, from the rows shown. What
/// stops it is said where the manager is looking: a missing or too long
/// workplace reference beside its field, anything else under the button.
#[component]
fn AscWdsDownload(
    shown: Memo<Vec<(String, StaffRecord)>>,
    /// Kept by the page, so new files do not clear it.
    establishment: RwSignal<String>,
) -> impl IntoView {
    const FIELD: &str = "asc-wds-establishment";
    let errors = Errors::new("asc-wds-errors");
    let status = RwSignal::new(None::<String>);
    // The same file as `praxis-cli rollup --asc-wds`, held to the same
    // ASC-WDS checks: one it would refuse is not offered, and the rule is named.
    let download_asc_wds = move |_| {
        let checked = shown.with_untracked(|rows| {
            let records: Vec<&StaffRecord> = rows.iter().map(|(_, s)| s).collect();
            let establishment = establishment.get_untracked();
            asc_wds::write_checked(establishment.trim(), &records, curriculum::catalogue(), today())
        });
        let file_name = format!("praxis-asc-wds-training-{}.csv", &now_iso()[..10]);
        errors.show(Vec::new());
        status.set(match checked {
            Err(problems) => match problems.iter().find(|p| p.message.starts_with("LOCALESTID")) {
                // The one value the manager types: every row would repeat it.
                Some(reference) => {
                    let message = format!(
                        "Enter your workplace's reference as ASC-WDS shows it: ASC-WDS says {}.",
                        reference.message
                    );
                    errors.show(vec![(FIELD.to_owned(), message)]);
                    focus(FIELD);
                    None
                }
                None => Some(format!(
                    "ASC-WDS would refuse this file ({}), so it was not saved. The first: {}",
                    words::count(problems.len(), "problem", "problems"),
                    problems[0]
                )),
            },
            Ok(text) => Some(match download(&file_name, "text/csv", &text) {
                Ok(()) => format!("Saved {file_name}."),
                Err(reason) => format!("{file_name} could not be downloaded: {reason}"),
            }),
        });
    };
    let asc_wds_hint = "The training bulk-upload file for Skills for Care's Adult Social Care Workforce Data Set: a \
                        row per completed module, under each person's staff number.";
    view! {
        <h2>"For ASC-WDS"</h2>
        <Field id=FIELD hint=asc_wds_hint label="Your workplace's reference in ASC-WDS (LOCALESTID)" errors>
            <TextInput value=establishment maxlength=50/>
        </Field>
        <button type="button" class="button button--secondary" on:click=download_asc_wds>
            "Download training file for ASC-WDS (CSV)"
        </button>
        <p role="status" class="status">{move || status.get()}</p>
    }
}

/// The refresh period typed, or the default while it is not one (the
/// field says so).
fn refresh_months(typed: &str) -> u32 {
    read_refresh_months(typed).unwrap_or(DEFAULT_REFRESH_MONTHS)
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
                <thead>
                    <tr><th scope="col">"File"</th><th scope="col">"Check"</th><th scope="col">"Why"</th></tr>
                </thead>
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

/// Which learners the matrix shows, and in what order.
#[component]
fn MatrixFilters(choice: MatrixChoice) -> impl IntoView {
    let professions = options(PROFESSIONS.iter().map(|p| (p.id, p.label)));
    let stages = options(STAGES.iter().map(|s| (s.id, s.label)));
    let sorts = options(SORTS.iter().map(|(id, label, _)| (*id, *label)));
    let only_action = choice.only_action;
    view! {
        <div class="filters">
            <FilterSelect id="filter-profession" label="Profession" value=choice.profession options=professions
                all="All"/>
            <FilterSelect id="filter-stage" label="Stage" value=choice.stage options=stages all="All"/>
            <Field id="sort-by" label="Sort by" inline=true>
                <Select value=choice.sort options=sorts/>
            </Field>
            <Checkbox id="only-action" label="Only staff who need action" checked=only_action
                on_change=Callback::new(move |on| only_action.set(on))/>
        </div>
    }
}

/// The modules the matrix requires, all shown as its columns.
#[component]
fn RequiredModules(required: RwSignal<Vec<String>>) -> impl IntoView {
    let catalogue = curriculum::catalogue();
    let select_all = move |_| required.set(catalogue.modules().iter().map(|m| m.id.clone()).collect());
    let select_none = move |_| required.set(Vec::new());
    let chosen = move || {
        format!("Choose the required modules ({} of {} chosen)", required.with(Vec::len), catalogue.modules().len())
    };
    view! {
        <details class="details">
            <summary>{chosen}</summary>
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=select_all>"Select all"</button>
                <button type="button" class="button button--secondary" on:click=select_none>"Select none"</button>
            </div>
            <fieldset class="field">
                <legend>"Required modules"</legend>
                {catalogue.modules().iter().map(|module| {
                    let id = module.id.clone();
                    let checked = { let id = id.clone(); Signal::derive(move || required.with(|r| r.contains(&id))) };
                    let toggle = Callback::new(move |on: bool| required.update(|r| {
                        r.retain(|m| *m != id);
                        if on {
                            r.push(id.clone());
                        }
                    }));
                    view! {
                        <Checkbox id=format!("require-{}", module.id) label=module.title.clone() checked
                            on_change=toggle/>
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
        <p class="hint matrix-key">
            "Key: ✓ Done, ! Due soon (expires within "{DUE_SOON_DAYS}" days), ✗ Expired, … Started, – Not done."
        </p>
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
                    <For each=move || { required.track(); shown.get() }
                        key=move |(file, record)| row_key(file, record, required) let:row>
                        <MatrixRow file=row.0 record=row.1 columns changed/>
                    </For>
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"Complete"</th>
                        {move || columns.get().into_iter().map(|module| view! { <TotalCell shown module/> })
                            .collect_view()}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// A module's column total: the percentage complete, as a number and a
/// bar, then the counts behind it; drawn again when the rows shown change.
#[component]
fn TotalCell(shown: Memo<Vec<(String, StaffRecord)>>, module: &'static Module) -> impl IntoView {
    move || {
        let (percent, done, total, counts) = shown.with(|rows| {
            let records: Vec<&StaffRecord> = rows.iter().map(|(_, s)| s).collect();
            let (done, total, percent) = percent_complete(&records, &module.id, today());
            (percent, done, total, standing_totals(&records, &module.id, today()))
        });
        let rest = [Standing::DueSoon, Standing::Expired, Standing::InProgress, Standing::NotStarted]
            .into_iter()
            .filter(|s| counts[s] > 0)
            .map(|s| format!("{} {}", counts[&s], s.label().to_lowercase()))
            .collect::<Vec<_>>();
        view! {
            <td class="total">
                <strong class="total__percent">{format!("{percent}%")}</strong>
                <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"
                    focusable="false">
                    <rect class="bar__track" width="100" height="8"/>
                    <rect class="bar__fill" width=percent.to_string() height="8"/>
                </svg>
                <span class="total__count">{format!("{done} of {total}")}</span>
                {(!rest.is_empty()).then(|| view! { <span class="total__rest">{rest.join(", ")}</span> })}
            </td>
        }
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
