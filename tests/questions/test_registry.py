"""The registry: every question type declares every hook, in one module, and is found."""

import ast
import random
import typing
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from quizapp.questions import registry
from quizapp.questions.base import QuestionType

from ..conftest import PROJECT_ROOT, QUESTIONS_DIR

PACKAGE = PROJECT_ROOT / "quizapp" / "questions"
TEMPLATES = PROJECT_ROOT / "quizapp" / "templates"
AR_CATALOG = PROJECT_ROOT / "translations" / "ar" / "LC_MESSAGES" / "messages.po"
TYPES = list(registry.all_types())


def _complete(**overrides):
    """A type class with every attribute and hook, minus or plus ``overrides``."""
    members = {
        "name": "essay", "model": object, "label": "Essay", "quick": False,
        "answerable": True,
        "check": lambda self, question, report, path: None,
        "from_moodle": lambda self, question: None,
        "layout": lambda self, details, rng: [],
        "response_from_form": lambda self, details, layout, form: None,
        "grade": lambda self, details, response: None,
        "describe_response": lambda self, details, response, lang: [],
        "correct_answer": lambda self, details, lang: [],
        "anki_back": lambda self, details, lang: "",
        "quizlet_definition": lambda self, details, lang: "",
        "moodle_xml": lambda self, details, prompt: None,
        "gift": lambda self, details, prompt, lang: None,
    }
    members.update(overrides)
    return type("Essay", (QuestionType,), {k: v for k, v in members.items() if v is not None})


@pytest.mark.parametrize("question_type", TYPES, ids=lambda t: t.name)
def test_every_registered_type_declares_every_hook(question_type):
    assert registry.missing_hooks(type(question_type)) == []
    for hook in registry.HOOKS:
        # Declared in the type's own class, not inherited from the abstract base.
        assert hook in vars(type(question_type)), hook


def test_the_hooks_checked_are_every_abstract_method():
    assert set(registry.HOOKS) == {"check", "from_moodle", "layout", "response_from_form",
                                   "grade", "describe_response", "correct_answer",
                                   "anki_back", "quizlet_definition", "moodle_xml", "gift"}


@pytest.mark.parametrize("left_out", [*registry.HOOKS, *registry.ATTRIBUTES])
def test_a_type_without_a_hook_is_refused(left_out):
    assert registry.missing_hooks(_complete(**{left_out: None})) == [left_out]


def test_a_complete_type_is_accepted():
    assert registry.missing_hooks(_complete()) == []


@pytest.mark.parametrize("question_type", TYPES, ids=lambda t: t.name)
def test_each_type_is_found_by_the_name_its_schema_gives(question_type):
    assert registry.get(question_type.name) is question_type
    literal = question_type.model.model_fields["type"].annotation
    assert typing.get_args(literal) == (question_type.name,)


def test_an_unknown_type_is_not_found():
    assert registry.find("essay") is None
    with pytest.raises(registry.UnknownType):
        registry.get("essay")


@pytest.mark.parametrize("question_type", TYPES, ids=lambda t: t.name)
def test_each_type_has_its_template_partial(question_type):
    assert (TEMPLATES / question_type.partial).is_file()


def test_each_type_is_named_in_arabic():
    with AR_CATALOG.open("rb") as po:
        arabic = read_po(po, locale="ar")
    for question_type in TYPES:
        assert arabic.get(question_type.label) is not None, question_type.label
        assert arabic.get(question_type.label).string.strip(), question_type.label


def test_every_type_in_the_shipped_banks_is_registered():
    used = set()
    for path in sorted((QUESTIONS_DIR / "banks").rglob("*.yaml")):
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
        used |= {question["type"] for question in bank["questions"]}
    assert used, "no shipped bank found"
    assert used <= set(registry.names())


def test_quizzes_ask_graded_types_and_quick_types_are_the_clicked_ones():
    assert set(registry.answerable_names()) == set(registry.names()) - {"flashcard"}
    assert registry.quick_names() == {"single_choice", "multiple_choice", "true_false"}


def test_ordering_is_never_laid_out_in_its_answer_order():
    ordering = registry.get("ordering")
    details = {"items": [{"ar": str(i), "en": str(i)} for i in range(3)]}
    for seed in range(20):
        assert ordering.layout(details, random.Random(seed)) != [0, 1, 2]


def _imports(path: Path) -> list[str]:
    """The modules a file imports, relative imports resolved against quizapp/."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PROJECT_ROOT).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            found.append(".".join(base + ([node.module] if node.module else [])))
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_questions_import_neither_flask_nor_the_features_above(path):
    for module in _imports(path):
        assert not module.startswith(("flask", "werkzeug")), (path.name, module)
        assert not module.startswith(("quizapp.banks", "quizapp.study", "quizapp.accounts",
                                      "quizapp.progress")), (path.name, module)
