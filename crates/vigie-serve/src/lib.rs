//! Presenting the store over HTTP: the JSON API and the web dashboard
//! ([`api`]), served by [`server`]. Reports, exports and ingest come from
//! `vigie-pipeline`; this crate is HTTP and assets only.

pub mod api;
pub mod server;
