"""A small progress line on stderr: files done, articles/s, ETA."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Redraws one line on a terminal; elsewhere prints a line every ``log_every`` seconds."""

    def __init__(self, total_files: int, *, enabled: bool, stream: TextIO | None = None, log_every: float = 10.0):
        self.total = total_files
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.interval = 0.2 if self.tty else log_every
        self.started = time.monotonic()
        self.last_shown = 0.0

    def update(self, files_done: int, articles: int, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last_shown < self.interval:
            return
        self.last_shown = now
        elapsed = max(now - self.started, 1e-9)
        rate = articles / elapsed
        eta = (self.total - files_done) * elapsed / files_done if files_done else None
        width = 24
        filled = int(width * files_done / self.total) if self.total else width
        line = (f"[{'#' * filled}{'.' * (width - filled)}] {files_done}/{self.total} files, "
                f"{articles} articles, {rate:.1f} articles/s, ETA {_clock(eta) if eta is not None else '?'}")
        if self.tty:
            self.stream.write("\r" + line + "\033[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def message(self, text: str) -> None:
        """A line that must not be overwritten (a failure)."""
        if self.tty and self.enabled:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()
