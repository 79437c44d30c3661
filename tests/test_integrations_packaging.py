"""Integrations stay optional: the core never imports Scrapy or Spark, and a missing extra says what to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_core_package_imports_neither_scrapy_nor_spark() -> None:
    code = (
        "import importlib, pkgutil, sys, cleaner\n"
        "for m in pkgutil.walk_packages(cleaner.__path__, 'cleaner.'):\n"
        "    if not m.name.startswith('cleaner.integrations.') and m.name != 'cleaner.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "import cleaner.integrations\n"
        "cleaner.clean('The council approved the budget on Tuesday after a long debate about the school.')\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('scrapy', 'pyspark', 'pyarrow', 'twisted', 'datatrove', 'datasets'))\n"
        "print(len(sys.modules), bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "blocked", "extra"),
    [("scrapy", "scrapy", "scrapy"), ("scrapy", "itemadapter", "scrapy"), ("spark", "pyspark", "spark"),
     ("spark", "pyarrow", "spark"), ("datatrove", "datatrove", "datatrove"), ("hf", "datasets", "hf")],
)
def test_missing_extra_names_the_pip_install_line(module: str, blocked: str, extra: str) -> None:
    # sys.modules[name] = None makes `import name` raise ImportError, as if it were not installed.
    code = (
        f"import sys\nsys.modules[{blocked!r}] = None\n"
        f"try:\n    import cleaner.integrations.{module}\n"
        f"except ImportError as exc:\n    print(exc)\nelse:\n    sys.exit('imported without {blocked}')\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert f"pip install 'article-cleaner[{extra}]'" in result.stdout
    assert blocked in result.stdout
