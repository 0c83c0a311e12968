//! Training and evaluation of the name tagger on a GUM checkout (CoNLL-U files).
//!
//! Which GUM entities are names: a mention of type person, place, organization (or any
//! other type, tagged as "other") whose syntactic head (the token of the span whose head
//! lies outside it) is a proper noun (UPOS `PROPN`). The name is the run of proper nouns
//! around that head inside the mention, joined by "of", "the", "and", "de" and the like
//! ("Bank of Lisbon"); for people, title words before the name are left out
//! ("President Ana Ruiz" → "Ana Ruiz"), as the extractor keeps titles as roles. Nested
//! mentions keep the outermost name ("University of Lisbon" is one organisation).
//!
//! The text is rebuilt from the tokens (spaces as `SpaceAfter` says, a line break per
//! paragraph) and tokenised by the extractor's own tokeniser, so the model learns on the
//! tokens it will see; gold spans are mapped onto them by byte offsets.

use std::collections::HashSet;
use std::path::Path;

use claimgraph_gazetteer::Gazetteer;

use crate::rules;
use crate::text::{Lexicon, Tokens};

use super::features::{self, Features, Lists, Scratch, BUCKETS};
use super::{
    best_two, initial_period, scored, sentence_initial, Model, NameType, Tag, Tagged, TAGS,
};

/// One GUM document: its text and the byte spans of its names.
pub(crate) struct Doc {
    pub text: String,
    pub names: Vec<(usize, usize, NameType)>,
}

/// A token of the CoNLL-U file with what span extraction needs.
struct GumTok {
    start: usize,
    end: usize,
    propn: bool,
    capitalised: bool,
    lower: String,
    head: Option<usize>,
}

/// An open entity mention.
struct Open {
    id: String,
    etype: String,
    first: usize,
}

/// The documents of `splits.md` section `section` ("dev", "test", "train").
pub(crate) fn split(splits_md: &str, section: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut inside = false;
    for line in splits_md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            inside = h.trim() == section;
        } else if inside {
            if let Some(doc) = line.trim().strip_prefix("* ") {
                out.insert(doc.trim().to_string());
            }
        }
    }
    out
}

/// GUM's entity type as a name type; times ("July", "Friday") are not names here.
fn name_type(etype: &str) -> NameType {
    match etype {
        "person" => NameType::Person,
        "place" => NameType::Place,
        "organization" => NameType::Organization,
        _ => NameType::Other,
    }
}

/// Reads one CoNLL-U document.
pub(crate) fn read_doc(conllu: &str) -> Doc {
    let mut text = String::new();
    let mut toks: Vec<GumTok> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    let mut sent_base = 0usize;
    let mut range: Option<(usize, usize, usize, bool)> = None; // (first id, last id, start, space)
    let mut space_after = true;
    for line in conllu.lines() {
        if line.starts_with("# newpar") && !line.starts_with("# newpar_") {
            if !text.is_empty() {
                text.push('\n');
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            sent_base = toks.len();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('.') {
            continue;
        }
        let misc = cols[9];
        if let Some((a, b)) = cols[0].split_once('-') {
            let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                continue;
            };
            if space_after_needed(&text, space_after) {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(cols[1]);
            range = Some((a, b, start, !misc.contains("SpaceAfter=No")));
            space_after = false;
            continue;
        }
        let Ok(id) = cols[0].parse::<usize>() else {
            continue;
        };
        let (start, end) = match range {
            Some((a, b, s, sp)) if id >= a && id <= b => {
                if id == b {
                    range = None;
                    space_after = sp;
                }
                (s, text.len())
            }
            _ => {
                if space_after_needed(&text, space_after) {
                    text.push(' ');
                }
                let s = text.len();
                text.push_str(cols[1]);
                space_after = !misc.contains("SpaceAfter=No");
                (s, text.len())
            }
        };
        let head = cols[6]
            .parse::<usize>()
            .ok()
            .filter(|&h| h > 0)
            .map(|h| sent_base + h - 1);
        let k = toks.len();
        toks.push(GumTok {
            start,
            end,
            propn: cols[3] == "PROPN",
            capitalised: cols[1].starts_with(char::is_uppercase),
            lower: cols[1].to_lowercase(),
            head,
        });
        if let Some(e) = misc.split('|').find_map(|m| m.strip_prefix("Entity=")) {
            read_entities(e, k, &mut open, &mut mentions);
        }
    }
    let names = mentions
        .iter()
        .filter(|(_, _, etype)| etype != "time")
        .filter_map(|(a, b, etype)| name_span(&toks, *a, *b, name_type(etype)))
        .collect();
    Doc { text, names }
}

fn space_after_needed(text: &str, space_after: bool) -> bool {
    space_after && !text.is_empty() && !text.ends_with(['\n', ' '])
}

/// Opens and closes mentions from one token's `Entity=` value.
fn read_entities(
    e: &str,
    k: usize,
    open: &mut Vec<Open>,
    mentions: &mut Vec<(usize, usize, String)>,
) {
    let b = e.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let end = (i + 1..b.len())
                .find(|&j| b[j] == b'(' || b[j] == b')')
                .unwrap_or(b.len());
            let fields: Vec<&str> = e[i + 1..end].split('-').collect();
            let id = fields.first().copied().unwrap_or("").to_string();
            let etype = fields.get(1).copied().unwrap_or("").to_string();
            if end < b.len() && b[end] == b')' {
                mentions.push((k, k, etype));
                i = end + 1;
            } else {
                open.push(Open {
                    id,
                    etype,
                    first: k,
                });
                i = end;
            }
        } else {
            let end = (i..b.len()).find(|&j| b[j] == b')').unwrap_or(b.len());
            let id = &e[i..end];
            if let Some(p) = open.iter().rposition(|o| o.id == id) {
                let o = open.remove(p);
                mentions.push((o.first, k, o.etype));
            }
            i = end + 1;
        }
    }
}

const JOINERS: &[&str] = &[
    "of", "the", "and", "de", "du", "des", "la", "van", "von", "der", "al", "&",
];

/// The proper-noun name inside mention `[a, b]` (inclusive), as a byte span.
fn name_span(
    toks: &[GumTok],
    a: usize,
    b: usize,
    ty: NameType,
) -> Option<(usize, usize, NameType)> {
    let outside = |k: usize| toks[k].head.is_none_or(|h| h < a || h > b);
    let h = (a..=b).find(|&k| outside(k))?;
    if !toks[h].propn {
        return None;
    }
    let joins = |k: usize| {
        JOINERS.contains(&toks[k].lower.as_str())
            && !(ty == NameType::Person && toks[k].lower == "and")
    };
    // "United States": a capitalised word inside the mention is part of the name too
    let named = |k: usize| toks[k].propn || toks[k].capitalised;
    let mut s = h;
    loop {
        if s > a && named(s - 1) {
            s -= 1;
        } else if s > a + 1 && joins(s - 1) && named(s - 2) {
            s -= 2;
        } else {
            break;
        }
    }
    let mut e = h;
    loop {
        if e < b && named(e + 1) {
            e += 1;
        } else if e + 2 <= b && joins(e + 1) && named(e + 2) {
            e += 2;
        } else {
            break;
        }
    }
    // "The Hague" keeps its article only where GUM calls "The" a proper noun
    while s < e && toks[s].lower == "the" && !toks[s].propn {
        s += 1;
    }
    if ty == NameType::Person {
        let title = |k: usize| rules::TITLES.contains(&toks[k].lower.as_str());
        if title(h) {
            return None;
        }
        if let Some(k) = (s..h).rev().find(|&k| title(k)) {
            s = k + 1;
        }
    }
    Some((toks[s].start, toks[e].end, ty))
}

/// Gold tags of the extractor's tokens of `doc`.
pub(crate) fn gold_tags(t: &Tokens, doc: &Doc) -> Vec<Tag> {
    let mut tags = vec![Tag::O; t.len()];
    let mut names = doc.names.clone();
    names.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    for (s, e, ty) in names {
        let inside: Vec<usize> = (0..t.len())
            .filter(|&j| t.toks[j].start >= s && t.toks[j].start < e)
            .collect();
        if inside.is_empty() || inside.iter().any(|&j| tags[j] != Tag::O) {
            continue;
        }
        for (n, &j) in inside.iter().enumerate() {
            tags[j] = if n == 0 {
                Tag::begin(ty)
            } else {
                Tag::inside(ty)
            };
        }
    }
    tags
}

/// Averaged perceptron weights during training.
struct Trainer {
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    clock: u32,
}

impl Trainer {
    fn new() -> Self {
        Trainer {
            w: vec![0.0; BUCKETS * TAGS],
            total: vec![0.0; BUCKETS * TAGS],
            stamp: vec![0; BUCKETS * TAGS],
            clock: 0,
        }
    }

    fn scores(&self, f: &[u32]) -> [i32; TAGS] {
        let mut s = [0f32; TAGS];
        for &id in f {
            let row = id as usize * TAGS;
            for (o, &x) in s.iter_mut().zip(&self.w[row..row + TAGS]) {
                *o += x;
            }
        }
        // perceptron weights are whole numbers: the cast loses nothing
        s.map(|x| x as i32)
    }

    fn update(&mut self, f: &[u32], truth: Tag, guess: Tag) {
        for &id in f {
            for (tag, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let cell = id as usize * TAGS + tag as usize;
                let elapsed = self.clock - self.stamp[cell];
                self.total[cell] += f64::from(elapsed) * f64::from(self.w[cell]);
                self.stamp[cell] = self.clock;
                self.w[cell] += delta;
            }
        }
    }

    /// The averaged weights, quantised to i16; cells below `prune` (in units of the
    /// largest weight) are dropped.
    fn averaged(&self, prune: f32) -> Model {
        let c = f64::from(self.clock.max(1));
        let avg: Vec<f32> = (0..self.w.len())
            .map(|k| {
                let elapsed = f64::from(self.clock - self.stamp[k]);
                ((self.total[k] + elapsed * f64::from(self.w[k])) / c) as f32
            })
            .collect();
        let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = max / 32767.0;
        let weights = avg
            .iter()
            .map(|&x| {
                if x.abs() < prune * max {
                    0
                } else {
                    (x / scale).round() as i16
                }
            })
            .collect();
        Model { weights, scale }
    }
}

/// One pass over `doc`, updating `tr` on every mistake.
fn learn(tr: &mut Trainer, t: &Tokens, gold: &[Tag], lists: &Lists) {
    let mut scratch = Scratch::new();
    let mut f = Features::new();
    let mut tags = vec![Tag::O; t.len()];
    for i in 0..t.len() {
        let p1 = if i > 0 { tags[i - 1] } else { Tag::O };
        if let Some(inside) = initial_period(t, i, p1) {
            tags[i] = inside;
            continue;
        }
        if !scored(t, i, p1) {
            continue;
        }
        let p2 = if i > 1 { tags[i - 2] } else { Tag::O };
        features::token_features(t, i, sentence_initial(t, i), lists, &mut scratch, &mut f);
        let word = f.ids[1];
        features::tag_features(p1, p2, word, &mut f);
        tr.clock += 1;
        let (guess, _) = best_two(&tr.scores(f.as_slice()), p1);
        let truth = if gold[i].may_follow(p1) {
            gold[i]
        } else {
            // an inside tag after a wrong guess: the best the model can do is begin
            gold[i].name_type().map_or(Tag::O, Tag::begin)
        };
        if guess != truth {
            tr.update(f.as_slice(), truth, guess);
        }
        tags[i] = guess;
    }
}

/// Names as `(first token, end token, type)`.
pub(crate) fn spans(tags: &[Tag]) -> Vec<(usize, usize, NameType)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tags.len() {
        let Some(ty) = tags[k].name_type() else {
            k += 1;
            continue;
        };
        let s = k;
        k += 1;
        while k < tags.len() && tags[k] == Tag::inside(ty) {
            k += 1;
        }
        out.push((s, k, ty));
    }
    out
}

/// Span counts of one type: (gold, predicted, exactly right).
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn f1(&self) -> (f64, f64, f64) {
        let p = self.correct as f64 / self.predicted.max(1) as f64;
        let r = self.correct as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Exact-span scores by type over `docs`, in the order person, place, organisation, other.
pub(crate) fn evaluate(
    model: &Model,
    docs: &[Doc],
    lex: &Lexicon,
    gaz: Option<&Gazetteer>,
) -> [Counts; 4] {
    let mut c = [Counts::default(); 4];
    let idx = |ty: NameType| ty as usize;
    for doc in docs {
        let t = Tokens::new(&doc.text, lex);
        let gold = spans(&gold_tags(&t, doc));
        let Tagged { tags, .. } = super::tag(model, &t, gaz);
        let pred = spans(&tags);
        if std::env::var("TAGGER_DEBUG").is_ok() {
            for g in &gold {
                let mark = if pred.contains(g) { "ok" } else { "MISS" };
                eprintln!("gold {mark} {:?} {}", g.2, t.span_text(g.0, g.1));
            }
            for p in &pred {
                if !gold.contains(p) {
                    eprintln!("pred WRONG {:?} {}", p.2, t.span_text(p.0, p.1));
                }
            }
        }
        for g in &gold {
            c[idx(g.2)].gold += 1;
        }
        for p in &pred {
            c[idx(p.2)].predicted += 1;
            if gold.contains(p) {
                c[idx(p.2)].correct += 1;
            }
        }
    }
    c
}

/// What a training run did.
pub struct Report {
    pub epochs: usize,
    pub dev: [Counts; 4],
    pub test: [Counts; 4],
    pub train_docs: usize,
    pub dev_docs: usize,
    pub test_docs: usize,
    pub bytes: usize,
}

/// Trains on the GUM train documents in `gum_dir`, picks the epoch count on the dev
/// documents, and returns the model (gzip-compressed) with its scores.
pub fn train(gum_dir: &Path, max_epochs: usize, prune: f32) -> std::io::Result<(Vec<u8>, Report)> {
    let splits = std::fs::read_to_string(gum_dir.join("splits.md"))?;
    let (dev_set, test_set) = (split(&splits, "dev"), split(&splits, "test"));
    let mut paths: Vec<_> = std::fs::read_dir(gum_dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    paths.sort();
    let (mut train_docs, mut dev, mut test) = (Vec::new(), Vec::new(), Vec::new());
    for p in paths {
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let doc = read_doc(&std::fs::read_to_string(&p)?);
        if test_set.contains(&name) {
            test.push(doc);
        } else if dev_set.contains(&name) {
            dev.push(doc);
        } else {
            train_docs.push(doc);
        }
    }
    let lex = Lexicon::new();
    let gaz = Gazetteer::load().ok();
    let lists = Lists {
        gazetteer: gaz.as_ref(),
        given: super::given_names(),
    };
    let prepared: Vec<(Tokens, Vec<Tag>)> = train_docs
        .iter()
        .map(|d| {
            let t = Tokens::new(&d.text, &lex);
            let g = gold_tags(&t, d);
            (t, g)
        })
        .collect();
    let mut tr = Trainer::new();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut best: Option<(f64, usize, Model)> = None;
    for epoch in 1..=max_epochs {
        // a fixed-seed shuffle: the same checkout trains the same model
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        for &d in &order {
            let (t, g) = &prepared[d];
            learn(&mut tr, t, g, &lists);
        }
        let model = tr.averaged(prune);
        let f = micro_f1(&evaluate(&model, &dev, &lex, gaz.as_ref()));
        eprintln!("epoch {epoch}: dev F1 (person, place, organisation) {f:.3}");
        if best.as_ref().is_none_or(|(b, _, _)| f > *b) {
            best = Some((f, epoch, model));
        }
    }
    let Some((_, epochs, model)) = best else {
        return Err(std::io::Error::other("no epochs"));
    };
    let bytes = compress(&model.to_bytes())?;
    let report = Report {
        epochs,
        dev: evaluate(&model, &dev, &lex, gaz.as_ref()),
        test: evaluate(&model, &test, &lex, gaz.as_ref()),
        train_docs: train_docs.len(),
        dev_docs: dev.len(),
        test_docs: test.len(),
        bytes: bytes.len(),
    };
    Ok((bytes, report))
}

/// Micro-averaged F1 over person, place and organisation.
pub fn micro_f1(c: &[Counts; 4]) -> f64 {
    let sum = c[..3].iter().fold(Counts::default(), |a, x| Counts {
        gold: a.gold + x.gold,
        predicted: a.predicted + x.predicted,
        correct: a.correct + x.correct,
    });
    sum.f1().2
}

fn compress(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(raw)?;
    gz.finish()
}
