//! Seat readings on PostgreSQL: which places articles named (`named_places`), the open
//! mentions of a regional capital's bare name (`seat_readings`), and moving them when the
//! reading changes. The rule is `claimgraph_graph::resolve::seat_reading`: the city once
//! any article calls it a city, else the region once any article names the region, else
//! the city. The outcome does not depend on ingest order: when an article first names a
//! city or a region, the open mentions of that pair move to the reading that now holds,
//! with their claims and spellings, and an entity left with nothing redirects to the one
//! they moved to.

use std::collections::BTreeSet;

use claimgraph_graph::resolve::{seat_reading, SeatReading};
use claimgraph_model::{EntityKind, PlaceRef};

use crate::writer::Writer;
use crate::{Id, PgError};

/// Where an open mention was stored, to move it later.
pub(crate) enum Site {
    Mention(Id),
    Claim(Id),
}

impl Writer<'_> {
    /// Records that an article names `key` without doubt; settled at the article's end.
    pub(crate) fn name_place(&mut self, key: &str) {
        if !self.named.contains(key) {
            self.newly_named.push(key.to_string());
            self.named.insert(key.to_string());
            self.unnamed.remove(key);
        }
    }

    /// The reading that holds now for an open mention of `city` that may mean `region`.
    pub(crate) fn seat_reading<'p>(
        &mut self,
        city: &'p PlaceRef,
        region: &'p PlaceRef,
    ) -> Result<&'p PlaceRef, PgError> {
        Ok(if self.region_holds(&city.key, &region.key)? {
            region
        } else {
            city
        })
    }

    /// Whether the region holds now, by graph's rule on what the articles named.
    fn region_holds(&mut self, city: &str, region: &str) -> Result<bool, PgError> {
        let reading = seat_reading(self.is_named(city)?, self.is_named(region)?);
        Ok(reading == SeatReading::Region)
    }

    /// Whether any article named `key`. A key found unnamed stays so for the rest of
    /// the transaction until this writer names it: other writers wait for the lock.
    fn is_named(&mut self, key: &str) -> Result<bool, PgError> {
        if self.named.contains(key) {
            return Ok(true);
        }
        if self.unnamed.contains(key) {
            return Ok(false);
        }
        let found = self
            .query_opt("SELECT 1 FROM named_places WHERE key = $1", &[&key])?
            .is_some();
        if found {
            self.named.insert(key.to_string());
        } else {
            self.unnamed.insert(key.to_string());
        }
        Ok(found)
    }

    /// Remembers an open mention so a later article can move it.
    pub(crate) fn record_seat(
        &mut self,
        article: Id,
        site: Site,
        city: &PlaceRef,
        region: &PlaceRef,
        surface: &str,
    ) -> Result<(), PgError> {
        let (mention, claim) = match site {
            Site::Mention(id) => (Some(id), None),
            Site::Claim(id) => (None, Some(id)),
        };
        self.execute(
            "INSERT INTO seat_readings (article_id, mention_id, claim_id, city_key,
                                        region_key, surface)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&article, &mention, &claim, &city.key, &region.key, &surface],
        )?;
        Ok(())
    }

    /// Stores the places named in the article just written and moves the open mentions
    /// whose reading that changes.
    pub(crate) fn settle_seats(&mut self) -> Result<(), PgError> {
        let keys = std::mem::take(&mut self.newly_named);
        // sorted: moving one pair can change what the next finds, so the order must be the
        // input's, not the process's hash seed
        let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
        for key in &keys {
            self.execute(
                "INSERT INTO named_places (key) VALUES ($1) ON CONFLICT DO NOTHING",
                &[key],
            )?;
            let rows = self.query(
                "SELECT DISTINCT city_key, region_key FROM seat_readings
                 WHERE city_key = $1 OR region_key = $1",
                &[key],
            )?;
            pairs.extend(rows.iter().map(|r| (r.get(0), r.get(1))));
        }
        // every pair here has a key just named, so its reading is settled either way
        for (city, region) in pairs {
            let (to, from) = if self.region_holds(&city, &region)? {
                (region.as_str(), city.as_str())
            } else {
                (city.as_str(), region.as_str())
            };
            self.move_seat(&city, &region, to, from)?;
        }
        Ok(())
    }

    fn move_seat(&mut self, city: &str, region: &str, to: &str, from: &str) -> Result<(), PgError> {
        let (Some(to_id), Some(from_id)) = (self.stored_place(to)?, self.stored_place(from)?)
        else {
            return Ok(());
        };
        if to_id == from_id {
            return Ok(());
        }
        let moved = self.execute(
            "UPDATE mentions SET entity_id = $1
             WHERE entity_id = $2 AND id IN (SELECT mention_id FROM seat_readings
                                             WHERE city_key = $3 AND region_key = $4)",
            &[&to_id, &from_id, &city, &region],
        )?;
        // a claim that already names the right place keeps that row (SQLite's
        // `UPDATE OR IGNORE`) and loses the wrong one
        self.execute(
            "UPDATE claim_places cp SET entity_id = $1
             WHERE cp.entity_id = $2 AND cp.claim_id IN (SELECT claim_id FROM seat_readings
                                                         WHERE city_key = $3 AND region_key = $4)
               AND NOT EXISTS (SELECT 1 FROM claim_places o
                               WHERE o.claim_id = cp.claim_id AND o.entity_id = $1)",
            &[&to_id, &from_id, &city, &region],
        )?;
        self.execute(
            "DELETE FROM claim_places
             WHERE entity_id = $1 AND claim_id IN (SELECT claim_id FROM seat_readings
                                                   WHERE city_key = $2 AND region_key = $3)",
            &[&from_id, &city, &region],
        )?;
        let moved = i64::try_from(moved).unwrap_or(i64::MAX);
        for (id, delta) in [(to_id, moved), (from_id, -moved)] {
            self.execute(
                "UPDATE entities SET mention_count = GREATEST(0, mention_count + $1) WHERE id = $2",
                &[&delta, &id],
            )?;
        }
        let surfaces: Vec<String> = self.query(
                "SELECT DISTINCT surface FROM seat_readings WHERE city_key = $1 AND region_key = $2",
                &[&city, &region],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        for s in &surfaces {
            self.alias(EntityKind::Place, to_id, s)?;
        }
        self.drop_if_unused(from_id, to_id)
    }

    /// Deletes a place entity nothing refers to any more, redirecting its id to `into`.
    fn drop_if_unused(&mut self, id: Id, into: Id) -> Result<(), PgError> {
        let used: bool = self
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM mentions WHERE entity_id = $1)
                     OR EXISTS (SELECT 1 FROM claim_places WHERE entity_id = $1)
                     OR EXISTS (SELECT 1 FROM claims WHERE speaker_id = $1 OR via_id = $1)
                     OR EXISTS (SELECT 1 FROM sources WHERE entity_id = $1)
                     OR EXISTS (SELECT 1 FROM manual_aliases WHERE entity_id = $1)",
                &[&id],
            )?
            .get(0);
        if used {
            return Ok(());
        }
        for sql in [
            "UPDATE entity_redirects SET into_id = $2 WHERE into_id = $1",
            // SQLite's `INSERT OR REPLACE`: a new row, with a new date
            "INSERT INTO entity_redirects (from_id, into_id) VALUES ($1, $2)
             ON CONFLICT (from_id) DO UPDATE
             SET into_id = excluded.into_id, created_at = excluded.created_at",
        ] {
            self.execute(sql, &[&id, &into])?;
        }
        self.execute("DELETE FROM entities WHERE id = $1", &[&id])?;
        self.entities.retain(|_, v| *v != id);
        // its aliases went with it (cascade); an id put back by an undone merge must
        // write them again
        self.aliases.retain(|(e, _)| *e != id);
        Ok(())
    }
}
