"""The matching engine (párování): one child or sibling group against a pool of approved families.

Pure Python and numpy over the dataclasses of ``matching.types``: no Django, no database, no network. The same
input gives the same output: the ranking is ordered by total score (rounded to 4 decimals, higher first), then by
the time the family has waited in the register (longer first), then by entry id (lower first).

Use ``prepare_pool(families, today=...)`` once (it validates and precomputes per-family columns: bit masks,
coordinates in radians, days waited, register-state exclusions) and ``rank(case, pool, ...)`` for each child.
A caller that already has the columns (the database adapter reads them as plain values) builds the pool with
``pool_from_columns`` and never creates a ``FamilyProfile`` per family.

The pool is a set of numpy columns (one array per attribute, rows sorted by entry id): the hard rules and the
scores are evaluated for every family at once, column by column, and only the eligible families become Python
objects. The Czech explanation of a family is built on first access (lazily), so a screen that shows 25 families
explains 25.

One module a stage: ``pool`` (the columns), ``rules`` (hard rules and scores over the columns), ``explain`` (the
Czech reasons of one family), ``ranking`` (``rank``, ``rank_many``, ``explain_family``, ``ENGINE_VERSION``).
"""
