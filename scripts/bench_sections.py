"""Sections of docs/benchmarks.md that a benchmark of its own writes between markers
(`<!-- NAME:begin -->` … `<!-- NAME:end -->`), so `make bench` rewriting the rest of the
file keeps them, and each benchmark replaces only its own."""
from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
NAMES = ("bench-scorecard", "bench-scale")  # in the order they follow `make bench`'s part


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:begin -->", f"<!-- {name}:end -->"


def section_of(name: str, doc: Path = DOC) -> str:
    """The section as it is in ``doc`` ("" when there is none)."""
    begin, end = markers(name)
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    if begin in text and end in text:
        return text[text.index(begin):text.index(end) + len(end)]
    return ""


def write_section(name: str, body: str, doc: Path = DOC) -> None:
    """Puts ``body`` (without markers) in place of the old section, or at the end."""
    begin, end = markers(name)
    section = f"{begin}\n{body.strip()}\n{end}"
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    old = section_of(name, doc)
    text = text.replace(old, section) if old else text.rstrip("\n") + "\n\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")


def kept_sections(doc: Path = DOC) -> dict[str, str]:
    """Every marked section of ``doc``, to write back after the file was regenerated."""
    return {name: section_of(name, doc) for name in NAMES if section_of(name, doc)}


def restore_sections(sections: dict[str, str], doc: Path = DOC) -> None:
    begin_len = {name: len(markers(name)[0]) for name in sections}
    for name, section in sections.items():
        body = section[begin_len[name]:-len(markers(name)[1])]
        write_section(name, body, doc)
