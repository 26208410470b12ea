//! Small SVG charts for the dashboard. Each is a `<figure>` whose SVG is
//! labelled as one image, with the same numbers in a table beside it, so
//! no one depends on seeing the picture; shapes and dashes, not colour
//! alone, tell series apart.

use leptos::prelude::*;

use crate::domain::recommend::format_level;

const LEVEL_MAX: f32 = 4.0;

/// One axis of a radar: a label and up to two values (now, before).
#[derive(Clone)]
pub struct RadarAxis {
    pub label: &'static str,
    pub now: Option<f32>,
    pub before: Option<f32>,
}

/// Competence levels on six axes: now (solid) against a year ago (dashed).
#[component]
pub fn Radar(axes: Vec<RadarAxis>, caption: &'static str) -> impl IntoView {
    let (centre, radius) = (160.0_f32, 105.0_f32);
    let point = |index: usize, value: f32| {
        let angle = std::f32::consts::TAU * index as f32 / axes.len() as f32 - std::f32::consts::FRAC_PI_2;
        let distance = radius * value / LEVEL_MAX;
        (centre + distance * angle.cos(), centre + distance * angle.sin())
    };
    let polygon = |values: Vec<f32>| {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (x, y) = point(i, *v);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rings = (1..=4).map(|level| polygon(vec![level as f32; axes.len()])).collect::<Vec<_>>();
    let spokes = (0..axes.len()).map(|i| point(i, LEVEL_MAX)).collect::<Vec<_>>();
    let labels = axes
        .iter()
        .enumerate()
        .map(|(i, axis)| {
            let (x, y) = point(i, LEVEL_MAX + 0.55);
            (x, y, axis.label)
        })
        .collect::<Vec<_>>();
    let now = polygon(axes.iter().map(|a| a.now.unwrap_or(0.0)).collect());
    let has_before = axes.iter().any(|a| a.before.is_some());
    let before = polygon(axes.iter().map(|a| a.before.unwrap_or(0.0)).collect());
    let summary = axes
        .iter()
        .map(|a| format!("{} {}", a.label, a.now.map_or("not rated".to_owned(), format_level)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <figure class="chart">
            <figcaption>{caption}</figcaption>
            <svg viewBox="0 0 320 320" role="img" aria-label=format!("Radar chart. Levels now: {summary}.") class="chart__svg chart__svg--radar">
                {rings.into_iter().map(|r| view! { <polygon points=r class="chart__grid"/> }).collect_view()}
                {spokes.into_iter().map(|(x, y)| view! { <line x1=centre y1=centre x2=x y2=y class="chart__grid"/> }).collect_view()}
                {has_before.then(|| view! { <polygon points=before class="chart__series chart__series--before"/> })}
                <polygon points=now class="chart__series chart__series--now"/>
                {labels.into_iter().map(|(x, y, text)| view! {
                    <text x=x y=y text-anchor="middle" dominant-baseline="middle" class="chart__label">{short_label(text)}</text>
                }).collect_view()}
            </svg>
            <p class="chart__legend">
                <span class="legend legend--now">"Solid: now"</span>
                {has_before.then(|| view! { <span class="legend legend--before">"Dashed: 12 months ago"</span> })}
            </p>
            <ChartTable headings=vec!["Domain", "Now", "12 months ago"] rows=axes.iter().map(|a| vec![
                a.label.to_owned(),
                a.now.map_or("–".to_owned(), format_level),
                a.before.map_or("–".to_owned(), format_level),
            ]).collect()/>
        </figure>
    }
}

/// The first word or two of a domain name, to fit around the radar.
fn short_label(label: &str) -> String {
    let words: Vec<&str> = label.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [first, second, ..] if first.len() + second.len() < 14 => format!("{first} {second}"),
        [first, ..] => (*first).to_owned(),
        [] => String::new(),
    }
}

/// Values along a time line (x labels in order), drawn as a line with
/// a marker at each point while there are few enough to tell apart.
#[component]
pub fn LineChart(points: Vec<(String, f32)>, caption: &'static str, value_name: &'static str) -> impl IntoView {
    let (left, right, top, bottom) = (40.0_f32, 300.0_f32, 15.0_f32, 165.0_f32);
    let step = if points.len() > 1 { (right - left) / (points.len() - 1) as f32 } else { 0.0 };
    let xy = |i: usize, v: f32| (left + step * i as f32, bottom - (bottom - top) * v / LEVEL_MAX);
    let line = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let (x, y) = xy(i, *v);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let marked: &[(String, f32)] = if points.len() <= MOST_SPOKEN { &points } else { &[] };
    let rows: Vec<Vec<String>> = points.iter().map(|(label, v)| vec![label.clone(), format_level(*v)]).collect();
    let summary = spoken(&rows);
    view! {
        <figure class="chart">
            <figcaption>{caption}</figcaption>
            <svg viewBox="0 0 320 190" role="img" aria-label=format!("Line chart of {value_name}. {summary}.") class="chart__svg">
                {(1..=4).map(|level| { let (_, y) = xy(0, level as f32); view! {
                    <line x1=left y1=y x2=right y2=y class="chart__grid"/>
                    <text x=left - 10.0 y=y text-anchor="end" dominant-baseline="middle" class="chart__label">{level}</text>
                }}).collect_view()}
                <polyline points=line class="chart__series chart__series--line"/>
                {marked.iter().enumerate().map(|(i, (_, v))| { let (x, y) = xy(i, *v); view! { <circle cx=x cy=y r="4" class="chart__marker"/> } }).collect_view()}
            </svg>
            <ChartTable headings=vec!["Date", value_name] rows/>
        </figure>
    }
}

/// Labelled bars, each with its value printed on it.
#[component]
pub fn BarChart(bars: Vec<(String, f32)>, caption: &'static str, unit: &'static str) -> impl IntoView {
    let max = bars.iter().map(|(_, v)| *v).fold(1.0_f32, f32::max);
    let row = 28.0_f32;
    let height = row * bars.len() as f32 + 10.0;
    let rows: Vec<Vec<String>> = bars.iter().map(|(label, v)| vec![label.clone(), format!("{v:.1}")]).collect();
    let summary = spoken(&rows);
    view! {
        <figure class="chart">
            <figcaption>{caption}</figcaption>
            <svg viewBox=format!("0 0 320 {height}") role="img" aria-label=format!("Bar chart of {}. {summary}.", unit.to_lowercase()) class="chart__svg">
                {bars.iter().enumerate().map(|(i, (label, value))| {
                    let y = 5.0 + row * i as f32;
                    let width = 200.0 * value / max;
                    view! {
                        <text x="50" y=y + 12.0 text-anchor="end" dominant-baseline="middle" class="chart__label">{label.clone()}</text>
                        <rect x="58" y=y + 2.0 width=width.max(1.0) height=row - 8.0 class="chart__bar"/>
                        <text x=62.0 + width y=y + 12.0 dominant-baseline="middle" class="chart__label">{format!("{value:.1}")}</text>
                    }
                }).collect_view()}
            </svg>
            <ChartTable headings=vec!["Year", unit] rows/>
        </figure>
    }
}

/// The most values a chart's label reads out one by one (and a line chart
/// marks): past this a label read aloud is a list no one can follow, and
/// markers on a 260-unit-wide line overlap.
const MOST_SPOKEN: usize = 24;

/// What a chart's label says of its `(label, value)` rows: each of them,
/// or for a long series its extent, pointing to the table for the rest.
fn spoken(rows: &[Vec<String>]) -> String {
    let pair = |row: &Vec<String>| format!("{}: {}", row[0], row[1]);
    match rows {
        [first, .., last] if rows.len() > MOST_SPOKEN => {
            format!("{} values, from {} to {}; the table lists each", rows.len(), pair(first), pair(last))
        }
        _ => rows.iter().map(pair).collect::<Vec<_>>().join(", "),
    }
}

/// A chart's numbers as a table behind "Show as a table". Its rows are
/// made when it is first opened: a long career's chart has hundreds, which
/// would otherwise be built on every visit to the dashboard, opened or not.
#[component]
fn ChartTable(headings: Vec<&'static str>, rows: Vec<Vec<String>>) -> impl IntoView {
    let opened = RwSignal::new(false);
    let rows = StoredValue::new(rows);
    let open = move |event: leptos::ev::Event| {
        if event_target::<web_sys::Element>(&event).has_attribute("open") {
            opened.set(true);
        }
    };
    let body = move || {
        opened.get().then(|| {
            rows.with_value(|rows| {
                rows.iter()
                    .map(|row| {
                        let (label, values) = row.split_first().expect("a table row has a label");
                        view! {
                            <tr><th scope="row">{label.clone()}</th>
                                {values.iter().map(|value| view! { <td>{value.clone()}</td> }).collect_view()}</tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <details on:toggle=open>
            <summary>"Show as a table"</summary>
            <table>
                <thead><tr>{headings.into_iter().map(|heading| view! { <th scope="col">{heading}</th> }).collect_view()}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </details>
    }
}
