"""Which part of each framework the default build carries: the AI-careers slice.

The committed build (``python build_graph.py``, no download needed) holds every occupation the
roles map to and the AI and data occupations around them, with their complete profiles. Each
framework's extract script (``python -m aicareers.<framework>.extract``) starts from the seeds
below and, around the *hubs* (the AI occupations themselves), adds the occupations one move away
(ROME: every mobility link, both ways; O*NET: related occupations of the Primary-Short tier, both
ways), so that the moves into and out of AI are in the default build. A move is kept in the slice
only when both of its ends are. Expanding around every seed would bring in some 240 ROME sheets
(the journalist's sheet alone receives 52 moves): that is what the full frameworks are for
(``build_graph.py --rome ... --onet ...``).

>>> "M1889" in ROME_SEEDS and "15-2051.00" in ONET_SEEDS
True
>>> set(ROME_HUBS) <= set(ROME_SEEDS) and set(ONET_HUBS) <= set(ONET_SEEDS)
True
"""

from __future__ import annotations

#: ROME job sheets: the AI and data sheets, and the sheets the roles map to (facts/roles.yaml).
ROME_SEEDS: tuple[str, ...] = (
    "M1889",  # Ingénieur / Ingénieure en Intelligence Artificielle (IA): holds the title "Prompt engineer"
    "M1405",  # Data scientist
    "M1811",  # Data engineer
    "M1419",  # Data analyst
    "M1423",  # Chief Data Officer
    "M1853",  # Chef de projet étude et développement informatique (AI project lead, broad)
    "K2402",  # Ingénieur de recherche scientifique (AI researcher, broad)
    "E1206",  # UX - UI Designer (UX expert)
    "M1884",  # Ingénieur systèmes (system engineer)
    "E1106",  # Journaliste
    "E1401",  # holds the title "Publicitaire"
    "E1405",  # holds the title "Référenceur / Référenceuse SEO"
    "M1805",  # Développeur / Développeuse informatique
)

#: O*NET-SOC codes: the AI and data occupations, and those the roles map to.
ONET_SEEDS: tuple[str, ...] = (
    "15-2051.00",  # Data Scientists
    "15-2051.01",  # Business Intelligence Analysts
    "15-1221.00",  # Computer and Information Research Scientists (AI engineer, ML research scientist titles)
    "15-1211.00",  # Computer Systems Analysts (AI consultant, broad)
    "15-1299.08",  # Computer Systems Engineers/Architects (AI architect, system engineer)
    "15-1299.09",  # Information Technology Project Managers (AI project lead)
    "15-1255.00",  # Web and Digital Interface Designers (UX expert)
    "15-1252.00",  # Software Developers
    "15-1243.00",  # Database Architects
    "15-2041.00",  # Statisticians
    "27-3023.00",  # News Analysts, Reporters, and Journalists
    "11-2011.00",  # Advertising and Promotions Managers
    "13-1161.01",  # Search Marketing Strategists
)

#: The ROME sheets whose neighbours (one mobility link away) join the slice.
ROME_HUBS: tuple[str, ...] = ("M1889", "M1405", "M1811")
#: The O*NET occupations whose Primary-Short related occupations join the slice.
ONET_HUBS: tuple[str, ...] = ("15-2051.00", "15-1221.00")
