//! `/author`: educators write or load a module and see it exactly as
//! learners will, with the checker's messages beside the editor, and
//! `/author/guide`: the format guide, modules/README.md, in the app.

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::domain::curriculum;
use crate::domain::module::{guide_html, line_start_utf16, Diagnostic, Module, STARTER};
use crate::domain::storage::StoreError;
use crate::web::base::{self, href};
use crate::web::browser::{download, read_text, today};
use crate::web::module_view::{ModuleBody, ModuleHeader};
use crate::web::page_title::PageTitle;
use crate::web::storage;

/// The name diagnostics give the text being edited.
const DRAFT_PATH: &str = "draft.md";

/// The draft as checked: the module, if its front matter has no errors,
/// and the checker's messages.
type Checked = Memo<(Option<Module>, Vec<Diagnostic>)>;

#[component]
pub fn AuthorPage() -> impl IntoView {
    let initial = storage::load_author_draft().unwrap_or_else(|| STARTER.to_owned());
    let text = RwSignal::new(initial);
    let file_message = RwSignal::new(None::<String>);

    // Keep the draft on every change, so a reload never loses it.
    Effect::new(move |_| {
        // Without storage at all the page still works; there is nothing to warn about each keystroke.
        if let Err(error @ (StoreError::QuotaExceeded | StoreError::Failed(_))) =
            text.with(|text| storage::save_author_draft(text))
        {
            file_message.set(Some(format!("Your draft could not be kept in this browser: {error}")));
        }
    });

    let checked = Memo::new(move |_| text.with(|text| curriculum::catalogue().check_draft(DRAFT_PATH, text, today())));
    view! {
        <PageTitle text="Author a module"/>
        <p class="lede">
            "Write a module in Markdown and see it as learners will. The format is described in the "
            <A href=href("/author/guide")>"guide to writing modules"</A>"."
        </p>
        <DraftFiles text checked file_message/>
        <p role="status">{move || file_message.get()}</p>
        <div class="author">
            <Editor text checked/>
        </div>
        <Preview checked/>
    }
}

/// Opening a file into the draft, downloading the draft, and starting again.
#[component]
fn DraftFiles(text: RwSignal<String>, checked: Checked, file_message: RwSignal<Option<String>>) -> impl IntoView {
    let load_file = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event.target().expect("a change event has a target").unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            match read_text(&file).await {
                Ok(contents) => {
                    text.set(contents);
                    file_message.set(Some(format!("Loaded {name}.")));
                }
                Err(reason) => file_message.set(Some(format!("{name} could not be opened. {reason}"))),
            }
        });
    };

    let save_file = move |_| {
        let file_name = checked.with(|(module, _)| module.as_ref().map(|m| format!("{}.md", m.id)));
        let file_name = file_name.unwrap_or_else(|| "module.md".to_owned());
        let result = download(&file_name, "text/markdown", &text.get_untracked());
        file_message.set(Some(match result {
            Ok(()) => format!("Saved {file_name}. {NEXT_STEP}"),
            Err(reason) => format!("The file could not be saved: {reason}"),
        }));
    };

    let reset = move |_| {
        text.set(STARTER.to_owned());
        file_message.set(Some("Started again from the example module.".to_owned()));
    };
    view! {
        <div class="author-actions">
            <label class="button button--secondary file-button">
                "Open a .md file"
                <input type="file" accept=".md,text/markdown,text/plain" class="visually-hidden" on:change=load_file/>
            </label>
            <button type="button" class="button button--secondary" on:click=save_file>"Download this file"</button>
            <button type="button" class="button button--secondary" on:click=reset>"Start again from the example"</button>
        </div>
    }
}

/// The module's source with line numbers, and the checker's messages
/// beside it. Not a form kit field: a code editor, whose gutter follows
/// its scrolling and whose caret the messages move.
#[component]
fn Editor(text: RwSignal<String>, checked: Checked) -> impl IntoView {
    let source = NodeRef::<leptos::html::Textarea>::new();
    let gutter = NodeRef::<leptos::html::Pre>::new();
    // The gutter is rebuilt only when the number of lines changes, not on every keystroke.
    let line_count = Memo::new(move |_| text.with(|text| text.split('\n').count()));
    let numbers = move || (1..=line_count.get()).map(|n| n.to_string()).collect::<Vec<_>>().join("\n");

    // The gutter follows the textarea's scrolling so each number stays beside its line.
    let follow_scroll = move |_| {
        if let (Some(source), Some(gutter)) = (source.get_untracked(), gutter.get_untracked()) {
            gutter.set_scroll_top(source.scroll_top());
        }
    };

    // A message's button puts the caret at the start of its line and scrolls that line into view.
    let go_to_line = move |line: usize| {
        let Some(source) = source.get_untracked() else { return };
        let at = text.with_untracked(|text| line_start_utf16(text, line));
        let _ = source.focus();
        let _ = source.set_selection_range(at, at);
        let line_height = source.scroll_height() / i32::try_from(line_count.get_untracked()).unwrap_or(1).max(1);
        let line = i32::try_from(line).unwrap_or(i32::MAX);
        source.set_scroll_top((line - 1).saturating_mul(line_height) - source.client_height() / 3);
    };
    view! {
        <div class="author__editor">
            <label for="module-source" class="author__label">"Module file"</label>
            <div class="editor">
                // Line numbers for sighted authors; the messages say the line in words.
                <pre class="editor__gutter" aria-hidden="true" node_ref=gutter>{numbers}</pre>
                <textarea
                    id="module-source"
                    class="author__source editor__text"
                    spellcheck="true"
                    wrap="off"
                    rows="30"
                    aria-describedby="check-summary"
                    node_ref=source
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                    on:scroll=follow_scroll
                ></textarea>
            </div>
        </div>
        <CheckResults
            diagnostics=Signal::derive(move || checked.with(|(_, diagnostics)| diagnostics.clone()))
            go_to_line
        />
    }
}

/// The module as learners will see it, once its front matter has no errors.
#[component]
fn Preview(checked: Checked) -> impl IntoView {
    view! {
        <section class="author__preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading" class="author__preview-heading">"Preview"</h2>
            {move || match checked.get().0 {
                Some(module) => view! {
                    <article class="module module--preview">
                        <ModuleHeader module=module.clone() preview=true/>
                        <ModuleBody module/>
                    </article>
                }.into_any(),
                None => view! {
                    <p>"The preview appears once the front matter has no errors."</p>
                }.into_any(),
            }}
        </section>
    }
}

/// What an author does with a module that has no errors.
const NEXT_STEP: &str = "To publish it, add the file to the modules/ folder of Praxis through the usual review: \
    the build checks it again, and learners see it in the next release.";

/// The checker's messages for the draft, in line order; each one moves
/// the caret to its line.
#[component]
fn CheckResults(
    diagnostics: Signal<Vec<Diagnostic>>,
    go_to_line: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let errors = move || diagnostics.with(|all| all.iter().filter(|d| d.is_error()).count());
    let summary = move || {
        diagnostics.with(|all| {
            let errors = all.iter().filter(|d| d.is_error()).count();
            let warnings = all.len() - errors;
            let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
            match (errors, warnings) {
                (0, 0) => "No problems found: this module is ready to publish.".to_owned(),
                (0, 1) => "1 warning: this module can be published, but read the warning first.".to_owned(),
                (0, _) => format!("{warnings} warnings: this module can be published, but read the warnings first."),
                _ => format!(
                    "{} and {}: fix the errors before publishing.",
                    count(errors, "error"),
                    count(warnings, "warning")
                ),
            }
        })
    };
    view! {
        <section class="check-results" aria-labelledby="check-heading">
            <h2 id="check-heading" class="author__preview-heading">"Checker"</h2>
            <p id="check-summary" class="check-results__summary" aria-live="polite">{summary}</p>
            <Show when=move || errors() == 0>
                <p class="check-results__next">
                    "Next: use “Download this file”. " {NEXT_STEP}
                </p>
            </Show>
            <ul class="check-results__list">
                {move || diagnostics.get().into_iter().map(|d| {
                    let (class, label) = if d.is_error() { ("diagnostic diagnostic--error", "Error") } else { ("diagnostic diagnostic--warning", "Warning") };
                    let line = d.line;
                    view! {
                        <li class=class>
                            <button type="button" class="diagnostic__go" on:click=move |_| go_to_line(line)>
                                <strong>{format!("{label}, line {line}: ")}</strong>{d.message}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `/author/guide`: modules/README.md, bundled and drawn by the one
/// Markdown renderer, so the guide is there offline beside the editor.
#[component]
pub fn AuthorGuidePage() -> impl IntoView {
    view! {
        <PageTitle text="Writing Praxis modules"/>
        <p><A href=href("/author")>"Back to the editor"</A></p>
        // Safe: domain::module::render is the only source of this HTML.
        <div class="prose guide" inner_html=base::site_links(&guide_html())></div>
    }
}
