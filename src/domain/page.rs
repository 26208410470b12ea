//! The app's pages, defined once: the nav, the router and the module
//! checker's internal links all read this list, so a page cannot be
//! routed yet refused as a link target, or linked yet never routed. Paths
//! are kept stable for learners' bookmarks. A module's own page,
//! `/modules/<id>`, is checked against the catalogue instead.

/// Declares [`Page`] and [`Page::ALL`] from one list, so a page cannot be
/// added to the enum and left out of the routes, the nav or the link check.
macro_rules! pages {
    ($($(#[$doc:meta])* $page:ident => $path:literal, $nav:expr, $shell:ident;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Page {
            $($(#[$doc])* $page,)*
        }

        impl Page {
            /// Every page, in the nav's order.
            pub const ALL: &[Page] = &[$(Page::$page,)*];

            pub const fn path(self) -> &'static str {
                match self {
                    $(Page::$page => $path,)*
                }
            }

            /// The page's name in the main navigation; `None` for a page
            /// reached another way (the site name, a link from another page).
            pub const fn nav_label(self) -> Option<&'static str> {
                match self {
                    $(Page::$page => $nav,)*
                }
            }

            /// Which of the two web apps draws the page.
            pub const fn shell(self) -> Shell {
                match self {
                    $(Page::$page => Shell::$shell,)*
                }
            }
        }
    };
}

/// The web app is two: what learners use, small so it loads fast on a
/// phone, and the educators' and employers' tools, with the module
/// parser and the roll-up, loaded only when one of their pages is opened.
/// Each is its own wasm and HTML page (`index.html`, `tools.html`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Learner,
    Tools,
}

pages! {
    /// The dashboard, linked from the site name.
    Home => "/", None, Learner;
    Modules => "/modules", Some("Modules"), Learner;
    Competence => "/competence", Some("Competence"), Learner;
    Cpd => "/cpd", Some("CPD"), Learner;
    Revalidation => "/revalidation", Some("Revalidation"), Learner;
    Incidents => "/incidents", Some("AI event log"), Learner;
    Export => "/export", Some("Export"), Learner;
    /// For educators; linked from the footer, out of the learners' own navigation.
    Author => "/author", None, Tools;
    /// The module format guide, linked from `/author`.
    AuthorGuide => "/author/guide", None, Tools;
    /// For employers; linked from the footer.
    Employer => "/employer", None, Tools;
    Settings => "/settings", Some("Profile"), Learner;
    /// The printable portfolio, linked from `/revalidation`.
    Portfolio => "/portfolio", None, Learner;
}

/// The frame's own words, which the app and `prerender` both draw.
pub const SKIP_LINK: &str = "Skip to main content";
pub const MENU: &str = "Menu";

/// The promise at the foot of every page.
pub const PRIVACY_PROMISE: &str =
    "Everything you record stays in this browser. Nothing is sent anywhere unless you export it.";

/// The tools for other people than learners, linked from the footer, out of
/// the learners' own navigation.
pub const OTHER_TOOLS: [(Page, &str); 2] =
    [(Page::Author, "For educators: write a module"), (Page::Employer, "For employers: staff compliance")];

impl Page {
    /// The page at `path` (no query or fragment, no trailing `/`).
    pub fn from_path(path: &str) -> Option<Page> {
        Page::ALL.iter().copied().find(|page| page.path() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::module::test_support::module_source;
    use crate::domain::module::Catalogue;

    #[test]
    fn every_page_has_its_own_path_and_is_found_by_it() {
        for page in Page::ALL {
            let path = page.path();
            assert!(path.starts_with('/') && (path == "/" || !path.ends_with('/')), "{page:?}: {path}");
            assert!(
                !path.starts_with("/modules/") && !path.starts_with("/images/"),
                "{page:?} shadows a checked prefix"
            );
            assert_eq!(Page::from_path(path), Some(*page), "two pages share {path}");
        }
        assert_eq!(Page::from_path("/setings"), None);
    }

    #[test]
    fn a_module_may_link_to_every_page_and_to_no_other() {
        let links: String = Page::ALL.iter().map(|page| format!("[{page:?}]({}) ", page.path())).collect();
        let body = format!("## Links\n\n{links}\n\n[Nowhere](/setings)\n");
        let source = module_source("links", &[], &body);
        let day = time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap();
        let (_, diagnostics) = Catalogue::from_sources(&[("links.md", source)], day);
        let broken: Vec<String> = diagnostics
            .iter()
            .map(ToString::to_string)
            .filter(|message| message.contains("broken internal link"))
            .collect();
        assert_eq!(broken.len(), 1, "{broken:#?}");
        assert!(broken[0].contains("`/setings`"), "{broken:#?}");
    }
}
