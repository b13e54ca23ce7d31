//! Assessing one company: the overview, profile, the 16 areas and their questions, the results with the SWOT, and the reviewer's part of each.

pub(crate) mod answers_import;
pub(crate) mod area;
pub(crate) mod area_nav;
pub(crate) mod decision_list;
pub(crate) mod inventory_list;
pub(crate) mod next_steps;
pub(crate) mod overview;
pub(crate) mod pass_times;
pub(crate) mod profile;
pub(crate) mod question_card;
pub(crate) mod results;
pub(crate) mod retired_answers;
pub(crate) mod review_answer;
pub(crate) mod review_area;
pub(crate) mod review_counts;
pub(crate) mod review_summary;
pub(crate) mod review_toggle;
pub(crate) mod self_assessment;
pub(crate) mod stakeholder_list;
pub(crate) mod swot_board;
pub(crate) mod unknown_answers;
pub(crate) mod verdict_panel;
