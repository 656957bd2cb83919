"""Generated report-sized documents for benchmarks: our own template sentences, random names."""
from __future__ import annotations

import random
from pathlib import Path

GIVEN = ["Abdul", "Yusuf", "Hamid", "Karim", "Omar", "Bilal", "Tariq", "Imran", "Salim", "Nasir", "Rashid", "Faisal",
         "Jamal", "Khalid", "Zubair", "Idris", "Musa", "Harun", "Ilyas", "Anwar"]
FAMILY = ["Rahmani", "Qureshi", "Siddiqi", "Haqqani", "Baloch", "Durrani", "Afridi", "Wazir", "Mehsud", "Yousafzai",
          "Khattak", "Bangash", "Marwat", "Orakzai", "Mohmand", "Shinwari", "Kakar", "Achakzai"]
GROUPS = [("Jamaat ul-Ahrar Front", "JAF"), ("Lashkar-e-Qahar", "LeQ"), ("Tehreek-e-Nusrat Movement", "TNM"),
          ("Harakat al-Sabr Network", "HSN"), ("Ansar al-Fajr Brigade", "AFB"), ("Islamic Movement of Kavir", "IMK")]
PLACES = ["Peshawar", "Quetta", "Kandahar", "Kabul", "Jalalabad", "Mogadishu", "Maiduguri", "Idlib", "Sanaa",
          "Karachi", "Herat", "Kunduz", "Bannu", "Gilgit", "Mosul", "Raqqa"]
OUTLETS = ["Dawn", "The Express Tribune", "Tolo News", "Al Jazeera", "BBC", "Reuters", "The Guardian", "Long War Journal"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEMPLATES = [
    "{p1}, also known as Abu {g1} al-{place}, became the leader of the {group} ({acr}) in {month} {year}.",
    "On {day} {month} {year}, security forces arrested {p2} along with {n} others in {place}.",
    "The {acr} claimed responsibility for an attack in {place} that killed {n} people on {day} {month} {year}.",
    "{p1} was replaced by {p2} as the chief of the {acr} after a dispute over funding.",
    "According to officials, {p2} joined the {group} in {year} and later moved to {place}.",
    "The {acr} has been accused of receiving money from networks based in {place}.",
    "Analysts say the group broke away from the {group2} in {year} over the question of leadership.",
    "{p2}, a native of {place}, was in charge of recruitment and propaganda for the group.",
    "In {month} {year}, {n} fighters of the {acr} surrendered to the authorities in {place}.",
    "His son-in-law, {p3}, was killed in a drone strike near {place} in {year}.",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def report(rng: random.Random, words: int = 2500) -> str:
    """A Markdown report of about `words` words with Pandoc footnotes."""
    group, acr = rng.choice(GROUPS)
    group2 = rng.choice([g for g, _ in GROUPS if g != group])
    lines = [f"# The {group} in {rng.choice(PLACES)}", "", f"Document-date: {rng.randint(2012, 2022)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", ""]
    notes = []
    count = 0
    while count < words:
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            s = rng.choice(TEMPLATES).format(
                p1=person(rng), p2=person(rng), p3=person(rng), g1=rng.choice(GIVEN), place=rng.choice(PLACES),
                group=group, group2=group2, acr=acr, month=rng.choice(MONTHS), year=rng.randint(2001, 2022),
                day=rng.randint(1, 28), n=rng.randint(2, 60))
            if rng.random() < 0.4:
                notes.append(len(notes) + 1)
                s += f"[^{len(notes)}]"
            paragraph.append(s)
            count += len(s.split())
        lines += [" ".join(paragraph), ""]
    for n in notes:
        outlet = rng.choice(OUTLETS)
        lines.append(f'[^{n}]: {person(rng)}, "Report number {n} on militancy", *{outlet}*, {rng.randint(1, 28)} '
                     f'{rng.choice(MONTHS)} {rng.randint(2010, 2022)}, <https://example.org/{n}/{rng.randint(1, 10**6)}>. '
                     f'Accessed on 1 May 2023.')
        lines.append("")
    return "\n".join(lines)


def write_corpus(folder: Path, documents: int, words: int = 2500, seed: int = 7) -> list[Path]:
    """Write `documents` generated reports into a folder; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(documents):
        path = folder / f"report-{i:05d}.md"
        path.write_text(report(rng, words), encoding="utf-8")
        paths.append(path)
    return paths
