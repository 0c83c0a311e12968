//! Article files on disk: `.txt` (first line the headline, optionally a `source:`/`url:`/
//! `date:`/`title:` header, see [`from_txt`]), `.json` (one article object) and `.ndjson`
//! (one object per line).

use std::path::{Path, PathBuf};

use claimgraph_model::{Claim, Extraction, Mention};
use claimgraph_store::{ArticleText, NewArticle};
use serde::Deserialize;
use serde_json::{json, Value};

/// One article read from disk, or why it could not be.
pub struct FileArticle {
    /// `path` or `path:line`, for reporting.
    pub origin: String,
    pub article: Result<NewArticle, String>,
}

/// The article object of `.json` and `.ndjson` files (the same shape the API accepts).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleObject {
    text: String,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published_at: Option<String>,
}

const EXTENSIONS: [&str; 3] = ["txt", "json", "ndjson"];

/// Every article file under `paths`, folders walked recursively, in a stable order.
/// Paths that cannot be used are returned as rejections.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileArticle>) {
    let mut files = Vec::new();
    let mut rejected = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut rejected);
        } else if path.is_file() {
            if has_article_extension(path) {
                files.push(path.clone());
            } else {
                rejected.push(reject(
                    path.display().to_string(),
                    "not a .txt, .json or .ndjson file",
                ));
            }
        } else {
            rejected.push(reject(path.display().to_string(), "no such file or folder"));
        }
    }
    (files, rejected)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, rejected: &mut Vec<FileArticle>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            rejected.push(reject(
                dir.display().to_string(),
                &format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, rejected);
        } else if has_article_extension(&p) {
            files.push(p);
        }
    }
}

fn has_article_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn reject(origin: String, reason: &str) -> FileArticle {
    FileArticle {
        origin,
        article: Err(reason.to_string()),
    }
}

/// The articles of one file. Never fails as a whole: unreadable files and bad lines come
/// back as rejections with their reason, good lines of the same file still count.
/// A `.txt` or `.json` file over `max_bytes` is rejected unread; so is an `.ndjson` line.
pub fn read_file(path: &Path, max_bytes: usize) -> Vec<FileArticle> {
    let origin = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext != "ndjson" {
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.len() > max_bytes as u64 {
                return vec![reject(origin, &too_big(meta.len(), max_bytes))];
            }
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![reject(origin, &format!("cannot read: {e}"))],
    };
    if ext == "ndjson" {
        return ndjson(&origin, &bytes, max_bytes);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return vec![reject(origin, &not_utf8(&e.utf8_error()))],
    };
    let article = if ext == "json" {
        from_json(&text)
    } else {
        from_txt(text)
    };
    vec![FileArticle { origin, article }]
}

/// How many articles `files` hold, for the progress bar: one per `.txt` or `.json` file, one
/// per non-blank `.ndjson` line (read as bytes, not parsed).
pub fn count_articles(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .map(|path| {
            let ndjson = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ndjson"));
            if !ndjson {
                return 1;
            }
            std::fs::read(path).map_or(1, |bytes| {
                bytes
                    .split(|&b| b == b'\n')
                    .filter(|line| !line.trim_ascii().is_empty())
                    .count() as u64
            })
        })
        .sum()
}

/// One article per line; each line stands alone, so a bad line (not JSON, not UTF-8, too
/// big) is reported by its number and the others still count.
fn ndjson(origin: &str, bytes: &[u8], max_bytes: usize) -> Vec<FileArticle> {
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .map(|(i, line)| FileArticle {
            origin: format!("{origin}:{}", i + 1),
            article: if line.len() > max_bytes {
                Err(too_big(line.len() as u64, max_bytes))
            } else {
                std::str::from_utf8(line)
                    .map_err(|e| not_utf8(&e))
                    .and_then(from_json)
            },
        })
        .collect()
}

fn too_big(n: u64, max_bytes: usize) -> String {
    format!("{n} bytes, over the limit of {max_bytes} (--max-article-bytes)")
}

fn not_utf8(e: &std::str::Utf8Error) -> String {
    format!("not UTF-8 text (bad byte at {})", e.valid_up_to())
}

fn from_json(s: &str) -> Result<NewArticle, String> {
    let o: ArticleObject = serde_json::from_str(s).map_err(|e| format!("bad article JSON: {e}"))?;
    article(o.text, o.title, o.source, o.url, o.published_at)
}

/// A `.txt` article. It may open with a header of `key: value` lines (keys in any case
/// and order: `title`, `source` or `outlet`, `url`, `date` or `published`; `licence`,
/// `license`, `copyright`, `author`, `byline` and `language` are read past and not
/// kept, so that they never become the article's first sentence), either at the
/// very top or under a first line that is the headline; the header ends at the first blank
/// line or the first line that is no header field. Without a header the whole file is the
/// text and its first line the headline. A byte order mark and CRLF line ends are fine.
fn from_txt(text: String) -> Result<NewArticle, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let lines = lines_with_offsets(text);
    let is_field = |i: usize| lines.get(i).is_some_and(|(_, l)| header_field(l).is_some());
    // a headline above the header, or the header from the first line
    let first = usize::from(!is_field(0) && is_field(1));
    let mut header = Header::default();
    let mut end = first;
    while let Some((field, value)) = lines.get(end).and_then(|(_, l)| header_field(l)) {
        header.set(field, value);
        end += 1;
    }
    if end == first {
        return article(text.to_string(), None, None, None, None);
    }
    let headline = (first == 1)
        .then(|| lines[0].1.trim().to_string())
        .filter(|h| !h.is_empty());
    // the text starts at the first line with something on it after the header
    let body_start = lines[end..]
        .iter()
        .find(|(_, l)| !l.trim().is_empty())
        .map_or(text.len(), |(at, _)| *at);
    article(
        text[body_start..].to_string(),
        header.title.or(headline),
        header.source,
        header.url,
        header.date,
    )
}

/// What a `.txt` header says; a value left empty or `unknown` says nothing.
#[derive(Default)]
struct Header {
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

/// The fields a `.txt` header may set.
#[derive(Clone, Copy)]
enum Field {
    Title,
    Source,
    Url,
    Date,
    /// Metadata the store has no column for.
    Unkept,
}

impl Header {
    fn set(&mut self, field: Field, value: &str) {
        if value.is_empty() || value.eq_ignore_ascii_case("unknown") {
            return;
        }
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Source => &mut self.source,
            Field::Url => &mut self.url,
            Field::Date => &mut self.date,
            Field::Unkept => return,
        };
        *slot = Some(value.to_string());
    }
}

/// A header line's field and trimmed value; `None` for any other line.
fn header_field(line: &str) -> Option<(Field, &str)> {
    let (key, value) = line.split_once(':')?;
    let field = match key.trim().to_ascii_lowercase().as_str() {
        "title" | "headline" => Field::Title,
        "source" | "outlet" => Field::Source,
        "url" => Field::Url,
        "date" | "published" | "published_at" => Field::Date,
        "licence" | "license" | "copyright" | "author" | "byline" | "language" => Field::Unkept,
        _ => return None,
    };
    Some((field, value.trim()))
}

/// Each line of `text` with the byte offset it starts at, without its `\n` or `\r\n`.
fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|raw| {
            let start = at;
            at += raw.len();
            (start, raw.trim_end_matches(['\n', '\r']))
        })
        .collect()
}

fn article(
    text: String,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published_at: Option<String>,
) -> Result<NewArticle, String> {
    Ok(NewArticle {
        text: ArticleText::parse(text).map_err(|e| e.to_string())?,
        title,
        source,
        url,
        published_at,
    })
}

/// What `claimgraph extract` prints: the claims with offsets in code points, like the API.
pub fn extraction_json(text: &str, title: Option<&str>, ex: &Extraction) -> Value {
    let chars = |byte: usize| text.get(..byte).map_or(0, |p| p.chars().count());
    let mention = |m: &Mention| {
        json!({"name": m.name, "type": m.kind.as_str(), "text": m.span.slice(text),
               "start": chars(m.span.start), "end": chars(m.span.end)})
    };
    let claim = |c: &Claim| {
        json!({
            "kind": c.kind.as_str(),
            "text": c.span.slice(text),
            "start": chars(c.span.start),
            "end": chars(c.span.end),
            "speaker": c.speaker.as_ref().map(mention),
            "via": c.via.as_ref().map(mention),
            "cue": c.cue,
            "places": c.places.iter().map(mention).collect::<Vec<_>>(),
            "numbers": c.numbers.iter().map(|n| json!({
                "value": n.value, "unit": n.unit, "qualifier": n.qualifier,
                "text": n.span.slice(text),
            })).collect::<Vec<_>>(),
        })
    };
    json!({
        "title": title,
        "claims": ex.claims.iter().map(claim).collect::<Vec<_>>(),
        "mentions": ex.mentions.iter().map(mention).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// title, source, url, date and text of the article a `.txt` file holds.
    type Fields<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        &'a str,
    );

    #[test]
    fn txt_headers_are_read_wherever_they_are_written() {
        let cases: Vec<(&str, Fields)> = vec![
            (
                "Dam holds\nsource: Valley Post\nurl: https://example.org/a\ndate: 2024-05-01\n\nThe dam held overnight.\nMore.",
                (Some("Dam holds"), Some("Valley Post"), Some("https://example.org/a"), Some("2024-05-01"), "The dam held overnight.\nMore."),
            ),
            (
                "Dam holds\nDate: 2024-05-01\nOUTLET: Valley Post\n\nThe dam held.",
                (Some("Dam holds"), Some("Valley Post"), None, Some("2024-05-01"), "The dam held."),
            ),
            (
                "source: Valley Post\nPublished: 2024-05-01\n\nDam holds\nThe dam held.",
                (None, Some("Valley Post"), None, Some("2024-05-01"), "Dam holds\nThe dam held."),
            ),
            (
                "Title: Dam holds\nSource : Valley Post\nThe dam held.",
                (Some("Dam holds"), Some("Valley Post"), None, None, "The dam held."),
            ),
            (
                "\u{feff}Dam holds\r\nsource: Valley Post\r\nurl: https://example.org/a\r\n\r\nThe dam held.\r\n",
                (Some("Dam holds"), Some("Valley Post"), Some("https://example.org/a"), None, "The dam held.\r\n"),
            ),
            (
                "\u{feff}source: Valley Post\r\n\r\n\r\nDam holds\r\nThe dam held.",
                (None, Some("Valley Post"), None, None, "Dam holds\r\nThe dam held."),
            ),
            (
                "Dam holds\nsource: unknown\nurl:\n\nThe dam held.",
                (Some("Dam holds"), None, None, None, "The dam held."),
            ),
            // metadata without a column is read past, never left as the first sentence
            (
                "Dam holds\nsource: Valley Post\nLicence: CC BY 4.0\nAuthor: A. Ruiz\n\nThe dam held.",
                (Some("Dam holds"), Some("Valley Post"), None, None, "The dam held."),
            ),
        ];
        for (raw, (title, source, url, date, text)) in cases {
            let a = from_txt(raw.to_string()).expect("valid article");
            assert_eq!(a.title.as_deref(), title, "{raw:?}");
            assert_eq!(a.source.as_deref(), source, "{raw:?}");
            assert_eq!(a.url.as_deref(), url, "{raw:?}");
            assert_eq!(a.published_at.as_deref(), date, "{raw:?}");
            assert_eq!(a.text.as_str(), text, "{raw:?}");
        }
    }

    #[test]
    fn txt_without_a_header_keeps_everything() {
        for raw in [
            "Headline\nBody.",
            "Update: floods recede\nThe river fell.",
            "Headline\nBody that says source: nobody.\nurl: later",
            "Headline\n\nsource: Valley Post\n\nBody.",
        ] {
            let a = from_txt(raw.to_string()).expect("valid article");
            assert_eq!((a.title, a.source), (None, None), "{raw:?}");
            assert_eq!(a.text.as_str(), raw);
        }
    }

    #[test]
    fn a_header_without_text_is_blank() {
        assert!(from_txt("Dam holds\nsource: Valley Post\n\n".to_string()).is_err());
    }

    #[test]
    fn bad_json_is_a_reason_not_a_crash() {
        assert!(from_json("{\"text\": 5}").is_err());
        assert!(from_json("{\"text\": \"ok\", \"colour\": 1}").is_err());
        assert!(from_json("{\"text\": \"   \"}").is_err());
        assert!(from_json("{\"text\": \"ok\"}").is_ok());
    }
}
