//! Catching the writer's token index (`claimgraph_graph::facts::TokenIndex`) up with the
//! claims written since it last looked, by this connection or another process.

use postgres::fallible_iterator::FallibleIterator;
use postgres::GenericClient;

use crate::{Id, PgError};
use claimgraph_graph::corroborate::Signature;
use claimgraph_graph::facts::TokenIndex;

/// Indexes the claims written since the index's watermark. The rows are read as they
/// arrive, not gathered first: the first catch-up of a process reads every claim.
pub(crate) fn catch_up(
    index: &mut TokenIndex,
    client: &mut impl GenericClient,
) -> Result<(), PgError> {
    let mut rows = client.query_raw(
        "SELECT id, article_id, signature FROM claims
         WHERE id > $1 AND signature IS NOT NULL ORDER BY id",
        [index.watermark()],
    )?;
    while let Some(row) = rows.next()? {
        let stored: &str = row.try_get(2)?;
        let (id, article): (Id, Id) = (row.try_get(0)?, row.try_get(1)?);
        index.add(id, article, &Signature::parse(stored));
    }
    Ok(())
}
