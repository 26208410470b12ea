//! `/export`: the learner's record as a file they keep.

use leptos::prelude::*;

use crate::domain::backup::Backup;
use crate::web::browser::{download, now_iso};
use crate::web::page_title::PageTitle;
use crate::web::state::use_app_state;

#[component]
pub fn ExportPage() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let backup = Backup::new(state.record.get_untracked(), &now_iso());
        let result = download(&backup.file_name(), "application/json", &backup.to_json());
        message.set(Some(match result {
            Ok(()) => format!(
                "Saved {}. Keep it somewhere safe: it is your only copy outside this browser.",
                backup.file_name()
            ),
            Err(reason) => format!("The backup could not be downloaded: {reason}"),
        }));
    };
    view! {
        <PageTitle text="Export your record"/>
        <p>
            "A backup holds everything you have recorded in Praxis. It stays on your device "
            "unless you choose to share it."
        </p>
        <button type="button" class="button" on:click=export>"Download backup (JSON)"</button>
        <p role="status">{move || message.get()}</p>
    }
}
