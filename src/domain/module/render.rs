//! Markdown to HTML that is safe to put into the page.
//!
//! Module text and anything typed on `/author` are untrusted. pulldown-cmark
//! passes raw HTML through and keeps `javascript:` links, so every event is
//! filtered here before the HTML writer sees it: raw HTML becomes text,
//! links and images are rebuilt by hand from an allow-list of targets.
//! This is the only place Praxis turns Markdown into HTML.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// The Markdown extensions modules may use.
pub(super) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// What a link or image points at, once its URL is understood as a
/// browser would read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A path inside Praxis, such as `/modules/what-ai-is`.
    Internal(String),
    /// A fragment on the same page, such as `#summary`.
    Fragment,
    /// An `http`, `https` or `mailto` address elsewhere.
    External,
    /// Anything else (`javascript:`, `data:`, `vbscript:`, `file:` …).
    Unsafe(String),
}

impl LinkTarget {
    pub fn classify(url: &str) -> LinkTarget {
        // Browsers drop ASCII tabs and newlines anywhere in a URL and
        // control characters or spaces at its ends, so "java\tscript:"
        // still runs: look at the URL the way they do.
        let cleaned: String =
            url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        let lower = cleaned.to_ascii_lowercase();
        if let Some(scheme) = scheme_of(&lower) {
            return match scheme {
                "http" | "https" | "mailto" => LinkTarget::External,
                other => LinkTarget::Unsafe(other.to_owned()),
            };
        }
        if lower.starts_with("//") || lower.starts_with("\\\\") || lower.starts_with("/\\") {
            // Scheme-relative: another host.
            return LinkTarget::External;
        }
        if lower.starts_with('#') {
            return LinkTarget::Fragment;
        }
        LinkTarget::Internal(cleaned)
    }
}

/// The scheme of a URL (before the first `:`), if it has one.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let is_scheme = candidate.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && candidate.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then_some(candidate)
}

/// Something the renderer noticed that the author should hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RenderNote {
    RawHtml { offset: usize },
    UnsafeLink { offset: usize, scheme: String },
    RemoteImage { offset: usize },
    InternalLink { offset: usize, path: String },
    TopLevelHeading { offset: usize },
}

/// Renders Markdown to safe HTML, noting what was neutralised (offsets
/// are into `markdown`).
pub(super) fn render(markdown: &str, notes: &mut Vec<RenderNote>) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    let events = Parser::new_ext(markdown, options()).into_offset_iter();
    let safe = SafeEvents { events, notes, image_depth: 0 };
    pulldown_cmark::html::push_html(&mut html, safe);
    html
}

/// Filters a stream of Markdown events into ones safe to write as HTML.
struct SafeEvents<'n, I> {
    events: I,
    notes: &'n mut Vec<RenderNote>,
    /// Inside an image that was dropped, its alt text is shown as text.
    image_depth: usize,
}

impl<'a, I> Iterator for SafeEvents<'_, I>
where
    I: Iterator<Item = (Event<'a>, std::ops::Range<usize>)>,
{
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let (event, range) = self.events.next()?;
        Some(match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                self.notes.push(RenderNote::RawHtml { offset: range.start });
                Event::Text(raw)
            }
            Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H1, .. }) => {
                self.notes.push(RenderNote::TopLevelHeading { offset: range.start });
                // Demote: the page's only h1 is the module title.
                Event::Html(CowStr::Borrowed("<h2>"))
            }
            Event::End(TagEnd::Heading(pulldown_cmark::HeadingLevel::H1)) => Event::Html(CowStr::Borrowed("</h2>\n")),
            Event::Start(Tag::Link { dest_url, title, .. }) => {
                Event::Html(self.open_link(&dest_url, &title, range.start).into())
            }
            Event::End(TagEnd::Link) => Event::Html(CowStr::Borrowed("</a>")),
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => match LinkTarget::classify(&dest_url) {
                // The HTML writer escapes the attributes of images it writes.
                LinkTarget::Internal(_) => Event::Start(Tag::Image { link_type, dest_url, title, id }),
                // Remote images would load from another host (a privacy leak
                // and broken offline); show their alt text instead.
                _ => {
                    self.notes.push(RenderNote::RemoteImage { offset: range.start });
                    self.image_depth += 1;
                    Event::Text(CowStr::Borrowed(""))
                }
            },
            Event::End(TagEnd::Image) if self.image_depth > 0 => {
                self.image_depth -= 1;
                Event::Text(CowStr::Borrowed(""))
            }
            other => other,
        })
    }
}

impl<I> SafeEvents<'_, I> {
    /// Writes the opening `<a>` tag for a link, or a plain `<a>` with no
    /// target when the URL is not allowed (the link text still shows).
    fn open_link(&mut self, url: &str, title: &str, offset: usize) -> String {
        let mut tag = String::from("<a");
        match LinkTarget::classify(url) {
            LinkTarget::Unsafe(scheme) => {
                self.notes.push(RenderNote::UnsafeLink { offset, scheme });
                tag.push_str(" class=\"link-removed\"");
            }
            target => {
                if let LinkTarget::Internal(path) = &target {
                    self.notes.push(RenderNote::InternalLink { offset, path: path.clone() });
                }
                tag.push_str(" href=\"");
                push_attribute(&mut tag, url.trim(), true);
                tag.push('"');
                if target == LinkTarget::External {
                    tag.push_str(" rel=\"noopener noreferrer\" class=\"external\"");
                }
            }
        }
        if !title.is_empty() {
            tag.push_str(" title=\"");
            push_attribute(&mut tag, title, false);
            tag.push('"');
        }
        tag.push('>');
        tag
    }
}

/// Appends `value` escaped for a double-quoted HTML attribute.
fn push_attribute(out: &mut String, value: &str, is_url: bool) {
    // Writing into a String cannot fail.
    let _ = if is_url { escape_href(&mut *out, value) } else { escape_html(&mut *out, value) };
}
