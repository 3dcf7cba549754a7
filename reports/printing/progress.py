"""WeasyPrint's page-by-page progress, passed to the render running in the same thread.

WeasyPrint logs each page it lays out on the `weasyprint.progress` logger; the settings send that
logger to PageProgressHandler alone (nothing reaches the console). Only stdlib here: logging is
configured before the apps are loaded.
"""

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager

LAYOUT_PAGE = "Step 5 - Creating layout - Page %d"
_current = threading.local()


class PageProgressHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        listener = getattr(_current, "listener", None)
        if listener is not None and record.msg == LAYOUT_PAGE and record.args:
            listener(record.args[0])


@contextmanager
def pages_laid_out(listener: Callable[[int], None]):
    """Call `listener(page_number)` for each page WeasyPrint lays out in this thread."""
    _current.listener = listener
    try:
        yield
    finally:
        _current.listener = None
