"""The bank format page: every field and question type explained, every example valid."""

from quizapp.banks import format_guide as guide
from quizapp.banks.schema import BankHeader
from quizapp.banks.uploads import check_upload
from quizapp.questions import registry
from quizapp.questions.schema import Prompted


def test_every_field_and_type_of_the_schema_is_explained():
    assert set(guide.HEADER_FIELDS) == set(BankHeader.model_fields)
    assert set(guide.QUESTION_FIELDS) == {"type", *Prompted.model_fields}
    assert set(guide.TYPE_NOTES) == set(guide.TYPE_EXAMPLES) == set(registry.names())
    sections = {section.name: section for section in guide.type_sections()}
    assert [f.name for f in sections["numeric"].fields] == ["answer", "tolerance", "unit"]
    assert [f.required for f in sections["numeric"].fields] == [True, False, False]
    assert [f.name for f in sections["flashcard"].fields] == ["front", "back"]


def _every_example_as_one_bank() -> str:
    questions = "".join(example + guide.COMMON_EXAMPLE
                        for example in guide.TYPE_EXAMPLES.values())
    return guide.HEADER_EXAMPLE + "".join(f"  {line}\n" for line in questions.splitlines())


def test_the_examples_pass_the_editors_checks(loaded_app, world):
    with loaded_app.app_context():
        for text in (guide.bank_example(), _every_example_as_one_bank()):
            upload = check_upload(text, "bank.yaml", owner_id=world.teacher.id,
                                  max_bytes=1 << 20)
            assert upload.problems == [], upload.problems


def test_arabic_values_in_the_samples_read_in_their_own_direction():
    sample = guide.yaml_sample("  ar: متى افتُتح المركز؟\n  en: When?\n  - بكين\nid: <x>\n"
                               "a: {ar: 2 سبتمبر 2025, en: 2 September 2025}")
    assert sample.split("\n") == [
        "  ar: <bdi>متى افتُتح المركز؟</bdi>", "  en: When?", "  - <bdi>بكين</bdi>",
        "id: &lt;x&gt;", "a: {ar: <bdi>2 سبتمبر 2025</bdi>, en: 2 September 2025}"]


def test_the_editor_links_the_format_page_in_both_languages(world, client_as):
    teacher = client_as("teacher")
    for lang, heading, link in (("en", "The bank format", "Single choice"),
                                ("ar", "صيغة البنك", "اختيار إجابة واحدة")):
        teacher.set_cookie("lang", lang)
        editor = teacher.get("/my-banks/new").get_data(as_text=True)
        assert 'href="/my-banks/format"' in editor
        page = teacher.get("/my-banks/format")
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert f"<h1>{heading}</h1>" in html and link in html
        assert html.count('class="yaml-sample"') == 1 + len(registry.names())
    assert client_as("student").get("/my-banks/format").status_code == 404  # as /my-banks
