"""Synthetic data at national size (``generate_national_data``) or demo size (the demo's year of history).

Everything is written with ``bulk_create`` (and ``_insert`` for the journeys, which extend viewflow's Process by
multi-table inheritance, where ``bulk_create`` refuses): 20,000 households take minutes, not hours. Nobody in
it is a real person: names come from the demo's name lists, members have no user account.

The story the data tells: applicants trickle in over the years and about half reach the register; most families
want one young child, while most waiting children are older, in sibling groups or with needs; a region changes
its matching weights (versions A → B) half-way, and placements chosen under B last slightly better.

One module a part: ``plan`` (what to write), ``applicants``, ``children``, ``generator`` (writes it all).
"""
