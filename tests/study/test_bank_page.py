"""The bank page offers to stop reviewing a bank only to an account that studies it
(the page asks study through banks.signals.studies_bank)."""

from ..people import post

BANK = "cultural-centre-beijing"
STOP = 'name="remove" value="1"'  # the "Stop reviewing this bank" button


def _page(client) -> str:
    response = client.get(f"/banks/{BANK}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_bank_page_says_whether_the_account_studies_the_bank(world, client_as):
    student, other = client_as("student"), client_as("rstudent")
    assert STOP not in _page(student)
    assert post(student, f"/banks/{BANK}/study").status_code == 303
    assert STOP in _page(student)
    assert STOP not in _page(other) and STOP not in _page(client_as(None))
