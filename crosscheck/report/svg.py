"""Inline SVG: every source's interval in a cluster drawn against the consensus.

One row per claim.  A closed end is a filled dot, an open end a hollow dot, an unbounded end
an arrow to the edge of the plot; a closed point is one dot; the value itself is a short tick.
The consensus is a shaded band.  Outliers are drawn in red.  The numeric axis runs left to
right (the SVG sets direction="ltr") even inside the right-to-left page; the labels sit on
the right, where an Arabic reader starts.  Every piece of text is escaped and bidi-neutralised.
"""

from __future__ import annotations

import html
import math
from typing import Optional

from crosscheck.report.cluster_view import format_interval, format_number, format_value, neutralise_bidi
from crosscheck.models import Cluster, ClusterClaim

WIDTH = 640
ROW = 26
TOP = 14
AXIS = 34
LABEL_W = 190  # right-hand label column
PLOT_L = 24
PLOT_R = WIDTH - LABEL_W - 16
LABEL_MAX = 26  # characters of a document id shown before "…"

COLOR = "#1f6fb2"
OUTLIER = "#c0392b"
BAND = "#2e8b57"


def esc(text: object) -> str:
    return html.escape(neutralise_bidi(str(text)), quote=True)


def _finite(x: object) -> Optional[float]:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    return float(x) if math.isfinite(x) else None


def _domain(cluster: Cluster) -> tuple[float, float]:
    points: list[float] = []
    for c in cluster.claims:
        points += [v for v in (_finite(c.low), _finite(c.high), _finite(c.value)) if v is not None]
    if cluster.consensus is not None:
        points += [v for v in (_finite(cluster.consensus.low), _finite(cluster.consensus.high)) if v is not None]
    if not points:
        return (0.0, 1.0)
    lo, hi = min(points), max(points)
    pad = (hi - lo) * 0.12 if hi > lo else max(abs(lo) * 0.1, 1.0)
    start = lo - pad
    if lo >= 0 > start:
        start = 0.0  # counts are never negative: do not draw the axis below zero
    return (start, hi + pad)


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 × 10^k steps) inside [lo, hi]."""
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / max(target - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    t = first
    while t <= hi + step * 1e-9:
        ticks.append(round(t, 10))
        t += step
    return ticks


def _end(x: float, y: float, open_: bool, color: str) -> str:
    fill = "#ffffff" if open_ else color
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{fill}" stroke="{color}" stroke-width="2"/>'


def _arrow(x: float, y: float, direction: int, color: str) -> str:
    """A triangle at x pointing left (-1) or right (+1)."""
    tip = x + 2 * direction
    base = x - 8 * direction
    return (
        f'<polygon points="{tip:.1f},{y:.1f} {base:.1f},{y - 5:.1f} {base:.1f},{y + 5:.1f}" '
        f'fill="{color}"/>'
    )


def _row(claim: ClusterClaim, y: float, scale) -> list[str]:
    color = OUTLIER if claim.outlier else COLOR
    low, high = _finite(claim.low), _finite(claim.high)
    x1 = PLOT_L if low is None else scale(low)
    x2 = PLOT_R if high is None else scale(high)
    title = f"{claim.doc}: {format_value(claim)} {format_interval(claim.low, claim.high, claim.low_open, claim.high_open)}"
    if claim.outlier:
        title += " (outlier)"
    css = "row outlier" if claim.outlier else "row"
    out = [f'<g class="{css}"><title>{esc(title)}</title>']
    if low is not None and high is not None and low == high and not (claim.low_open or claim.high_open):
        out.append(_end(x1, y, False, color))
    else:
        out.append(
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{color}" stroke-width="3"/>'
        )
        out.append(_arrow(x1, y, -1, color) if low is None else _end(x1, y, claim.low_open, color))
        out.append(_arrow(x2, y, +1, color) if high is None else _end(x2, y, claim.high_open, color))
    value = _finite(claim.value)
    if value is not None and (low is None or high is None or low != high):
        xv = scale(value)
        out.append(
            f'<line x1="{xv:.1f}" y1="{y - 8:.1f}" x2="{xv:.1f}" y2="{y + 8:.1f}" stroke="{color}" stroke-width="2"/>'
        )
    label = claim.doc if len(claim.doc) <= LABEL_MAX else claim.doc[: LABEL_MAX - 1] + "…"
    out.append(
        f'<text x="{PLOT_R + 14}" y="{y + 4:.1f}" font-size="12" fill="#222">{esc(label)}</text>'
    )
    out.append("</g>")
    return out


def is_numeric(cluster: Cluster) -> bool:
    """Whether there is any number to draw (vote positions such as 'veto' have none)."""
    return any(
        _finite(v) is not None for c in cluster.claims for v in (c.value, c.low, c.high)
    )


def interval_chart(cluster: Cluster) -> str:
    """An inline <svg> comparing every claim's interval with the cluster's consensus.

    Empty string for a cluster without numbers (vote positions): there is nothing to plot.
    """
    if not is_numeric(cluster):
        return ""
    lo, hi = _domain(cluster)
    span = hi - lo

    def scale(v: float) -> float:
        return PLOT_L + (min(max(v, lo), hi) - lo) / span * (PLOT_R - PLOT_L)

    n = len(cluster.claims)
    height = TOP + n * ROW + AXIS
    plot_bottom = TOP + n * ROW
    label = f"{cluster.kind}: consensus {format_interval(cluster.consensus.low, cluster.consensus.high) if cluster.consensus else 'none'}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" direction="ltr" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-label="{esc(label)}">'
    ]
    c = cluster.consensus
    if c is not None and (_finite(c.low) is not None or _finite(c.high) is not None):
        x1 = PLOT_L if _finite(c.low) is None else scale(c.low)  # type: ignore[arg-type]
        x2 = PLOT_R if _finite(c.high) is None else scale(c.high)  # type: ignore[arg-type]
        w = max(x2 - x1, 3.0)
        out.append(
            f'<rect class="consensus" x="{x1 - (1.5 if x2 - x1 < 3 else 0):.1f}" y="{TOP - 8}" '
            f'width="{w:.1f}" height="{n * ROW + 4}" fill="{BAND}" fill-opacity="0.18" '
            f'stroke="{BAND}" stroke-opacity="0.6"><title>{esc("consensus " + format_interval(c.low, c.high))}</title></rect>'
        )
    for i, claim in enumerate(cluster.claims):
        out += _row(claim, TOP + i * ROW + ROW / 2 - 4, scale)
    axis_y = plot_bottom + 4
    out.append(
        f'<line x1="{PLOT_L}" y1="{axis_y}" x2="{PLOT_R}" y2="{axis_y}" stroke="#666" stroke-width="1"/>'
    )
    for t in nice_ticks(lo, hi):
        x = scale(t)
        out.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="#666"/>')
        out.append(
            f'<text x="{x:.1f}" y="{axis_y + 18}" font-size="11" text-anchor="middle" fill="#444">'
            f"{esc(format_number(int(t) if float(t).is_integer() else t))}</text>"
        )
    out.append("</svg>")
    return "".join(out)
