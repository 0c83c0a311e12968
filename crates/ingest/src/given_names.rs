//! The given-name list (`data/given_names.tsv.gz`, see `data/ATTRIBUTION`): how common
//! each name is and, where the list is clear, its sex. Tokens flag demonym guesses with it,
//! the tagger reads it as a feature and pronoun resolution asks it for a person's sex.

use std::io::Read;
use std::sync::OnceLock;

use claimgraph_gazetteer::FnvMap;

use crate::hash::word_hash;

static GIVEN_DATA: &[u8] = include_bytes!("../data/given_names.tsv.gz");

/// A given name's sex, where the name list says it is clearly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// The parsed given-name list: how common each name is, and the sex of those that are
/// clearly one (unisex and unclear names are absent from `genders`).
#[derive(Default)]
struct GivenNames {
    scores: FnvMap<u64, u8>,
    genders: FnvMap<u64, Gender>,
}

fn shipped_given() -> &'static GivenNames {
    static NAMES: OnceLock<GivenNames> = OnceLock::new();
    NAMES.get_or_init(|| parse_given(GIVEN_DATA).unwrap_or_default())
}

/// The shipped given-name list: lower-case name hash → how common, 1..=13.
pub(crate) fn given_names() -> &'static FnvMap<u64, u8> {
    &shipped_given().scores
}

/// The sex of a given name ("Lena", "Ivo"), or `None` if the list has it as unisex or
/// does not know it: pronoun resolution only excludes people whose name is clearly the
/// other sex.
/// Rare names (below [`GENDER_MIN_SCORE`]) count as unknown: a name seldom given in the
/// dictionary's countries is as likely a foreign name of the other sex.
pub(crate) fn given_name_gender(first: &str) -> Option<Gender> {
    let names = shipped_given();
    let hash = word_hash(&first.to_lowercase());
    let common = names
        .scores
        .get(&hash)
        .is_some_and(|&s| s >= GENDER_MIN_SCORE);
    names.genders.get(&hash).copied().filter(|_| common)
}

/// The least commonness (1..=13) at which a given name's sex is trusted; every Census
/// name has at least 6.
const GENDER_MIN_SCORE: u8 = 6;

/// Reads `name<TAB>score[<TAB>gender]` lines; a missing or unreadable gender is unknown.
fn parse_given(data: &[u8]) -> Result<GivenNames, std::io::Error> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(data).read_to_string(&mut text)?;
    let mut names = GivenNames::default();
    names.scores.reserve(60_000);
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(name), Some(score)) = (cols.next(), cols.next()) else {
            continue;
        };
        let hash = word_hash(name);
        names
            .scores
            .insert(hash, score.trim().parse::<u8>().unwrap_or(1));
        let gender = match cols.next().map(str::trim) {
            Some("m") => Gender::Male,
            Some("f") => Gender::Female,
            _ => continue,
        };
        names.genders.insert(hash, gender);
    }
    Ok(names)
}

/// How common a given name is, bucketed: 0 none, 1 rare, 2 known, 3 common.
pub fn given_class(given: &FnvMap<u64, u8>, lower: &str) -> u8 {
    match given.get(&word_hash(lower)).copied().unwrap_or(0) {
        0 => 0,
        1..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_name_genders() {
        let cases = [
            ("Lena", Some(Gender::Female)),
            ("mary", Some(Gender::Female)),
            ("Sarah", Some(Gender::Female)),
            ("Ivo", Some(Gender::Male)),
            ("Mark", Some(Gender::Male)),
            ("JOHN", Some(Gender::Male)),
            // unisex or unclear: neither
            ("Robin", None),
            ("Jean", None),
            ("Andrea", None),
            ("Alex", None),
            ("Ellis", None),
            // clearly male in the list but rare: not trusted
            ("Aafko", None),
            // not a given name
            ("Xqzv", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(given_name_gender(name), want, "{name}");
        }
    }

    #[test]
    fn given_list_parses_old_and_new_lines() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(
            &mut gz,
            b"lena\t13\tf\nivo\t8\tm\nrobin\t13\tu\nmark\t12\nbad\n",
        )
        .expect("writes");
        let names = parse_given(&gz.finish().expect("gzips")).expect("parses");
        let h = word_hash;
        let cases = [
            ("lena", Some(13), Some(Gender::Female)),
            ("ivo", Some(8), Some(Gender::Male)),
            ("robin", Some(13), None),
            ("mark", Some(12), None),
            ("bad", None, None),
        ];
        for (name, score, gender) in cases {
            assert_eq!(names.scores.get(&h(name)).copied(), score, "{name}");
            assert_eq!(names.genders.get(&h(name)).copied(), gender, "{name}");
        }
    }
}
