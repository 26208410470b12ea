//! Reading a career of competence self-assessments: levels per domain,
//! what they were a year ago, and when to assess again.

use time::Date;

use crate::domain::framework::{assessment_areas, competence_domains};
use crate::domain::record::{LearnerRecord, SelfAssessment};
use crate::domain::timestamp::parse_date;

/// Months between self-assessments unless the learner chooses otherwise.
pub const DEFAULT_REASSESS_MONTHS: u32 = 12;

/// The mean level of each framework domain in `assessment` (areas of a
/// divided domain are averaged), in framework order. `None` where the
/// learner rated nothing in that domain.
pub fn domain_levels(assessment: &SelfAssessment) -> Vec<(&'static str, Option<f32>)> {
    let areas = assessment_areas();
    competence_domains()
        .iter()
        .map(|domain| {
            let (sum, count) = areas
                .iter()
                .filter(|area| std::ptr::eq(area.domain, domain))
                .filter_map(|area| assessment.ratings.get(&area.id))
                .fold((0.0, 0_u16), |(sum, count), rating| (sum + f32::from(rating.level), count + 1));
            let mean = (count > 0).then(|| sum / f32::from(count));
            (domain.id.as_str(), mean)
        })
        .collect()
}

/// The learner's level in `domain_id` on their latest assessment.
pub fn current_level(record: &LearnerRecord, domain_id: &str) -> Option<f32> {
    let latest = record.latest_assessment()?;
    domain_levels(latest).into_iter().find(|(id, _)| *id == domain_id).and_then(|(_, level)| level)
}

/// The assessment that was current `months` before `today`: the latest
/// one made on or before that day.
pub fn assessment_as_of(record: &LearnerRecord, today: Date, months: u32) -> Option<&SelfAssessment> {
    let then = months_before(today, months);
    record.self_assessments.iter().rev().find(|assessment| parse_date(&assessment.at).is_some_and(|day| day <= then))
}

/// A nudge to assess again, once the learner's chosen interval has passed
/// since their last assessment (or if they have never made one).
pub fn reassessment_prompt(record: &LearnerRecord, today: Date) -> Option<String> {
    let months = record.profile.reassess_after_months.unwrap_or(DEFAULT_REASSESS_MONTHS);
    let Some(latest) = record.latest_assessment() else {
        return Some("Rate your competence to get recommendations that fit you.".to_owned());
    };
    let made = latest.at.get(..10).unwrap_or_default();
    // Dates, not text, are compared: "9999-…" and "-0001-…" sort wrongly as text.
    let due = parse_date(&latest.at).is_none_or(|made| made <= months_before(today, months));
    due.then(|| {
        format!("Your last self-assessment was on {made}, more than {months} months ago: it is time to assess again.")
    })
}

/// A field of the learning plan's goal form, as `validate_goal` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalField {
    Title,
    TargetDate,
}

/// What stops a goal from being added, field by field.
pub fn validate_goal(title: &str, target_date: &str) -> Vec<(GoalField, String)> {
    let mut errors = Vec::new();
    if title.trim().is_empty() {
        errors.push((GoalField::Title, "Give the goal a title".to_owned()));
    }
    // The same rule as an imported file's, so nothing saved here makes the learner's backup unreadable.
    if crate::domain::validate::date(target_date).is_none() {
        errors.push((GoalField::TargetDate, "Enter a target date for the goal".to_owned()));
    }
    errors
}

/// The same day `months` earlier, clamped to the month's last day.
pub fn months_before(day: Date, months: u32) -> Date {
    shift_months(day, -i64::from(months))
}

/// The same day `months` later (or earlier, if negative), clamped to the
/// month's last day. A shift past the calendar `time` can represent gives
/// its first or last day: an imported setting or a typed-in number can be
/// any size, and a view must still show rather than panic.
pub fn shift_months(day: Date, months: i64) -> Date {
    let index = i64::from(day.year()) * 12 + i64::from(u8::from(day.month())) - 1;
    let Some(index) = index.checked_add(months) else {
        return if months < 0 { Date::MIN } else { Date::MAX };
    };
    let month = time::Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(time::Month::January);
    let shifted = i32::try_from(index.div_euclid(12)).ok().and_then(|year| {
        let last_day = time::util::days_in_month(month, year);
        Date::from_calendar_date(year, month, day.day().min(last_day)).ok()
    });
    shifted.unwrap_or(if months < 0 { Date::MIN } else { Date::MAX })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::record::Rating;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date::from_calendar_date(year, time::Month::try_from(month).unwrap(), day).unwrap()
    }

    fn assessment(at: &str, ratings: &[(&str, u8)]) -> SelfAssessment {
        let ratings: BTreeMap<String, Rating> = ratings
            .iter()
            .map(|(id, level)| (id.to_string(), Rating { level: *level, confidence: 3, evidence: vec![] }))
            .collect();
        SelfAssessment { at: at.into(), ratings }
    }

    #[test]
    fn divided_domains_average_their_areas() {
        let a = assessment(
            "2026-01-01T00:00:00.000Z",
            &[("human-factors", 2), ("artificial-intelligence/ml-nlp", 1), ("artificial-intelligence/evaluating", 4)],
        );
        let levels = domain_levels(&a);
        assert_eq!(levels.len(), 6);
        assert_eq!(levels.iter().find(|(id, _)| *id == "human-factors").unwrap().1, Some(2.0));
        assert_eq!(levels.iter().find(|(id, _)| *id == "artificial-intelligence").unwrap().1, Some(2.5));
        assert_eq!(levels.iter().find(|(id, _)| *id == "digital-implementation").unwrap().1, None);
    }

    #[test]
    fn months_before_clamps_to_the_end_of_shorter_months_and_handles_leap_years() {
        assert_eq!(months_before(date(2026, 3, 31), 1), date(2026, 2, 28));
        assert_eq!(months_before(date(2025, 3, 31), 13), date(2024, 2, 29));
        assert_eq!(months_before(date(2026, 1, 15), 12), date(2025, 1, 15));
        assert_eq!(months_before(date(2026, 1, 15), 1), date(2025, 12, 15));
    }

    #[test]
    fn shifts_past_the_calendar_saturate_instead_of_panicking() {
        assert_eq!(shift_months(date(2026, 1, 31), 1_000_000), Date::MAX);
        assert_eq!(months_before(date(2026, 1, 31), u32::MAX), Date::MIN);
        assert_eq!(shift_months(Date::MAX, i64::MAX), Date::MAX);
        assert_eq!(shift_months(Date::MIN, i64::MIN), Date::MIN);
        assert_eq!(shift_months(date(9999, 12, 31), 1), Date::MAX, "one month past year 9999");
        assert_eq!(shift_months(date(2026, 1, 31), -1), date(2025, 12, 31));
    }

    #[test]
    fn a_huge_reassessment_interval_gives_no_prompt_rather_than_a_panic() {
        let mut record = LearnerRecord::default();
        record.self_assessments.push(assessment("2025-01-02T00:00:00.000Z", &[("human-factors", 1)]));
        record.profile.reassess_after_months = Some(1_000_000);
        assert_eq!(reassessment_prompt(&record, date(2026, 1, 2)), None);
        assert!(assessment_as_of(&record, date(2026, 1, 2), u32::MAX).is_none());
    }

    #[test]
    fn the_assessment_a_year_ago_is_the_last_one_made_by_then() {
        let mut record = LearnerRecord::default();
        record.self_assessments.push(assessment("2024-06-01T09:00:00.000Z", &[("human-factors", 1)]));
        record.self_assessments.push(assessment("2025-06-01T09:00:00.000Z", &[("human-factors", 2)]));
        record.self_assessments.push(assessment("2026-05-01T09:00:00.000Z", &[("human-factors", 3)]));
        let year_ago = assessment_as_of(&record, date(2026, 6, 1), 12).unwrap();
        assert_eq!(year_ago.at, "2025-06-01T09:00:00.000Z", "made exactly a year before counts");
        assert!(assessment_as_of(&record, date(2025, 5, 31), 12).is_none());
        assert_eq!(current_level(&record, "human-factors"), Some(3.0));
    }

    #[test]
    fn reassessment_is_prompted_once_the_interval_has_passed() {
        let mut record = LearnerRecord::default();
        assert!(reassessment_prompt(&record, date(2026, 1, 1)).is_some());
        record.self_assessments.push(assessment("2025-01-02T00:00:00.000Z", &[("human-factors", 1)]));
        assert_eq!(reassessment_prompt(&record, date(2026, 1, 1)), None);
        assert_eq!(
            reassessment_prompt(&record, date(2026, 1, 2)).as_deref(),
            Some("Your last self-assessment was on 2025-01-02, more than 12 months ago: it is time to assess again.")
        );
        record.profile.reassess_after_months = Some(24);
        assert_eq!(reassessment_prompt(&record, date(2026, 1, 2)), None);
    }

    #[test]
    fn a_goal_needs_a_title_and_a_real_target_date() {
        let fields = |title: &str, target: &str| -> Vec<GoalField> {
            validate_goal(title, target).into_iter().map(|(field, _)| field).collect()
        };
        assert_eq!(fields(" ", ""), [GoalField::Title, GoalField::TargetDate]);
        assert_eq!(fields("Learn to audit", "2300-01-01"), [GoalField::TargetDate]);
        assert!(fields("Learn to audit", "2027-01-31").is_empty());
    }
}
