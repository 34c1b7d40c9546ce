"""Server-side SVG charts: bars (vertical, horizontal, stacked) and a line. No script, no inline style.

Colours and fonts come from classes (``series-0`` … ``series-5``, ``chart-axis``, ``chart-label``) defined in
``static/stats/stats.css``, so the Content-Security-Policy (no 'unsafe-inline') holds. Each chart has a
``<title>`` and ``<desc>`` for assistive technology; the data table next to it carries the numbers. A value
that is ``None`` (suppressed small group, or nothing to show) draws no bar.
"""

from __future__ import annotations

from html import escape

WIDTH = 640
BAR_ROW = 26
LEFT_LABELS = 190
LABEL_CHARS = 27
PAD = 28


def _fmt(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _open(chart_id: str, title: str, height: int, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(str(title))}</title>',
        f'<desc id="{chart_id}-d">{escape(str(desc))}</desc>',
    ]


def _legend(series_names: list[str], y: int) -> list[str]:
    """One legend row per series (long Czech names never overlap)."""
    parts = []
    for i, name in enumerate(series_names):
        row = y + i * 18
        parts.append(f'<rect class="series-{i % 6}" x="0" y="{row}" width="12" height="12"/>')
        parts.append(f'<text class="chart-label" x="18" y="{row + 11}">{escape(str(name))}</text>')
    return parts


def _short(label: str) -> str:
    text = str(label)
    return escape(text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…")


def hbar(
    chart_id: str,
    title: str,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    desc: str = "",
    stacked: bool = False,
    markers: list[float | None] | None = None,
) -> str:
    """Horizontal bars: one row per category, one bar per series (or one stacked bar). ``markers``: a line
    per row (e.g. the deadline)."""
    rows = len(categories)
    per_row = 1 if stacked or len(series) == 1 else len(series)
    row_h = BAR_ROW if per_row == 1 else 12 * per_row + 8
    legend_h = 18 * len(series) + 4 if len(series) > 1 else 0
    height = PAD + rows * row_h + legend_h + 8
    totals = []
    for r in range(rows):
        row_values = [s[1][r] or 0 for s in series]
        totals.append(sum(row_values) if stacked else max(row_values, default=0))
    peak = max([*totals, *(m or 0 for m in (markers or []))], default=0) or 1
    scale = (WIDTH - LEFT_LABELS - 60) / peak
    parts = _open(chart_id, title, height, desc)
    for r, category in enumerate(categories):
        y = PAD + r * row_h
        parts.append(
            f'<text class="chart-label" x="{LEFT_LABELS - 6}" y="{y + row_h / 2 + 4:.0f}" '
            f'text-anchor="end">{_short(category)}</text>'
        )
        x: float = LEFT_LABELS
        for i, (_name, values) in enumerate(series):
            value = values[r]
            if value is None:
                continue
            w = max(value * scale, 0)
            if stacked:
                parts.append(
                    f'<rect class="series-{i % 6}" x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}"/>'
                )
                x += w
            else:
                bar_h = row_h - 8 if per_row == 1 else 10
                by = y + 4 + (0 if per_row == 1 else i * 12)
                parts.append(f'<rect class="series-{i % 6}" x="{x:.1f}" y="{by}" width="{w:.1f}" height="{bar_h}"/>')
                parts.append(f'<text class="chart-value" x="{x + w + 4:.1f}" y="{by + bar_h - 1}">{_fmt(value)}</text>')
        if stacked and totals[r]:
            parts.append(
                f'<text class="chart-value" x="{x + 4:.1f}" y="{y + row_h / 2 + 4:.0f}">{_fmt(totals[r])}</text>'
            )
        marker = markers[r] if markers else None
        if marker is not None:
            mx = LEFT_LABELS + marker * scale
            parts.append(f'<line class="chart-marker" x1="{mx:.1f}" x2="{mx:.1f}" y1="{y + 1}" y2="{y + row_h - 1}"/>')
    parts.append(
        f'<line class="chart-axis" x1="{LEFT_LABELS}" x2="{LEFT_LABELS}" y1="{PAD - 4}" y2="{PAD + rows * row_h}"/>'
    )
    if len(series) > 1:
        parts += _legend([name for name, _ in series], PAD + rows * row_h + 8)
    parts.append("</svg>")
    return "".join(parts)


def columns(
    chart_id: str,
    title: str,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    desc: str = "",
    stacked: bool = True,
) -> str:
    """Vertical (stacked) columns, e.g. one per month."""
    count = max(len(categories), 1)
    plot_h = 180
    top = 20
    legend_y = top + plot_h + 34
    height = legend_y + (18 * len(series) + 4 if len(series) > 1 else 0)
    slot = (WIDTH - 40) / count
    totals = [
        sum((s[1][c] or 0) for s in series) if stacked else max((s[1][c] or 0) for s in series)
        for c in range(len(categories))
    ]
    peak = max(totals, default=0) or 1
    parts = _open(chart_id, title, height, desc)
    base = top + plot_h
    parts.append(f'<line class="chart-axis" x1="30" x2="{WIDTH}" y1="{base}" y2="{base}"/>')
    parts.append(f'<text class="chart-label" x="26" y="{top + 8}" text-anchor="end">{_fmt(peak)}</text>')
    for c, category in enumerate(categories):
        x = 40 + c * slot
        y: float = base
        width = max(slot * 0.7, 2)
        for i, (_name, values) in enumerate(series):
            value = values[c]
            if value is None:
                continue
            h = value / peak * plot_h
            if stacked:
                y -= h
                parts.append(
                    f'<rect class="series-{i % 6}" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}"/>'
                )
            else:
                w = width / len(series)
                parts.append(
                    f'<rect class="series-{i % 6}" x="{x + i * w:.1f}" y="{base - h:.1f}" '
                    f'width="{w:.1f}" height="{h:.1f}"/>'
                )
        if totals[c]:
            parts.append(
                f'<text class="chart-value" x="{x + width / 2:.1f}" y="{base - totals[c] / peak * plot_h - 3:.1f}" '
                f'text-anchor="middle">{_fmt(totals[c])}</text>'
            )
        if count <= 12 or c % 2 == 0:
            parts.append(
                f'<text class="chart-label" x="{x + width / 2:.1f}" y="{base + 14}" '
                f'text-anchor="middle">{escape(str(category))}</text>'
            )
    if len(series) > 1:
        parts += _legend([name for name, _ in series], legend_y - 12)
    parts.append("</svg>")
    return "".join(parts)


def line(chart_id: str, title: str, categories: list[str], values: list[float | None], *, desc: str = "") -> str:
    """One line over time (e.g. children waiting at the end of each month)."""
    count = len(categories)
    plot_h, top = 170, 16
    height = top + plot_h + 30
    known = [v for v in values if v is not None]
    peak = max(known, default=0) or 1
    step = (WIDTH - 60) / max(count - 1, 1)
    parts = _open(chart_id, title, height, desc)
    base = top + plot_h
    parts.append(f'<line class="chart-axis" x1="40" x2="{WIDTH}" y1="{base}" y2="{base}"/>')
    parts.append(f'<text class="chart-label" x="36" y="{top + 8}" text-anchor="end">{_fmt(peak)}</text>')
    parts.append(f'<text class="chart-label" x="36" y="{base}" text-anchor="end">0</text>')
    points = []
    for i, value in enumerate(values):
        x = 50 + i * step
        if value is not None:
            y = base - value / peak * plot_h
            points.append(f"{x:.1f},{y:.1f}")
            parts.append(f'<circle class="series-0" cx="{x:.1f}" cy="{y:.1f}" r="3"/>')
        if count <= 12 or i % 3 == 0 or i == count - 1:
            parts.append(
                f'<text class="chart-label" x="{x:.1f}" y="{base + 16}" '
                f'text-anchor="middle">{escape(str(categories[i]))}</text>'
            )
    if len(points) > 1:
        parts.append(f'<polyline class="chart-line" points="{" ".join(points)}"/>')
    parts.append("</svg>")
    return "".join(parts)
