"""Compute the dashboard's figures from the live tables, for every region and the whole country in one pass.

Run by ``stats_snapshot`` (daily), never on a page request. Each ``*_section`` function takes the rows it
needs (loaded once by ``load_inputs``) and returns ``{scope: data}`` where scope is a region id or ``None``
for the country. ``data`` holds codes and numbers only; labels are translated when the page is rendered.

One module a part: ``common`` (constants, month arithmetic), ``inputs`` (``load_inputs``), ``applicants``
(the funnel and stage times); the children's and outcome sections are ``compute_children``/``compute_outcomes``.
"""
