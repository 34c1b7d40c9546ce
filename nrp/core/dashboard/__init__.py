""" "Můj den": what needs a person's attention now, per role, each with a count and a link.

Read-only selectors that take the acting user, like every app's ``selectors.py`` (and call them where they
exist: ``tasks_for_user``, ``case_list_for_officer``, ``open_approaches_for_officer`` …). Each item costs a
fixed number of queries whatever the amount of data (tests/product/test_my_day.py measures two sizes).

One module a role (``tasks`` and ``families`` serve the staff roles together); ``common`` holds the pieces,
``my_day`` puts them together.
"""
