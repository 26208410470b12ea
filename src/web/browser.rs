//! Small wrappers around browser APIs the pages need.

use wasm_bindgen::JsCast;

/// The current time as RFC 3339 in UTC with milliseconds.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today's date where the learner is.
pub fn today() -> time::Date {
    let now = js_sys::Date::new_0();
    let month = time::Month::try_from(now.get_month() as u8 + 1).unwrap_or(time::Month::January);
    time::Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8).unwrap_or(time::Date::MIN)
}

/// Moves focus to the element with `id`: at once if it is on the page,
/// or after the next frame if it is still being rendered (a new error
/// summary, say).
pub fn focus(id: &'static str) {
    let try_focus = move || {
        let element = web_sys::window()?.document()?.get_element_by_id(id)?;
        element.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
    };
    if try_focus().is_none() {
        leptos::prelude::request_animation_frame(move || {
            try_focus();
        });
    }
}

/// Offers `text` to the user as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(describe)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(describe)?;
    Ok(())
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}
