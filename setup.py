"""Build hook: the web workspace's graph library (Cytoscape.js) comes from npm at install time.

dossier/web/package.json and package-lock.json pin it; `npm ci` fetches it and the built file is
copied to dossier/web/static/vendor/ (not in git), for normal and editable installs alike. Without
npm the install still succeeds and `dossier serve` says on the network page that the library is
missing.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

WEB = Path(__file__).resolve().parent / "dossier" / "web"
VENDOR = WEB / "static" / "vendor"
FILES = {"cytoscape": ("dist/cytoscape.min.js", "LICENSE")}  # npm package → the files the pages use


def locked_versions() -> dict[str, str]:
    """The version of each vendored package that package-lock.json pins."""
    lock = json.loads((WEB / "package-lock.json").read_text())
    return {name: lock["packages"][f"node_modules/{name}"]["version"] for name in FILES}


def vendored_versions() -> dict[str, str]:
    """The versions already copied to static/vendor (empty when none are)."""
    stamp = VENDOR / "versions.json"
    return json.loads(stamp.read_text()) if stamp.is_file() else {}


def vendor_web_libraries() -> None:
    """Run `npm ci` in dossier/web and copy the pinned libraries to static/vendor, unless they are there."""
    if not (WEB / "package-lock.json").is_file():
        print(f"warning: {WEB / 'package-lock.json'} is missing: the network page will have no graph library")
        return
    wanted = locked_versions()
    if vendored_versions() == wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        print("warning: npm not found: the network page of `dossier serve` will have no graph library")
        return
    done = subprocess.run([npm, "ci", "--omit=dev", "--no-audit", "--no-fund"], cwd=WEB,
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"warning: `npm ci` failed in {WEB}: {done.stderr.strip()[-500:]}")
        return
    VENDOR.mkdir(parents=True, exist_ok=True)
    for name, files in FILES.items():
        for file in files:
            target = f"{name}.min.js" if file.endswith(".js") else f"{name}.{file}"
            shutil.copyfile(WEB / "node_modules" / name / file, VENDOR / target)
    (VENDOR / "versions.json").write_text(json.dumps(wanted, indent=1) + "\n")


class BuildWithWebLibraries(build_py):
    """build_py that vendors the web libraries first (editable installs run it too)."""

    def run(self) -> None:
        vendor_web_libraries()
        super().run()
        if not self.editable_mode and VENDOR.is_dir():
            shutil.copytree(VENDOR, Path(self.build_lib) / "dossier" / "web" / "static" / "vendor", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithWebLibraries})
