//! `claimgraph-corpus --articles N --seed S --out DIR`: writes a seeded corpus of generated
//! news articles in the files `claimgraph ingest` reads (`.ndjson` shards by default).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use claimgraph_corpus::Generator;
use claimgraph_gazetteer::Gazetteer;
use clap::{Parser, ValueEnum};

/// The file layout to write.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// `corpus-NNNN.ndjson`, `--per-file` articles per file.
    Ndjson,
    /// One `NNNNNNN.txt` per article, with the `source:`/`url:`/`date:` header.
    Txt,
}

/// Writes a deterministic corpus: the same arguments always give the same bytes.
#[derive(Debug, Parser)]
#[command(name = "claimgraph-corpus", version)]
struct Args {
    /// How many articles.
    #[arg(long)]
    articles: u64,
    /// The seed: another seed gives another corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Ndjson)]
    format: Format,
    /// Articles per `.ndjson` file.
    #[arg(long, default_value_t = 1000)]
    per_file: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let gazetteer = Gazetteer::load().context("loading the embedded gazetteer")?;
    let generator = Generator::new(&gazetteer, args.seed);
    let mut bytes = 0usize;
    match args.format {
        Format::Ndjson => {
            let per_file = args.per_file.max(1);
            let mut i = 0;
            let mut shard = 0;
            while i < args.articles {
                let path = args.out.join(format!("corpus-{shard:04}.ndjson"));
                let file = std::fs::File::create(&path)
                    .with_context(|| format!("creating {}", path.display()))?;
                let mut w = std::io::BufWriter::new(file);
                for j in i..(i + per_file).min(args.articles) {
                    let a = generator.article(j);
                    bytes += a.text.len();
                    writeln!(w, "{}", a.to_json_line())?;
                }
                w.flush()?;
                i += per_file;
                shard += 1;
            }
        }
        Format::Txt => {
            for j in 0..args.articles {
                let a = generator.article(j);
                bytes += a.text.len();
                let path = args.out.join(format!("{j:07}.txt"));
                std::fs::write(&path, a.to_txt())
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
    }
    eprintln!(
        "{} articles, {:.1} MB of article text, seed {}, in {}",
        args.articles,
        bytes as f64 / 1e6,
        args.seed,
        args.out.display()
    );
    Ok(())
}
