"""A progress line on stderr for long runs: articles done, articles/s, how much of the input is
read, and an ETA; redrawn in place on a terminal, silent elsewhere (the caller decides)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def input_size(paths: Iterable[Path]) -> int:
    """Bytes in the input files (what the ETA is measured against: a JSONL file's article count is
    only known once it is read)."""
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


class Progress:
    """``update`` after each article with the input bytes it took; redraws at most five times a
    second on a terminal, or prints a line every ``log_every`` seconds when ``enabled`` elsewhere."""

    def __init__(self, total_bytes: int, *, enabled: bool, stream: TextIO | None = None, log_every: float = 10.0):
        self.total = total_bytes
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.interval = 0.2 if self.tty else log_every
        self.started = time.monotonic()
        self.last_shown = 0.0
        self.done = 0  # input bytes read
        self.articles = 0
        self.shown = (-1, -1)  # (done, articles) of the line last shown

    def update(self, read_bytes: int, articles: int = 1, *, force: bool = False) -> None:
        self.done += read_bytes
        self.articles += articles
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last_shown < self.interval:
            return
        self.last_shown = now
        self.shown = (self.done, self.articles)
        elapsed = max(now - self.started, 1e-9)
        share = min(self.done / self.total, 1.0) if self.total else 1.0
        eta = elapsed * (1 - share) / share if share else None
        width = 24
        filled = int(width * share)
        line = (f"[{'#' * filled}{'.' * (width - filled)}] {self.articles:,} articles, "
                f"{self.articles / elapsed:.1f} articles/s, {share:.0%} of the input, "
                f"ETA {_clock(eta) if eta is not None else '?'}")
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
        """Show the final state (unless it is shown already) and end the line."""
        if self.enabled and self.shown != (self.done, self.articles):
            self.update(0, 0, force=True)
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()
