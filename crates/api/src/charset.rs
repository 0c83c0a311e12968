//! The text of a `POST /v1/articles` body in the charset its `Content-Type` declares:
//! a UTF-16 or Latin-1 upload is decoded, not stored with NULs or refused as bad UTF-8.

use encoding_rs::{Encoding, UTF_8};

use crate::error::ErrorCode;
use crate::ApiError;

/// The `charset` parameter of a Content-Type value, lowercased and unquoted; `None` when
/// there is none.
pub fn declared_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        Some(value.trim().to_ascii_lowercase())
    })
}

/// The encoding a charset label names (WHATWG labels: `latin1` and `us-ascii` read as
/// windows-1252, their superset); 415 `unsupported_charset` for a label no encoding has.
pub fn encoding(label: &str) -> Result<&'static Encoding, ApiError> {
    match Encoding::for_label(label.as_bytes()) {
        // the "replacement" encoding stands for charsets that are refused, not decoded
        Some(enc) if enc != encoding_rs::REPLACEMENT && enc != encoding_rs::X_USER_DEFINED => {
            Ok(enc)
        }
        _ => Err(ApiError::UnsupportedCharset(label.to_string())),
    }
}

/// `body` as text in `enc`. UTF-8 is decoded strictly and kept byte for byte (its
/// content hash must match the same file ingested by the CLI); another encoding yields to a
/// byte order mark, which is dropped. Bytes the encoding cannot hold are a 400.
pub fn decode(body: &[u8], enc: &'static Encoding) -> Result<String, ApiError> {
    if enc == UTF_8 {
        return String::from_utf8(body.to_vec()).map_err(|e| {
            ApiError::bad_request(
                ErrorCode::InvalidUtf8,
                format!(
                    "the body is not UTF-8 text (bad byte at {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        });
    }
    let (enc, bom) = Encoding::for_bom(body).unwrap_or((enc, 0));
    let rest = body.get(bom..).unwrap_or_default();
    enc.decode_without_bom_handling_and_without_replacement(rest)
        .map(|text| text.into_owned())
        .ok_or_else(|| {
            ApiError::bad_request(
                ErrorCode::InvalidEncoding,
                format!("the body is not valid {} text", enc.name()),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(content_type: &str, body: &[u8]) -> Result<String, ApiError> {
        let enc = match declared_charset(content_type) {
            Some(label) => encoding(&label)?,
            None => UTF_8,
        };
        decode(body, enc)
    }

    fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let units = bom.then_some(0xfeff).into_iter().chain(s.encode_utf16());
        units
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn declared_charsets_are_read() {
        let s = "Café in Brăila, 12 °C";
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("text/plain", s.as_bytes().to_vec(), s),
            ("text/plain; charset=utf-8", s.as_bytes().to_vec(), s),
            ("text/plain;charset=\"UTF-8\"", s.as_bytes().to_vec(), s),
            (
                "text/plain; charset=us-ascii",
                b"plain words".to_vec(),
                "plain words",
            ),
            (
                "text/plain; charset=iso-8859-1",
                b"caf\xe9 \xb0C".to_vec(),
                "café °C",
            ),
            ("text/plain; charset=latin1", b"caf\xe9".to_vec(), "café"),
            (
                "text/plain; charset=windows-1252",
                b"\x93quoted\x94".to_vec(),
                "\u{201c}quoted\u{201d}",
            ),
            ("text/plain; charset=utf-16le", utf16(s, false, false), s),
            ("text/plain; charset=utf-16le", utf16(s, false, true), s),
            ("text/plain; charset=utf-16be", utf16(s, true, false), s),
            ("text/plain; charset=utf-16be", utf16(s, true, true), s),
            ("text/plain; charset=utf-16", utf16(s, true, true), s),
            ("text/plain; charset=utf-16", utf16(s, false, true), s),
            (
                "text/plain; format=flowed; charset=UTF-16LE",
                utf16(s, false, false),
                s,
            ),
        ];
        for (ctype, body, want) in cases {
            assert_eq!(text(ctype, &body).ok().as_deref(), Some(want), "{ctype}");
        }
    }

    #[test]
    fn unknown_charsets_and_bad_bytes_are_refused() {
        let cases: Vec<(&str, &[u8], &str)> = vec![
            ("text/plain; charset=klingon", b"x", "unsupported_charset"),
            ("text/plain; charset=", b"x", "unsupported_charset"),
            (
                "text/plain; charset=iso-2022-kr",
                b"x",
                "unsupported_charset",
            ),
            ("text/plain; charset=utf-8", b"\xff\xfe", "invalid_utf8"),
            ("text/plain", b"ok \xc3", "invalid_utf8"),
            (
                "text/plain; charset=utf-16le",
                b"a\x00b",
                "invalid_encoding",
            ),
            (
                "text/plain; charset=utf-16le",
                b"\x00\xd8a\x00",
                "invalid_encoding",
            ),
        ];
        for (ctype, body, code) in cases {
            match text(ctype, body) {
                Err(ApiError::UnsupportedCharset(_)) => {
                    assert_eq!(code, "unsupported_charset", "{ctype}")
                }
                Err(ApiError::BadRequest { code: got, .. }) => {
                    assert_eq!(got.as_str(), code, "{ctype}")
                }
                Err(e) => panic!("{ctype}: {e}"),
                Ok(t) => panic!("{ctype}: decoded as {t:?}"),
            }
        }
    }
}

/// Whether a query string is UTF-8 once percent-decoded: the form decoder replaces bad
/// bytes (`q=%ff%fe`) with U+FFFD, which would search for something nobody asked for.
pub fn query_is_utf8(query: &str) -> bool {
    let b = query.as_bytes();
    let mut decoded = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |at: usize| b.get(at).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                decoded.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (c, _, _) => {
                decoded.push(c);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

#[cfg(test)]
mod query_tests {
    use super::query_is_utf8;

    #[test]
    fn percent_decoded_queries_must_be_utf8() {
        for ok in [
            "",
            "q=flood",
            "q=caf%C3%A9",
            "q=caf%c3%a9&limit=2",
            "q=100%",
            "q=%zz",
            "q=a+b",
        ] {
            assert!(query_is_utf8(ok), "{ok}");
        }
        for bad in ["q=%ff%fe", "q=caf%C3", "q=%C3%28", "limit=1&q=%80"] {
            assert!(!query_is_utf8(bad), "{bad}");
        }
    }
}
