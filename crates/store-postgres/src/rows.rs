//! An article's mentions, claims, places and figures gathered in memory and written one
//! statement per table: every statement is a round trip to the server, and an article
//! has hundreds of rows (row by row, ≈ 230 of an article's ≈ 500 statements). The ids
//! are taken from each table's sequence beforehand, in the order of the rows, so they are
//! the ids row-by-row inserts would give, and SQLite gives.

use claimgraph_model::{Claim, Mention};

use crate::writer::Writer;
use crate::{Id, PgError, PreparedArticle};

impl Writer<'_> {
    /// `n` new ids of `table`'s identity column, in increasing order. Writers hold the
    /// write lock, so they are the next `n` numbers.
    pub(crate) fn next_ids(&mut self, table: &'static str, n: usize) -> Result<Vec<Id>, PgError> {
        if n == 0 {
            return Ok(Vec::new());
        }
        let count = i64::try_from(n).unwrap_or(i64::MAX);
        let mut ids = self
            .query(
                "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2::bigint)",
                &[&table, &count],
            )?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<Vec<Id>, _>>()?;
        ids.sort_unstable();
        Ok(ids)
    }
}

/// Mention rows of one article, as columns.
#[derive(Default)]
pub(crate) struct MentionRows<'p> {
    ids: Vec<Id>,
    entities: Vec<Id>,
    starts: Vec<i64>,
    ends: Vec<i64>,
    texts: Vec<&'p str>,
}

impl<'p> MentionRows<'p> {
    /// Adds mention `id` of `entity`, written `surface` at char offsets `start..end`.
    pub(crate) fn push(&mut self, id: Id, entity: Id, (start, end): (i64, i64), surface: &'p str) {
        self.ids.push(id);
        self.entities.push(entity);
        self.starts.push(start);
        self.ends.push(end);
        self.texts.push(surface);
    }

    /// Inserts the rows of article `article`, in the order given.
    pub(crate) fn insert(&self, w: &mut Writer, article: Id) -> Result<(), PgError> {
        if self.ids.is_empty() {
            return Ok(());
        }
        w.execute(
            "INSERT INTO mentions (id, entity_id, article_id, start, \"end\", text)
             SELECT m.id, m.entity_id, $1, m.start, m.stop, m.text
             FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[])
                  WITH ORDINALITY AS m(id, entity_id, start, stop, text, ord)
             ORDER BY m.ord",
            &[
                &article,
                &self.ids,
                &self.entities,
                &self.starts,
                &self.ends,
                &self.texts,
            ],
        )?;
        Ok(())
    }
}

/// A claim row's columns but its article's.
pub(crate) struct ClaimRow<'p> {
    pub(crate) id: Id,
    pub(crate) claim: &'p Claim,
    pub(crate) text: &'p str,
    pub(crate) span: (i64, i64),
    pub(crate) speaker: (Option<Id>, Option<String>),
    pub(crate) via: Option<Id>,
    /// Its comparison tokens as stored: written with the row, as an update of the row
    /// would write it again with all its index entries.
    pub(crate) signature: String,
}

/// The claim rows of one article with their places and figures, as columns, and the
/// places whose reading is open (stored once their claim is).
#[derive(Default)]
pub(crate) struct ClaimRows<'p> {
    claims: Vec<ClaimRow<'p>>,
    /// (claim, place, mention that named it).
    places: Vec<(Id, Id, Option<Id>)>,
    /// (claim, place mention) of places whose reading is open.
    pub(crate) open_places: Vec<(Id, &'p Mention)>,
}

impl<'p> ClaimRows<'p> {
    pub(crate) fn push(&mut self, row: ClaimRow<'p>) {
        self.claims.push(row);
    }

    /// Adds that claim `claim` is about `place`, named by mention `mention`.
    pub(crate) fn place(&mut self, claim: Id, place: Id, mention: Option<Id>) {
        self.places.push((claim, place, mention));
    }

    /// Inserts the claims of article `p` (stored as `article`), then their places and
    /// figures, each in the order given.
    pub(crate) fn insert(
        &self,
        w: &mut Writer,
        p: &PreparedArticle,
        article: Id,
    ) -> Result<(), PgError> {
        if self.claims.is_empty() {
            return Ok(());
        }
        self.insert_claims(w, article)?;
        self.insert_places(w)?;
        self.insert_numbers(w, p)
    }

    fn insert_claims(&self, w: &mut Writer, article: Id) -> Result<(), PgError> {
        let rows = &self.claims;
        let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
        let kinds: Vec<&str> = rows.iter().map(|r| r.claim.kind.as_str()).collect();
        let texts: Vec<&str> = rows.iter().map(|r| r.text).collect();
        let starts: Vec<i64> = rows.iter().map(|r| r.span.0).collect();
        let ends: Vec<i64> = rows.iter().map(|r| r.span.1).collect();
        let speakers: Vec<Option<Id>> = rows.iter().map(|r| r.speaker.0).collect();
        let said: Vec<Option<&str>> = rows.iter().map(|r| r.speaker.1.as_deref()).collect();
        let vias: Vec<Option<Id>> = rows.iter().map(|r| r.via).collect();
        let cues: Vec<Option<&str>> = rows.iter().map(|r| r.claim.cue.as_deref()).collect();
        let signatures: Vec<&str> = rows.iter().map(|r| r.signature.as_str()).collect();
        w.execute(
            "INSERT INTO claims (id, article_id, kind, text, start, \"end\", speaker_id,
                                 speaker_text, via_id, cue, signature)
             SELECT c.id, $1, c.kind, c.text, c.start, c.stop, c.speaker_id, c.speaker_text,
                    c.via_id, c.cue, c.signature
             FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[],
                         $7::bigint[], $8::text[], $9::bigint[], $10::text[], $11::text[])
                  WITH ORDINALITY AS c(id, kind, text, start, stop, speaker_id, speaker_text,
                                       via_id, cue, signature, ord)
             ORDER BY c.ord",
            &[
                &article,
                &ids,
                &kinds,
                &texts,
                &starts,
                &ends,
                &speakers,
                &said,
                &vias,
                &cues,
                &signatures,
            ],
        )?;
        Ok(())
    }

    /// A place named twice for one claim is stored once (the first), as the table's
    /// unique key wants; left out here, it takes no id from the sequence (SQLite's
    /// `INSERT OR IGNORE` takes none either).
    fn insert_places(&self, w: &mut Writer) -> Result<(), PgError> {
        if self.places.is_empty() {
            return Ok(());
        }
        let mut seen = std::collections::HashSet::new();
        let places: Vec<&(Id, Id, Option<Id>)> = self
            .places
            .iter()
            .filter(|(claim, place, _)| seen.insert((*claim, *place)))
            .collect();
        let claims: Vec<Id> = places.iter().map(|r| r.0).collect();
        let entities: Vec<Id> = places.iter().map(|r| r.1).collect();
        let mentions: Vec<Option<Id>> = places.iter().map(|r| r.2).collect();
        w.execute(
            "INSERT INTO claim_places (claim_id, entity_id, mention_id)
             SELECT p.claim_id, p.entity_id, p.mention_id
             FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])
                  WITH ORDINALITY AS p(claim_id, entity_id, mention_id, ord)
             ORDER BY p.ord
             ON CONFLICT DO NOTHING",
            &[&claims, &entities, &mentions],
        )?;
        Ok(())
    }

    /// The figures of every claim, in text order within each claim.
    fn insert_numbers(&self, w: &mut Writer, p: &PreparedArticle) -> Result<(), PgError> {
        let text = p.article.text.as_str();
        let numbers: Vec<(Id, &claimgraph_model::Quantity)> = self
            .claims
            .iter()
            .flat_map(|r| r.claim.numbers.iter().map(move |n| (r.id, n)))
            .collect();
        if numbers.is_empty() {
            return Ok(());
        }
        let claims: Vec<Id> = numbers.iter().map(|(c, _)| *c).collect();
        let values: Vec<f64> = numbers.iter().map(|(_, n)| n.value).collect();
        let units: Vec<&str> = numbers.iter().map(|(_, n)| n.unit.as_str()).collect();
        let qualifiers: Vec<&str> = numbers.iter().map(|(_, n)| n.qualifier.as_str()).collect();
        let texts: Vec<&str> = numbers
            .iter()
            .map(|(_, n)| n.span.slice(text).unwrap_or_default())
            .collect();
        let starts: Vec<i64> = numbers
            .iter()
            .map(|(_, n)| p.offsets.to_char(n.span.start))
            .collect();
        let ends: Vec<i64> = numbers
            .iter()
            .map(|(_, n)| p.offsets.to_char(n.span.end))
            .collect();
        let base_values: Vec<Option<f64>> = numbers
            .iter()
            .map(|(_, n)| n.normalized.map(|m| m.value))
            .collect();
        let base_units: Vec<Option<&str>> = numbers
            .iter()
            .map(|(_, n)| n.normalized.map(|m| m.unit))
            .collect();
        w.execute(
            "INSERT INTO claim_numbers (claim_id, value, unit, qualifier, text,
                                        start, \"end\", base_value, base_unit)
             SELECT n.claim_id, n.value, n.unit, n.qualifier, n.text, n.start, n.stop,
                    n.base_value, n.base_unit
             FROM unnest($1::bigint[], $2::float8[], $3::text[], $4::text[], $5::text[],
                         $6::bigint[], $7::bigint[], $8::float8[], $9::text[])
                  WITH ORDINALITY AS n(claim_id, value, unit, qualifier, text, start, stop,
                                       base_value, base_unit, ord)
             ORDER BY n.ord",
            &[
                &claims,
                &values,
                &units,
                &qualifiers,
                &texts,
                &starts,
                &ends,
                &base_values,
                &base_units,
            ],
        )?;
        Ok(())
    }
}
