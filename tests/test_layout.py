"""The suite's own layout: shared fixtures and helpers live in conftest files or helper
modules (people.py, pages.py), never in another test module."""

import re
from pathlib import Path

TESTS = Path(__file__).parent
FROM_A_TEST_MODULE = re.compile(r"^\s*from\s+\.+(?:\w+\.)*test_\w+\s+import", re.MULTILINE)


def test_no_test_module_imports_another():
    offenders = [str(path.relative_to(TESTS)) for path in sorted(TESTS.rglob("*.py"))
                 if FROM_A_TEST_MODULE.search(path.read_text(encoding="utf-8"))]
    assert offenders == [], "move what they share into a conftest.py"


def test_the_check_finds_an_import_from_a_test_module():
    assert FROM_A_TEST_MODULE.search("    from ..study.test_views import logged_in\n")
    assert FROM_A_TEST_MODULE.search("from .test_accounts import GOOD\n")
    assert not FROM_A_TEST_MODULE.search("from .conftest import GOOD\n")
