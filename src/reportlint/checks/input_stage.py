"""``input-stage``: findings made by the loader, schema stage or a source reader.

RL0 rules and RL107 are found before the engine runs (a file that does not parse has no
data to run rules on). Naming this check keeps them in the catalogue, with docs and
examples, while the engine itself yields nothing for them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "input-stage"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    return iter(())


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import Options

    class InputStageOptions(Options):
        pass

    return InputStageOptions
