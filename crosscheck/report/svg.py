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

# Sized for a phone: the page shows the chart at most 520 px wide and scales it down to the
# screen, so text is drawn large (17 px) to stay readable at 390 px.  Each row's label (the
# document id and the value) stands above its line, so the plot keeps the full width.
WIDTH = 520
ROW = 42
TOP = 28
AXIS = 34
PLOT_L = 20
PLOT_R = WIDTH - 20
LABEL_MAX = 34  # characters of a document id shown before "…"
FONT = 17
AXIS_FONT = 15

# Labels drawn over the plot keep a light outline so a line behind them does not cross them.
HALO = 'stroke="#fafbfc" stroke-width="4" paint-order="stroke"'
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
    # a vague claim's value is the number its words name ("آلاف": 1000), not a point of its band
    if value is not None and claim.qualifier != "vague" and (low is None or high is None or low != high):
        xv = scale(value)
        out.append(
            f'<line x1="{xv:.1f}" y1="{y - 8:.1f}" x2="{xv:.1f}" y2="{y + 8:.1f}" stroke="{color}" stroke-width="2"/>'
        )
    label = claim.doc if len(claim.doc) <= LABEL_MAX else claim.doc[: LABEL_MAX - 1] + "…"
    out.append(
        f'<text x="{PLOT_R}" y="{y - 10:.1f}" font-size="{FONT}" text-anchor="end" fill="#222" {HALO}>'
        f"{esc(label + '  ' + format_value(claim))}</text>"
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
            f'<text x="{x:.1f}" y="{axis_y + 20}" font-size="{AXIS_FONT}" text-anchor="middle" fill="#444">'
            f"{esc(format_number(int(t) if float(t).is_integer() else t))}</text>"
        )
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- timeline

TL_HEIGHT = 250
TL_LEFT = 78  # value labels
TL_RIGHT = 14
TL_TOP = 14
TL_BOTTOM = 40  # date labels
JITTER = 7  # px between claims of one date


def _day(iso: Optional[str]):
    from datetime import date

    if not iso:
        return None
    try:
        return date.fromisoformat(str(iso)[:10])
    except ValueError:
        return None


def _claim_day(claim):
    return _day(getattr(claim, "as_of", None) or claim.date)


def timeline_points(cluster: Cluster) -> list[tuple[object, ClusterClaim]]:
    """(date, claim) for every numeric claim with a date, in date order."""
    out = []
    for c in cluster.claims:
        d = _claim_day(c)
        if d is not None and any(_finite(v) is not None for v in (c.low, c.high, c.value)):
            out.append((d, c))
    out.sort(key=lambda p: p[0])
    return out


def _trajectory(cluster: Cluster) -> list[tuple[object, Optional[float], Optional[float]]]:
    points = []
    for p in getattr(cluster, "trajectory", None) or []:
        get = p.get if isinstance(p, dict) else lambda k, p=p: getattr(p, k, None)
        d = _day(get("date"))
        if d is not None:
            points.append((d, _finite(get("low")), _finite(get("high"))))
    points.sort(key=lambda p: p[0])
    return points


def timeline_chart(cluster: Cluster) -> str:
    """An inline <svg>: each dated claim as a vertical interval at its date, the fitted
    trajectory as a band, outliers in red.  '' when fewer than two dates are known."""
    points = timeline_points(cluster)
    trajectory = _trajectory(cluster)
    days = sorted({d for d, _ in points} | {d for d, _, _ in trajectory})
    if len(days) < 2 or not points:
        return ""
    values: list[float] = []
    for _, c in points:
        values += [v for v in (_finite(c.low), _finite(c.high), _finite(c.value)) if v is not None]
    for _, lo, hi in trajectory:
        values += [v for v in (lo, hi) if v is not None]
    vlo, vhi = min(values), max(values)
    pad = (vhi - vlo) * 0.1 if vhi > vlo else max(abs(vlo) * 0.1, 1.0)
    vlo, vhi = (max(0.0, vlo - pad) if vlo >= 0 else vlo - pad), vhi + pad
    d0, d1 = days[0], days[-1]
    span_days = max((d1 - d0).days, 1)
    x_lo, x_hi = TL_LEFT + 16, WIDTH - TL_RIGHT - 16
    y_top, y_bottom = TL_TOP, TL_HEIGHT - TL_BOTTOM

    def x_of(d) -> float:
        return x_lo + (d - d0).days / span_days * (x_hi - x_lo)

    def y_of(v: float) -> float:
        return y_bottom - (min(max(v, vlo), vhi) - vlo) / (vhi - vlo) * (y_bottom - y_top)

    label = f"{cluster.kind}: {len(points)} dated claims, {d0.isoformat()} to {d1.isoformat()}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" direction="ltr" '
        f'viewBox="0 0 {WIDTH} {TL_HEIGHT}" width="{WIDTH}" height="{TL_HEIGHT}" role="img" aria-label="{esc(label)}">'
    ]
    # value grid
    for t in nice_ticks(vlo, vhi, 4):
        y = y_of(t)
        out.append(f'<line x1="{TL_LEFT}" y1="{y:.1f}" x2="{WIDTH - TL_RIGHT}" y2="{y:.1f}" stroke="#e3e5e8"/>')
        out.append(
            f'<text x="{TL_LEFT - 6}" y="{y + 5:.1f}" font-size="{AXIS_FONT}" text-anchor="end" fill="#444">'
            f"{esc(format_number(int(t) if float(t).is_integer() else t))}</text>"
        )
    # trajectory band
    if trajectory:
        upper = [(x_of(d), y_of(hi if hi is not None else vhi)) for d, lo, hi in trajectory]
        lower = [(x_of(d), y_of(lo if lo is not None else vlo)) for d, lo, hi in trajectory]
        poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower[::-1])
        out.append(
            f'<polygon class="trajectory" points="{poly}" fill="{BAND}" fill-opacity="0.18" stroke="{BAND}" '
            f'stroke-opacity="0.7"><title>{esc("trajectory " + ", ".join(f"{d.isoformat()} {format_interval(lo, hi)}" for d, lo, hi in trajectory))}</title></polygon>'
        )
    # claims: vertical intervals
    seen: dict[object, int] = {}
    for d, c in points:
        k = seen.get(d, 0)
        seen[d] = k + 1
        x = x_of(d) + ((k + 1) // 2) * JITTER * (1 if k % 2 else -1)  # 0, +J, -J, +2J, …
        color = OUTLIER if c.outlier else COLOR
        low, high = _finite(c.low), _finite(c.high)
        y1 = y_top if high is None else y_of(high)
        y2 = y_bottom if low is None else y_of(low)
        css = "point outlier" if c.outlier else "point"
        title = f"{c.doc} {d.isoformat()}: {format_value(c)} {format_interval(c.low, c.high, c.low_open, c.high_open)}"
        if c.outlier:
            title += " (outlier)"
        g = [f'<g class="{css}"><title>{esc(title)}</title>']
        if abs(y2 - y1) < 1:
            g.append(_end(x, y1, False, color))
        else:
            g.append(f'<line x1="{x:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y2:.1f}" stroke="{color}" stroke-width="3"/>')
            g.append(_end(x, y1, c.high_open, color) if high is not None else
                     f'<polygon points="{x:.1f},{y1 - 2:.1f} {x - 5:.1f},{y1 + 7:.1f} {x + 5:.1f},{y1 + 7:.1f}" fill="{color}"/>')
            g.append(_end(x, y2, c.low_open, color) if low is not None else
                     f'<polygon points="{x:.1f},{y2 + 2:.1f} {x - 5:.1f},{y2 - 7:.1f} {x + 5:.1f},{y2 - 7:.1f}" fill="{color}"/>')
        value = _finite(c.value)
        if value is not None and not (abs(y2 - y1) < 1):
            yv = y_of(value)
            g.append(f'<line x1="{x - 7:.1f}" y1="{yv:.1f}" x2="{x + 7:.1f}" y2="{yv:.1f}" stroke="{color}" stroke-width="2"/>')
        if c.outlier:
            g.append(f'<text x="{x + 8:.1f}" y="{y1 + 4:.1f}" font-size="{FONT}" fill="{OUTLIER}">✕</text>')
        g.append("</g>")
        out += g
    # date axis: first, last, and the middle date when there is room
    out.append(f'<line x1="{TL_LEFT}" y1="{y_bottom}" x2="{WIDTH - TL_RIGHT}" y2="{y_bottom}" stroke="#666"/>')
    ticks = [d0, d1]
    if len(days) > 2:
        mid = days[len(days) // 2]
        if min(abs(x_of(mid) - x_of(d0)), abs(x_of(d1) - x_of(mid))) > 110:
            ticks.insert(1, mid)
    for i, d in enumerate(ticks):
        x = x_of(d)
        anchor = "start" if i == 0 else "end" if i == len(ticks) - 1 else "middle"
        xt = x - 10 if anchor == "start" else x + 10 if anchor == "end" else x
        out.append(f'<line x1="{x:.1f}" y1="{y_bottom}" x2="{x:.1f}" y2="{y_bottom + 5}" stroke="#666"/>')
        out.append(
            f'<text x="{xt:.1f}" y="{y_bottom + 22}" font-size="{AXIS_FONT}" text-anchor="{anchor}" fill="#444">'
            f"{esc(d.isoformat())}</text>"
        )
    out.append("</svg>")
    return "".join(out)
