"""Output records of the matching engine: reasons, criterion scores, the ranked families, the result. Pure Python."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, overload


# --- output -------------------------------------------------------------------------------------------------
# Result records are NamedTuples rather than dataclasses: immutable too, and several times cheaper to create
# (a ranking of 10,000 families creates tens of thousands of them).
class Reason(NamedTuple):
    """A reason in plain Czech, with its stable code and parameters so it can be rendered in another language."""

    code: str
    params: tuple[tuple[str, Any], ...]
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params},
            "text": self.text,
        }


class CriterionScore(NamedTuple):
    """One soft criterion for one family: raw score 0–1, its weight, and its share of the total."""

    criterion: str
    score: float
    weight: float
    # weight × score / (sum of the weights of applicable criteria); the contributions sum to the total.
    contribution: float
    applicable: bool
    reason: Reason


class RankedFamily:
    """One eligible family in a ranking: its place, total score and (computed on first access) the per-criterion
    scores, contributions and Czech reasons.

    The explanation is built lazily: a ranking of 10,000 families may hold thousands of eligible ones and most
    callers read the details of the first few; the values do not depend on when they are read. Read-only.
    """

    __slots__ = ("entry_id", "rank", "total", "waited_days", "_explain", "_criteria", "_scores")

    def __init__(
        self,
        entry_id: int,
        rank: int,
        total: float,
        waited_days: int,
        explain: Callable[[], tuple[CriterionScore, ...]],
        scores: tuple[float, ...] | None = None,
    ) -> None:
        self.entry_id = entry_id
        self.rank = rank
        self.total = total
        self.waited_days = waited_days
        self._explain = explain
        self._criteria: tuple[CriterionScore, ...] | None = None
        self._scores = scores

    @property
    def criteria(self) -> tuple[CriterionScore, ...]:
        if self._criteria is None:
            self._criteria = self._explain()
        return self._criteria

    @property
    def scores(self) -> tuple[float, ...]:
        """The raw 0–1 score of every criterion (unrounded, ``CRITERIA`` order): what a stored ranking keeps to
        explain the family later (``engine.explain_scores``)."""
        return self._scores if self._scores is not None else tuple(c.score for c in self.criteria)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(c.reason for c in self.criteria)

    def __repr__(self) -> str:
        return f"RankedFamily(entry_id={self.entry_id}, rank={self.rank}, total={self.total})"


def _as_list(values: Any) -> list[Any]:
    """A numpy column as Python values (``tolist`` is one C call), any other sequence as a list."""
    tolist = getattr(values, "tolist", None)
    return list(tolist()) if tolist is not None else list(values)


class RankedFamilies(Sequence[RankedFamily]):
    """The eligible families of a ranking, in order: a read-only sequence of ``RankedFamily``.

    The engine keeps the order as columns (entry ids, totals, days waited) and makes a ``RankedFamily`` only when
    one is read, so ranking a child against 50,000 families creates no object per eligible family until someone
    looks at it. ``entry_ids``, ``totals`` and ``waited_days`` give whole columns (Python lists) at once.
    """

    __slots__ = ("_ids", "_totals", "_waited", "_scores", "_explainer")

    def __init__(
        self,
        entry_ids: Any,
        totals: Any,
        waited_days: Any,
        scores: Any,
        explainer: Callable[[int, tuple[float, ...]], Callable[[], tuple[CriterionScore, ...]]],
    ) -> None:
        self._ids = entry_ids
        self._totals = totals
        self._waited = waited_days
        self._scores = scores  # shape (criteria, families)
        self._explainer = explainer

    def __len__(self) -> int:
        return len(self._ids)

    def _at(self, i: int) -> RankedFamily:
        scores = tuple(self._scores[:, i].tolist())
        explain = self._explainer(i, scores)
        return RankedFamily(int(self._ids[i]), i + 1, float(self._totals[i]), int(self._waited[i]), explain, scores)

    @overload
    def __getitem__(self, index: int) -> RankedFamily: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[RankedFamily, ...]: ...

    def __getitem__(self, index: int | slice) -> RankedFamily | tuple[RankedFamily, ...]:
        if isinstance(index, slice):
            return tuple(self._at(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._at(index)

    def __iter__(self) -> Iterator[RankedFamily]:
        return (self._at(i) for i in range(len(self)))

    @property
    def entry_ids(self) -> list[int]:
        return [int(i) for i in _as_list(self._ids)]

    @property
    def totals(self) -> list[float]:
        return [float(t) for t in _as_list(self._totals)]

    @property
    def waited_days(self) -> list[int]:
        return [int(d) for d in _as_list(self._waited)]

    def score_rows(self) -> list[list[float]]:
        """The raw scores of every family, one list per family (``CRITERIA`` order)."""
        rows: list[list[float]] = self._scores.T.tolist()
        return rows

    def __repr__(self) -> str:
        return f"RankedFamilies({len(self)} families)"


class RankingResult:
    """The ranking of one case: the eligible families in order, and every family left out under the FIRST hard
    rule it breaks (tvrdé kritérium). Read-only.

    The excluded families are kept as two numpy columns (entry ids, rule indexes in ``RULES``) rather than pairs,
    so ranking 50,000 families allocates no per-family objects; ``exclusions`` and ``excluded_by_rule`` give
    them in the shapes callers need.
    """

    __slots__ = ("case_id", "considered", "ranked", "excluded_counts", "_rule_reasons", "_ids", "_rules")

    def __init__(
        self,
        *,
        case_id: int,
        considered: int,
        ranked: RankedFamilies,
        excluded_ids: Any,
        excluded_rule_indexes: Any,
        excluded_counts: tuple[tuple[str, int], ...],
        rule_reasons: dict[str, Reason] | Callable[[], dict[str, Reason]] | None = None,
    ) -> None:
        self.case_id = case_id
        self.considered = considered
        self.ranked = ranked
        # rule code -> number of families it excluded, every rule listed (zero included), in rule order.
        self.excluded_counts = excluded_counts
        # rule code -> the reason in plain Czech (what about this child the families could not accept); the
        # engine passes a function, so the sentences are made only when someone reads them.
        self._rule_reasons = rule_reasons or {}
        self._ids = excluded_ids
        self._rules = excluded_rule_indexes

    @property
    def rule_reasons(self) -> dict[str, Reason]:
        if callable(self._rule_reasons):
            self._rule_reasons = self._rule_reasons()
        return self._rule_reasons

    @property
    def is_empty(self) -> bool:
        return not self.ranked

    def excluded_count(self, rule: str) -> int:
        return dict(self.excluded_counts)[rule]

    @property
    def excluded_entry_ids(self) -> tuple[int, ...]:
        return tuple(self._ids.tolist())

    @property
    def excluded_rules(self) -> tuple[str, ...]:
        from matching.criteria.hard import RULES

        return tuple(RULES[i] for i in self._rules.tolist())

    @property
    def exclusions(self) -> tuple[tuple[int, str], ...]:
        """(entry id, rule code) of every family left out."""
        return tuple(zip(self.excluded_entry_ids, self.excluded_rules, strict=True))

    def excluded_by_rule(self) -> dict[str, list[int]]:
        """rule code -> entry ids it excluded (ascending), only the rules that excluded someone."""
        from matching.criteria.hard import RULES

        found: dict[str, list[int]] = {}
        for index in sorted(set(self._rules.tolist())):
            found[RULES[index]] = self._ids[self._rules == index].tolist()
        return found

    def excluded_by(self, rule: str) -> set[int]:
        return set(self.excluded_by_rule().get(rule, ()))
