//! What every way into Vigie shares (`vigie ingest`, `vigie stories INPUT...`,
//! `POST /api/ingest`), in the order the data flows:
//! 1. [`ingest`]: inputs are read, cleaned, extracted and profiled on a
//!    thread of their own, off the write lock; each article is stored with
//!    its figures and entities in one savepoint;
//! 2. [`Assigner`]: stories are assigned as the run goes, in batches, after
//!    the stories already stored; a run repairs articles an earlier run left
//!    without a story;
//! 3. [`report`] and [`export`]: a story's reconciled report, and exports of
//!    every story as JSON, JSON Lines, CSV or GeoJSON.

mod assign;
mod export;
mod ingest;
mod report;

pub use assign::Assigner;
pub use export::{export, Format};
pub use ingest::{ingest, Ingested, Notice, Options};
pub use report::{digest, report, Named, ReportError, StoryReport};
