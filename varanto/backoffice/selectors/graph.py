"""The relationship graph: sections, data resources, systems and outside recipients, laid out here.

A layered layout in four columns, computed on the server so the same SVG serves the page,
printing and download: resources in section order, and every other node placed at the mean
height of the resources it connects to (barycentre), pushed down just enough not to overlap.

A large model (more than `CLUSTER_FROM` systems) is drawn clustered: the systems and outside
recipients only one section's resources connect to become one box per section ("12 systems:
Konsernipalvelut") that leads to that section's own graph; what several sections share stays
drawn one by one. The table below the picture always lists every connection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from varanto.catalog.models import DataResource, Organization, ResourceSystem, Section

ROW = 24  # vertical distance between nodes of one column
TOP = 40
COLUMNS = {"section": 10, "resource": 300, "system": 620, "recipient": 900}
NODE_WIDTH = {"section": 250, "resource": 280, "system": 240, "recipient": 240}
WIDTH = 1150
CLUSTER_FROM = 25  # systems in the whole graph above which it is drawn clustered
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
    members: list[str] = field(default_factory=list)  # a cluster's systems or recipients
    target: str = ""  # the node a cluster's link focuses on (its section)

    @property
    def link(self) -> str:
        return self.target or self.id

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
    clustered: bool = False
    table_edges: list[Edge] = field(default_factory=list)  # every connection, clustered or not

    def rows(self) -> list[dict]:
        """The graph as a table, one row per data resource: the text alternative of the picture."""
        out: dict[str, dict[str, Any]] = {
            n.id: {"resource": n, "section": [], "systems": [], "recipients": []}
            for n in self.nodes
            if n.kind == "resource"
        }
        for e in self.table_edges or self.edges:
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


CLUSTER_NOUNS = {
    "system": lambda count: ngettext("%(count)d system", "%(count)d systems", count),
    "recipient": lambda count: ngettext("%(count)d outside recipient", "%(count)d outside recipients", count),
}


def _clustered(nodes: dict[str, Node], edges: list[Edge]) -> tuple[dict[str, Node], list[Edge]]:
    """Systems and recipients of one section only, drawn as one box per section and kind."""
    section_of = {e.target.id: e.source for e in edges if e.kind == "contains"}
    into: dict[str, Node] = {}
    for n in nodes.values():
        sections = {section_of[other].id for other in n.neighbours if other in section_of}
        if n.kind in CLUSTER_NOUNS and len(sections) == 1:
            section = nodes[sections.pop()]
            cluster_id = f"cluster:{n.kind}:{section.key}"
            cluster = into.get(cluster_id) or Node(cluster_id, n.kind, section.key, section.label, target=section.id)
            cluster.members.append(n.label)
            into[n.id] = into[cluster_id] = cluster
    for node_id, cluster in list(into.items()):
        if len(cluster.members) == 1 and node_id != cluster.id:
            del into[node_id]  # a cluster of one is the node itself
    kept = {k: v for k, v in nodes.items() if k not in into}
    for cluster in {c.id: c for c in into.values() if len(c.members) > 1}.values():
        cluster.label = (
            f"{CLUSTER_NOUNS[cluster.kind](len(cluster.members)) % {'count': len(cluster.members)}}: {cluster.label}"
        )
        kept[cluster.id] = cluster
    for n in kept.values():
        n.neighbours = set()
    out: dict[tuple[str, str, str], Edge] = {}
    for e in edges:
        source, target = into.get(e.source.id, e.source), into.get(e.target.id, e.target)
        if source.id in kept and target.id in kept:
            label = (
                e.label if (source, target) == (e.source, e.target) else ""
            )  # one usage cannot stand for a cluster's
            out.setdefault((source.id, target.id, e.kind), Edge(source, target, e.kind, label))
            source.neighbours.add(target.id)
            target.neighbours.add(source.id)
    return kept, list(out.values())


def relationship_graph(organization: Organization, focus: str | None = None, *, cluster: bool = True) -> Graph:
    """The whole graph, or with `focus` ("system:m-files", "section:konserni") the neighbourhood of one
    node; a large whole graph is clustered unless `cluster` is False."""
    nodes, edges = _build(organization)
    focus_node = nodes.get(focus) if focus else None
    if focus_node is not None:
        keep = _neighbourhood(nodes, focus_node)
        nodes = {k: v for k, v in nodes.items() if k in keep}
        edges = [e for e in edges if e.source.id in keep and e.target.id in keep]
        for n in nodes.values():
            n.neighbours &= keep
    table_edges = edges
    clustered = cluster and focus_node is None and sum(n.kind == "system" for n in nodes.values()) > CLUSTER_FROM
    if clustered:
        nodes, edges = _clustered(nodes, edges)
    ordered = sorted(nodes.values(), key=lambda n: list(COLUMNS).index(n.kind))
    height = _layout(ordered)
    return Graph(ordered, edges, height, focus=focus_node, clustered=clustered, table_edges=table_edges)
