"""Statements per month as a small bar chart in SVG, drawn on the server (no script needed)."""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT, BAR_GAP = 640, 160, 2


def months_between(first: str, last: str) -> list[str]:
    """Every month ``YYYY-MM`` from ``first`` to ``last``, so that quiet months show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_bars(counts: list[dict]) -> str:
    """An SVG bar per month (``counts``: dicts with ``month`` and ``statements``), labelled."""
    if not counts:
        return ""
    by_month = {row["month"]: row["statements"] for row in counts}
    months = months_between(counts[0]["month"], counts[-1]["month"])
    highest = max(by_month.values())
    bar = min(40.0, max(2.0, (WIDTH - 40) / len(months) - BAR_GAP))  # one month: no page-wide bar
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="plot" viewBox="0 0 {WIDTH} {HEIGHT + 30}" '
              f'role="img" aria-label="statements per month">')]
    for index, month in enumerate(months):
        count = by_month.get(month, 0)
        height = (HEIGHT - 10) * count / highest
        x = 30 + index * (bar + BAR_GAP)
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{HEIGHT - height:.1f}" width="{bar:.1f}" '
                     f'height="{height:.1f}"><title>{escape(month)}: {count}</title></rect>')
    parts.append(f'<text x="30" y="{HEIGHT + 20}">{escape(months[0])}</text>')
    parts.append(f'<text x="{WIDTH}" y="{HEIGHT + 20}" text-anchor="end">{escape(months[-1])}</text>')
    parts.append(f'<text x="0" y="12">{highest}</text></svg>')
    return "".join(parts)
