//! Parsing and rendering of single modules. Whole broken files, each
//! with its exact expected message, live in `tests/broken_modules/`.

use super::*;

const VALID: &str = r#"+++
id = "sample"
title = "Sample"
summary = "A sample module."
kind = "case-study"
stages = ["registrant", "leader"]
professions = ["nursing", "pharmacy"]
competences = [{ domain = "human-factors", level = 2 }]
minutes = 10
outcomes = ["Do a thing"]
version = "1.0"
reviewed = 2026-01-01
review_due = 2027-01-01
authors = ["A. Author"]
sources = ["A source"]
+++

## Situation

Some *prose*.

```check
id = "q1"
question = "Which?"
explanation = "Because."

[[option]]
text = "This"
correct = true
feedback = "Yes."

[[option]]
text = "That"
feedback = "No."

[[option]]
text = "The other"
feedback = "No."
```

```key-point
Remember **this**.
```

```reflection
id = "r1"
prompt = "What would you do?"
```
"#;

fn parse(source: &str) -> (Option<Module>, Vec<Diagnostic>) {
    parse_module("modules/sample.md", source)
}

#[test]
fn a_valid_module_parses_into_its_parts_without_diagnostics() {
    let (module, diagnostics) = parse(VALID);
    assert_eq!(diagnostics, vec![]);
    let module = module.unwrap();
    assert_eq!(module.id, "sample");
    assert_eq!(module.kind, Kind::CaseStudy);
    assert_eq!(module.stages, ["registrant", "leader"]);
    assert!(module.serves_profession("pharmacy"));
    assert!(!module.serves_profession("dentistry"));
    let allied = parse(&VALID.replace(r#"["nursing", "pharmacy"]"#, r#"["allied-health"]"#)).0.unwrap();
    assert!(allied.serves_profession("physiotherapy"), "a physiotherapist is in the allied health group");
    assert!(!allied.serves_profession("optometry"));
    assert_eq!(module.competences, [CompetenceRef { domain: "human-factors".into(), level: 2 }]);
    assert_eq!(module.completion, CompletionRule { pass_mark: 80, reflections_required: true });
    assert_eq!(module.reviewed.to_string(), "2026-01-01");
    let kinds: Vec<&str> = module
        .blocks
        .iter()
        .map(|block| match block {
            Block::Prose(_) => "prose",
            Block::Check(_) => "check",
            Block::Callout { .. } => "callout",
            Block::Reflection(_) => "reflection",
            Block::Broken(_) => "broken",
        })
        .collect();
    assert_eq!(kinds, ["prose", "check", "callout", "reflection"]);
    assert_eq!(module.sections, ["Situation"]);
    match &module.blocks[2] {
        Block::Callout { kind, html } => {
            assert_eq!(*kind, CalloutKind::KeyPoint);
            assert_eq!(html.trim(), "<p>Remember <strong>this</strong>.</p>");
        }
        other => panic!("expected a callout, got {other:?}"),
    }
}

#[test]
fn the_authoring_starter_is_a_valid_module() {
    let (module, diagnostics) = parse_module("my-new-module.md", STARTER);
    assert_eq!(diagnostics, vec![]);
    assert_eq!(module.unwrap().knowledge_checks().count(), 1);
}

#[test]
fn a_draft_is_checked_against_the_catalogue() {
    let today = time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap();
    let (catalogue, _) = Catalogue::from_sources(&[("modules/sample.md", VALID)], today);
    let draft = VALID.replace("## Situation", "## Situation\n\nSee [other](/modules/missing).");
    let (module, diagnostics) = catalogue.check_draft("draft.md", &draft, today);
    assert!(module.is_some());
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "draft.md:1: warning: the id `sample` is already used by modules/sample.md: that is right if you are editing it, otherwise choose a new id",
            "draft.md:20: error: broken internal link `/modules/missing`: there is no module with id `missing`",
        ]
    );
}

#[test]
fn professions_all_means_every_profession() {
    let source = VALID.replace(r#"professions = ["nursing", "pharmacy"]"#, r#"professions = ["all"]"#);
    let module = parse(&source).0.unwrap();
    assert!(module.professions.is_empty());
    assert!(module.serves_profession("social-work"));
}

#[test]
fn a_check_is_answered_by_exactly_its_correct_options() {
    let module = parse(VALID).0.unwrap();
    let check = module.knowledge_checks().next().unwrap();
    assert!(!check.is_multiple_answer());
    assert!(check.is_answered_by(&[0]));
    assert!(!check.is_answered_by(&[1]));
    assert!(!check.is_answered_by(&[0, 1]));
    assert!(!check.is_answered_by(&[]));
}

#[test]
fn errors_point_at_the_line_inside_a_fenced_block() {
    let source = VALID.replace("correct = true\n", "correct = \"yes\"\n");
    let (module, diagnostics) = parse(&source);
    assert!(module.is_some(), "front matter is fine, so the module still previews");
    let errors: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    let line = source.lines().position(|l| l.starts_with("correct = \"yes\"")).unwrap() + 1;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            == format!("modules/sample.md:{line}: error: the knowledge check is not valid: invalid type: string \"yes\", expected true or false, without quotes"),
        "{}",
        errors[0]
    );
}

#[test]
fn every_missing_field_is_reported_at_once() {
    let source = "+++\nid = \"x\"\n+++\nBody\n";
    let (module, diagnostics) = parse(source);
    assert!(module.is_none());
    let missing: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d.message.strip_prefix("the front matter is missing `"))
        .map(|rest| rest.split('`').next().unwrap())
        .collect();
    assert_eq!(
        missing,
        [
            "title",
            "summary",
            "kind",
            "stages",
            "professions",
            "competences",
            "minutes",
            "outcomes",
            "version",
            "reviewed",
            "review_due",
            "authors",
            "sources"
        ]
    );
}

#[test]
fn slugs_are_lowercase_words_joined_by_single_hyphens() {
    assert!(is_slug("ai-in-triage-2"));
    for bad in ["", "AI", "a--b", "-a", "a-", "a_b", "a b", "é"] {
        assert!(!is_slug(bad), "{bad:?} should not be a slug");
    }
}

#[test]
fn offsets_become_the_lines_that_hold_them() {
    let report = super::Report::new("x.md", "ab\ncd\n\nef");
    let lines: Vec<usize> = (0..=11).map(|offset| report.line_of(offset)).collect();
    assert_eq!(
        lines,
        [1, 1, 1, 2, 2, 2, 3, 4, 4, 4, 4, 4],
        "a newline belongs to the line it ends; past the end is the last line"
    );
}

mod rendering {
    use super::super::render::{render, LinkTarget};

    fn render_markdown(markdown: &str) -> String {
        render(markdown, &mut Vec::new())
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render_markdown("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    }

    #[test]
    fn dangerous_link_schemes_lose_their_target() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,hello",
            "vbscript:msgbox",
            "java&#x73;cript:alert(1)",
        ] {
            let html = render_markdown(&format!("[click](<{url}>)"));
            assert!(!html.contains("href"), "{url:?} rendered as {html}");
            assert!(html.contains("class=\"link-removed\""), "{url:?} rendered as {html}");
            assert!(html.contains(">click</a>"), "{url:?}: the link text still shows: {html}");
        }
    }

    #[test]
    fn external_links_get_noopener_and_internal_ones_do_not() {
        let html = render_markdown("[a](https://example.org/x?y=\"z\") [b](/modules/other)");
        assert!(
            html.contains(
                r#"<a href="https://example.org/x?y=%22z%22" rel="noopener noreferrer" class="external">a</a>"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<a href="/modules/other">b</a>"#), "{html}");
    }

    #[test]
    fn link_titles_cannot_break_out_of_their_attribute() {
        let html = render_markdown(r#"[a](/cpd "x&quot; onmouseover=&quot;alert(1)")"#);
        assert!(html.contains(r#"title="x&quot; onmouseover=&quot;alert(1)""#), "{html}");
    }

    #[test]
    fn remote_and_data_images_are_replaced_by_their_alt_text() {
        let html = render_markdown("![a chart](https://example.org/c.png) ![pixel](data:image/png;base64,AAAA)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a chart") && html.contains("pixel"), "{html}");
        let local = render_markdown("![scan](/images/scan.png)");
        assert!(local.contains(r#"<img src="/images/scan.png" alt="scan" />"#), "{local}");
    }

    #[test]
    fn a_top_level_heading_is_demoted_below_the_page_title() {
        assert_eq!(render_markdown("# Oops").trim(), "<h2>Oops</h2>");
    }

    #[test]
    fn urls_are_classified_as_a_browser_reads_them() {
        assert_eq!(LinkTarget::classify("/modules/x"), LinkTarget::Internal("/modules/x".into()));
        assert_eq!(LinkTarget::classify("#top"), LinkTarget::Fragment);
        assert_eq!(LinkTarget::classify("mailto:a@b.org"), LinkTarget::External);
        assert_eq!(LinkTarget::classify("//evil.example"), LinkTarget::External);
        assert_eq!(LinkTarget::classify("\u{0}javascript:x"), LinkTarget::Unsafe("javascript".into()));
        assert_eq!(LinkTarget::classify("file:///etc/passwd"), LinkTarget::Unsafe("file".into()));
    }
}

#[test]
fn assessment_quality_warnings_reach_the_author_page() {
    let today = time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap();
    let draft = VALID.replace("id = \"sample\"", "id = \"draft\"").replace("minutes = 10", "minutes = 40");
    let (module, diagnostics) = Catalogue::default().check_draft("draft.md", &draft, today);
    assert!(module.is_some(), "a warning must not stop the preview");
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("draft.md:9: warning: `minutes` is 40 but the module's length suggests about 6 ("),
        "{messages:?}"
    );
}

#[test]
fn the_minutes_estimate_reads_prose_but_not_checks_at_200_words_a_minute() {
    assert_eq!(quality::estimated_minutes(1000, 3, 1), 13);
    assert_eq!(quality::estimated_minutes(99, 0, 0), 0);
    assert_eq!(quality::estimated_minutes(100, 0, 2), 11);
    // The heading, the prose and the callout are read; the check and the
    // reflection have their own minutes.
    let long = VALID.replace("Some *prose*.", &"word ".repeat(2400)).replace("minutes = 10", "minutes = 40");
    let (_, diagnostics) = parse(&long);
    let message = &diagnostics[0].message;
    assert!(message.starts_with("`minutes` is 40 but the module's length suggests about 18 (2403 words"), "{message}");
    let honest = long.replace("minutes = 40", "minutes = 18");
    assert_eq!(parse(&honest).1, vec![]);
}

#[test]
fn the_cue_guess_takes_the_longest_option_or_all_but_the_last() {
    let module = parse(VALID).0.unwrap();
    let check = module.knowledge_checks().next().unwrap();
    // "This", "That", "The other": the longest is the third.
    assert_eq!(quality::cue_guess(check), [2]);
    assert_eq!(quality::cue_guess_score(&module), Some(0));
    let multi = VALID.replace("text = \"That\"\n", "text = \"That\"\ncorrect = true\n");
    let module = parse(&multi).0.unwrap();
    let check = module.knowledge_checks().next().unwrap();
    assert_eq!(quality::cue_guess(check), [0, 1]);
    assert!(quality::only_wrong_option_is_last(check));
    assert_eq!(quality::cue_guess_score(&module), Some(100));
}

#[test]
fn clinical_review_says_what_needs_a_clinician_and_whether_one_has_confirmed_it() {
    let with = |table: &str| VALID.replacen("+++\n\n", &format!("{table}\n+++\n\n"), 1);
    let undeclared = parse(VALID).0.unwrap();
    assert!(!undeclared.clinical_review_declared);
    assert!(undeclared.awaits_clinical_review(), "a module that does not say is shown as unreviewed");

    let pending = parse(&with("[clinical_review]\nfacts = [\"INR targets\"]\nreviewer = \"\"")).0.unwrap();
    assert_eq!(pending.clinical_review, ClinicalReview { facts: vec!["INR targets".into()], reviewer: None });
    assert!(pending.awaits_clinical_review());

    let done = parse(&with("[clinical_review]\nfacts = [\"INR targets\"]\nreviewer = \"A. Nurse, RN\"")).0.unwrap();
    assert!(!done.awaits_clinical_review());
    let nothing_clinical = parse(&with("[clinical_review]\nfacts = []")).0.unwrap();
    assert!(!nothing_clinical.awaits_clinical_review());

    for (table, message) in [
        ("[clinical_review]\nreviewer = \"\"", "has no `facts`"),
        ("[clinical_review]\nfacts = [\" \"]", "has an empty entry"),
        ("[clinical_review]\nfacts = [\"x\"]\nreviewer = \"  \"", "`clinical_review.reviewer` is blank"),
        ("[clinical_review]\nfacts = []\nreviewer = \"A. Nurse\"", "`facts` is empty"),
        ("[clinical_review]\nfacts = []\ndate = 2026-01-01", "unknown field `date`"),
    ] {
        let (module, diagnostics) = parse(&with(table));
        assert!(module.is_none(), "{table}");
        assert!(diagnostics.iter().any(|d| d.message.contains(message)), "{table}: {diagnostics:?}");
    }
}

/// `VALID` with its check's opening line replaced by `fence`.
fn with_check_fence(fence: &str) -> String {
    VALID.replacen("```check\n", &format!("{fence}\n"), 1)
}

#[test]
fn a_misspelt_block_is_an_error_that_names_the_nearest_block() {
    for (written, meant) in
        [("chek", "check"), ("Check", "check"), ("keypoint", "key-point"), ("reflect", "reflection")]
    {
        let (module, diagnostics) = parse(&with_check_fence(&format!("```{written}")));
        let message = format!("unknown block type `{written}`: did you mean `{meant}`?");
        assert_eq!(
            diagnostics.iter().map(|d| (d.line, d.severity, d.message.as_str())).collect::<Vec<_>>(),
            [(22, Severity::Error, message.as_str())]
        );
        assert_eq!(module.unwrap().knowledge_checks().count(), 0, "the misspelt block is not a check");
    }
}

#[test]
fn only_the_listed_code_languages_and_a_bare_fence_pass_as_code() {
    for fence in ["```", "```text", "```toml", "```json", "```markdown", "~~~text"] {
        let source =
            VALID.replace("## Situation\n", &format!("## Situation\n\n{fence}\nshown as code\n{}\n", &fence[..3]));
        assert_eq!(parse(&source).1, vec![], "{fence} is ordinary code");
    }
    let (_, diagnostics) = parse(&VALID.replace("## Situation\n", "## Situation\n\n```python\nprint(1)\n```\n"));
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].message.starts_with("unknown block type `python`: a block is `check`"), "{diagnostics:?}");
}

#[test]
fn an_unclosed_block_is_reported_where_it_opens_and_where_it_should_close() {
    let unclosed = VALID.replacen("feedback = \"No.\"\n```\n", "feedback = \"No.\"\n\n## Later\n", 1);
    let (module, diagnostics) = parse(&unclosed);
    let lines: Vec<(usize, &str)> = diagnostics.iter().map(|d| (d.line, d.message.as_str())).collect();
    let message =
        "the `check` block opened on this line is not closed: add a line with just ``` before line 40 (`## Later`)";
    assert_eq!(lines, [(22, message)]);
    assert!(matches!(&module.unwrap().blocks[1], Block::Broken(BrokenBlock { line: 22, .. })));

    // Prose straight after a check without its fence is not TOML either.
    let prose = VALID.replacen("feedback = \"No.\"\n```\n", "feedback = \"No.\"\n\nMore prose.\n", 1);
    assert_eq!(
        parse(&prose).1[0].message,
        "the `check` block opened on this line is not closed: add a line with just ``` before line 40 (`More prose.`)"
    );

    // Paragraphs inside a multi-line string are text, not a missing fence.
    let long_text = VALID.replace("explanation = \"Because.\"", "explanation = \"\"\"\nBecause.\n\nAnd more.\n\"\"\"");
    assert_eq!(parse(&long_text).1, vec![]);

    let at_end = format!("{VALID}\n```warning\nCareful.\n");
    let (_, diagnostics) = parse(&at_end);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        (diagnostics[0].line, diagnostics[0].message.as_str()),
        (50, "the `warning` block opened on this line is never closed: add a line with just ``` after its last line")
    );
}

#[test]
fn a_broken_check_keeps_its_place_in_the_preview_with_its_first_error() {
    let (module, diagnostics) = parse(&VALID.replace("correct = true", "correct = yes"));
    let message =
        "the knowledge check is not valid: `correct = yes`: write true or false, in lowercase and without quotes";
    assert_eq!(diagnostics.iter().map(|d| (d.line, d.message.as_str())).collect::<Vec<_>>(), [(29, message)]);
    let blocks = module.unwrap().blocks;
    let broken = BrokenBlock { name: "check".into(), line: 22, message: message.into() };
    assert_eq!(blocks[1], Block::Broken(broken), "the check is replaced, in place, by a placeholder");
    assert!(matches!(blocks[3], Block::Reflection(_)), "the blocks after it are unaffected");
}

#[test]
fn common_toml_slips_get_plain_words() {
    let cases = [
        ("correct = yes", "`correct = yes`: write true or false, in lowercase and without quotes"),
        (
            "reviewed = 01/11/2026",
            "`reviewed = 01/11/2026`: write dates as 2026-11-01 (year-month-day), without quotes",
        ),
        ("reviewed = 1.2.2026", "`reviewed = 1.2.2026`: write dates as 2026-02-01 (year-month-day), without quotes"),
        ("title = My module", "`title = My module`: put text in double quotes, as `title = \"My module\"`"),
        ("title = 31/31/2026", "`title = 31/31/2026`: put text in double quotes, as `title = \"31/31/2026\"`"),
    ];
    for (line, expected) in cases {
        assert_eq!(
            describe_toml_error("string values must be quoted, expected literal string", "the front matter", line),
            format!("the front matter is not valid: {expected}")
        );
    }
    assert_eq!(
        describe_toml_error("invalid basic string, expected `\"`", "the front matter", "title = \"Open"),
        "the front matter is not valid: the text of `title` has no closing quote: end it with \" on the same line (for text over several lines, use \"\"\" at both ends)"
    );
    // Anything else keeps the parser's words, rephrased.
    assert_eq!(
        describe_toml_error("key with no value, expected `=`", "the check", "question: Which?"),
        "the check is not valid: key with no value, expected `=`"
    );
}

/// `/author/guide` shows modules/README.md: it must render with nothing
/// neutralised (no raw HTML, unsafe links, remote images or second `#`
/// title), or educators would read a mangled guide.
#[test]
fn the_authoring_guide_renders_cleanly_without_its_title() {
    let body = GUIDE.split_once('\n').unwrap().1;
    let mut notes = Vec::new();
    let html = render::render(body, &mut notes);
    assert!(notes.iter().all(|note| matches!(note, render::RenderNote::InternalLink { .. })), "{notes:?}");
    assert_eq!(html, guide_html());
    assert!(!html.contains("<h1") && !html.contains("Writing Praxis modules"), "the page gives the title");
    assert!(html.contains("<h2>The front matter</h2>") && html.contains("<table>"));
}

#[test]
fn a_line_start_is_counted_as_the_browser_counts_selection() {
    let text = "ab\n€😀\nlast";
    assert_eq!(line_start_utf16(text, 1), 0);
    assert_eq!(line_start_utf16(text, 2), 3);
    // "€" is one UTF-16 unit and "😀" two, though they are 3 and 4 bytes.
    assert_eq!(line_start_utf16(text, 3), 7);
    assert_eq!(line_start_utf16(text, 9), 11, "past the end is the end");
}

#[test]
fn module_kinds_are_defined_once_by_the_kind_enum() {
    // The id a module's front matter uses, the id written to `list --json` and the checker's list of known
    // kinds all come from `Kind`.
    for kind in Kind::ALL {
        assert_eq!(Kind::from_id(kind.id()), Some(kind));
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.id());
    }
    assert_eq!(Kind::from_id("lecture"), None);
    let source = test_support::module_source("k", &[("kind", "\"lecture\"")], "## A\n\nText.\n");
    let (_, diagnostics) = parse(&source);
    assert!(
        diagnostics.iter().any(|d| d.message == "unknown kind `lecture`: use one of module, case-study"),
        "{diagnostics:?}"
    );
}

/// The messages for VALID with `markdown` as a paragraph on line 20,
/// checked as the build checks it with `images` shipped.
fn image_messages(markdown: &str, images: ShippedImages) -> Vec<String> {
    let source = VALID.replace("## Situation", &format!("## Situation\n\n{markdown}"));
    let today = time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap();
    let (_, diagnostics) = Catalogue::from_sources_and_images(&[("modules/sample.md", source)], images, today);
    diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn an_image_or_a_link_into_the_images_folder_needs_the_file_there() {
    let shipped = ["scan.png".to_owned(), "ward/chart.png".to_owned()];
    let listed = ShippedImages::Listed(&shipped);
    let present =
        "![a scan](/images/scan.png) ![a chart](/images/ward/chart.png?v=2) [full size](/images/scan.png#top)";
    assert_eq!(image_messages(present, listed), Vec::<String>::new());
    assert_eq!(
        image_messages("![a scan](/images/missing.png)", listed),
        ["modules/sample.md:20: error: image `/images/missing.png` is not in modules/images/, so learners would see nothing: add the file there or remove the image"]
    );
    assert_eq!(
        image_messages("![a scan](/images/scan.png)", ShippedImages::Listed(&[])),
        ["modules/sample.md:20: error: image `/images/scan.png` is not in modules/images/, so learners would see nothing: add the file there or remove the image"]
    );
    assert_eq!(
        image_messages("![a scan](/images/Scan.png)\n\n[the leaflet](/images/leaflet.pdf)", listed),
        [
            "modules/sample.md:20: error: image `/images/Scan.png` is not in modules/images/ (it has scan.png: the name must match exactly, capitals included), so learners would see nothing: add the file there or remove the image",
            "modules/sample.md:22: error: link `/images/leaflet.pdf` is not in modules/images/, so learners would see nothing: add the file there or remove the link",
        ]
    );
    // A subfolder's file is found only by its whole path.
    assert_eq!(image_messages("![a chart](/images/chart.png)", listed).len(), 1);
}

#[test]
fn an_image_is_shown_only_from_the_images_folder() {
    let shipped = ["scan.png".to_owned()];
    for path in ["scan.png", "/modules/sample", "/image/scan.png", "/imagesscan.png"] {
        assert_eq!(
            image_messages(&format!("![a scan]({path})"), ShippedImages::Listed(&shipped)),
            [format!("modules/sample.md:20: error: image `{path}` is not in /images/: put the file in modules/images/ and write its path as /images/<file name>")]
        );
    }
}

#[test]
fn an_image_path_that_could_leave_the_folder_or_read_differently_is_refused() {
    // Listed, so that only the path's shape can be the problem.
    let shipped = ["../sw.js".to_owned(), "ward\\scan.png".to_owned(), "scan one.png".to_owned()];
    let unsafe_paths = [
        "/images/../sw.js",
        "/images/ward/../../sw.js",
        "/images/./scan.png",
        "/images/ward\\scan.png",
        "/images/%2e%2e/sw.js",
        "/images/scan%20one.png",
        "/images//scan.png",
        "/images/",
    ];
    for path in unsafe_paths {
        for (markdown, noun) in [(format!("![a scan]({path})"), "image"), (format!("[a scan]({path})"), "link")] {
            assert_eq!(
                image_messages(&markdown, ShippedImages::Listed(&shipped)),
                [format!("modules/sample.md:20: error: {noun} `{path}` is not a plain file path under /images/: use letters, digits, `-`, `_` and `.` in each name, with `/` only between a subfolder and what is in it (no `..`, backslashes or spaces)")],
                "{markdown}"
            );
        }
    }
}

#[test]
fn an_image_needs_alt_text() {
    let shipped = ["scan.png".to_owned()];
    let listed = ShippedImages::Listed(&shipped);
    for markdown in ["![](/images/scan.png)", "![  ](/images/scan.png)"] {
        assert_eq!(
            image_messages(markdown, listed),
            ["modules/sample.md:20: error: image `/images/scan.png` has no alt text: say what it shows between the brackets, as in `![a chest X-ray with the shadow circled](/images/scan.png)`, for learners who cannot see it"]
        );
    }
    assert_eq!(image_messages("![the `ST` segment](/images/scan.png)", listed), Vec::<String>::new());
    // An image inside another's alt text: each is checked as itself.
    let nested = image_messages("![a ![b](/images/inner.png)](/images/outer.png)", listed);
    assert_eq!(nested.len(), 2, "{nested:?}");
    assert!(nested[0].contains("image `/images/inner.png` is not in modules/images/"), "{nested:?}");
    assert!(nested[1].contains("image `/images/outer.png` is not in modules/images/"), "{nested:?}");
}

#[test]
fn without_the_images_folder_an_image_is_a_warning_that_it_was_not_checked() {
    let expected = "draft.md:20: warning: image `/images/scan.png` is not checked here: this check cannot see modules/images/; `praxis-cli check` and the build say whether the file is there";
    let today = time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap();
    let draft = VALID
        .replace("id = \"sample\"", "id = \"draft\"")
        .replace("## Situation", "## Situation\n\n![a scan](/images/scan.png)");
    let (module, diagnostics) = Catalogue::default().check_draft("draft.md", &draft, today);
    assert!(module.is_some());
    assert_eq!(diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>(), [expected]);
    let (_, diagnostics) = Catalogue::from_sources(&[("draft.md", &draft)], today);
    assert_eq!(diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>(), [expected]);
}
