//! The board report's own words, written by the founder or the consultant: an executive summary
//! and recommendations, kept with the assessment (file format v8).

use serde::{Deserialize, Serialize};

/// Texts the board report shows above its figures; both empty until someone writes them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportText {
    pub summary: String,
    pub recommendations: String,
}

impl ReportText {
    pub fn is_empty(&self) -> bool {
        self.summary.trim().is_empty() && self.recommendations.trim().is_empty()
    }
}
