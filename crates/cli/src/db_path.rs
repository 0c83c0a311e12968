//! Database and backup paths must name a file: SQLite reads `:memory:` and `file:` URIs
//! (`?mode=memory`, `vfs=memdb`) as databases that vanish with the process, so a command
//! given one would report success and keep nothing.

use std::path::Path;

/// Refuses a path SQLite would not store on disk as given; `role` says which argument it
/// is (`--db`, the backup target) in the message.
pub fn require_file(path: &Path, role: &str) -> anyhow::Result<()> {
    let raw = path.to_string_lossy();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        anyhow::bail!("{role} is empty: give the path of a database file");
    }
    if trimmed.eq_ignore_ascii_case(":memory:") {
        anyhow::bail!(
            "{role} is {raw:?}, an in-memory database that nothing is kept in: give the path of a file"
        );
    }
    if trimmed.len() >= 5 && trimmed[..5].eq_ignore_ascii_case("file:") {
        anyhow::bail!(
            "{role} is {raw:?}, an SQLite URI (whose options, such as mode=memory, may keep \
             nothing on disk): give a plain file path instead"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::require_file;
    use std::path::Path;

    #[test]
    fn memory_and_uri_paths_are_refused() {
        for bad in [
            ":memory:",
            ":MEMORY:",
            " :memory: ",
            "",
            "file:x.db?mode=memory",
            "file::memory:?cache=shared",
            "FILE:data.db",
            "file:/tmp/a.db?vfs=memdb",
        ] {
            let err = require_file(Path::new(bad), "--db").expect_err(bad);
            assert!(err.to_string().starts_with("--db is"), "{bad}: {err}");
        }
    }

    #[test]
    fn file_paths_pass() {
        for ok in [
            "./claimgraph.db",
            "claimgraph.db",
            "/var/lib/claimgraph/data.db",
            "memory.db",
            "files/db.sqlite",
            "a:memory:.db",
        ] {
            assert!(require_file(Path::new(ok), "--db").is_ok(), "{ok}");
        }
    }
}
