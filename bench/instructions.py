"""Instructions a document, under callgrind: the speed figure that does not move with the machine's load.

    python bench/instructions.py TREE [TREE ...] [--mode text|html] [--pages 60] [--dataset PATH]

For each TREE (a checkout with its own .venv, e.g. a `git worktree` of the version to compare with),
cleans the first N development pages twice under `valgrind --tool=callgrind`: once the pages after one
warm-up document, once the warm-up alone; the difference over N is the instructions a document, with
start-up, imports and model loading taken out. Needs Debian's `valgrind`. Compare trees in one
command, so both are measured on the same pages.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r'''
import gzip, os, sys
from pathlib import Path
from cleaner.evaluate import load_dataset
from cleaner.engine import Cleaner
mode, n, dataset = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
pages = load_dataset(dataset)[:n]
data = [(gzip.decompress(p.html_path.read_bytes()) if mode == "html" else p.text_path.read_bytes(), p.url)
        for p in pages]
cleaner = Cleaner()
cleaner.clean(data[0][0], kind=mode, url=data[0][1])
if os.environ.get("WARM_ONLY"):
    sys.exit()
for raw, url in data:
    cleaner.clean(raw, kind=mode, url=url)
'''


def collected(tree: Path, mode: str, pages: int, dataset: Path, warm_only: bool) -> int:
    """Instructions callgrind counted for one run of the child in `tree`'s venv."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(_CHILD)
        # A fixed hash seed: set and dict order otherwise move the count by up to 0.4% between runs
        # of the same tree, more than the differences worth measuring.
        env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")}
        if warm_only:
            env["WARM_ONLY"] = "1"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out",
                               str(tree / ".venv" / "bin" / "python"), str(script), mode, str(pages), str(dataset)],
                              env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count for {tree}:\n{done.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--mode", choices=("text", "html"), default="text")
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    args = parser.parse_args()
    first = None
    for tree in args.trees:
        tree = tree.resolve()
        per_doc = (collected(tree, args.mode, args.pages, args.dataset.resolve(), False)
                   - collected(tree, args.mode, args.pages, args.dataset.resolve(), True)) // args.pages
        first = first or per_doc
        print(f"{tree} {args.mode} {args.pages} pages: {per_doc:,} instructions a document"
              f" ({per_doc / first - 1:+.1%} against the first tree)")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
