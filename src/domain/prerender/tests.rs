use super::*;
use crate::domain::curriculum;

const SHELL: &str =
    "<!DOCTYPE html><html><head><title>Praxis</title></head><body>\n<p id=\"boot-error\" hidden>x</p>\n</body></html>";

fn page<'a>(pages: &'a [StaticPage], path: &str) -> &'a str {
    &pages.iter().find(|p| p.path == path).unwrap_or_else(|| panic!("no page at {path}")).html
}

/// Every value of `attribute="…"` in `html`.
fn values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let marker = format!(" {attribute}=\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            &rest[..rest.find('"').expect("attribute closed")]
        })
        .collect()
}

#[test]
fn every_module_and_the_catalogue_get_a_page_with_their_title_and_text() {
    let catalogue = curriculum::catalogue();
    let pages = pages(catalogue, SHELL, "").expect("the shell has a title and a body");
    assert_eq!(pages.len(), catalogue.modules().len() + 1);
    let listing = page(&pages, "/modules");
    assert!(listing.contains("<title>Modules and case studies – Praxis</title>"));
    for module in catalogue.modules() {
        assert!(listing.contains(&format!("href=\"/modules/{}\"", module.id)), "{} is not listed", module.id);
        let html = page(&pages, &format!("/modules/{}", module.id));
        assert!(html.contains(&format!("<title>{} – Praxis</title>", text(&module.title))), "{}", module.id);
        assert!(html.contains(&format!("<h1 tabindex=\"-1\">{}</h1>", text(&module.title))), "{}", module.id);
        for block in &module.blocks {
            if let Block::Prose(prose) = block {
                assert!(html.contains(prose.as_str()), "{}: a prose block is missing", module.id);
            }
        }
    }
}

#[test]
fn the_page_is_written_once_at_the_end_of_the_body_where_the_app_mounts_after_it() {
    let pages = pages(curriculum::catalogue(), SHELL, "").unwrap();
    for page in &pages {
        assert_eq!(page.html.matches("id=\"prerendered\"").count(), 1, "{}", page.path);
        let container = page.html.find("id=\"prerendered\"").unwrap();
        assert!(page.html.find("boot-error").unwrap() < container, "{}: the boot message must stay first", page.path);
        assert!(page.html.trim_end().ends_with("</div>\n</body></html>"), "{}", page.path);
    }
}

#[test]
fn nothing_a_learner_could_choose_or_type_works_before_the_app_has_taken_over() {
    let pages = pages(curriculum::catalogue(), SHELL, "").unwrap();
    let html = page(&pages, "/modules/what-ai-is");
    let controls = html.matches("<input ").count() + html.matches("<textarea ").count();
    assert!(controls > 0, "the module has checks and reflections");
    let disabled = html.split('<').filter(|tag| {
        (tag.starts_with("input ") || tag.starts_with("textarea "))
            && tag.split('>').next().unwrap().contains(" disabled")
    });
    assert_eq!(disabled.count(), controls);
}

#[test]
fn a_hostile_title_summary_or_option_is_text_not_markup() {
    let mut module = curriculum::catalogue().get("what-ai-is").expect("shipped").clone();
    module.title = "<script>alert(1)</script>".to_owned();
    module.summary = "\"><img src=x onerror=alert(2)>".to_owned();
    for block in &mut module.blocks {
        if let Block::Check(check) = block {
            check.options[0].text = "</label><script>alert(3)</script>".to_owned();
        }
    }
    let pages = pages(&Catalogue::from_parsed(vec![module]), SHELL, "").unwrap();
    for page in &pages {
        assert!(!page.html.contains("<script>"), "{}", page.path);
        assert!(!page.html.contains("<img src=x"), "{}", page.path);
    }
    assert!(page(&pages, "/modules/what-ai-is").contains("&lt;script&gt;alert(1)&lt;/script&gt; – Praxis"));
}

#[test]
fn under_a_path_every_site_link_stays_under_it() {
    let pages = pages(curriculum::catalogue(), SHELL, "/learning/praxis").unwrap();
    let mut checked = 0;
    for page in &pages {
        for href in values(&page.html, "href").into_iter().chain(values(&page.html, "src")) {
            if href.starts_with('/') {
                assert!(href.starts_with("/learning/praxis/"), "{}: {href} leaves the path", page.path);
                checked += 1;
            }
        }
    }
    assert!(checked > pages.len() * 8, "the nav alone links {checked} times");
}

#[test]
fn a_shell_without_a_title_or_a_body_is_refused_by_name() {
    let error = pages(curriculum::catalogue(), "<html><body></body></html>", "").unwrap_err();
    assert_eq!(error, "the built index.html has no <title>Praxis</title> or no </body> to write a page into");
}

#[test]
fn the_public_url_is_read_from_the_boot_script_and_a_relative_one_is_refused() {
    let shell = |base: &str| format!("<script id=\"praxis-boot\" data-base=\"{base}\" data-js=\"/x.js\"></script>");
    assert_eq!(public_url(&shell("/")), Ok(""));
    assert_eq!(public_url(&shell("/learning/praxis/")), Ok("/learning/praxis"));
    assert_eq!(
        public_url(&shell("./")).unwrap_err(),
        "the built index.html is served at ./, not a path from the site's root such as /learning/praxis/, so its pages cannot link to each other"
    );
    assert!(public_url("<html></html>").unwrap_err().contains("no data-base"));
}
