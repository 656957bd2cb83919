"""Every command has help text and appears in the README's usage section (as sqlite-utils' test_docs.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from dossier.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"
COMMANDS = sorted(typer.main.get_command(app).commands.items())


def usage_section() -> str:
    """The text of README.md from its "Usage" heading to the next heading of the same or a higher level."""
    assert README.is_file(), f"{README} is missing: write it, with a '## Usage' section showing every command"
    text = README.read_text(encoding="utf-8")
    heading = re.search(r"^(#+)\s+Usage\b.*$", text, re.M | re.I)
    assert heading, f"{README} has no 'Usage' heading: add one that shows every command"
    level = len(heading.group(1))
    end = re.compile(rf"^#{{1,{level}}}\s", re.M).search(text, heading.end())
    return text[heading.end():end.start() if end else len(text)]


@pytest.mark.parametrize("name,command", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_has_help_text(name, command):
    assert (command.help or "").strip(), f"`dossier {name}` has no help text: give its function a docstring"


@pytest.mark.parametrize("name,command", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_option_and_argument_has_help_text(name, command):
    missing = [p.name for p in command.params if not (getattr(p, "help", None) or "").strip()]
    assert missing == [], f"`dossier {name}`: no help text for {', '.join(missing)}"


@pytest.mark.parametrize("name", [name for name, _ in COMMANDS])
def test_command_appears_in_readme_usage(name):
    assert re.search(rf"\bdossier {re.escape(name)}\b", usage_section()), \
        f"README.md's usage section does not show `dossier {name}`"


def test_commands_are_found_for_the_checks_above():
    assert {"ingest", "documents", "sources", "entities", "show", "export"} <= {name for name, _ in COMMANDS}
