"""Completing file names in the open dialog, as a shell does."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.tui.paths import Completion, complete_path, is_url_like
from byline.tui.screens.open_article import matches_line


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("story.txt", "story-two.txt", "notes.md", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "sea wall.html").write_text("x", encoding="utf-8")
    return tmp_path


def test_completes_as_far_as_the_matches_agree(folder: Path) -> None:
    completion = complete_path("st", folder)
    assert completion == Completion("stor", ("stories/", "story-two.txt", "story.txt"))


def test_one_match_is_completed_whole_and_a_folder_gets_its_slash(folder: Path) -> None:
    assert complete_path("n", folder) == Completion("notes.md", ("notes.md",))
    assert complete_path("stori", folder).text == "stories/"
    assert complete_path("stories/s", folder).text == "stories/sea wall.html"


def test_absolute_and_home_paths(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete_path(f"{folder}/no", Path("/")).text == f"{folder}/notes.md"
    monkeypatch.setenv("HOME", str(folder))
    assert complete_path("~/stories/", Path("/")).text == "~/stories/sea wall.html"


def test_hidden_names_only_once_a_dot_is_typed(folder: Path) -> None:
    assert ".hidden.txt" not in complete_path("stories/../", folder).matches
    assert "notes.md" in complete_path("stories/../", folder).matches
    assert complete_path(".h", folder).text == ".hidden.txt"


def test_nothing_to_complete(folder: Path) -> None:
    assert complete_path("zzz", folder) == Completion("zzz")
    assert complete_path("missing/x", folder) == Completion("missing/x")
    assert complete_path("", folder) == Completion("")


def test_urls_are_not_completed(folder: Path) -> None:
    assert is_url_like("https://example.com/st") and is_url_like("http:")
    assert not is_url_like("story.txt") and not is_url_like("C:")
    assert complete_path("https://st", folder) == Completion("https://st")


def test_the_matches_line() -> None:
    assert matches_line(Completion("x")) == "No file or folder starts like that."
    assert matches_line(Completion("a.txt", ("a.txt",))) == ""
    many = Completion("s", tuple(f"s{n}.txt" for n in range(15)))
    assert matches_line(many).startswith("15 matches: s0.txt  s1.txt")
    assert matches_line(many).endswith("… 3 more")
