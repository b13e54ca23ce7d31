//! Tracking over time: snapshots, comparisons and the board report.

pub(crate) mod compare;
pub(crate) mod compare_results;
pub(crate) mod compare_source;
pub(crate) mod progress_chart;
pub(crate) mod report;
pub(crate) mod report_actions;
pub(crate) mod report_assessment;
pub(crate) mod report_basis;
pub(crate) mod report_cover;
pub(crate) mod report_plan;
pub(crate) mod report_table;
pub(crate) mod report_tracking;
pub(crate) mod report_words;
pub(crate) mod snapshot_compare;
pub(crate) mod snapshot_list;
pub(crate) mod snapshots;
