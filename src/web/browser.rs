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
pub fn focus(id: &str) {
    let id = id.to_owned();
    let try_focus = move || {
        let element = web_sys::window()?.document()?.get_element_by_id(&id)?;
        element.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
    };
    if try_focus().is_none() {
        leptos::prelude::request_animation_frame(move || {
            try_focus();
        });
    }
}

/// The path and query this page was loaded at, as first seen (the app
/// reads it at start, before the router changes the address).
pub fn first_address() -> String {
    static FIRST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FIRST
        .get_or_init(|| {
            let location = web_sys::window().map(|window| window.location());
            let part = |get: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
                location.as_ref().and_then(|l| get(l).ok()).unwrap_or_default()
            };
            format!("{}{}", part(web_sys::Location::pathname), part(web_sys::Location::search))
        })
        .clone()
}

/// Loads `address` as a new page, in place of this one in the history
/// (the router already added an entry for it).
pub fn load_page(address: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(address);
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

/// The files chosen in a file input, in the order given.
pub fn chosen_files(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|index| files.get(index)).collect()
}

/// Why a file the browser would not read is not checked.
const UNREADABLE: &str = "It could not be read.";

/// Reads a chosen file as text, as `praxis-cli` does: text that is not
/// UTF-8 is named as such rather than patched with replacement characters,
/// so a file gets the same verdict in the browser as on the command line.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    text_of_buffer(&start_reading(file).await?)
}

/// Starts reading a chosen file's bytes, resolving to an `ArrayBuffer`. A
/// file too large to be a Praxis file is refused from its size, before any
/// of it is read.
pub fn start_reading(file: &web_sys::File) -> impl std::future::Future<Output = Result<wasm_bindgen::JsValue, String>> {
    let reading = crate::domain::backup::check_size(file.size() as u64)
        .map(|()| wasm_bindgen_futures::JsFuture::from(file.array_buffer()));
    async move { reading?.await.map_err(|_| UNREADABLE.to_owned()) }
}

/// The UTF-8 text in `buffer` (an `ArrayBuffer`), or why it is not text.
/// A leading byte-order mark (Windows editors add one) is dropped, as the
/// browser's own decoding does: a module draft or a backup saved that way
/// still reads in `/author` and on the Export page.
pub fn text_of_buffer(buffer: &wasm_bindgen::JsValue) -> Result<String, String> {
    let bytes = js_sys::Uint8Array::new(buffer).to_vec();
    let text = crate::domain::backup::text_of(&bytes)?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

/// Waits for the browser to paint and handle input, so long work done in
/// steps keeps the page responsive.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Posts one batch of xAPI statements (a JSON array) to a learning record
/// store, as the xAPI 1.0.3 communication spec requires: the version
/// header, JSON, Basic auth. Returns the status and body, or, when no answer
/// could be read, why (in words for the learner).
pub async fn post_statements(
    endpoint: &str,
    username: &str,
    password: &str,
    body: String,
) -> Result<crate::domain::export::lrs::Reply, String> {
    let window = web_sys::window().ok_or("no window")?;
    let url = crate::domain::export::lrs::statements_url(endpoint);
    let headers = web_sys::Headers::new().map_err(describe)?;
    let (name, value) = crate::domain::export::xapi::XAPI_VERSION_HEADER;
    headers.set(name, value).map_err(describe)?;
    headers.set("Content-Type", "application/json").map_err(describe)?;
    let credentials = window
        .btoa(&format!("{username}:{password}"))
        .map_err(|_| "The username and password can only use Latin letters, digits and common symbols.")?;
    headers.set("Authorization", &format!("Basic {credentials}")).map_err(describe)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body.into());
    let response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await.map_err(|_| {
            "The learning record store could not be reached, or it did not allow this page to send to it. An LRS \
             must allow cross-origin requests (CORS) from this address; ask its administrator, or download the \
             statements and upload them there instead."
                .to_owned()
        })?;
    let response: web_sys::Response = response.unchecked_into();
    // The body only says which ids were new, or why not; unreadable, it is left empty.
    let body = match response.text() {
        Ok(text) => wasm_bindgen_futures::JsFuture::from(text).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    Ok(crate::domain::export::lrs::Reply { status: response.status(), body: body.unwrap_or_default() })
}

/// Marks a moment on the page's performance timeline. `scripts/bench`
/// reads these marks; they cost nothing noticeable otherwise.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `work` and records how long it took as the performance measure
/// `name`, for `scripts/bench`.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let start = format!("{name}:start");
    mark(&start);
    let result = work();
    measure_since(name, &start);
    result
}

/// Records the time since the mark `start` as the performance measure `name`.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}
