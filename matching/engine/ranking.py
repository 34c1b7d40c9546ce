"""Ranking one case (or several) against a prepared pool."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date
from functools import partial

import numpy as np

from matching.criteria.hard import RULES
from matching.engine.explain import Tie, _explain
from matching.engine.pool import FamilyPool, FloatArray, prepare_pool
from matching.engine.rules import (
    FIRST_RULE,
    SCORE_DECIMALS,
    _applicable,
    _case_view,
    _hard_rule_reasons,
    _weight_values,
    broken_rule_masks,
    score_columns,
)
from matching.types.inputs import CaseProfile, FamilyProfile, Weights
from matching.types.results import CriterionScore, RankedFamilies, RankingResult

# Bumped whenever a rule, a score or a reason changes meaning: a stored ranking records the version it was made by.
ENGINE_VERSION = "2026.12.2-fit"


def _round_scores(values: FloatArray) -> FloatArray:
    """``round(v, 4)`` of every value, exactly as Python rounds (to the nearest 4-decimal number, the double
    nearest to it). numpy's ``round`` scales by 10⁴ first, which can pick the other neighbour when the scaled
    value lies within a rounding error of a half; those few values are rounded by Python."""
    rounded = np.round(values, SCORE_DECIMALS)
    scaled = values * 10**SCORE_DECIMALS
    doubtful = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    for i in doubtful.tolist():
        rounded[i] = round(float(values[i]), SCORE_DECIMALS)
    return rounded


def rank(
    case: CaseProfile,
    pool: FamilyPool,
    *,
    weights: Weights | None = None,
    approached_entry_ids: frozenset[int] | set[int] = frozenset(),
    limit: int | None = None,
) -> RankingResult:
    """Rank the pool's families for ``case``.

    Families breaking a hard rule are left out and counted under the first rule they break; the others are
    scored and ordered. ``limit`` keeps only the first N ranked families (their order does not depend on it).
    A case with no eligible family gets an empty ``ranked`` and the counts per rule, never an error.
    """
    weights = weights or Weights()
    view = _case_view(case)
    approached = np.fromiter(approached_entry_ids, dtype=np.int64) if approached_entry_ids else None
    broken = broken_rule_masks(view, pool, approached)
    first = np.take(FIRST_RULE, broken)
    eligible = np.flatnonzero(broken == 0)
    excluded = np.flatnonzero(broken)
    counts = np.bincount(first, minlength=len(RULES) + 1)[: len(RULES)]

    applicable = _applicable(view)
    weight_values = _weight_values(weights, applicable)
    weight_sum = sum(weight_values)
    scores = score_columns(view, pool, eligible)
    weighted = (
        weight_values[0] * scores[0]
        + weight_values[1] * scores[1]
        + weight_values[2] * scores[2]
        + weight_values[3] * scores[3]
        + weight_values[4] * scores[4]
        + weight_values[5] * scores[5]
    ) / weight_sum
    totals = _round_scores(weighted)
    waited = pool.waited_days[eligible]
    order = np.lexsort((pool.entry_id[eligible], -waited, -totals))
    full_order = order
    if limit is not None:
        order = order[:limit]
    positions = eligible[order]
    ordered_scores = scores[:, order]

    # The order's negated totals (ascending) and days waited as lists, for the tie of an explained family: made
    # on first use (most rankings explain a page of families, never all).
    order_columns: list[tuple[list[float], list[int]]] = []

    def explainer(k: int, s: tuple[float, ...]) -> partial[tuple[CriterionScore, ...]]:
        if not order_columns:
            order_columns.append(((-totals[full_order]).tolist(), waited[full_order].tolist()))
        tie = _tie(*order_columns[0], k)
        return partial(_explain, view, pool, int(positions[k]), s, weight_values, weight_sum, applicable, tie)

    ranked = RankedFamilies(pool.entry_id[positions], totals[order], waited[order], ordered_scores, explainer)
    return RankingResult(
        case_id=case.case_id,
        considered=len(pool),
        ranked=ranked,
        excluded_ids=pool.entry_id[excluded],
        excluded_rule_indexes=first[excluded],
        excluded_counts=tuple(zip(RULES, counts.tolist(), strict=True)),
        rule_reasons=partial(_hard_rule_reasons, view),
    )


def _tie(negated_totals: list[float], waited: list[int], k: int) -> Tie | None:
    """``explain.tie_of`` for the family at place ``k`` of the order (``negated_totals``: the totals in order,
    negated, so ascending; ``waited``: days waited in order). The families with its total are its neighbours
    (two binary searches find them), and within them days waited descend, so an equal wait is a neighbour too."""
    lo = bisect_left(negated_totals, negated_totals[k])
    hi = bisect_right(negated_totals, negated_totals[k])
    if hi - lo < 2:
        return None
    days = waited[k]
    same_wait = (k > lo and waited[k - 1] == days) or (k + 1 < hi and waited[k + 1] == days)
    return hi - lo - 1, same_wait


def rank_many(
    cases: Iterable[CaseProfile],
    pool: FamilyPool,
    *,
    weights: Weights | None = None,
    approached_entry_ids: frozenset[int] | set[int] = frozenset(),
    limit: int | None = None,
) -> list[RankingResult]:
    """Rank every case against one prepared pool (the pool's per-family work is done once)."""
    return [rank(case, pool, weights=weights, approached_entry_ids=approached_entry_ids, limit=limit) for case in cases]


def explain_family(
    case: CaseProfile, family: FamilyProfile, *, today: date, weights: Weights | None = None
) -> tuple[CriterionScore, ...]:
    """The per-criterion scores and reasons of one family for one case (what a stored ranking row shows)."""
    ranked = rank(case, prepare_pool([family], today=today), weights=weights).ranked
    return ranked[0].criteria if ranked else ()
