//! The HTTP contract: the real router on a temporary SQLite file, with the real extractor,
//! one request at a time. One test binary, one module per resource or concern.

mod support;

mod batch;
mod conflicts;
mod connections;
mod csv;
mod curation;
mod events;
mod facts;
mod graph;
mod hostile_http;
mod http;
mod inputs;
mod openapi;
mod query;
mod robust;
mod search;
mod syndication;
