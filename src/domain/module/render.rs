//! Markdown to HTML that is safe to put into the page.
//!
//! Module text and anything typed on `/author` are untrusted. pulldown-cmark
//! passes raw HTML through and keeps `javascript:` links, so every event is
//! filtered here before the HTML writer sees it: raw HTML becomes text,
//! links and images are rebuilt by hand from an allow-list of targets.
//! This is the only place Praxis turns Markdown into HTML.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// Rendered HTML with its site links (`href="/…"`, `src="/…"`) under
/// `base` (`""` or a path such as `/learning/praxis`), for an app served
/// under a path. This renderer quotes every attribute and escapes text, so
/// these strings occur only as the start of an attribute it wrote.
pub fn site_links_under(html: &str, base: &str) -> String {
    if base.is_empty() {
        return html.to_owned();
    }
    html.replace("href=\"/", &format!("href=\"{base}/")).replace("src=\"/", &format!("src=\"{base}/"))
}

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
    /// The target alone: the renderer itself keeps the URL it read too.
    #[cfg(test)]
    pub(super) fn classify(url: &str) -> LinkTarget {
        Destination::read(url).target
    }
}

/// A link or image URL as a browser reads it, with what it points at. The
/// renderer writes out `url`, the very string that was classified, so no
/// later trimming can turn an allowed target into another one.
struct Destination {
    url: String,
    target: LinkTarget,
}

impl Destination {
    fn read(url: &str) -> Destination {
        // Browsers drop ASCII tabs and newlines anywhere in a URL and
        // control characters or spaces at its ends, so "java\tscript:"
        // still runs: look at the URL the way they do.
        let cleaned: String =
            url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        let target = Self::target_of(&cleaned);
        Destination { url: cleaned, target }
    }

    fn target_of(cleaned: &str) -> LinkTarget {
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
        LinkTarget::Internal(cleaned.to_owned())
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
    RawHtml {
        offset: usize,
    },
    UnsafeLink {
        offset: usize,
        scheme: String,
    },
    RemoteImage {
        offset: usize,
    },
    /// An image with a path inside Praxis, for the checker to find the file;
    /// `described` when it has alt text.
    Image {
        offset: usize,
        path: String,
        described: bool,
    },
    InternalLink {
        offset: usize,
        path: String,
    },
    TopLevelHeading {
        offset: usize,
    },
}

/// Renders Markdown to safe HTML, noting what was neutralised (offsets
/// are into `markdown`).
pub(super) fn render(markdown: &str, notes: &mut Vec<RenderNote>) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    let events = Parser::new_ext(markdown, options()).into_offset_iter();
    let safe = SafeEvents { events, notes, open_images: Vec::new() };
    pulldown_cmark::html::push_html(&mut html, safe);
    html
}

/// Filters a stream of Markdown events into ones safe to write as HTML.
struct SafeEvents<'n, I> {
    events: I,
    notes: &'n mut Vec<RenderNote>,
    /// The images being read, innermost last: `None` for one that was
    /// dropped (its alt text is shown as text instead).
    open_images: Vec<Option<ShownImage>>,
}

/// An image kept in the page, noted once its alt text has been read.
struct ShownImage {
    offset: usize,
    path: String,
    described: bool,
}

impl<'a, I> Iterator for SafeEvents<'_, I>
where
    I: Iterator<Item = (Event<'a>, std::ops::Range<usize>)>,
{
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let (event, range) = self.events.next()?;
        if let Event::Text(text) | Event::Code(text) = &event {
            if !text.trim().is_empty() {
                // Alt text describes every image it is inside.
                self.open_images.iter_mut().flatten().for_each(|image| image.described = true);
            }
        }
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
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => match Destination::read(&dest_url) {
                // The HTML writer escapes the attributes of images it writes.
                Destination { url, target: LinkTarget::Internal(path) } => {
                    self.open_images.push(Some(ShownImage { offset: range.start, path, described: false }));
                    Event::Start(Tag::Image { link_type, dest_url: url.into(), title, id })
                }
                // Remote images would load from another host (a privacy leak
                // and broken offline); show their alt text instead.
                _ => {
                    self.notes.push(RenderNote::RemoteImage { offset: range.start });
                    self.open_images.push(None);
                    Event::Text(CowStr::Borrowed(""))
                }
            },
            Event::End(TagEnd::Image) => match self.open_images.pop().flatten() {
                Some(ShownImage { offset, path, described }) => {
                    self.notes.push(RenderNote::Image { offset, path, described });
                    Event::End(TagEnd::Image)
                }
                None => Event::Text(CowStr::Borrowed("")),
            },
            other => other,
        })
    }
}

impl<I> SafeEvents<'_, I> {
    /// Writes the opening `<a>` tag for a link, or a plain `<a>` with no
    /// target when the URL is not allowed (the link text still shows).
    fn open_link(&mut self, url: &str, title: &str, offset: usize) -> String {
        let mut tag = String::from("<a");
        let Destination { url, target } = Destination::read(url);
        match target {
            LinkTarget::Unsafe(scheme) => {
                self.notes.push(RenderNote::UnsafeLink { offset, scheme });
                tag.push_str(" class=\"link-removed\"");
            }
            target => {
                if let LinkTarget::Internal(path) = &target {
                    self.notes.push(RenderNote::InternalLink { offset, path: path.clone() });
                }
                tag.push_str(" href=\"");
                push_attribute(&mut tag, &url, true);
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

// proptest's random source has no wasm32 backend.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The renderer is checked against a model of how a browser reads an
    //! `href` or `src` (HTML attribute decoding, then the WHATWG URL
    //! parser's scheme state), written apart from `Destination` so that a
    //! mistake in one is not repeated in the other.

    use proptest::prelude::*;

    use super::render;

    /// What a browser does with an attribute value: character references
    /// decoded. The renderer escapes only `&` and `'`; any other reference
    /// (`&colon;`, `&Tab;` …) would mean text reached the attribute
    /// unescaped, so the model refuses it rather than guess.
    fn decode_attribute(value: &str) -> Result<String, String> {
        let mut decoded = String::new();
        let mut rest = value;
        while let Some(at) = rest.find('&') {
            decoded.push_str(&rest[..at]);
            rest = &rest[at..];
            let (reference, character) = [("&amp;", '&'), ("&#x27;", '\''), ("&quot;", '"')]
                .into_iter()
                .find(|(reference, _)| rest.starts_with(reference))
                .ok_or_else(|| format!("an unexpected character reference in {value:?}"))?;
            decoded.push(character);
            rest = &rest[reference.len()..];
        }
        decoded.push_str(rest);
        Ok(decoded)
    }

    /// How the WHATWG URL parser reads the start of a URL: the scheme it
    /// finds (lower-cased), if any, and whether a relative URL names
    /// another host (`//host`, or with backslashes, which special schemes
    /// read as slashes).
    fn browser_reading(url: &str) -> (Option<String>, bool) {
        let stripped = url.trim_matches(|c: char| c <= '\u{20}');
        let input: String = stripped.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        let mut chars = input.chars();
        let mut scheme = String::new();
        if let Some(first) = chars.next().filter(char::is_ascii_alphabetic) {
            scheme.push(first.to_ascii_lowercase());
            for c in chars.by_ref() {
                if c == ':' {
                    return (Some(scheme), false);
                }
                if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
                    break;
                }
                scheme.push(c.to_ascii_lowercase());
            }
        }
        let mut start = input.chars();
        let other_host = start.next().is_some_and(|c| matches!(c, '/' | '\\'))
            && start.next().is_some_and(|c| matches!(c, '/' | '\\'));
        (None, other_host)
    }

    /// Every `href` and `src` in `html`, with the tag it is on. Text and
    /// attribute values never hold a raw `<`, so each `<` opens a tag the
    /// renderer wrote.
    fn url_attributes(html: &str) -> Vec<(&'static str, String)> {
        let mut found = Vec::new();
        for tag in html.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            for (name, attribute) in [("a", " href=\""), ("img", " src=\"")] {
                if !tag.starts_with(&format!("{name} ")) {
                    continue;
                }
                let mut rest = tag;
                while let Some(at) = rest.find(attribute) {
                    rest = &rest[at + attribute.len()..];
                    let end = rest.find('"').unwrap_or(rest.len());
                    found.push((name, rest[..end].to_owned()));
                    rest = &rest[end..];
                }
            }
        }
        found
    }

    /// Why `html` holds a URL outside the allow-list, if it does.
    fn unsafe_url(html: &str) -> Option<String> {
        for (tag, value) in url_attributes(html) {
            let url = match decode_attribute(&value) {
                Ok(url) => url,
                Err(problem) => return Some(problem),
            };
            let (scheme, other_host) = browser_reading(&url);
            let allowed = match tag {
                "a" => scheme.as_deref().is_none_or(|s| matches!(s, "http" | "https" | "mailto")),
                // Images load without a click: only files shipped with Praxis.
                _ => scheme.is_none() && !other_host,
            };
            if !allowed {
                return Some(format!("<{tag}> points at {url:?} (scheme {scheme:?})"));
            }
        }
        None
    }

    #[test]
    fn the_model_sees_what_a_browser_sees() {
        assert_eq!(browser_reading(" \u{1}JaVa\tScRiPt:x"), (Some("javascript".into()), false));
        assert_eq!(browser_reading("\u{a0}javascript:x"), (None, false), "NBSP is not stripped");
        assert_eq!(browser_reading("/\\evil.example"), (None, true));
        assert_eq!(browser_reading("/modules/x"), (None, false));
        assert_eq!(decode_attribute("a&amp;b&#x27;c").as_deref(), Ok("a&b'c"));
        assert!(decode_attribute("javascript&colon;x").is_err());
        assert!(unsafe_url(r#"<p><a href="java&#x27;script:x">a</a><a href=" JAVASCRIPT:x">b</a></p>"#).is_some());
        assert!(unsafe_url(r#"<img src="https://example.org/x.png" alt="" />"#).is_some());
        assert_eq!(unsafe_url(r#"<a href="https://example.org">a</a> href="javascript:x""#), None);
    }

    /// Unicode whitespace that `str::trim` removes and browsers do not.
    const UNICODE_SPACES: [&str; 7] =
        ["\u{a0}", "\u{2000}", "\u{2007}", "\u{200a}", "\u{3000}", "\u{feff}", "\u{1680}"];

    #[test]
    fn unicode_whitespace_before_a_scheme_cannot_smuggle_it_through() {
        for space in UNICODE_SPACES.into_iter().chain(["&nbsp;", "&#xA0;", "&#12288;", "&#xFEFF;"]) {
            for markdown in [
                format!("[a]({space}javascript:alert(1))"),
                format!("[a](<{space}javascript:alert(1){space}>)"),
                format!("![a]({space}javascript:alert(1))"),
                format!("[a][r]\n\n[r]: {space}javascript:alert(1)"),
            ] {
                let html = render(&markdown, &mut Vec::new());
                assert_eq!(unsafe_url(&html), None, "{markdown:?} rendered as {html}");
                assert!(!html.contains("href=\"javascript"), "{markdown:?} rendered as {html}");
            }
        }
    }

    /// Whitespace browsers keep or strip, character references, control
    /// characters and slashes that make a URL another host's.
    #[rustfmt::skip]
    const PADDING: &[&str] = &[
        "\u{a0}", "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}",
        "\u{2008}", "\u{2009}", "\u{200a}", "\u{3000}", "\u{feff}", "\u{1680}", "\u{202f}", "\u{205f}", "\u{85}",
        "&nbsp;", "&#xa0;", "&#106;", "&#x6A;", "&Tab;", "&NewLine;", "&#x09;", "&#10;", "&amp;", "\t", "\n", "\r",
        "\u{0}", "\u{1}", "\u{8}", "\u{1b}", "\u{1f}", "\u{7f}", " ", "%0a", "//", "\\\\", "/\\", "/", "\\", "#",
    ];

    /// What may come before or after a scheme: a few pieces of padding or
    /// any character at all.
    fn padding() -> impl Strategy<Value = String> {
        let fixed = prop::sample::select(PADDING).prop_map(str::to_owned);
        prop::collection::vec(prop_oneof![4 => fixed, 1 => any::<char>().prop_map(String::from)], 0..4)
            .prop_map(|pieces| pieces.concat())
    }

    /// A scheme in mixed case, perhaps broken by a tab, newline or
    /// character reference that a browser removes or decodes.
    fn scheme() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec!["javascript", "data", "vbscript", "file", "http", "https", "mailto", "x"]);
        let breaker =
            prop::sample::select(vec!["", "", "\t", "\n", "\r", "&Tab;", "&#x09;", "&#10;", "\u{a0}", "&#x73;"]);
        (name, prop::collection::vec(any::<bool>(), 10), breaker, 0..10usize).prop_map(|(name, upper, breaker, at)| {
            let mut word: String =
                name.chars().zip(upper).map(|(c, up)| if up { c.to_ascii_uppercase() } else { c }).collect();
            word.insert_str(at.min(word.len()), breaker);
            word
        })
    }

    fn destination() -> impl Strategy<Value = String> {
        let colon = prop::sample::select(vec![":", ":", "&colon;", "&#58;", "&#x3a;", "%3A", "\t:", ""]);
        let rest = prop::sample::select(vec!["alert(1)", "//evil.example/x.png", "x", "", "\u{a0}", "(1)", "\"'"]);
        (padding(), scheme(), colon, rest, padding())
            .prop_map(|(before, scheme, colon, rest, after)| format!("{before}{scheme}{colon}{rest}{after}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn every_emitted_href_and_src_is_on_the_allow_list(dest in destination(), form in 0..6usize) {
            let markdown = match form {
                0 => format!("[a]({dest})"),
                1 => format!("[a](<{dest}>)"),
                2 => format!("![a]({dest})"),
                3 => format!("![a](<{dest}> \"t\")"),
                4 => format!("[a][r] ![b][r]\n\n[r]: {dest}"),
                _ => format!("<{dest}>"),
            };
            let html = render(&markdown, &mut Vec::new());
            prop_assert_eq!(unsafe_url(&html), None, "{:?} rendered as {}", markdown, html);
        }
    }
}
