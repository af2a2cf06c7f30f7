"""Searching questions: words in either language (Arabic-folded), filters, pages, what
students and teachers see in results, refused parameters, and the migration that fills
the search text of existing questions."""

import re

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import event, func, select, text

from quizapp.banks.models import Bank, Question
from quizapp.banks.search import PAGE_SIZE, SearchFilters, matching_ids, search_page
from quizapp.extensions import db

BANK = "cultural-centre-beijing"


@pytest.fixture
def ctx(loaded_app):
    with loaded_app.app_context():
        yield loaded_app


class Anonymous:
    is_authenticated = False


def found(filters: SearchFilters) -> list[Question]:
    return search_page(Anonymous(), filters, 1).questions


def prompts(filters: SearchFilters) -> list[str]:
    return [q.prompt_en for q in found(filters)]


def test_a_word_is_found_with_or_without_harakat_and_hamza(ctx):
    written = found(SearchFilters(text="أستانا"))
    assert written
    assert [q.id for q in found(SearchFilters(text="اَستانا"))] == [q.id for q in written]
    assert [q.id for q in found(SearchFilters(text="Astana"))] != []


def test_every_word_must_match(ctx):
    both = found(SearchFilters(text="Astana summit"))
    only_astana = found(SearchFilters(text="Astana"))
    assert both and len(both) <= len(only_astana)
    assert all("astana" in q.search_text and "summit" in q.search_text for q in both)


def test_an_answer_finds_its_question(ctx):
    # The answer appears in the choices, not in the prompt.
    question = db.session.scalar(select(Question).where(Question.type == "single_choice",
                                                        Question.retired_at.is_(None)))
    answer = question.details["choices"][question.details["answer"]]["en"]
    ids = matching_ids(Anonymous(), SearchFilters(text=answer), limit=500)
    assert question.id in ids


def test_digits_of_either_script_find_the_same_questions(ctx):
    western = matching_ids(Anonymous(), SearchFilters(text="2025"), limit=500)
    assert western
    assert matching_ids(Anonymous(), SearchFilters(text="٢٠٢٥"), limit=500) == western


def test_filters_narrow_by_bank_kind_type_and_difficulty(ctx):
    bank = db.session.scalar(select(Bank).where(Bank.slug == BANK))
    dates = found(SearchFilters(kind="date", bank=bank))
    assert dates and all("date" in q.tags and q.bank_id == bank.id for q in dates)
    numeric = found(SearchFilters(type="numeric"))
    assert numeric and all(q.type == "numeric" for q in numeric)
    hard = found(SearchFilters(difficulty="hard"))
    assert all(q.difficulty == "hard" for q in hard)


def test_results_come_a_page_at_a_time(ctx):
    first = search_page(Anonymous(), SearchFilters(kind="event"), 1)
    assert first.total > PAGE_SIZE and len(first.questions) == PAGE_SIZE
    second = search_page(Anonymous(), SearchFilters(kind="event"), 2)
    assert not {q.id for q in first.questions} & {q.id for q in second.questions}
    assert first.pages == second.pages == -(-first.total // PAGE_SIZE)


def test_a_page_is_a_bounded_number_of_queries(ctx):
    statements = []
    engine = db.engine

    def count(_conn, _cursor, statement, *_args):
        if not statement.startswith("BEGIN"):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        search_page(Anonymous(), SearchFilters(kind="event"), 1)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) <= 3  # count, page, tags


def test_the_search_page_finds_in_both_languages(client_as):
    client = client_as(None)
    html = client.get("/search?q=استانا").get_data(as_text=True)
    assert "questions found" in html and "Astana" in html
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    arabic = client.get("/search?q=astana").get_data(as_text=True)
    assert "أستانا" in arabic and 'dir="rtl"' in arabic


def test_students_see_prompts_only_and_teachers_see_answers_and_quotes(client_as, world):
    student = client_as("student").get(f"/search?bank={BANK}&type=numeric")
    teacher = client_as("teacher").get(f"/search?bank={BANK}&type=numeric")
    assert student.status_code == teacher.status_code == 200
    student_html, teacher_html = student.get_data(as_text=True), teacher.get_data(as_text=True)
    assert "The right answer" not in student_html and "<blockquote" not in student_html
    assert "The right answer" in teacher_html and "<blockquote" in teacher_html


@pytest.mark.parametrize("query", [
    "kind=colour", "type=essay", "difficulty=extreme", "page=0", "page=x", "page=%C2%B2",
    "q=" + "a" * 201,
])
def test_bad_parameters_are_a_localised_400(client_as, query):
    client = client_as(None)
    response = client.get(f"/search?{query}")
    assert response.status_code == 400
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    assert 'lang="ar"' in client.get(f"/search?{query}").get_data(as_text=True)


def test_an_unknown_bank_is_a_404(client_as):
    assert client_as(None).get("/search?bank=no-such-bank").status_code == 404


def test_the_header_and_the_bank_page_have_a_search_box(client_as):
    html = client_as(None).get(f"/banks/{BANK}").get_data(as_text=True)
    assert 'id="search-all"' in html
    assert 'id="search-bank"' in html and f'name="bank" value="{BANK}"' in html


def test_the_migration_fills_the_search_text_of_existing_questions(loaded_app):
    with loaded_app.app_context():
        downgrade(revision="0012")
        upgrade()
        empty = db.session.scalar(select(func.count()).select_from(Question)
                                  .where(Question.search_text == ""))
        assert empty == 0
        stored = dict(db.session.execute(text("SELECT uid, search_text FROM questions")).all())
        assert all(value.startswith(" ") for value in stored.values())
        db.session.remove()


def test_the_second_page_continues_the_numbering_and_links_back(client_as):
    html = client_as(None).get("/search?kind=event&page=2").get_data(as_text=True)
    numbers = [int(n) for n in re.findall(r'class="result-number">(\d+)<', html)]
    assert numbers == list(range(PAGE_SIZE + 1, 2 * PAGE_SIZE + 1))
    assert "Page 2 of" in html
    assert 'rel="prev" href="/search?page=1&amp;kind=event"' in html
    assert 'rel="next" href="/search?page=3&amp;kind=event"' in html
