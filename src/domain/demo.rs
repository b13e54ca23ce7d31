//! The demo company: a fictional startup with realistic data, so a visitor can see the product
//! filled in before entering anything. Later sections extend it with their own data.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::{Assessment, CompanyProfile, Stage};

/// Fixed id, so opening the demo twice opens the same assessment instead of piling up copies.
pub const DEMO_ID: Uuid = Uuid::from_u128(0x6c75_6d65_6e00_4000_8000_0000_0000_0001);

pub fn demo_assessment(now: DateTime<Utc>) -> Assessment {
    Assessment {
        id: DEMO_ID,
        name: "Harbourline: 2026 technology review (demo)".to_string(),
        profile: CompanyProfile {
            company_name: "Harbourline Logistics".to_string(),
            stage: Stage::Seed,
            industry: "Freight and logistics software".to_string(),
            team_size: Some(14),
            business_model: "B2B SaaS: monthly subscription per depot, plus a fee per tracked \
                             shipment for carriers on the marketplace."
                .to_string(),
            mission: "Give small freight forwarders the shipment visibility that only the \
                      largest carriers can afford today."
                .to_string(),
            vision: "Every pallet in Europe tracked end to end, whoever moves it.".to_string(),
        },
        created_at: now,
        updated_at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_profile_is_complete() {
        let a = demo_assessment(DateTime::from_timestamp(0, 0).unwrap());
        let (filled, total) = a.profile_completion();
        assert_eq!(filled, total);
        assert_eq!(a.id, DEMO_ID);
    }
}
