//! A complainant's identity (name, phone, ID number) is for the office's
//! complaint staff only (office admins): never for the unit complained
//! about, nor for a unit the complaint is assigned or transferred to, in
//! any answer (lists, detail, CSV, audit trail). Whoever is not the office
//! gets no identity at all, not a masked one: a surname and four digits
//! are enough to pick out a colleague's neighbour.
//!
//! The one copy of any of it: a named complainant's phone number in the
//! notification outbox, to send them their SMS (`shared::notify`). Only the
//! office's page of messages reads it, masked and for office admins, and
//! the retention erasure blanks it with the rest.

use crate::staff::Role;
use serde::{Deserialize, Serialize};

/// Who the complainant is, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Identity {
    pub name: String,
    pub phone: String,
    pub id_number: String,
}

/// Whether staff of `role` may see complainants' identities.
pub fn may_see_identity(role: Role) -> bool {
    role == Role::OfficeAdmin
}

/// The identity as `role` may see it: the whole of it for the office,
/// nothing for anyone else.
pub fn identity_for(role: Role, stored: &Identity) -> Option<Identity> {
    may_see_identity(role).then(|| stored.clone())
}

/// What the audit trail says about who acted when the complainant did:
/// never their name.
pub const COMPLAINANT_ACTOR: &str = "投诉人";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_office_sees_who_complained() {
        let who = Identity { name: "李女士".into(), phone: "13912345678".into(), id_number: "11010519491231002X".into() };
        assert_eq!(identity_for(Role::OfficeAdmin, &who), Some(who.clone()));
        assert_eq!(identity_for(Role::WindowStaff, &who), None);
        assert_eq!(identity_for(Role::DepartmentHead, &who), None);
        for role in Role::ALL {
            assert_eq!(may_see_identity(role), role == Role::OfficeAdmin, "{role:?}");
        }
    }
}
