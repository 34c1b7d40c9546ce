"""Adapter between the database and the pure engine: builds engine input from models, and turns the engine's
result into the JSON a ``RankingRun`` stores (saleor's ``order/fetch.py`` pattern).

Only anonymised child data crosses into the engine and the snapshot: ages on the day, sex, legal status,
needs, recorded ethnicity. Never names or dates of birth.

One module a direction: ``profiles`` (models -> engine input), ``pools`` (the register as engine columns),
``snapshots`` (engine input and output -> what a stored ranking records, and back); ``columns`` names the
columns of a pool row.
"""
