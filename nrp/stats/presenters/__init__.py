"""Turn the precomputed sections into what a person sees: charts, the tables next to them, notes and warnings.

Small groups are protected here, once, for the page, the exports and the API alike: a figure that rests on
fewer than ``small_group_threshold()`` cases or families is replaced by "<5" (and drawn as no bar) unless the
viewer is an officer of the region the figures are about.

One module a group of sections: ``applicants``, ``children``, ``outcomes``; ``common`` holds the labels, the
pieces (``Cell``, ``Table``, ``Chart``, ``Section``) and the ``Protector``; ``sections`` puts the dashboard together.
"""
