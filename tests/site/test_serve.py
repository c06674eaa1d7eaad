"""`mkdocs serve` keeps serving when an edit breaks the data, and every page then opens with the located
problems, so the writer sees them in the browser and not only in the terminal."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..conftest import copy_project

pytestmark = pytest.mark.site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, needle: str, process: subprocess.Popen[str], seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        page = fetch(url)
        if needle in page:
            return page
        time.sleep(0.3)
    pytest.fail(f"{needle!r} never appeared at {url}")


def test_a_broken_edit_shows_its_located_error_in_the_browser(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/coaching-professional/knowledge/k1/"
        good = wait_for(url, "K1", process)
        assert "cr-build-errors" not in good
        framework = root / "standards/coaching-professional/framework.yaml"
        framework.write_text(
            framework.read_text(encoding="utf-8").replace('version: "1.0"', "version: 1.0"), encoding="utf-8"
        )
        page = wait_for(url, "cr-build-errors", process)
        assert "standards/coaching-professional/framework.yaml:" in page
        assert "error[wrong-type]" in page
        assert "K1" in page  # the last good page is still there, under the banner
    finally:
        process.terminate()
        process.communicate(timeout=30)
