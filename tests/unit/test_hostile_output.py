"""The command line under hostile conditions: names that are escape codes, targets that
are not plain files, output that cannot be written, no terminal, signals mid-save.

Each runs the real command in a subprocess (bounded by a timeout, in its own session so
that nothing it starts outlives the test) and wants a one-line error and a non-zero exit,
never a traceback.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import byline.analysis.export as export

OSC52 = "\x1b]52;c;SGVsbG8=\x07"
STORY = (
    "Mayor faces revolt over budget\n\n"
    "The mayor of Springfield, Jane Doe, announced cuts on Monday.\n\n"
    "“We cannot keep spending money we do not have,” Doe said at City Hall.\n"
)


def run(
    *args: str,
    cwd: Path,
    stdin: int | None = subprocess.DEVNULL,
    stdout: int | None = subprocess.PIPE,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
    prefix: Sequence[str] = (),
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    """``byline ARGS`` in its own session; its whole group is killed if it overruns."""
    process = subprocess.Popen(
        [*prefix, sys.executable, "-m", "byline", *args],
        cwd=cwd,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        preexec_fn=preexec,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    """The single ``byline: ...`` line on standard error, checked."""
    err = result.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err
    assert result.returncode != 0
    assert err.startswith("byline: ") and err.count("\n") == 1, err
    return err


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- 8. names printed are escaped like article text --------------------------------------


def _no_controls(err: bytes) -> str:
    assert b"\x1b" not in err and b"\x07" not in err, err
    return err.decode("utf-8")


def test_a_missing_file_named_with_escape_codes_is_shown_inert(tmp_path: Path) -> None:
    evil = f"evil{OSC52}.txt"
    for command in (["summary", evil], [evil]):
        result = run(*command, cwd=tmp_path)
        err = _no_controls(result.stderr)
        assert "␛]52;c;SGVsbG8=" in err and err.endswith(": no such file\n")
        one_line_error(result)


def test_saved_and_not_replaced_show_names_inert(story: Path, tmp_path: Path) -> None:
    out = f"out{OSC52}.md"
    saved = run("summary", str(story), "-o", out, cwd=tmp_path)
    assert saved.returncode == 0, saved.stderr
    assert "saved out␛]52;c;SGVsbG8=" in _no_controls(saved.stderr)
    kept = run("summary", str(story), "-o", out, cwd=tmp_path)
    assert "exists; not replaced" in _no_controls(kept.stderr)
    one_line_error(kept)


def test_a_bad_option_is_shown_inert(tmp_path: Path) -> None:
    result = run("analyze", "x.txt", f"--{OSC52}", cwd=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments" in _no_controls(result.stderr)


def test_json_escapes_what_a_terminal_would_act_on(tmp_path: Path) -> None:
    (tmp_path / "c1.txt").write_text("The \x9b31m mayor \u202espoke\u202c.\n", encoding="utf-8")
    result = run("analyze", "c1.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for raw in ("\x9b", "\u202e", "\u202c"):
        assert raw.encode("utf-8") not in result.stdout
    assert json.loads(result.stdout)["text"] == "The \x9b31m mayor \u202espoke\u202c.\n"


# -- 9. devices, links and other owners are not replaced ---------------------------------


def _summary(story: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return run("summary", str(story), "-o", str(out), "--force", *extra, cwd=story.parent)


def test_a_device_is_never_replaced(story: Path, tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # our own /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root")
    err = one_line_error(_summary(story, device))
    assert "is a device, not a regular file" in err
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_named_pipe_is_never_replaced(story: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    err = one_line_error(_summary(story, fifo))
    assert "is a named pipe, not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symbolic_link_is_written_through(story: Path, tmp_path: Path) -> None:
    folder = tmp_path / "real"
    folder.mkdir()
    target = folder / "summary.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    result = _summary(story, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("# Mayor faces revolt")
    assert f"saved {target} (through the symbolic link {link})" in result.stderr.decode()
    assert names(folder) == ["summary.md"]


def test_a_link_to_a_pipe_is_never_replaced(story: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.md"
    link.symlink_to(fifo)
    one_line_error(_summary(story, link))
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_hard_links_are_not_detached(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("shared\n", encoding="utf-8")
    other = tmp_path / "other.md"
    os.link(out, other)
    err = one_line_error(_summary(story, out))
    assert "hard link" in err
    assert out.read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == "shared\n"
    assert out.stat().st_ino == other.stat().st_ino


def test_another_users_file_keeps_its_owner(story: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    out = tmp_path / "theirs.md"
    out.write_text("theirs\n", encoding="utf-8")
    os.chown(out, 12345, 23456)
    out.chmod(0o640)
    result = _summary(story, out)
    assert result.returncode == 0, result.stderr
    info = out.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o640)
    assert out.read_text(encoding="utf-8").startswith("# Mayor")


def test_write_atomic_refuses_what_it_must_not_replace(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(export.NotReplaceableError, match="named pipe"):
        export.write_atomic(fifo, "x")
    shared = tmp_path / "shared.md"
    shared.write_text("a\n", encoding="utf-8")
    os.link(shared, tmp_path / "twin.md")
    with pytest.raises(export.NotReplaceableError, match="hard link"):
        export.write_atomic(shared, "b\n")
    assert names(tmp_path) == ["pipe", "shared.md", "twin.md"]


# -- 10. output that cannot be written ---------------------------------------------------


@pytest.mark.parametrize("command", ["analyze", "summary"])
def test_a_full_standard_output_is_one_line(story: Path, command: str) -> None:
    with open("/dev/full", "wb") as full:
        result = run(command, str(story), cwd=story.parent, stdout=full.fileno())
    err = one_line_error(result)
    assert "cannot write to standard output (no space left on device)" in err


@pytest.mark.parametrize("command", ["analyze", "summary"])
def test_a_closed_standard_output_is_one_line(story: Path, command: str) -> None:
    result = run(command, str(story), cwd=story.parent, stdout=None, preexec=lambda: os.close(1))
    assert "standard output is closed" in one_line_error(result)


def test_a_closed_standard_input_is_that_files_error(story: Path) -> None:
    result = run("analyze", "-", str(story), cwd=story.parent, preexec=lambda: os.close(0))
    assert "Traceback" not in result.stderr.decode()
    assert result.returncode == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {"path": "-", "error": "stdin: standard input is closed"}
    assert "error" not in second
    summary = run("summary", "-", cwd=story.parent, preexec=lambda: os.close(0))
    assert "stdin: standard input is closed" in one_line_error(summary)


def test_an_output_name_too_long_is_one_line(story: Path) -> None:
    err = one_line_error(_summary(story, story.parent / ("x" * 300 + ".md")))
    assert "cannot write" in err and "too long" in err.lower()


def _without_root_powers() -> None:
    """Drop the capabilities that let root search any folder (a no-op for other users)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for capability in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            os._exit(99)


def test_an_output_folder_that_cannot_be_searched_is_one_line(story: Path) -> None:
    locked = story.parent / "locked"
    locked.mkdir()
    (locked / "out.md").write_text("old\n", encoding="utf-8")
    locked.chmod(0o600)  # readable, not searchable
    try:
        result = _summary_as(story, locked / "out.md")
    finally:
        locked.chmod(0o700)
    err = one_line_error(result)
    assert "cannot write" in err and "permission denied" in err.lower()
    assert (locked / "out.md").read_text(encoding="utf-8") == "old\n"


def _summary_as(story: Path, out: Path) -> subprocess.CompletedProcess[bytes]:
    return run(
        "summary", str(story), "-o", str(out), "--force", cwd=story.parent,
        preexec=_without_root_powers,
    )  # fmt: skip


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_standard_output_that_is_not_utf8_still_gets_utf8(story: Path, encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    analysed = run("analyze", str(story), cwd=story.parent, env=env)
    assert analysed.returncode == 0, analysed.stderr
    assert json.loads(analysed.stdout.decode("utf-8"))["text"] == STORY
    summary = run("summary", str(story), cwd=story.parent, env=env)
    assert summary.returncode == 0, summary.stderr
    assert "“We cannot keep spending" in summary.stdout.decode("utf-8")


# -- 11. no terminal -----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_the_reader_without_a_terminal_refuses_at_once(story: Path, how: str) -> None:
    if how == "file":
        result = run(str(story), cwd=story.parent, timeout=60)
    else:
        with story.open("rb") as piped:
            result = run("-", cwd=story.parent, stdin=piped.fileno(), timeout=60)
    err = one_line_error(result)
    assert "needs a terminal" in err and "byline analyze" in err
    assert b"\x1b" not in result.stdout + result.stderr


# -- 14. what a killed save leaves behind -----------------------------------------------------

SLOW_SAVE = """
import os, sys, time
from pathlib import Path
real, flag = os.fsync, Path(sys.argv[1])
def slow(fd):
    flag.touch()  # the temporary file is written: tell the test
    time.sleep(60)
    real(fd)
os.fsync = slow
sys.argv = ["byline", "summary", sys.argv[2], "-o", sys.argv[3], "--force"]
from byline.__main__ import main
sys.exit(main())
"""


def _save_then(signum: int, story: Path, out: Path) -> int:
    """Start a save that stalls once its temporary file is written, send ``signum``;
    the exit status."""
    flag = story.parent / "in-fsync"
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_SAVE, str(flag), str(story), str(out)],
        cwd=story.parent,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the save never reached fsync"
            time.sleep(0.05)
        os.kill(process.pid, signum)
        process.wait(timeout=30)
        err = process.stderr.read() if process.stderr else b""
        assert b"Traceback" not in err, err
        return process.returncode
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if process.stderr:
            process.stderr.close()
        flag.unlink(missing_ok=True)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_save_ended_by_a_signal_cleans_up(story: Path, tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out.md"
    out.write_text("the old summary\n", encoding="utf-8")
    assert _save_then(signum, story, out) == 128 + signum
    assert out.read_text(encoding="utf-8") == "the old summary\n"
    assert names(tmp_path) == ["out.md", "story.txt"]


def test_the_next_save_sweeps_what_a_killed_one_left(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("the old summary\n", encoding="utf-8")
    assert _save_then(signal.SIGKILL, story, out) == -signal.SIGKILL
    (left,) = (p for p in tmp_path.iterdir() if p.name.startswith(".out.md."))
    assert out.read_text(encoding="utf-8") == "the old summary\n"
    old = time.time() - 3600
    os.utime(left, (old, old))
    result = _summary(story, out)
    assert result.returncode == 0, result.stderr
    assert names(tmp_path) == ["out.md", "story.txt"]


def _temp(folder: Path, name: str, *, age: float = 3600) -> Path:
    path = folder / name
    path.write_text("half a summary", encoding="utf-8")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_the_sweep_takes_only_what_is_left_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    stale = _temp(tmp_path, ".out.md.ab12cd_9.tmp")
    fresh = _temp(tmp_path, ".out.md.zz99yy00.tmp", age=0)
    other = _temp(tmp_path, ".notes.md.ab12cd34.tmp")
    odd = _temp(tmp_path, ".out.md.toolong123.tmp")
    held = _temp(tmp_path, ".out.md.held0000.tmp")
    link = tmp_path / ".out.md.link0000.tmp"
    link.symlink_to(other)
    with open(held, "rb") as holder:  # a save still running holds its file
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        assert export.sweep_temporaries(target) == [stale]
    assert not stale.exists()
    assert all(p.exists() for p in (fresh, other, odd, held)) and link.is_symlink()


def test_write_atomic_sweeps_before_it_writes(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    _temp(tmp_path, ".out.md.ab12cd34.tmp")
    export.write_atomic(target, "new\n")
    assert names(tmp_path) == ["out.md"]


def test_errno_of_a_refusal_is_a_permission_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as caught:
        export.write_atomic(fifo, "x")
    assert caught.value.errno == errno.EPERM and caught.value.strerror


def test_batch_shows_names_inert_as_the_other_commands_do(tmp_path: Path) -> None:
    evil = f"evil{OSC52}"
    missing = run("batch", evil, "--out", "out", cwd=tmp_path)
    assert "␛]52;c;SGVsbG8=" in _no_controls(missing.stderr)  # made visible, not dropped
    one_line_error(missing)
    report = run("batch", "--report", evil, cwd=tmp_path)
    assert "␛]52;c;SGVsbG8=" in _no_controls(report.stderr)
    one_line_error(report)
    option = run("batch", "x", "--out", "out", f"--{OSC52}", cwd=tmp_path)
    assert option.returncode == 2
    assert "unrecognized arguments" in _no_controls(option.stderr)
