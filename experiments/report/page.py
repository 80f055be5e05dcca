"""Building blocks of the HTML report: sections, embedded figures, tables, the page itself."""

from __future__ import annotations

import base64
import html
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from experiments.formats import number
from experiments.result_files import MANIFEST, ResultFile, described
from experiments.style import OUTCOME_COLOURS, VERDICT_COLOURS

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 62rem; margin: 2rem auto;
       padding: 0 1.2rem; color: #1d2329; line-height: 1.5; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.4rem; border-bottom: 1px solid #ccd; }
h3 { margin-bottom: 0.3rem; font-size: 1.05rem; }
.subtitle { color: #556; margin-top: 0; }
nav.contents { font-size: 0.9rem; background: #f5f6f8; padding: 0.4rem 1rem; }
nav.contents ol { margin: 0.3rem 0; padding-left: 1.4rem; columns: 2; }
code { font-size: 0.85em; background: #f1f2f4; padding: 0 0.2em; }
.scroll { overflow-x: auto; }
.small { font-size: 0.8rem; color: #556; }
blockquote { margin: 0.4rem 0 0.8rem 0; padding-left: 0.8rem; border-left: 3px solid #d5dae0;
             color: #39424c; font-size: 0.92rem; }
figure { margin: 1.2rem 0; } figure img { max-width: 100%; border: 1px solid #e3e6ea; }
figcaption { font-size: 0.9rem; color: #445; }
table { border-collapse: collapse; font-size: 0.88rem; margin: 0.8rem 0; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e3e6ea; text-align: right; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
.note { background: #f5f6f8; border-left: 4px solid #8a9bb0; padding: 0.6rem 1rem; }
.headline { margin: 0.5rem 0; padding: 0.4rem 0.8rem; border-left: 5px solid #c9ced6;
            background: #fafbfc; }
.headline .losers { display: block; }
footer { margin-top: 3rem; font-size: 0.8rem; color: #667; }
.scenario-key .scenario { margin-right: 1rem; white-space: nowrap; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em;
          vertical-align: -0.1em; border-radius: 2px; }
@media print { nav.contents { display: none; } figure { break-inside: avoid; } }
"""


def css_class(verdict: str) -> str:
    """The CSS class of a verdict or an outcome (``triple win``: ``verdict-triple-win``)."""
    return "verdict-" + re.sub(r"[^a-z]+", "-", verdict.lower()).strip("-")


# Every verdict and outcome in its colour (experiments/style.py), as in the figures.
STYLE += "".join(
    f".{css_class(name)} {{ color: {colour}; font-weight: bold; }}\n"
    for name, colour in {**OUTCOME_COLOURS, **VERDICT_COLOURS}.items()
)


@dataclass
class Section:
    """One titled part of the report; ``body`` is HTML built with the helpers below."""

    title: str
    body: str


def paragraph(text: str, css_class: str | None = None) -> str:
    """A paragraph of plain text (escaped)."""
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{html.escape(text)}</p>"


def figure(
    source: Path | Any,
    caption: str,
    alt: str | None = None,
    colours: Mapping[str, str] | None = None,
) -> str:
    """A PNG file or a matplotlib figure, embedded as a data URI, with its caption.

    ``colours`` (each scenario's colour as drawn in the figure) go into the page as the
    figure's ``data-colours``, so a reader or a test can check them against the page's key.
    """
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
    drawn = f" data-colours='{html.escape(json.dumps(dict(colours)))}'" if colours else ""
    return (
        f'<figure{drawn}><img src="data:image/png;base64,{encoded}" alt="{text}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def scenario_key(colours: Mapping[str, str]) -> str:
    """Each scenario's colour, as every figure of the page draws it: a swatch and the name."""
    items = "".join(
        f'<span class="scenario" data-scenario="{escape(name)}" data-colour="{escape(colour)}">'
        f'<span class="swatch" style="background: {escape(colour)}"></span>{escape(name)}</span>'
        for name, colour in colours.items()
    )
    return f'<p class="scenario-key">Colours of the scenarios in every figure: {items}</p>'


def table(frame: pd.DataFrame, caption: str | None = None) -> str:
    """A table from a data frame, numbers without a unit as :func:`experiments.formats.number`."""
    body = frame.to_html(index=False, na_rep="-", border=0, float_format=number, escape=True)
    body = f'<div class="scroll">{body}</div>'
    if caption:
        body = body.replace("<table", f'<table aria-label="{html.escape(caption)}"', 1)
        return f"<p><strong>{html.escape(caption)}</strong></p>{body}"
    return body


def escape(text: object) -> str:
    """Text made safe to place in HTML."""
    return html.escape(str(text))


def html_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    caption: str | None = None,
    text_columns: Sequence[int] = (),
) -> str:
    """A table whose cells are HTML already (escape text cells with :func:`escape`).

    Args:
        columns: Column headings (plain text).
        rows: One sequence of HTML cells per row.
        caption: A bold line above the table.
        text_columns: Positions of columns holding prose, aligned left (numbers align right).
    """

    def cell(tag: str, position: int, content: str) -> str:
        css = ' class="text"' if position in text_columns else ""
        return f"<{tag}{css}>{content}</{tag}>"

    head = "".join(cell("th", i, escape(c)) for i, c in enumerate(columns))
    body = "".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    label = f' aria-label="{escape(caption)}"' if caption else ""
    title = f"<p><strong>{escape(caption)}</strong></p>" if caption else ""
    return (
        f'{title}<div class="scroll"><table{label}><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def bullets(items: Sequence[str], *, escaped: bool = False) -> str:
    """A bulleted list of plain text (or of HTML when ``escaped`` says it is safe already)."""
    cells = items if escaped else [escape(item) for item in items]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in cells) + "</ul>"


def folder_files(declared: tuple[ResultFile, ...], manifest: Mapping[str, Any]) -> str:
    """The declared files a results folder holds, each with what it holds, as a list."""
    present = [*manifest.get("outputs", []), MANIFEST.name]
    items = [
        f"<code>{escape(name)}</code>: {escape(about)}"
        for name, about in described(declared, present)
    ]
    return bullets(items, escaped=True)


def verdict_badge(verdict: str) -> str:
    """A verdict or an outcome in its colour."""
    return f'<span class="{css_class(verdict)}">{escape(verdict)}</span>'


def anchor(title: str) -> str:
    """The id of a section, from its title."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"


def contents(sections: Sequence[Section]) -> str:
    """A list of links to the sections of the page."""
    links = "".join(
        f'<li><a href="#{anchor(s.title)}">{escape(s.title)}</a></li>' for s in sections
    )
    return f'<nav class="contents" aria-label="Contents"><ol>{links}</ol></nav>'


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


# Marks a page as run.py report's own: the only file ``report --out`` may replace.
GENERATOR = '<meta name="generator" content="TripleWin run.py report">'


def render(title: str, subtitle: str, sections: list[Section], manifest: dict[str, Any]) -> str:
    """The whole page, self-contained."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        GENERATOR,
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        paragraph(subtitle, "subtitle"),
    ]
    if len(sections) > 3:
        parts.append(contents(sections))
    for section in sections:
        parts.append(
            f'<section id="{anchor(section.title)}"><h2>{html.escape(section.title)}</h2>'
            f"{section.body}</section>"
        )
    parts.append(provenance(manifest))
    parts.append("</body></html>")
    return "\n".join(parts)


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a results folder."""
    return json.loads(MANIFEST.path(folder).read_text())
