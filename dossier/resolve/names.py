"""Normal forms of names: the key two spellings share when they are the same name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from dossier.lang import honorifics

NON_WORD = re.compile(r"[^0-9a-z]+")


def words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, split at punctuation, hyphens and spaces."""
    text = anyascii(unicodedata.normalize("NFKC", name or "")).lower()
    return [w for w in NON_WORD.split(text) if w]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparison key of a name: its words without leading honorifics, joined.

    "Mawlawi Zia-ul Haq", "Zia ul-Haq" and "ZIA UL HAQ" share the key "ziaulhaq";
    "IS-KP" and "ISKP" share "iskp".
    """
    ws = words(name)
    titles = honorifics()
    while len(ws) > 1 and ws[0] in titles:
        ws.pop(0)
    return "".join(ws)
