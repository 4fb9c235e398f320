//! Canonical JSON: object keys sorted (by their UTF-8 bytes), no whitespace, numbers as serde_json
//! writes them. The draw's digests are SHA-256 over these bytes, so anyone re-serialising the
//! published inputs the same way gets the same digest. Inputs carry no floats (rates are basis
//! points), so the number format cannot differ between implementations.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical JSON text of `value`.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    let v = serde_json::to_value(value)?;
    let mut out = String::new();
    write(&v, &mut out)?;
    Ok(out)
}

fn write(v: &Value, out: &mut String) -> Result<(), serde_json::Error> {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k)?);
                out.push(':');
                write(&map[k], out)?;
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out)?;
            }
            out.push(']');
        }
        other => out.push_str(&serde_json::to_string(other)?),
    }
    Ok(())
}

/// Hex SHA-256 of the canonical JSON of `value`.
pub fn sha256<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    Ok(hex::encode(Sha256::digest(to_string(value)?.as_bytes())))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn keys_sorted_at_every_level_no_spaces() {
        let v = json!({"b": 1, "a": {"d": [2, {"z": 0, "y": "x"}], "c": null}});
        assert_eq!(
            super::to_string(&v).unwrap(),
            r#"{"a":{"c":null,"d":[2,{"y":"x","z":0}]},"b":1}"#
        );
    }
}
