"""The one error type for expected failures; the CLI turns it into exit code 2."""

from __future__ import annotations


class ReportlintError(Exception):
    """A usage, configuration or I/O problem the user can fix; the message says how.

    ``str(error)`` is the English; ``zh``, when given, is the same in Chinese, which the
    command line prints under a Chinese locale (``say``).
    """

    def __init__(self, message: str, *, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh

    def say(self, lang: str) -> str:
        """The message in ``lang`` ("zh" or "en"); English where no Chinese was given."""
        return self.zh if lang == "zh" and self.zh is not None else str(self)


class ConfigError(ReportlintError):
    """A configuration file or option is invalid."""


class RulePackError(ReportlintError):
    """A rule pack or profile does not load or does not validate."""


class InputError(ReportlintError):
    """An input file cannot be read (missing, unreadable, undecodable, too large)."""


def already_exists(*paths: object) -> ReportlintError:
    """Files a command would write are there already and ``--force`` was not given."""
    return ReportlintError(
        f"{', '.join(map(str, paths))} already exists; use --force to overwrite it",
        zh=f"{'、'.join(map(str, paths))}已存在；如要覆盖，请加--force",
    )
