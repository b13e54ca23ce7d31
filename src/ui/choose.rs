//! Choosing help: scorecards that compare engineering partners and tools.

pub(crate) mod candidate_list;
pub(crate) mod card_edit;
pub(crate) mod criteria_scores;
pub(crate) mod culture_fit;
pub(crate) mod partner_reviews;
pub(crate) mod scorecard;
pub(crate) mod scorecard_results;
pub(crate) mod scorecards;
pub(crate) mod sourcing;
