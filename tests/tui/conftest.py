"""Fixtures for the Pilot tests."""

from __future__ import annotations

import pytest
from textual.app import App


@pytest.fixture(autouse=True)
def lasting_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notifications stay until a test reads them.

    Textual removes a notification after 5 s; on a loaded machine a test can take longer
    than that to get from the moment one is shown (a warning on start-up, "Opened the
    copy in your library") to its check, which then found nothing.
    """
    monkeypatch.setattr(App, "NOTIFICATION_TIMEOUT", 600.0)
