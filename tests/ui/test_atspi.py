"""What a screen reader reads: the application under Xvfb on a private AT-SPI bus, its main
window, a passport editor and a plan editor walked over the bus with pyatspi (the client Orca
uses), every page of every tab shown in turn. No focusable object may lack a name or a role."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBEXEC = next((d for d in (Path("/usr/libexec"), Path("/usr/lib/at-spi2-core"))
                if (d / "at-spi-bus-launcher").exists()), Path("/usr/libexec"))
SYSTEM_PYTHON = "/usr/bin/python3"

pytestmark = pytest.mark.slow


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display")


@pytest.fixture
def accessibility_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Xvfb, a private session bus, the AT-SPI bus launcher and registry; their environment."""
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    missing += [str(LIBEXEC / name) for name in ("at-spi-bus-launcher", "at-spi2-registryd")
                if not (LIBEXEC / name).exists()]
    assert not missing, f"install the packages of scripts/system-deps.sh: {missing}"
    started: list[subprocess.Popen[bytes]] = []
    display = _free_display()
    env = {**os.environ, "DISPLAY": f":{display}", "GOVSVC_HOME": str(tmp_path / "home")}
    started.append(subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                         capture_output=True, text=True, check=True, env=env).stdout.split()
    env["DBUS_SESSION_BUS_ADDRESS"], bus_pid = bus[0], int(bus[1])
    try:
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                break
            time.sleep(0.1)
        started.append(subprocess.Popen([str(LIBEXEC / "at-spi-bus-launcher"), "--launch-immediately"],
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
        started.append(subprocess.Popen([str(LIBEXEC / "at-spi2-registryd")], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(0.5)
        yield env
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(10)
        os.kill(bus_pid, 15)


def test_every_focusable_object_has_a_name_and_a_role(accessibility_bus: dict[str, str], tmp_path: Path) -> None:
    env = {**accessibility_bus, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
           "PYTHONPATH": str(ROOT)}
    app = subprocess.Popen([sys.executable, "-m", "tests.ui.atspi.app", str(tmp_path / "a11y.sqlite3"), "300"],
                           cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        walked = subprocess.run([SYSTEM_PYTHON, str(ROOT / "tests/ui/atspi/walker.py"), "govsvc-desktop", "90"],
                                env=accessibility_bus, capture_output=True, text=True, timeout=400)
    finally:
        app.terminate()
        app.wait(20)
    assert walked.returncode == 0, walked.stderr[-2000:]
    report = json.loads(walked.stdout)
    assert len(report) == 3, report.keys()  # the main window and both editors
    for window, found in report.items():
        assert found["focusable"] > 40, window
        assert found["unnamed"] == [], f"{window}: {found['unnamed']}"
