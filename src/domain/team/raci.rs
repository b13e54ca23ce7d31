//! The responsibility matrix's checks: for each role a technical partnership covers, whether
//! somebody does the work (responsible) and somebody answers for it (accountable).

use super::{Team, ROLES};

/// What is missing for one role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleFlag {
    /// The role's id in [`ROLES`].
    pub role: &'static str,
    pub label: &'static str,
    /// Nobody answers for the role.
    pub no_accountable: bool,
    /// Nobody is marked as doing the work.
    pub no_responsible: bool,
}

/// One flag per role, in [`ROLES`] order; a role absent from the team's file has nobody yet.
pub fn role_flags(team: &Team) -> Vec<RoleFlag> {
    ROLES
        .iter()
        .map(|&(role, label)| {
            let r = team.responsibilities.get(role);
            RoleFlag {
                role,
                label,
                no_accountable: r.is_none_or(|r| r.accountable.is_none()),
                no_responsible: r.is_none_or(|r| r.responsible.is_empty()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::team::{Party, Responsibility};

    #[test]
    fn every_role_is_flagged_until_someone_takes_it() {
        let flags = role_flags(&Team::default());
        assert_eq!(flags.len(), ROLES.len());
        assert_eq!(flags[0].role, "leadership");
        assert_eq!(flags[3].label, "Engineering");
        assert!(flags.iter().all(|f| f.no_accountable && f.no_responsible));
    }

    #[test]
    fn flags_follow_what_each_role_has() {
        let mut team = Team::default();
        team.responsibilities.insert(
            "engineering".into(),
            Responsibility {
                responsible: vec![Party::Partner, Party::InHouse],
                accountable: Some(Party::FractionalCto),
            },
        );
        team.responsibilities.insert(
            "testing".into(),
            Responsibility {
                responsible: vec![Party::Partner],
                accountable: None,
            },
        );
        team.responsibilities.insert(
            "support".into(),
            Responsibility {
                responsible: Vec::new(),
                accountable: Some(Party::Founder),
            },
        );
        // Roles this build does not know are ignored.
        team.responsibilities
            .insert("astrology".into(), Responsibility::default());
        let flags = role_flags(&team);
        let get = |id: &str| *flags.iter().find(|f| f.role == id).unwrap();
        assert_eq!(flags.len(), ROLES.len());
        assert!(!get("engineering").no_accountable);
        assert!(!get("engineering").no_responsible);
        assert!(get("testing").no_accountable);
        assert!(!get("testing").no_responsible);
        assert!(!get("support").no_accountable);
        assert!(get("support").no_responsible);
        assert!(get("design").no_accountable && get("design").no_responsible);
    }
}
