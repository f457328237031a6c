"""``python -m byline.evaluate`` says what is missing instead of a traceback."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from byline.evaluate.__main__ import main


def test_summary_sections_without_rouge_score_say_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "rouge_score" else real(name)
    )
    with pytest.raises(SystemExit) as stopped:
        main(["--data", str(tmp_path), "--only", "quotes,summary"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "summary need rouge-score: pip install --group eval" in err
    assert "Traceback" not in err
