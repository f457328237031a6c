"""Finding the reader's web browser, and telling one that needs the terminal from one that
opens a window.

Python's ``webbrowser`` picks the browser (``$BROWSER`` first). A text browser (w3m, lynx,
elinks) runs in this very terminal and waits, so the reader must hand the terminal over
while it runs; a graphical one starts in the background. Imported only when ``o`` is
pressed or a link is clicked. No Textual.
"""

from __future__ import annotations

import webbrowser

NO_BROWSER = "No web browser found: set $BROWSER to one, or open the address yourself."


class NoBrowserError(Exception):
    """No browser can be started from here."""


def find_browser() -> webbrowser.BaseBrowser:
    """The browser ``webbrowser`` would use; :class:`NoBrowserError` when there is none."""
    try:
        return webbrowser.get()
    except webbrowser.Error as error:
        raise NoBrowserError(NO_BROWSER) from error


def runs_in_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """Whether ``browser`` takes over the terminal until it exits (a text browser)."""
    if isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    if isinstance(browser, webbrowser.GenericBrowser):
        return True
    if isinstance(browser, webbrowser.UnixBrowser):
        return not browser.background
    return False
