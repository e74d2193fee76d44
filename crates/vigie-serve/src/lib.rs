//! Presenting the store: story reports ([`report`]), story assignment as
//! articles arrive ([`assign`]), the HTTP JSON API and web dashboard
//! ([`api`], [`server`]) and exports ([`export`]).

pub mod api;
pub mod assign;
pub mod export;
pub mod report;
pub mod server;
