//! Article files on disk: `.txt` (first line the headline, optionally a `source:`/`url:`/
//! `date:` header), `.json` (one article object) and `.ndjson` (one object per line).

use std::path::{Path, PathBuf};

use claimgraph_extract::{Claim, Extraction, Mention};
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

/// A `.txt` article. With a header (headline, then `source:` and `url:` lines, optional
/// `date:`, then a blank line) the fields are taken from it; otherwise the first line of
/// the text is the headline.
fn from_txt(text: String) -> Result<NewArticle, String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let has_header =
        lines.len() > 4 && lines[1].starts_with("source: ") && lines[2].starts_with("url: ");
    if !has_header {
        return article(text, None, None, None, None);
    }
    let title = Some(lines[0].trim().to_string());
    let (mut source, mut url, mut date) = (None, None, None);
    let mut i = 1;
    while i < lines.len() && !lines[i].trim().is_empty() {
        if let Some((key, value)) = lines[i].split_once(": ") {
            let value = value.trim();
            if !value.is_empty() && value != "unknown" {
                match key {
                    "source" => source = Some(value.to_string()),
                    "url" => url = Some(value.to_string()),
                    "date" => date = Some(value.to_string()),
                    _ => {}
                }
            }
        }
        i += 1;
    }
    let body = lines
        .get(i + 1..)
        .map(|rest| rest.join("\n"))
        .unwrap_or_default();
    article(body, title, source, url, date)
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

    #[test]
    fn txt_header_fields_are_read() {
        let raw = "Dam holds\nsource: Valley Post\nurl: https://example.org/a\ndate: 2024-05-01\n\nThe dam held overnight.\nMore.";
        let a = from_txt(raw.to_string()).expect("valid article");
        assert_eq!(a.title.as_deref(), Some("Dam holds"));
        assert_eq!(a.source.as_deref(), Some("Valley Post"));
        assert_eq!(a.published_at.as_deref(), Some("2024-05-01"));
        assert_eq!(a.text.as_str(), "The dam held overnight.\nMore.");
    }

    #[test]
    fn plain_txt_keeps_everything() {
        let a = from_txt("Headline\nBody.".to_string()).expect("valid article");
        assert_eq!(a.title, None);
        assert_eq!(a.text.as_str(), "Headline\nBody.");
    }

    #[test]
    fn bad_json_is_a_reason_not_a_crash() {
        assert!(from_json("{\"text\": 5}").is_err());
        assert!(from_json("{\"text\": \"ok\", \"colour\": 1}").is_err());
        assert!(from_json("{\"text\": \"   \"}").is_err());
        assert!(from_json("{\"text\": \"ok\"}").is_ok());
    }
}
