//! Quantities: a value, its unit and how sure the text is about it.
//!
//! Dates, years, ordinals and vague amounts are skipped; a number with no unit or counted
//! noun after it is skipped too, unless it belongs to a list whose last member has one
//! ("1, 2, 3 km") or its context gives the unit (`context`: an age after a name, a bare
//! large number standing for what was counted just before).

mod codes;
mod context;

use crate::model::{Measure, Qualifier, Quantity, Span};
use crate::rules;
use crate::text::{flag, Kind, Tokens};

/// The value of a digit token. Commas group thousands when every group after the first
/// has three digits ("2,000"); otherwise a comma is a decimal point ("1,5"). In an article
/// that writes decimals with a comma, dots group thousands ("2.000").
fn parse_digits(s: &str, decimal_comma: bool) -> Option<f64> {
    if decimal_comma {
        let swapped: String = s
            .chars()
            .filter(|c| *c != '.')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        return swapped.parse().ok();
    }
    let mut groups = s.split(',');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    let thousands = !rest.is_empty()
        && first.len() <= 3
        && rest
            .iter()
            .all(|g| g.split('.').next().is_some_and(|h| h.len() == 3));
    if rest.is_empty() || thousands {
        s.chars()
            .filter(|c| *c != ',')
            .collect::<String>()
            .parse()
            .ok()
    } else {
        s.replace(',', ".").parse().ok()
    }
}

/// "2.000 villages": things counted one by one have no thousandths, so a dot followed by
/// exactly three digits groups thousands whatever the article's style.
fn dotted_count(s: &str, unit: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.')?;
    let counted = rules::unit_code(unit).is_none() && !unit.is_empty();
    let shape = (1..=3).contains(&int.len())
        && frac.len() == 3
        && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit());
    (counted && shape)
        .then(|| format!("{int}{frac}").parse().ok())
        .flatten()
}

/// A word-number token ("thirty", "twenty-five", "five-hundred-thousand") and its
/// value; "hundred" after "a" ("a hundred years") is one hundred.
fn word_value(t: &Tokens, i: usize) -> Option<f64> {
    let lo = t.lo(i);
    if t.has(i, flag::MULT) && i > 0 && t.is(i - 1, "a") {
        return rules::multiplier(lo);
    }
    if !t.has(i, flag::NUMWORD) && !lo.contains('-') {
        return None;
    }
    if let Some(v) = rules::number_word(lo) {
        return Some(v);
    }
    // "six-point-four": a decimal spelled out, as broadcast scripts write numbers
    if let Some((whole, digits)) = lo.split_once("-point-") {
        return Some(spelled(whole.split('-'))? + decimal_digits(digits.split('-'))?);
    }
    spelled(lo.split('-'))
}

/// The fraction that digit words after "point" spell ("four" is 0.4, "two five" is 0.25);
/// `None` unless every word is a single digit.
fn decimal_digits<'w>(words: impl Iterator<Item = &'w str>) -> Option<f64> {
    let (mut fraction, mut scale) = (0.0, 0.1);
    for w in words {
        let d = rules::number_word(w).filter(|d| *d < 10.0 && d.fract() == 0.0)?;
        fraction += d * scale;
        scale /= 10.0;
    }
    (scale < 0.1).then_some(fraction)
}

/// The value of number words read in order ("two", "hundred", "forty", "nine" is 249),
/// `None` unless every word is a number word or a multiplier and the first is a number.
fn spelled<'w>(words: impl Iterator<Item = &'w str>) -> Option<f64> {
    let (mut total, mut current, mut last) = (0.0, 0.0, None::<f64>);
    for w in words {
        if let Some(v) = rules::number_word(w) {
            // "twenty-five" adds; "five twenty" is no number
            if last.is_some_and(|l| l < 100.0 && (l < 20.0 || v >= 10.0)) {
                return None;
            }
            current += v;
            last = Some(v);
        } else if let Some(m) = rules::multiplier(w) {
            last?;
            if m < 1_000.0 {
                current *= m;
            } else {
                total += current * m;
                current = 0.0;
            }
            last = Some(m);
        } else {
            return None;
        }
    }
    last.map(|_| total + current)
}

/// Unit code of a hyphenated adjective made of a number word and a unit ("six-month-old").
/// A number word before another noun counts that noun ("six-nation talks" counts
/// nations), above one ("one-sided" counts nothing) and unless the noun is a share or a
/// manner ([`rules::HYPHEN_NOT_COUNTED`]: "two-thirds", "three-fold").
fn hyphen_unit(lo: &str) -> Option<(f64, String)> {
    // Most words have no hyphen: skip the table scans.
    if !lo.contains('-') {
        return None;
    }
    let mut parts = lo.split('-');
    let v = rules::number_word(parts.next()?)?;
    let noun = parts.next()?;
    if let Some(u) = rules::unit_code(noun) {
        return Some((v, u.to_string()));
    }
    // "nineteen-eighty" is a year, "twenty-first" an ordinal
    let numeric = rules::number_word(noun).is_some()
        || rules::multiplier(noun).is_some()
        || noun.ends_with("th")
        || rules::ORDINALS_WITHOUT_TH.contains(&noun);
    let counted = v >= 2.0
        && noun.len() >= 3
        && !numeric
        && noun.chars().all(|c| c.is_ascii_lowercase())
        && !rules::HYPHEN_NOT_COUNTED.contains(&noun);
    counted.then(|| (v, noun.to_string()))
}

/// The unit after the number ending before token `j`: (code or noun, index past it).
/// Where "per hour" or "/h" after a unit (its last token before `k`) ends: the unit is a
/// speed ("180 km/h", "90 miles per hour").
fn speed_end(t: &Tokens, k: usize, b: usize) -> Option<usize> {
    let hour = |i: usize| i < b && rules::HOUR_WORDS.contains(&t.lo(i));
    let glued = |i: usize| t.toks.get(i).is_some_and(|x| !x.space_before);
    if k + 1 < b && t.is_punct(k, '/') && glued(k) && glued(k + 1) && hour(k + 1) {
        return Some(k + 2);
    }
    (k + 1 < b && t.is(k, "per") && hour(k + 1)).then_some(k + 2)
}

fn unit_at(t: &Tokens, j: usize, b: usize) -> Option<(String, usize)> {
    let mut j = j;
    if j < b && t.is_punct(j, '-') && !t.toks[j].space_before {
        j += 1;
    }
    // "two Ka-52 helicopters", "40 Covid-19 patients": a code names no unit, the noun
    // after it does
    if j + 2 < b && t.is_hyphen_closed(j) && codes::is_code(t, j + 1) {
        j += 2;
    }
    if j >= b {
        return None;
    }
    if t.is_punct(j, '%') {
        return Some(("percent".into(), j + 1));
    }
    if !t.is_word(j) {
        return None;
    }
    // "117 million last year", "40 this week": a time after the number, not its noun
    if rules::TIME_DEICTICS.contains(&t.lo(j))
        && (rules::TIME_NOUNS.contains(&t.lo(j + 1)) || t.has(j + 1, flag::WEEKDAY))
    {
        return None;
    }
    // Two-word physical units first ("square kilometres", "per cent").
    if j + 1 < b && t.is_word(j + 1) {
        let two = format!("{} {}", t.lo(j), t.lo(j + 1));
        if let Some(code) = rules::unit_code(&two) {
            return Some((code.into(), j + 2));
        }
    }
    let lo = t.lo(j);
    // "km" glued to a following "2" is km².
    if rules::SQUARABLE_UNITS.contains(&lo)
        && t.toks
            .get(j + 1)
            .is_some_and(|x| x.kind == Kind::Num && !x.space_before)
        && t.s(j + 1) == "2"
        && j + 1 < b
    {
        return Some((format!("{lo}2"), j + 2));
    }
    // "3m people" is three million, not three metres.
    if lo == "m" && !t.toks[j].space_before {
        return None;
    }
    if let Some(code) = rules::unit_code(lo) {
        return Some(match speed_end(t, j + 1, b).zip(rules::speed_code(code)) {
            Some((end, speed)) => (speed.into(), end),
            None => (code.into(), j + 1),
        });
    }
    if let Some(first) = lo.split('-').next() {
        if first != lo {
            if let Some(code) = rules::unit_code(first) {
                return Some((code.into(), j + 1));
            }
        }
    }
    // "25 basis points", "two crisis centres": a singular in -sis describes the plural
    // after it, unless one is counted ("one crisis remains")
    let one = j > 0 && matches!(t.lo(j - 1), "one" | "1" | "a" | "an");
    let plural_next =
        j + 1 < b && t.is_word(j + 1) && !t.toks[j + 1].cap && rules::looks_plural(t.lo(j + 1));
    if lo.ends_with("sis") && !one && plural_next {
        return Some((rules::singular(t.s(j + 1)), j + 2));
    }
    if let Some(k) = plural_after_describers(t, j, b) {
        return Some((rules::singular(t.s(k)), k + 1));
    }
    if let Some(k) = bridged_plural(t, j, b) {
        return Some((rules::singular(t.s(k)), k + 1));
    }
    // A counted noun: the last noun of a short run of nouns.
    let mut last = None;
    let mut k = j;
    while k < b && k < j + 3 && t.is_word(k) {
        let lo = t.lo(k);
        // a participle ("planned") or an adverb ("newly")
        let adverb = lo.ends_with("ly");
        let verbish =
            lo.len() > 3 && (adverb || rules::PARTICIPLE_ENDINGS.iter().any(|e| lo.ends_with(e)));
        if t.has(k, RUN_STOPS) {
            break;
        }
        if verbish {
            // "120 planned plants": a participle may lead the run but never ends it.
            if k == j && !adverb {
                k += 1;
                continue;
            }
            break;
        }
        last = Some(k);
        k += 1;
        // A lower-case plural is the head noun ("300 people died", "30 villages were"),
        // unless it is one that does not change ("police", "staff") before another
        // ("300 police officers"); a word runs on only into a plural ("1,300 Basque
        // fishermen") or after a capital.
        if rules::looks_plural(lo) && !t.toks[k - 1].cap && !describes_plural(t, k - 1, b) {
            break;
        }
        if !t.toks[k - 1].cap && !rules::looks_plural(t.lo(k)) {
            break;
        }
    }
    last.map(|k| (rules::singular(t.s(k)), k + 1))
}

/// "40 new electric buses", "12 newly built homes": lower-case words between a number
/// and a lower-case plural describe what is counted; the plural is the counted noun (a
/// possessive is one of the describing words: "two of the engine's 12 valves").
fn plural_after_describers(t: &Tokens, j: usize, b: usize) -> Option<usize> {
    (j..b.min(j + DESCRIBERS + 1))
        .take_while(|&k| t.is_word(k) && !t.toks[k].cap && !t.has(k, RUN_STOPS))
        .find(|&k| {
            rules::looks_plural(t.lo(k)) && !t.is_possessive(k) && !describes_plural(t, k, b)
        })
}

/// "police" in "300 police officers": a plural with no other form that describes the
/// lower-case plural after it.
fn describes_plural(t: &Tokens, k: usize, b: usize) -> bool {
    is_invariant_plural(t.lo(k))
        && k + 1 < b
        && t.is_word(k + 1)
        && !t.toks[k + 1].cap
        && rules::looks_plural(t.lo(k + 1))
}

/// The plural a number counts past a bridge word ("four more leaders") or a partitive
/// ("six of the injured miners"). A partitive of "one" picks one of many ("one of the
/// largest ports"): no count.
fn bridged_plural(t: &Tokens, j: usize, b: usize) -> Option<usize> {
    let lo = t.lo(j);
    if rules::COUNT_BRIDGES.contains(&lo) {
        return plural_after_describers(t, j + 1, b);
    }
    let one = j > 0 && matches!(t.lo(j - 1), "one" | "1");
    let partitive =
        lo == "of" && !one && j + 1 < b && rules::PARTITIVE_DETERMINERS.contains(&t.lo(j + 1));
    partitive
        .then(|| plural_after_describers(t, j + 2, b))
        .flatten()
}

/// Words that end the run of words naming what a number counts: function words, dates,
/// number words and multipliers.
const RUN_STOPS: u32 = flag::FUNCTION | flag::MONTH | flag::WEEKDAY | flag::NUMWORD | flag::MULT;

/// At most this many describing words stand between a number and what it counts.
const DESCRIBERS: usize = 2;

/// The unit of counted people.
const PEOPLE: &str = "person";

/// How far back in its clause a bare number looks for a "toll" it gives.
const TOLL_REACH: usize = 16;

/// A unit written before the number, its last word at token `p` ("magnitude 6.8",
/// "magnitude-6.8").
fn prefix_unit(t: &Tokens, p: usize, a: usize) -> Option<&'static str> {
    let p = if t.is_punct(p, '-') && p > a {
        p - 1
    } else {
        p
    };
    let lo = t.lo(p);
    if lo == "of" && p > a {
        // "a population of 12,000"
        let noun = t.lo(p - 1);
        return rules::OF_UNITS
            .iter()
            .find(|(w, _)| *w == noun)
            .map(|(_, unit)| *unit);
    }
    rules::PREFIX_UNITS
        .iter()
        .find(|(w, _)| *w == lo)
        .map(|(_, code)| *code)
}

/// A number with no noun of its own, tokens `[start, j)`, counts people when a fate is
/// named right after it ("230 injured", "14 were killed", "17 have died"), right before
/// it past qualifiers ("injuring more than 200"), or it gives a toll ("the death toll has
/// risen to 17").
fn counts_people(t: &Tokens, start: usize, j: usize, a: usize, b: usize) -> bool {
    let fate = |i: usize| i < b && t.is_word(i) && rules::fate_of(t.lo(i)).is_some();
    let mut k = j;
    while k < b && k < j + 2 && rules::FATE_LEAD_WORDS.contains(&t.lo(k)) {
        k += 1;
    }
    if fate(k) {
        return true;
    }
    // "injuring more than 200", "the blast killed 40": the verb before the qualifier
    let p = start - qualifier_words_before(t, start, a).map_or(0, |(n, _)| n);
    if p > a && fate(p - 1) && (t.lo(p - 1).ends_with("ing") || t.lo(p - 1).ends_with("ed")) {
        return true;
    }
    // a list or range goes on ("advanced 1, 2, 3 km"): its last item gives the unit
    if is_separator(t, j) && is_number_start(t, j + 1) {
        return false;
    }
    // the clause before it names a toll, or just before it a count of deaths or injuries
    // or "the number of" the dead ("deaths reached 300", "the number of injured rose to 45")
    (a..start)
        .rev()
        .take(TOLL_REACH)
        .take_while(|&i| ![',', ';', '.', '!', '?'].iter().any(|c| t.is_punct(i, *c)))
        .any(|i| {
            let near = start - i <= COUNT_NOUN_REACH;
            t.is(i, "toll")
                || (near && rules::PEOPLE_COUNT_NOUNS.contains(&t.lo(i)))
                || (near && i >= 2 && t.is(i - 2, "number") && t.is(i - 1, "of") && fate(i))
        })
}

/// How far before a bare number a count of the befallen ("deaths reached 300") may be
/// named: a few words, the count's own verb between.
const COUNT_NOUN_REACH: usize = 8;

/// A plural with no other form ("police", "staff", "sheep"), which also describes a
/// noun after it.
fn is_invariant_plural(lo: &str) -> bool {
    rules::IRREGULAR_PLURALS
        .iter()
        .any(|(p, one)| *p == lo && p == one)
}

fn qualifier_before(t: &Tokens, i: usize, a: usize) -> Qualifier {
    qualifier_words_before(t, i, a).map_or(Qualifier::Exact, |(_, q)| q)
}

/// The qualifier ending right before token `i` ("more than", "about") and its length in
/// tokens.
fn qualifier_words_before(t: &Tokens, i: usize, a: usize) -> Option<(usize, Qualifier)> {
    rules::QUALIFIERS.iter().find_map(|(words, q)| {
        let n = words.len();
        (i >= a + n && words.iter().enumerate().all(|(k, w)| t.lo(i - n + k) == *w))
            .then_some((n, *q))
    })
}

/// Token `i` joins two numbers into a range ("10-15", "10 to 15", "10–15").
fn ranged_by(t: &Tokens, i: usize) -> bool {
    t.is_punct(i, '-') || t.is_punct(i, '–') || t.is(i, "to")
}

/// Index of the token that starts at byte `pos`.
fn t_index(t: &Tokens, pos: usize) -> usize {
    t.toks.partition_point(|x| x.start < pos)
}

/// A comma, a list's conjunction ("3 or 4 km") or what joins a range ("3-4", "3 to 4").
fn is_separator(t: &Tokens, i: usize) -> bool {
    t.is_punct(i, ',') || ranged_by(t, i) || rules::LIST_CONJUNCTIONS.contains(&t.lo(i))
}

/// "one in ten buildings", "one in every six homes": a ratio whose first number takes the
/// noun of its second, as a list's does ("in 2023" is a date, not a ratio).
/// Also "12 of the 30 passengers", "40 of his 60 goats": a part of a counted whole.
fn ratio_in(t: &Tokens, j: usize, b: usize) -> bool {
    let k = if t.is(j, "in") {
        j + 1 + usize::from(t.is(j + 1, "every"))
    } else if t.is(j, "of") {
        let owner = rules::WHOLE_DETERMINERS.contains(&t.lo(j + 1));
        let k = j + 1 + usize::from(owner);
        // "8 of the train's 12 carriages": the whole's owner before it
        k + usize::from(owner && t.is_possessive(k))
    } else {
        return false;
    };
    k < b
        && is_number_start(t, k)
        && !number_at(t, k).is_some_and(|(v, digits)| digits && is_year(t.s(k), v))
}

fn is_number_start(t: &Tokens, i: usize) -> bool {
    t.toks.get(i).is_some_and(|x| x.kind == Kind::Num) || word_value(t, i).is_some()
}

/// Appends the quantities of tokens `[a, b)` to `out`.
pub fn find(t: &Tokens, a: usize, b: usize, out: &mut Vec<Quantity>) {
    let b = b.min(t.len());
    // bare numbers waiting for the unit a later one of their list or range gives them
    let mut pending: Vec<Quantity> = Vec::new();
    let mut i = a;
    while i < b {
        if let Some(q) = hyphened_quantity(t, i, a) {
            out.push(q);
            i += 1;
            continue;
        }
        let Some((first, is_digits)) = number_at(t, i) else {
            i += 1;
            continue;
        };
        let start = i;
        let (mut value, j) = spelled_value(t, start, b, first, is_digits);
        if not_a_count(t, start, j, a, b, value, is_digits) {
            i = j;
            continue;
        }
        let qualifier = qualifier_before(t, start, a);
        i = match unit_after(t, start, j, a, b, &mut value) {
            Some((_, end))
                if one_before_its_verb(t, start, j, end, is_digits)
                    || one_as_determiner(t, start, j, b, is_digits) =>
            {
                pending.clear();
                j
            }
            Some((unit, end)) => {
                let unit = context::others_counted(t, start, unit);
                if is_digits && !t.decimal_comma {
                    if let Some(v) = dotted_count(t.s(start), &unit) {
                        value = v;
                    }
                }
                let q = Quantity {
                    span: Span::new(t.start(start), t.end(end - 1)),
                    value,
                    normalized: Measure::of(value, &unit),
                    unit,
                    qualifier,
                };
                close_list(t, start, &mut pending, q, out);
                end
            }
            None => {
                let mut q = Quantity {
                    span: Span::new(t.start(start), t.end(j - 1)),
                    value,
                    unit: String::new(),
                    qualifier,
                    normalized: None,
                };
                // "by 2030, five years earlier": a year takes no unit from the next number
                let year = is_digits && is_year(t.s(start), value);
                let listed = (is_separator(t, j) && is_number_start(t, j + 1)) || ratio_in(t, j, b);
                if j < b && listed && !year {
                    pending.push(q);
                } else if let Some(unit) = elided_unit_of(t, start, j, value, &pending) {
                    q.normalized = Measure::of(value, &unit);
                    q.unit = unit;
                    close_list(t, start, &mut pending, q, out);
                } else {
                    pending.clear();
                }
                j
            }
        };
    }
}

/// The unit a bare number (with the bare numbers of its list, `pending`) takes from its
/// context: alone, or closing a change "from 17 to 10" whose noun stands before it.
fn elided_unit_of(
    t: &Tokens,
    start: usize,
    j: usize,
    value: f64,
    pending: &[Quantity],
) -> Option<String> {
    let change = match pending {
        [] => false,
        [first] => {
            let k = t_index(t, first.span.start);
            k > 0 && t.is(k - 1, "from") && t.is(start - 1, "to")
        }
        _ => return None,
    };
    context::elided_unit(t, start, j, value, change)
}

/// "one goes", "one says": the word "one" right before a word in -s is a pronoun before its
/// verb; a count of one takes a singular noun ("one boat", "one bus"). "one another" is a
/// pronoun too.
fn one_before_its_verb(t: &Tokens, start: usize, j: usize, end: usize, is_digits: bool) -> bool {
    !is_digits && j == start + 1 && end == j + 1 && t.is(start, "one") && {
        let word = t.lo(j);
        rules::singular(word) != word || word == "another"
    }
}

/// "one small village": the word "one" before an adjective is a determiner ("a small
/// village"), not a count; "one village near …", "one boat sank" count one.
fn one_as_determiner(t: &Tokens, start: usize, j: usize, b: usize, is_digits: bool) -> bool {
    !is_digits
        && j == start + 1
        && j + 1 < b
        && t.is(start, "one")
        && t.is_word(j)
        && t.lex.is_adjective(t.lo(j))
}

/// "six-month-old": a hyphenated adjective that carries its own unit.
fn hyphened_quantity(t: &Tokens, i: usize, a: usize) -> Option<Quantity> {
    let tok = t.toks[i];
    if tok.kind != Kind::Word || word_value(t, i).is_some() {
        return None;
    }
    let (v, u) = hyphen_unit(t.lo(i))?;
    Some(Quantity {
        span: Span::new(tok.start, tok.end),
        value: v,
        normalized: Measure::of(v, &u),
        unit: u,
        qualifier: qualifier_before(t, i, a),
    })
}

/// The number token `i` begins, in digits or a word, and whether it is in digits; not a
/// code ("A4", "G7").
fn number_at(t: &Tokens, i: usize) -> Option<(f64, bool)> {
    match t.toks[i].kind {
        Kind::Num if codes::is_code(t, i) => None,
        Kind::Num => parse_digits(t.s(i), t.decimal_comma).map(|v| (v, true)),
        Kind::Word => word_value(t, i).map(|v| (v, false)),
        _ => None,
    }
}

/// The whole value of the number at `start` and the token after it: multipliers
/// ("13-million", "2 thousand"), "and a half", the rest of a spelled number after its
/// hundreds ("two hundred (and) forty-nine").
fn spelled_value(t: &Tokens, start: usize, b: usize, first: f64, is_digits: bool) -> (f64, usize) {
    let mut value = first;
    // Glued to a preceding word ("Survey1200") is fine; glued to a digit or a decimal
    // point is not a new number.
    let mut j = start + 1;
    // "six point four": the decimals of a number in words
    if !is_digits && t.is(j, "point") {
        let digits = (j + 1..b).take_while(|&k| t.has(k, flag::NUMWORD) && !t.lo(k).contains('-'));
        let words: Vec<&str> = digits.map(|k| t.lo(k)).collect();
        if let Some(f) = decimal_digits(words.iter().copied()) {
            value += f;
            j += 1 + words.len();
        }
    }
    // "13-million refugees": the multiplier joined by a hyphen
    if j + 1 < b
        && t.is_punct(j, '-')
        && !t.toks[j].space_before
        && !t.toks[j + 1].space_before
        && t.has(j + 1, flag::MULT)
    {
        j += 1;
    }
    // "three and a half million", "two and a half years"
    let half = rules::AND_A_HALF;
    if j + half.len() <= b && half.iter().enumerate().all(|(n, w)| t.is(j + n, w)) {
        value += 0.5;
        j += half.len();
    }
    while j < b && t.has(j, flag::MULT) {
        if let Some(m) = rules::multiplier(t.lo(j)) {
            value *= m;
        }
        j += 1;
    }
    if !is_digits && j > start + 1 && value >= 100.0 {
        let k = if t.is(j, "and") { j + 1 } else { j };
        if let Some(rest) = (k < b).then(|| word_value(t, k)).flatten() {
            if rest < 100.0 && !t.has(k, flag::MULT) {
                value += rest;
                j = k + 1;
            }
        }
    }
    (value, j)
}

/// Numbers that count nothing: dates ("May 3", "3 May"), ordinals and decades ("17th",
/// "1990s"), clock times, vague amounts ("several thousand"), and years without a unit.
fn not_a_count(
    t: &Tokens,
    start: usize,
    j: usize,
    a: usize,
    b: usize,
    value: f64,
    is_digits: bool,
) -> bool {
    let prev_month = start > a && t.has(start - 1, flag::MONTH);
    let next_month = t.has(j, flag::MONTH) && j < b;
    // "17th", and "19th-century", "3rd-largest", "1990s-era" glued to what they qualify
    let suffix = t.lo(j).split('-').next().unwrap_or_default();
    let ordinal = j < b && !t.toks[j].space_before && rules::ORDINAL_SUFFIXES.contains(&suffix);
    let year = is_digits
        && j == start + 1
        && is_year(t.s(start), value)
        && (j >= b || t.toks[j].space_before);
    // Clock times: "10:30", "10 pm", "9am GMT".
    // "6 p.m." may come as "p", ".", "m" when the abbreviation ends a clause
    let spelled_clock = j + 2 < t.len()
        && rules::CLOCK_LETTERS.contains(&t.lo(j))
        && t.is_punct(j + 1, '.')
        && t.is(j + 2, "m");
    let clock = (j < b && t.is_punct(j, ':') && !t.toks[j].space_before)
        || (j < b && (rules::CLOCK_WORDS.contains(&t.lo(j)) || spelled_clock));
    // "no one was hurt", "every one of them": a pronoun, not a count of one
    let pronoun_one = !is_digits
        && t.is(start, "one")
        && start > 0
        && rules::PRONOUN_ONE_LEADS.contains(&t.lo(start - 1));
    let vague_before = start > a
        && t.has(start - 1, flag::VAGUE)
        && !is_digits
        && (value >= 100.0 || t.is(start, "dozen"));
    prev_month
        || next_month
        || pronoun_one
        || ordinal
        || clock
        || vague_before
        || (year
            && unit_at(t, j, b)
                .is_none_or(|(u, _)| rules::unit_code(&u).is_none() && u != "percent"))
}

/// The years a four-digit number may be ("in 1998", "by 2030").
const YEARS: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;

/// Four digits without a separator, in the range of years: a year when nothing says
/// otherwise ("in 1998", "by 2030.").
fn is_year(s: &str, value: f64) -> bool {
    s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) && YEARS.contains(&value)
}

/// The unit of the number `[start, j)` and where its quantity ends: a currency sign before
/// it (with glued magnitude letters: "£410m", "$2bn", which scale `value`), a prefix unit
/// ("magnitude 6"), the unit after it, or people it counts.
fn unit_after(
    t: &Tokens,
    start: usize,
    j: usize,
    a: usize,
    b: usize,
    value: &mut f64,
) -> Option<(String, usize)> {
    let before = start.checked_sub(1).filter(|&p| p >= a);
    // "a population of about 900": a unit word may stand before the qualifier
    let qualified = qualifier_words_before(t, start, a).map_or(0, |(n, _)| n);
    let before_qualifier = (start - qualified).checked_sub(1).filter(|&p| p >= a);
    let currency = match before.map(|p| t.toks[p].kind) {
        Some(Kind::Punct(sign)) => rules::CURRENCY_SIGNS
            .iter()
            .find(|(s, _)| *s == sign)
            .map(|(_, code)| *code)
            .or_else(|| {
                // "Rs. 500": the abbreviation's period
                let word = before.filter(|_| sign == '.')?.checked_sub(1)?;
                currency_word(t, word, a)
            }),
        _ => before.and_then(|p| currency_word(t, p, a)),
    };
    let prefix = before_qualifier.and_then(|p| prefix_unit(t, p, a));
    match (currency, prefix) {
        (None, Some(unit)) => Some((unit.to_string(), j)),
        (Some(code), _) => {
            let mut end = j;
            if j < b && !t.toks[j].space_before {
                let factor = rules::CURRENCY_MAGNITUDES
                    .iter()
                    .find(|(w, _)| *w == t.lo(j))
                    .map(|(_, f)| *f);
                if let Some(f) = factor {
                    *value *= f;
                    end = j + 1;
                }
            }
            Some((code.to_string(), end))
        }
        (None, None) => unit_at(t, j, b)
            .or_else(|| counts_people(t, start, j, a, b).then(|| (PEOPLE.to_string(), j)))
            .or_else(|| {
                context::is_age(t, start, j, *value).then(|| (rules::AGE_UNIT.to_string(), j))
            }),
    }
}

/// The currency an abbreviation at token `p` (not before `a`) names ("Rs 500").
fn currency_word(t: &Tokens, p: usize, a: usize) -> Option<&'static str> {
    (p >= a).then_some(())?;
    rules::CURRENCY_WORDS
        .iter()
        .find(|(w, _)| t.is(p, w))
        .map(|(_, code)| *code)
}

/// Gives the numbers pending before `q` its unit and pushes them with it. "10-15 km",
/// "between 10 and 15 villages", "from 3 to 5 days": a range bounds its values.
fn close_list(
    t: &Tokens,
    start: usize,
    pending: &mut Vec<Quantity>,
    mut q: Quantity,
    out: &mut Vec<Quantity>,
) {
    let range = pending.len() == 1
        && (ranged_by(t, start - 1)
            || (t.is(start - 1, "and")
                && t_index(t, pending[0].span.start)
                    .checked_sub(1)
                    .is_some_and(|k| t.is(k, "between"))));
    if range && q.qualifier == Qualifier::Exact {
        q.qualifier = Qualifier::AtMost;
    }
    for mut p in pending.drain(..) {
        p.unit.clone_from(&q.unit);
        if range && p.qualifier == Qualifier::Exact {
            p.qualifier = Qualifier::AtLeast;
        }
        p.normalized = Measure::of(p.value, &q.unit);
        out.push(p);
    }
    out.push(q);
}

#[cfg(test)]
mod tests;
