"""Class results and item analysis as files: CSV (UTF-8 with a byte-order mark, so
spreadsheet programs read Arabic) or XLSX (openpyxl; right-to-left on Arabic pages)."""

import csv
import io

from flask import Response
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Share(float):
    """A value from 0 to 1: a plain number in CSV, a percentage in XLSX."""


def table_response(fmt: str, name: str, header: list[str], rows, *, rtl: bool = False
                   ) -> Response:
    rows = [["" if value is None else value for value in row] for row in rows]
    if fmt == "xlsx":
        return _download(_xlsx(header, rows, rtl), f"{name}.xlsx", XLSX_TYPE)
    return _download(_csv(header, rows), f"{name}.csv", "text/csv; charset=utf-8")


def _download(body, filename: str, mimetype: str) -> Response:
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})


def _csv(header, rows) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    # Headers too: a bank title is a column header of the class results.
    writer.writerow([_safe(str(title)) for title in header])
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    return buffer.getvalue()


def _xlsx(header, rows, rtl: bool) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.sheet_view.rightToLeft = rtl
    sheet.append([_cell(sheet, str(title)) for title in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value) -> Cell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text, even "=..." (never a formula)
    elif isinstance(value, Share):
        cell.number_format = "0.0%"
    return cell


def _safe(value):
    """Keep a CSV cell from being read as a formula ("=", "+", "-", "@" first)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
