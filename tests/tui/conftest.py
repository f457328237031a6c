"""Fixtures for the Pilot tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from tests.tui.helpers import BRIDGE


@pytest.fixture(autouse=True)
def lasting_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notifications stay until a test reads them.

    Textual removes a notification after 5 s; on a loaded machine a test can take longer
    than that to get from the moment one is shown (a warning on start-up, "Opened the
    copy in your library") to its check, which then found nothing.
    """
    monkeypatch.setattr(App, "NOTIFICATION_TIMEOUT", 600.0)


@pytest.fixture
def bridge_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``bridge.txt`` (:data:`~tests.tui.helpers.BRIDGE`) in a fresh folder that is the
    working directory, where the open, save and export dialogs start."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    return path
