"""``input-stage``: findings made by the loader, schema stage or a source reader.

RL0 rules and RL107 are found before the engine runs (a file that does not parse has no
data to run rules on). Naming this check keeps them in the catalogue, with docs and
examples, while the engine itself yields nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    return iter(())
