//! The one form kit every form is built from, so each works the same way
//! (GOV.UK's pattern): a [`Field`] gives its control a label, an optional
//! hint and the field's error above the control, wires `aria-describedby`
//! (hint, then error) and `aria-invalid`; the controls are [`TextInput`],
//! [`TextArea`], [`NumberInput`], [`DateInput`], [`Select`] and
//! [`FileInput`] ([`FilterSelect`] is a filter's field and select). A
//! [`Checkbox`] labels itself (the label follows the box), and [`Radios`]
//! is a whole field: a fieldset whose legend is the question. A form's
//! [`Errors`] hold what its domain check found, mapped by the page from
//! field names to element ids, and the [`ErrorSummary`] lists them at the
//! top, each a link to its field. The identifiable-data check is
//! [`PrivacyCheck`] with a [`PrivacyWarning`] beside each field it scans.

mod privacy;

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::text_prop::TextProp;

pub use privacy::{AiWrittenReminder, PrivacyCheck, PrivacyWarning};

use super::browser::{chosen_files, focus};

/// What stops a form from saving, each problem with the element id of the
/// control (or privacy warning) it belongs to, in the order of the form.
#[derive(Clone, Copy)]
pub struct Errors {
    /// The summary's own element id: a page may hold two forms.
    summary_id: &'static str,
    found: RwSignal<Vec<(String, String)>>,
}

impl Errors {
    pub fn new(summary_id: &'static str) -> Errors {
        Errors { summary_id, found: RwSignal::new(Vec::new()) }
    }

    /// Shows `found` in the summary and beside each field, and moves focus
    /// to the summary when there is anything to show. `true` when there is
    /// nothing, so the form may save.
    pub fn report(&self, found: Vec<(String, String)>) -> bool {
        let clear = found.is_empty();
        self.found.set(found);
        if !clear {
            focus(self.summary_id);
        }
        clear
    }

    /// Shows `found` beside each field without moving focus: for a field
    /// checked as it changes, with no form to submit.
    pub fn show(&self, found: Vec<(String, String)>) {
        self.found.set(found);
    }

    /// The message for the control with element id `id`, if any (tracked).
    pub fn message(&self, id: &str) -> Option<String> {
        self.found.with(|found| found.iter().find(|(field, _)| field == id).map(|(_, message)| message.clone()))
    }
}

/// The list of problems at the top of a form, each a link that moves focus
/// to its field. It takes focus itself when a submit fails.
#[component]
pub fn ErrorSummary(errors: Errors) -> impl IntoView {
    let title_id = format!("{}-title", errors.summary_id);
    move || {
        let found = errors.found.get();
        (!found.is_empty()).then(|| {
            let items = found
                .into_iter()
                .map(|(field, message)| {
                    let href = format!("#{field}");
                    let go = move |event: leptos::ev::MouseEvent| {
                        event.prevent_default();
                        focus(&field);
                    };
                    view! { <li><a href=href on:click=go>{message}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" id=errors.summary_id tabindex="-1" role="alert"
                    aria-labelledby=title_id.clone()>
                    <h3 id=title_id.clone()>"There is a problem"</h3>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// What a [`Field`] tells the control inside it.
#[derive(Clone)]
struct Control {
    id: String,
    /// The hint's and the error's element ids, when shown.
    described_by: Signal<Option<String>>,
    invalid: Signal<bool>,
}

impl Control {
    /// `aria-describedby` and `aria-invalid`, as attribute values.
    fn aria(&self) -> (impl Fn() -> Option<String>, impl Fn() -> Option<&'static str>) {
        let (described_by, invalid) = (self.described_by, self.invalid);
        (move || described_by.get(), move || invalid.get().then_some("true"))
    }
}

fn use_control() -> Control {
    use_context::<Control>().expect("a form control sits inside a form::Field")
}

/// A labelled field: label, hint, this field's error (above the control,
/// so a screen reader meets it first), then the control given as child.
#[component]
pub fn Field(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    /// The form's errors; a filter that cannot be wrong has none.
    #[prop(optional)]
    errors: Option<Errors>,
    /// Label and control on one line, as in a row of filters.
    #[prop(optional)]
    inline: bool,
    /// Hides the whole field (a question the entry's type does not ask).
    #[prop(optional, into)]
    hidden: Signal<bool>,
    children: Children,
) -> impl IntoView {
    // An empty hint is none (a module's reflection prompt may have none).
    let hint = hint.filter(|hint| !hint.get().is_empty());
    let hint_id = hint.is_some().then(|| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let error = {
        let id = id.clone();
        Memo::new(move |_| errors.and_then(|errors| errors.message(&id)))
    };
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        Signal::derive(move || {
            let error_id = error.with(Option::is_some).then(|| error_id.clone());
            let ids: Vec<String> = hint_id.clone().into_iter().chain(error_id).collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let invalid = Signal::derive(move || error.with(Option::is_some));
    let control = Control { id: id.clone(), described_by, invalid };
    view! {
        <div class="field" class:field--inline=inline class:field--error=move || invalid.get()
            hidden=move || hidden.get()>
            <label for=id>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{move || hint.get()}</p> })}
            {move || error.get().map(|message| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">"Error: "</span>{message}
                </p>
            })}
            <Provider value=control>{children()}</Provider>
        </div>
    }
}

/// A one-line text box: plain text unless `kind` says another (`url`,
/// `password`).
#[component]
pub fn TextInput(
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let control = use_control();
    let (described_by, invalid) = control.aria();
    view! {
        <input type=kind id=control.id class=class autocomplete=autocomplete placeholder=placeholder maxlength=maxlength
            aria-describedby=described_by aria-invalid=invalid
            prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))/>
    }
}

/// A multi-line text box; `on_blur` runs when the learner leaves it (a
/// module's reflection saves then).
#[component]
pub fn TextArea(
    value: RwSignal<String>,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let control = use_control();
    let (described_by, invalid) = control.aria();
    view! {
        <textarea id=control.id rows=rows aria-describedby=described_by aria-invalid=invalid
            prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))
            on:blur=move |_| if let Some(left) = on_blur { left.run(()) }></textarea>
    }
}

/// A number, kept as typed: the form's domain check reads it and names
/// text that is not a number in range, so nothing turns it into a 0. A
/// text box with a number keypad (GOV.UK's advice): a browser's number box
/// would hand over an empty value for a mistyped one, and change it on a
/// scroll.
#[component]
pub fn NumberInput(
    value: RwSignal<String>,
    /// Only whole numbers: the keypad shows no decimal point.
    #[prop(optional)]
    whole: bool,
) -> impl IntoView {
    let control = use_control();
    let (described_by, invalid) = control.aria();
    let inputmode = if whole { "numeric" } else { "decimal" };
    view! {
        <input type="text" inputmode=inputmode id=control.id class="input--short" autocomplete="off"
            aria-describedby=described_by aria-invalid=invalid
            prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))/>
    }
}

/// A date, as the browser's date picker gives it (`YYYY-MM-DD`, or empty).
#[component]
pub fn DateInput(value: RwSignal<String>) -> impl IntoView {
    let control = use_control();
    let (described_by, invalid) = control.aria();
    view! {
        <input type="date" id=control.id aria-describedby=described_by aria-invalid=invalid
            prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))/>
    }
}

/// A file picker: `on_pick` gets the files chosen, and the picker is
/// emptied, so choosing the same file again (to add it twice) is still a
/// change. `folder` picks every file in a folder.
#[component]
pub fn FileInput(
    on_pick: Callback<Vec<web_sys::File>>,
    #[prop(optional)] accept: Option<&'static str>,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] folder: bool,
) -> impl IntoView {
    let control = use_control();
    let (described_by, invalid) = control.aria();
    let input = NodeRef::<leptos::html::Input>::new();
    // Folder picking has no attribute in Leptos's typed HTML; set it on the element.
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            input.set_webkitdirectory(folder);
        }
    });
    let pick = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let files = chosen_files(input.files());
        input.set_value("");
        on_pick.run(files);
    };
    view! {
        <input type="file" id=control.id accept=accept multiple=multiple node_ref=input
            aria-describedby=described_by aria-invalid=invalid on:change=pick/>
    }
}

/// A drop-down of `(value, label)` options; `none`, if given, is a first
/// option with the empty value ("Not set", "All years"). `on_change` runs
/// with the chosen value when the learner (not the page) changes it.
#[component]
pub fn Select(
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] none: Option<&'static str>,
    #[prop(optional)] on_change: Option<Callback<String>>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let control = use_control();
    let (described_by, invalid) = control.aria();
    let change = move |e: leptos::ev::Event| {
        let chosen = event_target_value(&e);
        value.set(chosen.clone());
        if let Some(changed) = on_change {
            changed.run(chosen);
        }
    };
    view! {
        <select id=control.id aria-describedby=described_by aria-invalid=invalid disabled=move || disabled.get()
            on:change=change>
            {none.map(|label| view! {
                <option value="" selected=move || value.with(String::is_empty)>{label}</option>
            })}
            <For each=move || options.get() key=|(id, _)| id.clone() children=move |(id, label)| {
                let chosen = id.clone();
                view! { <option value=id selected=move || value.with(|v| *v == chosen)>{label}</option> }
            }/>
        </select>
    }
}

/// A filter above a list: an inline [`Field`] holding a [`Select`] whose
/// first option, `all` (the empty value), filters nothing.
#[component]
pub fn FilterSelect(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    all: &'static str,
) -> impl IntoView {
    view! {
        <Field id label inline=true>
            <Select value options none=all/>
        </Field>
    }
}

/// A tick box with its label after it (and its hint under the label): a
/// yes-or-no of its own, so it needs no [`Field`]. `on_change` gets the
/// new state; the page decides what a tick means (a flag, or an item in a
/// list).
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Hides the box (a question the entry's type does not ask).
    #[prop(optional, into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let hint_id = hint.is_some().then(|| format!("{id}-hint"));
    view! {
        <div class="choice" hidden=move || hidden.get()>
            <input type="checkbox" id=id.clone() aria-describedby=hint_id.clone() disabled=move || disabled.get()
                prop:checked=move || checked.get() on:change=move |e| on_change.run(event_target_checked(&e))/>
            <div class="choice__text">
                <label for=id>{move || label.get()}</label>
                {hint.map(|hint| view! { <p class="hint" id=hint_id>{move || hint.get()}</p> })}
            </div>
        </div>
    }
}

/// One of a few `(value, label)` choices, as radio buttons in a fieldset
/// whose legend is the question (a screen reader reads it with each
/// choice). Each button's id is `{id}-{value}`; the first one is where the
/// [`ErrorSummary`] sends focus, so a page names the error by that id.
/// `value` is the chosen one (empty for none); `on_change` gets the one the
/// learner chooses, so the page keeps the choice in its own terms.
#[component]
pub fn Radios(
    #[prop(into)] id: String,
    #[prop(into)] legend: TextProp,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] errors: Option<Errors>,
    /// The buttons in a row, as on a scale.
    #[prop(optional)]
    inline: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let first_id = options.with_untracked(|all| all.first().map(|(value, _)| format!("{id}-{value}")));
    let error = Memo::new(move |_| errors.zip(first_id.clone()).and_then(|(errors, first)| errors.message(&first)));
    let described_by = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    let name = id.clone();
    view! {
        <fieldset class="field" class:field--error=move || error.with(Option::is_some)>
            <legend>{move || legend.get()}</legend>
            {move || error.get().map(|message| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">"Error: "</span>{message}
                </p>
            })}
            <div class:radios--inline=inline>
                <For each=move || options.get() key=|(option, _)| option.clone() children=move |(option, label)| {
                    let input_id = format!("{name}-{option}");
                    let chosen = option.clone();
                    let described_by = described_by.clone();
                    view! {
                        <div class="choice" class:choice--inline=inline>
                            <input type="radio" id=input_id.clone() name=name.clone() value=option.clone()
                                aria-describedby=described_by disabled=move || disabled.get()
                                prop:checked=move || value.with(|v| *v == chosen)
                                on:change=move |_| on_change.run(option.clone())/>
                            <label for=input_id>{label}</label>
                        </div>
                    }
                }/>
            </div>
        </fieldset>
    }
}

/// Options for a [`Select`] from `(id, label)` pairs of static text.
pub fn options<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    pairs.into_iter().map(|(id, label)| (id.to_owned(), label.to_owned())).collect()
}
