//! The workspace model and every rule about it, in plain Rust.
//!
//! Owns: the shapes of a workspace, an assessment and a company profile, and the operations on them
//! (create, rename, duplicate, delete, replace). Never imports leptos, web-sys or gloo: everything
//! here runs natively under `cargo test`. Time comes in as an argument, never from the clock.

pub mod answer_counts;
pub mod answers;
pub mod answers_csv;
pub mod backup;
pub mod board_report;
pub mod budget;
pub mod compare;
pub mod context;
pub mod costs;
pub mod csv_export;
pub mod demo;
pub mod folder_sync;
pub mod guide;
pub mod history;
pub mod kpi;
pub mod links;
pub mod merge;
pub mod model;
pub mod money;
pub mod portfolio;
pub mod quick_pass;
pub mod report;
pub mod review;
pub mod risk;
pub mod roadmap;
#[cfg(test)]
mod rollup_tests;
pub mod scorecard;
pub mod scoring;
pub mod shared;
pub mod snapshot;
pub mod sourcing;
pub mod team;
pub mod verdict;
pub mod workspace;

pub use model::{Assessment, CompanyProfile, Stage};
pub use workspace::Workspace;
