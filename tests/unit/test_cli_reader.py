"""The reader's command line: several files, the settings file, and one-line refusals."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import byline.__main__ as cli
from byline.__main__ import main
from byline.library import Library
from byline.sources import read_article
from tests.fakes import capitalised_tagger, pipeline_with
from tests.web_fixtures import ARTICLE_HTML


class _Started:
    """Stands in for the reader: records what ``make_app`` was given."""

    def __init__(self, calls: list[dict[str, Any]], **options: Any) -> None:
        calls.append({**options, "collector on": gc.isenabled()})
        self.return_code = 0

    def run(self) -> None:
        pass


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(cli, "make_app", lambda *a, **k: _Started(calls, article=a, **k))
    # The app is a stand-in that never draws: the terminal check (main's) is not the point.
    monkeypatch.setattr(cli, "_terminal_problem", lambda: None)
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BYLINE_CONFIG_DIR", str(tmp_path / "config"))
    # Freezing would pin every object of this test process: record it instead.
    monkeypatch.setattr(gc, "freeze", lambda: calls.append({"froze": True}))
    return calls


@pytest.fixture
def two_files(tmp_path: Path) -> list[str]:
    names = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{name} is a story.\n\nIt has words.\n", encoding="utf-8")
        names.append(str(tmp_path / name))
    return names


def test_several_files_open_the_first_and_keep_the_list(
    started: list[dict[str, Any]], two_files: list[str]
) -> None:
    assert main(two_files) == 0
    options, _ = started
    assert options["files"] == two_files
    assert options["article"][0].text.startswith("a.txt is a story")
    assert options["config"].path.name == "config.toml"


def test_the_settings_file_is_loaded_and_given_to_the_reader(
    started: list[dict[str, Any]], two_files: list[str], tmp_path: Path
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('theme = "nord"\n', encoding="utf-8")
    assert main(two_files[:1]) == 0
    assert started[0]["config"].theme == "nord"


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("byline: ")
    return err


def test_standard_input_on_a_terminal_says_there_is_nothing_to_read(
    started: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert "nothing on standard input" in _fails(["-"], capsys)
    assert started == []


def test_refresh_needs_a_url(
    started: list[dict[str, Any]], two_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert "--refresh downloads a URL again" in _fails(["--refresh", two_files[0]], capsys)
    assert "--refresh downloads a URL again" in _fails(["--refresh"], capsys)
    assert started == []


def test_standard_input_is_read_alone(
    started: list[dict[str, Any]], two_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert "only be read alone" in _fails(["-", two_files[0]], capsys)


def test_resume_on_a_file_that_is_gone_opens_in_the_reader(
    started: list[dict[str, Any]], two_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open() as library:
        library.record(read_article(two_files[0]))
    Path(two_files[0]).unlink()
    assert main(["--resume"]) == 0
    assert started[0]["url"] == str(Path(two_files[0]).resolve())  # the reader offers a copy
    assert "--refresh downloads a URL again" in _fails(["--resume", "--refresh"], capsys)


def test_analyse_is_accepted(
    two_files: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("byline.analysis.pipeline.analyze", pipeline_with(capitalised_tagger))
    assert main(["analyse", two_files[0]]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == two_files[0]


def test_help_names_the_settings_file(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "BYLINE_CONFIG_DIR"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    result = subprocess.run(
        [sys.executable, "-m", "byline", "--help"],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "200"},
        timeout=60,
    )
    assert result.returncode == 0
    unwrapped = result.stdout.replace("\n", "")  # argparse may break the path at a hyphen
    assert f"{tmp_path / 'xdg' / 'byline' / 'config.toml'}" in unwrapped
    assert "text_width" in result.stdout and ":n" in result.stdout


def test_the_reader_is_made_with_the_collector_off_then_frozen(
    started: list[dict[str, Any]], two_files: list[str]
) -> None:
    assert main(two_files[:1]) == 0
    made, frozen = started
    assert made["collector on"] is False and frozen == {"froze": True}
    assert gc.isenabled()


def test_the_collector_is_back_on_when_the_reader_is_refused(
    started: list[dict[str, Any]],
    two_files: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(cli, "_terminal_problem", lambda: cli.NO_TERMINAL)
    assert "needs a terminal" in _fails(two_files[:1], capsys)
    assert gc.isenabled()


def test_a_pages_leftovers_are_collected_before_the_freeze(
    started: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Extracting a page leaves reference cycles; frozen, they would never be freed."""
    page = tmp_path / "story.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")

    def collect(*generation: int) -> int:
        started.append({"collected": True})
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    assert main([str(page)]) == 0
    assert [sorted(call)[0] for call in started] == ["collected", "article", "froze"]
