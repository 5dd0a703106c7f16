"""Smoke tests of the built distribution: they run the frozen programs, never the source.

Run by ``make package-test`` after ``make package`` (the build takes minutes, so ``make test``
does not). ``GOVSVC_FROZEN_DIST`` points at another unpacked build if needed.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import tarfile
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
APP = "govsvc-desktop"
DIST = Path(os.environ.get("GOVSVC_FROZEN_DIST", ROOT / "dist" / APP))
EXE = ".exe" if os.name == "nt" else ""
CLI = DIST / f"{APP}{EXE}"
GUI = DIST / f"{APP}-gui{EXE}"
INTERNAL = DIST / "_internal"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
TARBALLS = sorted((ROOT / "dist").glob(f"{APP}-{VERSION}-linux-*.tar.gz"))
KEY_SUFFIXES = {".p12", ".pfx", ".key"}
TIMEOUT = 300
ARCHIVE_BUDGET = 90_000_000  # bytes of the Linux tar.gz


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No variables of the build's virtualenv or Python leak in; data goes to ``home``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "GOVSVC_", "QT_"))
    }
    env.update(GOVSVC_HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def run(
    args: list[str | Path], env: dict[str, str], check: bool = True, timeout: int = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(a) for a in args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=env["GOVSVC_HOME"],
    )
    if check:
        assert proc.returncode == 0, f"{args}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    return proc


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert CLI.is_file() and GUI.is_file(), f"no build in {DIST}: run `make package` first"
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def env(home: Path) -> dict[str, str]:
    return clean_env(home)


@pytest.fixture(scope="module")
def demo_db(home: Path, env: dict[str, str]) -> Path:
    db = home / "demo.sqlite3"
    run([CLI, "demo", "--db", db, "--services", "20"], env)
    return db


def first_passport_id(db: Path, env: dict[str, str]) -> str:
    out = run([CLI, "--db", db, "passports", "list", "--format", "json"], env).stdout
    return str(json.loads(out)[0]["uuid"])


# --- what the folder holds ----------------------------------------------------------------------
def all_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def test_distribution_has_no_tests_caches_or_keys() -> None:
    assert DIST.is_dir(), f"no build in {DIST}: run `make package` first"
    problems = []
    for path in DIST.rglob("*"):
        rel = path.relative_to(DIST).as_posix()
        name = path.name
        if name in ("__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".benchmarks"):
            problems.append(f"cache: {rel}")
        elif re.search(r"(^|/)govsvc_desktop/.*(tests?/|test_[^/]*\.py$|conftest\.py$)", rel):
            problems.append(f"test file: {rel}")
        elif name.endswith(".pyc") and "/govsvc_desktop/" in f"/{rel}":
            problems.append(f"loose bytecode of the package: {rel}")
        elif path.suffix.lower() in KEY_SUFFIXES:
            problems.append(f"key file: {rel}")
        elif path.is_file() and not path.is_symlink() and path.stat().st_size < 5_000_000:
            head = path.read_bytes()
            if b"\0" not in head[:8192] and re.search(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----", head):
                problems.append(f"private key inside: {rel}")
    assert not problems, "\n".join(problems)


def test_no_tests_from_the_source_tree_in_the_archive() -> None:
    """The package's modules are inside the executables' archive; none of them is a test."""
    archive_viewer = shutil.which("pyi-archive_viewer", path=str(ROOT / ".venv" / "bin"))
    assert archive_viewer is not None, "pyi-archive_viewer comes with PyInstaller in .venv"
    out = subprocess.run(
        [archive_viewer, "--list", "--recursive", "--brief", str(CLI)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    names = set(out.split())
    assert "govsvc_desktop.cli" in names and "govsvc_desktop.ui.app" in names
    bad = sorted(
        n
        for n in names
        if n.startswith(("tests", "govsvc_desktop"))
        and re.search(r"(^|\.)(tests?|conftest|test_\w+)(\.|$)", n)
    )
    assert not bad, bad
    assert not any(
        n.split(".")[0] in ("pytest", "_pytest", "pytestqt", "mypy", "tkinter") for n in names
    )


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked(path: Path) -> set[str]:
    """Distribution names pinned in a lock file (``name==version ; marker`` lines)."""
    names = set()
    for line in path.read_text("utf-8").splitlines():
        if m := re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==", line):
            names.add(_canonical(m.group(1)))
    return names


SHARED_LIBRARY = re.compile(r"\.(so(\.\d+)*|dll|dylib)$")
EXTENSION_MODULE = re.compile(r"\.(cpython-|abi3\.|pyd$)")


def _contents(names: set[str]) -> tuple[set[str], set[str]]:
    """Top-level names (modules, packages, vendored ``*.libs`` folders, metadata folders) and
    vendored shared-library file names (their extension modules live in their packages) of
    the installed distributions ``names``, read from their RECORD in this environment (which
    has the test tools installed)."""
    tops: set[str] = set()
    libraries: set[str] = set()
    for dist in importlib.metadata.distributions():
        if _canonical(dist.metadata["Name"]) not in names:
            continue
        for file in dist.files or []:
            parts = file.parts
            if not parts or parts[0] == ".." or parts[0].endswith(".data") or "__pycache__" in parts:
                continue
            tops.add(parts[0][: -len(".py")] if len(parts) == 1 and parts[0].endswith(".py")
                     else parts[0].split(".cpython-")[0] if len(parts) == 1 else parts[0])
            if SHARED_LIBRARY.search(file.name) and not EXTENSION_MODULE.search(file.name):
                libraries.add(file.name)
    return tops, libraries


def test_no_test_only_package_in_the_folder() -> None:
    """Nothing from requirements-dev.lock alone (numpy, SciPy's BLAS, pyphen, pytest ...):
    neither a module in the executables' archive nor a file or folder beside them."""
    runtime = _locked(ROOT / "requirements.lock")
    test_only = _locked(ROOT / "requirements-dev.lock") - runtime
    tops, libraries = _contents(test_only)
    runtime_tops, runtime_libraries = _contents(runtime)
    tops -= runtime_tops
    libraries -= runtime_libraries
    assert {"numpy", "scipy", "pyphen", "pytest"} <= {t.split(".")[0] for t in tops}, (
        "the test tools must be installed where this test runs")
    archive_viewer = shutil.which("pyi-archive_viewer", path=str(ROOT / ".venv" / "bin"))
    assert archive_viewer is not None, "pyi-archive_viewer comes with PyInstaller in .venv"
    found = []
    for program in sorted({CLI.resolve(), GUI.resolve()}):  # on Linux the window is a link
        listing = subprocess.run(
            [archive_viewer, "--list", "--recursive", "--brief", str(program)],
            capture_output=True, text=True, timeout=120, check=True,
        ).stdout.split()
        found += sorted({f"{program.name}: module {n}" for n in listing if n.split(".")[0] in tops})
    metadata = re.compile(r"^(.+?)-\d[^/]*\.(dist|egg)-info$")
    for path in INTERNAL.rglob("*"):
        rel = path.relative_to(INTERNAL)
        first = rel.parts[0]
        if first in tops or path.name in libraries:
            found.append(f"file {rel.as_posix()}")
        elif (m := metadata.match(first)) and _canonical(m.group(1)) in test_only:
            found.append(f"metadata {rel.as_posix()}")
    assert not found, "test-only packages in the build:\n" + "\n".join(sorted(set(found))[:50])


def test_resources_qt_plugins_and_exclusions() -> None:
    for rel in (
        "resources/fonts/Vazirmatn-Regular.ttf",
        "resources/fonts/Vazirmatn-Bold.ttf",
        "resources/fonts/OFL.txt",
        "translations/govsvc_fa.qm",
        "govsvc_desktop/store/migrations/env.py",
        f"govsvc_desktop-{VERSION}.dist-info/METADATA",
    ):
        assert (INTERNAL / rel).is_file(), rel
    assert list((INTERNAL / "govsvc_desktop/store/migrations/versions").glob("*.py"))
    if (ROOT / "resources" / "trust").is_dir():
        assert (INTERNAL / "resources" / "trust").is_dir()
    names = {p.name for p in all_files(INTERNAL)}
    plugins = INTERNAL / "PySide6" / "Qt" / "plugins"
    if os.name == "nt":
        assert {"qwindows.dll", "qoffscreen.dll"} <= names
    else:
        assert {"libqxcb.so", "libqoffscreen.so"} <= {
            p.name for p in (plugins / "platforms").iterdir()
        }
    assert (plugins / "imageformats").is_dir() and (plugins / "iconengines").is_dir()
    heavy = [
        n for n in names if re.search(r"Qt6?(WebEngine|3D|Quick|Qml|Multimedia|VirtualKeyboard)", n)
    ]
    assert not heavy, heavy


# --- the command line -------------------------------------------------------------------------
def test_version(env: dict[str, str]) -> None:
    out = run([CLI, "--version"], env).stdout.strip()
    assert out == f"{APP} {VERSION}"


def test_demo_list_and_check(demo_db: Path, env: dict[str, str]) -> None:
    table = run([CLI, "--db", demo_db, "passports", "list"], env).stdout.splitlines()
    assert len(table) == 21, table  # a heading and twenty passports
    rows = json.loads(
        run([CLI, "--db", demo_db, "passports", "list", "--format", "json"], env).stdout
    )
    assert len(rows) == 20
    run([CLI, "--db", demo_db, "db", "check"], env)


def test_demo_in_worker_processes(home: Path, env: dict[str, str]) -> None:
    """Large demo sets are made in "spawn" workers, which re-run the frozen program."""
    db = home / "parallel.sqlite3"
    run([CLI, "demo", "--db", db, "--services", "5000"], env)
    rows = json.loads(run([CLI, "--db", db, "passports", "list", "--format", "json"], env).stdout)
    assert len(rows) >= 100


def test_pdf_of_a_passport(demo_db: Path, env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    run([CLI, "--db", demo_db, "pdf", "passport", first_passport_id(demo_db, env), "-o", out], env)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert text.strip()


# --- the window ---------------------------------------------------------------------------------
def test_gui_starts_offscreen_and_quits(demo_db: Path, home: Path) -> None:
    env = clean_env(home, GOVSVC_DB=str(demo_db), GOVSVC_SMOKE_SECONDS="90")
    proc = run([GUI, "--smoke-test"], env, timeout=150)
    if os.name != "nt":  # a windowed program on Windows has no standard output
        assert "smoke-test: main window shown" in proc.stdout, proc.stdout + proc.stderr
        assert f"(version {VERSION})" in proc.stdout  # what the About box shows
    log = home / "logs" / f"{APP}.log"
    if log.exists():
        text = log.read_text("utf-8")
        assert "Traceback" not in text and " ERROR " not in text, text


# --- the Linux archive and install.sh ---------------------------------------------------------
@pytest.mark.skipif(os.name == "nt", reason="the tar.gz is the Linux distribution")
def test_tarball_installs_and_uninstalls_in_home(tmp_path: Path) -> None:
    assert TARBALLS, f"no dist/{APP}-{VERSION}-linux-*.tar.gz: run `make package` first"
    size = TARBALLS[-1].stat().st_size  # the archive within its budget, then what it installs
    assert size < ARCHIVE_BUDGET, f"{TARBALLS[-1].name}: {size / 1e6:.1f} MB"
    with tarfile.open(TARBALLS[-1]) as tar:
        names = tar.getnames()
        assert all(n == APP or n.startswith(f"{APP}/") for n in names)
        assert f"{APP}/install.sh" in names
        tar.extractall(tmp_path / "unpacked", filter="tar")
    user = tmp_path / "user"
    user.mkdir()
    env = {"HOME": str(user), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "GOVSVC_HOME": str(user)}
    subprocess.run(
        [str(tmp_path / "unpacked" / APP / "install.sh")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )

    prefix = user / ".local/lib" / APP
    share = user / ".local/share"
    for link in (APP, f"{APP}-gui"):
        assert (user / ".local/bin" / link).resolve() == (prefix / link).resolve()
    desktop = (share / "applications" / f"{APP}.desktop").read_text("utf-8")
    assert f'Exec="{prefix}/{APP}-gui"' in desktop and "Name[fa]=" in desktop
    assert "Categories=Office;" in desktop
    for size in (16, 32, 48, 64, 128, 256):
        assert (share / f"icons/hicolor/{size}x{size}/apps/{APP}.png").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(share / "applications" / f"{APP}.desktop")], check=True
        )

    # Through the link in ~/.local/bin, as a user would type it.
    run_env = clean_env(user, HOME=str(user))
    out = run([user / ".local/bin" / APP, "--version"], run_env).stdout
    assert VERSION in out
    db = user / "via-link.sqlite3"
    run([user / ".local/bin" / APP, "demo", "--db", db, "--services", "3"], run_env)

    # The user's data directory is never touched by uninstalling.
    data = share / APP
    data.mkdir(parents=True, exist_ok=True)
    (data / "govsvc.sqlite3").write_bytes(b"user data")
    subprocess.run(
        [str(prefix / "install.sh"), "--uninstall"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert not prefix.exists()
    assert not (user / ".local/bin" / APP).exists() and not (user / ".local/bin" / APP).is_symlink()
    assert not (share / "applications" / f"{APP}.desktop").exists()
    assert not (share / f"icons/hicolor/48x48/apps/{APP}.png").exists()
    assert (data / "govsvc.sqlite3").read_bytes() == b"user data"
