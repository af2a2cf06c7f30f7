"""The catalogs: complete, current, and faithful to their placeholders."""

import re

import pytest
from babel.messages.pofile import read_po

from quizapp.core.cli import extract_catalog

from ..conftest import PROJECT_ROOT

AR_CATALOG = PROJECT_ROOT / "translations" / "ar" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@pytest.fixture(scope="module")
def arabic():
    with AR_CATALOG.open("rb") as po:
        return read_po(po, locale="ar")


def test_catalog_has_every_string_in_the_code(tmp_path, arabic):
    pot = tmp_path / "messages.pot"
    extract_catalog(pot)
    with pot.open("rb") as template:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(template) if m.id}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in arabic if m.id}
    assert extracted - known == set(), "run `flask translate update` and translate"
    assert known - extracted == set(), "the catalog has strings the code no longer uses"


def test_no_arabic_entry_is_empty_or_fuzzy(arabic):
    for message in arabic:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), message.id
        assert not message.fuzzy, message.id


def test_placeholders_match(arabic):
    for message in arabic:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, string in enumerate(strings):
            found = set(PLACEHOLDER.findall(string))
            # Arabic's zero, one and two forms may spell the number out instead.
            if isinstance(message.id, tuple) and index < 3:
                assert found <= wanted, (message.id, index)
            else:
                assert found == wanted, (message.id, index)


def test_arabic_plurals_use_all_six_forms(arabic):
    from babel.support import Translations

    translations = Translations.load(str(PROJECT_ROOT / "translations"), ["ar"])
    forms = {n: translations.ngettext("%(num)s question", "%(num)s questions", n) % {"num": n}
             for n in (0, 1, 2, 3, 11, 100)}
    assert forms == {0: "لا أسئلة", 1: "سؤال واحد", 2: "سؤالان", 3: "3 أسئلة",
                     11: "11 سؤالًا", 100: "100 سؤال"}


def test_startup_fails_fast_without_a_compiled_catalog(tmp_path):
    from quizapp import create_app
    from quizapp.i18n import MissingCatalog

    (tmp_path / "ar" / "LC_MESSAGES").mkdir(parents=True)
    with pytest.raises(MissingCatalog, match="'ar'"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                    "BABEL_TRANSLATION_DIRECTORIES": str(tmp_path)})
