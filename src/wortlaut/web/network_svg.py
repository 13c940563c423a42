"""A network drawn as SVG on the server: a spring layout (fixed seed, so the same network is drawn
the same way), edges as lines by weight, actors and concepts as labelled circles."""

from __future__ import annotations

from html import escape

import networkx as nx

WIDTH, HEIGHT, MARGIN = 900, 640, 60
MAX_DRAWN = 120  # nodes drawn: the heaviest by weighted degree (the downloads hold all of them)


def heaviest(graph: nx.Graph, limit: int = MAX_DRAWN) -> nx.Graph:
    """The ``limit`` nodes with the most edge weight, and the edges between them."""
    if graph.number_of_nodes() <= limit:
        return graph
    ranked = sorted(graph.degree(weight="weight"), key=lambda pair: (-pair[1], str(pair[0])))
    return graph.subgraph(node for node, _ in ranked[:limit])


def network_svg(graph: nx.Graph) -> str:
    if graph.number_of_nodes() == 0:
        return ""
    positions = nx.spring_layout(graph, seed=1, weight="weight") if graph.number_of_nodes() > 1 \
        else {next(iter(graph.nodes)): (0.0, 0.0)}
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def place(node) -> tuple[float, float]:
        x, y = positions[node]
        return (MARGIN + (x - min(xs)) / span_x * (WIDTH - 3 * MARGIN),  # room for labels on the right
                MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN))

    heaviest_edge = max((w for _, _, w in graph.edges(data="weight", default=1)), default=1)
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 {WIDTH} {HEIGHT}" '
              f'role="img" aria-label="network">')]
    for a, b, weight in graph.edges(data="weight", default=1):
        (x1, y1), (x2, y2) = place(a), place(b)
        parts.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke-width="{0.5 + 4 * weight / heaviest_edge:.2f}"><title>{weight}</title></line>')
    degrees = dict(graph.degree(weight="weight"))
    top = max(degrees.values()) or 1
    for node, data in graph.nodes(data=True):
        x, y = place(node)
        kind = "actor" if data.get("type") == "actor" else "concept"
        label = escape(str(data.get("label", node)))
        parts.append(f'<g class="node {kind}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{4 + 10 * degrees[node] / top:.1f}">'
                     f'<title>{label}: {degrees[node]}</title></circle>'
                     f'<text x="{x + 8:.1f}" y="{y + 4:.1f}">{label}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
