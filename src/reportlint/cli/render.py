"""``reportlint render report.yaml -o report.docx|report.html``: the publishable document.

The output's suffix chooses the form. A file that does not read as a report (YAML
errors, no ``report`` block) is refused rather than rendered half empty.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportlint.errors import ReportlintError, already_exists

FORMS = (".docx", ".html", ".htm")
NO_REPORT_BLOCK = ("no 'report' block", "缺少报告信息“report”")


def run_render(source: Path, output: Path, *, force: bool, max_bytes: int) -> None:
    """Render the report YAML ``source`` to ``output`` (.docx or .html)."""
    suffix = output.suffix.lower()
    if suffix not in FORMS:
        raise ReportlintError(
            f"{output}: render writes .docx or .html, not '{output.suffix}'",
            zh=f"{output}：render只生成.docx或.html文件，不生成“{output.suffix}”文件",
        )
    if output.exists() and not force:
        raise already_exists(output)
    from reportlint.inputs import read_report
    from reportlint.inputs.document import load_yaml
    from reportlint.publish import layout

    document = load_yaml(read_report(source, max_bytes=max_bytes), str(source))
    data = document.data
    if document.problems or not isinstance(data, dict) or not isinstance(data.get("report"), dict):
        first = document.problems[0] if document.problems else None
        reason = (first.message_en, first.message_zh) if first else NO_REPORT_BLOCK
        raise ReportlintError(
            f"{source}: not a report that can be rendered ({reason[0]})",
            zh=f"{source}：不是可以生成文档的报告（{reason[1]}）",
        )
    lines = list(layout.lines(data))
    if suffix == ".docx":
        from reportlint.publish import render_docx

        _write_bytes(output, render_docx.render(lines))
    else:
        from reportlint.publish import render_html

        _write_bytes(output, render_html.render(lines).encode("utf-8"))


def _write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` through a temporary file renamed into place: never half a file."""
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
