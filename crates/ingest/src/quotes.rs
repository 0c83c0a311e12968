//! Pairs quotation marks inside one paragraph.
//!
//! Marks are read by their shape and their surroundings: a curly or straight single quote
//! inside a word is an apostrophe (the tokenizer keeps those in the word), a single quote
//! opens only where a closing one follows in the paragraph, and a double quote left open at
//! the paragraph end runs to that end (the next paragraph opens its own quote).

use crate::rules;
use crate::text::{Kind, Mark, Tokens};

/// One quotation: token indices of its marks and of the words inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Index of the opening mark.
    pub open: usize,
    /// Index of the closing mark, or the paragraph end when the quote stays open.
    pub close: usize,
    pub closed: bool,
}

impl Quote {
    /// Token range of the quoted words.
    pub fn inner(&self) -> (usize, usize) {
        (self.open + 1, self.close)
    }

    /// Token range including the marks.
    pub fn outer_end(&self) -> usize {
        if self.closed {
            self.close + 1
        } else {
            self.close
        }
    }

    /// A name in quotation marks rather than words someone said: a short title-case run
    /// that the sentence goes on from with a word (`the “Morning Call” listeners`, `its
    /// “Open Doors” scheme`), where a spoken quote ends at punctuation or a cue.
    pub fn is_title(&self, t: &Tokens) -> bool {
        let (a, b) = self.inner();
        let words = (a..b).filter(|&i| t.is_word(i)).count();
        self.closed
            && (1..=5).contains(&words)
            && t.is_cap(a)
            && (a..b).all(|i| {
                t.is_word(i) && (t.is_cap(i) || rules::TITLE_SMALL_WORDS.contains(&t.lo(i)))
            })
            && t.is_word(self.close + 1)
            && !t.is_cap(self.close + 1)
            && !t.has(self.close + 1, crate::text::flag::CUE)
    }
}

fn is_double(m: Mark) -> bool {
    matches!(
        m,
        Mark::LeftDouble
            | Mark::RightDouble
            | Mark::StraightDouble
            | Mark::LeftGuillemet
            | Mark::RightGuillemet
            | Mark::LowDouble
    )
}

/// Finds the quotations of the paragraph `[a, b)`; linear in its length.
pub fn find(t: &Tokens, a: usize, b: usize) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open_double: Option<(usize, Mark)> = None;
    let mut open_single: Option<usize> = None;
    let b = b.min(t.len());
    for i in a..b {
        let Kind::Quote(m) = t.toks[i].kind else {
            continue;
        };
        let tok = t.toks[i];
        let next_tight = t
            .toks
            .get(i + 1)
            .is_some_and(|n| !n.space_before && i + 1 < b);
        let prev_tight = i > a && !tok.space_before;
        if is_double(m) {
            if let Some((o, om)) = open_double {
                let closes = match m {
                    Mark::LeftDouble => om == Mark::LowDouble || (prev_tight && !next_tight),
                    Mark::LeftGuillemet | Mark::LowDouble => false,
                    _ => true,
                };
                if closes {
                    out.push(Quote {
                        open: o,
                        close: i,
                        closed: true,
                    });
                    open_double = None;
                } else {
                    // A new opening mark while one is open: the earlier one was never closed.
                    out.push(Quote {
                        open: o,
                        close: i,
                        closed: false,
                    });
                    open_double = Some((i, m));
                }
                continue;
            }
            let opens = match m {
                Mark::RightGuillemet => false,
                Mark::RightDouble => tok.space_before || i == a,
                Mark::StraightDouble => !prev_tight || next_tight,
                _ => true,
            };
            if opens {
                open_single = None;
                open_double = Some((i, m));
            }
            continue;
        }
        if open_double.is_some() {
            continue;
        }
        match (m, open_single) {
            (Mark::LeftSingle, _) => open_single = Some(i),
            (Mark::StraightSingle, None) if !prev_tight && next_tight => open_single = Some(i),
            (Mark::RightSingle | Mark::StraightSingle, Some(o)) if prev_tight => {
                out.push(Quote {
                    open: o,
                    close: i,
                    closed: true,
                });
                open_single = None;
            }
            _ => {}
        }
    }
    if let Some((o, _)) = open_double {
        if o + 1 < b {
            out.push(Quote {
                open: o,
                close: b,
                closed: false,
            });
        }
    }
    out.retain(|q| q.close > q.open + 1);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lexicon;

    fn quoted(text: &str) -> Vec<String> {
        let lex = Lexicon::new();
        let t = Tokens::new(text, &lex);
        find(&t, 0, t.len())
            .iter()
            .map(|q| {
                let (a, b) = q.inner();
                t.span_text(a, b).to_string()
            })
            .collect()
    }

    #[test]
    fn interrupted_quote_is_two_quotes() {
        assert_eq!(
            quoted("“The river rose fast,” the mayor said, “and the dam held.”"),
            ["The river rose fast,", "and the dam held."]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("Lisbon’s mayor hadn’t slept, the farmers’ union said."),
            Vec::<String>::new()
        );
        assert_eq!(
            quoted("He called it ‘a disaster’ on Monday."),
            ["a disaster"]
        );
        assert_eq!(
            quoted("the area of ‘Lower Marsh, further south"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn every_mark_style_pairs() {
        assert_eq!(quoted("He said \"go home\" twice."), ["go home"]);
        assert_eq!(quoted("« Nous restons » dit-il"), ["Nous restons"]);
        assert_eq!(quoted("„Wir bleiben“, sagte er"), ["Wir bleiben"]);
        assert_eq!(quoted("'Stay inside,' she said."), ["Stay inside,"]);
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        assert_eq!(
            quoted("“The water came at night. Nobody was ready."),
            ["The water came at night. Nobody was ready."]
        );
    }

    #[test]
    fn reversed_opening_mark_still_opens() {
        assert_eq!(quoted("trying to ” evacuate” people"), ["evacuate"]);
    }
}
