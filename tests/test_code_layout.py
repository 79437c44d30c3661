"""The package's shape, checked so that it stays true: imports go one way (no cycle between the modules
of `cleaner/`, counting the imports made inside functions, which run later but still tie the modules
together), and no module is longer than a reader can hold (500 lines).

The import graph is read from the source with `ast`, not from `sys.modules`: a lazy import that no test
happens to trigger is an edge all the same. Imports under `if TYPE_CHECKING:` are left out (they never
run). `from cleaner import Name` counts as an import of the module that `cleaner.__getattr__` loads
the name from (`cleaner._LAZY`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import cleaner

PACKAGE = Path(cleaner.__file__).parent
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("cleaner",) + path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """The ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(sub) for sub in node.body for sub in ast.walk(sub))
    return skipped


def _target(modules: dict[str, Path], base: str, name: str) -> str:
    """The module that `from base import name` loads: base.name if that is a module, else base (or, for
    a lazily exported name of the package, the module it comes from)."""
    if f"{base}.{name}" in modules:
        return f"{base}.{name}"
    if base == "cleaner" and name in cleaner._LAZY:
        return f"cleaner.{cleaner._LAZY[name]}"
    return base


def _imports() -> tuple[dict[str, Path], dict[str, set[str]]]:
    """The package's modules, and module -> what it imports of `cleaner` (a module, or a package and a
    name in it), at the top or inside a function."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_nodes(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name.split(".")[0] == "cleaner")
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package
                    for _ in range(node.level - 1):
                        base = base.rpartition(".")[0]
                    base = f"{base}.{node.module}" if node.module else base
                else:
                    base = node.module or ""
                if base.split(".")[0] != "cleaner":
                    continue
                graph[name].update(_target(modules, base, a.name) for a in node.names)
    return modules, graph


def import_graph() -> dict[str, set[str]]:
    """module -> the modules of `cleaner` it imports, at the top or inside a function."""
    modules, graph = _imports()
    return {name: {t for t in targets if t in modules and t != name} for name, targets in graph.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as the path of modules that closes it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_the_graph_sees_lazy_imports():
    graph = import_graph()
    # Article.markdown imports the Markdown renderer inside the property: an edge all the same.
    assert "cleaner.output.markdown" in graph["cleaner.article"]
    assert "cleaner.scoring.confidence" in graph["cleaner.article"]
    # `from .. import __version__` is the package itself; `from cleaner import clean`, the engine.
    assert "cleaner" in graph["cleaner.output.tei"]


def test_find_cycle_names_the_path():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_every_import_of_the_package_names_one_of_its_modules():
    # A lazy import is run only when its function is: one that names no module (a relative import
    # left one level short after a move) would fail late, and drop out of the graph unseen.
    modules, graph = _imports()
    broken = {name: sorted(t for t in targets if t not in modules) for name, targets in graph.items()}
    assert not {name: targets for name, targets in broken.items() if targets}


def test_no_import_cycle_in_the_package():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_result_type_and_the_ledger_sit_below_the_stages():
    graph = import_graph()
    # The ledger is a leaf: the stages write it, the outputs walk it, the Article holds it.
    assert graph["cleaner.ledger"] == set()
    # The line stages and the models take a Document and give a verdict: the result type is the
    # engine's to build (they import the ledger's types from `ledger`).
    below = {name for name in graph if name.split(".")[1:2] and name.split(".")[1] in ("text", "rules", "scoring")}
    assert not {name for name in below if "cleaner.article" in graph[name]}


#: Modules over the limit that another piece of work is splitting, and who. The test fails once one of
#: them fits, so that the entry goes.
BEING_SPLIT: dict[str, str] = {}


def test_no_module_over_500_lines():
    lengths = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
               for path in PACKAGE.rglob("*.py")}
    long = {name: n for name, n in lengths.items() if n > MAX_LINES and name not in BEING_SPLIT}
    assert not long, f"modules over {MAX_LINES} lines: {long}"
    fits = [name for name in BEING_SPLIT if lengths.get(name, 0) <= MAX_LINES]
    assert not fits, f"{fits} fit in {MAX_LINES} lines now: take them out of BEING_SPLIT"


def test_every_rule_id_written_in_the_code_is_registered():
    # The stages name the rules they apply by their ids, as literals ("MET001"): the ids are the
    # ledger's public names, and a literal costs nothing in the hot loops where a module constant
    # would be a global lookup. What a constant would catch, a typo, this catches instead.
    from cleaner.rules import RULES_BY_ID

    shape = re.compile(r"[A-Z]{3}\d{3}")
    unknown = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and shape.fullmatch(node.value):
                if node.value not in RULES_BY_ID:
                    unknown.setdefault(path.relative_to(PACKAGE).as_posix(), []).append(node.value)
    assert not unknown, f"rule ids the registry does not know: {unknown}"


def test_every_stats_entry_the_metadata_chooser_writes_is_a_typed_field():
    # metadata/choose.py notes what it did in its own `stats` dict (`out.stats["date_from"] = ...`);
    # the engine reads those notes into `Stats` fields. A new key still reaches Article.stats
    # (`Stats.other_notes`), but it should get its field: this names it.
    from cleaner.stats import CHOOSER_NOTES

    written = set()
    for node in ast.walk(ast.parse((PACKAGE / "metadata" / "choose.py").read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Attribute)
                and node.value.attr == "stats" and isinstance(node.slice, ast.Constant)):
            written.add(node.slice.value)
    assert written and written <= CHOOSER_NOTES, sorted(written - CHOOSER_NOTES)
