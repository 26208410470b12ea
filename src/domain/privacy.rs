//! Spotting patient-identifiable data in what a learner writes, before it is
//! saved or exported.
//!
//! Reflections, CPD entries and incident notes end up in front of a
//! regulator, so an NHS number or a date of birth copied from a clinical
//! system must not travel with them. The scan runs on the device because the
//! text must not leave it to be checked, and it uses small hand-written
//! scanners because the `regex` crate would add about 500 KB to the wasm.
//! It looks for the shapes of identifiers, so it warns rather than blocks:
//! it can miss some, and it cannot tell a patient's details from the
//! learner's own.

use std::cmp::Reverse;
use std::ops::Range;

/// Declared from most to least specific: when two kinds claim exactly the
/// same text, the earlier one is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum IdentifierKind {
    /// Before `NhsNumber`: a CHI number passes the same check, and its
    /// date of birth at the start is what tells it apart.
    ChiNumber,
    NhsNumber,
    DateOfBirth,
    Postcode,
    PhoneNumber,
    Email,
    HospitalNumber,
    Name,
}

impl IdentifierKind {
    pub fn label(self) -> &'static str {
        match self {
            IdentifierKind::ChiNumber => "CHI number",
            IdentifierKind::NhsNumber => "NHS number",
            IdentifierKind::DateOfBirth => "Date of birth",
            IdentifierKind::Postcode => "Postcode",
            IdentifierKind::PhoneNumber => "Phone number",
            IdentifierKind::Email => "Email address",
            IdentifierKind::HospitalNumber => "Hospital number",
            IdentifierKind::Name => "Name with a title",
        }
    }

    /// The kind inside a sentence ("… looks like an NHS number"), where
    /// lower-casing the label would give "a nhs number".
    pub fn in_a_sentence(self) -> &'static str {
        match self {
            IdentifierKind::ChiNumber => "a CHI number",
            IdentifierKind::NhsNumber => "an NHS number",
            IdentifierKind::DateOfBirth => "a date of birth",
            IdentifierKind::Postcode => "a postcode",
            IdentifierKind::PhoneNumber => "a phone number",
            IdentifierKind::Email => "an email address",
            IdentifierKind::HospitalNumber => "a hospital number",
            IdentifierKind::Name => "a name with a title",
        }
    }

    /// What the learner should do about it, in one sentence.
    pub fn advice(self) -> &'static str {
        match self {
            IdentifierKind::ChiNumber => "Remove it: a CHI number identifies a patient and holds their date of birth.",
            IdentifierKind::NhsNumber => "Remove it: an NHS number identifies a patient on its own.",
            IdentifierKind::DateOfBirth => "Remove it or give an age range instead, such as \"in their 70s\".",
            IdentifierKind::Postcode => "Remove it or replace it with a general description, such as \"a rural area\".",
            IdentifierKind::PhoneNumber => "Remove it: evidence for your regulator never needs a phone number.",
            IdentifierKind::Email => "Remove it or replace it with a role, such as \"the ward manager\".",
            IdentifierKind::HospitalNumber => "Remove it: a hospital number leads straight to a patient's record.",
            IdentifierKind::Name => {
                "Remove it or use a role or an initial instead, such as \"the patient\" or \"Mrs A\"."
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: IdentifierKind,
    /// Byte offsets into the scanned text, so `&text[start..end] == matched`.
    pub start: usize,
    pub end: usize,
    pub matched: String,
}

/// Every likely identifier in `text`, in order of position, never overlapping.
pub fn scan(text: &str) -> Vec<Finding> {
    let mut candidates = candidates(text);
    // Longest first, so that an identifier with another's shape inside it
    // (digits in an email address, a +44 number whose digits pass the NHS
    // check) is reported once, as the larger one.
    candidates.sort_by_key(|candidate| (Reverse(candidate.end - candidate.start), candidate.start, candidate.kind));
    let mut findings: Vec<Finding> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if findings.iter().all(|kept| candidate.end <= kept.start || kept.end <= candidate.start) {
            findings.push(candidate);
        }
    }
    findings.sort_by_key(|finding| finding.start);
    findings
}

/// Finds the byte ranges of one kind of identifier in a text.
type Detector = fn(&str) -> Vec<Range<usize>>;

/// Every match of every detector, overlaps included.
fn candidates(text: &str) -> Vec<Finding> {
    let detectors: [(IdentifierKind, Detector); 8] = [
        (IdentifierKind::ChiNumber, chi_numbers),
        (IdentifierKind::NhsNumber, nhs_numbers),
        (IdentifierKind::DateOfBirth, dates_of_birth),
        (IdentifierKind::Postcode, postcodes),
        (IdentifierKind::PhoneNumber, phone_numbers),
        (IdentifierKind::Email, emails),
        (IdentifierKind::HospitalNumber, hospital_numbers),
        (IdentifierKind::Name, titled_names),
    ];
    detectors
        .iter()
        .flat_map(|&(kind, detect)| {
            detect(text).into_iter().map(move |range| Finding {
                kind,
                start: range.start,
                end: range.end,
                matched: text[range].to_owned(),
            })
        })
        .collect()
}

// The scanners walk bytes because every shape they look for is ASCII. A
// match starts and ends on an ASCII byte, or for an email address on a char
// boundary, so its offsets can slice `text` whatever script surrounds it.

/// How clinical systems and people group the ten digits of an NHS or CHI
/// number: 943 476 5919, 9434 765 919, and a CHI's date apart, 030456 7892.
const TEN_DIGIT_GROUPINGS: [&[usize]; 4] = [&[10], &[3, 3, 4], &[4, 3, 3], &[6, 4]];

fn nhs_numbers(text: &str) -> Vec<Range<usize>> {
    checked_ten_digit_numbers(text).into_iter().map(|(range, _)| range).collect()
}

/// Scotland's CHI numbers: a date of birth (DDMMYY), then four digits, the
/// last a modulus 11 check digit as in an NHS number.
fn chi_numbers(text: &str) -> Vec<Range<usize>> {
    checked_ten_digit_numbers(text)
        .into_iter()
        .filter(|(_, digits)| {
            let (day, month) = (digits[0] * 10 + digits[1], digits[2] * 10 + digits[3]);
            // The century is not written, so 29 February is always possible.
            (1..=12).contains(&month) && (1..=days_in_month(month)).contains(&day)
        })
        .map(|(range, _)| range)
        .collect()
}

fn days_in_month(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Ten digits that pass the modulus 11 check, with their digits.
fn checked_ten_digit_numbers(text: &str) -> Vec<(Range<usize>, Vec<u32>)> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&start| bytes[start].is_ascii_digit() && is_word_start(text, start))
        .filter_map(|start| {
            let end = TEN_DIGIT_GROUPINGS.iter().find_map(|sizes| grouped_digits_end(bytes, start, sizes))?;
            let digits: Vec<u32> =
                bytes[start..end].iter().filter(|b| b.is_ascii_digit()).map(|b| u32::from(b - b'0')).collect();
            // Every repeated digit (0000000000, 1111111111, ...) passes the
            // check, but those are placeholders, not numbers.
            let is_placeholder = digits.windows(2).all(|pair| pair[0] == pair[1]);
            (is_word_end(text, end) && passes_nhs_check(&digits) && !is_placeholder).then_some((start..end, digits))
        })
        .collect()
}

/// The NHS modulus 11 check, which only about one random ten-digit number
/// in eleven passes: that is what separates an NHS number from any other.
fn passes_nhs_check(digits: &[u32]) -> bool {
    let [body @ .., check] = digits else { return false };
    if body.len() != 9 {
        return false;
    }
    let sum: u32 = body.iter().zip((2..=10).rev()).map(|(digit, weight)| digit * weight).sum();
    match 11 - sum % 11 {
        11 => *check == 0,
        10 => false,
        expected => *check == expected,
    }
}

/// The end of digit groups of exactly `sizes` digits starting at `start`,
/// split by one space, hyphen or dot, the same one throughout.
fn grouped_digits_end(bytes: &[u8], start: usize, sizes: &[usize]) -> Option<usize> {
    let (&first, rest) = sizes.split_first()?;
    if digit_run(bytes, start) != first {
        return None;
    }
    let mut end = start + first;
    if rest.is_empty() {
        return Some(end);
    }
    let separator = *bytes.get(end).filter(|b| matches!(b, b' ' | b'-' | b'.'))?;
    for &size in rest {
        if bytes.get(end) != Some(&separator) || digit_run(bytes, end + 1) != size {
            return None;
        }
        end += 1 + size;
    }
    Some(end)
}

/// How far a cue can be from the date it announces, in characters.
const BIRTH_CUE_REACH: usize = 20;

/// Written in lower case; "d.o.b" also covers "D.O.B.". "b." (as in
/// "(b. 1956)") is checked apart, as it is also the end of "Hepatitis B.".
const BIRTH_CUES: &[&str] = &["dob", "d.o.b", "date of birth", "born", "b."];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Only dates announced as a birth date: CPD entries are full of other dates.
fn dates_of_birth(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&start| bytes[start].is_ascii_alphanumeric() && is_word_start(text, start))
        .filter_map(|start| {
            let end = if bytes[start].is_ascii_digit() {
                numeric_date_end(bytes, start)
                    .or_else(|| year_first_date_end(bytes, start))
                    .or_else(|| written_date_end(bytes, start))
            } else {
                month_first_date_end(bytes, start)
            }?;
            (is_word_end(text, end) && has_birth_cue_before(text, start)).then_some(start..end)
        })
        .collect()
}

/// `1956-04-03`, `1956/4/3`: the ISO order some systems export.
fn year_first_date_end(bytes: &[u8], start: usize) -> Option<usize> {
    if digit_run(bytes, start) != 4 {
        return None;
    }
    let separator = *bytes.get(start + 4).filter(|b| matches!(b, b'/' | b'-' | b'.'))?;
    let month_start = start + 5;
    let month_len = digit_run(bytes, month_start);
    let day_start = month_start + month_len + 1;
    let day_len = digit_run(bytes, day_start);
    let plausible = (1..=2).contains(&month_len)
        && (1..=2).contains(&day_len)
        && bytes.get(day_start - 1) == Some(&separator)
        && (1..=12).contains(&number(&bytes[month_start..month_start + month_len]))
        && (1..=31).contains(&number(&bytes[day_start..day_start + day_len]));
    plausible.then_some(day_start + day_len)
}

/// `April 3, 1956`, `Apr 3rd 1956`: the month first, as in American text.
fn month_first_date_end(bytes: &[u8], start: usize) -> Option<usize> {
    let month_len = month_name_len(bytes, start)?;
    let day_start = start + month_len + 1;
    let day_len = digit_run(bytes, day_start);
    if bytes.get(start + month_len) != Some(&b' ')
        || !(1..=2).contains(&day_len)
        || !(1..=31).contains(&number(&bytes[day_start..day_start + day_len]))
    {
        return None;
    }
    let mut end = day_start + day_len;
    end += ordinal_len(bytes, end);
    end += usize::from(bytes.get(end) == Some(&b','));
    (bytes.get(end) == Some(&b' ') && digit_run(bytes, end + 1) == 4).then_some(end + 5)
}

/// `12/03/1956`, `1-3-56`, `12.03.1956`: day, month and a two- or
/// four-digit year, with the same separator twice.
fn numeric_date_end(bytes: &[u8], start: usize) -> Option<usize> {
    let day_len = digit_run(bytes, start);
    let separator = *bytes.get(start + day_len).filter(|b| matches!(b, b'/' | b'-' | b'.'))?;
    let month_start = start + day_len + 1;
    let month_len = digit_run(bytes, month_start);
    let year_start = month_start + month_len + 1;
    let year_len = digit_run(bytes, year_start);
    let plausible = (1..=2).contains(&day_len)
        && (1..=2).contains(&month_len)
        && bytes.get(year_start - 1) == Some(&separator)
        && matches!(year_len, 2 | 4)
        && (1..=31).contains(&number(&bytes[start..start + day_len]))
        && (1..=12).contains(&number(&bytes[month_start..month_start + month_len]));
    plausible.then_some(year_start + year_len)
}

/// `12 March 1956`, `12 Mar 1956`, `12th Sept 1956`, `5th of May 1950`,
/// and the GP-system style `03-Apr-1956` or `03-APR-56`.
fn written_date_end(bytes: &[u8], start: usize) -> Option<usize> {
    let day_len = digit_run(bytes, start);
    if !(1..=2).contains(&day_len) || !(1..=31).contains(&number(&bytes[start..start + day_len])) {
        return None;
    }
    let mut month_start = start + day_len;
    month_start += ordinal_len(bytes, month_start);
    let separator = *bytes.get(month_start).filter(|b| matches!(b, b' ' | b'-' | b'/' | b'.'))?;
    month_start += 1;
    if separator == b' '
        && bytes.get(month_start..month_start + 3).is_some_and(|word| word.eq_ignore_ascii_case(b"of "))
    {
        month_start += 3;
    }
    let month_len = month_name_len(bytes, month_start)?;
    let year_start = month_start + month_len + 1;
    let year_len = digit_run(bytes, year_start);
    // A two-digit year only in the compact style: "12 May 56" could be a dose.
    let year_fits = year_len == 4 || (year_len == 2 && separator != b' ');
    (bytes.get(year_start - 1) == Some(&separator) && year_fits).then_some(year_start + year_len)
}

/// The length of the month name (`March`, `Mar`, `Sept`, any case) at `start`.
fn month_name_len(bytes: &[u8], start: usize) -> Option<usize> {
    let len = bytes.get(start..)?.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = bytes[start..start + len].to_ascii_lowercase();
    let is_month = word == b"sept"
        || MONTHS.iter().any(|name| word == name.as_bytes() || (len == 3 && name.as_bytes().starts_with(&word)));
    is_month.then_some(len)
}

/// The length of an ordinal suffix (`st`, `nd`, `rd`, `th`, any case) at `at`.
fn ordinal_len(bytes: &[u8], at: usize) -> usize {
    let suffix = bytes.get(at..at + 2).map(|suffix| suffix.to_ascii_lowercase());
    if matches!(suffix.as_deref(), Some(b"st" | b"nd" | b"rd" | b"th")) {
        2
    } else {
        0
    }
}

/// A birth cue shortly before `date_start`, with no other number between
/// them: in "DOB 12/03/56, seen 14/05/24" only the first date is a birth date.
fn has_birth_cue_before(text: &str, date_start: usize) -> bool {
    let reach_start =
        text[..date_start].char_indices().rev().take(BIRTH_CUE_REACH).last().map_or(date_start, |(i, _)| i);
    // ASCII lowering keeps byte offsets, so positions in `before` are positions in `text`.
    let before = text[reach_start..date_start].to_ascii_lowercase();
    BIRTH_CUES.iter().any(|cue| {
        before.match_indices(cue).any(|(at, _)| {
            let cue_start = reach_start + at;
            let cue_end = cue_start + cue.len();
            let ends_in_letter = cue.ends_with(|c: char| c.is_ascii_alphabetic());
            let is_abbreviation_cue = *cue != "b." || is_born_abbreviation(text, cue_start);
            is_word_start(text, cue_start)
                && is_abbreviation_cue
                && (!ends_in_letter || is_word_end(text, cue_end))
                && !text[cue_end..date_start].contains(|c: char| c.is_ascii_digit())
        })
    })
}

/// Whether the "b." at `at` abbreviates "born": a lower-case b that does
/// not follow a word, as in "(b. 12.3.1956)" or "Jo, b. 1956", unlike
/// "Hepatitis B. 12/03/2024" where it ends a sentence.
fn is_born_abbreviation(text: &str, at: usize) -> bool {
    text[at..].starts_with('b') && !text[..at].trim_end().chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Letters that never start a postcode.
const NOT_FIRST_LETTERS: &[u8] = b"QVX";
/// Letters that never come second in a two-letter postcode area.
const NOT_SECOND_LETTERS: &[u8] = b"IJZ";
/// Letters never used in the inward part: leaving them out also spares
/// doses such as "B12 5mg".
const NOT_INWARD_LETTERS: &[u8] = b"CIKMOV";

fn postcodes(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&start| bytes[start].is_ascii_alphabetic() && is_word_start(text, start))
        .filter_map(|start| {
            let first_len = alphanumeric_run(bytes, start);
            let first_end = start + first_len;
            let spaced_end = first_end + 4;
            let (outward, inward, end) =
                if bytes.get(first_end) == Some(&b' ') && alphanumeric_run(bytes, first_end + 1) == 3 {
                    (&bytes[start..first_end], &bytes[first_end + 1..spaced_end], spaced_end)
                } else if (5..=7).contains(&first_len) {
                    (&bytes[start..first_end - 3], &bytes[first_end - 3..first_end], first_end)
                } else {
                    return None;
                };
            (is_outward_code(outward) && is_inward_code(inward) && is_word_end(text, end)).then_some(start..end)
        })
        .collect()
}

/// A9, A99, A9A, AA9, AA99 or AA9A, in either case.
fn is_outward_code(code: &[u8]) -> bool {
    let code = code.to_ascii_uppercase();
    let shape: Vec<u8> = code.iter().map(|b| if b.is_ascii_digit() { b'9' } else { b'A' }).collect();
    let known_shape = matches!(shape.as_slice(), b"A9" | b"A99" | b"A9A" | b"AA9" | b"AA99" | b"AA9A");
    let second_letter = code.get(1).filter(|b| b.is_ascii_alphabetic());
    known_shape
        && !NOT_FIRST_LETTERS.contains(&code[0])
        && second_letter.is_none_or(|letter| !NOT_SECOND_LETTERS.contains(letter))
}

/// Units a dose or lab value is written in that have an inward code's
/// shape after a digit ("B12 1ug", "ferritin 15ug"). Units with letters an
/// inward code never uses (mg, ml, mmol, kg, iu) need no listing.
const UNITS: &[&[u8]] = &[b"ug", b"ng", b"pg", b"dl", b"ul", b"nl", b"hr", b"gy"];

/// A digit and two letters, in either case, unless the letters are a
/// lower-case ordinal or unit: "FY1 2nd" is a foundation doctor's
/// rotation and "B12 1ug" a dose, while "B33 8TH" is a postcode.
fn is_inward_code(code: &[u8]) -> bool {
    let [digit, letters @ ..] = code else { return false };
    let ordinal_suffix: &[u8] = match digit {
        b'1' => b"st",
        b'2' => b"nd",
        b'3' => b"rd",
        _ => b"th",
    };
    digit.is_ascii_digit()
        && letters.len() == 2
        && letters.iter().all(|b| b.is_ascii_alphabetic() && !NOT_INWARD_LETTERS.contains(&b.to_ascii_uppercase()))
        && letters != ordinal_suffix
        && !UNITS.contains(&letters)
}

/// The second digit of a UK number that reaches a person or an organisation:
/// geographic (1, 2), non-geographic (3), mobile (7) and freephone (8).
fn is_uk_number_prefix(digit: Option<&u8>) -> bool {
    matches!(digit, Some(b'1' | b'2' | b'3' | b'7' | b'8'))
}

fn phone_numbers(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&start| matches!(bytes[start], b'0' | b'(' | b'+') && is_word_start(text, start))
        .filter_map(|start| {
            let end = national_number_end(bytes, start).or_else(|| international_number_end(bytes, start))?;
            is_word_end(text, end).then_some(start..end)
        })
        .collect()
}

/// `07700 900123`, `020 7946 0000`, `(0161) 496 0000`: eleven digits from 0.
fn national_number_end(bytes: &[u8], start: usize) -> Option<usize> {
    const DIGITS: usize = 11;
    let bracketed = bytes.get(start) == Some(&b'(');
    let digits_start = start + usize::from(bracketed);
    if bytes.get(digits_start) != Some(&b'0') || !is_uk_number_prefix(bytes.get(digits_start + 1)) {
        return None;
    }
    if !bracketed {
        return spaced_digits_end(bytes, digits_start, DIGITS, 3);
    }
    let area_len = digit_run(bytes, digits_start);
    let closing = digits_start + area_len;
    if area_len < 3 || bytes.get(closing) != Some(&b')') {
        return None;
    }
    let rest_start = closing + 1 + usize::from(bytes.get(closing + 1) == Some(&b' '));
    spaced_digits_end(bytes, rest_start, DIGITS.checked_sub(area_len)?, 3)
}

/// `+44 7700 900123`, `+44 (0)20 7946 0000`: ten digits after the country code.
fn international_number_end(bytes: &[u8], start: usize) -> Option<usize> {
    if !bytes.get(start..)?.starts_with(b"+44") {
        return None;
    }
    let skip_space = |i: usize| i + usize::from(bytes.get(i) == Some(&b' '));
    let mut digits_start = skip_space(start + 3);
    if bytes.get(digits_start..).is_some_and(|rest| rest.starts_with(b"(0)")) {
        digits_start = skip_space(digits_start + 3);
    }
    if !is_uk_number_prefix(bytes.get(digits_start)) {
        return None;
    }
    // After +44 the area code loses its 0, so "+44 20 ..." has a two-digit group.
    spaced_digits_end(bytes, digits_start, 10, 2)
}

/// The end of exactly `wanted` digits from `start`, written as groups of at
/// least `min_group` digits split by single spaces or hyphens. Groupings vary
/// too much by area code to list them, so any grouping of the right total counts.
fn spaced_digits_end(bytes: &[u8], start: usize, wanted: usize, min_group: usize) -> Option<usize> {
    let mut end = start;
    let mut count = 0;
    loop {
        let group = digit_run(bytes, end);
        if group < min_group {
            return None;
        }
        count += group;
        end += group;
        if count >= wanted {
            return (count == wanted).then_some(end);
        }
        let separated = matches!(bytes.get(end), Some(b' ' | b'-')) && digit_run(bytes, end + 1) > 0;
        if !separated {
            return None;
        }
        end += 1;
    }
}

fn emails(text: &str) -> Vec<Range<usize>> {
    let is_local_char = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let is_domain_char = |c: char| c.is_alphanumeric() || ".-".contains(c);
    text.match_indices('@')
        .filter_map(|(at, _)| {
            let local_start =
                text[..at].char_indices().rev().take_while(|&(_, c)| is_local_char(c)).last().map_or(at, |(i, _)| i);
            let local = text[local_start..at].trim_start_matches('.');
            let domain_start = at + 1;
            let domain_len =
                text[domain_start..].chars().take_while(|&c| is_domain_char(c)).map(char::len_utf8).sum::<usize>();
            // A sentence can end straight after an address: "email j@nhs.net."
            let domain = text[domain_start..domain_start + domain_len].trim_end_matches(['.', '-']);
            let labels: Vec<&str> = domain.split('.').collect();
            let top_level = labels.last().copied().unwrap_or_default();
            let plausible = !local.is_empty()
                && labels.len() >= 2
                && labels.iter().all(|label| !label.is_empty())
                && top_level.len() >= 2
                && top_level.chars().all(|c| c.is_ascii_alphabetic());
            plausible.then(|| at - local.len()..domain_start + domain.len())
        })
        .collect()
}

/// Written in lower case, each ending where the number may follow.
const HOSPITAL_NUMBER_CUES: &[&str] = &[
    "hospital number",
    "hospital no",
    "hospital #",
    "hosp no",
    "hosp. no",
    "hosp #",
    "hosp#",
    "patient id",
    "patient identifier",
    "pt id",
    "pas number",
    "pas no",
    "pas id",
    "unit number",
    "unit no",
    "patient number",
    "patient no",
    "case number",
    "case no",
    "mrn",
];

/// How many characters of punctuation and linking words may stand between
/// a cue and its number, as in "hospital number is: A1234567".
const HOSPITAL_NUMBER_GAP: usize = 8;

/// Hospital numbers have no national format, so only a cue tells them from
/// any other reference.
fn hospital_numbers(text: &str) -> Vec<Range<usize>> {
    // ASCII lowering keeps byte offsets, so positions in `lower` are positions in `text`.
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    HOSPITAL_NUMBER_CUES
        .iter()
        .flat_map(|cue| lower.match_indices(cue))
        .filter_map(|(at, cue)| {
            let cue_end = at + cue.len();
            // Digits may follow directly ("MRN1234567"); letters mean another word ("patient notes"),
            // unless the cue ends in a sign ("hosp #RX12345").
            let ends_in_letter = cue.ends_with(|c: char| c.is_ascii_alphabetic());
            let cue_is_word =
                is_word_start(text, at) && !(ends_in_letter && bytes.get(cue_end).is_some_and(u8::is_ascii_alphabetic));
            let token_start = skip_to_value(&lower, cue_end);
            let token_len = alphanumeric_run(bytes, token_start);
            let token_end = token_start + token_len;
            let digits = bytes[token_start..token_end].iter().filter(|b| b.is_ascii_digit()).count();
            (cue_is_word
                && token_start - cue_end <= HOSPITAL_NUMBER_GAP
                && (6..=10).contains(&token_len)
                && digits >= 4
                && is_word_end(text, token_end))
            .then_some(token_start..token_end)
        })
        .collect()
}

/// Past the punctuation and linking words after a cue in `lower`.
fn skip_to_value(lower: &str, from: usize) -> usize {
    let mut position = from;
    loop {
        let rest = &lower[position..];
        let after_punctuation = rest.trim_start_matches([' ', ':', '#', '.', '-', '=']);
        position += rest.len() - after_punctuation.len();
        let linking_word = ["is ", "was "].into_iter().find(|word| after_punctuation.starts_with(word));
        match linking_word {
            Some(word) => position += word.len(),
            None => return position,
        }
    }
}

/// Titles written before a name, case as written: "MR" is magnetic
/// resonance ("MR scan"), and "mx" in notes means management.
const TITLES: &[&str] = &["Mrs", "Mr", "Ms", "Miss", "Mx", "Dr"];

/// Titles in capitals, as letters head an address ("MRS JEAN SMITH").
/// "DR" (diabetic retinopathy) and "MS" (multiple sclerosis) are left out.
const CAPITAL_TITLES: &[&str] = &["MRS", "MR", "MISS"];

/// Capitalised words that follow a title without being a name: the start
/// of a sentence after "Dr.", or a heading such as "Mx Plan".
const NOT_NAMES: &[&str] = &[
    "A", "An", "And", "As", "At", "But", "By", "For", "He", "Her", "His", "I", "If", "In", "It", "Of", "On", "Or",
    "She", "So", "The", "Then", "They", "This", "To", "We", "When", "With", "You", "Plan", "Review", "Options",
    "Notes", "Team", "Letter", "Referral", "Said", "Surgery", "Practice", "Clinic", "Ward", "Unit", "Scan",
];

/// What follows "MR" in capitals on an imaging request ("MR HEAD AND NECK").
const IMAGING_WORDS: &[&str] = &[
    "Head",
    "Brain",
    "Neck",
    "Spine",
    "Cervical",
    "Thoracic",
    "Lumbar",
    "Whole",
    "Body",
    "Chest",
    "Heart",
    "Cardiac",
    "Abdomen",
    "Pelvis",
    "Liver",
    "Prostate",
    "Breast",
    "Pituitary",
    "Orbits",
    "Shoulder",
    "Hip",
    "Knee",
    "Ankle",
    "Wrist",
    "Hand",
    "Foot",
    "Angiogram",
    "Angiography",
    "Venogram",
    "Arthrogram",
    "Enterography",
    "Imaging",
    "Contrast",
    "Guided",
    "Spectroscopy",
    "Report",
];

/// The most name words taken after a title ("Mrs Jean Mary Smith").
const MAX_NAME_WORDS: usize = 3;

/// A title and the capitalised words after it: "Mrs Jean Smith",
/// "Dr. O'Brien", "Mrs J. Smith", "Mx Sam Taylor-Jones", "MRS JEAN SMITH".
/// A title with an initial alone ("Mr A", "Mrs X") is how reflections
/// anonymise people, so at least one word must be longer than a letter.
fn titled_names(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let titles = TITLES.iter().map(|title| (title, false)).chain(CAPITAL_TITLES.iter().map(|title| (title, true)));
    (0..bytes.len())
        .filter(|&start| bytes[start].is_ascii_uppercase() && is_word_start(text, start))
        .filter_map(|start| {
            let (title, in_capitals) = titles
                .clone()
                .find(|(title, _)| text[start..].starts_with(**title) && is_word_end(text, start + title.len()))?;
            let mut end = start + title.len();
            end += usize::from(bytes.get(end) == Some(&b'.'));
            let (mut name_end, mut words, mut has_full_word) = (None, 0, false);
            while words < MAX_NAME_WORDS && bytes.get(end) == Some(&b' ') {
                let word = name_word(&text[end + 1..]);
                let listed = |list: &[&str]| list.iter().any(|not| not.eq_ignore_ascii_case(word));
                let not_a_name = word.is_empty()
                    || listed(NOT_NAMES)
                    || (in_capitals && (word.contains(char::is_lowercase) || listed(IMAGING_WORDS)));
                if not_a_name {
                    break;
                }
                words += 1;
                has_full_word |= word.chars().count() > 1;
                end += 1 + word.len();
                name_end = Some(end);
                // An initial may carry a full stop: "Mrs J. Smith".
                if word.chars().count() == 1 && bytes.get(end) == Some(&b'.') {
                    end += 1;
                }
            }
            // In capitals, a first name and a surname: "MR SMITH" could be a heading.
            let enough = has_full_word && (!in_capitals || words >= 2);
            name_end.filter(|_| enough).map(|name_end| start..name_end)
        })
        .collect()
}

/// The capitalised word at the start of `text` (letters, apostrophes and
/// hyphens inside it), or "" when it does not start with a capital.
fn name_word(text: &str) -> &str {
    if !text.starts_with(char::is_uppercase) {
        return "";
    }
    let len = text
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-')))
        .map_or(text.len(), |(at, _)| at);
    text[..len].trim_end_matches(['\'', '\u{2019}', '-'])
}

fn digit_run(bytes: &[u8], start: usize) -> usize {
    bytes.get(start..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count())
}

fn alphanumeric_run(bytes: &[u8], start: usize) -> usize {
    bytes.get(start..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count())
}

/// The value of a short run of ASCII digits.
fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
}

/// Whether `position`, a char boundary, is not inside a word. Any script's
/// letters count, so "éM1 1AE" holds no postcode.
fn is_word_start(text: &str, position: usize) -> bool {
    !text[..position].chars().next_back().is_some_and(char::is_alphanumeric)
}

fn is_word_end(text: &str, position: usize) -> bool {
    !text[position..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds and matched text that `scan` finds, in order.
    fn found(text: &str) -> Vec<(IdentifierKind, String)> {
        scan(text).into_iter().map(|finding| (finding.kind, finding.matched)).collect()
    }

    fn only(kind: IdentifierKind, matched: &str) -> Vec<(IdentifierKind, String)> {
        vec![(kind, matched.to_owned())]
    }

    fn digits(number: &str) -> Vec<u32> {
        number.chars().map(|c| c.to_digit(10).unwrap()).collect()
    }

    #[test]
    fn the_nhs_check_accepts_valid_numbers_and_rejects_the_rest() {
        assert!(passes_nhs_check(&digits("9434765919")), "the published test number");
        assert!(passes_nhs_check(&digits("4010232137")));
        assert!(passes_nhs_check(&digits("9876543210")), "a remainder of 0 makes a check digit of 0");
        assert!(!passes_nhs_check(&digits("9434765918")), "wrong check digit");
        for last in 0..=9 {
            let number = format!("123456789{last}");
            assert!(!passes_nhs_check(&digits(&number)), "{number}: a check value of 10 is never valid");
        }
        assert!(!passes_nhs_check(&digits("943476591")), "nine digits");
        assert!(!passes_nhs_check(&digits("94347659190")), "eleven digits");
    }

    #[test]
    fn nhs_numbers_are_found_contiguous_or_grouped() {
        use IdentifierKind::NhsNumber;
        assert_eq!(found("NHS number 9434765919."), only(NhsNumber, "9434765919"));
        assert_eq!(found("NHS no: 943 476 5919"), only(NhsNumber, "943 476 5919"));
        assert_eq!(found("(943-476-5919)"), only(NhsNumber, "943-476-5919"));
        assert_eq!(found("ref 4010232137 given"), only(NhsNumber, "4010232137"));
    }

    #[test]
    fn numbers_that_are_not_nhs_numbers_are_not_flagged() {
        for text in [
            "NHS number 9434765918",
            "1234567890",
            "943476591",
            "94347659190",
            "943 476 59190",
            "9943 476 5919",
            "943 476-5919",
            "943  476 5919",
            "1111111111",
            "0000000000",
            "A9434765919",
            "9434765919A",
            "I spent 10 hours on this in 2024.",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn dates_after_a_birth_cue_are_flagged_in_every_format() {
        use IdentifierKind::DateOfBirth;
        assert_eq!(found("DOB 12/03/1956"), only(DateOfBirth, "12/03/1956"));
        assert_eq!(found("d.o.b.: 1/3/56"), only(DateOfBirth, "1/3/56"));
        assert_eq!(found("Date of Birth - 12-03-1956"), only(DateOfBirth, "12-03-1956"));
        assert_eq!(found("patient (b. 12.3.1956)"), only(DateOfBirth, "12.3.1956"));
        assert_eq!(found("She was born on 12 March 1956."), only(DateOfBirth, "12 March 1956"));
        assert_eq!(found("born 12 Mar 1956"), only(DateOfBirth, "12 Mar 1956"));
        assert_eq!(found("BORN ON THE 3rd SEPT 1948"), only(DateOfBirth, "3rd SEPT 1948"));
        assert_eq!(found("DOB: 5th of May 1950"), only(DateOfBirth, "5th of May 1950"));
        assert_eq!(found("DOB 12/03/56, seen 14/05/24"), only(DateOfBirth, "12/03/56"), "only the date after the cue");
    }

    #[test]
    fn dates_without_a_close_birth_cue_are_not_flagged() {
        for text in [
            "On 12/03/2024 I attended a workshop on 14 March 2024.",
            "born in Leeds, then she moved away on 12/03/1956",
            "Finished the job. 12/03/2024 was a long day.",
            "Newborn checks on 12/03/2024",
            "DOB 32/01/1956",
            "DOB 12/13/1956",
            "DOB 12/03-1956",
            "DOB 12 Marchx 1956",
            "DOB 12/03/195",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn postcodes_of_every_shape_are_flagged_in_either_case_with_or_without_the_space() {
        use IdentifierKind::Postcode;
        for postcode in ["M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "sw1a 1aa", "LS11AB"] {
            assert_eq!(found(&format!("lives near {postcode}, alone")), only(Postcode, postcode), "{postcode}");
        }
    }

    #[test]
    fn look_alikes_of_postcodes_are_not_flagged() {
        for text in [
            "vitamin B12 5mg daily",
            "an FY1 2nd rotation",
            "ST3 1st week",
            "SW1A 1AAB",
            "SW1A 1AAé",
            "XSW1A 1AA",
            "QA1 1AB",
            "AJ1 1AB",
            "COVID19 and H2O",
            "A4 paper, the M25, ABC 123",
            "caféM1 1AE",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn uk_phone_numbers_are_flagged_in_common_groupings() {
        use IdentifierKind::PhoneNumber;
        for number in [
            "07700900123",
            "07700 900123",
            "07700 900 123",
            "020 7946 0000",
            "0161 496 0000",
            "01632-960001",
            "0300 123 4567",
            "0800 123 4567",
            "(020) 7946 0000",
            "(01632) 960001",
            "+447700900123",
            "+44 7700 900123",
            "+44 20 7946 0000",
            "+44 (0)20 7946 0000",
            "+44(0)161 496 0000",
        ] {
            assert_eq!(found(&format!("call {number} today")), only(PhoneNumber, number), "{number}");
        }
    }

    #[test]
    fn short_codes_and_other_numbers_are_not_phone_numbers() {
        for text in [
            "Call 999 or NHS 111, or 111 online.",
            "0800 alone",
            "0161 496 000",
            "09123 456789",
            "05123 456789",
            "077009001234",
            "07700 9 00123",
            "+44 9 1234 56789",
            "+44 7700 90012",
            "+447700900123456",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn email_addresses_are_flagged_without_trailing_punctuation() {
        use IdentifierKind::Email;
        assert_eq!(found("Email jane.doe@nhs.net."), only(Email, "jane.doe@nhs.net"));
        assert_eq!(found("<j_smith+cpd@trust.nhs.uk>"), only(Email, "j_smith+cpd@trust.nhs.uk"));
        assert_eq!(found("josé@hôpital.fr"), only(Email, "josé@hôpital.fr"));
    }

    #[test]
    fn at_signs_that_are_not_email_addresses_are_not_flagged() {
        for text in
            ["meet @ 3pm", "@ward7 on the rota", "a@b", "user@localhost", "x@y.c", "x@y.42", "x@.uk", "@nhs.net"]
        {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn numbers_after_a_hospital_number_cue_are_flagged() {
        use IdentifierKind::HospitalNumber;
        assert_eq!(found("hospital number: A1234567"), only(HospitalNumber, "A1234567"));
        assert_eq!(found("Hosp. No. K123456"), only(HospitalNumber, "K123456"));
        assert_eq!(found("MRN#12345678"), only(HospitalNumber, "12345678"));
        assert_eq!(found("MRN1234567"), only(HospitalNumber, "1234567"));
        assert_eq!(found("his unit number is 1234567."), only(HospitalNumber, "1234567"));
        assert_eq!(found("Patient No = RX12345"), only(HospitalNumber, "RX12345"));
        assert_eq!(found("case no. 20241234"), only(HospitalNumber, "20241234"));
    }

    #[test]
    fn references_without_a_cue_or_the_right_shape_are_not_hospital_numbers() {
        for text in [
            "A1234567 was the form code",
            "hospital number 12345",
            "case number ABCDE12",
            "MRN 12345678901",
            "patient numbers rose by 123456",
            "patient notes 1234567",
            "summrn 1234567",
            "hospital number, as always, was A1234567",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_mixed_paragraph_gives_every_finding_in_order_with_exact_offsets() {
        use IdentifierKind::*;
        let text = "Café handover — Mr Ó (DOB 02/01/1948, NHS 943 476 5919) lives at LS1 4AP. \
                    Daughter: 07700 900123, ann.o@example.co.uk. MRN: A1234567. I spent 10 hours \
                    on this in 2024 and logged it on 12/03/2024.";
        let findings = scan(text);
        let kinds: Vec<IdentifierKind> = findings.iter().map(|finding| finding.kind).collect();
        assert_eq!(kinds, [DateOfBirth, NhsNumber, Postcode, PhoneNumber, Email, HospitalNumber]);
        for finding in &findings {
            assert_eq!(&text[finding.start..finding.end], finding.matched);
        }
        let dob = text.find("02/01/1948").unwrap();
        assert_eq!((findings[0].start, findings[0].end), (dob, dob + "02/01/1948".len()));
        assert_eq!(findings[1].matched, "943 476 5919");
        assert_eq!(findings[2].matched, "LS1 4AP");
        assert_eq!(findings[3].matched, "07700 900123");
        assert_eq!(findings[4].matched, "ann.o@example.co.uk");
        let mrn = text.find("A1234567").unwrap();
        assert_eq!((findings[5].start, findings[5].end), (mrn, mrn + 8));
    }

    #[test]
    fn overlapping_candidates_are_reported_once() {
        use IdentifierKind::*;
        let cases = [
            // The digits after +44 also pass the NHS check.
            ("call +44 7123456785 now", PhoneNumber, "+44 7123456785"),
            // An NHS number given as a hospital number.
            ("MRN 9434765919", NhsNumber, "9434765919"),
            // An NHS number inside an email address.
            ("write to p.9434765919@nhs.net", Email, "p.9434765919@nhs.net"),
        ];
        for (text, kind, matched) in cases {
            assert!(candidates(text).len() >= 2, "{text}: two detectors should claim it");
            assert_eq!(found(text), only(kind, matched), "{text}");
        }
    }

    #[test]
    fn non_ascii_text_is_scanned_at_any_char_boundary_without_panicking() {
        let text = "café — 12 Rue, naïve 😀 DOB 1/2/56 ℡ 07700 900123 € SW1A 1AA … MRN：A1234567 ü@ö.de";
        for (start, _) in text.char_indices() {
            for (end, _) in text[start..].char_indices() {
                for finding in scan(&text[start..start + end]) {
                    assert_eq!(text[start..start + end][finding.start..finding.end], finding.matched);
                }
            }
        }
        let kinds: Vec<IdentifierKind> = scan(text).iter().map(|finding| finding.kind).collect();
        use IdentifierKind::*;
        assert_eq!(kinds, [DateOfBirth, PhoneNumber, Postcode, Email]);
    }

    #[test]
    fn chi_numbers_are_told_from_nhs_numbers_by_their_date_of_birth() {
        use IdentifierKind::*;
        assert_eq!(found("CHI 0304567892"), only(ChiNumber, "0304567892"));
        assert_eq!(found("CHI: 030456 7892"), only(ChiNumber, "030456 7892"));
        assert_eq!(found("CHI no. 311299 4566"), only(ChiNumber, "311299 4566"));
        assert_eq!(found("CHI 0304567893"), vec![], "wrong check digit");
        // 31 April is no date of birth, but the check passes: still an identifier.
        let check_digit = (0..=9).find(|d| passes_nhs_check(&digits(&format!("310456789{d}")))).unwrap();
        let no_date = format!("310456789{check_digit}");
        assert_eq!(found(&no_date), only(NhsNumber, &no_date));
        assert_eq!(found("9434765919"), only(NhsNumber, "9434765919"), "94/34 is no date");
    }

    #[test]
    fn nhs_numbers_are_found_in_every_grouping_clinical_systems_print() {
        use IdentifierKind::NhsNumber;
        for number in ["943 476 5919", "9434 765 919", "943-476-5919", "943.476.5919", "9434.765.919", "943476 5919"] {
            assert_eq!(found(&format!("NHS: {number}.")), only(NhsNumber, number), "{number}");
        }
        for text in ["943.476-5919", "94.347.65919", "943 4765 919"] {
            assert_eq!(found(text), vec![], "{text}: mixed or unusual groups");
        }
    }

    #[test]
    fn birth_dates_in_iso_gp_system_and_american_order_are_flagged() {
        use IdentifierKind::DateOfBirth;
        assert_eq!(found("DOB: 1956-04-03"), only(DateOfBirth, "1956-04-03"));
        assert_eq!(found("DOB 03-Apr-1956"), only(DateOfBirth, "03-Apr-1956"));
        assert_eq!(found("D.O.B. 03-APR-56"), only(DateOfBirth, "03-APR-56"));
        assert_eq!(found("DOB 03/Apr/1956"), only(DateOfBirth, "03/Apr/1956"));
        assert_eq!(found("born April 3, 1956"), only(DateOfBirth, "April 3, 1956"));
        assert_eq!(found("Born on Apr 3rd 1956"), only(DateOfBirth, "Apr 3rd 1956"));
        for text in [
            "DOB 1956-13-03",
            "DOB 1956-04-32",
            "DOB 03-Apx-1956",
            "DOB 03-Apr 1956",
            "born April 33, 1956",
            "DOB 12 May 56",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn b_dot_is_a_birth_cue_only_where_it_abbreviates_born() {
        use IdentifierKind::DateOfBirth;
        assert_eq!(found("(b. 12.3.1956)"), only(DateOfBirth, "12.3.1956"));
        assert_eq!(found("Jo, b. 3/4/56"), only(DateOfBirth, "3/4/56"));
        assert_eq!(found("Hepatitis B. 12/03/2024"), vec![]);
        assert_eq!(found("vitamin b. 12/03/2024"), vec![]);
    }

    #[test]
    fn hospital_number_cues_include_those_of_patient_administration_systems() {
        use IdentifierKind::HospitalNumber;
        assert_eq!(found("Hosp # K123456"), only(HospitalNumber, "K123456"));
        assert_eq!(found("Hosp#: 12345678"), only(HospitalNumber, "12345678"));
        assert_eq!(found("hospital #RX12345"), only(HospitalNumber, "RX12345"));
        assert_eq!(found("Patient ID: 7654321"), only(HospitalNumber, "7654321"));
        assert_eq!(found("patient identifier 7654321"), only(HospitalNumber, "7654321"));
        assert_eq!(found("PAS number 1234567"), only(HospitalNumber, "1234567"));
        assert_eq!(found("PAS no: AB123456"), only(HospitalNumber, "AB123456"));
        for text in ["patient identified 7654321", "a PAS numbering scheme 1234567", "patient ID 1234", "hosp #ABCDEFG"]
        {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_title_and_capitalised_words_are_a_name_but_an_initial_alone_is_not() {
        use IdentifierKind::Name;
        assert_eq!(found("Mrs Jean Smith, 84, bed 12"), only(Name, "Mrs Jean Smith"));
        assert_eq!(found("seen with Mr. John O'Brien today"), only(Name, "Mr. John O'Brien"));
        assert_eq!(found("Mx Sam Taylor-Jones"), only(Name, "Mx Sam Taylor-Jones"));
        assert_eq!(found("Mrs J Smith"), only(Name, "Mrs J Smith"));
        assert_eq!(found("Miss Éowyn Ní Bhriain left"), only(Name, "Miss Éowyn Ní Bhriain"));
        assert_eq!(
            found("Dr Ana Maria de Souza"),
            only(Name, "Dr Ana Maria"),
            "at most the words that are capitalised"
        );
        assert_eq!(found("Pt: Mrs J. Smith"), only(Name, "Mrs J. Smith"));
        assert_eq!(
            found("Mrs Jean SMITH"),
            only(Name, "Mrs Jean SMITH"),
            "the surname in capitals, as GP systems show it"
        );
        assert_eq!(found("MRS JEAN SMITH, 1 HIGH ST"), only(Name, "MRS JEAN SMITH"));
        assert_eq!(found("MR JOHN O'BRIEN"), only(Name, "MR JOHN O'BRIEN"));
        for text in [
            "Mr A, a man in his 80s",
            "Mrs X",
            "MR scan of the head",
            "MR HEAD AND NECK",
            "MR BRAIN WITH CONTRAST",
            "MR SMITH",
            "DR SCREENING RESULTS",
            "MS NURSE SPECIALIST",
            "Dr A.",
            "Mx plan: IV fluids",
            "Mx Plan reviewed",
            "asked the Dr. Then we",
            "Dr on call",
            "Mrsa screen",
            "Drew Smith",
            "Mission Control",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    /// How many of `texts` `scan` flags at all.
    fn flagged(texts: &[&str]) -> usize {
        texts.iter().filter(|text| !scan(text).is_empty()).count()
    }

    #[test]
    fn a_corpus_of_clinical_system_formats_is_flagged_and_clinical_phrases_are_not() {
        // Identifiers as clinical systems print them (EMIS, SystmOne,
        // patient administration systems, discharge letters), all invented.
        let identifying = [
            "DOB: 1956-04-03",
            "DOB 03-Apr-1956",
            "D.O.B. 03-APR-1956",
            "DOB: 03/04/1956",
            "Date of birth 3 April 1956",
            "born April 3, 1956",
            "born on 3rd of April 1956",
            "Born: 03.04.56",
            "NHS No: 943 476 5919",
            "NHS number 9434 765 919",
            "NHS: 943.476.5919",
            "NHS no. 9434765919",
            "CHI 0304567892",
            "CHI No: 120356 1016",
            "Hosp # K123456",
            "Hosp#: 12345678",
            "Hospital No: RX1234567",
            "MRN: 00123456",
            "Patient ID: 7654321",
            "PAS number 1234567",
            "PAS no: AB123456",
            "Unit no 1234567",
            "Mrs Jean Smith, 84, bed 12",
            "MRS JEAN SMITH, 1 HIGH STREET",
            "Pt: Mrs J. Smith",
            "Mr John O'Brien, bay 3",
            "Miss Ellie Jones (bed 4)",
            "Mx Sam Taylor",
            "Ms Ana Smith-Jones",
            "Dr. Priya Patel reviewed",
            "Address: 1 High St, LS1 4AP",
            "Tel 07700 900123",
            "NOK: 0161 496 0000",
            "email jean.smith@nhs.net",
        ];
        // Ordinary clinical writing: doses, lab values, vitamins, wards,
        // dates that are not birth dates, "Mr" and its look-alikes.
        let clinical = [
            "Hepatitis B. 12/03/2024",
            "Hepatitis B vaccine booster 12/03/2024",
            "B12 1ug IM",
            "Vitamin B12 1mg IM every 3 months",
            "Vitamin B12 level 150 ng/L",
            "Vitamin D3 800 iu daily",
            "Paracetamol 1g QDS",
            "Amoxicillin 500mg TDS for 5 days",
            "Ramipril 2.5mg OD",
            "Insulin glargine 10 units at 22:00",
            "Adrenaline 1:1000 0.5ml IM",
            "Sodium chloride 0.9% 1000ml over 8 hours",
            "Salbutamol 2.5mg nebs 4 hourly",
            "Gentamicin level 1.2 mg/L at 12:00",
            "Hb 120 g/L, WBC 11.2, CRP 45, eGFR 60",
            "HbA1c 48 mmol/mol on 12/03/2024",
            "BP 120/80, HR 72, SpO2 96% on 2L",
            "GCS 15/15, NEWS2 3",
            "K+ 4.5 mmol/L, Na+ 135",
            "INR 2.5, target 2-3",
            "Ferritin 15ug/L",
            "CD4 count 350 cells/uL",
            "Ward 7B",
            "Bay 3 bed 12",
            "Ash Ward, AMU, then ITU bed 4",
            "MR scan of the head booked",
            "MR HEAD AND NECK with contrast",
            "DR SCREENING RESULTS: R1 M0",
            "MRI head 12/03/2024",
            "Mx plan: IV fluids and review",
            "Dr on call informed",
            "Mr A, a man in his 80s",
            "FY1 2nd rotation, ST3 1st week",
            "Newborn hearing check 12/03/2024",
            "Referred to the MDT on 14 March 2024",
            "Completed 12/03/2024, 3 hours",
            "Bleep 1234",
        ];
        let (hits, misses) = (flagged(&identifying), flagged(&clinical));
        println!(
            "privacy corpus: identifying flagged {hits}/{}; clinical flagged {misses}/{}",
            identifying.len(),
            clinical.len()
        );
        let missed: Vec<&&str> = identifying.iter().filter(|text| scan(text).is_empty()).collect();
        let false_alarms: Vec<(&&str, Vec<Finding>)> =
            clinical.iter().map(|text| (text, scan(text))).filter(|(_, found)| !found.is_empty()).collect();
        assert_eq!(missed, Vec::<&&str>::new(), "identifying text not flagged ({hits}/{})", identifying.len());
        assert_eq!(false_alarms, vec![], "clinical text flagged ({misses}/{})", clinical.len());
    }

    #[test]
    fn every_kind_has_its_own_label_and_advice() {
        use IdentifierKind::*;
        let kinds = [ChiNumber, NhsNumber, DateOfBirth, Postcode, PhoneNumber, Email, HospitalNumber, Name];
        assert_eq!(NhsNumber.in_a_sentence(), "an NHS number", "said \"en-aitch-ess\", and kept in capitals");
        for (i, kind) in kinds.iter().enumerate() {
            assert!(kind.advice().ends_with('.'), "{kind:?}: advice is a sentence");
            let phrase = kind.in_a_sentence();
            assert!(phrase.starts_with("a ") || phrase.starts_with("an "), "{phrase}");
            assert!(phrase.to_lowercase().ends_with(&kind.label().to_lowercase()), "{phrase}");
            for other in &kinds[i + 1..] {
                assert_ne!(kind.label(), other.label());
                assert_ne!(kind.advice(), other.advice());
            }
        }
    }
}
