"""The one error type for expected failures; the CLI turns it into exit code 2."""

from __future__ import annotations


class ReportlintError(Exception):
    """A usage, configuration or I/O problem the user can fix; the message says how."""


class ConfigError(ReportlintError):
    """A configuration file or option is invalid."""


class RulePackError(ReportlintError):
    """A rule pack or profile does not load or does not validate."""


class InputError(ReportlintError):
    """An input file cannot be read (missing, unreadable, undecodable, too large)."""
