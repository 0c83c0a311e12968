//! Which spellings of a mention become an entity's aliases, and which mention opens a
//! regional seat's question: pure rules on the text, shared by both stores' writers.

use claimgraph_model::{EntityKind, Mention, PlaceRef};

use crate::canon::fold;

/// The city and region a place mention leaves open between, if it does.
pub fn open_seat(m: &Mention) -> Option<(&PlaceRef, &PlaceRef)> {
    let place = m.place.as_ref()?;
    Some((place, place.or_region.as_deref()?))
}

/// The acronym an article defines for an organisation or outlet right after naming it in
/// full ("the Harbour Safety Board (HSB)"): 2 to 6 capitals in brackets, starting with the
/// name's first letter, after a name of two words or more.
pub fn defined_acronym<'t>(text: &'t str, m: &Mention) -> Option<&'t str> {
    if !matches!(m.kind, EntityKind::Organization | EntityKind::Outlet) {
        return None;
    }
    let surface = m.span.slice(text)?;
    let key = fold(surface);
    if key.split(' ').count() < 2 || key != fold(&m.name) {
        return None;
    }
    let rest = text.get(m.span.end..)?.trim_start_matches([' ', '\u{a0}']);
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let acronym = &inner[..close];
    let first = key.chars().next()?.to_ascii_uppercase();
    let ok = (2..=6).contains(&acronym.len())
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && acronym.starts_with(first);
    ok.then_some(acronym)
}

/// Written as a name (capitalised), not a word that points at one ("It", "The city").
pub fn is_written_name(surface: &str) -> bool {
    surface.chars().next().is_some_and(char::is_uppercase) && !is_reference(surface)
}

/// "It", "The city", "This town", "Its": words that point at a place without naming it.
pub fn is_reference(surface: &str) -> bool {
    let first = surface
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        first.as_str(),
        "it" | "its" | "it’s" | "it's" | "the" | "this" | "that" | "these" | "those" | "there"
    )
}

/// `surface` names the same thing as `name` in fewer words: every folded word of the
/// surface is a word of the name, and it is written as a name (capitalised).
pub fn is_short_form(surface: &str, name: &str) -> bool {
    if !surface.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (s, n) = (fold(surface), fold(name));
    if s.is_empty() || s == n {
        return false;
    }
    let words: Vec<&str> = n.split(' ').collect();
    s.split(' ').all(|w| words.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimgraph_model::Span;

    #[test]
    fn references_to_a_place_are_not_its_names() {
        assert!(is_reference("It"));
        assert!(is_reference("The city"));
        assert!(is_reference("This town"));
        assert!(!is_reference("Kyiv"));
        assert!(!is_reference("Thessaloniki"));
    }

    #[test]
    fn acronyms_defined_in_brackets_become_aliases() {
        let text = "the Harbour Safety Board (HSB) said. Then Lena Ivic (HSB) spoke.";
        let at = |s: &str| text.find(s).expect("in text");
        let org = |name: &str, kind| Mention {
            span: Span::new(at(name), at(name) + name.len()),
            name: name.to_string(),
            kind,
            roles: Vec::new(),
            place: None,
        };
        assert_eq!(
            defined_acronym(text, &org("Harbour Safety Board", EntityKind::Organization)),
            Some("HSB")
        );
        assert_eq!(
            defined_acronym(text, &org("Lena Ivic", EntityKind::Person)),
            None
        );
        assert_eq!(
            defined_acronym(text, &org("Lena Ivic", EntityKind::Organization)),
            None
        );
        assert_eq!(
            defined_acronym(text, &org("Safety Board", EntityKind::Organization)),
            None
        );
    }

    #[test]
    fn short_forms_are_capitalised_subsets() {
        assert!(is_short_form("Okafor", "Ada Okafor"));
        assert!(!is_short_form("she", "Ada Okafor"));
        assert!(!is_short_form("Ada Okafor", "Ada Okafor"));
        assert!(!is_short_form("The mayor", "Ada Okafor"));
    }
}
