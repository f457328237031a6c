"""``byline batch`` with the local engine: the same records as ``byline analyze``, inputs,
failures as records, the output folder, and resuming after SIGKILL or Ctrl-C."""

from __future__ import annotations

import gc
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from byline.batch.cli import _batches
from byline.batch.engines.local import LocalEngine
from byline.batch.inputs import Item, iter_items, parse_line
from byline.batch.progress import Progress
from byline.batch.shards import Output, OutputError
from byline.batch.work import Result
from tests.batch_helpers import (
    analyze_lines,
    byline,
    records_by_id,
    shard_lines,
    write_corpus,
)

PAGE = (
    "<html><head><title>Port strike ends</title></head><body><article><h1>Port strike "
    "ends</h1><p>The strike at the port of Dover ended on Friday after talks.</p>"
    "<p>“We are back to work,” said union leader Ann Lee, who led the talks.</p>"
    "<p>Shipping firms said the backlog would take a week to clear.</p></article>"
    "</body></html>"
)


def test_local_engine_writes_byline_analyze_records_plus_id(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", 5)
    (tmp_path / "corpus" / "page.html").write_text(PAGE, "utf-8")
    (tmp_path / "corpus" / "broken.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "corpus" / "notes.md").write_text("not an article", "utf-8")
    result = byline(
        "batch", "corpus", "--out", "out", "--workers", "2", "--batch-size", "2", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # quiet in a pipe: no progress bar
    assert "7 articles in out: 6 analysed, 1 failed" in result.stdout
    records = records_by_id(tmp_path / "out")
    ids = sorted(records)
    assert "corpus/notes.md" not in ids and len(ids) == 7
    expected = analyze_lines(ids, tmp_path)
    assert [r["path"] for r in expected] == ids
    for want in expected:
        got = dict(records[want["path"]])
        assert got.pop("id") == want["path"]
        assert got == want
    assert records["corpus/broken.txt"]["error"].startswith("corpus/broken.txt: looks like")
    assert records["corpus/page.html"]["title"] == "Port strike ends"


def test_json_lines_inputs_and_their_failures(tmp_path: Path) -> None:
    knight = "Nike grew. “We are pleased,” said Phil Knight."
    lines = [
        json.dumps({"id": 7, "text": knight, "site": "s"}),
        "",
        "not json",
        json.dumps({"id": "b", "text": "Apple fell.", "date": "2026-01-02"}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "c"}),
        json.dumps({"id": 7, "text": "the same id again"}),
    ]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    extra = json.dumps({"id": "from-stdin", "text": "Rain fell in Leeds."}) + "\n"
    result = byline("batch", "corpus.jsonl", "-", "--out", "out", cwd=tmp_path, stdin=extra)
    assert result.returncode == 0, result.stderr
    assert "1 articles skipped: their id was already in this input (the first: 7)" in result.stderr
    records = records_by_id(tmp_path / "out")
    assert sorted(records, key=str) == sorted(
        [7, "b", "corpus.jsonl:3", "corpus.jsonl:5", "c", "from-stdin"], key=str
    )
    first = records[7]
    assert first["path"] == "corpus.jsonl:1" and first["site"] == "s" and first["source"] is None
    assert [q["speaker"] for q in first["quotes"]] == ["Phil Knight"]
    assert records["b"]["date"] == "2026-01-02"
    assert records["corpus.jsonl:3"]["error"] == "corpus.jsonl:3: not a JSON object"
    assert 'no "id"' in records["corpus.jsonl:5"]["error"]
    assert records["c"]["error"] == 'corpus.jsonl:6: no "text" (a string)'
    assert records["from-stdin"]["path"] == "stdin:1"


def test_parse_line_refuses_ids_that_are_not_strings_or_integers() -> None:
    for value in (True, 1.5, None, [1]):
        item = parse_line(json.dumps({"id": value, "text": "x"}).encode(), "f:1")
        assert item.id == "f:1" and item.error is not None
    assert parse_line(b'{"id": 3, "text": "x"}', "f:1") == Item(3, "f:1", text="x")


def test_folders_are_searched_in_order_without_hidden_files(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "c", 4)
    (tmp_path / "c" / ".hidden.txt").write_text("x", "utf-8")
    (tmp_path / "c" / ".git").mkdir()
    (tmp_path / "c" / ".git" / "x.txt").write_text("x", "utf-8")
    items = list(iter_items([str(tmp_path / "c")]))
    # A folder's own files first, then its subfolders', each by name.
    top = sorted(p for p in paths if p.parent.name == "c")
    assert [i.location for i in items] == [str(p) for p in top + sorted(set(paths) - set(top))]


def test_bad_usage_and_missing_inputs_are_one_line_errors(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 1)
    for args in (
        ["batch", "missing", "--out", "out"],
        ["batch", "c"],
        ["batch", "c", "--out", "out", "--workers", "0"],
        ["batch", "c", "--out", "out", "--engine", "local", "--scheduler", "tcp://127.0.0.1:1"],
        ["batch", "--report", "c"],
    ):
        result = byline(*args, cwd=tmp_path)
        assert result.returncode == 1, args
        assert result.stderr.startswith("byline: ") and result.stderr.count("\n") == 1, args
    assert not (tmp_path / "out").exists()


def test_a_folder_of_other_files_is_refused_and_kept(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 1)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("keep me", "utf-8")
    result = byline("batch", "c", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "holds other files" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["mine.txt"]


def test_one_run_at_a_time_holds_the_folder(tmp_path: Path) -> None:
    with (
        Output(tmp_path / "out", 10),
        pytest.raises(OutputError, match="another byline batch"),
        Output(tmp_path / "out", 10),
    ):
        pass


def _ctrl_c_as_at_a_terminal() -> None:
    """SIGINT as a shell gives it: delivered (not blocked) and not ignored. A test process
    may have inherited either (an ignored or blocked signal survives fork and exec, and
    one CI run saw a worker whose Ctrl-C did nothing); byline's own behaviour is the test."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if signal.getsignal(signal.SIGINT) in (signal.SIG_IGN, signal.SIG_DFL):
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def ctrl_c() -> Iterator[None]:
    handler = signal.getsignal(signal.SIGINT)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    _ctrl_c_as_at_a_terminal()
    yield
    signal.signal(signal.SIGINT, handler)
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def test_ctrl_c_while_a_shard_is_written_waits_for_the_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctrl_c: None
) -> None:
    from byline.batch import shards

    written = shards.write_atomic
    shards_written: list[str] = []

    def interrupted(path: Path, content: str, **kwargs: bool) -> None:
        written(path, content, **kwargs)
        if path.name.startswith("shard-"):
            shards_written.append(path.name)
            if len(shards_written) == 1:  # right after the first shard, before the manifest
                signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(shards, "write_atomic", interrupted)
    results = [Result(n, json.dumps({"id": n}), False, 1) for n in range(3)]
    with Output(tmp_path / "out", 2) as output:
        with pytest.raises(KeyboardInterrupt):
            output.add(results)
        output.flush()  # what the run does on Ctrl-C
    assert [s.records for s in output.manifest.shards] == [2, 1]
    assert [r["id"] for r in shard_lines(tmp_path / "out")] == [0, 1, 2]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert [s["records"] for s in manifest["shards"]] == [2, 1]
    assert shards_written == ["shard-00000.jsonl", "shard-00001.jsonl"]


def test_a_rerun_skips_what_is_done_and_report_redoes_the_summary(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 3)
    assert byline("batch", "c", "--out", "out", cwd=tmp_path).returncode == 0
    report = (tmp_path / "out" / "report.md").read_text("utf-8")
    write_corpus(tmp_path / "c", 4)  # one more article
    again = byline("batch", "c", "--out", "out", "--shard-size", "1", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "this run: 1 articles" in again.stdout and "3 done before, skipped" in again.stdout
    assert len(records_by_id(tmp_path / "out")) == 4
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["records"] == 4 and [r["articles"] for r in manifest["runs"]] == [3, 1]
    (tmp_path / "out" / "report.md").unlink()
    redone = byline("batch", "--report", "out", cwd=tmp_path)
    assert redone.returncode == 0, redone.stderr
    assert "4 articles in out" in redone.stdout
    new_report = (tmp_path / "out" / "report.md").read_text("utf-8")
    assert new_report != report and "- articles: 4 (4 analysed, 0 failed)" in new_report


def _started_on_stdin(tmp_path: Path, out: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "byline", "batch", "-", "--out", out]
        + ["--workers", "1", "--batch-size", "1", "--shard-size", "2"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, workers included
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )


def _wait_for_shards(folder: Path, shards: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 240
    while len(list(folder.glob("shard-*.jsonl"))) < shards:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no shard written"
        time.sleep(0.01)


@pytest.mark.parametrize("how", ["SIGKILL", "Ctrl-C"])
def test_a_run_stopped_midway_then_rerun_equals_a_clean_run(tmp_path: Path, how: str) -> None:
    count = 16
    lines = [
        json.dumps({"id": path.stem, "text": path.read_text("utf-8")}) + "\n"
        for path in write_corpus(tmp_path / "c", count, repeat=6)
    ]
    corpus = "".join(lines)  # every run reads standard input: a record names where it came from
    clean = byline("batch", "-", "--out", "clean", "--workers", "1", cwd=tmp_path, stdin=corpus)
    assert clean.returncode == 0, clean.stderr
    process = _started_on_stdin(tmp_path, "out")
    assert process.stdin is not None
    # Half the input, and the rest held back: the run is stopped midway however slowly
    # the machine lets this test see its shards.
    process.stdin.write("".join(lines[: count // 2]))
    process.stdin.flush()
    _wait_for_shards(tmp_path / "out", 2, process)
    if how == "SIGKILL":
        os.killpg(process.pid, signal.SIGKILL)
    else:
        os.killpg(process.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the group
    _, stderr = process.communicate(timeout=120)
    partial = records_by_id(tmp_path / "out")
    assert 4 <= len(partial) <= count // 2, "the run was not stopped midway"
    if how == "Ctrl-C":
        assert process.returncode == 130, stderr
        assert "run the same command again" in stderr
    rerun = byline("batch", "-", "--out", "out", "--workers", "1", cwd=tmp_path, stdin=corpus)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(partial)} done before, skipped" in rerun.stdout
    assert records_by_id(tmp_path / "out") == records_by_id(tmp_path / "clean")
    assert len(shard_lines(tmp_path / "out")) == count
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_progress_shows_articles_per_second_on_a_terminal_only() -> None:
    stream = io.StringIO()
    with Progress(stream, 4) as bar:
        bar.advance(2)
    assert stream.getvalue() == "" and not bar.shown
    with Progress(stream, 4, force=True) as bar:
        bar.advance(4)
    shown = stream.getvalue()
    assert bar.shown and "4/4" in shown and "articles/s" in shown and "ETA" in shown


def test_the_command_imports_neither_dask_nor_textual() -> None:
    code = "import sys, byline.batch.cli; print('\\n'.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert not {m for m in loaded if m.split(".")[0] in ("dask", "distributed", "textual")}
    assert "byline.batch.engines.dask" not in loaded


def test_a_damaged_shard_is_a_one_line_error(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 1)
    assert byline("batch", "c", "--out", "out", cwd=tmp_path).returncode == 0
    (tmp_path / "out" / "shard-00000.jsonl").write_text("not json\n", "utf-8")
    for args in (("batch", "c", "--out", "out"), ("batch", "--report", "out")):
        result = byline(*args, cwd=tmp_path)
        assert result.returncode == 1, args
        assert "a shard is damaged" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("count", "size", "workers"),
    [(0, 16, 2), (1, 16, 2), (33, 16, 2), (600, 16, 2), (50, 16, 1), (7, 4, 3)],
)
def test_batches_keep_every_item_in_order_and_end_in_quarter_batches(
    count: int, size: int, workers: int
) -> None:
    batches = list(_batches(iter(range(count)), size, workers))
    assert [i for batch in batches for i in batch] == list(range(count))
    assert all(len(batch) <= size for batch in batches)
    small = max(1, size // 4)
    tail = [len(b) for b in batches if len(b) <= small]
    # The last items, fewer than size * workers and more than size * (workers - 1) (all
    # of them when there are no more), go in quarter batches.
    ending = size * workers
    assert sum(tail) == count if count <= ending else ending - size < sum(tail) <= ending
    assert all(len(b) == size for b in batches[: len(batches) - len(tail)])


def test_local_workers_start_with_the_models_frozen_out_of_the_collector() -> None:
    engine = LocalEngine(1)
    try:
        frozen = engine._pool.submit(gc.get_freeze_count).result(timeout=120)
    finally:
        engine.close()
    assert frozen > 10_000  # the models' objects, loaded once in the fork server
