//! `/revalidation`: how ready the learner is for their regulator's
//! renewal, rule by rule, and the same record against every regulator.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::change::Change;
use crate::domain::cpd::evidence;
use crate::domain::curriculum;
use crate::domain::revalidation::{self, evaluate, Readiness};
use crate::domain::timestamp::parse_date;
use crate::domain::words;
use crate::web::base::href;
use crate::web::browser::today;
use crate::web::form::{options, DateInput, Field, Select};
use crate::web::page_title::PageTitle;
use crate::web::state::use_app_state;

#[component]
pub fn RevalidationPage() -> impl IntoView {
    let state = use_app_state();
    let profile = state.record.with_untracked(|r| r.profile.clone());
    let regulator = RwSignal::new(profile.regulator.clone().unwrap_or_else(|| "nmc".to_owned()));
    let renewal = RwSignal::new(profile.renewal_date.clone().unwrap_or_default());
    let role = RwSignal::new(profile.registration_type.clone().unwrap_or_default());
    let evidence = Memo::new(move |_| state.record.with(|r| evidence(r, curriculum::catalogue())));
    let readiness = move || {
        let regulator = revalidation::find(&regulator.get())?;
        let renewal = parse_date(&renewal.get())?;
        let role = role.get();
        Some(evaluate(regulator, Some(role.as_str()).filter(|r| !r.is_empty()), renewal, today(), &evidence.get()))
    };
    // Another regulator's registers are not this one's.
    Effect::watch(move || regulator.track(), move |_, _, _| role.set(String::new()), false);
    // Remembered, so the page and the portfolio open on the learner's register.
    let remember_role = Callback::new(move |chosen: String| {
        state.apply_quietly(Change::SetRegistrationType { registration_type: Some(chosen) });
    });
    let regulators = options(revalidation::regulators().iter().map(|r| (r.id.as_str(), r.name.as_str())));
    view! {
        <PageTitle text="Revalidation readiness"/>
        <p class="lede">"See what your regulator asks for in your current cycle, what you have, and what is still missing."</p>
        {profile.regulator.is_none().then(|| view! {
            <p class="hint">"Save your regulator and renewal date in "<A href=href("/settings")>"your profile"</A>" to open this page on them."</p>
        })}
        <div class="filters">
            <Field id="regulator" label="Regulator" inline=true>
                <Select value=regulator options=regulators/>
            </Field>
            {move || revalidation::find(&regulator.get()).filter(|r| r.roles.len() > 1).map(|r| {
                let roles = options(r.roles.iter().map(|role| (role.id.as_str(), role.name.as_str())));
                view! {
                    <Field id="role" label="Your registration" inline=true>
                        <Select value=role options=roles on_change=remember_role/>
                    </Field>
                }
            })}
            <Field id="renewal" label="Renewal date" inline=true>
                <DateInput value=renewal/>
            </Field>
        </div>
        {move || match readiness() {
            Some(readiness) => view! { <ReadinessReport readiness/> }.into_any(),
            None => view! { <p>"Enter your renewal date to see your current cycle."</p> }.into_any(),
        }}
        <Compare renewal evidence=Signal::derive(move || evidence.get())/>
    }
}

#[component]
pub(super) fn ReadinessReport(
    readiness: Readiness,
    /// Shows the notes on the rules open (the portfolio, which is printed).
    #[prop(optional)]
    notes_open: bool,
) -> impl IntoView {
    let regulator = readiness.regulator;
    let ready = readiness.is_ready();
    view! {
        <section aria-labelledby="cycle-heading" class="readiness">
            <h2 id="cycle-heading">{format!("{}: your cycle", regulator.name)}</h2>
            <p>{format!("Cycle from {} to {}. Due by {} ({} left).", words::day(readiness.window.start), words::day(readiness.window.end), words::day(readiness.due), words::count(usize::try_from(readiness.days_left).unwrap_or(0), "day", "days"))}
                {(!regulator.cycle_confirmed).then(|| view! { " " <span class="tag tag--unconfirmed">"Cycle dates unconfirmed"</span> })}</p>
            <p class=if ready { "tag tag--done" } else { "tag" }>
                {if ready { "Everything Praxis can check is in place" } else { "Not ready yet" }}
            </p>
            <ul class="rules">
                {readiness.rules.into_iter().map(|progress| {
                    let rule = progress.rule;
                    let checkable = rule.is_checkable();
                    let (mark, class) = match (checkable, progress.met) {
                        (false, _) => ("Reminder", "rule rule--reminder"),
                        (true, true) => ("Met", "rule rule--met"),
                        (true, false) => ("Missing", "rule rule--missing"),
                    };
                    view! {
                        <li class=class>
                            <p><span class="rule__mark">{mark}</span>" "<strong>{rule.description.as_str()}</strong>
                                {(!rule.confirmed).then(|| view! { " " <span class="tag tag--unconfirmed">"Unconfirmed"</span> })}</p>
                            {(checkable && progress.met && progress.need > 0.0).then(|| view! {
                                <p class="hint">{format!("You have {:.1} ({:.1} needed).", progress.have, progress.need)}</p>
                            })}
                            {(!progress.missing.is_empty()).then(|| view! { <p>{progress.missing.clone()}</p> })}
                            <p class="hint">"Source: "<a href=rule.source.url.as_str() rel="noopener" target="_blank">{rule.source.title.as_str()}</a>
                                {(rule.last_checked != regulator.last_checked).then(|| format!(", checked {}", words::date(&rule.last_checked)))}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!regulator.notes.is_empty()).then(|| view! {
                <details class="notes" open=notes_open><summary>"Notes on these rules"</summary>
                    <ul>{regulator.notes.iter().map(|note| view! { <li>{note.as_str()}</li> }).collect_view()}</ul>
                </details>
            })}
            <p class="hint">"Source: "<a href=regulator.source.url.as_str() rel="noopener" target="_blank">{regulator.source.title.as_str()}</a>
                {format!(". Last checked {}. Always confirm with your regulator before you submit.", words::date(&regulator.last_checked))}</p>
        </section>
    }
}

/// The same record against every regulator, for career moves and dual
/// registration.
#[component]
fn Compare(renewal: RwSignal<String>, evidence: Signal<Vec<revalidation::Evidence>>) -> impl IntoView {
    view! {
        <section aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare regulators"</h2>
            {move || {
                let Some(renewal) = parse_date(&renewal.get()) else {
                    return view! { <p>"Enter a renewal date above to compare."</p> }.into_any();
                };
                let evidence = evidence.get();
                let rows = revalidation::regulators().iter().map(|regulator| {
                    let readiness = evaluate(regulator, None, renewal, today(), &evidence);
                    let (rules_met, status) = readiness.comparison();
                    view! {
                        <tr>
                            <th scope="row">{regulator.name.as_str()}</th>
                            <td>{format!("{} to {}", words::day(readiness.window.start), words::day(readiness.window.end))}</td>
                            <td>{rules_met}</td>
                            <td>{status}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Regulators compared (table)">
                        <table class="history">
                            <thead><tr><th scope="col">"Regulator"</th><th scope="col">"Cycle"</th><th scope="col">"Rules met"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
