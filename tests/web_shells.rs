//! The two web apps' pages, `index.html` (learners) and `tools.html`
//! (educators and employers), must stay the same page but for the wasm
//! each starts (and the tools' file-checking worker), and the tools' page
//! must name exactly the pages `domain::page` gives the tools:
//! scripts/finish-build.mjs places it at those paths and the service
//! worker opens it for them.

use praxis::domain::page::{Page, Shell};

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

const TOOLS_PAGES_TAG: &str = "<meta name=\"praxis-tools-pages\" content=\"";

fn listed_tools_pages(tools: &str) -> Vec<String> {
    let start = tools.find(TOOLS_PAGES_TAG).expect("tools.html lists its pages") + TOOLS_PAGES_TAG.len();
    let end = start + tools[start..].find('"').unwrap();
    tools[start..end].split(' ').map(str::to_owned).collect()
}

#[test]
fn tools_html_lists_exactly_the_tools_pages() {
    let expected: Vec<String> =
        Page::ALL.iter().filter(|page| page.shell() == Shell::Tools).map(|page| page.path().to_owned()).collect();
    assert_eq!(listed_tools_pages(&read("tools.html")), expected);
}

#[test]
fn the_two_pages_differ_only_in_the_wasm_they_start() {
    let (index, tools) = (read("index.html"), read("tools.html"));
    assert!(index.contains("data-bin=\"praxis\""));
    let mut as_index: Vec<&str> = tools
        .lines()
        .filter(|line| !line.contains(TOOLS_PAGES_TAG))
        .filter(|line| !line.trim_start().starts_with("<!-- The educators'") && !line.contains("tests/web_shells.rs"))
        .filter(|line| !line.contains("praxis-file-checker") && !line.contains("The roll-up's file checker"))
        .collect();
    let bin = as_index
        .iter()
        .position(|line| line.contains("data-bin=\"praxis-tools\""))
        .expect("tools.html starts praxis-tools");
    let index_line = index.lines().find(|line| line.contains("data-bin=\"praxis\"")).unwrap();
    as_index[bin] = index_line;
    assert_eq!(as_index, index.lines().collect::<Vec<_>>(), "index.html and tools.html have drifted apart");
}
