"""The headless commands: ``byline analyze`` and ``byline summary``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from byline import __version__
from byline.__main__ import main


def _byline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "byline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(
        "Mayor faces revolt over budget\n\n"
        "The mayor of Springfield, Jane Doe, announced cuts on Monday.\n\n"
        "“We cannot keep spending money we do not have,” Doe said at City Hall.\n\n"
        "Council members were furious. “This budget is an insult to the city,” said "
        "councilman John Smith.\n",
        encoding="utf-8",
    )
    return path


def test_analyze_prints_one_json_line_per_file_in_order(story: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Nike grew. Apple fell.", encoding="utf-8")
    result = _byline("analyze", str(story), str(other))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [str(story), str(other)]
    record = json.loads(lines[0])
    assert record["title"] == "Mayor faces revolt over budget"
    assert record["text"] == story.read_text(encoding="utf-8")
    ranks = sorted(s["rank"] for s in record["sentences"])
    assert ranks == list(range(1, len(record["sentences"]) + 1))
    speakers = [q["speaker"] for q in record["quotes"]]
    assert speakers == ["Jane Doe", "John Smith"]
    direct = [a for a in record["attributions"] if a["kind"] == "direct"]
    assert [(a["start"], a["end"], a["source"]) for a in direct] == [
        (q["start"], q["end"], q["speaker"]) for q in record["quotes"]
    ]
    assert record["hedges"] == []


def test_analyze_reports_failures_and_exits_1(story: Path, tmp_path: Path) -> None:
    result = _byline("analyze", str(tmp_path / "missing.txt"), str(story))
    assert result.returncode == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {"path": str(tmp_path / "missing.txt"), "error": first["error"]}
    assert "no such file" in first["error"]
    assert second["path"] == str(story) and "error" not in second
    assert "Traceback" not in result.stderr


def test_summary_prints_markdown(story: Path) -> None:
    result = _byline("summary", str(story), "-n", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Mayor faces revolt over budget\n")
    assert result.stdout.count("\n- ") >= 2


def test_summary_sources_adds_who_said_what(story: Path) -> None:
    result = _byline("summary", str(story), "--sources")
    assert result.returncode == 0, result.stderr
    assert "\n## Who said what\n" in result.stdout
    assert "### Jane Doe" in result.stdout
    assert "Who said what" not in _byline("summary", str(story)).stdout


def test_summary_never_replaces_without_asking(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("mine", encoding="utf-8")
    result = _byline("summary", str(story), "-o", str(out))
    assert result.returncode == 1
    assert "exists" in result.stderr and result.stderr[-1] == "\n"
    assert out.read_text(encoding="utf-8") == "mine"
    assert _byline("summary", str(story), "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Mayor")


def test_summary_to_missing_folder_is_one_line_error(story: Path, tmp_path: Path) -> None:
    result = _byline("summary", str(story), "-o", str(tmp_path / "no" / "out.md"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr


def test_reader_refuses_bad_file_with_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    result = _byline(str(binary))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("byline:") and result.stderr.count("\n") == 1


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert __version__ in capsys.readouterr().out
    for args in (["--help"], ["analyze", "--help"], ["summary", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        assert "usage: byline" in capsys.readouterr().out


def test_analyze_jobs_keeps_input_order(tmp_path: Path) -> None:
    paths = []
    for index in range(6):
        path = tmp_path / f"a{index}.txt"
        path.write_text(f"Story number {index} about Nike.\n" * (index + 1), encoding="utf-8")
        paths.append(str(path))
    paths.insert(3, str(tmp_path / "missing.txt"))
    result = _byline("analyze", "--jobs", "2", *paths)
    assert result.returncode == 1
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == paths
