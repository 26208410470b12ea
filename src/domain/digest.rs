//! SHA-256 over a canonical form of JSON, so a file's digest does not
//! depend on key order, spacing or which serde_json features a build has.

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `bytes` as lower-case hex, as a digest is written in a backup.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The digest of `value` in canonical form: object keys sorted at every
/// depth, no insignificant whitespace, numbers as serde_json writes them.
/// serde_json's maps keep keys sorted unless its `preserve_order` feature
/// is on, which no dependency of Praxis enables; the test below fails if
/// one ever does.
pub fn json_sha256(value: &serde_json::Value) -> String {
    let text = serde_json::to_string(value).expect("a JSON value always serialises");
    sha256_hex(text.as_bytes())
}

/// The digest of `item` as it would read back from its own JSON, so the
/// digest made at export equals the one computed when the file is read.
pub fn serialized_sha256(item: &impl serde::Serialize) -> String {
    let text = serde_json::to_string(item).expect("plain data always serialises");
    let value: serde_json::Value = serde_json::from_str(&text).expect("serde_json reads what it wrote");
    json_sha256(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_ignores_key_order_and_spacing_but_not_content() {
        let a: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":{"y":[1,2],"x":"é"}}"#).unwrap();
        let b: serde_json::Value =
            serde_json::from_str("{ \"a\": {\"x\": \"é\", \"y\": [1, 2]},\n \"b\": 1 }").unwrap();
        let c: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":{"y":[2,1],"x":"é"}}"#).unwrap();
        assert_eq!(json_sha256(&a), json_sha256(&b));
        assert_ne!(json_sha256(&a), json_sha256(&c), "array order is content");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn a_float_digests_the_same_before_and_after_a_round_trip() {
        #[derive(serde::Serialize)]
        struct Hours {
            hours: f32,
        }
        let written = serialized_sha256(&Hours { hours: 0.1 });
        let read: serde_json::Value = serde_json::from_str(r#"{"hours":0.1}"#).unwrap();
        assert_eq!(written, json_sha256(&read));
    }
}
