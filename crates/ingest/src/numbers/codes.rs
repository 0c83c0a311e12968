//! Numbers that name rather than count: codes ("H1N1", "F-16"), designations
//! ("Apollo 11") and names with digits ("4chan").

use crate::rules;
use crate::text::{flag, Kind, Tokens};

use super::currency_word;

/// A digit in a code, not a count: glued into letters ("H1N1", "MH17") or after a
/// hyphen behind a capitalised word ("COVID-19", "Covid-19", "F-16", "Su-27").
pub(super) fn is_code(t: &Tokens, i: usize) -> bool {
    let glued = |k: usize| t.toks.get(k).is_some_and(|x| !x.space_before);
    // "MH", "COVID-" (the tokenizer keeps a trailing hyphen in the word)
    let upper_word = |k: usize| {
        t.is_word(k)
            && t.s(k).chars().any(char::is_alphabetic)
            && t.s(k)
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
    };
    // "Covid-", "Su-": a capitalised word the tokenizer closed with the hyphen, in any case
    let hyphened = |k: usize| t.is_cap(k) && t.is_hyphen_closed(k);
    let letters_before = i > 0 && glued(i) && (upper_word(i - 1) || hyphened(i - 1));
    let letters_after = glued(i + 1) && t.is_word(i + 1) && t.is_cap(i + 1);
    let hyphen_code =
        i > 1 && glued(i) && t.is_punct(i - 1, '-') && glued(i - 1) && upper_word(i - 2);
    letters_before
        || (letters_after && i > 0 && glued(i) && t.is_word(i - 1))
        || hyphen_code
        || named_with_letters(t, i)
        || designation(t, i)
}

/// "4chan": a number glued to a lower-case word that is no unit, ordinal or plural ending
/// ("5km", "19th", "1990s" stay figures) is part of a name.
fn named_with_letters(t: &Tokens, i: usize) -> bool {
    let Some(next) = t.toks.get(i + 1).filter(|x| !x.space_before) else {
        return false;
    };
    let lo = t.lo(i + 1);
    next.kind == Kind::Word
        && lo.chars().count() >= 3
        && lo.chars().all(char::is_alphabetic)
        && rules::unit_code(lo).is_none()
        && rules::unit_code(&format!("{lo}s")).is_none()
}

/// "Apollo 11", "Internet Explorer 6", "Flight 370": a short whole number right after a
/// capitalised word inside the sentence (no month, weekday, acronym or currency) numbers
/// that thing; it counts nothing.
fn designation(t: &Tokens, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let s = t.s(i);
    let short = s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit());
    short
        && t.toks[i].space_before
        && t.is_word(p)
        && t.is_cap(p)
        && !crate::tagger::sentence_initial(t, p)
        && !t.has(p, flag::MONTH | flag::WEEKDAY)
        // "USD 500", "EUR 20": a currency code or an acronym before a figure
        && t.s(p).chars().any(char::is_lowercase)
        && currency_word(t, p, 0).is_none()
}
