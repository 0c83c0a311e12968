//! Catching the writer's token index (`claimgraph_graph::facts::TokenIndex`) up with the
//! claims written since it last looked, by this connection or another process.

use rusqlite::Connection;

use crate::{Id, StoreError};
use claimgraph_graph::corroborate::Signature;
use claimgraph_graph::facts::TokenIndex;

/// Indexes the claims written since the index's watermark.
pub(crate) fn catch_up(index: &mut TokenIndex, conn: &Connection) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, article_id, signature FROM claims
         WHERE id > ?1 AND signature IS NOT NULL ORDER BY id",
    )?;
    let mut rows = stmt.query([index.watermark()])?;
    while let Some(row) = rows.next()? {
        let stored: String = row.get(2)?;
        let (id, article): (Id, Id) = (row.get(0)?, row.get(1)?);
        index.add(id, article, &Signature::parse(&stored));
    }
    Ok(())
}
