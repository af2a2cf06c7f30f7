"""Downloads: no cell of an exported table can run as a spreadsheet formula, headers
included (a bank title becomes a column header of the class results)."""

import csv
import io

from openpyxl import load_workbook

from quizapp.interop.gradebook import GradebookRow, gradebook_csv
from quizapp.progress.exports import table_response

TITLE = '=HYPERLINK("http://evil.example","Beijing")'


def test_csv_header_cells_cannot_become_formulas(app):
    with app.test_request_context():
        body = table_response("csv", "results", ["Name", TITLE, "@SUM(1)"],
                              [["Sara", "+1", 3]]).get_data(as_text=True)
    header, row = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert header == ["Name", "'" + TITLE, "'@SUM(1)"]
    assert row == ["Sara", "'+1", "3"]


def test_xlsx_header_cells_are_text_not_formulas(app):
    with app.test_request_context():
        data = table_response("xlsx", "results", ["Name", TITLE], [["Sara", "=1+1"]]).data
    sheet = load_workbook(io.BytesIO(data)).active
    for cell in (sheet.cell(row=1, column=2), sheet.cell(row=2, column=2)):
        assert cell.data_type == "s" and not str(cell.value).startswith("'")
    assert sheet.cell(row=1, column=2).value == TITLE


def test_moodle_gradebook_header_cells_cannot_become_formulas():
    body = gradebook_csv(["Name", "Username", "Email address"],
                         [f"{TITLE}: quiz score", "-1+1: completion"],
                         [GradebookRow("Sara", "sara", None, [0.5, 1])]).decode("utf-8")
    header = next(csv.reader(io.StringIO(body)))
    assert header[3:] == ["'" + TITLE + ": quiz score", "'-1+1: completion"]
