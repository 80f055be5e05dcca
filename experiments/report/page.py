"""Building blocks of the HTML report: sections, embedded figures, tables, the page itself."""

from __future__ import annotations

import base64
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 62rem; margin: 2rem auto;
       padding: 0 1.2rem; color: #1d2329; line-height: 1.5; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.4rem; border-bottom: 1px solid #ccd; }
.subtitle { color: #556; margin-top: 0; }
figure { margin: 1.2rem 0; } figure img { max-width: 100%; border: 1px solid #e3e6ea; }
figcaption { font-size: 0.9rem; color: #445; }
table { border-collapse: collapse; font-size: 0.88rem; margin: 0.8rem 0; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e3e6ea; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.note { background: #f5f6f8; border-left: 4px solid #8a9bb0; padding: 0.6rem 1rem; }
.verdict-triple-win { color: #11702f; font-weight: bold; }
.verdict-loss { color: #a4161a; font-weight: bold; }
.verdict-uncertain { color: #8a6d00; font-weight: bold; }
footer { margin-top: 3rem; font-size: 0.8rem; color: #667; }
"""


@dataclass
class Section:
    """One titled part of the report; ``body`` is HTML built with the helpers below."""

    title: str
    body: str


def paragraph(text: str, css_class: str | None = None) -> str:
    """A paragraph of plain text (escaped)."""
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{html.escape(text)}</p>"


def figure(source: Path | Any, caption: str, alt: str | None = None) -> str:
    """A PNG file or a matplotlib figure, embedded as a data URI, with its caption."""
    if isinstance(source, Path):
        data = source.read_bytes()
    else:
        import matplotlib.pyplot as plt

        buffer = io.BytesIO()
        source.savefig(buffer, format="png", dpi=110)
        plt.close(source)
        data = buffer.getvalue()
    encoded = base64.b64encode(data).decode("ascii")
    text = html.escape(alt or caption)
    return (
        f'<figure><img src="data:image/png;base64,{encoded}" alt="{text}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def table(frame: pd.DataFrame, caption: str | None = None, digits: int = 4) -> str:
    """A table from a data frame (numbers to ``digits`` significant digits)."""
    body = frame.to_html(
        index=False, na_rep="-", border=0, float_format=lambda x: f"{x:.{digits}g}", escape=True
    )
    if caption:
        body = body.replace("<table", f'<table aria-label="{html.escape(caption)}"', 1)
        return f"<p><strong>{html.escape(caption)}</strong></p>{body}"
    return body


def provenance(manifest: dict[str, Any]) -> str:
    """The footer: how the results were made."""
    git = manifest.get("git") or {}
    versions = ", ".join(f"{k} {v}" for k, v in (manifest.get("versions") or {}).items())
    command = " ".join(manifest.get("command_line") or [manifest.get("command", "")])
    dirty = " (with uncommitted changes)" if git.get("dirty") else ""
    return (
        "<footer><p>Made by <code>"
        + html.escape(command)
        + "</code> on "
        + html.escape(str(manifest.get("created", "")))
        + f"; code at commit <code>{html.escape(str(git.get('commit')))}</code>{dirty}.</p>"
        + f"<p>{html.escape(versions)}</p></footer>"
    )


def render(title: str, subtitle: str, sections: list[Section], manifest: dict[str, Any]) -> str:
    """The whole page, self-contained."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        paragraph(subtitle, "subtitle"),
    ]
    for section in sections:
        parts.append(f"<section><h2>{html.escape(section.title)}</h2>{section.body}</section>")
    parts.append(provenance(manifest))
    parts.append("</body></html>")
    return "\n".join(parts)


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a results folder."""
    return json.loads((folder / "manifest.json").read_text())
