"""Small reports written for these tests (our own words, invented groups and people), and a database dump."""
from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path

# Our own short reports that state what the query tests ask (see its README).
REPORTS = Path(__file__).resolve().parent / "data" / "kb"

FRONT_REPORT = """\
---
title: The Northern Valley Front after 2015
date: 2021-03-04
publisher: Frontier Monitor
---
# The Northern Valley Front after 2015

Analysts first described the Northern Valley Front (NVF) as a splinter of an older militia.[^1]
Karim Osman, the chief of the Northern Valley Front, moved its headquarters to Lahore in 2016.[^2]

Police in Peshawar arrested two couriers of the group in May 2018.[^3]

[^1]: Sara Lindqvist, "Splinters in the Valley", Frontier Review, 12 January 2019, https://frontier-review.example.org/splinters.
[^2]: "Front moves its base", Daily Ledger, 3 February 2017, https://ledger.example.com/front-moves.
[^3]: "Couriers held in Peshawar", Frontier Review, 20 May 2018, https://frontier-review.example.org/couriers.
"""

DELTA_REPORT = """\
---
title: Smugglers of the Delta
date: 2020-11-20
publisher: Frontier Monitor
---
# Smugglers of the Delta

The Delta Brotherhood Network (DBN) runs boats between the islands.[^1] Yusuf Haddad, the leader
of the Delta Brotherhood Network, met envoys of the Northern Valley Front in 2019.[^2]

[^1]: Leila Moreau, "Boats at night", Coastal Times, 4 April 2020, https://coastal-times.example.net/boats.
[^2]: "Envoys in the delta", Daily Ledger, 9 June 2019, https://ledger.example.com/envoys.
"""


def generated_report(n: int) -> str:
    """The n-th of many similar reports, each about its own group and leader, with footnotes."""
    group = f"Ridge Company {_word(n)}"
    leader = f"Omar {_word(n + 7)}son"
    paragraphs = [f"# Notes on the {group}", ""]
    for i in range(1, 26):
        paragraphs.append(
            f"In season {i} the {group} ({_acronym(n)}) held the pass near Hill {_word(i)}, and observers"
            f" counted {i + n} fighters on the road to Camp {_word(i + n)}.[^{i}] {leader}, the chief of the"
            f" {group}, was said to have visited the camp twice.[^{i}]\n")
    paragraphs += [f"[^{i}]: Field note {i}, Ridge Bulletin, {2000 + i % 20}-0{1 + i % 9}-1{i % 10},"
                   f" https://ridge-bulletin.example.org/{n}/{i}." for i in range(1, 26)]
    return "\n".join(paragraphs) + "\n"


def _word(n: int) -> str:
    """A capitalised made-up word, different for every n."""
    syllables = ["ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "da", "fi"]
    return (syllables[n % 10] + syllables[n // 10 % 10] + syllables[n // 100 % 10]).capitalize()


def _acronym(n: int) -> str:
    return "RC" + "".join(chr(ord("A") + int(d)) for d in f"{n:03d}")


def write(folder: Path, name: str, text: str) -> Path:
    """Write a report into a folder (created if needed); returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def dump(db: Path) -> list[str]:
    """Every table's schema and rows, as SQL statements, read without writing to the file."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def error_line(result: subprocess.CompletedProcess) -> str:
    """The single `Error: ...` line a failed command printed on stderr."""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


def words(text: str) -> str:
    """Text without table rules, every run of white space made one space (tables and long lines wrap)."""
    return " ".join(re.sub("[\u2500-\u257f]", " ", text).split())
