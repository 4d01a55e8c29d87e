"""What an import kept, and what it reported instead of emitting.

>>> report = ImportReport("rome")
>>> report.count("job sheets", 2)
>>> report.problem("unix_rubrique_mobilite_v460_utf8.csv", 12, "code_rome_cible", "unknown job sheet Z9999")
>>> report.summary()
'rome: 2 job sheets, 1 problem'
>>> str(report.problems[0])
'unix_rubrique_mobilite_v460_utf8.csv: record line 12: field code_rome_cible: unknown job sheet Z9999'
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """Something wrong in well-formed input (a link to a record that does not exist, a duplicate),
    reported with its file, line and field instead of being emitted."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"record line {self.line}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ": ".join(parts + [self.message])


@dataclass
class ImportReport:
    """Counts of what an import emitted (by kind, in the order first counted), and its problems."""

    framework: str
    version: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was reported."""
        return not self.problems

    def count(self, kind: str, n: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + n

    def problem(self, file: str, line: int | None, field_: str | None, message: str) -> None:
        self.problems.append(Problem(file, line, field_, message))

    def summary(self) -> str:
        parts = [f"{n:,} {kind}" for kind, n in self.counts.items()]
        n = len(self.problems)
        parts.append(f"{n} problem" + ("" if n == 1 else "s"))
        return f"{self.framework}: " + ", ".join(parts)

    def to_dict(self) -> dict:
        return {"framework": self.framework, "version": self.version, "counts": dict(self.counts),
                "problems": [str(p) for p in self.problems]}  # fmt: skip
