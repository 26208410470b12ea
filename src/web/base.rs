//! Where the app is served from: `/` or a path such as `/learning/praxis/`
//! (Trunk's `--public-url`, which Trunk.toml's `pattern_script` writes into
//! the boot script's `data-base`). The router matches and writes every
//! link under it; HTML rendered from Markdown gets it here, because its
//! links are written as Praxis paths (`/modules/what-ai-is`) by authors
//! who cannot know where a site will host the app.

use std::sync::OnceLock;

use wasm_bindgen::JsCast;

/// The path the app is served under, without the trailing slash: `""` at
/// the root of a site, `"/learning/praxis"` under that path. A relative
/// public URL (`./`, as a SCORM package is built) is taken from where the
/// page itself was loaded.
pub fn path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let document = web_sys::window().and_then(|window| window.document());
        let public_url = document
            .as_ref()
            .and_then(|document| document.get_element_by_id("praxis-boot"))
            .and_then(|boot| boot.dyn_into::<web_sys::HtmlElement>().ok())
            .and_then(|boot| boot.dataset().get("base"))
            .unwrap_or_default();
        let page = document.and_then(|document| document.url().ok()).unwrap_or_default();
        let resolved = web_sys::Url::new_with_base(&public_url, &page).map(|url| url.pathname());
        resolved.unwrap_or(public_url).trim_end_matches('/').to_owned()
    })
}

/// A site path (`/modules`, `/`) as a link under [`path`]. The router
/// matches under its base, but leaves a link's absolute path as written.
pub fn href(site_path: &str) -> String {
    format!("{}{site_path}", path())
}

/// The link to a module's page.
pub fn module_href(id: &str) -> String {
    href(&format!("/modules/{id}"))
}

/// Rendered module HTML with its site links under [`path`].
pub fn site_links(html: &str) -> String {
    crate::domain::module::site_links_under(html, path())
}
