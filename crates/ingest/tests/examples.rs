//! Data-driven extraction examples: every file in `tests/examples/` holds a few input
//! sentences, a separator line `-- expected --`, and the claims the extractor finds, one
//! line per claim (see [`render`]) or `(no claims)`. Lines starting with `#` above the
//! input are notes about the example; a first line `# known wrong: <why>` marks an
//! example whose expected part records what the extractor does today, not what it should.
//!
//! To accept the extractor's current output, run with `UPDATE_EXPECT=1`:
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test -p claimgraph-ingest --test examples
//! ```
//!
//! which rewrites the expected part of every file; then read the diff before committing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimgraph_ingest::{Claim, ExtractOptions, Extractor, Figure, Mention, Qualifier, Quantity};

/// The line that separates an example's input from its expected claims.
const SEPARATOR: &str = "-- expected --";

/// One example file, split into its parts.
struct Example {
    /// The `#` lines above the input, kept as written.
    notes: Vec<String>,
    /// The text handed to the extractor.
    input: String,
    /// The expected part, as written (no trailing newline).
    expected: String,
}

fn parse(path: &Path, content: &str) -> Example {
    let (head, expected) = content
        .split_once(&format!("\n{SEPARATOR}\n"))
        .or_else(|| {
            content
                .strip_suffix(&format!("\n{SEPARATOR}"))
                .map(|h| (h, ""))
        })
        .unwrap_or_else(|| panic!("{}: no `{SEPARATOR}` line", path.display()));
    let mut notes = Vec::new();
    let mut lines = head.lines().peekable();
    while let Some(line) = lines.next_if(|l| l.starts_with('#')) {
        notes.push(line.to_string());
    }
    let input = lines.collect::<Vec<_>>().join("\n");
    assert!(!input.trim().is_empty(), "{}: no input", path.display());
    Example {
        notes,
        input,
        expected: expected.trim_end().to_string(),
    }
}

/// A mention as its resolved name, with its kind and roles when it has any:
/// `Ada Kell (person; mayor)`.
fn mention(m: &Mention) -> String {
    let mut s = format!("{} ({}", m.name, m.kind.as_str());
    for role in &m.roles {
        let _ = write!(s, "; {role}");
    }
    s.push(')');
    s
}

/// A quantity as its qualifier (unless exact), value and unit: `at_least 17 person`. A
/// counted noun shows what befell what it counts when the claim's gist reads it
/// (`person/killed`): the figure in the gist's list at the quantity's place.
fn quantity(q: &Quantity, figure: Option<&Figure>) -> String {
    let fate = format!("{}/", q.unit);
    let unit = match figure {
        Some(f) if f.unit.starts_with(&fate) => f.unit.as_str(),
        _ => q.unit.as_str(),
    };
    let value = format!("{} {unit}", q.value);
    match q.qualifier {
        Qualifier::Exact => value.trim_end().to_string(),
        other => format!("{} {}", other.as_str(), value.trim_end()),
    }
}

fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

/// One claim on one line: kind, speaker, via, places, numbers, then the claim's words.
fn render(text: &str, c: &Claim) -> String {
    format!(
        "{} | speaker: {} | via: {} | places: {} | numbers: {} | {:?}",
        c.kind.as_str(),
        list(c.speaker.iter().map(mention)),
        list(c.via.iter().map(mention)),
        list(c.places.iter().map(|p| p.name.clone())),
        list(
            c.numbers
                .iter()
                .enumerate()
                .map(|(i, q)| quantity(q, c.gist.figures.get(i))),
        ),
        c.span.slice(text).unwrap_or("<bad span>"),
    )
}

fn actual(ex: &Extractor, input: &str) -> String {
    let out = ex.extract(
        input,
        &ExtractOptions {
            headline_is_first_line: false,
        },
    );
    if out.claims.is_empty() {
        return "(no claims)".to_string();
    }
    let lines: Vec<String> = out.claims.iter().map(|c| render(input, c)).collect();
    lines.join("\n")
}

fn example_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn extraction_examples() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1");
    let files = example_files();
    assert!(files.len() >= 15, "only {} example files", files.len());
    let ex = Extractor::new();
    let mut failures = String::new();
    for path in &files {
        let content =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let example = parse(path, &content);
        let got = actual(&ex, &example.input);
        if got == example.expected {
            continue;
        }
        if update {
            let mut out = String::new();
            for note in &example.notes {
                out.push_str(note);
                out.push('\n');
            }
            let _ = write!(out, "{}\n{SEPARATOR}\n{got}\n", example.input.trim_end());
            std::fs::write(path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            eprintln!("updated {}", path.display());
        } else {
            let _ = write!(
                failures,
                "\n{}:\n--- expected\n{}\n+++ actual\n{got}\n",
                path.display(),
                example.expected
            );
        }
    }
    assert!(
        failures.is_empty(),
        "extraction differs from the expected part of these examples \
         (if the new output is right, rerun with UPDATE_EXPECT=1 to rewrite them):\n{failures}"
    );
}
