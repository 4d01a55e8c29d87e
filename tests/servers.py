"""Real servers for the tests: started as subprocesses on a free loopback port, stopped after."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        pytest.fail(
            "the oxigraph server binary is missing: neither next to the Python interpreter "
            f"({beside}) nor on PATH; install it with `pip install oxigraph`"
        )
    return found


@contextlib.contextmanager
def running(command: list[str], probe_url: str, log_path: Path, *, wait: float = 30):
    """Run ``command`` until the block ends; first wait until ``probe_url`` answers 200."""
    log = open(log_path, "wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)

    def stop():
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()

    deadline = time.monotonic() + wait
    while True:
        if process.poll() is not None:
            log.close()
            pytest.fail(f"{command[0]} exited with status {process.returncode}: {log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(probe_url, timeout=1) as answer:
                if answer.status == 200:
                    break
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            stop()
            pytest.fail(f"{' '.join(command)} did not answer on {probe_url} within {wait} s")
        time.sleep(0.1)
    try:
        yield process
    finally:
        stop()


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """A real Oxigraph server over ``location``; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    with running(command, base + "/query?query=ASK%7B%7D", location.parent / f"{location.name}.log"):
        yield base
