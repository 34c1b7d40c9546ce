"""CSV and XLSX of a chart's table, safe against formula injection (a cell never starts a formula)."""

from __future__ import annotations

import csv
import io

from nrp.stats.presenters.common import Table

# A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cells(table: Table):
    yield [safe_text(c) for c in table.columns]
    for label, cells in table.rows:
        row: list = [safe_text(label)]
        for cell in cells:
            # Numbers as numbers (a spreadsheet can sum them); suppressed and text cells as safe text.
            row.append(
                cell.value
                if cell.value is not None and not cell.suppressed and _plain(cell.text)
                else safe_text(cell.text)
            )
        yield row


def _plain(text: str) -> bool:
    return text.replace("\u00a0", "").replace(",", "").replace(".", "").replace(" %", "").isdigit()


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for row in _cells(table):
        writer.writerow(row)
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 Czech text correctly


def table_xlsx(table: Table, *, title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = safe_text(title)[:31].replace("/", "-").replace(":", " ") or "data"
    for row in _cells(table):
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":  # never a formula, whatever the text
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
