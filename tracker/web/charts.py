"""Coverage over time as an inline SVG drawn on the server: articles per day of publication, stacked by
outlet (articles that state no publication date are counted apart, never plotted on the day we saw them).

A pure function of (day, outlet) pairs, so it is tested without a database. No inline style: colours
are SVG presentation attributes (fill=) plus a class per series, which a strict Content-Security-Policy
allows. Every piece of text is escaped. Caveat: a story spanning more than MAX_DAYS days shows its
last MAX_DAYS days only (and says so in the description).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_DAYS = 60
PALETTE = ("#1f5fa8", "#d0622b", "#2e8b57", "#8a4fb3", "#b8860b", "#c2185b", "#00838f", "#5d6d7e")
WIDTH, PLOT_HEIGHT, LEFT, TOP, BOTTOM = 640, 160, 36, 12, 28
LEGEND_ROW = 20


def _label(day: date) -> str:
    return f"{day.day} {day:%b}"


def coverage_chart(
    points: Iterable[tuple[date, str]], *, undated: int = 0, title: str = "Articles per day by outlet"
) -> SafeString:
    """An SVG bar chart of how many articles each outlet published on each day.

    `points` holds one (day of publication, outlet name) pair per dated article; `undated` articles
    state no publication date, so they have no day: the description counts them apart. Returns "" when
    no article is dated."""
    counts = Counter(points)
    if not counts:
        return mark_safe("")
    days_seen = sorted({day for day, _ in counts})
    last = days_seen[-1]
    first = max(days_seen[0], last - timedelta(days=MAX_DAYS - 1))
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    outlets: list[str] = []
    for _day, outlet in sorted(counts):
        if outlet not in outlets:
            outlets.append(outlet)
    colour = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}
    totals = {d: sum(n for (day, _), n in counts.items() if day == d) for d in days}
    peak = max(totals.values()) or 1
    slot = (WIDTH - LEFT - 8) / len(days)
    bar = max(2.0, slot * 0.7)
    unit = PLOT_HEIGHT / peak
    legend_top = TOP + PLOT_HEIGHT + BOTTOM
    height = legend_top + LEGEND_ROW * ((len(outlets) + 2) // 3) + 4
    total = sum(counts.values())
    shown = sum(totals.values())
    desc = f"{total} articles by {len(outlets)} outlets from {_label(days_seen[0])} to {_label(last)}"
    if shown < total:
        desc += f"; the last {MAX_DAYS} days are shown"
    if undated:
        desc += f"; {undated} more without a stated publication date, not plotted"

    parts = [
        f'<svg class="chart chart--coverage" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>',
        f'<line class="chart__axis" x1="{LEFT}" y1="{TOP + PLOT_HEIGHT}" x2="{WIDTH - 4}" '
        f'y2="{TOP + PLOT_HEIGHT}" stroke="#888" stroke-width="1"/>',
        f'<text class="chart__tick" x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="11" '
        f'fill="#555">{peak}</text>',
        f'<text class="chart__tick" x="{LEFT - 6}" y="{TOP + PLOT_HEIGHT}" text-anchor="end" '
        f'font-size="11" fill="#555">0</text>',
    ]
    every = max(1, len(days) // 6)
    for i, day in enumerate(days):
        x = LEFT + i * slot + (slot - bar) / 2
        y = TOP + PLOT_HEIGHT
        for outlet in outlets:
            n = counts.get((day, outlet), 0)
            if not n:
                continue
            h = n * unit
            y -= h
            i_series = outlets.index(outlet)
            parts.append(
                f'<rect class="chart__bar series-{i_series}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{colour[outlet]}"><title>{escape(outlet)}, {_label(day)}: '
                f"{n} article{'s' if n != 1 else ''}</title></rect>"
            )
        if i % every == 0 or i == len(days) - 1:
            parts.append(
                f'<text class="chart__tick" x="{x + bar / 2:.1f}" y="{TOP + PLOT_HEIGHT + 16}" '
                f'text-anchor="middle" font-size="11" fill="#555">{_label(day)}</text>'
            )
    for i, outlet in enumerate(outlets):
        x = 8 + (i % 3) * (WIDTH // 3)
        y = legend_top + (i // 3) * LEGEND_ROW
        parts.append(
            f'<rect class="series-{i}" x="{x}" y="{y}" width="12" height="12" fill="{colour[outlet]}"/>'
            f'<text class="chart__legend" x="{x + 18}" y="{y + 11}" font-size="12" fill="#222">'
            f"{escape(outlet)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text above is escaped
