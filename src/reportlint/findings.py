"""Severity and the immutable Finding every check produces, the command reports and the
Python API returns (a named tuple: cheap to define on every start of the command)."""

import enum
from typing import NamedTuple

from reportlint.positions import Span, section_of


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Finding(NamedTuple):
    """One problem at one place; fields match the JSON output."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    severity: Severity
    message: str
    section: str | None
    pointer: str

    @classmethod
    def at(
        cls,
        span: Span,
        *,
        path: str,
        pointer: str,
        rule: str,
        name: str,
        severity: Severity,
        message: str,
    ) -> "Finding":
        """A finding at ``span``, in the section that ``pointer`` lies in."""
        return cls(
            path=path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            rule=rule,
            name=name,
            severity=severity,
            message=message,
            section=section_of(pointer),
            pointer=pointer,
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "section": self.section,
            "pointer": self.pointer,
        }
