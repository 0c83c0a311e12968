//! A fresh schema per test on the PostgreSQL server named by
//! `CLAIMGRAPH_TEST_POSTGRES_URL`; without it, tests that need PostgreSQL say they skip.
//! Public (hidden) so the crate's integration tests and the cli's can use it.

use std::sync::atomic::{AtomicU64, Ordering};

/// The variable that names the test server.
pub const URL_VAR: &str = "CLAIMGRAPH_TEST_POSTGRES_URL";

/// A schema of its own on the test server, dropped when the value is.
pub struct TestDb {
    config: postgres::Config,
    schema: String,
}

impl TestDb {
    /// A new empty schema, or `None` (after saying so on stderr) when no test server is
    /// configured. A configured server that cannot be reached fails the test.
    ///
    /// Usable from async tests too: the driver's blocking calls run on a thread of their
    /// own (inside an async task they would panic).
    pub fn create(test: &str) -> Option<TestDb> {
        let test = test.to_string();
        std::thread::spawn(move || TestDb::create_here(&test))
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    }

    fn create_here(test: &str) -> Option<TestDb> {
        let Ok(url) = std::env::var(URL_VAR) else {
            say_skipped(test);
            return None;
        };
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let schema = format!(
            "cg_test_{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            test.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .take(24)
                .collect::<String>()
                .to_lowercase()
        );
        let base: postgres::Config = url.parse().unwrap_or_else(|e| panic!("{URL_VAR}: {e}"));
        let mut admin = base
            .connect(postgres::NoTls)
            .unwrap_or_else(|e| panic!("{URL_VAR} ({url}) does not answer: {e}"));
        admin
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .expect("create the test schema");
        let mut config = base.clone();
        config.options(&format!("-c search_path={schema}"));
        Some(TestDb { config, schema })
    }

    /// The connection settings of the schema (its search path set).
    pub fn config(&self) -> &postgres::Config {
        &self.config
    }

    /// A new connection to the schema.
    pub fn client(&self) -> Result<postgres::Client, postgres::Error> {
        self.config.connect(postgres::NoTls)
    }
}

/// Says on the terminal, once per test binary, that PostgreSQL tests are skipped: written
/// to stderr directly, as the test harness hides what `eprintln!` prints in passing tests.
fn say_skipped(test: &str) {
    use std::io::Write;
    static SAID: std::sync::Once = std::sync::Once::new();
    SAID.call_once(|| {
        let _ = writeln!(
            std::io::stderr().lock(),
            "skipping the PostgreSQL tests of this binary ({test} first): {URL_VAR} is not set"
        );
    });
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (config, schema) = (self.config.clone(), self.schema.clone());
        let dropped = std::thread::spawn(move || {
            if let Ok(mut c) = config.connect(postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
            }
        });
        let _ = dropped.join();
    }
}
