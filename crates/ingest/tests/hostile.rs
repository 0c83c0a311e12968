//! Hostile text: the extractor must finish (no panic, no quadratic blow-up) and return
//! spans that slice the text. No timing assertions: finishing is the test.

use claimgraph_ingest::{ClaimKind, ExtractOptions, Extraction, Extractor, Span};

fn extract(text: &str) -> Extraction {
    let ex = Extractor::new();
    let out = ex.extract(
        text,
        &ExtractOptions {
            headline_is_first_line: true,
        },
    );
    check_spans(text, &out);
    out
}

/// Every span lies inside the text, on char boundaries, start before end.
fn check_spans(text: &str, ex: &Extraction) {
    let ok = |s: &Span| s.start <= s.end && s.end <= text.len() && s.slice(text).is_some();
    for m in &ex.mentions {
        assert!(ok(&m.span), "mention {m:?}");
    }
    for c in &ex.claims {
        assert!(ok(&c.span), "claim {c:?}");
        assert!(c.span.start < c.span.end, "empty claim {c:?}");
        for m in c.speaker.iter().chain(&c.via).chain(&c.places) {
            assert!(ok(&m.span), "claim mention {m:?}");
        }
        for n in &c.numbers {
            assert!(ok(&n.span), "number {n:?}");
            assert!(n.value.is_finite(), "number {n:?}");
        }
    }
}

#[test]
fn ten_thousand_straight_quotes() {
    let text = "\"".repeat(10_000);
    let out = extract(&text);
    assert!(out.claims.is_empty(), "{:?}", out.claims.len());
}

#[test]
fn ten_thousand_quotes_around_words() {
    let mut text = String::from("Headline\n");
    for i in 0..5_000 {
        text.push_str(&format!("\"Word {i}\" "));
    }
    let out = extract(&text);
    // quotes with no speaker and no cue are not claims of anyone
    assert!(out.claims.iter().all(|c| c.kind != ClaimKind::Indirect));
}

#[test]
fn quoted_sentences_by_the_thousand_keep_their_speaker() {
    let mut text = String::from("Ferry talks\n");
    for i in 0..2_000 {
        text.push_str(&format!(
            "\u{201c}We will sail on day {i},\u{201d} said Tamsin Ollerby. "
        ));
    }
    let out = extract(&text);
    let direct = out
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Direct)
        .count();
    assert_eq!(direct, 2_000);
    assert!(out
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Direct)
        .all(|c| c
            .speaker
            .as_ref()
            .is_some_and(|s| s.name == "Tamsin Ollerby")));
}

#[test]
fn unbalanced_quotes() {
    let mut text = String::from("Harbour dispute\n");
    for i in 0..3_000 {
        text.push_str(&format!(
            "\u{201c}The pier {i} is closed, said the harbour master. "
        ));
    }
    text.push_str("\u{201d}\u{201d}\u{201d}'''\u{2019}\u{2019}");
    extract(&text);
}

#[test]
fn a_megabyte_line_without_punctuation() {
    let text = "the river keeps rising over the old town walls ".repeat(22_000);
    assert!(text.len() > 1_000_000);
    let out = extract(&text);
    assert!(out.claims.is_empty());
}

#[test]
fn a_megabyte_of_capitalised_words() {
    let text = "Alder Brook Council Vestry Mole Quarry ".repeat(27_000);
    assert!(text.len() > 1_000_000);
    extract(&text);
}

#[test]
fn a_megabyte_of_cue_verbs() {
    let text = "said told said according to says claimed warned ".repeat(21_000);
    extract(&text);
}

#[test]
fn deeply_nested_brackets() {
    let mut text = String::from("Nesting\n");
    text.push_str(&"([{\u{201c}".repeat(50_000));
    text.push_str("the mayor said");
    text.push_str(&"\u{201d}}])".repeat(50_000));
    extract(&text);
    let only_open = "(".repeat(200_000);
    extract(&only_open);
}

#[test]
fn rtl_zero_width_and_emoji() {
    let text = "Bridge news\n\u{202e}\u{200f}\u{200b}\u{2066}\u{feff}The bridge in Mostar \u{200d}reopened, \
                \u{05e9}\u{05dc}\u{05d5}\u{05dd} \u{0645}\u{0631}\u{062d}\u{0628}\u{0627} said \
                Imre Halvorsen \u{1f1ee}\u{1f1f9}\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}. \
                \u{201c}We are happy \u{1f389}\u{fe0f} about it,\u{201d} Halvorsen said.\u{200b}\u{200b}\n\
                e\u{301}\u{301}\u{301} \u{1f600}\u{1f600} 4\u{fe0f}\u{20e3} people.\n";
    let out = extract(text);
    assert!(
        out.claims.iter().any(|c| c.kind == ClaimKind::Direct
            && c.span.slice(text).is_some_and(|t| t.contains("happy"))),
        "{:?}",
        out.claims
    );
    let many = "\u{200b}\u{202e}\u{1f600}\u{0645}".repeat(50_000);
    extract(&many);
}

#[test]
fn control_characters_and_lone_line_breaks() {
    let text = "\u{0}\u{1}\r\r\r\n\u{85}\u{2028}\u{2029}\t\u{b}\u{c}".repeat(20_000);
    extract(&text);
    extract("\n");
    extract("\"");
    extract("\u{201c}");
}
