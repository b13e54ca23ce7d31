//! Pages, one per route, and the small formatting helpers they share.

pub mod area;
pub mod assessment;
pub mod budget;
pub mod compare;
pub mod goals;
pub mod kpi;
pub mod not_found;
pub mod overview;
pub mod profile;
pub mod report;
pub mod results;
pub mod risks;
pub mod roadmap;
pub mod scorecard;
pub mod scorecards;
pub mod self_assessment;
pub mod snapshots;
pub mod team;
pub mod workspace;
