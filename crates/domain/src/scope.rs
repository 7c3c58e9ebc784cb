use uuid::Uuid;

use crate::{Error, Role};

/// Who is acting in which workspace, once authenticated and found to be a member (or
/// holding one of its API keys). Capability crates take it, open the tenant transaction
/// for `workspace_id`, and check `role` against what the action needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    /// The tenant.
    pub workspace_id: Uuid,
    /// The signed-in account; `None` for an API key.
    pub account_id: Option<Uuid>,
    /// The caller's role there (API keys act as `admin`).
    pub role: Role,
}

impl Scope {
    /// Refuses with 403 `role_required` unless the caller has at least `needed`.
    pub fn require(&self, needed: Role) -> Result<(), Error> {
        self.role.require(needed)
    }
}
