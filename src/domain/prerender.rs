//! Every module's page and the catalogue as static HTML, written into the
//! build by `praxis-cli prerender`, so a learner who opens a link reads
//! the module while the app's wasm is still on its way (on a phone, for
//! seconds). The app then takes the page over in place
//! (`web::prerendered`): the markup here is the app's own for what a first
//! visit shows (the frame of `web::app`, the module of
//! `web::module_view`, the cards of `web::pages::catalogue`), built from
//! the same words and the same rendered HTML, so nothing moves when it
//! does. Checks and reflections are shown disabled until then, so nothing
//! a learner chooses or types is thrown away by the takeover.

use pulldown_cmark_escape::{escape_href, escape_html};

use super::module::{
    catalogue, page_words, site_links_under, Block, Catalogue, KnowledgeCheck, Module, ReflectionPrompt,
};
use super::page::{self, Page};
use super::record::Profile;
use super::reflective::{ai_written_reminder, AI_WRITTEN_REMINDER_DISMISS};

/// The `id` of the element that holds the prerendered page; the app
/// removes it once it has drawn the same page.
pub const CONTAINER_ID: &str = "prerendered";

/// One page to write: the site path it is served at and its whole HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticPage {
    /// The site path, such as `/modules/what-ai-is`.
    pub path: String,
    pub html: String,
}

/// Every module's page and the catalogue, each as `shell` (the built
/// `index.html`) with the page's title and text in it. `base` is where the
/// app is served (`""` at a site's root, or `/learning/praxis`).
pub fn pages(catalogue: &Catalogue, shell: &str, base: &str) -> Result<Vec<StaticPage>, String> {
    let mut pages = vec![StaticPage {
        path: Page::Modules.path().to_owned(),
        html: in_shell(shell, catalogue::TITLE, &frame(&catalogue_main(catalogue, base), base))?,
    }];
    for module in catalogue.modules() {
        pages.push(StaticPage {
            path: format!("/modules/{}", module.id),
            html: in_shell(shell, &module.title, &frame(&module_main(module, base), base))?,
        });
    }
    Ok(pages)
}

/// Where the built `shell` is served, without the trailing slash (`""` at
/// a site's root), as Trunk wrote it into the boot script's `data-base`.
/// The pages link to the app's paths under it, so a relative public URL
/// (`./`, as for a SCORM package) cannot be prerendered.
pub fn public_url(shell: &str) -> Result<&str, String> {
    const MARK: &str = "data-base=\"";
    let start = shell.find(MARK).ok_or("the built index.html has no data-base, so where it is served is unknown")?;
    let rest = &shell[start + MARK.len()..];
    let url = &rest[..rest.find('"').ok_or("the built index.html's data-base is not closed")?];
    if !url.starts_with('/') || !url.ends_with('/') {
        return Err(format!(
            "the built index.html is served at {url}, not a path from the site's root such as /learning/praxis/, so its pages cannot link to each other"
        ));
    }
    Ok(url.trim_end_matches('/'))
}

/// `shell` with `title` in its `<title>` and `body` at the end of its
/// `<body>`, where the app mounts itself after it.
fn in_shell(shell: &str, title: &str, body: &str) -> Result<String, String> {
    const TITLE: &str = "<title>Praxis</title>";
    const BODY_END: &str = "</body>";
    if !shell.contains(TITLE) || !shell.contains(BODY_END) {
        return Err(format!("the built index.html has no {TITLE} or no {BODY_END} to write a page into"));
    }
    let titled = shell.replacen(TITLE, &format!("<title>{} – Praxis</title>", text(title)), 1);
    let container = format!("<div id=\"{CONTAINER_ID}\">{body}</div>\n{BODY_END}");
    Ok(titled.replacen(BODY_END, &container, 1))
}

/// HTML-escaped text.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    escape_html(&mut out, raw).expect("writing to a String cannot fail");
    out
}

/// A site path as a link under `base`, escaped for an attribute.
fn link(base: &str, site_path: &str) -> String {
    let mut out = String::new();
    escape_href(&mut out, &format!("{base}{site_path}")).expect("writing to a String cannot fail");
    out
}

/// What `web::app::App` draws around every page: skip link, header and
/// nav, the (empty) notice region, `main`, footer. The phone's Menu button
/// needs the app, so until then it says it is unavailable rather than
/// doing nothing.
fn frame(main: &str, base: &str) -> String {
    let nav: String = Page::ALL
        .iter()
        .filter_map(|page| page.nav_label().map(|label| (page, label)))
        .map(|(page, label)| {
            // As leptos_router's `<A>` marks the link to the page a learner is on or below.
            let current = if *page == Page::Modules { " aria-current=\"page\"" } else { "" };
            format!("<li><a href=\"{}\"{current}>{}</a></li>", link(base, page.path()), text(label))
        })
        .collect();
    let other_tools: String = page::OTHER_TOOLS
        .iter()
        .map(|(page, label)| {
            format!("<li><a href=\"{}\" rel=\"external\">{}</a></li>", link(base, page.path()), text(label))
        })
        .collect();
    format!(
        "<a class=\"skip-link\" href=\"#main\">{skip}</a>\
         <header class=\"site-header\"><div class=\"site-header__inner\">\
         <a href=\"{home}\" class=\"site-header__name\">Praxis</a>\
         <button type=\"button\" class=\"site-menu-toggle\" aria-controls=\"site-nav\" aria-expanded=\"false\" disabled>{menu}</button>\
         <nav aria-label=\"Main\" id=\"site-nav\" class=\"site-nav-wrap\"><ul class=\"site-nav\">{nav}</ul></nav>\
         </div></header>\
         <div role=\"alert\" class=\"notice-region\"></div>\
         <main id=\"main\" class=\"page\" tabindex=\"-1\">{main}</main>\
         <footer class=\"site-footer\"><p>{promise}</p>\
         <nav aria-label=\"Other tools\"><ul class=\"footer-nav\">{other_tools}</ul></nav></footer>",
        skip = text(page::SKIP_LINK),
        menu = text(page::MENU),
        home = link(base, Page::Home.path()),
        promise = text(page::PRIVACY_PROMISE),
    )
}

/// `/modules`: the pathway by career stage, then the case studies.
fn catalogue_main(catalogue: &Catalogue, base: &str) -> String {
    let cards = |modules: &[&Module]| -> String {
        let cards: String = modules
            .iter()
            .map(|module| {
                format!(
                    "<li class=\"card\" data-module=\"{id}\"><h3 class=\"card__title\"><a href=\"{href}\">{title}</a></h3>\
                     <p>{summary}</p><p class=\"card__meta\">{minutes} minutes</p></li>",
                    id = text(&module.id),
                    href = link(base, &format!("/modules/{}", module.id)),
                    title = text(&module.title),
                    summary = text(&module.summary),
                    minutes = module.minutes,
                )
            })
            .collect();
        format!("<ul class=\"cards\">{cards}</ul>")
    };
    let pathway: String = catalogue
        .pathway()
        .into_iter()
        .map(|(stage, modules)| {
            let id = text(&format!("stage-{}", stage.id));
            format!(
                "<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{}</h2>{}</section>",
                text(stage.label),
                cards(&modules)
            )
        })
        .collect();
    format!(
        "<h1 tabindex=\"-1\">{title}</h1><p class=\"lede\">{introduction}</p>{pathway}\
         <section aria-labelledby=\"case-studies\"><h2 id=\"case-studies\">{case_studies}</h2>{cases}</section>",
        title = text(catalogue::TITLE),
        introduction = text(catalogue::INTRODUCTION),
        case_studies = text(catalogue::CASE_STUDIES),
        cases = cards(&catalogue.case_studies()),
    )
}

/// A module's page as a first visit shows it: its header and its blocks.
fn module_main(module: &Module, base: &str) -> String {
    let facts: String = module
        .facts()
        .iter()
        .map(|(term, value)| format!("<div><dt>{}</dt><dd>{}</dd></div>", text(term), text(value)))
        .collect();
    let outcomes: String = module.outcomes.iter().map(|o| format!("<li>{}</li>", text(o))).collect();
    let unreviewed = if module.awaits_clinical_review() {
        format!("<p class=\"tag tag--unconfirmed\" role=\"note\">{}</p>", text(page_words::AWAITS_CLINICAL_REVIEW))
    } else {
        String::new()
    };
    let blocks: String = module.blocks.iter().map(|block| block_html(block, base)).collect();
    format!(
        "<article class=\"module\"><header class=\"module-header\">\
         <p class=\"module-header__kind\">{kind}</p><h1 tabindex=\"-1\">{title}</h1>\
         <p class=\"lede\">{summary}</p>{unreviewed}<dl class=\"facts\">{facts}</dl>\
         <section class=\"outcomes\" aria-labelledby=\"outcomes-heading\">\
         <h2 id=\"outcomes-heading\">{outcomes_heading}</h2><ul>{outcomes}</ul></section>\
         </header>{blocks}</article>",
        kind = text(module.kind.label()),
        outcomes_heading = text(page_words::OUTCOMES_HEADING),
        title = text(&module.title),
        summary = text(&module.summary),
    )
}

fn block_html(block: &Block, base: &str) -> String {
    match block {
        // Safe: domain::module::render wrote it, as it does for the app.
        Block::Prose(html) => format!("<div class=\"prose\">{}</div>", site_links_under(html, base)),
        Block::Callout { kind, html } => format!(
            "<div class=\"{}\" role=\"note\"><p class=\"callout__label\">{}</p><div class=\"prose\">{}</div></div>",
            kind.class(),
            text(kind.label()),
            site_links_under(html, base)
        ),
        Block::Check(check) => check_html(check),
        Block::Reflection(prompt) => reflection_html(prompt),
        // A module with a broken block has an error and is never published.
        Block::Broken(_) => String::new(),
    }
}

fn check_html(check: &KnowledgeCheck) -> String {
    let id = text(&check.id);
    let input_type = if check.is_multiple_answer() { "checkbox" } else { "radio" };
    let options: String = check
        .options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            format!(
                "<div class=\"choice\"><input type=\"{input_type}\" id=\"{id}-option-{index}\" name=\"{id}\" \
                 value=\"{index}\" disabled><label for=\"{id}-option-{index}\">{}</label></div>",
                text(&option.text)
            )
        })
        .collect();
    format!(
        "<form class=\"check\"><fieldset><legend class=\"check__question\">{question}</legend>\
         <p class=\"hint\">{hint}</p>{options}</fieldset>\
         <button type=\"submit\" class=\"button button--secondary\" disabled>{check_answer}</button>\
         <div aria-live=\"polite\"></div></form>",
        question = text(&check.question),
        hint = check.hint(),
        check_answer = text(page_words::CHECK_ANSWER),
    )
}

/// As `web::module_view` draws it, through the form kit's `Field` and `TextArea`.
fn reflection_html(prompt: &ReflectionPrompt) -> String {
    let field_id = text(&format!("reflection-{}", prompt.id));
    let (hint, described_by) = match &prompt.hint {
        Some(hint) => (
            format!("<p class=\"hint\" id=\"{field_id}-hint\">{}</p>", text(hint)),
            format!(" aria-describedby=\"{field_id}-hint\""),
        ),
        None => (String::new(), String::new()),
    };
    // As a first visit shows it: the reminder is there until dismissed, for a learner with no profile yet.
    let reminder = format!(
        "<div class=\"notice notice--info\" role=\"note\"><p>{}</p>\
         <button type=\"button\" class=\"button button--secondary\" disabled>{}</button></div>",
        text(&ai_written_reminder(&Profile::default())),
        text(AI_WRITTEN_REMINDER_DISMISS)
    );
    format!(
        "<div class=\"reflection\">{reminder}<div class=\"field\"><label for=\"{field_id}\">{prompt}</label>{hint}\
         <textarea id=\"{field_id}\" rows=\"6\"{described_by} disabled></textarea></div>\
         <button type=\"button\" class=\"button button--secondary\" disabled>{save}</button>\
         <p role=\"status\" class=\"hint\"></p></div>",
        prompt = text(&prompt.prompt),
        save = text(page_words::SAVE_REFLECTION),
    )
}

#[cfg(test)]
mod tests;
