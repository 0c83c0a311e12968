//! Reported content: the span each cue reports, on its right ("X said that …"), on its
//! left ("…, X said") or around it ("A, X said, B"), and the indirect drafts made of it.

use super::cues::shows_pictures;
use super::syntax::{
    enclosing_clause, is_auxiliary, is_determiner, is_past_tense, loose_words, words,
};
use super::types::{Analyzer, Attr, Draft, QuoteMask, Sentence, QUOTE_FRAGMENT};
use crate::rules;
use crate::text::{flag, Kind, Tokens};

impl Analyzer<'_, '_> {
    /// Indirect claims: the content each attribution reports, unless it is too short to be
    /// a claim, only quotations (those are direct claims), or where or to whom something
    /// was said.
    pub(super) fn reported_drafts(&self, mask: &QuoteMask, attrs: &[Attr]) -> Vec<Draft> {
        let t = self.t;
        let mut drafts = Vec::new();
        for (k, x) in attrs.iter().enumerate() {
            if x.outlet_only || x.quote_only {
                continue;
            }
            let Some((c, e)) = x.content else { continue };
            // "X said it had warned the firm about Y": the inner report is part of the
            // outer claim, not a claim of its own
            let nested = attrs.iter().enumerate().any(|(j, y)| {
                j != k
                    && !y.outlet_only
                    && y.cue < x.cue
                    && y.content.is_some_and(|(yc, ye)| {
                        yc <= x.cue && x.cue < ye && e <= ye && !anonymity(t, yc, ye)
                    })
            });
            if nested {
                continue;
            }
            let words = words(t, c, e);
            let only_quotes = (c..e).all(|i| mask.inside(i) || !t.is_word(i));
            // "asked for leniency": an act's object may be short
            let least = if rules::ACT_CUES.contains(&t.lo(x.cue)) && c > x.cue {
                1
            } else {
                3
            };
            if words < least
                || only_quotes
                || anonymity(t, c, e)
                || where_or_whom(t, x.cue_end, c, e)
            {
                continue;
            }
            drafts.push(Draft {
                direct: false,
                a: c,
                b: e,
                speaker: x.speaker.clone(),
                via: None,
                spoke_to_via: false,
                other_channel: false,
                cue: Some(t.span_text(x.cue_src.0, x.cue_src.1).to_string()),
                leans_on_previous: x.leans,
                orphan: false,
                scene: None,
            });
        }
        drafts
    }

    /// Content on the right of each cue, cut at the next attribution's own words.
    pub(super) fn right_contents(&self, s: &Sentence, attrs: &mut [Attr]) {
        let t = self.t;
        let n = attrs.len();
        for k in 0..n {
            if attrs[k].trailing || attrs[k].content.is_some() || attrs[k].outlet_only {
                continue;
            }
            let limit = attrs[k + 1..]
                .iter()
                .map(|x| {
                    if x.trailing && !x.outlet_only {
                        x.cue
                    } else {
                        x.begin
                    }
                })
                // a participle right after the cue ("said, adding that …") begins where
                // the cue ends: the words after it are the participle's, not the cue's
                .find(|&b| {
                    b >= attrs[k].cue_end && !opens_reported_clause(t, s, attrs[k].cue_end, b)
                })
                .unwrap_or(s.b);
            self.right_content(s, attrs, k, limit);
        }
    }

    /// The content right of the cue of `attrs[k]`, up to `limit`: past a listener
    /// ("told reporters") and a "that", or past adverbials when a clause follows them; a
    /// cue with only adverbials on its right turns trailing instead.
    fn right_content(&self, s: &Sentence, attrs: &mut [Attr], k: usize, limit: usize) {
        let t = self.t;
        let mut c = attrs[k].cue_end;
        if rules::LISTENER_CUES.contains(&t.lo(attrs[k].cue)) {
            // "told the Guardian that", "told state television": skip the listener.
            c = self.past_listener(c, limit);
        }
        // (from the listener too: "telling them to leave" has skipped "them")
        let instructed = is_instruction(t, c, limit) || is_instruction(t, attrs[k].cue_end, limit);
        if rules::INSTRUCTING_CUES.contains(&t.lo(attrs[k].cue)) && instructed {
            // "told her staff to go home": what was asked of them, not what is so
            attrs[k].finish = c;
            return;
        }
        let that = if attrs[k].no_that_search {
            None
        } else {
            that_after(t, s, c, limit)
        };
        attrs[k].finish = c;
        let past_adverbials = skip_adverbials(t, c, limit);
        // "the dam, which Ana Ruiz said this week may open, …": what the relative clause
        // says of its antecedent, up to the clause's closing comma
        let b = attrs[k].begin;
        let relative = b >= 2
            && rules::OBJECT_RELATIVE_PRONOUNS.contains(&t.lo(b - 1))
            && t.is_punct(b - 2, ',')
            && past_adverbials < limit;
        let weak = t.has(attrs[k].cue, flag::WEAK)
            && that.is_none()
            && shows_pictures(t, attrs[k].cue, s.b).is_none();
        if weak && !(c..(c + 3).min(limit)).any(|x| t.is_quote(x) || t.is_punct(x, ':')) {
            // "posted a video": no reported content on the right.
            let right_words = (c..limit).filter(|&x| t.is_word(x)).count();
            if right_words > 0 && !is_trailing_start(t, c) {
                return;
            }
        }
        if let Some(th) = that {
            // "says that cannot go on": "that" is the subject of the content
            c = if is_demonstrative_that(t, th) {
                th
            } else {
                th + 1
            };
        } else if past_adverbials > c && opens_clause(t, past_adverbials, limit) {
            // "said in a statement it was …", "announced on Friday the capture of …".
            c = past_adverbials;
        } else if !relative && (is_trailing_start(t, c) || c >= limit) {
            let Some(start) = lead_in_start(t, s, attrs, k, c, limit) else {
                attrs[k].trailing = true;
                return;
            };
            c = start;
        }
        if relative {
            c = c.max(past_adverbials);
        }
        let mut e = limit;
        if relative {
            e = (c..limit).find(|&x| t.is_punct(x, ',')).unwrap_or(limit);
        }
        e = content_end(t, c, e, limit);
        // "noted in her speech, “…”": only adverbials before the quote, which is what
        // was said
        let quote_next = (e..(e + 3).min(s.b)).any(|x| t.is_quote(x));
        // "said in a statement read by an officer: “…”": a phrase of circumstance that a
        // colon closes before the quotation, however long
        let framed = t.is_punct(e, ':') && rules::CUE_PREPOSITIONS.contains(&t.lo(c));
        if quote_next && e > c && (framed || skip_adverbials(t, c, e) >= e) {
            attrs[k].finish = e;
            return;
        }
        if e > c && !is_pronoun_object(t, c, e) && !is_topic(t, c) && !only_when(t, c, e) {
            attrs[k].content = Some((c, e));
        }
    }

    /// Content on the left of each trailing cue ("CONTENT, X said").
    pub(super) fn left_contents(&self, s: &Sentence, mask: &QuoteMask, attrs: &mut [Attr]) {
        let t = self.t;
        let n = attrs.len();
        let mut floor = s.a;
        // where each attribution's clause could begin: the floor when it was reached
        let mut floors = Vec::with_capacity(n);
        for k in 0..n {
            floors.push(floor);
            // "She chose a slogan and tweeted.": a cue coordinated with the sentence's first
            // verb shares its subject; the clause before it is what she did, not what she said
            let coordinated = rules::CLAUSE_COORDINATORS.contains(&t.lo(attrs[k].begin));
            if attrs[k].trailing && !attrs[k].outlet_only && !coordinated {
                let mut e = attrs[k].begin;
                if attrs[k].begin == attrs[k].cue {
                    e = attrs[k].cue;
                }
                while e > floor && matches!(t.toks[e - 1].kind, Kind::Punct(',' | ';' | ':' | '.'))
                {
                    e -= 1;
                }
                let mut c = floor;
                let prev = attrs[..k].iter().rposition(|p| !p.outlet_only);
                let nested = |j: usize| {
                    nested_report(t, &attrs[j], floors[j], e)
                        && !documents_report(t, &attrs[k], &attrs[j])
                };
                if let Some(j) = prev.filter(|&j| nested(j)) {
                    // "X warned Y against Z, officials said": the whole clause is the
                    // officials' report; X's cue is part of it
                    attrs[j].content = None;
                    c = floors[j];
                } else if let Some(p) = prev.map(|j| &attrs[j]) {
                    c = c.max(p.content.map_or(p.finish, |x| x.1.max(p.finish)));
                }
                while c < e && matches!(t.toks[c].kind, Kind::Punct(',' | ';' | ':')) {
                    c += 1;
                }
                let has_quote = (c..e).any(|i| t.is_quote(i));
                let loose = loose_words(t, mask, c, e);
                let limit = attrs[k + 1..]
                    .iter()
                    .find(|x| !x.outlet_only)
                    .map_or(s.b, |x| x.begin.min(x.cue));
                let aside = s
                    .quotes
                    .is_empty()
                    .then(|| self.aside_content(s, c, limit, &attrs[k]))
                    .flatten();
                if let Some(content) = aside {
                    attrs[k].content = Some(content);
                } else if e > c && !(has_quote && loose <= QUOTE_FRAGMENT) {
                    attrs[k].content = Some((c, e));
                }
            }
            floor = floor.max(
                attrs[k]
                    .content
                    .map_or(attrs[k].finish, |x| x.1)
                    .max(attrs[k].finish),
            );
        }
    }

    /// "A, X said, B" with B the clause's verb: the clause from `from` through the aside
    /// is X's ("The bridge, the mayor said, will reopen"); after a relative word only what
    /// follows the aside is ("rules that, X says, will cut traffic").
    /// The content ends where the next attribution begins (`limit`), before its joining
    /// words (", where some say …").
    fn aside_content(
        &self,
        s: &Sentence,
        from: usize,
        limit: usize,
        at: &Attr,
    ) -> Option<(usize, usize)> {
        let t = self.t;
        let a = at.begin.min(at.cue);
        if a <= from + 1 || limit <= at.finish + 2 {
            return None;
        }
        let clause = enclosing_clause(t, s, a, at.finish)?.max(from);
        let relative = rules::SUBJECT_RELATIVE_PRONOUNS.contains(&t.lo(a - 2));
        let e = trim_joins(t, at.finish + 2, limit, rules::ASIDE_END_JOINS);
        Some(if relative {
            (at.finish + 1, e)
        } else {
            (clause, e)
        })
    }
}

/// "who asked not to be named": a request for anonymity as content `[c, e)`, which
/// reports nothing.
fn anonymity(t: &Tokens, c: usize, e: usize) -> bool {
    c + 3 < e
        && t.is(c, "not")
        && t.is(c + 1, "to")
        && t.is(c + 2, "be")
        && rules::ANONYMITY_PARTICIPLES.contains(&t.lo(c + 3))
}

/// Whether the attribution `p` is the head of the clause `[floor, e)` that a trailing
/// attribution closes, on a cue other than a plain speech verb, with no quotation in
/// the clause: the clause is then reported as a whole ([`rules::PLAIN_SPEECH_CUES`]).
fn nested_report(t: &Tokens, p: &Attr, floor: usize, e: usize) -> bool {
    let head = p.begin.min(p.cue);
    !p.trailing
        && !p.quote_only
        && head >= floor
        && words(t, floor, head) <= NESTED_LEAD_WORDS
        && p.content.is_none_or(|(_, pe)| pe + 1 >= e)
        && !rules::PLAIN_SPEECH_CUES.contains(&t.lo(p.cue))
        && !(floor..e).any(|i| t.is_quote(i))
}

/// "The board warned that the pier was unsafe, according to a statement": a document
/// cited after a "that" clause is where the report was made, not another speaker
/// reporting it ("…, according to officials" is one).
fn documents_report(t: &Tokens, trailing: &Attr, p: &Attr) -> bool {
    let document =
        (trailing.cue_end..trailing.finish).any(|k| rules::DOCUMENT_NOUNS.contains(&t.lo(k)));
    let that_clause = p
        .content
        .is_some_and(|(pc, _)| pc > 0 && t.is(pc - 1, "that"));
    t.is(trailing.cue, "according") && document && that_clause
}

/// "reports from the State Department", "told the tribunal on Tuesday": what follows the
/// cue at once is where it was said or to whom, a short noun phrase with a time at most,
/// no verb. Not content.
fn where_or_whom(t: &Tokens, cue_end: usize, c: usize, e: usize) -> bool {
    // only "told" has a listener; "told a news conference on …": its first words were
    // skipped as such
    let told = rules::TOLD_CUES.contains(&t.lo(cue_end - 1));
    // "told reporters that prices rose …": what "that" opens is a clause
    let after_that = c > cue_end && t.is(c - 1, "that");
    let rest_of_listener =
        c > cue_end && told && !after_that && !is_determiner(t, c) && t.is_word(c) && !t.is_cap(c);
    if (c != cue_end && !rest_of_listener) || e <= c {
        return false;
    }
    let place_prep = rules::WHERE_SAID_PREPOSITIONS.contains(&t.lo(c));
    let (head, mut k) = short_phrase(t, c + usize::from(place_prep), e);
    // "told a crowd of thousands outside …", "told a meeting of party members"
    if told && k > head && t.is(k, "of") {
        let (of_head, of_end) = short_phrase(t, k + 1, e);
        if of_end > of_head {
            k = of_end;
        }
    }
    let verb = (c..e).any(|i| {
        is_auxiliary(t, i) || t.has(i, flag::CUE) || (t.lo(i).len() > 3 && t.lo(i).ends_with("ed"))
    });
    // "told the tribunal", "told supporters": who heard it, with or without a determiner
    let listener = told || rest_of_listener;
    k > head && !verb && ((place_prep && k == e) || (listener && where_and_when(t, k, e)))
}

/// The short noun phrase from `k`, before `e`: an optional determiner, then up to three
/// words that are not function words or prepositions of where it was said. Returns (first
/// word after the determiner, end).
fn short_phrase(t: &Tokens, k: usize, e: usize) -> (usize, usize) {
    phrase_after_determiner(t, k, e, 3, |i| {
        t.has(i, flag::FUNCTION) || rules::WHERE_SAID_PREPOSITIONS.contains(&t.lo(i))
    })
}

/// From `k`, before `e`: an optional determiner, then at most `most` words up to one that
/// `stops`. Returns (first word after the determiner, end).
fn phrase_after_determiner(
    t: &Tokens,
    mut k: usize,
    e: usize,
    most: usize,
    stops: impl Fn(usize) -> bool,
) -> (usize, usize) {
    if is_determiner(t, k) {
        k += 1;
    }
    let head = k;
    while k < e && k < head + most && t.is_word(k) && !stops(k) {
        k += 1;
    }
    (head, k)
}

/// Whether `k..e` holds only where and when something was said, at least one of them:
/// "on Tuesday", "at the town hall", "in Tarnwick on Friday" ("told a news conference at
/// the town hall").
fn where_and_when(t: &Tokens, mut k: usize, e: usize) -> bool {
    let start = k;
    while k < e {
        if rules::LISTENER_TIME_OPENERS.contains(&t.lo(k))
            && (t.has(k + 1, flag::WEEKDAY) || rules::TIME_NOUNS.contains(&t.lo(k + 1)))
        {
            k += 2;
        } else if rules::WHERE_SAID_PREPOSITIONS.contains(&t.lo(k)) {
            let (head, end) = short_phrase(t, k + 1, e);
            if end == head {
                return false;
            }
            k = end;
        } else {
            return false;
        }
    }
    k == e && e > start
}

/// Words that make the rest of a cue's right side an adverbial, not content.
fn is_trailing_start(t: &Tokens, i: usize) -> bool {
    match t.toks.get(i).map(|x| x.kind) {
        None => true,
        Some(Kind::Punct(c)) => matches!(c, ',' | ';' | '.' | '!' | '?' | '(' | ')'),
        Some(Kind::Quote(_)) => false,
        Some(Kind::Num) => false,
        Some(Kind::Word) => t.has(i, flag::ADVERBIAL | flag::TRAILING | flag::WEEKDAY),
    }
}

/// "that" as a pronoun rather than a conjunction: a verb follows it at once ("that is
/// why", "that cannot go on"), where a conjunction needs a subject first.
fn is_demonstrative_that(t: &Tokens, i: usize) -> bool {
    is_auxiliary(t, i + 1)
}

/// `e` moved back, no further than `floor`, past the punctuation and the joining words
/// (`joins`) a content span must not end with ("…, and", "… where").
fn trim_joins(t: &Tokens, floor: usize, mut e: usize, joins: &[&str]) -> usize {
    while e > floor
        && (joins.contains(&t.lo(e - 1))
            || matches!(t.toks[e - 1].kind, Kind::Punct(',' | '.' | ';' | ':')))
    {
        e -= 1;
    }
    e
}

/// Index past the prepositional phrases right after a cue ("in a statement on Sunday").
fn skip_adverbials(t: &Tokens, c: usize, limit: usize) -> usize {
    let mut k = c;
    for _ in 0..3 {
        // "this week", "last month", "next Tuesday"
        if k + 1 < limit
            && rules::TIME_DEICTICS.contains(&t.lo(k))
            && (rules::TIME_NOUNS.contains(&t.lo(k + 1)) || t.has(k + 1, flag::WEEKDAY))
        {
            k += 2;
            continue;
        }
        let prep = rules::CUE_PREPOSITIONS.contains(&t.lo(k));
        if k >= limit || !prep {
            break;
        }
        let mut j = k + 1;
        if rules::PREPOSITION_QUALIFIERS.contains(&t.lo(j)) {
            break;
        }
        // "after visiting the district": a gerund, then its object
        if is_gerund(t, j) {
            j += 1;
        }
        if is_determiner(t, j) {
            j += 1;
        }
        let st = j;
        while j < limit
            && j < st + 5
            && t.is_word(j)
            && !t.has(j, flag::FUNCTION)
            && !is_determiner(t, j)
        {
            j += 1;
        }
        if j == st {
            break;
        }
        // "from the city of Port Arn": the place a noun of the phrase names
        if j + 1 < limit && t.is(j, "of") && t.is_cap(j + 1) {
            j += 1;
            while j < limit && t.is_cap(j) {
                j += 1;
            }
        }
        k = j;
    }
    k
}

/// A lower-case word in "-ing" after a preposition: the verb of an adverbial clause
/// ("after visiting", "before leaving").
fn is_gerund(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && !t.is_cap(i) && t.lo(i).len() > 4 && t.lo(i).ends_with("ing")
}

/// Whether `[c, limit)` holds nothing but phrases a preposition of when, where or how
/// opens ("by phone from Velmora", "on Monday in a statement", "after visiting the
/// district"), up to closing punctuation.
fn only_adverbial_phrases(t: &Tokens, c: usize, limit: usize) -> bool {
    let mut k = c;
    for _ in 0..4 {
        if k >= limit || !t.is_word(k) {
            break;
        }
        let lo = t.lo(k);
        if !(rules::CUE_PREPOSITIONS.contains(&lo) || rules::HOW_SAID_PREPOSITIONS.contains(&lo)) {
            return false;
        }
        // "after visiting the district": the gerund, then its object
        let from = k + 1 + usize::from(is_gerund(t, k + 1));
        let stops = |i: usize| t.has(i, flag::FUNCTION | flag::ADVERBIAL | flag::TRAILING);
        (_, k) = phrase_after_determiner(t, from, limit, 5, stops);
    }
    (k..limit).all(|i| !t.is_word(i))
}

/// Whether a clause of at least three words starts at `i` (not an adverbial tail).
fn opens_clause(t: &Tokens, i: usize, limit: usize) -> bool {
    if i + 3 > limit {
        return false;
    }
    let starts = is_determiner(t, i)
        || rules::CLAUSE_SUBJECT_PRONOUNS.contains(&t.lo(i))
        || t.is_cap(i)
        || t.toks.get(i).is_some_and(|x| x.kind == Kind::Num);
    starts && (i..limit).filter(|&x| t.is_word(x)).count() >= 3
}

/// "said that the port had warned of delays": an attribution beginning right after the
/// "that" that opens a cue's content is the subject of that content, a report inside
/// what was said, not the end of it.
fn opens_reported_clause(t: &Tokens, s: &Sentence, cue_end: usize, begin: usize) -> bool {
    begin > cue_end && that_after(t, s, cue_end, begin) == Some(begin - 1)
}

/// The "that" opening the content within a few words after `c`, before any quotation
/// (other than a title's marks), full stop or verb: a verb before "that" opens the
/// content itself ("says it is vital that …", "said the audit showed that …"), but a
/// participle with its agent describes a noun ("in comments carried by Ekko that …").
fn that_after(t: &Tokens, s: &Sentence, c: usize, limit: usize) -> Option<usize> {
    let title_mark = |d: usize| {
        s.quotes
            .iter()
            .any(|q| (q.open == d || q.close == d) && q.is_title(t))
    };
    let mut d = c;
    while d < limit
        && d < c + 12
        && (!t.is_quote(d) || title_mark(d))
        && !t.is_punct(d, '.')
        && !t.has(d, flag::COMMON_VERB)
        && (!is_past_tense(t, d) || t.is(d + 1, "by"))
    {
        if t.is(d, "that") {
            return Some(d);
        }
        d += 1;
    }
    None
}

/// For `attrs[k]`, whose right side (from `c`) holds nothing but adverbials: where its
/// content starts when the left holds only a short lead-in ("Hours later, X announced in a
/// statement the capture of …") or a quotation follows; `None` when the content is on
/// the left instead.
fn lead_in_start(
    t: &Tokens,
    s: &Sentence,
    attrs: &[Attr],
    k: usize,
    c: usize,
    limit: usize,
) -> Option<usize> {
    // Nothing but adverbials on the right: the content is on the left, unless
    // the left holds only a short lead-in ("Hours later, X announced in a
    // statement the capture of …").
    let starts_quote = (c..(c + 3).min(limit)).any(|x| t.is_quote(x));
    // "…, Reuters reported, citing two sources": who is cited, no clause read on
    let first_word = (c..limit).find(|&x| t.is_word(x));
    if first_word.is_some_and(|x| rules::CITING_WORDS.contains(&t.lo(x))) {
        return None;
    }
    // an outlet cited before the speaker ("According to Reuters, X said …") is no lead-in
    let mut left_from = attrs[..k]
        .iter()
        .rev()
        .find(|x| !x.outlet_only || x.finish.max(x.cue_end) <= attrs[k].begin)
        .map_or(s.a, |x| x.finish.max(x.cue_end));
    while left_from < attrs[k].begin && t.is_punct(left_from, ',') {
        left_from += 1;
    }
    let left_words = words(t, left_from, attrs[k].begin);
    let left_quote = (left_from..attrs[k].begin).any(|i| t.is_quote(i));
    let right_words = words(t, c, limit);
    let short_lead = left_words <= 4
        && !left_quote
        && right_words >= 3
        && c < limit
        && !only_adverbial_phrases(t, c, limit);
    if !starts_quote && !short_lead {
        return None;
    }
    // "The bridge, the mayor said, will reopen": the subject before the aside
    // belongs to the clause; before a quotation ("After the vote, X said, “…”") the left
    // is a lead-in and the quotation what was said.
    let b = attrs[k].begin;
    let aside = short_lead && !starts_quote && left_words > 0 && t.is_punct(c, ',');
    if aside && b > left_from && t.is_punct(b - 1, ',') {
        return Some(left_from);
    }
    Some(c)
}

/// Where right-hand content from `c` ends, at most `e`: before ", adding", ", according
/// to", ", “", ": “" and a closing joining word; `limit` bounds the search.
fn content_end(t: &Tokens, c: usize, mut e: usize, limit: usize) -> usize {
    // Stop before ", adding", ", according to", ", in remarks …", ", “" and a closing "and".
    for x in c..limit {
        let commentary = t.is_word(x + 1)
            && !t.is_cap(x + 1)
            && rules::COMMENTARY_PARTICIPLES.contains(&t.lo(x + 1));
        let quote_after = t.is_quote(x + 1) && !closes_aside(t, c, x);
        // "…, in comments broadcast by X": where it was said, not what
        let in_remarks = t.is(x + 1, "in")
            && (x + 2..(x + 5).min(limit)).any(|k| rules::REMARKS_NOUNS.contains(&t.lo(k)));
        if t.is_punct(x, ',')
            && (quote_after || t.is(x + 1, "according") || commentary || in_remarks)
        {
            e = x;
            break;
        }
        if t.is_punct(x, ':') && t.is_quote(x + 1) {
            e = x;
            break;
        }
    }
    let e = trim_joins(t, c, e, rules::CONTENT_END_JOINS);
    trim_time_lead(t, c, e)
}

/// "…, a day after" before a clause of its own ("… Kyiv, a day after Washington urged
/// …"): a time and its conjunction left dangling at the content's end go with the
/// clause that follows, not with what was said.
fn trim_time_lead(t: &Tokens, floor: usize, e: usize) -> usize {
    if e <= floor || !rules::TIME_CONJUNCTIONS.contains(&t.lo(e - 1)) {
        return e;
    }
    let mut k = e - 1;
    while k > floor
        && (t.toks[k - 1].kind == Kind::Num
            || t.has(k - 1, flag::NUMWORD)
            || rules::TIME_LEAD_WORDS.contains(&t.lo(k - 1)))
    {
        k -= 1;
    }
    if k > floor && t.is_punct(k - 1, ',') {
        k - 1
    } else {
        e
    }
}

/// At most this many words make an aside of attribution inside reported words.
const ASIDE_WORDS: usize = 6;

/// At most this many words may open a clause before the attribution that heads it ("On
/// Monday, X warned …").
const NESTED_LEAD_WORDS: usize = 4;

/// The comma at `x` closes an aside that attributes the next words ("the checks, as she
/// put it, “became sloppy”", "…, as he said, “…”"): the quotation goes on with the content.
fn closes_aside(t: &Tokens, c: usize, x: usize) -> bool {
    let Some(open) = (c..x)
        .rev()
        .take(ASIDE_WORDS + 1)
        .find(|&k| t.is_punct(k, ','))
    else {
        return false;
    };
    let last = x - 1;
    t.is(open + 1, "as") && last > open + 2 && (t.is(last, "it") || t.has(last, flag::CUE))
}

/// "told her staff to go home early", "tells the players to rest": an object of a few words
/// at `c`, then "to" and a verb, and no finite verb after it (in "told them the move to cut
/// jobs was wrong" the "to" is inside the content's subject).
fn is_instruction(t: &Tokens, c: usize, limit: usize) -> bool {
    let Some(to) = (c + 1..(c + INSTRUCTED_WORDS + 1).min(limit)).find(|&x| t.is(x, "to")) else {
        return false;
    };
    // "told reporters the vote was likely to …": a verb before "to" makes it a clause
    (c..to).all(|x| t.is_word(x) && !t.is(x, "that") && !is_auxiliary(t, x))
        && to + 1 < limit
        && t.is_word(to + 1)
        && !t.is_cap(to + 1)
        && !(to + 1..limit).any(|x| is_auxiliary(t, x))
}

/// At most this many words name who is instructed ("her own staff").
const INSTRUCTED_WORDS: usize = 4;

/// "reported on widespread contempt", "spoke about the flood": what the words after the
/// cue name is what was talked about, not what was said ("about 150 people were hurt"
/// is a number).
pub(super) fn is_topic(t: &Tokens, c: usize) -> bool {
    let figure = t.is(c, "about")
        && (t.toks.get(c + 1).is_some_and(|x| x.kind == Kind::Num)
            || t.has(c + 1, flag::NUMWORD | flag::MULT | flag::VAGUE));
    rules::TOPIC_PREPOSITIONS.contains(&t.lo(c)) && !figure
}

/// "conceded shortly after 11 p.m. on Tuesday": words `[c, e)` that only say when,
/// which is no content ([`rules::WHEN_WORDS`]).
fn only_when(t: &Tokens, c: usize, e: usize) -> bool {
    (c..e).all(|k| {
        !t.is_word(k)
            || t.toks[k].kind == Kind::Num
            || t.has(k, flag::WEEKDAY | flag::MONTH)
            || rules::WHEN_WORDS.contains(&t.lo(k))
            || rules::TIME_NOUNS.contains(&t.lo(k))
            || rules::CLOCK_WORDS.contains(&t.lo(k))
    })
}

/// "He said this when …", "she said so": a pronoun object at `c`, not reported content.
fn is_pronoun_object(t: &Tokens, c: usize, e: usize) -> bool {
    rules::PLAIN_OBJECTS.contains(&t.lo(c))
        && (c + 1 >= e || !t.is_word(c + 1) || rules::AFTER_PLAIN_OBJECT.contains(&t.lo(c + 1)))
}

#[cfg(test)]
mod tests;
