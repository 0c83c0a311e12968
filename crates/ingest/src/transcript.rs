//! Transcripts and interviews: a speaker label says who speaks until the next label.
//!
//! Broadcast transcripts put the speaker on a line of its own ("ANA RUIZ, Reporting for
//! Radio Vell:"), interviews open each answer with the name ("Ana Ruiz: We never …"). The
//! sentences under a label carry no speech verb, yet they are what that person says.
//!
//! One colon after a name is not a transcript ("Update: the road reopened"): labels count
//! only in an article that has two or more of them.
//!
//! Interviews printed as questions and answers ("Q: …" / "A: …", or bare questions after
//! an introduction that says it is an interview) label the interviewer's questions, which
//! say nothing, and the answers of the person the introduction names most often before
//! the first of them ("…, Ana Ruiz was asked about the budget.").

use crate::mentions::{abbreviated_before, Registry};
use crate::model::{EntityKind, Mention, Span};
use crate::rules;
use crate::text::Tokens;

/// At most this many capitalised words make a speaker's name.
const MAX_NAME_WORDS: usize = 4;

/// How many tokens before an interview's first question its interviewee is looked for.
const INTERVIEWEE_REACH: usize = 400;

/// A label line is short: the name, a role after a comma, the colon.
const MAX_LABEL_LINE: usize = 16;

/// Who speaks a paragraph of a transcript, and where the spoken words start.
#[derive(Debug, Clone)]
pub struct Spoken {
    pub speaker: Mention,
    /// First token of the spoken words (after an inline label).
    pub from: usize,
    /// The paragraph is the label itself: nothing in it is said.
    pub label_only: bool,
}

/// What a paragraph's opening says about speakers.
#[derive(Debug, PartialEq)]
enum Opening {
    /// An ordinary paragraph: the label before it, if any, still holds.
    Text,
    /// A speaker's label: name tokens `a..b`; speech starts at `from` (`None`: the
    /// paragraph is only the label).
    Label {
        a: usize,
        b: usize,
        from: Option<usize>,
    },
    /// A heading ending in a colon that names nobody ("The Morning Show:"): no label holds.
    Heading,
    /// "Q:": the interviewer asks; nothing in the paragraph is a claim.
    Question,
    /// "A:": the interviewee answers from token `from` on.
    Answer { from: usize },
}

/// For each paragraph, who speaks it when the article is a transcript.
pub fn speakers(t: &Tokens, paras: &[(usize, usize)], reg: &Registry) -> Vec<Option<Spoken>> {
    let mut openings: Vec<Opening> = paras
        .iter()
        .map(|&(a, b)| opening(t, a, b, reg, &[]))
        .collect();
    // surnames of the names on labels: a later label may give the surname alone, so the
    // paragraphs not read as labels are read again knowing them (only labels gain)
    let surnames: Vec<String> = openings
        .iter()
        .filter_map(|o| match *o {
            Opening::Label { a, b, .. } if b > a + 1 => Some(t.lo(b - 1).to_string()),
            _ => None,
        })
        .collect();
    if !surnames.is_empty() {
        for (o, &(a, b)) in openings.iter_mut().zip(paras) {
            if matches!(o, Opening::Text | Opening::Heading) {
                *o = opening(t, a, b, reg, &surnames);
            }
        }
    }
    let labelled_count = |openings: &[Opening]| {
        openings
            .iter()
            .filter(|o| !matches!(o, Opening::Text | Opening::Heading))
            .count()
    };
    if labelled_count(&openings) < 2 {
        read_unlabelled_exchanges(t, paras, &mut openings);
    }
    let mut out = vec![None; paras.len()];
    if labelled_count(&openings) < 2 {
        return out;
    }
    let mut current: Option<Mention> = None;
    // the speakers labels named in full, for labels that give a surname alone
    let mut labelled: Vec<Mention> = Vec::new();
    let first_exchange = openings
        .iter()
        .zip(paras)
        .find(|(o, _)| matches!(o, Opening::Question | Opening::Answer { .. }))
        .map(|(_, &(pa, _))| pa);
    let interviewee = first_exchange.and_then(|at| interviewee_before(t, reg, at));
    for (k, (o, &(pa, _))) in openings.iter().zip(paras).enumerate() {
        match *o {
            Opening::Heading => current = None,
            Opening::Question => {
                out[k] = interviewee.clone().map(|speaker| Spoken {
                    speaker,
                    from: pa,
                    label_only: true,
                });
                current = None;
            }
            Opening::Answer { from } => {
                out[k] = interviewee.clone().map(|speaker| Spoken {
                    speaker,
                    from,
                    label_only: false,
                });
                current.clone_from(&interviewee);
            }
            Opening::Label { a, b, from } => {
                let speaker = speaker_of(t, a, b, reg);
                // "OSK:" after "MARTA OSK, HOST:": the one the earlier label named
                let span = speaker.span;
                let speaker = labelled
                    .iter()
                    .find(|m| b == a + 1 && surname_of(&m.name) == t.lo(a))
                    .map_or(speaker, |m| Mention { span, ..m.clone() });
                if b > a + 1 {
                    labelled.push(speaker.clone());
                }
                out[k] = Some(Spoken {
                    speaker: speaker.clone(),
                    from: from.unwrap_or(pa),
                    label_only: from.is_none(),
                });
                current = Some(speaker);
            }
            Opening::Text => {
                out[k] = current.clone().map(|speaker| Spoken {
                    speaker,
                    from: pa,
                    label_only: false,
                });
            }
        }
    }
    out
}

/// An interview printed as bare questions and answers: two or more paragraphs that only
/// ask, each followed by one that does not, after an introduction that says it is an
/// interview ("We talked to him"). Each such question becomes the interviewer's, and the
/// paragraph after it the interviewee's answer; an explainer asking its own questions
/// has no such introduction and is left as it is.
fn read_unlabelled_exchanges(t: &Tokens, paras: &[(usize, usize)], openings: &mut [Opening]) {
    let asks = |k: usize| {
        let (a, b) = paras[k];
        matches!(openings[k], Opening::Text) && b - a <= MAX_QUESTION && ends_asking(t, a, b)
    };
    let exchanges: Vec<usize> = (0..paras.len().saturating_sub(1))
        .filter(|&k| asks(k) && !asks(k + 1) && matches!(openings[k + 1], Opening::Text))
        .collect();
    let Some(&first) = exchanges.first() else {
        return;
    };
    let introduced = (0..paras[first].0).any(|i| rules::INTERVIEW_CUES.contains(&t.lo(i)));
    if exchanges.len() < 2 || !introduced {
        return;
    }
    for k in exchanges {
        openings[k] = Opening::Question;
        openings[k + 1] = Opening::Answer {
            from: paras[k + 1].0,
        };
    }
}

/// Whether the paragraph `a..b` ends with a question mark (closing quotes aside).
fn ends_asking(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b)
        .rev()
        .find(|&i| !t.is_quote(i))
        .is_some_and(|i| t.is_punct(i, '?'))
}

/// Most tokens of a paragraph read as an interviewer's bare question.
const MAX_QUESTION: usize = 60;

/// Reads a paragraph's opening as a label, a heading or text; `surnames` (lower case)
/// are those of the names on the article's labels.
fn opening(t: &Tokens, a: usize, b: usize, reg: &Registry, surnames: &[String]) -> Opening {
    // "(SOUNDBITE) ANA RUIZ, Mayor of Vell: …": a direction before the label
    let a = past_leading_direction(t, a, b);
    let Some(colon) = (a..b.min(a + MAX_LABEL_LINE)).find(|&i| t.is_punct(i, ':')) else {
        return Opening::Text;
    };
    if colon == a + 1 && colon + 1 < b {
        if rules::QUESTION_LABELS.contains(&t.s(a)) {
            return Opening::Question;
        }
        if rules::ANSWER_LABELS.contains(&t.s(a)) {
            return Opening::Answer { from: colon + 1 };
        }
    }
    let name_end = (a..colon).find(|&i| t.is_punct(i, ',')).unwrap_or(colon);
    let line = colon + 1 == b;
    // an inline label is the name and the colon, or, all in capitals, the name and a role
    // ("ANA RUIZ, BYLINE: …", as broadcasters print them)
    // ("ANA RUIZ, Mayor of Vell:" too: a name in capitals, a short role after it)
    if !line
        && name_end != colon
        && !(in_capitals(t, a, name_end)
            && (in_capitals(t, name_end + 1, colon) || colon - name_end <= MAX_ROLE_WORDS))
    {
        return Opening::Text;
    }
    let labelled_surname = name_end == a + 1 && surnames.iter().any(|n| n == t.lo(a));
    if !is_name(t, a, name_end, reg) && !labelled_surname {
        return if line && t.is_cap(a) {
            Opening::Heading
        } else {
            Opening::Text
        };
    }
    Opening::Label {
        a,
        b: name_end,
        from: (!line).then(|| past_stage_direction(t, colon + 1, b)),
    }
}

/// At most this many words make a stage direction in brackets.
const STAGE_DIRECTION_WORDS: usize = 6;

/// At most this many tokens make the role after a name in capitals ("Mayor of Vell").
const MAX_ROLE_WORDS: usize = 7;

/// Past a bracketed direction in capitals opening a paragraph ("(SOUNDBITE)", "(BEGIN
/// VIDEO CLIP)"), which no one says and which names no one.
fn past_leading_direction(t: &Tokens, a: usize, b: usize) -> usize {
    direction_close(t, a, b)
        .filter(|&close| in_capitals(t, a + 1, close))
        .map_or(a, |close| close + 1)
}

/// The closing bracket of a short direction in brackets opening at `from`, when words
/// follow it before `b`.
fn direction_close(t: &Tokens, from: usize, b: usize) -> Option<usize> {
    if !t.is_punct(from, '(') {
        return None;
    }
    let most = b.min(from + STAGE_DIRECTION_WORDS + 2);
    (from + 1..most)
        .find(|&i| t.is_punct(i, ')'))
        .filter(|&close| close + 1 < b)
}

/// Where the spoken words start after a label's colon at `from`: past a stage direction
/// in brackets ("(Through interpreter)", "(Speaking Spanish)"), which no one says.
fn past_stage_direction(t: &Tokens, from: usize, b: usize) -> usize {
    direction_close(t, from, b).map_or(from, |close| close + 1)
}

/// Whether tokens `a..b` are a speaker's name: capitalised words (initials and hyphens
/// allowed), not a heading word; one word only if the article knows it as a name or as the
/// surname of someone it named ("BRAY:" after "Jon Bray"). A period stays only where a
/// name keeps its word abbreviated ([`abbreviated_before`]: "J. R. Hale", "Dr. Hale"); after
/// a name it ends a sentence ("Ana Ruiz. Image:" opens a photo caption, no label).
fn is_name(t: &Tokens, a: usize, b: usize, reg: &Registry) -> bool {
    let words = (a..b).filter(|&i| t.is_word(i)).count();
    let period = |i: usize| t.is_punct(i, '.') && i > a && abbreviated_before(t, i);
    let shaped = (a..b).all(|i| t.is_cap(i) || t.is_punct(i, '-') || period(i));
    let heading_word = (a..b).any(|i| rules::NOT_SPEAKER_LABELS.contains(&t.lo(i)));
    if !shaped || words == 0 || words > MAX_NAME_WORDS || heading_word {
        return false;
    }
    words > 1 || known_run(a, b, reg).is_some() || reg.person_name(t.s(a)).is_some()
}

/// Whether tokens `a..b` hold words, at most [`MAX_NAME_WORDS`], with no lower-case letter.
fn in_capitals(t: &Tokens, a: usize, b: usize) -> bool {
    let words = (a..b).filter(|&i| t.is_word(i)).count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && (a..b).all(|i| !t.is_word(i) || !t.s(i).chars().any(char::is_lowercase))
}

/// The registry's run that is exactly tokens `a..b`, when it names someone who can speak.
fn known_run(a: usize, b: usize, reg: &Registry) -> Option<&crate::mentions::Found> {
    reg.overlapping(a, b).iter().find(|f| {
        f.a == a
            && f.b == b
            && matches!(
                f.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Outlet
            )
    })
}

/// The interviewee: the person the introduction names most often in the tokens before
/// `at` (the one named last among equals). An introduction names whom it interviews
/// more often than the people the talk is about, who may be named last ("… his
/// predecessor Jon Bray.").
fn interviewee_before(t: &Tokens, reg: &Registry, at: usize) -> Option<Mention> {
    // (name, times named, last mention)
    let mut named: Vec<(String, usize, Mention)> = Vec::new();
    for i in at.saturating_sub(INTERVIEWEE_REACH)..at {
        let Some(m) = person_ending_at(t, reg, i) else {
            continue;
        };
        match named.iter_mut().find(|(n, _, _)| *n == m.name) {
            Some(entry) => {
                entry.1 += 1;
                entry.2 = m;
            }
            None => named.push((m.name.clone(), 1, m)),
        }
    }
    // the most named; among equals, the one named last
    named
        .into_iter()
        .max_by_key(|(_, count, m)| (*count, m.span.start))
        .map(|(_, _, m)| m)
}

/// The person whose name (or known surname) ends at token `i`, if one does.
fn person_ending_at(t: &Tokens, reg: &Registry, i: usize) -> Option<Mention> {
    if let Some(f) = reg
        .overlapping(i, i + 1)
        .iter()
        .find(|f| f.kind == EntityKind::Person)
    {
        // a name counts once, at its last word
        if f.b != i + 1 {
            return None;
        }
        let name = reg.resolved(f).map_or(&f.name, |r| &r.name);
        let span = Span::new(t.start(f.a), t.end(i));
        return Some(mention(span, name, EntityKind::Person));
    }
    let known = t.is_cap(i).then(|| reg.person_name(t.s(i))).flatten()?;
    let span = Span::new(t.start(i), t.end(i));
    Some(mention(span, known, EntityKind::Person))
}

/// The label's speaker: the article's name for it when it knows one (a label in capitals
/// names someone introduced in ordinary case), else the label's words in title case.
fn speaker_of(t: &Tokens, a: usize, b: usize, reg: &Registry) -> Mention {
    let span = Span::new(t.start(a), t.end(b.saturating_sub(1).max(a)));
    if (a..b).any(|i| rules::UNNAMED_LABEL_WORDS.contains(&t.lo(i))) {
        let words = t.span_text(a, b).to_lowercase();
        return mention(span, &words, EntityKind::Nominal);
    }
    if let Some(f) = known_run(a, b, reg) {
        return mention(span, reg.resolved(f).map_or(&f.name, |r| &r.name), f.kind);
    }
    let written = t.span_text(a, b);
    if let Some(name) = reg.person_name(written) {
        return mention(span, name, EntityKind::Person);
    }
    let name = if written.chars().any(char::is_lowercase) {
        written.to_string()
    } else {
        title_case(written)
    };
    mention(span, &name, EntityKind::Person)
}

/// The last word of a name, lower case.
fn surname_of(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or(name).to_lowercase()
}

fn mention(span: Span, name: &str, kind: EntityKind) -> Mention {
    Mention {
        span,
        name: name.to_string(),
        kind,
        roles: Vec::new(),
        place: None,
    }
}

/// "ANA RUIZ-LOPEZ" → "Ana Ruiz-Lopez".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lexicon;
    use crate::{mentions, sentences};

    /// The speaker of each paragraph (`-` for none, `label` for a label line).
    fn read(text: &str) -> Vec<String> {
        let lex = Lexicon::new();
        let t = Tokens::new(text, &lex);
        let paras = sentences::paragraphs(&t);
        let reg = mentions::build(&t, &paras, None);
        speakers(&t, &paras, &reg)
            .into_iter()
            .map(|s| match s {
                None => "-".to_string(),
                Some(s) if s.label_only => format!("label {}", s.speaker.name),
                Some(s) => s.speaker.name,
            })
            .collect()
    }

    #[test]
    fn labels_hold_until_the_next_label_or_heading() {
        let cases: &[(&str, &[&str])] = &[
            (
                // a broadcast: label lines in capitals, a role after the comma
                "Harbour news tonight.\n\nTHE EVENING DESK:\n\nMARTA OSK, Radio Vell:\n\n\
                 The ferry sank in 1998.\n\nIt never sailed again.\n\nJON BRAY, Harbour Board:\n\n\
                 We will raise it next year.",
                &[
                    "-",
                    "-",
                    "label Marta Osk",
                    "Marta Osk",
                    "Marta Osk",
                    "label Jon Bray",
                    "Jon Bray",
                ],
            ),
            (
                // an interview: the name opens each answer
                "Radio Vell: When did the ferry sink?\n\nJon Bray: In 1998, off Oster.\n\n\
                 It never sailed again.",
                &["Radio Vell", "Jon Bray", "Jon Bray"],
            ),
            (
                // inline labels in capitals with a role, then by surname alone; a word in
                // capitals that names no one is a heading
                "MARTA OSK, HOST: The ferry sank in 1998.\n\nJON BRAY, BYLINE: It never \
                 sailed again.\n\nOSK: Will it be raised?\n\nWEATHER:\n\nRain in Oster.",
                &["Marta Osk", "Jon Bray", "Marta Osk", "-", "-"],
            ),
            (
                // a role in ordinary case on an inline label is a sentence, not a label
                "Marta Osk, the host: the ferry sank.\n\nJon Bray, reporting: it did.",
                &["-", "-"],
            ),
            (
                // a name in capitals with its role, after a direction in brackets
                "MARTA OSK, HOST: The ferry sank in 1998.\n\n(SOUNDBITE) JON BRAY, Mayor \
                 of Vell: We will raise it next year.",
                &["Marta Osk", "Jon Bray"],
            ),
            (
                // a narrator is the programme's own voice, not a speaker
                "UNIDENTIFIED NARRATOR:\n\nThe ferry sank.\n\nJON BRAY:\n\nIt did.\n\n\
                 MARTA OSK:\n\nIt sank fast.",
                &[
                    "-",
                    "-",
                    "label Jon Bray",
                    "Jon Bray",
                    "label Marta Osk",
                    "Marta Osk",
                ],
            ),
            (
                // a speaker the broadcaster could not name is an unnamed source
                "JON BRAY: The ferry sank.

UNIDENTIFIED WOMAN: Nobody warned us.

\
                 MARTA OSK: It sank fast.",
                &["Jon Bray", "unidentified woman", "Marta Osk"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&read(text), expected, "in {text:?}");
        }
    }

    #[test]
    fn questions_and_answers_are_the_interviewer_and_the_person_named_before() {
        // an introduction, two questions and their answers, one of two paragraphs
        let interview: &[&str] = &[
            "-",
            "label Jon Bray",
            "Jon Bray",
            "Jon Bray",
            "label Jon Bray",
            "Jon Bray",
        ];
        let cases: &[(&str, &[&str])] = &[
            (
                "Harbour master Jon Bray spoke to us on the quay.\n\n\
                 Q: When did the ferry sink?\n\nA: In 1998, off Oster.\n\n\
                 It never sailed again.\n\nQ: Will you raise it?\n\nA: Next year.",
                interview,
            ),
            // one answer alone is no interview
            (
                "Jon Bray spoke on the quay.\n\nA: the ferry sank in 1998.",
                &["-", "-"],
            ),
            // questions printed alone, without labels, after an introduction that says
            // it is an interview: the paragraphs after each question are the answers
            (
                "Harbour master Jon Bray has run the quay for years. We talked to him.\n\n\
                 When did the ferry sink?\n\nIn 1998, off Oster.\n\nIt never sailed again.\n\n\
                 Will you raise it?\n\nNext year, if the money comes.",
                interview,
            ),
            // the introduction names the interviewee most, whoever it names last
            (
                "Harbour master Jon Bray has run the quay for years. We talked to Bray \
                 about his predecessor Ivo Moe.\n\n\
                 When did the ferry sink?\n\nIn 1998, off Oster.\n\nIt never sailed again.\n\n\
                 Will you raise it?\n\nNext year, if the money comes.",
                interview,
            ),
            // a photo caption's credit after a name is no label ("Jon Bray.  Image" speaks
            // nothing): the name ends its sentence
            (
                "Harbour master Jon Bray has run the quay for years. We talked to him.\n\n\
                 When did the ferry sink?\n\nIn 1998, off Oster.\n\n\
                 Will you raise it?\n\nNext year, if the money comes.\n\n\
                 Jon Bray.  Image: Oster Port.\n\nThe quay, seen from the north.  Image: Ivo.",
                &[
                    "-",
                    "label Jon Bray",
                    "Jon Bray",
                    "label Jon Bray",
                    "Jon Bray",
                    "Jon Bray",
                    "Jon Bray",
                ],
            ),
            // an explainer asks its own questions: no interview, no speaker
            (
                "The ferry Oster Star sank in 1998, Jon Bray said.\n\n\
                 When did the ferry sink?\n\nIn 1998, off Oster.\n\n\
                 Will it be raised?\n\nThe board has not decided.",
                &["-", "-", "-", "-", "-"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&read(text), expected, "in {text:?}");
        }
    }

    #[test]
    fn one_colon_or_lower_case_words_are_no_transcript() {
        let cases: &[&str] = &[
            "Update: the road to Oster reopened on Monday.\n\nThe bridge is closed.",
            "Jon Bray: harbour master.\n\nThe ferry sank in 1998.",
            "Now on the evening desk: the ferry.\n\nTranscript of the broadcast:\n\nIt sank.",
        ];
        for text in cases {
            assert!(read(text).iter().all(|s| s == "-"), "in {text:?}");
        }
    }
}
