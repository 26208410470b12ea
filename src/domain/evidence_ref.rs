//! [`EvidenceRef`]: the one way Praxis names a piece of a learner's evidence, wherever it refers to one (a
//! self-assessment's evidence, the xAPI export's record of what it sent, the import plan's changes).
//!
//! Written `kind:rest`: `completion:what-ai-is`, `reflection:what-ai-is/first`, `cpd:cpd-3`,
//! `attempt:what-ai-is/check-1/2026-01-01T09:00:00.000Z`. Earlier versions also wrote `kind/rest` (the xAPI
//! export's keys) and a bare module id (a self-assessment's evidence, meaning its completion); both are still read.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EvidenceRef {
    /// A completed module.
    Completion { module: String },
    /// One answer to a module's knowledge check, at an instant.
    Attempt { module: String, check: String, at: String },
    /// The learner's reflection on one of a module's prompts.
    Reflection { module: String, prompt: String },
    /// An entry in the CPD log.
    Cpd { entry: String },
}

impl EvidenceRef {
    /// Reads `kind:rest`, or the `kind/rest` earlier xAPI exports stored; `None` for anything else.
    pub fn parse(text: &str) -> Option<EvidenceRef> {
        let at = text.find([':', '/'])?;
        let (kind, rest) = (&text[..at], &text[at + 1..]);
        let part = |part: Option<&str>| part.filter(|part| !part.is_empty()).map(str::to_owned);
        // Module and check ids are slugs, so the last part takes whatever follows it: whatever `Display` wrote
        // reads back as it was.
        let mut parts = rest.splitn(if kind == "attempt" { 3 } else { 2 }, '/');
        let parsed = match kind {
            "completion" => EvidenceRef::Completion { module: part(Some(rest))? },
            "reflection" => EvidenceRef::Reflection { module: part(parts.next())?, prompt: part(parts.next())? },
            "attempt" => EvidenceRef::Attempt {
                module: part(parts.next())?,
                check: part(parts.next())?,
                at: part(parts.next())?,
            },
            "cpd" => EvidenceRef::Cpd { entry: part(Some(rest))? },
            _ => return None,
        };
        Some(parsed)
    }

    /// `text` in today's spelling if it names a piece of evidence (`completion/m` becomes `completion:m`), else as
    /// it is: for maps keyed by evidence that earlier versions stored.
    pub fn respell(text: &str) -> String {
        EvidenceRef::parse(text).map_or_else(|| text.to_owned(), |evidence| evidence.to_string())
    }

    /// The key as earlier versions spelt it for the xAPI export (`completion/what-ai-is`). A statement's id is
    /// derived from it, so evidence exported before the spelling changed keeps its statement id.
    pub fn legacy_key(&self) -> String {
        self.to_string().replacen(':', "/", 1)
    }

    fn kind(&self) -> &'static str {
        match self {
            EvidenceRef::Completion { .. } => "completion",
            EvidenceRef::Attempt { .. } => "attempt",
            EvidenceRef::Reflection { .. } => "reflection",
            EvidenceRef::Cpd { .. } => "cpd",
        }
    }
}

impl fmt::Display for EvidenceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.kind())?;
        match self {
            EvidenceRef::Completion { module } => write!(f, "{module}"),
            EvidenceRef::Attempt { module, check, at } => write!(f, "{module}/{check}/{at}"),
            EvidenceRef::Reflection { module, prompt } => write!(f, "{module}/{prompt}"),
            EvidenceRef::Cpd { entry } => write!(f, "{entry}"),
        }
    }
}

impl Serialize for EvidenceRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads any spelling [`EvidenceRef::parse`] reads, and a bare module id (no `:` or `/`), which is how versions
/// before December 2026 stored a completed module as a self-assessment's evidence.
impl<'de> Deserialize<'de> for EvidenceRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if let Some(parsed) = EvidenceRef::parse(&text) {
            return Ok(parsed);
        }
        if !text.is_empty() && !text.contains([':', '/']) {
            return Ok(EvidenceRef::Completion { module: text });
        }
        Err(serde::de::Error::custom(format!(
            "`{}` does not name a piece of evidence (completion:, reflection:, cpd: or attempt:)",
            text.chars().take(60).collect::<String>()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> [EvidenceRef; 4] {
        [
            EvidenceRef::Completion { module: "what-ai-is".into() },
            EvidenceRef::Attempt {
                module: "what-ai-is".into(),
                check: "c1".into(),
                at: "2026-01-01T09:00:00.000Z".into(),
            },
            EvidenceRef::Reflection { module: "what-ai-is".into(), prompt: "first".into() },
            EvidenceRef::Cpd { entry: "cpd-3".into() },
        ]
    }

    #[test]
    fn every_kind_is_written_one_way_and_read_back() {
        let written: Vec<String> = every_kind().iter().map(ToString::to_string).collect();
        assert_eq!(
            written,
            [
                "completion:what-ai-is",
                "attempt:what-ai-is/c1/2026-01-01T09:00:00.000Z",
                "reflection:what-ai-is/first",
                "cpd:cpd-3"
            ]
        );
        for evidence in every_kind() {
            assert_eq!(EvidenceRef::parse(&evidence.to_string()), Some(evidence.clone()));
            let json = serde_json::to_string(&evidence).unwrap();
            assert_eq!(serde_json::from_str::<EvidenceRef>(&json).unwrap(), evidence);
        }
    }

    #[test]
    fn old_spellings_are_still_read() {
        // The xAPI export's keys before December 2026.
        for evidence in every_kind() {
            assert_eq!(EvidenceRef::parse(&evidence.legacy_key()), Some(evidence.clone()), "{}", evidence.legacy_key());
        }
        assert_eq!(EvidenceRef::Completion { module: "m".into() }.legacy_key(), "completion/m");
        assert_eq!(EvidenceRef::respell("cpd/c#1"), "cpd:c#1");
        assert_eq!(EvidenceRef::respell("profile.name"), "profile.name");
        // A self-assessment's evidence before December 2026: a bare module id meant its completion.
        let old: Vec<EvidenceRef> = serde_json::from_str(r#"["what-ai-is", "cpd:cpd-3"]"#).unwrap();
        assert_eq!(
            old,
            [EvidenceRef::Completion { module: "what-ai-is".into() }, EvidenceRef::Cpd { entry: "cpd-3".into() }]
        );
        assert_eq!(serde_json::to_string(&old).unwrap(), r#"["completion:what-ai-is","cpd:cpd-3"]"#);
    }

    #[test]
    fn anything_else_is_refused() {
        for text in
            ["", "completion:", "reflection:m", "reflection:m/", "attempt:m/c", "attempt:m//at", "badge:x", "cpd"]
        {
            assert_eq!(EvidenceRef::parse(text), None, "{text}");
        }
        for json in [r#""""#, r#""badge:x""#, r#""reflection:m""#, "3"] {
            assert!(serde_json::from_str::<EvidenceRef>(json).is_err(), "{json}");
        }
    }
}
