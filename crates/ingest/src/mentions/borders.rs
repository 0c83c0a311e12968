//! Borders between two named places: "the Chile–Peru border" and a later "the border".

use claimgraph_gazetteer::{fold, Gazetteer};

use crate::model::EntityKind;
use crate::text::Tokens;

use super::descriptions::stands_alone;
use super::evidence::large_place;
use super::registry::{Found, Registry};

/// How far back (in tokens) "the border" looks for the border the text named.
pub(super) const BORDER_LOOKBACK: usize = 600;

/// "the Chile–Peru border", "the Brazil-Uruguay border": two places joined by a dash before
/// "border" name one place, the border, under one name whichever order the text writes
/// (the two names sorted, joined by an en dash). A later "the border" standing alone is
/// the border the text named last.
pub(super) fn name_borders(t: &Tokens, reg: &mut Registry, gaz: Option<&Gazetteer>) {
    let mut borders: Vec<Found> = gaz.map_or_else(Vec::new, |g| hyphened_borders(t, g));
    reg.found
        .retain(|f| !borders.iter().any(|x| f.a < x.b && x.a < f.b));
    reg.add_found(borders.clone());
    let mut k = 1;
    while k < reg.found.len() {
        let (x, y) = (&reg.found[k - 1], &reg.found[k]);
        let places = x.kind == EntityKind::Place && y.kind == EntityKind::Place;
        let joint = t.text.get(t.end(x.b - 1)..t.start(y.a)).unwrap_or(" ");
        let dashed = !joint.is_empty()
            && joint.chars().all(|c| matches!(c, '.' | '-' | '–'))
            && joint.contains(['-', '–']);
        if places && dashed && t.is(y.b, "border") && !t.is_cap(y.b) {
            let border = border(x.a, y.b + 1, [reg.place_of(x).0, reg.place_of(y).0]);
            reg.found.splice(k - 1..=k, [border.clone()]);
            borders.push(border);
            continue;
        }
        k += 1;
    }
    // "named last" in the text: the written and the hyphenated ones in one order
    borders.sort_by_key(|f| f.a);
    let described = (1..t.len())
        .filter(|&i| t.is(i, "border") && t.is(i - 1, "the") && stands_alone(t, i + 1))
        .filter_map(|i| {
            let named = borders
                .iter()
                .rev()
                .find(|f| f.b <= i && f.b + BORDER_LOOKBACK >= i && f.a != i - 1)?;
            Some(Found {
                a: i - 1,
                b: i + 1,
                ..named.clone()
            })
        })
        .collect();
    reg.add_found(described);
}

/// The border between two places, named the same whichever order the text writes them.
pub(super) fn border(a: usize, b: usize, mut names: [String; 2]) -> Found {
    names.sort();
    Found {
        a,
        b,
        kind: EntityKind::Place,
        name: format!("{}–{} border", names[0], names[1]),
        roles: Vec::new(),
    }
}

/// "the Peru-Chile border" written as one hyphenated word: both halves must be countries
/// or large places of the gazetteer.
pub(super) fn hyphened_borders(t: &Tokens, g: &Gazetteer) -> Vec<Found> {
    let name = |w: &str| -> Option<String> {
        let key = fold(w);
        if let Some(c) = g.country_named(&key) {
            return Some(c.name.to_string());
        }
        large_place(g, &key).map(|p| g.place(p).name.to_string())
    };
    (1..t.len())
        .filter(|&i| t.is(i, "border") && t.is_cap(i - 1))
        .filter_map(|i| {
            let (x, y) = t.s(i - 1).split_once('-')?;
            Some(border(i - 1, i + 1, [name(x)?, name(y)?]))
        })
        .collect()
}
