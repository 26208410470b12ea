//! The staff files a manager added at `/employer`, kept so that a reload
//! or a visit to another page does not lose them.
//!
//! They are colleagues' personal data on the manager's device, so how
//! long they stay is the manager's choice, shown on the page: until the
//! tab is closed (the default), or in this browser until they are
//! cleared. The web layer keeps the first kind where the browser itself
//! forgets it with the tab (sessionStorage); this module only says what
//! is kept and reads it back.

use serde::{Deserialize, Serialize};

use super::DEFAULT_REFRESH_MONTHS;
use crate::domain::words;

/// What marks the stored text as these files, so nothing else is read as them.
const FORMAT: &str = "praxis-kept-staff-files";
const VERSION: u32 = 1;

/// How long the manager chose to keep the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum KeepUntil {
    /// Forgotten when this browser tab is closed.
    #[default]
    TabClosed,
    /// Kept in this browser until the manager clears them.
    Cleared,
}

/// One file as it was read: its text, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptFile {
    pub name: String,
    #[serde(flatten)]
    pub content: Content,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Content {
    Text(String),
    Unreadable(String),
}

impl KeptFile {
    pub fn new(name: String, read: Result<String, String>) -> KeptFile {
        let content = match read {
            Ok(text) => Content::Text(text),
            Err(reason) => Content::Unreadable(reason),
        };
        KeptFile { name, content }
    }

    pub fn read(&self) -> Result<&str, &str> {
        match &self.content {
            Content::Text(text) => Ok(text),
            Content::Unreadable(reason) => Err(reason),
        }
    }
}

/// Everything kept: the files and the period they were checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptFiles {
    format: String,
    version: u32,
    /// When the files were last added (RFC 3339).
    pub kept_at: String,
    pub until: KeepUntil,
    pub refresh_months: u32,
    pub files: Vec<KeptFile>,
}

impl KeptFiles {
    pub fn new(kept_at: &str, until: KeepUntil, refresh_months: u32, files: Vec<KeptFile>) -> KeptFiles {
        KeptFiles {
            format: FORMAT.to_owned(),
            version: VERSION,
            kept_at: kept_at.to_owned(),
            until,
            refresh_months,
            files,
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("kept files are plain strings and numbers")
    }

    /// Reads kept files back, or says (for the manager) why they cannot
    /// be: the caller then forgets them rather than show part of them.
    pub fn decode(text: &str) -> Result<KeptFiles, String> {
        let unreadable =
            "The staff files kept in this browser could not be read, so they were forgotten. Add them again.";
        let kept: KeptFiles = serde_json::from_str(text).map_err(|_| unreadable.to_owned())?;
        if kept.format != FORMAT || kept.version != VERSION {
            return Err(unreadable.to_owned());
        }
        let refresh_months =
            if (1..=1200).contains(&kept.refresh_months) { kept.refresh_months } else { DEFAULT_REFRESH_MONTHS };
        Ok(KeptFiles { refresh_months, ..kept })
    }

    /// What the page says about the files it shows again.
    pub fn restored_notice(&self) -> String {
        let how_long = match self.until {
            KeepUntil::TabClosed => "They are kept until you close this tab.",
            KeepUntil::Cleared => "They are kept in this browser until you press “Clear all files”.",
        };
        format!(
            "Showing {} you added on {} again. {how_long}",
            words::count(self.files.len(), "file", "files"),
            words::date(&self.kept_at)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> KeptFiles {
        KeptFiles::new(
            "2026-12-02T10:00:00.000Z",
            KeepUntil::Cleared,
            24,
            vec![
                KeptFile::new("ana.json".to_owned(), Ok("{\"format\":\"x\"}".to_owned())),
                KeptFile::new("broken.json".to_owned(), Err("not text".to_owned())),
            ],
        )
    }

    #[test]
    fn what_is_kept_reads_back_the_same() {
        let kept = sample();
        let back = KeptFiles::decode(&kept.encode()).unwrap();
        assert_eq!(back, kept);
        assert_eq!(back.files[0].read(), Ok("{\"format\":\"x\"}"));
        assert_eq!(back.files[1].read(), Err("not text"));
    }

    #[test]
    fn anything_else_is_refused_with_words_for_the_manager() {
        for text in [
            "",
            "[]",
            "{\"format\":\"praxis-backup\",\"version\":1}",
            &sample().encode().replace("\"version\":1", "\"version\":2"),
        ] {
            let reason = KeptFiles::decode(text).unwrap_err();
            assert!(reason.contains("could not be read, so they were forgotten"), "{text}: {reason}");
        }
    }

    #[test]
    fn an_impossible_refresh_period_falls_back_to_the_default() {
        let mut kept = sample();
        kept.refresh_months = 0;
        assert_eq!(KeptFiles::decode(&kept.encode()).unwrap().refresh_months, DEFAULT_REFRESH_MONTHS);
    }

    #[test]
    fn the_notice_says_how_many_when_and_for_how_long() {
        let mut kept = sample();
        assert_eq!(
            kept.restored_notice(),
            "Showing 2 files you added on 2 December 2026 again. They are kept in this browser until you press \
             “Clear all files”."
        );
        kept.until = KeepUntil::TabClosed;
        kept.files.truncate(1);
        assert!(kept.restored_notice().starts_with("Showing 1 file you added"), "{}", kept.restored_notice());
        assert!(kept.restored_notice().ends_with("until you close this tab."));
    }
}
