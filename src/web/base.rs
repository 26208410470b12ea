//! Where the app is served from: `/` or a path such as `/learning/praxis/`
//! (Trunk's `--public-url`, which Trunk.toml's `pattern_script` writes into
//! the boot script's `data-base`). The router matches and writes every
//! link under it; HTML rendered from Markdown gets it here, because its
//! links are written as Praxis paths (`/modules/what-ai-is`) by authors
//! who cannot know where a site will host the app.

use std::sync::OnceLock;

use wasm_bindgen::JsCast;

/// The path the app is served under, without the trailing slash: `""` at
/// the root of a site, `"/learning/praxis"` under that path.
pub fn path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let public_url = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("praxis-boot"))
            .and_then(|boot| boot.dyn_into::<web_sys::HtmlElement>().ok())
            .and_then(|boot| boot.dataset().get("base"))
            .unwrap_or_default();
        public_url.trim_end_matches('/').to_owned()
    })
}

/// Rendered module HTML with its site links (`href="/…"`, `src="/…"`)
/// under [`path`]. The renderer quotes every attribute and escapes text,
/// so these strings occur only as the start of an attribute it wrote.
pub fn site_links(html: &str) -> String {
    let base = path();
    if base.is_empty() {
        return html.to_owned();
    }
    html.replace("href=\"/", &format!("href=\"{base}/")).replace("src=\"/", &format!("src=\"{base}/"))
}
