"""Rasa's prediction graph, run in order without dask.

Rasa 3.6 runs its graph three times per turn (NLU, then a policy prediction before
and after each action) through `dask.get`, which rebuilds the sub-graph, orders it
and tracks its state on every run. The graph is a handful of nodes called one after
the other in the same thread: ordering them once per set of targets and calling each
node with its parents' outputs does the same work with an eighth fewer Python calls
per parse (docs/BENCHMARKS.md). Same nodes, same inputs, same outputs; errors are
wrapped as Rasa's runner wraps them.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphNode, GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner

Plan = list[tuple[str, GraphNode, list[str]]]


class SequentialGraphRunner(DaskGraphRunner):
    def run(self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None) -> dict[str, Any]:
        run_targets = list(targets) if targets else self._graph_schema.target_names
        plan = self._plan(run_targets)
        results: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in self._graph_schema.nodes:
                raise GraphRunError(f"Input value '{value}' clashes with a node name. Make sure that none of "
                                    f"the input names passed to the `run` method are the same as node names "
                                    f"in the graph schema.")
            results[name] = (name, value)  # the (name, output) pair every node returns
        try:
            for name, node, needs in plan:
                results[name] = node(*(results[parent] for parent in needs))
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(results[target] for target in run_targets)

    def _plan(self, targets: list[str]) -> Plan:
        plans: dict[tuple[str, ...], Plan] = self.__dict__.setdefault("_plans", {})
        key = tuple(targets)
        if key not in plans:
            plans[key] = _topological(self._graph_schema.minimal_graph_schema(targets), targets,
                                      self._instantiated_nodes)
        return plans[key]


def _topological(schema: GraphSchema, targets: list[str], nodes: dict[str, GraphNode]) -> Plan:
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in schema.nodes:  # not a node: an input placeholder
            return
        seen.add(name)
        for parent in schema.nodes[name].needs.values():
            visit(parent)
        order.append(name)

    for target in targets:
        visit(target)
    return [(name, nodes[name], list(schema.nodes[name].needs.values())) for name in order]


def run_graphs_in_order() -> None:
    """Make the models Rasa loads from now on use `SequentialGraphRunner` (idempotent)."""
    import rasa.core.processor

    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
