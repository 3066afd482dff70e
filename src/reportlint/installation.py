"""How this reportlint was installed, so that a hint to add an extra names a command that works.

reportlint is not on a package index, so ``pip install 'reportlint[sources]'`` fails for
most users. pip records where a distribution came from in its ``direct_url.json``
(PEP 610): a folder (a checkout, editable or not), an archive (a wheel or sdist, as a file
or a URL) or a version-control URL; with none, it came from an index. The hint repeats that
source with the extra, and runs pip inside the pipx environment when reportlint is there.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

_CHECKOUT = Path(__file__).resolve().parent.parent.parent  # src/reportlint -> the checkout


def extra_command(extra: str) -> str:
    """The shell command that adds ``extra`` (``sources``, ``html``) to this installation:
    ``pip install -e '/src/reportlint[sources]'`` for an editable checkout,
    ``pip install '/dist/reportlint-0.1.0-py3-none-any.whl[sources]'`` for a wheel,
    ``pip install 'reportlint[sources] @ https://…'`` for a URL, ``pipx runpip reportlint
    install …`` under pipx, and ``pip install 'reportlint[sources]'`` from an index."""
    origin = _origin()
    options, requirement = _requirement(extra, origin)
    prefix = sys.prefix
    if (Path(prefix) / "pipx_metadata.json").is_file():  # pipx writes it in each venv it makes
        pip = f"pipx runpip {shlex.quote(Path(prefix).name)} install"
    else:
        pip = "pip install"
    return " ".join([pip, *options, shlex.quote(requirement)])


def _origin() -> dict[str, Any] | None:
    """The distribution's direct_url.json; ``{}`` when installed from an index, None when
    reportlint is not installed at all (run from a source tree on ``PYTHONPATH``)."""
    from importlib import metadata

    try:
        text = metadata.distribution("reportlint").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    try:
        data = json.loads(text) if text else {}
    except ValueError:  # a damaged record: treat it as an index install
        return {}
    return data if isinstance(data, dict) else {}


def _requirement(extra: str, origin: dict[str, Any] | None) -> tuple[list[str], str]:
    """pip's options (``-e``) and the requirement that names this source with ``extra``."""
    name = f"reportlint[{extra}]"
    if origin is None:
        if (_CHECKOUT / "pyproject.toml").is_file():
            return ["-e"], f"{_CHECKOUT}[{extra}]"
        return [], name
    url = origin.get("url")
    if not isinstance(url, str) or not url:
        return [], name
    subdirectory = origin.get("subdirectory")
    vcs = origin.get("vcs_info")
    if isinstance(vcs, dict):
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        at = f"@{revision}" if revision else ""
        where = f"#subdirectory={subdirectory}" if subdirectory else ""
        return [], f"{name} @ {vcs.get('vcs', 'git')}+{url}{at}{where}"
    parts = urlsplit(url)
    if parts.scheme != "file":  # an archive at a URL
        return [], f"{name} @ {url}"
    path = Path(url2pathname(parts.path))
    if subdirectory:
        path = path / str(subdirectory)
    folder = origin.get("dir_info")
    editable = isinstance(folder, dict) and folder.get("editable") is True
    return (["-e"] if editable else []), f"{path}[{extra}]"
