"""Input and output dataclasses of the matching engine (párování). Pure Python: no Django import here.

Vocabulary values are the same strings as the Django ``TextChoices`` in ``nrp.core.choices`` (``"ADOPTION"``,
``"free"``, ``"behavioural"`` …), so the adapter passes model values through unchanged.

One module a kind: ``vocabulary`` (value sets, messages, ``MatchingInputError``), ``inputs`` (profiles,
``Weights``), ``results`` (``RankedFamily``, ``RankingResult`` …).
"""
