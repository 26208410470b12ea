//! `/portfolio`: the revalidation portfolio laid out for printing (or
//! saving as PDF from the print dialogue), per the learner's regulator.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;

use super::revalidation::ReadinessReport;
use crate::domain::cpd::method_label;
use crate::domain::portfolio::{portfolio, Section};
use crate::domain::record::EntryType;
use crate::domain::timestamp::parse_date;
use crate::domain::words;
use crate::domain::{curriculum, framework, reflective, revalidation};
use crate::web::base::href;
use crate::web::browser::{timed, today};
use crate::web::page_title::PageTitle;
use crate::web::state::use_app_state;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = use_app_state();
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    // A section the learner collapsed prints open with its content, not as
    // a bare link (style/praxis.css does the same where `::details-content`
    // is supported).
    let before_print = window_event_listener(leptos::ev::beforeprint, |_| {
        let Some(found) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all("main details:not([open])").ok())
        else {
            return;
        };
        for index in 0..found.length() {
            if let Some(details) = found.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                let _ = details.set_attribute("open", "");
            }
        }
    });
    on_cleanup(move || before_print.remove());
    let body = move || {
        let record = state.record.get();
        let profile = &record.profile;
        let regulator = profile.regulator.as_deref().and_then(revalidation::find);
        let renewal = profile.renewal_date.as_deref().and_then(parse_date);
        let (Some(regulator), Some(renewal)) = (regulator, renewal) else {
            return view! {
                <p>"Save your regulator and renewal date in "<A href=href("/settings")>"your profile"</A>" to lay out your portfolio."</p>
            }
            .into_any();
        };
        let role = profile.registration_type.as_deref();
        let portfolio = timed("praxis:export:portfolio", || {
            portfolio(&record, curriculum::catalogue(), regulator, role, renewal, today())
        });
        let window = portfolio.readiness.window;
        let register = portfolio.readiness.role.map_or("", |r| r.name.as_str());
        let detail = |label: &'static str, value: String| {
            (!value.is_empty()).then(|| view! { <dt>{label}</dt><dd>{value}</dd> })
        };
        let profession = profile
            .profession
            .as_deref()
            .and_then(|id| framework::PROFESSIONS.iter().find(|p| p.id == id))
            .map_or(String::new(), |p| p.label.to_owned());
        view! {
            <dl class="portfolio__details">
                {detail("Name", profile.name.clone().unwrap_or_default())}
                {detail("Registration number", profile.registration_number.clone().unwrap_or_default())}
                {detail("Profession", profession)}
                {detail("Regulator", regulator.name.to_owned())}
                {detail("Register", register.to_owned())}
                {detail("Cycle", format!("{} to {}", words::day(window.start), words::day(window.end)))}
                {detail("CPD in this cycle", format!("{:.1} hours, {:.1} of them with others", portfolio.hours.0, portfolio.hours.1))}
                {detail("Printed", words::day(today()))}
            </dl>
            <ReadinessReport readiness=portfolio.readiness notes_open=true/>
            {portfolio.sections.into_iter().map(|section| view! { <EvidenceSection section/> }).collect_view()}
        }
        .into_any()
    };
    view! {
        <PageTitle text="Revalidation portfolio"/>
        <p class="lede no-print">
            "Your evidence from this cycle, laid out for your regulator. Print it, or choose “Save as PDF” in the "
            "print dialogue. Check it before you share it: it includes what you wrote."
        </p>
        <button type="button" class="button no-print" on:click=print>"Print or save as PDF"</button>
        {body}
    }
}

#[component]
fn EvidenceSection(section: Section) -> impl IntoView {
    let heading_id = format!("section-{}", section.kind.id());
    let heading = section.kind.label();
    let rows = section.rows;
    let body = if rows.is_empty() {
        view! { <p>"Nothing recorded in this cycle yet."</p> }.into_any()
    } else if section.kind == EntryType::Cpd {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{heading} (table)")>
            <table class="history">
                <thead><tr>
                    <th scope="col">"Date"</th><th scope="col">"Activity"</th><th scope="col">"Method"</th>
                    <th scope="col">"Hours"</th><th scope="col">"With others"</th>
                </tr></thead>
                <tbody>{rows.into_iter().map(|row| {
                    let entry = row.entry;
                    view! {
                        <tr>
                            <td>{words::date(&entry.date)}</td>
                            <th scope="row">{entry.title.clone()}
                                {(!entry.description.is_empty()).then(|| view! { <br/><span class="hint">{entry.description.clone()}</span> })}</th>
                            <td>{method_label(&entry.method).to_owned()}</td>
                            <td>{format!("{:.1}", entry.hours)}</td>
                            <td>{format!("{:.1}", entry.participatory_hours)}</td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
            </div>
        }
        .into_any()
    } else {
        rows.into_iter()
            .map(|row| {
                let entry = row.entry;
                let template = entry.template.as_deref().and_then(reflective::find);
                view! {
                    <article class="portfolio__entry">
                        <h3>{format!("{} ({})", entry.title, words::date(&entry.date))}</h3>
                        {(!entry.description.is_empty()).then(|| view! { <p>{entry.description.clone()}</p> })}
                        {template.map(|template| view! {
                            <dl class="portfolio__answers">{template.questions.iter().filter_map(|q| entry.answers.get(&q.id).map(|a| view! {
                                <dt class="portfolio__question">{q.text.as_str()}</dt><dd class="answer portfolio__answer">{a.clone()}</dd>
                            })).collect_view()}</dl>
                        })}
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby=heading_id.clone() class="portfolio__section">
            <h2 id=heading_id.clone()>{heading}</h2>
            {body}
        </section>
    }
}
