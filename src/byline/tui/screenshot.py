"""Where the palette's Screenshot goes, and writing it: never silently nowhere.

Textual's own command writes to the Downloads folder and only says "Failed" where there
is none (a server, a container). byline saves into the first folder that exists and
takes files: Downloads, then the working folder, then byline's data folder, under a
name no other file has, and says where (or why it could not). No Textual.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from byline.tui.text import one_line


class ScreenshotNotSavedError(Exception):
    """No folder took the picture; ``str(error)`` says why, in one line."""


def screenshot_folders() -> list[Path]:
    """Where a screenshot may go, best first."""
    from platformdirs import user_downloads_path  # Textual's own dependency

    from byline.library import data_dir

    folders = [user_downloads_path(), Path.cwd(), data_dir()]
    return [folder for folder in folders if folder.is_dir()]


def save_screenshot(
    svg: str, folders: Iterable[Path] | None = None, now: datetime | None = None
) -> Path:
    """Write ``svg`` as ``byline-<date>T<time>.svg`` in the first of ``folders`` that takes it.

    Raises:
        ScreenshotNotSavedError: no folder could take it.
    """
    from byline.analysis.export import write_atomic

    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H-%M-%S")
    reasons: list[str] = []
    for folder in screenshot_folders() if folders is None else folders:
        if not os.access(folder, os.W_OK | os.X_OK):
            reasons.append(f"{folder}: permission denied")
            continue
        for attempt in range(1, 100):
            name = f"byline-{stamp}.svg" if attempt == 1 else f"byline-{stamp}-{attempt}.svg"
            path = folder / name
            try:
                write_atomic(path, svg, replace=False)
            except FileExistsError:
                continue
            except OSError as error:
                reasons.append(f"{folder}: {one_line(error.strerror or str(error))}")
                break
            return path
    why = "; ".join(reasons) or "no folder to save it in"
    raise ScreenshotNotSavedError(one_line(f"Screenshot not saved: {why}", 300))
