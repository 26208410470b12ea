//! Assessment quality: warnings about knowledge checks that a reader could
//! pass without having read the module, and about `minutes` that an
//! auditor could not reproduce.
//!
//! These are warnings, not errors: an author's draft still previews and
//! builds, but `praxis-cli check`, the build and `/author` all show them.
//! The rules and the minutes estimate are explained to authors in
//! `modules/README.md`; keep the two in step.

use super::{KnowledgeCheck, Module, Report};

/// A correct option at least this much longer than every other option
/// (13/10, i.e. 30 % longer, in characters) gives the key away.
const LENGTH_CUE: (usize, usize) = (13, 10);

/// Reading speed assumed for clinical prose, in words a minute.
pub const WORDS_PER_MINUTE: usize = 200;
/// Time to read a check, choose, and read the feedback.
pub const MINUTES_PER_CHECK: usize = 1;
/// Time to think about and write an answer to a reflection prompt.
pub const MINUTES_PER_REFLECTION: usize = 5;
/// `minutes` may differ from the estimate by this many minutes, or by
/// half the estimate if that is more, before the checker warns.
const MINUTES_TOLERANCE: usize = 10;

/// Phrases that turn an option into a comment on the other options.
const META_OPTIONS: [&str; 5] =
    ["all of the above", "none of the above", "both of the above", "all of these", "none of these"];

/// Words of prose in `markdown`: whitespace-separated pieces that hold a
/// letter or digit, so list markers and table rules do not count.
pub(super) fn count_words(markdown: &str) -> usize {
    markdown.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

/// The CPD time a module's length suggests, rounded to the nearest minute.
pub fn estimated_minutes(words: usize, checks: usize, reflections: usize) -> usize {
    (words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE
        + checks * MINUTES_PER_CHECK
        + reflections * MINUTES_PER_REFLECTION
}

/// What a test-wise reader who skipped the module would choose: the
/// longest option when only one answer is right (the first, if several
/// tie), and every option but the last when checkboxes show that several
/// are. These are the two cues issue 16 found in the curriculum.
pub fn cue_guess(check: &KnowledgeCheck) -> Vec<usize> {
    if check.is_multiple_answer() {
        return (0..check.options.len().saturating_sub(1)).collect();
    }
    let lengths: Vec<usize> = check.options.iter().map(|option| length(&option.text)).collect();
    let longest = lengths.iter().copied().max().unwrap_or_default();
    lengths.iter().position(|&l| l == longest).into_iter().collect()
}

/// The percentage of `module`'s checks that [`cue_guess`] answers correctly.
pub fn cue_guess_score(module: &Module) -> Option<usize> {
    let checks: Vec<&KnowledgeCheck> = module.knowledge_checks().collect();
    let right = checks.iter().filter(|check| check.is_answered_by(&cue_guess(check))).count();
    (!checks.is_empty()).then(|| right * 100 / checks.len())
}

/// Whether the one correct option of a single-answer check is longer than
/// every other option.
pub fn correct_is_uniquely_longest(check: &KnowledgeCheck) -> bool {
    let Some(correct) = check.options.iter().find(|option| option.correct) else { return false };
    !check.is_multiple_answer()
        && check
            .options
            .iter()
            .filter(|option| !option.correct)
            .all(|option| length(&option.text) < length(&correct.text))
}

/// Whether a multi-answer check has exactly one wrong option, in last place.
pub fn only_wrong_option_is_last(check: &KnowledgeCheck) -> bool {
    check.is_multiple_answer()
        && check.options.iter().filter(|option| !option.correct).count() == 1
        && check.options.last().is_some_and(|option| !option.correct)
}

fn length(text: &str) -> usize {
    text.trim().chars().count()
}

/// Adds every assessment-quality warning for `module`. `check_lines`
/// holds the line of each of its checks, in order; `words` is the length
/// of its prose and callouts.
pub(super) fn lint(module: &Module, source: &str, check_lines: &[usize], words: usize, report: &mut Report) {
    let checks: Vec<(usize, &KnowledgeCheck)> = check_lines.iter().copied().zip(module.knowledge_checks()).collect();
    for &(line, check) in &checks {
        lint_check(check, line, report);
    }
    lint_positions(&checks, report);
    if let (Some(score), Some(&(line, _))) = (cue_guess_score(module), checks.first()) {
        let pass_mark = usize::from(module.completion.pass_mark);
        if pass_mark > 0 && score >= pass_mark {
            report.warning(
                line,
                format!(
                    "a reader who skipped this module and chose the longest option (with checkboxes, every option but the last) would score {score}%, reaching the pass mark of {pass_mark}%: vary the options' lengths and positions"
                ),
            );
        }
    }
    lint_minutes(module, source, words, report);
}

fn lint_check(check: &KnowledgeCheck, line: usize, report: &mut Report) {
    let id = &check.id;
    if check.options.len() == 2 {
        report.warning(
            line,
            format!("knowledge check `{id}` has only 2 options: add a third, written from a real misconception, so that a guess is right less often"),
        );
    }
    for (index, option) in check.options.iter().enumerate() {
        let text = option.text.to_lowercase();
        if let Some(phrase) = META_OPTIONS.iter().find(|phrase| text.contains(*phrase)) {
            report.warning(
                line,
                format!(
                    "option {} of knowledge check `{id}` says \"{phrase}\": write every option as an answer in its own right, which still reads correctly when the options are reordered",
                    index + 1
                ),
            );
        }
    }
    let (correct, wrong): (Vec<usize>, Vec<usize>) = {
        let (right, wrong): (Vec<_>, Vec<_>) = check.options.iter().partition(|option| option.correct);
        (right.iter().map(|o| length(&o.text)).collect(), wrong.iter().map(|o| length(&o.text)).collect())
    };
    let (Some(&shortest_correct), Some(&longest_wrong)) = (correct.iter().min(), wrong.iter().max()) else { return };
    if shortest_correct * LENGTH_CUE.1 >= longest_wrong * LENGTH_CUE.0 {
        let percent = (shortest_correct * 100 / longest_wrong.max(1)).saturating_sub(100);
        let what = if correct.len() > 1 { "every correct option" } else { "the correct option" };
        report.warning(
            line,
            format!(
                "in knowledge check `{id}`, {what} is at least {percent}% longer than any wrong one: a long, qualified answer gives the key away, so make the options a similar length (the checker warns at 30% longer)"
            ),
        );
    }
}

/// Warns when the right answers sit in the same place in every check of
/// one kind, so that position alone would find them.
fn lint_positions(checks: &[(usize, &KnowledgeCheck)], report: &mut Report) {
    let (multi, single): (Vec<_>, Vec<_>) = checks.iter().partition(|(_, check)| check.is_multiple_answer());
    if single.len() >= 2 {
        let positions: Vec<Vec<usize>> = single.iter().map(|(_, check)| correct_positions(check)).collect();
        let all_last = single.iter().all(|(_, check)| check.options.last().is_some_and(|option| option.correct));
        let place = if all_last {
            Some("the last option".to_owned())
        } else if positions.windows(2).all(|pair| pair[0] == pair[1]) {
            Some(format!("option {}", positions[0][0] + 1))
        } else {
            None
        };
        if let Some(place) = place {
            report.warning(
                single[0].0,
                format!(
                    "the correct answer is {place} in every single-answer check in this module ({} checks): vary its position so that it cannot be guessed",
                    single.len()
                ),
            );
        }
    }
    if multi.len() >= 2 {
        let wrong: Vec<Vec<usize>> = multi.iter().map(|(_, check)| wrong_positions(check)).collect();
        let place = if multi.iter().all(|(_, check)| only_wrong_option_is_last(check)) {
            Some("the one wrong option is the last".to_owned())
        } else if wrong.windows(2).all(|pair| pair[0] == pair[1]) {
            let list: Vec<String> = wrong[0].iter().map(|index| (index + 1).to_string()).collect();
            Some(format!("the wrong options are option(s) {}", list.join(", ")))
        } else {
            None
        };
        if let Some(place) = place {
            report.warning(
                multi[0].0,
                format!(
                    "{place} in every multi-answer check in this module ({} checks): vary their positions so that they cannot be guessed",
                    multi.len()
                ),
            );
        }
    }
}

fn correct_positions(check: &KnowledgeCheck) -> Vec<usize> {
    check.options.iter().enumerate().filter(|(_, option)| option.correct).map(|(index, _)| index).collect()
}

fn wrong_positions(check: &KnowledgeCheck) -> Vec<usize> {
    check.options.iter().enumerate().filter(|(_, option)| !option.correct).map(|(index, _)| index).collect()
}

fn lint_minutes(module: &Module, source: &str, words: usize, report: &mut Report) {
    let checks = module.knowledge_checks().count();
    let reflections = module.reflection_prompts().count();
    let estimate = estimated_minutes(words, checks, reflections);
    let minutes = module.minutes as usize;
    if minutes.abs_diff(estimate) > MINUTES_TOLERANCE.max(estimate / 2) {
        report.warning(
            minutes_line(source),
            format!(
                "`minutes` is {minutes} but the module's length suggests about {estimate} ({words} words at {WORDS_PER_MINUTE} a minute, {checks} check(s) at {MINUTES_PER_CHECK}, {reflections} reflection(s) at {MINUTES_PER_REFLECTION}): learners claim this as CPD time, so give what a learner would spend (modules/README.md explains the estimate)"
            ),
        );
    }
}

/// The line of the `minutes` field in the front matter (1 if not found).
fn minutes_line(source: &str) -> usize {
    source
        .lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim_end() != "+++")
        .find(|(_, line)| line.strip_prefix("minutes").is_some_and(|rest| rest.trim_start().starts_with('=')))
        .map_or(1, |(index, _)| index + 1)
}
