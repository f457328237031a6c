"""Shared by the ``byline batch`` tests: small articles, the command, and its output read back."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

STORY = (
    "{town} council votes on budget {n}\n\n"
    "The mayor of {town}, Jane Doe, announced cuts of {n} million pounds on Monday.\n\n"
    "“We cannot keep spending money we do not have,” Doe said at City Hall.\n\n"
    "Council members were furious. “This budget is an insult to {town},” said "
    "councilman John Smith. Officials said the vote would be close.\n"
)
TOWNS = ("Springfield", "Shelbyville", "Ogdenville", "Brockway", "Capital City", "Haverbrook")


def write_corpus(folder: Path, count: int, repeat: int = 1) -> list[Path]:
    """``count`` small articles under ``folder`` (some in a subfolder), sorted by name."""
    paths = []
    for n in range(count):
        sub = folder / ("more" if n % 3 == 2 else "")
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"story{n:02d}.txt"
        body = STORY.format(town=TOWNS[n % len(TOWNS)], n=n + 1)
        path.write_text(body + "\n".join([body.split("\n\n", 1)[1]] * (repeat - 1)), "utf-8")
        paths.append(path)
    return paths


def byline(
    *args: str, cwd: Path, stdin: str | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "byline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        timeout=timeout,
    )


def shard_lines(out: Path) -> list[dict[str, Any]]:
    """Every record in ``out``'s shards, in shard order."""
    records = []
    for path in sorted(out.glob("shard-*.jsonl")):
        records += [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return records


def records_by_id(out: Path) -> dict[Any, dict[str, Any]]:
    """``out``'s records by id; fails when an id is written twice."""
    records = shard_lines(out)
    twice = [key for key, n in Counter(r["id"] for r in records).items() if n > 1]
    assert not twice, f"written twice: {twice}"
    return {r["id"]: r for r in records}


def analyze_lines(paths: list[str], cwd: Path) -> list[dict[str, Any]]:
    """``byline analyze``'s records of ``paths``, run in ``cwd``."""
    result = byline("analyze", *paths, cwd=cwd)
    return [json.loads(line) for line in result.stdout.splitlines()]
