//! Stories: articles grouped by the real-world event they report, and their
//! figures reconciled into claims.
//!
//! [`profile`] reduces an article to what grouping compares (entities,
//! places, words, kind of event, day); [`group`] assigns each article to a
//! story as it arrives; [`reconcile`] turns a story's figures into claims,
//! a timeline and low / best / high estimates.

pub mod group;
pub mod profile;
pub mod reconcile;

pub use group::{group_batch, group_more, Config, Grouper};
pub use profile::{Profile, Profiler};
pub use reconcile::{reconcile, ArticleInfo, Reconciled};
