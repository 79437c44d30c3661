from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixture_cases() -> list[Path]:
    return sorted(p for p in (FIXTURES / "cases").iterdir() if (p / "expected.json").exists())


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def load_case(path: Path) -> tuple[bytes, dict, str]:
    expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    for name in ("input.txt", "input.html"):
        if (path / name).exists():
            return (path / name).read_bytes(), expected, name
    raise FileNotFoundError(f"{path} has no input.txt or input.html")
