//! What a name's initials are: an acronym ("UN", "U.N.") and the name it abbreviates
//! ("United Nations") must agree wherever names are read or resolved.

/// The letters of an acronym as written ("U.N." and "UN" are "UN"), if the name is one:
/// two to six capitals, nothing else but dots.
pub fn acronym_letters(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let ok = (2..=6).contains(&letters.chars().count())
        && letters.chars().all(|c| c.is_ascii_uppercase());
    ok.then_some(letters)
}

/// The initials of a name's words, small words left out ("National Aeronautics and Space
/// Administration" is "NASA").
pub fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in" | "&" | ""))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `acronym` abbreviates `name` ("U.N." and "United Nations").
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    name.contains(' ') && acronym_letters(acronym).is_some_and(|a| a == initials(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_the_names_they_abbreviate() {
        let cases = [
            ("UN", "United Nations", true),
            ("U.N.", "United Nations", true),
            (
                "NASA",
                "National Aeronautics and Space Administration",
                true,
            ),
            ("WHO", "World Health Organization", true),
            // other letters, a word, a one-word name
            ("UNHCR", "United Nations", false),
            ("Un", "United Nations", false),
            ("OSLO", "Oslo", false),
        ];
        for (acronym, name, want) in cases {
            assert_eq!(abbreviates(acronym, name), want, "{acronym} {name}");
        }
    }
}
