//! A looked-up query ([`Expr`]) written as an FTS5 expression.
//!
//! Every phrase is quoted and every group parenthesised with explicit operators, so FTS5
//! reads exactly the tree it is given: nothing the user typed is FTS5 syntax any more.

/// A query ready for FTS5: prefixes and names already replaced by the words they stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    All(Vec<Expr>),
    /// Any part may match; with no part, nothing matches (a prefix no word starts with).
    Any(Vec<Expr>),
    Without(Box<Expr>, Box<Expr>),
    /// Phrases within `distance` words of each other (FTS5's default with `None`).
    Near(Vec<Vec<String>>, Option<u32>),
    /// Words in this order, side by side; FTS5 stems each.
    Phrase(Vec<String>),
}

/// The FTS5 expression of `expr`.
pub fn render(expr: &Expr) -> String {
    let mut out = String::new();
    write(expr, &mut out);
    out
}

fn write(expr: &Expr, out: &mut String) {
    match expr {
        Expr::Phrase(words) => quoted(words, out),
        // FTS5 matches no row with the empty phrase
        Expr::Any(parts) if parts.is_empty() => out.push_str("\"\""),
        Expr::All(parts) | Expr::Any(parts) if parts.len() == 1 => write(&parts[0], out),
        Expr::All(parts) => joined(parts, " AND ", out),
        Expr::Any(parts) => joined(parts, " OR ", out),
        Expr::Without(keep, drop) => {
            out.push('(');
            write(keep, out);
            out.push_str(" NOT ");
            write(drop, out);
            out.push(')');
        }
        Expr::Near(phrases, distance) => {
            out.push_str("NEAR(");
            for (i, words) in phrases.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                quoted(words, out);
            }
            if let Some(d) = distance {
                out.push_str(&format!(", {d}"));
            }
            out.push(')');
        }
    }
}

fn joined(parts: &[Expr], op: &str, out: &mut String) {
    out.push('(');
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(op);
        }
        write(part, out);
    }
    out.push(')');
}

/// A phrase as an FTS5 string: in double quotes, a quote inside doubled.
fn quoted(words: &[String], out: &mut String) {
    out.push('"');
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&w.replace('"', "\"\""));
    }
    out.push('"');
}
