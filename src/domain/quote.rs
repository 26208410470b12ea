//! Text from a file, shown in a message. Every reader (backup, stored
//! record, spreadsheet, roll-up) quotes what it refuses the same way; this
//! sits below all of them so none has to reach into another for it.

/// Quotes text from a file for a message, cut short and with control
/// characters shown escaped, so hostile content cannot flood or forge it.
pub fn quoted(text: &str) -> String {
    let mut shown: String = text.chars().take(60).flat_map(char::escape_debug).collect();
    if text.chars().count() > 60 {
        shown.push('…');
    }
    format!("\"{shown}\"")
}
