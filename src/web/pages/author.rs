//! `/author`: educators write or load a module and see it exactly as
//! learners will, with the checker's messages beside it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::curriculum;
use crate::domain::module::{Diagnostic, STARTER};
use crate::domain::storage::StoreError;
use crate::web::browser::{download, read_text, today};
use crate::web::module_view::{ModuleBody, ModuleHeader};
use crate::web::page_title::PageTitle;
use crate::web::storage;

/// The name diagnostics give the text being edited.
const DRAFT_PATH: &str = "draft.md";

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
            Ok(()) => format!("Saved {file_name}. Put it in the modules/ folder and rebuild to publish it."),
            Err(reason) => format!("The file could not be saved: {reason}"),
        }));
    };

    let reset = move |_| {
        text.set(STARTER.to_owned());
        file_message.set(Some("Started again from the example module.".to_owned()));
    };

    view! {
        <PageTitle text="Author a module"/>
        <p class="lede">
            "Write a module in Markdown and see it as learners will. The format is described in "
            <code>"modules/README.md"</code>"."
        </p>
        <div class="author-actions">
            <label class="button button--secondary file-button">
                "Open a .md file"
                <input type="file" accept=".md,text/markdown,text/plain" class="visually-hidden" on:change=load_file/>
            </label>
            <button type="button" class="button button--secondary" on:click=save_file>"Download this file"</button>
            <button type="button" class="button button--secondary" on:click=reset>"Start again from the example"</button>
        </div>
        <p role="status">{move || file_message.get()}</p>
        <div class="author">
            <div class="author__editor">
                <label for="module-source" class="author__label">"Module file"</label>
                <textarea
                    id="module-source"
                    class="author__source"
                    spellcheck="true"
                    rows="30"
                    aria-describedby="check-summary"
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                ></textarea>
                <CheckResults diagnostics=Signal::derive(move || checked.with(|(_, diagnostics)| diagnostics.clone()))/>
            </div>
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
        </div>
    }
}

/// The checker's messages for the draft, errors first.
#[component]
fn CheckResults(diagnostics: Signal<Vec<Diagnostic>>) -> impl IntoView {
    let summary = move || {
        diagnostics.with(|all| {
            let errors = all.iter().filter(|d| d.is_error()).count();
            let warnings = all.len() - errors;
            match (errors, warnings) {
                (0, 0) => "No problems found: this module is ready to publish.".to_owned(),
                _ => format!("{errors} error(s) and {warnings} warning(s)"),
            }
        })
    };
    view! {
        <div class="check-results">
            <p id="check-summary" class="check-results__summary" aria-live="polite">{summary}</p>
            <ul class="check-results__list">
                {move || diagnostics.get().into_iter().map(|d| {
                    let (class, label) = if d.is_error() { ("diagnostic diagnostic--error", "Error") } else { ("diagnostic diagnostic--warning", "Warning") };
                    view! {
                        <li class=class>
                            <strong>{format!("{label}, line {}: ", d.line)}</strong>{d.message}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
