"""The rules of the notifications (nrp/core/access.py, Resource.NOTIFICATION): every role, own only."""

from nrp.core.access import Action, Policy, Resource, ScopeLookups

READ_NOTIFICATIONS = Policy(Action.READ, Resource.NOTIFICATION)
WRITE_NOTIFICATIONS = Policy(Action.WRITE, Resource.NOTIFICATION)

NOTIFICATION_LOOKUPS = ScopeLookups(owner="recipient")
