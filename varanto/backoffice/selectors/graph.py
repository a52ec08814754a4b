"""The relationship graph: sections, data resources, systems and outside recipients, laid out here.

A layered layout in four columns, computed on the server so the same SVG serves the page,
printing and download: resources in section order, and every other node placed at the mean
height of the resources it connects to (barycentre), pushed down just enough not to overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from varanto.catalog.models import DataResource, Organization, ResourceSystem, Section

ROW = 24  # vertical distance between nodes of one column
TOP = 40
COLUMNS = {"section": 10, "resource": 300, "system": 620, "recipient": 900}
NODE_WIDTH = {"section": 250, "resource": 280, "system": 240, "recipient": 240}
WIDTH = 1150
KIND_LABELS = {
    "section": _("section"),
    "resource": _("data resource"),
    "system": _("information system"),
    "recipient": _("outside recipient"),
}


@dataclass
class Node:
    id: str
    kind: str  # section, resource, system, recipient
    key: str
    label: str
    x: int = 0
    y: int = 0
    neighbours: set[str] = field(default_factory=set)

    @property
    def width(self) -> int:
        return NODE_WIDTH[self.kind]

    @property
    def short_label(self) -> str:
        limit = self.width // 7
        return self.label if len(self.label) <= limit else self.label[: limit - 1] + "…"

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def neighbour_ids(self) -> str:
        return " ".join(sorted(self.neighbours))


@dataclass
class Edge:
    source: Node
    target: Node
    kind: str
    label: str = ""


@dataclass
class Graph:
    nodes: list[Node]
    edges: list[Edge]
    height: int
    width: int = WIDTH
    focus: Node | None = None

    def rows(self) -> list[dict]:
        """The graph as a table, one row per data resource: the text alternative of the picture."""
        out: dict[str, dict[str, Any]] = {
            n.id: {"resource": n, "section": [], "systems": [], "recipients": []}
            for n in self.nodes
            if n.kind == "resource"
        }
        for e in self.edges:
            if e.kind == "contains" and e.target.id in out:
                out[e.target.id]["section"].append(e.source.label)
            elif e.kind == "uses" and e.source.id in out:
                out[e.source.id]["systems"].append(e.target.label + (f" ({e.label})" if e.label else ""))
            elif e.kind == "discloses" and e.source.id in out:
                out[e.source.id]["recipients"].append(e.target.label)
        return list(out.values())


def _build(organization: Organization) -> tuple[dict[str, Node], list[Edge]]:
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []

    def node(kind: str, key: str, label: str) -> Node:
        node_id = f"{kind}:{key}"
        if node_id not in nodes:
            nodes[node_id] = Node(node_id, kind, key, label)
        return nodes[node_id]

    def connect(a: Node, b: Node, kind: str, label: str = "") -> None:
        edges.append(Edge(a, b, kind, label))
        a.neighbours.add(b.id)
        b.neighbours.add(a.id)

    for section in Section.objects.filter(organization=organization):
        node("section", section.key, section.name)
    resources = (
        DataResource.objects.filter(organization=organization)
        .select_related("section")
        .prefetch_related(Prefetch("system_links", queryset=ResourceSystem.objects.select_related("system")))
        .order_by("section__position", "position", "id")
    )
    for resource in resources:
        r = node("resource", resource.key, resource.name)
        connect(nodes[f"section:{resource.section.key}"], r, "contains")
        for link in resource.system_links.all():
            connect(r, node("system", link.system.key, link.system.name), "uses", link.usage)
        outside = [*resource.disclosure_recipients, *resource.partners, *(f["target"] for f in resource.data_flows)]
        for name in dict.fromkeys(outside):
            connect(r, node("recipient", name.casefold(), name), "discloses")
    return nodes, edges


def _place(column: list[Node], wanted: dict[str, float]) -> None:
    """Order a column by wanted height and space it out so no two nodes overlap."""
    column.sort(key=lambda n: (wanted.get(n.id, 0.0), n.label.casefold()))
    bottom = TOP - ROW
    for n in column:
        n.y = int(max(wanted.get(n.id, 0.0), bottom + ROW))
        bottom = n.y


def _layout(nodes: list[Node]) -> int:
    by_id = {n.id: n for n in nodes}
    resources = [n for n in nodes if n.kind == "resource"]
    for i, n in enumerate(resources):
        n.y = TOP + i * ROW
    for kind in ("section", "system", "recipient"):
        column = [n for n in nodes if n.kind == kind]
        wanted = {}
        for n in column:
            ys = [by_id[other].y for other in n.neighbours if other in by_id and by_id[other].kind == "resource"]
            wanted[n.id] = sum(ys) / len(ys) if ys else 0.0
        _place(column, wanted)
    for n in nodes:
        n.x = COLUMNS[n.kind]
    return max((n.y for n in nodes), default=TOP) + ROW + 10


def _neighbourhood(nodes: dict[str, Node], focus: Node) -> set[str]:
    """The focus, what it connects to, and what those connect to (two steps)."""
    keep = {focus.id} | focus.neighbours
    for node_id in list(keep):
        if node_id != focus.id and nodes[node_id].kind in ("resource",):
            keep |= nodes[node_id].neighbours
    return keep


def relationship_graph(organization: Organization, focus: str | None = None) -> Graph:
    """The whole graph, or with `focus` ("system:m-files") the neighbourhood of one node."""
    nodes, edges = _build(organization)
    focus_node = nodes.get(focus) if focus else None
    if focus_node is not None:
        keep = _neighbourhood(nodes, focus_node)
        nodes = {k: v for k, v in nodes.items() if k in keep}
        edges = [e for e in edges if e.source.id in keep and e.target.id in keep]
        for n in nodes.values():
            n.neighbours &= keep
    ordered = sorted(nodes.values(), key=lambda n: list(COLUMNS).index(n.kind))
    height = _layout(ordered)
    return Graph(ordered, edges, height, focus=focus_node)
