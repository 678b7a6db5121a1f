"""Drive the installed ``newsbrowse`` in a pseudo-terminal and read its screen as a person would.

The unit, Pilot and snapshot tests run the app inside the test process; they cannot see what
only a real terminal shows (Textual swaps ``sys.stderr``; worker processes inherit the real
file descriptors; the console script's own start-up). Here the console script installed in
the venv runs in a pty (``pexpect``); a reader thread feeds everything it writes into a
``pyte`` screen, and tests wait on what that screen shows: conditions, never fixed sleeps.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pyte
import pytest

NEWSBROWSE = Path(sys.executable).parent / "newsbrowse"
POLL = 0.05

# Key names a test may press (besides single characters, which are sent as typed).
KEYS: dict[str, str] = {
    "escape": "\x1b",
    "enter": "\r",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "backspace": "\x7f",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "f1": "\x1bOP",
    "alt+left": "\x1b[1;3D",
    "alt+right": "\x1b[1;3C",
    "space": " ",
    **{f"ctrl+{c}": chr(ord(c) - ord("a") + 1) for c in "abcdefghijklmnopqrstuvwxyz"},
}

Predicate = Callable[[str], bool]
Condition = str | re.Pattern[str] | Predicate


def private_env(home: Path, columns: int = 140, lines: int = 40) -> dict[str, str]:
    """The environment of a person with a fresh home: nothing from the real one leaks in."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEWSBROWSE_", "XDG_", "PYTEST_", "TEXTUAL"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        TERM="xterm-256color",
        COLUMNS=str(columns),
        LINES=str(lines),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    env.pop("COLORTERM", None)
    return env


@dataclass
class CliResult:
    """What a non-interactive command did."""

    code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"exit {self.code}\n--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"


def run_cli(args: Sequence[str | Path], home: Path, *, timeout: float = 300) -> CliResult:
    """Run ``newsbrowse ARGS`` without a terminal (as a script would), in the private home."""
    return finish(start_cli(args, home), timeout)


def start_cli(args: Sequence[str | Path], home: Path) -> subprocess.Popen[str]:
    """Start ``newsbrowse ARGS`` in the background, without a terminal, in its own process
    group (so that a timeout ends its build workers too); :func:`finish` waits for it."""
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [str(NEWSBROWSE), *map(str, args)],
        env=private_env(home),
        cwd=home,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 300) -> CliResult:
    """Wait for a command from :func:`start_cli`; on timeout kill its group and fail."""
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        pytest.fail(
            f"newsbrowse still running after {timeout:.0f} s\n{CliResult(-9, stdout, stderr)}"
        )
    return CliResult(proc.returncode, stdout, stderr)


class ScreenTimeout(AssertionError):
    """A wait on the screen ran out (the message holds the whole screen)."""


class Terminal:
    """``newsbrowse ARGS`` in a pseudo-terminal of ``columns`` × ``lines``, read through pyte.

    Use as a context manager: leaving it quits the app (ctrl+q), killing it if it will not go.
    """

    def __init__(
        self,
        args: Sequence[str | Path],
        home: Path,
        *,
        columns: int = 140,
        lines: int = 40,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.args = [str(arg) for arg in args]
        self.home = home
        self.columns, self.lines = columns, lines
        self.cwd = cwd or home
        self.env = dict(env) if env is not None else private_env(home, columns, lines)
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()  # everything the app wrote, for a failure's post-mortem
        self.child: pexpect.spawn | None = None
        self._lock = threading.Lock()
        self._eof = threading.Event()
        self._reader: threading.Thread | None = None
        self._watch: list | None = None  # [predicate, when it first held]: measure()
        self.last_output = 0.0  # time.monotonic() of the app's latest output
        self.exit_code: int | None = None

    # ----- lifecycle ----------------------------------------------------------------------

    def start(self) -> Terminal:
        """Spawn the app and start feeding its output to the screen."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.child = pexpect.spawn(
            str(NEWSBROWSE),
            self.args,
            env=self.env,
            cwd=str(self.cwd),
            dimensions=(self.lines, self.columns),
            encoding=None,
            echo=False,
        )
        self._reader = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self._reader.start()
        return self

    def __enter__(self) -> Terminal:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self) -> None:
        """Feed the screen until the pty closes. Reads the descriptor itself: pexpect's
        reads call ``isalive()`` (waitpid), which must stay on the test's thread."""
        assert self.child is not None
        fd = self.child.child_fd
        while True:
            try:
                ready, _, _ = select.select([fd], [], [], 0.1)
                data = os.read(fd, 65536) if ready else None
            except OSError:  # EIO: the app and everything it started closed the pty
                break
            if data is None:
                continue
            if not data:
                break
            now = time.monotonic()
            self.last_output = now
            with self._lock:
                self.raw.extend(data)
                self.stream.feed(data)
                watch = self._watch
            if watch is not None and watch[1] is None and watch[0](self.screen_text()):
                watch[1] = now
        self._eof.set()

    @property
    def alive(self) -> bool:
        """Whether the app is still running."""
        return self.child is not None and self.child.isalive()

    def wait_exit(self, timeout: float = 30) -> int:
        """Wait for the app to end by itself; its exit code (a signal gives ``-signum``)."""
        assert self.child is not None
        deadline = time.monotonic() + timeout
        while self.child.isalive():
            if time.monotonic() > deadline:
                raise ScreenTimeout(self._report(f"still running after {timeout:.0f} s"))
            time.sleep(POLL)
        self._eof.wait(5)
        return self._exit_code()

    def _exit_code(self) -> int:
        assert self.child is not None
        self.child.isalive()  # reaps, filling in the status
        if self.child.signalstatus is not None:
            self.exit_code = -self.child.signalstatus
        else:
            self.exit_code = self.child.exitstatus
        assert self.exit_code is not None
        return self.exit_code

    def close(self, timeout: float = 10) -> None:
        """Quit as a person does (ctrl+q); terminate, then kill, if the app will not go."""
        child = self.child
        if child is None:
            return
        if child.isalive():
            with contextlib.suppress(OSError):
                child.send(KEYS["ctrl+q"])
            deadline = time.monotonic() + timeout
            while child.isalive() and time.monotonic() < deadline:
                time.sleep(POLL)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not child.isalive():
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, sig)  # the app leads its pty's session: workers too
            deadline = time.monotonic() + 5
            while child.isalive() and time.monotonic() < deadline:
                time.sleep(POLL)
        self._eof.wait(5)
        if not child.isalive():
            self._exit_code()
        child.close(force=True)

    # ----- typing -------------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Press keys by name (``"escape"``, ``"enter"``, ``"ctrl+q"``, ``"down"``) or as
        single characters (``"n"``, ``"/"``)."""
        assert self.child is not None
        for key in keys:
            sequence = KEYS.get(key)
            if sequence is None:
                if len(key) != 1:
                    raise ValueError(f"unknown key name {key!r}")
                sequence = key
            self.child.send(sequence.encode())

    def type(self, text: str) -> None:
        """Type text as a person would, one character at a time."""
        assert self.child is not None
        for char in text:
            self.child.send(char.encode())
            time.sleep(0.01)

    # ----- reading ------------------------------------------------------------------------

    def screen_lines(self) -> list[str]:
        """The screen now, one string per row (trailing spaces kept)."""
        with self._lock:
            return list(self.screen.display)

    def screen_text(self) -> str:
        """The screen now, rows joined by newlines, trailing spaces removed."""
        return "\n".join(line.rstrip() for line in self.screen_lines())

    def unwrapped_text(self) -> str:
        """The screen's rows joined end to end: a line longer than the terminal's width,
        which the terminal wrapped at its last column, reads whole again."""
        return "".join(self.screen_lines())

    def row(self, n: int) -> str:
        """One row of the screen (0 is the top)."""
        return self.screen_lines()[n].rstrip()

    def pane(self, title: str) -> list[str] | None:
        """The rows inside the bordered box titled ``title`` (``╭─ Results ─…╮``), or None
        when no such box is on the screen. Each row is the text between the side borders."""
        lines = self.screen_lines()
        for top, line in enumerate(lines):
            left = line.find(f"╭─ {title} ")
            if left < 0:
                continue
            right = line.find("╮", left)
            if right < 0:
                return None
            rows = []
            for below in lines[top + 1 :]:
                if below[left : left + 1] in ("╰", ""):
                    break
                rows.append(below[left + 1 : right])
            return rows
        return None

    def pane_has_text(self, title: str) -> bool:
        """Whether the box titled ``title`` shows anything (e.g. the results have rows)."""
        rows = self.pane(title)
        return bool(rows) and any(row.strip(" ▁▂▃▄▅▆▇█▔▕▏▎▍▌▋▊▉") for row in rows)

    def wait_for(
        self,
        condition: Condition,
        timeout: float = 30,
        *,
        fail_if: Condition | None = None,
        what: str | None = None,
    ) -> str:
        """Poll the screen until ``condition`` holds; return that screen.

        ``condition`` is a substring, a compiled regex, or a predicate on the screen text.
        ``fail_if`` ends the wait at once (as a failure) when it holds. A timeout, an early
        exit of the app, or ``fail_if`` raise :class:`ScreenTimeout` with the whole screen.
        """
        holds = _as_predicate(condition)
        fails = _as_predicate(fail_if) if fail_if is not None else None
        label = what or _describe(condition)
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen_text()
            if fails is not None and fails(text):
                raise ScreenTimeout(
                    self._report(f"while waiting for {label}: {_describe(fail_if)} appeared")
                )
            if holds(text):
                return text
            if self._eof.is_set():
                text = self.screen_text()
                if holds(text):
                    return text
                raise ScreenTimeout(self._report(f"the app ended while waiting for {label}"))
            if time.monotonic() > deadline:
                raise ScreenTimeout(self._report(f"no {label} after {timeout:.0f} s"))
            time.sleep(POLL)

    def wait_quiet(self, quiet: float = 0.1, timeout: float = 30) -> None:
        """Wait until the app has written nothing for ``quiet`` seconds: what it was
        painting is on the screen (as a person sees it before reacting to it)."""
        deadline = time.monotonic() + timeout
        while (idle := time.monotonic() - self.last_output) < quiet:
            if time.monotonic() > deadline:
                raise ScreenTimeout(self._report(f"the app kept writing for {timeout} s"))
            time.sleep(quiet - idle)

    def measure(
        self, action: Callable[[], object], condition: Condition, timeout: float = 300
    ) -> float:
        """Seconds from ``action()`` (pressing keys, say) until the output that made
        ``condition`` hold arrived. Checked on every chunk the app writes, so the time is
        exact to the chunk rather than to a polling interval (for ``bench_terminal.py``)."""
        holds = _as_predicate(condition)
        watch: list = [holds, None]
        with self._lock:
            self._watch = watch
        # pexpect sleeps ``delaybeforesend`` (50 ms) before each write: time the app, not it
        child, delay = self.child, self.child.delaybeforesend if self.child else None
        if child is not None:
            child.delaybeforesend = None
        try:
            start = time.monotonic()
            action()
            self.wait_for(lambda _: watch[1] is not None, timeout, what=_describe(condition))
            return watch[1] - start
        finally:
            if child is not None:
                child.delaybeforesend = delay
            with self._lock:
                self._watch = None

    def _report(self, headline: str) -> str:
        """A failure message: what was awaited, and the whole screen as it stands."""
        border = "─" * self.columns
        if self.alive:
            status = "running"
        else:
            self._eof.wait(2)
            status = f"ended with exit code {self._exit_code()}"
        return (
            f"{headline} (app {status}; {self.columns}×{self.lines})\n"
            f"┌{border}┐\n"
            + "\n".join(f"│{line}│" for line in self.screen_lines())
            + f"\n└{border}┘"
        )

    def dump(self) -> str:
        """The whole screen framed, for a message of the test's own."""
        return self._report("screen")


def _as_predicate(condition: Condition) -> Predicate:
    if isinstance(condition, str):
        return lambda text: condition in text
    if isinstance(condition, re.Pattern):
        return lambda text: condition.search(text) is not None
    return condition


def _describe(condition: Condition | None) -> str:
    if isinstance(condition, str):
        return repr(condition)
    if isinstance(condition, re.Pattern):
        return f"/{condition.pattern}/"
    return getattr(condition, "__name__", "condition")


def tree_digest(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a digest of its bytes (folders: ``dir``)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def assert_tree_unchanged(root: Path, before: Mapping[str, str], context: object = "") -> None:
    """Fail, listing what changed, unless ``root`` is as :func:`tree_digest` saw it before."""
    changes = list(changed_entries(before, tree_digest(root)))
    if changes:
        pytest.fail(f"{root} was changed:\n" + "\n".join(changes) + f"\n{context}".rstrip())


def changed_entries(before: Mapping[str, str], after: Mapping[str, str]) -> Iterable[str]:
    """Paths added, removed or changed between two :func:`tree_digest` results."""
    for path in sorted(set(before) | set(after)):
        if before.get(path) != after.get(path):
            state = "added" if path not in before else "removed" if path not in after else "changed"
            yield f"{state}: {path}"
