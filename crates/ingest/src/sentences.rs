//! Paragraphs, boilerplate lines and sentence boundaries.
//!
//! Sentences never break inside a quotation, so a quote of several sentences stays in one
//! unit with its attribution; abbreviations ("Gen.", "Mr.", "U.S.") do not end sentences.

use crate::quotes::Quote;
use crate::rules;
use crate::text::{flag, Kind, Tokens};

/// Token ranges of the paragraphs (lines) of the text.
pub fn paragraphs(t: &Tokens) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..t.len() {
        if t.toks[i].para_break {
            out.push((start, i));
            start = i;
        }
    }
    if start < t.len() {
        out.push((start, t.len()));
    }
    out
}

/// Navigation, bylines and other lines that never carry claims.
pub fn is_boilerplate(t: &Tokens, a: usize, b: usize) -> bool {
    let line = t.span_text(a, b);
    if line.len() > 240 {
        // Navigation and bylines are short lines.
        return false;
    }
    if is_clip_listing(line) {
        return true;
    }
    // Lower-cased on the stack: this runs on every paragraph.
    let mut buf = [0u8; 1024];
    let Some((low, head)) = lower_into(line, &mut buf) else {
        let head: String = line.chars().take(48).flat_map(char::to_lowercase).collect();
        let low = line.to_lowercase();
        return is_boilerplate_lower(&low, &head);
    };
    is_boilerplate_lower(low, head)
}

/// "For Harbour Radio, I'm Ana Ruiz in Oster.", "I am Ana Ruiz, Harbour Radio News": a
/// reporter signing off names herself and says nothing of the story. A short sentence
/// with a first-person "I'm" or "I am" right before a name of two capitalised words.
pub fn is_sign_off(t: &Tokens, a: usize, b: usize) -> bool {
    const MOST_WORDS: usize = 16;
    if (a..b).filter(|&i| t.is_word(i)).count() > MOST_WORDS {
        return false;
    }
    (a..b).any(|i| {
        let name = match t.lo(i) {
            "i'm" | "i\u{2019}m" => i + 1,
            "i" if t.is(i + 1, "am") => i + 2,
            _ => return false,
        };
        name + 1 < b && t.is_cap(name) && t.is_cap(name + 1)
    })
}

/// A line ending in a clip's running time ("Crane falls in high winds (1:12)"): a list of
/// videos or audio clips beside the article, which titles clips and asserts nothing.
fn is_clip_listing(line: &str) -> bool {
    let Some(inner) = line
        .trim_end()
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('('))
        .map(|(_, inner)| inner)
    else {
        return false;
    };
    let mut parts = inner.split(':');
    let minutes = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit())
    };
    digits(minutes, 1..=2) && (1..=2).contains(&rest.len()) && rest.iter().all(|s| digits(s, 2..=2))
}

/// The boilerplate tables against a lower-cased line and its first 48 chars lower-cased.
fn is_boilerplate_lower(low: &str, head: &str) -> bool {
    rules::BOILERPLATE_PREFIXES.iter().any(|p| {
        // one byte compared before the whole prefix
        head.as_bytes().first() == p.as_bytes().first() && head.starts_with(p)
    }) || rules::BOILERPLATE_CONTAINS.iter().any(|p| low.contains(p))
}

/// `line` lower-cased char by char into `buf`, and the lower case of its first 48 chars;
/// `None` when it does not fit. (The tables are ASCII, so lower-casing a final sigma
/// without its context, unlike `str::to_lowercase`, changes no match.)
fn lower_into<'b>(line: &str, buf: &'b mut [u8]) -> Option<(&'b str, &'b str)> {
    if line.is_ascii() {
        let low = buf.get_mut(..line.len())?;
        low.copy_from_slice(line.as_bytes());
        low.make_ascii_lowercase();
        let low = std::str::from_utf8(low).ok()?;
        return Some((low, low.get(..low.len().min(48))?));
    }
    let mut n = 0;
    let mut head = None;
    for (k, c) in line.chars().enumerate() {
        if k == 48 {
            head = Some(n);
        }
        if c.is_ascii() {
            *buf.get_mut(n)? = c.to_ascii_lowercase() as u8;
            n += 1;
            continue;
        }
        for l in c.to_lowercase() {
            n += l.encode_utf8(buf.get_mut(n..n + 4)?).len();
        }
    }
    let low = std::str::from_utf8(buf.get(..n)?).ok()?;
    Some((low, low.get(..head.unwrap_or(n))?))
}

fn is_terminal(t: &Tokens, i: usize) -> bool {
    matches!(
        t.toks.get(i).map(|x| x.kind),
        Some(Kind::Punct('.' | '!' | '?' | '…'))
    )
}

/// Whether the period at `i` belongs to an abbreviation rather than ending a sentence.
fn is_abbreviation(t: &Tokens, i: usize, next: usize) -> bool {
    if !t.is_punct(i, '.') || i == 0 || t.toks[i].space_before || !t.is_word(i - 1) {
        return false;
    }
    let w = t.s(i - 1);
    if t.has(i - 1, flag::ABBREV) {
        return true;
    }
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return !letter_ends_sentence(t, i - 1, next);
    }
    if w.contains('.') {
        return !t.has(next, flag::STARTER);
    }
    false
}

/// Whether the period at `i` closes a middle initial inside a name ("Ruth K. Zwicker",
/// "J. K. Holt"): right after a capital letter, with a capitalised word after it that
/// does not open a new sentence. The word after it continues the name.
pub fn closes_initial(t: &Tokens, i: usize) -> bool {
    i > 0
        && t.is_punct(i, '.')
        && !t.toks[i].space_before
        && t.is_initial(i - 1)
        && t.is_cap(i + 1)
        && t.toks
            .get(i + 1)
            .is_some_and(|x| x.space_before && !x.para_break)
        && !letter_ends_sentence(t, i - 1, i + 1)
}

/// "posted on X. More crews came", "low in vitamin D. The study …": a capital letter
/// after a lower-case word, and a word that opens sentences after its period, is a name
/// that ends the sentence, not an initial ("Mara K. Holt", "by J. Holt"). After "on" it
/// is a platform ("wrote on X. Tremors were felt …"), whatever follows: people are
/// written "by", "from" or "with" an initial, not "on" one.
fn letter_ends_sentence(t: &Tokens, letter: usize, next: usize) -> bool {
    let lower_before =
        letter > 0 && t.is_word(letter - 1) && t.s(letter - 1).chars().all(char::is_lowercase);
    lower_before && (t.has(next, flag::STARTER | flag::FUNCTION) || t.is(letter - 1, "on"))
}

/// "the restrictions.Environmental groups …": a space lost after a period, between a
/// lower-case word and a capitalised one ("U.S.A", "e.g.The" and "voanews.com" stay).
fn glued_sentence(t: &Tokens, i: usize, j: usize) -> bool {
    let lower_before = i > 0
        && t.is_word(i - 1)
        && t.s(i - 1).chars().count() >= 3
        && t.s(i - 1).chars().all(char::is_lowercase);
    let mut next = t.s(j).chars();
    let capitalised = t.is_word(j)
        && next.next().is_some_and(char::is_uppercase)
        && t.s(j).chars().count() >= 3
        && next.all(char::is_lowercase);
    j == i + 1 && lower_before && capitalised
}

/// Splits the paragraph `[a, b)` into sentences; `quotes` are the paragraph's quotations.
pub fn split(t: &Tokens, a: usize, b: usize, quotes: &[Quote]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = a;
    let mut qi = 0;
    let mut i = a;
    while i < b {
        while qi < quotes.len() && quotes[qi].outer_end() <= i {
            qi += 1;
        }
        let inside = quotes.get(qi).is_some_and(|q| q.open < i && i < q.close);
        let closing_after_terminal = quotes
            .get(qi)
            .is_some_and(|q| q.closed && q.close == i && is_terminal(t, i.saturating_sub(1)));
        if (is_terminal(t, i) && !inside) || closing_after_terminal {
            let mut j = i + 1;
            while j < b
                && !t.toks[j].space_before
                && (is_terminal(t, j) || t.is_quote(j) || t.is_punct(j, ')'))
            {
                j += 1;
            }
            let next_opens = j >= b
                || (t.toks[j].space_before
                    && (t.is_cap(j) || t.is_quote(j) || t.toks[j].kind == Kind::Num))
                || glued_sentence(t, i, j);
            if next_opens && !is_abbreviation(t, i, j) {
                out.push((start, j));
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < b {
        out.push((start, b));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes;
    use crate::text::Lexicon;

    fn sents(text: &str) -> Vec<String> {
        let lex = Lexicon::new();
        let t = Tokens::new(text, &lex);
        let q = quotes::find(&t, 0, t.len());
        split(&t, 0, t.len(), &q)
            .iter()
            .map(|&(a, b)| t.span_text(a, b).to_string())
            .collect()
    }

    #[test]
    fn a_period_without_its_space_still_ends_a_sentence() {
        assert_eq!(
            sents("Crews cleared the roads.Farmers returned on Monday."),
            ["Crews cleared the roads.", "Farmers returned on Monday."]
        );
        // initials, short words and lower case after the period stay
        assert_eq!(
            sents("The U.S.A stayed out. Visit harbour.org for news."),
            ["The U.S.A stayed out.", "Visit harbour.org for news."]
        );
        assert_eq!(
            sents("He went to St.Ives today."),
            ["He went to St.Ives today."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Gen. Mara Holt met Mr. Dunn in the U.K. on Friday. The dam held."),
            [
                "Gen. Mara Holt met Mr. Dunn in the U.K. on Friday.",
                "The dam held."
            ]
        );
        // a capital letter after a lower-case word ends the sentence before a word that
        // opens sentences; after a name, or before a surname, it is an initial
        assert_eq!(
            sents("It was posted on X. More crews came. Most lacked vitamin D. The end."),
            [
                "It was posted on X.",
                "More crews came.",
                "Most lacked vitamin D.",
                "The end."
            ]
        );
        assert_eq!(
            sents("She wrote on X. Tremors were felt far away."),
            ["She wrote on X.", "Tremors were felt far away."]
        );
        assert_eq!(
            sents("A letter by J. Holt and Mara K. Dunn came. It held."),
            ["A letter by J. Holt and Mara K. Dunn came.", "It held."]
        );
        assert_eq!(
            sents("Aid came from the U.S. The town thanked them."),
            ["Aid came from the U.S.", "The town thanked them."]
        );
    }

    #[test]
    fn quotes_stay_whole() {
        assert_eq!(
            sents("“We lost power. We lost water,” the mayor said. Crews arrived."),
            [
                "“We lost power. We lost water,” the mayor said.",
                "Crews arrived."
            ]
        );
        assert_eq!(
            sents("He spoke. “It rained.” Then it stopped."),
            ["He spoke.", "“It rained.”", "Then it stopped."]
        );
    }

    #[test]
    fn paragraphs_and_boilerplate() {
        let lex = Lexicon::new();
        let t = Tokens::new(
            "Flood hits Varn\nAlso read: other news\n\nLeave a Reply",
            &lex,
        );
        let p = paragraphs(&t);
        assert_eq!(p.len(), 3);
        assert!(!is_boilerplate(&t, p[0].0, p[0].1));
        assert!(is_boilerplate(&t, p[1].0, p[1].1));
        assert!(is_boilerplate(&t, p[2].0, p[2].1));
    }

    #[test]
    fn boilerplate_reads_ascii_and_other_lines_alike() {
        let lex = Lexicon::new();
        let t = Tokens::new(
            "SUBSCRIBE to our letter\nPhotos: Ana Ruiz \u{2014} ALL Rights Reserved\n\
             Café owners said the Rights were Reserved\nÉditions Varn: all rights reserved\n\
             Ana said it was published\nCopyright \u{00A9} Varn Café",
            &lex,
        );
        let p = paragraphs(&t);
        let flags: Vec<bool> = p.iter().map(|&(a, b)| is_boilerplate(&t, a, b)).collect();
        assert_eq!(flags, [true, true, false, true, false, true]);
    }

    #[test]
    fn clip_listings_are_boilerplate() {
        let cases = [
            ("Crane falls over in high winds at Varn dock (1:12)", true),
            ("Varn mayor on the flood barrier (12:05)", true),
            ("Ferry strike: the full interview (1:02:40)", true),
            // negatives: a ratio or a note in brackets, a time inside the line
            (
                "The council voted 3:2 for the barrier (a narrow result).",
                false,
            ),
            ("The ferry left at (9:15) and reached Varn by noon.", false),
            ("Varn won the final (3:2 on penalties)", false),
        ];
        let lex = Lexicon::new();
        for (line, want) in cases {
            let t = Tokens::new(line, &lex);
            assert_eq!(is_boilerplate(&t, 0, t.len()), want, "{line}");
        }
    }

    #[test]
    fn a_reporter_naming_herself_signs_off() {
        let lex = Lexicon::new();
        for (text, want) in [
            ("For Harbour Radio, I'm Ana Ruiz in Oster.", true),
            ("I\u{2019}m Ana Ruiz, Harbour Radio News, Oster.", true),
            ("I am Ana Ruiz reporting from the quay.", true),
            // a first person saying something, or naming no one
            ("I'm sure the ferry will sail on Monday.", false),
            ("I am from Oster and I fish every day.", false),
            ("Ana Ruiz said the ferry would sail.", false),
        ] {
            let t = Tokens::new(text, &lex);
            assert_eq!(is_sign_off(&t, 0, t.len()), want, "{text}");
        }
    }
}
