//! One pass over the text into tokens with byte offsets and word-class flags.
//!
//! Everything downstream works on token indices, so no stage re-scans the raw text and
//! every span it builds starts and ends on a char boundary by construction.

pub use crate::hash::word_hash;
pub use crate::lexicon::{flag, Lexicon};
pub(crate) use crate::lexicon::{spells_acronym, strip_possessive};
pub use claimgraph_gazetteer::{FnvMap, FnvSet};

/// Which quotation mark a quote token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// “
    LeftDouble,
    /// ”
    RightDouble,
    /// "
    StraightDouble,
    /// ‘
    LeftSingle,
    /// ’
    RightSingle,
    /// '
    StraightSingle,
    /// «
    LeftGuillemet,
    /// »
    RightGuillemet,
    /// „
    LowDouble,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Quote(Mark),
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace stands right before the token.
    pub space_before: bool,
    /// A line break stands before the token (it opens a paragraph).
    pub para_break: bool,
    pub flags: u32,
    /// First char is upper case.
    pub cap: bool,
    /// Range of the lower-cased form in `Tokens::lower`.
    lo: (u32, u32),
}

/// The tokens of one text with their lower-cased forms.
pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// The article writes decimals with a comma ("1,5 km", "2.000.000"): European style,
    /// so "2.000" is two thousand.
    pub decimal_comma: bool,
    lower: String,
    pub lex: &'a Lexicon,
}

/// "1,5", "12,75" (a decimal comma) or "2.000.000" (dotted thousands).
fn european_digits(s: &str) -> bool {
    let comma_decimal = s.split_once(',').is_some_and(|(int, frac)| {
        !int.is_empty()
            && !int.contains('.')
            && (1..=2).contains(&frac.len())
            && frac.chars().all(|c| c.is_ascii_digit())
    });
    let dotted: Vec<&str> = s.split('.').collect();
    let dotted_thousands =
        dotted.len() >= 3 && dotted[0].len() <= 3 && dotted[1..].iter().all(|g| g.len() == 3);
    comma_decimal || dotted_thousands
}

fn quote_mark(c: char) -> Option<Mark> {
    Some(match c {
        '\u{201C}' => Mark::LeftDouble,
        '\u{201D}' => Mark::RightDouble,
        '"' => Mark::StraightDouble,
        '\u{2018}' => Mark::LeftSingle,
        '\u{2019}' => Mark::RightSingle,
        '\'' => Mark::StraightSingle,
        '\u{00AB}' => Mark::LeftGuillemet,
        '\u{00BB}' => Mark::RightGuillemet,
        '\u{201E}' => Mark::LowDouble,
        _ => return None,
    })
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || c == '²' || c == '³'
}

/// Byte offset inside `word` where an upper-case run of two or more letters is glued to a
/// capitalised word of three or more lower-case letters.
fn glue_point(word: &str) -> Option<usize> {
    // It takes three upper-case letters; most words have at most one.
    if word.is_ascii() && word.bytes().filter(u8::is_ascii_uppercase).count() < 3 {
        return None;
    }
    let mut caps = 0;
    let mut iter = word.char_indices().peekable();
    while let Some((k, c)) = iter.next() {
        if c.is_uppercase() {
            if caps >= 2 {
                let rest = &word[k + c.len_utf8()..];
                if rest.chars().take(3).filter(|x| x.is_lowercase()).count() == 3 {
                    return Some(k);
                }
            }
            caps += 1;
        } else {
            caps = 0;
        }
        let _ = iter.peek();
    }
    None
}

/// The characters of a text still to read, with their byte offsets.
type Chars<'t> = std::iter::Peekable<std::str::CharIndices<'t>>;

/// Line and paragraph separators: the token after one opens a paragraph.
fn is_line_break(c: char) -> bool {
    c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}'
}

/// Blanks between tokens, counting zero-width spaces and byte-order marks.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// Reads the token that starts with `c` at byte `i`: its end and its kind.
fn scan_token(text: &str, i: usize, c: char, chars: &mut Chars) -> (usize, Kind) {
    if is_letter(c) {
        (word_end(text, i, c, chars), Kind::Word)
    } else if c.is_ascii_digit() {
        (number_end(text, i, chars), Kind::Num)
    } else if let Some(m) = quote_mark(c) {
        (i + c.len_utf8(), Kind::Quote(m))
    } else {
        (i + c.len_utf8(), Kind::Punct(c))
    }
}

/// End of the word whose first letter `c` is at byte `i`: its letters, and the
/// apostrophes, hyphens and dots that join them ([`joins_word`]).
fn word_end(text: &str, i: usize, c: char, chars: &mut Chars) -> usize {
    let mut end = i + c.len_utf8();
    while let Some(&(j, d)) = chars.peek() {
        if !(is_letter(d) || joins_word(text, i, j, d)) {
            break;
        }
        chars.next();
        end = j + d.len_utf8();
    }
    if let Some(&(j, d)) = chars.peek() {
        if plural_possessive(text, i, j, d) {
            chars.next();
            end = j + d.len_utf8();
        }
    }
    end
}

/// "the Fruit Growers' Union": an apostrophe after a capitalised word in "s" and before a
/// capitalised word is the possessive of a name, not a closing quotation mark (which
/// follows a comma or a full stop in running text: "'… growers,' he said").
fn plural_possessive(text: &str, i: usize, j: usize, d: char) -> bool {
    let word = &text[i..j];
    let mut after = text[j + d.len_utf8()..].chars();
    (d == '\'' || d == '’')
        && word.starts_with(char::is_uppercase)
        && word.ends_with('s')
        && after.next() == Some(' ')
        && after.next().is_some_and(char::is_uppercase)
}

/// Whether the apostrophe, hyphen or dot `d` at byte `j` stays inside the word begun at
/// byte `i`: apostrophes and hyphens inside a word ("don't", "well-known"), dots inside "U.S".
fn joins_word(text: &str, i: usize, j: usize, d: char) -> bool {
    if !(d == '\'' || d == '’' || d == '-' || d == '.') {
        return false;
    }
    let after = text.get(j + d.len_utf8()..).and_then(|s| s.chars().next());
    match (d, after) {
        ('.', Some(a)) => {
            a.is_uppercase()
                && text[i..j].chars().last().is_some_and(|p| p.is_uppercase())
                && text[i..j].chars().rev().nth(1).is_none_or(|p| p == '.')
        }
        (_, Some(a)) => a.is_alphabetic() || (d == '-' && a.is_ascii_digit()),
        _ => false,
    }
}

/// End of the number whose first digit is at byte `i`: its digits, and the commas and
/// dots between two digits ("40,000", "6.8").
fn number_end(text: &str, i: usize, chars: &mut Chars) -> usize {
    let mut end = i + 1;
    while let Some(&(j, d)) = chars.peek() {
        let separator = (d == ',' || d == '.')
            && text
                .get(j + 1..)
                .and_then(|s| s.chars().next())
                .is_some_and(|a| a.is_ascii_digit());
        if !(d.is_ascii_digit() || separator) {
            break;
        }
        chars.next();
        end = j + 1;
    }
    end
}

/// The pieces of the token at `i..end` as (start, end, first): scraped text glues words,
/// so "BBCFlood" is "BBC" + "Flood". An empty second piece stands for none.
fn pieces(text: &str, i: usize, end: usize, kind: Kind) -> [(usize, usize, bool); 2] {
    let split = if kind == Kind::Word {
        glue_point(&text[i..end])
    } else {
        None
    };
    match split {
        Some(k) => [(i, i + k, true), (i + k, end, false)],
        None => [(i, end, true), (end, end, false)],
    }
}

/// Appends a word's lower-case form to `lower`; returns its range there and the word's
/// class flags. Other kinds of token get an empty range and no flags.
fn lower_and_flags(lower: &mut String, lex: &Lexicon, word: &str, kind: Kind) -> ((u32, u32), u32) {
    let lo_start = lower.len() as u32;
    let mut flags = 0;
    if kind == Kind::Word {
        if word.is_ascii() {
            lower.push_str(word);
            if let Some(tail) = lower.get_mut(lo_start as usize..) {
                tail.make_ascii_lowercase();
            }
        } else {
            for ch in word.chars() {
                lower.extend(ch.to_lowercase());
            }
        }
        // No table word is longer than this; skip the probe for long words.
        if lower.len() - lo_start as usize <= 24 {
            flags = lex.flags(word, &lower[lo_start as usize..]);
        }
    }
    ((lo_start, lower.len() as u32), flags)
}

/// Whether a number token writes decimals the European way ([`Tokens::decimal_comma`]).
fn has_decimal_comma(text: &str, toks: &[Tok]) -> bool {
    toks.iter()
        .any(|x| x.kind == Kind::Num && european_digits(&text[x.start..x.end]))
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, lex: &'a Lexicon) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        let mut lower = String::with_capacity(text.len() + 16);
        let mut chars = text.char_indices().peekable();
        let mut space = true;
        let mut para = true;
        while let Some((i, c)) = chars.next() {
            if is_line_break(c) {
                space = true;
                para = true;
                continue;
            }
            if is_blank(c) {
                space = true;
                continue;
            }
            let (end, kind) = scan_token(text, i, c, &mut chars);
            for (s0, e0, first) in pieces(text, i, end, kind) {
                if s0 >= e0 {
                    continue;
                }
                let word = &text[s0..e0];
                let (lo, flags) = lower_and_flags(&mut lower, lex, word, kind);
                toks.push(Tok {
                    start: s0,
                    end: e0,
                    kind,
                    space_before: space && first,
                    para_break: para && first,
                    flags,
                    cap: word.chars().next().is_some_and(char::is_uppercase),
                    lo,
                });
            }
            space = false;
            para = false;
        }
        acronyms_are_names(text, &mut toks);
        cues_before_that(&lower, lex, &mut toks);
        let decimal_comma = has_decimal_comma(text, &toks);
        Tokens {
            text,
            toks,
            decimal_comma,
            lower,
            lex,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token's text as written ("" when out of range).
    pub fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The token's lower-case form ("" for non-words and out of range).
    pub fn lo(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.lo.0 as usize..t.lo.1 as usize))
            .unwrap_or("")
    }

    pub fn has(&self, i: usize, f: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & f != 0)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// A word or a number.
    pub fn is_wordlike(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Num))
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.cap)
    }

    /// A word the tokenizer closed with the hyphen before digits ("COVID-" of "COVID-19",
    /// "Kanal-" of "Kanal-5"): the digits after it belong to the same code or name.
    pub fn is_hyphen_closed(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).ends_with('-')
    }

    /// A word of two or more capitals ("WHO", "US"): an acronym, not the word it spells.
    pub fn is_acronym(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && spells_acronym(&self.text[t.start..t.end]))
    }

    /// A single capital letter: an initial ("K" of "Ana K. Ruiz", "Y" of "N.Y.").
    pub fn is_initial(&self, i: usize) -> bool {
        self.s(i).chars().count() == 1 && self.is_cap(i)
    }

    /// One or two capital letters with a number glued after them ("L2", "G7", "F1"): a
    /// code, no name.
    pub fn is_glued_code(&self, i: usize) -> bool {
        let letters = self.s(i).chars().count();
        (1..=2).contains(&letters)
            && self.s(i).chars().all(char::is_uppercase)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|x| x.kind == Kind::Num && !x.space_before)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Quote(_)))
    }

    pub fn is(&self, i: usize, lower: &str) -> bool {
        self.lo(i) == lower
    }

    /// A word with the possessive ending ("Lisbon’s", "Lisbon's").
    pub fn is_possessive(&self, i: usize) -> bool {
        strip_possessive(self.s(i)).is_some()
    }

    /// Byte offset where token `i` starts (text end past the last token).
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// Byte offset where token `i` ends.
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// Text from the start of token `a` to the end of token `b - 1`.
    pub fn span_text(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        self.text.get(self.start(a)..self.end(b - 1)).unwrap_or("")
    }
}

/// "The board recommended that …", "she testifies that …": a verb of saying that takes a
/// "that" clause is a cue where "that" follows it (a word the tables read otherwise keeps
/// its reading: "called that a mistake" names a judgement).
fn cues_before_that(lower: &str, lex: &Lexicon, toks: &mut [Tok]) {
    let lo = |t: &Tok| lower.get(t.lo.0 as usize..t.lo.1 as usize).unwrap_or("");
    let read = flag::CUE | flag::QUOTE_ONLY | flag::PERCEPTION;
    for i in 1..toks.len() {
        let cue = &toks[i - 1];
        if lo(&toks[i]) == "that" && cue.flags & read == 0 && lex.is_that_cue(lo(cue)) {
            toks[i - 1].flags |= flag::CUE;
        }
    }
}

/// "the WHO said", "aid from the US": a word in capitals amid lower-case text is an
/// acronym, a name, whatever common word it spells; in a line all in capitals it is not.
fn acronyms_are_names(text: &str, toks: &mut [Tok]) {
    let upper = |t: &Tok| t.kind == Kind::Word && spells_acronym(&text[t.start..t.end]);
    let common = flag::NOT_NAME | flag::FUNCTION | flag::PRONOUN | flag::COMMON_VERB;
    for k in 0..toks.len() {
        if toks[k].flags & common == 0 || !upper(&toks[k]) {
            continue;
        }
        let shouting = |j: Option<usize>| j.and_then(|j| toks.get(j)).is_some_and(upper);
        if !shouting(k.checked_sub(1)) && !shouting(Some(k + 1)) {
            toks[k].flags &= !common;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let lex = Lexicon::new();
        let t = Tokens::new(text, &lex);
        (0..t.len()).map(|i| t.s(i).to_string()).collect()
    }

    #[test]
    fn an_acronyms_possessive_keeps_its_head_word() {
        let lex = Lexicon::new();
        let t = Tokens::new(
            "the WHO's tally, but who's counting, and the NHS's list",
            &lex,
        );
        let at = |w: &str| (0..t.len()).find(|&i| t.s(i) == w).expect("word");
        assert!(t.has(at("WHO's"), flag::ORG_HEAD) && !t.has(at("WHO's"), flag::NOT_NAME));
        assert!(!t.has(at("who's"), flag::ORG_HEAD));
        assert!(!t.has(at("NHS's"), flag::NOT_NAME));
    }

    #[test]
    fn each_scan_step_ends_its_token_where_the_text_says() {
        // (text, end of the first token, its kind)
        let cases = [
            ("U.S. troops", 3, Kind::Word),
            ("well-known", 10, Kind::Word),
            ("ex-mayor", 8, Kind::Word),
            ("don't", 5, Kind::Word),
            ("end. Next", 3, Kind::Word),
            ("40,000 homes", 6, Kind::Num),
            ("6.8.", 3, Kind::Num),
            ("12, 13", 2, Kind::Num),
            ("“Yes", 3, Kind::Quote(Mark::LeftDouble)),
            ("(a)", 1, Kind::Punct('(')),
        ];
        for (text, end, kind) in cases {
            let mut chars = text.char_indices().peekable();
            let (i, c) = chars.next().expect("a first char");
            assert_eq!(scan_token(text, i, c, &mut chars), (end, kind), "{text}");
        }
        assert_eq!(
            pieces("BBCFlood", 0, 8, Kind::Word),
            [(0, 3, true), (3, 8, false)]
        );
        assert_eq!(
            pieces("BBC", 0, 3, Kind::Word),
            [(0, 3, true), (3, 3, false)]
        );
        assert!(is_line_break('\u{2029}') && !is_line_break(' '));
        assert!(is_blank('\u{200B}') && !is_blank('x'));
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(
            words("Lisbon’s mayor hadn't left"),
            ["Lisbon’s", "mayor", "hadn't", "left"]
        );
        assert_eq!(words("‘Flood’ warning"), ["‘", "Flood", "’", "warning"]);
    }

    #[test]
    fn a_plural_possessive_before_a_name_is_part_of_its_word() {
        // (text, words): before a capitalised word the apostrophe is the possessive's; a
        // closing quotation mark follows punctuation or precedes a lower-case word
        let cases: &[(&str, &[&str])] = &[
            ("the Growers' Union", &["the", "Growers'", "Union"]),
            ("the Growers’ Union", &["the", "Growers’", "Union"]),
            ("the growers' union", &["the", "growers", "'", "union"]),
            ("‘the Growers’ said", &["‘", "the", "Growers", "’", "said"]),
            (
                "‘Vote Yes,’ Ana said",
                &["‘", "Vote", "Yes", ",", "’", "Ana", "said"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
        let lex = Lexicon::new();
        let t = Tokens::new("the Growers' Union", &lex);
        assert!(t.is_possessive(1) && strip_possessive(t.s(1)) == Some("Growers"));
    }

    #[test]
    fn numbers_keep_separators_and_split_glued_units() {
        assert_eq!(
            words("3,500km and 1.5 m."),
            ["3,500", "km", "and", "1.5", "m", "."]
        );
        assert_eq!(words("Survey1200km²"), ["Survey", "1200", "km²"]);
        assert_eq!(words("1, 2, 3"), ["1", ",", "2", ",", "3"]);
    }

    #[test]
    fn glued_words_split() {
        assert_eq!(
            words("According to BBCFlood waters rose"),
            ["According", "to", "BBC", "Flood", "waters", "rose"]
        );
        assert_eq!(words("NGOs and McDonald"), ["NGOs", "and", "McDonald"]);
    }

    #[test]
    fn dotted_abbreviations_are_one_word() {
        assert_eq!(words("the U.S. said"), ["the", "U.S", ".", "said"]);
        assert_eq!(words("end.The"), ["end", ".", "The"]);
    }

    #[test]
    fn a_demonym_ending_makes_a_nationality_but_not_a_given_name_or_a_mc_surname() {
        let lex = Lexicon::new();
        for (word, demonym) in [
            ("Estonian", true),
            ("Congolese", true),
            ("Chilean", true),
            ("Adrian", false),
            ("Sebastian", false),
            ("McKinnon", false),
            ("Harbour", false),
        ] {
            let t = Tokens::new(word, &lex);
            assert_eq!(t.has(0, flag::DEMONYM), demonym, "{word}");
        }
    }

    #[test]
    fn flags_and_breaks() {
        let lex = Lexicon::new();
        let t = Tokens::new("Mayor Ana said\nIn town", &lex);
        assert!(t.has(0, flag::TITLE));
        assert!(t.has(2, flag::CUE));
        assert!(t.toks[3].para_break && !t.toks[2].para_break);
        assert_eq!(t.lo(3), "in");
    }

    #[test]
    fn capitals_amid_lower_case_are_acronyms_not_common_words() {
        let lex = Lexicon::new();
        let t = Tokens::new("The WHO said. Aid from the US came. WHO IS IT", &lex);
        let at = |w: &str| (0..t.len()).filter(|&i| t.s(i) == w).collect::<Vec<_>>();
        assert!(!t.has(at("WHO")[0], flag::NOT_NAME | flag::FUNCTION));
        assert!(!t.has(at("US")[0], flag::PRONOUN | flag::NOT_NAME));
        // a line in capitals keeps its words' classes
        assert!(t.has(at("WHO")[1], flag::NOT_NAME | flag::FUNCTION));
        assert!(t.has(at("IS")[0], flag::COMMON_VERB));
    }
}
