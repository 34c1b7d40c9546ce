"""Who may search and export what (rules of nrp/core/access.py; nothing here names a role)."""

from nrp.core.access import Action, Policy, Resource, Scope

R = Action.READ

# Search people and cases: staff with a scope over applicants' files (guide: caseload, OSPOD: ORP, officer: region,
# assessor: assigned); children's cases are added where the user reads the children register.
SEARCH = Policy(R, Resource.APPLICANT_FILE, {Scope.CASELOAD, Scope.ORP, Scope.REGION, Scope.ASSIGNED})
SEARCH_CHILDREN = Policy(R, Resource.CHILD_FILE, {Scope.ORP, Scope.REGION})

# Exports: the region's registers (officers), the caseload (a guide's own, an officer's region).
EXPORT_CHILDREN = Policy(R, Resource.CHILD_FILE, {Scope.REGION})
EXPORT_APPLICANTS = Policy(R, Resource.APPLICANT_REGISTER, {Scope.REGION})
EXPORT_CASELOAD = Policy(R, Resource.APPLICANT_FILE, {Scope.CASELOAD, Scope.REGION})
