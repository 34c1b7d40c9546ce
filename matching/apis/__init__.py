"""REST API of matching: a child's stored rankings, running a new one, a region's criterion weights.

Only the regional officers of the child's region use matching (§19a): every other role gets 403, a case or region
of another region 404 (``view.policy``: ``matching.permissions.READ_RANKINGS`` and friends). Every stored ranking
shown is audited as a read (``audit_read``), like the screens. One module a resource: ``rankings``, ``excluded``,
``weights``, ``wishes``, ``waiting``.
"""
