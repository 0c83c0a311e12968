//! Runs that name a body or an outlet: an outlet by its kind or the outlet table, a body
//! by its head word or a kind of body around it, and the person a body's name holds.

use claimgraph_gazetteer::{fold, Gazetteer};

use crate::model::EntityKind;
use crate::rules;
use crate::tagger::sentence_initial;
use crate::text::{flag, word_hash, Kind, Tokens};

use super::evidence::{
    described_as_organization, ends_in_a_site_noun, given_name_class, is_large_place, large_place,
    tagged_as,
};
use super::registry::{Found, Registry};
use super::words::{
    clean_name, cue_follows, is_person_word, names_what_a_body_is, outlet_match, strip_possessive,
};

/// "Chipmaker Velto forecast …", "Startup Orvana AI raised …": a trade opening the
/// sentence says the name after it in the run `[a0, b)` is a company's (a word that heads
/// bodies' names, "Bank", "Union", is part of the name instead).
pub(super) fn company_after_its_trade(
    t: &Tokens,
    reg: &Registry,
    a0: usize,
    b: usize,
) -> Option<Found> {
    let a = a0 + 1;
    // the cheap token tests first: most runs open with no trade; a given name after it
    // makes the trade a person's ("Miner Ana Ruiz")
    let named = || {
        b - a <= 3
            && given_name_class(t.lo(a)) < 2
            && reg
                .person_name_lo(&t.span_text(a, b).to_lowercase())
                .is_none()
    };
    let company = b > a
        && !t.has(a0, flag::ORG_HEAD)
        && rules::is_org_descriptor(t.lo(a0))
        && sentence_initial(t, a0)
        && named();
    company.then(|| organization(t, a, b))
}

/// "analysts at Morgan Stanley", "researchers at Velto": a name right after people who
/// work somewhere and "at" is where they work, a body, even when its words are a given
/// name and a surname; a place the gazetteer knows is left to the place rules.
pub(super) fn employer_of_staff(
    t: &Tokens,
    reg: &Registry,
    gaz: Option<&Gazetteer>,
    a: usize,
    b: usize,
) -> Option<Found> {
    let staff = a >= 2 && t.is(a - 1, "at") && rules::STAFF_NOUNS.contains(&t.lo(a - 2));
    let place = || {
        let written = t.span_text(a, b);
        reg.is_place_lo(&written.to_lowercase())
            || gaz.is_some_and(|g| is_large_place(g, &fold(written)))
    };
    let employer = staff && (a..b).all(|i| t.is_cap(i) || t.is_punct(i, '&')) && !place();
    employer.then(|| organization(t, a, b))
}

/// An outlet: introduced by its kind ("the daily El Comercio"), an unknown acronym someone
/// talks to ("told ERT"), or a name of the outlet table.
pub(super) fn as_outlet(
    t: &Tokens,
    reg: &Registry,
    a0: usize,
    a: usize,
    b: usize,
) -> Option<Found> {
    let acronym = b == a + 1
        && (2..=6).contains(&t.s(a).chars().count())
        && t.s(a)
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.has(a, flag::ORG_HEAD);
    let introduced = a > 0
        && !t.is_cap(a - 1)
        && (rules::OUTLET_KINDS.contains(&t.lo(a - 1))
            || (a > 1 && t.is(a - 1, "agency") && t.is(a - 2, "news")));
    let printed_in = printed_in(t, a0);
    let (x, y) = if introduced
        || printed_in
        || kind_after(t, reg, a, b)
        || (acronym && a > 0 && t.is(a - 1, "told"))
    {
        (a, b)
    } else {
        // "The Guardian" keeps its article when the table spells it so.
        let from = if a == a0 + 1 && t.is(a0, "the") {
            a0
        } else {
            a
        };
        let (x, y) = outlet_match(t, from, b)?;
        // "The National Hurricane Center", "The National Institute of Civil Defense": an
        // outlet's name that a body's name runs on from is part of the body's; "Vice
        // President Ana Ruiz": a title word of the table before a name is the title's
        let title = (x..y).any(|k| t.has(k, flag::TITLE)) && y < b;
        if title || (y..b).any(|k| t.is_cap(k) && t.has(k, flag::ORG_HEAD)) {
            return None;
        }
        (x, y)
    };
    Some(Found {
        a: x,
        b: y,
        kind: EntityKind::Outlet,
        name: clean_name(t, x, y),
        roles: Vec::new(),
    })
}

/// "according to Vellwatch.org": a name written with a web domain right after it (no
/// space around the dot) is the website, a body; the domain is part of its name.
pub(super) fn as_website(t: &Tokens, a: usize, b: usize) -> Option<Found> {
    let dotted = t.is_punct(b, '.') && !t.toks[b].space_before;
    let domain = dotted
        && t.toks.get(b + 1).is_some_and(|x| !x.space_before)
        && rules::WEB_DOMAINS.contains(&t.lo(b + 1))
        && !t.is_cap(b + 1);
    domain.then(|| Found {
        a,
        b: b + 2,
        kind: EntityKind::Organization,
        name: t.span_text(a, b + 2).to_string(),
        roles: Vec::new(),
    })
}

/// "wrote in Ny Tid", "a study published in The Lancet", "the findings appear in Vell
/// Medicine": the run from `a0` is a publication, named after a writing verb and "in", or
/// after a verb of publishing and "in" (a time may come between: "published on Monday
/// in") when a study or paper was what was published (a book "published in London" names
/// a city, a singer who "appeared in Paris" was there).
fn printed_in(t: &Tokens, a0: usize) -> bool {
    if a0 < 2 || !t.is(a0 - 1, "in") {
        return false;
    }
    let is_time = |k: usize| {
        let w = t.lo(k);
        rules::PRINT_TIME_WORDS.contains(&w) || rules::WEEKDAYS.contains(&w)
    };
    // back over at most three words of a time to the verb
    let mut verb = a0 - 2;
    while verb > 0 && a0 - 2 - verb < 3 && is_time(verb) {
        verb -= 1;
    }
    let research =
        || (verb.saturating_sub(4)..verb).any(|k| rules::is_document_or_research(t.lo(k)));
    rules::WRITING_VERBS.contains(&t.lo(verb))
        || (rules::PRINTING_VERBS.contains(&t.lo(verb)) && research())
}

/// "the NTB news agency", "the Ekko newspaper", "told Ekko radio", "speaking on Ekko
/// radio,", "Ekko radio reported": the outlet's kind right after the name (after "the", a
/// listener right after "told", or after "on", "to" or "with" when the kind ends the
/// phrase: "attacks on Vell radio stations" name the town; or before a cue), with no
/// other name after the kind ("the Vell daily Ekko" names Ekko, and Vell is its town).
fn kind_after(t: &Tokens, reg: &Registry, a: usize, b: usize) -> bool {
    let Some(kind_end) = outlet_kind_end(t, b) else {
        return false;
    };
    let ends_phrase =
        || kind_end >= t.len() || !t.is_word(kind_end) || t.has(kind_end, flag::FUNCTION);
    let opened = a > 0
        && (t.is(a - 1, "the")
            || rules::TOLD_CUES.contains(&t.lo(a - 1))
            || (rules::BROADCAST_PREPOSITIONS.contains(&t.lo(a - 1)) && ends_phrase()));
    // "…, Ekko news agency reported": the outlet speaks, with no article before it
    let speaks =
        kind_end < t.len() && t.has(kind_end, flag::CUE) && tagged_as(reg, a, b, 0.0).is_some();
    (opened || speaks)
        && !t.is_cap(kind_end)
        && (a..b).all(|i| !t.has(i, flag::DEMONYM | flag::NOT_NAME))
}

/// Where the words of an outlet's kind that start at `i` end ("newspaper", "news agency"),
/// if a kind starts there.
pub(crate) fn outlet_kind_end(t: &Tokens, i: usize) -> Option<usize> {
    if rules::OUTLET_KINDS.contains(&t.lo(i)) && !t.is_cap(i) {
        Some(i + 1)
    } else if t.is(i, "news") && t.is(i + 1, "agency") {
        Some(i + 2)
    } else {
        None
    }
}

/// Where the service of an outlet named up to `i` ends ("BBC| Radio 4’s Today programme",
/// "Sky News| Australia"), no further than `limit`: a service word, the capitalised words
/// and numbers after it, and after a possessive the programme's name. `None` when no
/// service word follows: "told Reuters Ukraine would …" keeps its content.
pub(crate) fn outlet_service_end(t: &Tokens, i: usize, limit: usize) -> Option<usize> {
    if i >= limit || !t.is_cap(i) || !rules::OUTLET_SERVICE_WORDS.contains(&t.lo(i)) {
        return None;
    }
    let named = |k: usize| k < limit && (t.is_cap(k) || t.toks[k].kind == Kind::Num);
    let mut e = i + 1;
    while named(e) && !t.is_possessive(e - 1) {
        e += 1;
    }
    // "4’s": a number's possessive is tokens of its own
    let apart =
        e + 1 < limit && matches!(t.s(e), "’" | "'") && !t.toks[e].space_before && t.is(e + 1, "s");
    if apart {
        e += 2;
    }
    if apart || t.is_possessive(e - 1) {
        let mut p = e;
        while p < limit && t.is_cap(p) {
            p += 1;
        }
        if p < limit && p > e && rules::PROGRAMME_NOUNS.contains(&t.lo(p)) {
            e = p + 1;
        }
    }
    Some(e)
}

/// An outlet by its head word ("… Television"), or a body: a head word ("Ministry"), a
/// kind of body right before it ("German carmaker Velto") or described after it.
pub(super) fn as_body(t: &Tokens, reg: &Registry, a: usize, b: usize) -> Option<Found> {
    if let Some(person) = person_of_body(t, reg, a, b) {
        return Some(person);
    }
    let org_head = |i: usize| t.has(i, flag::ORG_HEAD) && t.is_cap(i);
    // "the Harbour Board Spokesperson": a role after a body's name is no part of it
    let mut b = b;
    // ("Ministry of Defence" keeps its portfolio)
    while b > a + 1
        && t.has(b - 1, flag::ROLE)
        && !org_head(b - 1)
        && t.is_cap(b - 2)
        && !t.has(b - 2, flag::FUNCTION)
    {
        b -= 1;
    }
    let has_org = (a..b).any(org_head);
    let outlet_head = |i: usize| t.has(i, flag::OUTLET_HEAD) && t.is_cap(i);
    let has_outlet = (a..b).any(outlet_head);
    // "Capital Radio": a name that ends in an outlet's head word is the outlet's
    if has_outlet && (!has_org || outlet_head(b - 1)) && b - a >= 2 {
        return Some(Found {
            a,
            b,
            kind: EntityKind::Outlet,
            name: clean_name(t, a, b),
            roles: Vec::new(),
        });
    }
    // "Shares of Arkam Holdings": a sentence's first word before "of" is no part of the
    // body named after it
    let a = if t.is(a + 1, "of")
        && a + 2 < b
        && sentence_initial(t, a)
        && !org_head(a)
        && (a + 2..b).any(org_head)
    {
        a + 2
    } else {
        a
    };
    // "the firm Velto", "the private firm Nordel Vale": a kind of body before a short name
    // (not "the firm Ana Ruiz founded", a given name first)
    let short = b == a + 1 || (b <= a + 3 && given_name_class(t.lo(a)) == 0);
    let introduced_org =
        short && a > 0 && !t.toks[a - 1].cap && rules::is_org_descriptor(t.lo(a - 1));
    // "Velto Power & Light": names joined by an ampersand are a firm's
    let ampersand = (a..b).any(|i| t.is_punct(i, '&'));
    if !(has_org || introduced_org || ampersand || described_as_organization(t, b)) {
        return None;
    }
    // two bodies joined by "and", each with its head word, are two names; inside what a
    // head word is "of" or "for", a part that opens with no head word of its own is one
    // name ("Department of Health and Human Services")
    let b = (a + 1..b)
        .find(|&k| {
            t.is(k, "and")
                && (a..k).any(org_head)
                && (k + 1..b).any(org_head)
                && (org_head(k + 1) || t.is(k + 1, "the") || !names_what_a_body_is(t, a, k))
        })
        .unwrap_or(b);
    Some(Found {
        a,
        b,
        kind: EntityKind::Organization,
        name: strip_possessive(t.span_text(a, b)).to_string(),
        roles: Vec::new(),
    })
}

/// "… Harbour Board Jon Bray", "Ambassador to Canada Jon Bray": a given name
/// and a surname closing a run after a body's head word or a country's name are a person
/// the body or country is named before (the scanner keeps that as a name of its own); a
/// body named after a person ends in its head word ("Jon Bray Foundation").
pub(super) fn person_after_body(
    t: &Tokens,
    gaz: Option<&Gazetteer>,
    a: usize,
    b: usize,
) -> Option<Found> {
    let k = b.checked_sub(2).filter(|&k| k > a)?;
    let before = (a..k).any(|i| t.has(i, flag::ORG_HEAD) && t.is_cap(i))
        || rules::is_country_in(gaz, t.span_text(a, k));
    let named = given_name_class(t.lo(k)) > 0 && (k..b).all(|i| is_person_word(t, i)) && before;
    named.then(|| Found {
        a: k,
        b,
        kind: EntityKind::Person,
        name: clean_name(t, k, b),
        roles: Vec::new(),
    })
}

/// "Ana Kovac of the Red Cross", "Ana Kovac of Bloomberg", "Ana Kovac for the Red Cross"
/// (who speaks for it): a given name and a surname before "of" or "for" and a body or an
/// outlet is the person, not part of the body's name (the body is read after it). Any
/// listed given name will do here (the body after "of" is evidence enough), and an
/// occupation opening the sentence ("Geologist Ana Kovac of …") is no part of the name.
pub(super) fn person_of_body(t: &Tokens, reg: &Registry, a: usize, b: usize) -> Option<Found> {
    let given = |i: usize| given_name_class(t.lo(i)) > 0;
    // the mention keeps the occupation's word, so it is no name of its own
    let n = if sentence_initial(t, a) && !given(a) && a + 1 < b && given(a + 1) {
        a + 1
    } else {
        a
    };
    let k = (n + 2..b.min(n + 4)).find(|&k| rules::AFFILIATION_WORDS.contains(&t.lo(k)))?;
    // "said Tsegaye Alemu of the … Association": two words no table knows and the text
    // never writes in lower case, right after a cue or before one, are a name whatever
    // list of given names lacks the first ("Grand Harbour of …" holds an adjective)
    let after_cue = (a > 0 && t.has(a - 1, flag::CUE) && !t.is_cap(a - 1)) || cue_follows(t, b);
    let unknown = |i: usize| {
        !t.has(i, u32::MAX)
            && !t.lex.is_adjective(t.lo(i))
            && !reg.common.contains(&word_hash(t.lo(i)))
    };
    let unknown_pair = after_cue && k == n + 2 && (n..k).all(unknown);
    // a listed given name before a cue speaks for whatever follows "of" or "for", head
    // word or not ("Ana Kovac for Food Standards Oster says", or with a comma closing
    // the long name: "…, says")
    // "Ana Ruiz Stadium for the …" is a stadium
    let named = (n..k).all(|i| t.is_cap(i) && t.is_word(i) && !t.has(i, flag::ORG_HEAD))
        && !ends_in_a_site_noun(t, k)
        && (given(n) || unknown_pair)
        && ((k + 1..b).any(|i| t.has(i, flag::ORG_HEAD) && t.is_cap(i))
            || outlet_match(t, k + 1, b).is_some()
            || (given(n) && (cue_follows(t, b) || (t.is_punct(b, ',') && cue_follows(t, b + 1)))));
    named.then(|| Found {
        a,
        b: k,
        kind: EntityKind::Person,
        name: clean_name(t, n, k),
        roles: (a..n)
            .filter(|&i| t.has(i, flag::ROLE))
            .map(|i| t.lo(i).to_string())
            .collect(),
    })
}

/// A club named after its town ("Vell United", "Real Oster"): a club word before or after
/// a place the gazetteer knows, the whole run being no place of its own.
pub(super) fn as_club(t: &Tokens, gaz: Option<&Gazetteer>, a: usize, b: usize) -> Option<Found> {
    let g = gaz?;
    if b < a + 2 {
        return None;
    }
    let place = |x: usize, y: usize| !g.lookup(&fold(t.span_text(x, y))).is_empty();
    let before = rules::CLUB_WORDS_BEFORE.contains(&t.lo(a)) && place(a + 1, b);
    let after = rules::CLUB_WORDS_AFTER.contains(&t.lo(b - 1)) && place(a, b - 1);
    ((before || after) && !place(a, b)).then(|| organization(t, a, b))
}

/// "China Mobile said", "data from Norway Genebank": a country's name opening a run the
/// gazetteer lacks is a body or a firm of that country, when no feature word ("Sea",
/// "Strait") or title follows in the run and the country's name is no common given name
/// ("Jordan Ruiz" is a person; a rarer one, "China", opens more firms than people).
pub(super) fn as_country_body(
    t: &Tokens,
    gaz: Option<&Gazetteer>,
    a: usize,
    b: usize,
) -> Option<Found> {
    let g = gaz?;
    let plain = |k: usize| t.is_cap(k) && !t.has(k, flag::GEO | flag::REGION | flag::TITLE);
    let body = b >= a + 2
        && rules::is_country(t.s(a))
        && given_name_class(t.lo(a)) < 3
        && (a + 1..b).all(plain)
        // "the Malta Herald": a paper, read by its head word
        && !t.has(b - 1, flag::OUTLET_HEAD)
        && g.lookup(&fold(t.span_text(a, b))).is_empty();
    body.then(|| organization(t, a, b))
}

/// The run `[a, b)` as an organisation named as written.
/// "the IG Metall union", "the opposition Green party": a short name between "the" (and a
/// word describing it) and the kind of body it is; not what describes the body: a
/// nationality, an adjective compound or a large place or capital ("the German carmaker",
/// "the Oslo-based company", "the London firm"; "Green" names only villages).
pub(super) fn body_by_kind_after(
    t: &Tokens,
    gaz: Option<&Gazetteer>,
    a: usize,
    b: usize,
) -> Option<Found> {
    let kind = t.is_word(b) && !t.toks[b].cap && rules::is_org_descriptor(t.lo(b));
    let the = (a > 0 && t.is(a - 1, "the"))
        || (a > 1 && t.is(a - 2, "the") && t.is_word(a - 1) && !t.toks[a - 1].cap);
    let adjective = |i: usize| {
        t.s(i)
            .rsplit_once('-')
            .is_some_and(|(_, last)| last.starts_with(char::is_lowercase))
    };
    let describes = (a..b).any(|i| t.has(i, flag::DEMONYM) || adjective(i))
        || gaz.is_some_and(|g| {
            let folded = fold(&clean_name(t, a, b));
            is_large_place(g, &folded) || large_place(g, &folded).is_some()
        });
    (kind && the && b - a <= 3 && !describes).then(|| organization(t, a, b))
}

fn organization(t: &Tokens, a: usize, b: usize) -> Found {
    Found {
        a,
        b,
        kind: EntityKind::Organization,
        name: clean_name(t, a, b),
        roles: Vec::new(),
    }
}
