"""The one shape every problem takes, from YAML syntax to broken references, and its ordering."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics.codes import CODES, Severity


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place. Ordered by file, line, column, then code."""

    path: str
    line: int
    col: int
    code: str
    message: str
    pointer: str = ""
    severity: Severity = "error"
    hint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:  # every code is declared, with meaning and fix, in diagnostics/codes.py
            raise ValueError(f"problem code {self.code!r} is not in generator/diagnostics/codes.py")

    def as_line(self) -> str:
        """Render as `path:line:col: error[code] message (at /pointer)`."""
        at = f" (at {self.pointer})" if self.pointer else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}] {self.message}{at}"

    def as_dict(self) -> dict[str, object]:
        """Plain data for the JSON report."""
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "pointer": self.pointer,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


def pointer_join(pointer: str, key: str | int) -> str:
    """Append one reference token to a JSON Pointer, escaping `~` and `/`."""
    token = str(key).replace("~", "~0").replace("/", "~1")
    return f"{pointer}/{token}"
