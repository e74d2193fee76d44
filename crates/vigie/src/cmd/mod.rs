pub mod articles;
pub mod bench;
pub mod bench_stream;
pub mod demo;
pub mod extract;
pub mod ingest;
pub mod pipeline;
pub mod stories;
