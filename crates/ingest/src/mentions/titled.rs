//! A person named after a title ("Deputy Water Minister Lena Ekdal", "President of the
//! Harbour Board Ana Ruiz"): where the title ends and the name begins.

use claimgraph_gazetteer::Gazetteer;

use crate::model::EntityKind;
use crate::text::{flag, Tokens};

use super::evidence::{country_after_of, given_name_class, roles_after};
use super::registry::{Found, Registry};
use super::words::{clean_name, is_person_word, name_words};

/// Where the name after the run's last title begins: "Deputy Water Minister Lena Ekdal",
/// "President of the Republic of Norland Ana Ruiz", "President of the Harbour Board Ana
/// Ruiz" (the name follows the body's head word).
pub(super) fn after_title(t: &Tokens, tt: usize, b: usize, gaz: Option<&Gazetteer>) -> usize {
    let mut n = tt + 1;
    if t.is_punct(n, '.') {
        n += 1;
    }
    if t.is(n, "of") && t.is_cap(n + 1) && n + 2 < b {
        n += 2;
    } else if let Some(end) = country_after_of(t, gaz, n, b) {
        n = end;
    }
    if t.is(tt + 1, "of") {
        if let Some(h) = (n..b)
            .rev()
            .find(|&i| t.has(i, flag::ORG_HEAD) && t.is_cap(i))
        {
            n = n.max(h + 1);
        }
    }
    n
}

/// A person named after a title inside the run, with the titles and roles around.
pub(super) fn as_titled_person(
    t: &Tokens,
    reg: &Registry,
    a: usize,
    b: usize,
    gaz: Option<&Gazetteer>,
) -> Option<Found> {
    let tt = (a..b)
        .rev()
        .find(|&i| t.has(i, flag::TITLE) && t.is_cap(i))?;
    // "Ministry of Foreign Affairs", "Department of State", "Council on Foreign
    // Relations": a portfolio or subject in a body's name
    let of_body = tt > a + 1
        && (t.is(tt - 1, "of") || t.is(tt - 1, "on"))
        && (a..tt - 1).any(|i| t.has(i, flag::ORG_HEAD) && t.is_cap(i));
    if of_body {
        return None;
    }
    let n = after_title(t, tt, b, gaz);
    // "Professor Ana Ruiz of the University of Oster": the person ends before "of"
    let b = (n..b)
        .find(|&i| t.is(i, "of"))
        .filter(|&o| o > n && (n..o).all(|i| is_person_word(t, i)))
        .unwrap_or(b);
    if n >= b || !(n..b).all(|i| is_person_word(t, i)) || name_words(t, n, b) > 4 {
        return None;
    }
    let mut roles: Vec<String> = (a..n)
        .filter(|&i| t.has(i, flag::TITLE | flag::ROLE))
        .map(|i| t.lo(i).to_string())
        .collect();
    roles.extend(roles_after(t, b, t.len()).0);
    let written = clean_name(t, n, b);
    let name = reg.person_name(&written).unwrap_or(&written).to_string();
    // "Harbour Board Secretary Ana Ruiz": the board is a mention of its own; a lone word
    // before the title is the portfolio ("Energy Minister Ana Ruiz"), no body
    let start = (a + 1..n)
        .rev()
        .find(|&i| t.has(i, flag::ORG_HEAD) && t.is_cap(i))
        .map_or(a, |i| i + 1);
    Some(Found {
        a: start,
        b,
        kind: EntityKind::Person,
        name,
        roles,
    })
}

/// Most words of a monarch's or pope's name before the regnal number ("Benedict XVI",
/// "Mohammed Zahir Shah II").
const REGNAL_NAME_WORDS: usize = 3;

/// "King Charles III", "Pope Benedict XVI", "Elizabeth II": a given name and a regnal
/// number (a Roman numeral) closing the run, after any titles, is a person — the
/// numeral's capitals are no body's acronym. The titles are roles.
pub(super) fn as_regnal_person(t: &Tokens, a: usize, b: usize) -> Option<Found> {
    let last = b
        .checked_sub(1)
        .filter(|&l| l > a && is_regnal_number(t.s(l)))?;
    let n = (a..last).find(|&i| !(t.has(i, flag::TITLE) && t.is_cap(i)))?;
    let named = n < last
        && last - n <= REGNAL_NAME_WORDS
        && given_name_class(t.lo(n)) > 0
        && (n..last).all(|i| is_person_word(t, i));
    named.then(|| Found {
        a,
        b,
        kind: EntityKind::Person,
        name: clean_name(t, n, b),
        roles: (a..n).map(|i| t.lo(i).to_string()).collect(),
    })
}

/// A Roman numeral from II to XXXIX, as regnal numbers are written ("I" alone is the
/// pronoun far more often).
fn is_regnal_number(word: &str) -> bool {
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let Some(digits) = word.chars().map(value).collect::<Option<Vec<u32>>>() else {
        return false;
    };
    let total = digits.iter().enumerate().fold(0i64, |sum, (k, &d)| {
        let before_larger = digits.get(k + 1).is_some_and(|&next| next > d);
        if before_larger {
            sum - i64::from(d)
        } else {
            sum + i64::from(d)
        }
    });
    (2..40).contains(&total) && word.len() <= 6
}
