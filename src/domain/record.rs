//! What a learner records, as plain data: the one aggregate the app
//! keeps, stores and exports.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Everything one learner has recorded in Praxis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnerRecord {
    /// Completed modules by module id.
    #[serde(default)]
    pub completions: BTreeMap<String, Completion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// When the learner completed the module (RFC 3339, UTC).
    pub completed_at: String,
}

impl LearnerRecord {
    /// Records that `module_id` was completed at `at`. Completing a
    /// module again keeps the first completion date: it is evidence.
    pub fn mark_complete(&mut self, module_id: &str, at: &str) {
        self.completions.entry(module_id.to_owned()).or_insert_with(|| Completion { completed_at: at.to_owned() });
    }

    pub fn completion(&self, module_id: &str) -> Option<&Completion> {
        self.completions.get(module_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completing_twice_keeps_the_first_date() {
        let mut record = LearnerRecord::default();
        record.mark_complete("what-ai-is", "2026-01-02T10:00:00.000Z");
        record.mark_complete("what-ai-is", "2026-05-01T09:00:00.000Z");
        assert_eq!(record.completion("what-ai-is").unwrap().completed_at, "2026-01-02T10:00:00.000Z");
        assert!(record.completion("other").is_none());
    }
}
