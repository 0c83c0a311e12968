//! National capitals named by description: "the capital", "the Danish capital".

use claimgraph_gazetteer::{fold, CountryCode, Gazetteer};

use crate::model::{EntityKind, PlaceType};
use crate::rules;
use crate::text::Tokens;

use super::descriptions::stands_alone;
use super::registry::{Found, Registry};

/// How far back (in tokens) "the capital" looks for the capital or country it means.
pub(super) const CAPITAL_LOOKBACK: usize = 150;

/// "the capital", "the Danish capital", "Peru's capital", "the capital city": a national
/// capital named by description. A demonym or a country's possessive says whose; alone, it
/// is the capital the text named last, or the capital of the country it named last, within
/// a few sentences. "the capital of X", "a regional capital" and compounds ("capital
/// markets") are left alone.
pub(super) fn resolve_capitals(t: &Tokens, reg: &mut Registry, g: &Gazetteer) {
    let mut extra = Vec::new();
    for i in 1..t.len() {
        let possessive = crate::text::strip_possessive(t.lo(i)) == Some("capital");
        if !(t.is(i, "capital") || possessive) || t.is_cap(i) {
            continue;
        }
        let b = if t.is(i + 1, "city") { i + 2 } else { i + 1 };
        if !possessive && (!stands_alone(t, b) || t.is(b, "of")) {
            continue;
        }
        let Some((from, owner)) = capital_owner(t, i, g) else {
            continue;
        };
        let code = owner.or_else(|| recent_capital_country(reg, from));
        let Some(p) = code.and_then(|c| g.capital_of(c)) else {
            continue;
        };
        let r = crate::places::capital(g, p);
        let name = r.name.clone();
        reg.geo.entry(name.to_lowercase()).or_insert(r);
        extra.push(Found {
            a: from,
            b,
            kind: EntityKind::Place,
            name,
            roles: Vec::new(),
        });
    }
    reg.add_found(extra);
}

/// Where the description of the capital at `i` starts and whose capital it names: a country
/// (demonym, possessive) or `None` for the one the text is talking about ("the capital",
/// "its capital", "the country's capital"). Not a description at all: `None` overall.
pub(super) fn capital_owner(
    t: &Tokens,
    i: usize,
    g: &Gazetteer,
) -> Option<(usize, Option<CountryCode>)> {
    let p = i - 1;
    if rules::CAPITAL_DETERMINERS.contains(&t.lo(p)) {
        return Some((p, None));
    }
    if let Some(stem) = crate::text::strip_possessive(t.lo(p)) {
        if rules::COUNTRY_NOUNS.contains(&stem) {
            return Some((p.saturating_sub(1), None));
        }
        return g.country_named(&fold(stem)).map(|c| (p, Some(c.code)));
    }
    let demonym = t.is_cap(p) && p > 0 && t.is(p - 1, "the");
    demonym
        .then(|| g.demonym_country(&fold(t.lo(p))))
        .flatten()
        .map(|c| (p - 1, Some(c.code)))
}

/// The country of the capital or country the text named last before `at`, nearby.
pub(super) fn recent_capital_country(reg: &Registry, at: usize) -> Option<CountryCode> {
    let upto = reg.found.partition_point(|f| f.b <= at);
    reg.found[..upto]
        .iter()
        .rev()
        .take_while(|f| f.b + CAPITAL_LOOKBACK >= at)
        .filter_map(|f| reg.resolved(f))
        .filter_map(|r| {
            let pl = r.place.as_ref()?;
            (r.capital || pl.place_type == PlaceType::Country).then_some(pl)
        })
        .find_map(|pl| pl.country.as_deref().and_then(CountryCode::parse))
}
