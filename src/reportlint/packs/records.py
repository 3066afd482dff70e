"""What a validated rule pack and profile become: plain records the engine runs."""

from typing import Any, NamedTuple

from reportlint.findings import Severity


class Run(NamedTuple):
    """One way a rule is checked: the rule itself, or one of its variants."""

    check: str
    paths: tuple[str, ...]
    options: dict[str, Any]
    severity: Severity
    message: dict[str, str]
    # Its pattern is written in a bundled pack file: run on ``re``, with no time limit.
    trusted: bool = False


class RuleSpec(NamedTuple):
    """A validated rule, as the engine runs it."""

    id: str
    name: str
    severity: Severity
    summary: dict[str, str]
    message: dict[str, str]
    rationale: dict[str, str]
    basis: str
    check: str
    runs: tuple[Run, ...]
    fallback_path: str | None
    when: str | None
    for_each: str | None
    examples: dict[str, list[Any]]
    source: str
    # How to fix a finding, {zh, en}; None for a user's rule that gives none.
    hint: dict[str, str] | None = None


class SectionInfo(NamedTuple):
    key: str
    required: bool
    title: str
    phrases: str


class ProfileInfo(NamedTuple):
    name: str
    description: str
    sections: tuple[SectionInfo, ...]
    # Its phrases are written in a bundled profile file: run on ``re``, with no time limit.
    trusted: bool = False

    @property
    def order(self) -> list[str]:
        return [section.key for section in self.sections]
