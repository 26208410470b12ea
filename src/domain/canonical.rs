//! Reads untrusted JSON once, straight from its text, into the canonical
//! form `domain::digest` hashes (keys sorted, no spacing, numbers as
//! serde_json writes them), refusing on the way what Praxis never writes:
//! a key given twice in one object, a string or list too long to be a
//! learner's own work. No `serde_json::Value` of the whole file is built,
//! so a file of millions of tiny items is refused after the first
//! [`MAX_ITEMS`], not first expanded to many times its size in memory.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// The longest string Praxis reads, in bytes: a long reflective account
/// is a few thousand words, a twentieth of this.
pub const MAX_STRING_BYTES: usize = 200_000;

/// The most items in one list or object. A 40-year synthetic career
/// (`praxis-cli sample --years 40`) has a few thousand in its longest.
pub const MAX_ITEMS: usize = 100_000;

/// Up to this many keys, an object's keys are compared one by one.
const FEW_KEYS: usize = 32;

/// Where a value sits in a file or a record, for messages
/// (`record.cpd[3].title`, `progress["what-ai-is"]`). It borrows its parts
/// and is written out only when a message needs it, so checking thousands
/// of sound values builds no strings.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root(&'a str),
    /// A field: `parent.key`.
    Key(&'a Path<'a>, &'a str),
    /// An item of a list: `parent[3]`.
    Index(&'a Path<'a>, usize),
    /// An entry of a map keyed by data, shown quoted: `parent["key"]`.
    Entry(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    pub fn entry(&'a self, key: &'a str) -> Path<'a> {
        Path::Entry(self, key)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root(name) => f.write_str(name),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
            Path::Entry(parent, key) => write!(f, "{parent}[{}]", super::quote::quoted(key)),
        }
    }
}

/// Deserializes any JSON value into its canonical text.
#[derive(Clone, Copy)]
pub struct Canonical<'a> {
    path: Path<'a>,
    room: usize,
}

impl<'a> Canonical<'a> {
    pub fn new(path: Path<'a>) -> Canonical<'a> {
        Canonical { path, room: 0 }
    }

    /// Starts with room for `bytes` of text, when the caller knows roughly
    /// how long it will be: a buffer grown by doubling is copied each time
    /// and, for a large value, takes fresh pages from the system each time.
    pub fn with_room(path: Path<'a>, bytes: usize) -> Canonical<'a> {
        Canonical { path, room: bytes }
    }
}

impl<'de> DeserializeSeed<'de> for Canonical<'_> {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        let mut text = Vec::with_capacity(self.room);
        Writer { path: self.path, out: &mut text }.deserialize(deserializer)?;
        Ok(String::from_utf8(text).expect("serde_json writes UTF-8"))
    }
}

/// Writes one value's canonical text onto the end of `out`. Every value of
/// a file goes into the one buffer (the roll-up reads thousands of files,
/// and a string per value made allocation most of the work); an object's
/// fields are put in key order once it is read.
struct Writer<'p, 'o> {
    path: Path<'p>,
    out: &'o mut Vec<u8>,
}

impl Writer<'_, '_> {
    fn json<T: serde::Serialize + ?Sized, E: de::Error>(&mut self, value: &T) -> Result<(), E> {
        serde_json::to_writer(&mut *self.out, value).map_err(E::custom)
    }

    fn check_length<E: de::Error>(&self, value: &str) -> Result<(), E> {
        if value.len() > MAX_STRING_BYTES {
            return Err(E::custom(format!(
                "{} is {} KB of text; Praxis keeps at most {} KB in one field",
                self.path,
                value.len() / 1000,
                MAX_STRING_BYTES / 1000
            )));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Writer<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Writer<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(mut self, value: bool) -> Result<(), E> {
        self.json(&value)
    }

    fn visit_i64<E: de::Error>(mut self, value: i64) -> Result<(), E> {
        self.json(&value)
    }

    fn visit_u64<E: de::Error>(mut self, value: u64) -> Result<(), E> {
        self.json(&value)
    }

    // As `serde_json::Value` keeps it, so the digest matches one taken over a `Value`.
    fn visit_f64<E: de::Error>(mut self, value: f64) -> Result<(), E> {
        self.json(&value)
    }

    fn visit_str<E: de::Error>(mut self, value: &str) -> Result<(), E> {
        self.check_length(value)?;
        self.json(value)
    }

    // serde_json lends a string straight from the file's text only when it
    // had no escapes, and JSON allows no quote, backslash or control
    // character unescaped: the string is then its own canonical text, and
    // escaping it again (most of a file is strings) only to find nothing to
    // escape was a sixth of the roll-up's work.
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<(), E> {
        self.check_length(value)?;
        as_is(self.out, value);
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.out.push(b'[');
        let mut index = 0;
        loop {
            // The comma goes before the next item, taken back if there is none.
            let before = self.out.len();
            if index > 0 {
                self.out.push(b',');
            }
            let item = Writer { path: Path::Index(&self.path, index), out: &mut *self.out };
            if seq.next_element_seed(item)?.is_none() {
                self.out.truncate(before);
                break;
            }
            index += 1;
            if index > MAX_ITEMS {
                return Err(too_many(&self.path));
            }
        }
        self.out.push(b']');
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Each field, key and value, is written as it comes. Keys that came
        // out of order are laid out again in key order after the object, which
        // is then moved back: one copy of an unordered object, none of an
        // ordered one (a record's maps), and no second buffer.
        let start = self.out.len();
        self.out.push(b'{');
        let mut fields: Vec<(Cow<'de, str>, std::ops::Range<usize>)> = Vec::new();
        // A repeated key is named where it is read, so the message points at it.
        // Records' objects are small; a hostile one of many keys is looked up in a set.
        let mut many_keys: Option<BTreeSet<Cow<'de, str>>> = None;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if fields.len() == MAX_ITEMS {
                return Err(too_many(&self.path));
            }
            let repeated = if fields.len() < FEW_KEYS {
                fields.iter().any(|(seen, _)| *seen == key)
            } else {
                let seen = many_keys.get_or_insert_with(|| fields.iter().map(|(seen, _)| seen.clone()).collect());
                !seen.insert(key.clone())
            };
            if repeated {
                return Err(twice(&self.path, &key));
            }
            if !fields.is_empty() {
                self.out.push(b',');
            }
            let field_start = self.out.len();
            self::key(self.out, &key, matches!(key, Cow::Borrowed(_))).map_err(de::Error::custom)?;
            self.out.push(b':');
            map.next_value_seed(Writer { path: Path::Key(&self.path, &key), out: &mut *self.out })?;
            fields.push((key, field_start..self.out.len()));
        }
        self.out.push(b'}');
        // Byte order of the keys, as serde_json's own map sorts them (no key is there twice).
        if !fields.is_sorted_by(|a, b| a.0 < b.0) {
            fields.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let end = self.out.len();
            self.out.push(b'{');
            for (index, (_, field)) in fields.into_iter().enumerate() {
                if index > 0 {
                    self.out.push(b',');
                }
                self.out.extend_from_within(field);
            }
            self.out.push(b'}');
            // The same fields, commas and braces: exactly as long as the object it replaces.
            self.out.copy_within(end.., start);
            self.out.truncate(end);
        }
        Ok(())
    }
}

/// Writes a string serde_json lent from the file's text, which needs no escapes, in quotes.
fn as_is(out: &mut Vec<u8>, text: &str) {
    debug_assert!(!text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'), "{text:?}");
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
}

/// Writes a key as a JSON string. One `lent` from the file's text is
/// already its own JSON text (see `visit_borrowed_str`).
fn key(out: &mut Vec<u8>, key: &str, lent: bool) -> serde_json::Result<()> {
    if lent {
        as_is(out, key);
        Ok(())
    } else {
        serde_json::to_writer(out, key)
    }
}

/// An object's key, borrowed from the file's text unless it had escapes:
/// a record has as many keys as values, and each owned copy was an allocation.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

fn too_many<E: de::Error>(path: &Path) -> E {
    E::custom(format!("{path} has more than {MAX_ITEMS} items, far more than any Praxis record holds"))
}

/// A key given twice: JSON readers disagree on which one counts, so a
/// file could show one value to a person and another to Praxis.
pub fn twice<E: de::Error>(path: &Path, key: &str) -> E {
    E::custom(format!("{path} has the field {} twice; Praxis writes each field once", super::quote::quoted(key)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(text: &str) -> Result<String, String> {
        let mut reader = serde_json::Deserializer::from_str(text);
        Canonical::new(Path::Root("file")).deserialize(&mut reader).map_err(|e| e.to_string())
    }

    #[test]
    fn the_canonical_text_is_what_serde_json_writes_for_a_value() {
        let text = r#" { "b" : [1, -2, 0.1, -0, 1e21, 18446744073709551615, true, null],
            "a": {"é": "tab\there \u0001 \ud83d\ude00", "A": {}} , "": [],
            "in order": {"a": "plain", "b": {"d": 1, "c": [{"y": "\"", "x": "\\"}]}},
            "\n": "a key escaped, which sorts by its character", "\"\u0041\"": {"B": 1, "\u0041": 2}} "#;
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(canonical(text).unwrap(), serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn repeated_keys_and_oversized_lists_and_strings_are_refused_with_their_place() {
        let error = canonical(r#"{"cpd":[{"id":"a","id":"b"}]}"#).unwrap_err();
        assert!(error.starts_with(r#"file.cpd[0] has the field "id" twice"#), "{error}");
        // Past the keys compared one by one, in an object too big to be a record's.
        let keys: String = (0..100).map(|i| format!("\"k{i}\":0,")).collect();
        let error = canonical(&format!("{{{keys}\"k7\":1,\"k200\":2}}")).unwrap_err();
        assert!(error.starts_with(r#"file has the field "k7" twice"#), "{error}");
        assert!(error.ends_with(&format!("line 1 column {}", keys.len() + 5)), "named where it is read: {error}");
        let long = format!("{{\"a\":[\"{}\"]}}", "x".repeat(MAX_STRING_BYTES + 1));
        assert!(canonical(&long).unwrap_err().starts_with("file.a[0] is 200 KB of text"));
        let many = format!("[{}0]", "0,".repeat(MAX_ITEMS));
        assert!(canonical(&many).unwrap_err().starts_with("file has more than 100000 items"));
        assert!(canonical(&format!("[{}0]", "0,".repeat(MAX_ITEMS - 1))).is_ok(), "the limit itself is allowed");
    }
}
