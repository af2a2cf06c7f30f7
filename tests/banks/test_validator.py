"""The validator against a corpus of broken banks, each stating the problems it must get.

Every file in broken/ ends with `# expect: line:column: path: message` lines; the report
for that file must be exactly those lines, in that order.
"""

from pathlib import Path

import pytest

from quizapp.banks.validator import read_library, validate

HERE = Path(__file__).parent
BROKEN = sorted((HERE / "broken").glob("*.yaml"))
QUESTIONS = HERE.parents[1] / "questions"


@pytest.fixture(scope="module")
def library():
    return read_library(QUESTIONS)


def expected_problems(path: Path) -> list[str]:
    prefix = "# expect: "
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{path}:{line.removeprefix(prefix)}" for line in lines if line.startswith(prefix)]


def test_corpus_covers_every_kind_of_error():
    assert len(BROKEN) >= 25
    assert all(expected_problems(path) for path in BROKEN)


@pytest.mark.parametrize("path", BROKEN, ids=lambda path: path.stem)
def test_broken_bank_reports_exact_problems(path, library):
    report = validate([path], library)
    assert not report.ok
    assert report.banks == []
    assert [problem.format() for problem in report.problems] == expected_problems(path)


def test_valid_example_passes(library):
    report = validate([HERE / "valid-example.yaml"], library)
    assert report.problems == []
    assert [len(bank.questions) for bank in report.banks] == [5]


@pytest.mark.parametrize("folder, expected", [
    ("cross-file", "7:9: questions[0].id: id t-opening-date is already used in {first}"),
    ("cross-file-slug", "1:7: slug: bank slug broken-example is already used in {first}"),
])
def test_duplicates_across_files_name_the_first_file(library, folder, expected):
    folder = HERE / "broken" / folder
    report = validate([folder], library)
    first = folder / "first.yaml"
    assert [problem.format() for problem in report.problems] == [
        f"{folder}/second.yaml:" + expected.format(first=first)
    ]


def test_file_over_the_size_limit_is_refused_unread(library):
    path = HERE / "valid-example.yaml"
    size = len(path.read_bytes())
    report = validate([path], library, max_bytes=size - 1)
    assert [problem.format() for problem in report.problems] == [
        f"{path}:1:1: file is {size} bytes; the limit is {size - 1}"
    ]


def test_every_problem_is_reported_at_once(library):
    path = HERE / "broken" / "combination-of-errors.yaml"
    report = validate([path], library)
    assert len(report.problems) == 6


def test_missing_file_is_a_problem_not_a_crash(library, tmp_path):
    report = validate([tmp_path / "nope.yaml"], library)
    assert [problem.message() for problem in report.problems] == ["no such file"]


def test_file_that_is_not_utf8_is_a_problem(library, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("slug: caf\xe9\n".encode("latin-1"))
    report = validate([path], library)
    assert [problem.message() for problem in report.problems] == [
        "cannot read the file as UTF-8 text"
    ]


def test_problem_messages_translate(library):
    path = HERE / "broken" / "answer-not-among-choices.yaml"
    problem = validate([path], library).problems[0]
    arabic = {
        "answer %(answer)s is not among the choices": "الإجابة %(answer)s ليست من بين الخيارات"
    }
    assert problem.message(arabic.get) == "الإجابة c ليست من بين الخيارات"
