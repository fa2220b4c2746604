"""Read a bank statement file of either supported format into statement lines.

The CLI and the pane read a file with ``read_statement``, show ``match_lines`` as a dry run
and only then store the matched credits as payments.
"""
from __future__ import annotations

from pathlib import Path

from bot.bank.camt053 import parse_camt053
from bot.bank.csv_statement import parse_csv_statement
from bot.bank.lines import StatementError, StatementLine

__all__ = ["StatementError", "StatementLine", "parse_statement", "read_statement",
           "statement_source"]


def statement_source(name: str, data: bytes) -> str:
    """"camt053" or "csv" (the Payment.source) from the file name, else from the content."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xml":
        return "camt053"
    if suffix == ".csv":
        return "csv"
    return "camt053" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "csv"


def parse_statement(data: bytes, name: str = "") -> list[StatementLine]:
    """The lines of a statement file's content; raises StatementError with a Dutch message."""
    if statement_source(name, data) == "camt053":
        return parse_camt053(data)
    return parse_csv_statement(data)


def read_statement(path: Path | str) -> list[StatementLine]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise StatementError(f"{path.name}: het bestand kan niet worden gelezen "
                             f"({err.strerror})") from err
    return parse_statement(data, path.name)
