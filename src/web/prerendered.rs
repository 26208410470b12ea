//! Taking over the page `praxis-cli prerender` wrote (`domain::prerender`):
//! once the app has drawn the same page after it, the static copy is
//! removed before the browser paints again. The learner sees no flash; the
//! page keeps its height, so the scroll position stays; and whatever had
//! keyboard focus in the copy gets it back in the app.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::domain::prerender::CONTAINER_ID;

/// What can hold focus in either copy. A disabled control in the static
/// copy cannot, so matching never needs one.
const FOCUSABLE: &str = "a[href], button, input, textarea, select, [tabindex]";

/// Called once the app is mounted. The router draws the page's content a
/// moment later, so the copy is removed in the first animation frame (which
/// runs before the next paint) in which the app's own heading is there.
pub fn take_over() {
    const MOST_FRAMES: u32 = 30;
    fn attempt(frames_left: u32) {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
        let Some(prerendered) = document.get_element_by_id(CONTAINER_ID) else { return };
        let drawn = document.query_selector_all("main h1").map(|found| found.length() > 1).unwrap_or(true);
        if drawn || frames_left == 0 {
            replace(&document, &prerendered);
        } else {
            leptos::prelude::request_animation_frame(move || attempt(frames_left - 1));
        }
    }
    leptos::prelude::request_animation_frame(|| attempt(MOST_FRAMES));
}

fn replace(document: &web_sys::Document, prerendered: &Element) {
    let focused = document.active_element().filter(|active| prerendered.contains(Some(active)));
    let place = focused.map(|active| {
        let key = identity(&active);
        let before = focusables(document).into_iter().take_while(|e| *e != active);
        let occurrence = before.filter(|e| prerendered.contains(Some(e)) && identity(e) == key).count();
        (key, occurrence)
    });
    prerendered.remove();
    if let Some((key, occurrence)) = place {
        let same = focusables(document).into_iter().filter(|e| identity(e) == key).nth(occurrence);
        if let Some(element) = same.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = element.focus();
        }
    }
}

fn focusables(document: &web_sys::Document) -> Vec<Element> {
    let Ok(found) = document.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// What makes two elements "the same" across the copies: the same kind of
/// element with the same id, link and words (the nth of its kind if repeated).
fn identity(element: &Element) -> (String, Option<String>, Option<String>, String) {
    (
        element.tag_name(),
        element.get_attribute("id"),
        element.get_attribute("href"),
        element.text_content().unwrap_or_default(),
    )
}
