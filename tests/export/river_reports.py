"""Two short reports written for the export tests (invented groups and people), and helpers to export
and read back what the exports hold.

What the reports state, and so what the exports must hold: Haroon Qadri, also known as Abu Talha,
led the River Liberation Front (RLF) from March 2014 to June 2018; Bilal Sethi became its chief in
July 2018; Naveed Anjum is a member since 2015; the Front is based in Lahore; the Hill Brigade is
a faction of it; one report says Qadri was arrested in August 2019, the other that he surrendered
then (a conflict).
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

RIVER_FRONT = """\
---
title: The River Front and its leaders
date: 2022-02-10
publisher: Frontier Monitor
---
# The River Front and its leaders

The River Liberation Front (RLF) is an armed group. Haroon Qadri led the River Liberation Front from March 2014 \
to June 2018.[^1] Haroon Qadri is also known as Abu Talha.[^1] Bilal Sethi became the chief of the River \
Liberation Front in July 2018.[^2] The River Liberation Front is based in Lahore.[^1]

Police arrested Haroon Qadri in August 2019.[^3] The Hill Brigade, a faction of the River Liberation Front, was \
formed in 2016.[^2] Naveed Anjum has been a member of the RLF since 2015.[^2]

[^1]: Sara Lindqvist, "Leaders of the river", Frontier Review, 12 January 2019, https://frontier-review.example.org/river-leaders.
[^2]: "A new chief for the Front", Daily Ledger, 3 August 2018, https://ledger.example.com/new-chief.
[^3]: "Qadri held", Daily Ledger, 20 August 2019, https://ledger.example.com/qadri-held.
"""

QADRI_CUSTODY = """\
---
title: Abu Talha in custody
date: 2019-09-01
publisher: Coastal Times
---
# Abu Talha in custody

Haroon Qadri surrendered to the authorities in August 2019.[^1] Haroon Qadri, a former leader of the River \
Liberation Front, is a native of Multan.[^1]

[^1]: Leila Moreau, "Front leader gives himself up", Coastal Times, 22 August 2019, https://coastal-times.example.net/surrender.
"""



def export(cli, db: Path, fmt: str, out: Path, *options: str) -> subprocess.CompletedProcess:
    """`dossier export --format FMT --out OUT OPTIONS --db DB`, asserting that it worked."""
    result = cli("export", "--format", fmt, "--out", out, *options, db=db)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result


def objects(bundle: Path, stix_type: str | None = None) -> list[dict]:
    """The objects of a bundle file (of one type)."""
    found = json.loads(bundle.read_text("utf-8"))["objects"]
    return [o for o in found if stix_type is None or o["type"] == stix_type]
