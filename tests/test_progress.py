"""Progress and interruption (issue 28, item 8): progress lines in a log, a status line with the total
and an ETA on a terminal that never stays inside the text written to it, and Ctrl-C that says how to
go on with `--resume`."""

from __future__ import annotations

import os
import pty
import select
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

from .batch_helpers import ROOT, records, run, sample_tree


def test_progress_lines_go_to_a_log_every_interval(tmp_path: Path) -> None:
    sample_tree(tmp_path / "in", 600)
    args = [sys.executable, "-m", "cleaner", "clean", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"),
            "--progress", "--progress-interval", "0.25", "--jobs", "1"]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    arrivals: list[tuple[float, str]] = []
    for line in proc.stderr:  # as the lines come: a log file or CI sees the same
        arrivals.append((time.monotonic(), line.rstrip("\n")))
    assert proc.wait(timeout=300) == 0
    progress = [(t, line) for t, line in arrivals if line.startswith("cleaning: ")]
    assert len(progress) >= 3, arrivals
    assert all("of 600 documents" in line and "docs/s" in line and "elapsed" in line for _, line in progress)
    assert any("ETA" in line for _, line in progress)
    gaps = [b - a for (a, _), (b, _) in zip(progress, progress[1:])]
    assert max(gaps) < 5, gaps  # every 0.25 s while documents finish, never a long silence
    assert "\r" not in "".join(line for _, line in arrivals) and "\x1b" not in "".join(line for _, line in arrivals)
    assert any(line.startswith("600 documents") for _, line in arrivals)  # then the summary


def test_on_a_terminal_the_status_line_is_erased_before_text_is_written(tmp_path: Path) -> None:
    sample_tree(tmp_path / "in", 40)
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "clean", str(tmp_path / "in"), "--jobs", "1"],
                            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=child, stderr=child,
                            env={**os.environ, "COLUMNS": "200", "TERM": "xterm"})
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=60) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    frames = screen.split("\r\x1b[2K")
    status = [f for f in frames if f.startswith("cleaning: ")]
    assert status, "a status line is shown on a terminal"
    assert any("of 40 documents" in f and "ETA" in f for f in status)
    # A status frame is always followed by the erase sequence, never by text: each frame is exactly
    # the status line, with nothing of the documents in it.
    assert all("\n" not in f and "==>" not in f for f in status)
    assert screen.count("==> ") == 40


def test_ctrl_c_leaves_whole_records_and_says_how_to_resume(tmp_path: Path) -> None:
    files = sample_tree(tmp_path / "in", 2000)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "cleaner", "clean", str(tmp_path / "in"), "-o", str(out), "--jobs", "2"]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 20):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    message = next(line for line in stderr.splitlines() if "interrupted after" in line)
    assert "every record written so far is complete" in message
    written = records(out.read_bytes())  # whole lines only
    assert 20 <= len(written) < len(files)
    command = message.split("To go on where it stopped: ", 1)[1]
    argv = shlex.split(command)
    assert argv[0] == "cleaner" and argv[-1] == "--resume" and str(out) in argv
    resumed = run(*argv[1:], "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    sources = [r["source"] for r in records(out.read_bytes())]
    assert sorted(sources) == sorted(map(str, files))  # every input exactly once


def test_ctrl_c_with_standard_output_says_what_would_make_it_resumable(tmp_path: Path) -> None:
    sample_tree(tmp_path / "in", 2000)
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "clean", str(tmp_path / "in"), "-f", "jsonl", "--jobs", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    for _ in range(10):
        proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130 and b"write JSON Lines to a file (-o FILE)" in stderr and b"Traceback" not in stderr
