"""The built wheel holds the templates and static files, installs in a clean
environment and serves the pages there. (Slow-ish: it builds and installs;
`-m "not slow"` skips it locally, CI runs it.)"""
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "datasette_discrepancy")
MANIFEST = os.path.join(ROOT, "fixtures", "manifest.csv")

pytestmark = pytest.mark.slow


def data_files():
    """The package's templates and static files, as paths inside the wheel."""
    found = []
    for folder in ("templates", "static"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(PACKAGE, folder)):
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            for name in filenames:
                found.append(os.path.relpath(os.path.join(dirpath, name), ROOT).replace(os.sep, "/"))
    return sorted(found)


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, **kwargs)
    assert result.returncode == 0, " ".join(args) + "\n" + result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    # build from a copy, so the build leaves nothing in the working tree
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("setup.py", "README.md", "setup.cfg", "pyproject.toml", "MANIFEST.in"):
        if os.path.exists(os.path.join(ROOT, name)):
            shutil.copy(os.path.join(ROOT, name), str(src / name))
    shutil.copytree(PACKAGE, str(src / "datasette_discrepancy"), ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # the same setuptools build `python -m build` runs, without its isolated env when we can
    isolation = ["--no-build-isolation"] if _has_bdist_wheel() else []
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist")] + isolation + [str(src)])
    (built,) = [p for p in (tmp / "dist").iterdir() if p.suffix == ".whl"]
    return built


def _has_bdist_wheel():
    try:
        import wheel  # noqa: F401

        return True
    except ImportError:
        return False


def test_wheel_holds_templates_and_static_files(wheel):
    names = set(zipfile.ZipFile(str(wheel)).namelist())
    expected = data_files()
    assert any(name.endswith(".html") for name in expected)
    assert set(expected) <= names, sorted(set(expected) - names)
    # every module, subpackages (views/) included
    modules = {
        os.path.relpath(os.path.join(d, f), ROOT).replace(os.sep, "/")
        for d, _, files in os.walk(PACKAGE) if "__pycache__" not in d for f in files if f.endswith(".py")
    }
    assert "datasette_discrepancy/views/__init__.py" in modules
    assert modules <= names, sorted(modules - names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "discrepancy = datasette_discrepancy" in zipfile.ZipFile(str(wheel)).read(entry_points).decode()
    assert not any(name.startswith(("tests/", "fixtures/")) for name in names)


def test_wheel_installs_and_serves_the_pages(wheel, tmp_path):
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = str(venv / "bin" / "python") if os.name != "nt" else str(venv / "Scripts" / "python.exe")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", str(wheel)])
    # its dependencies (datasette, sqlite-utils, click) come from this environment,
    # whose .pth files (and so this checkout's editable install) are not processed
    site = run([python, "-I", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip()
    with open(os.path.join(site, "_test_dependencies.pth"), "w") as fp:
        fp.write(sysconfig.get_paths()["purelib"] + "\n")
    script = tmp_path / "serve.py"
    script.write_text(
        textwrap.dedent(
            """
            import asyncio, json, sys
            import datasette_discrepancy
            from datasette.app import Datasette

            async def main(path, static_files):
                ds = Datasette([path])
                out = {"module": datasette_discrepancy.__file__}
                index = await ds.client.get("/border/-/discrepancies")
                measures = (await ds.client.get("/border/-/discrepancies.json")).json()["measures"]
                lineup = await ds.client.get(measures[0]["url"])
                lineup_json = (await ds.client.get(measures[0]["url"] + ".json")).json()
                article = await ds.client.get(
                    "/border/-/discrepancies-article/{}".format(lineup_json["claims"][0]["article_id"])
                )
                out["status"] = [index.status_code, lineup.status_code, article.status_code]
                out["heading"] = "<h1>Discrepancies in border</h1>" in index.text
                out["static"] = {}
                for name in static_files:
                    response = await ds.client.get("/-/static-plugins/datasette-discrepancy/" + name)
                    out["static"][name] = response.status_code
                print(json.dumps(out))

            asyncio.run(main(sys.argv[1], sys.argv[2:]))
            """
        )
    )
    # load with the installed CLI, then serve with the installed plugin; -I: nothing from this checkout
    db_path = str(tmp_path / "border.db")
    run([python, "-I", "-m", "datasette", "discrepancy", "load", db_path, "--manifest", MANIFEST, "-q", "-j", "1"], cwd=str(tmp_path))
    static_files = [p.split("static/", 1)[1] for p in data_files() if "/static/" in p]
    out = json.loads(run([python, "-I", str(script), db_path] + static_files, cwd=str(tmp_path)).strip().splitlines()[-1])
    assert out["module"].startswith(str(venv)), out["module"]
    assert out["status"] == [200, 200, 200]
    assert out["heading"]
    assert out["static"] == {name: 200 for name in static_files}
