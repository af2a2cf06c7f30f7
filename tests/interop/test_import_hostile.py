"""Hostile and broken files: every problem reported with its place, nothing drafted, no
crash, and nothing written outside a private temporary folder."""

import io
import sqlite3
import struct
import tempfile
import zipfile

import pytest

from quizapp.interop.importing import ImportLimits, import_file

from .conftest import make_apkg

SMALL = ImportLimits(max_bytes=64 * 1024, max_questions=3, max_members=4,
                     max_expanded_bytes=256 * 1024)

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<quiz><question type="truefalse"><questiontext><text>&lol3;</text></questiontext></question></quiz>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="description"><questiontext><text>&secret;</text></questiontext>
</question></quiz>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL], ids=["laughs", "external"])
def test_xml_with_a_dtd_or_entities_is_refused(text):
    result = import_file(text.encode(), "evil.xml")
    assert not result.ok and result.yaml_text == ""
    assert "DTD" in result.problems[0].message()
    assert "root:" not in str(result.problems)


def test_malformed_xml_says_where():
    result = import_file(b"<quiz>\n<question type='truefalse'>\n</quiz>\n", "broken.xml")
    [problem] = result.problems
    assert problem.line == 3 and "not well-formed XML" in problem.message()


def test_xml_that_is_not_moodles_is_refused():
    result = import_file(b"<html><body/></html>", "page.xml")
    assert "<quiz>" in result.problems[0].message()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    huge = b"<quiz>" + b"<question type='description'/>" * 5000 + b"</quiz>"
    result = import_file(huge, "huge.xml", limits=SMALL)
    assert not result.ok and "larger than the limit" in result.problems[0].message()


def test_too_many_questions_are_refused_once():
    text = "".join(f"q{n} {{T}}\n\n" for n in range(10))
    result = import_file(text.encode(), "many.gift", limits=SMALL)
    assert [p.message() for p in result.problems] == ["more than 3 questions: split the file"]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_slip_member_names_are_never_followed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _zip({"../../collection.anki21": b"x", "/etc/collection.anki2": b"y"})
    result = import_file(data, "slip.apkg")
    assert [p.message() for p in result.problems] == ["the package holds no Anki collection"]
    assert list(tmp_path.iterdir()) == []


def test_a_zip_bomb_is_refused_by_its_declared_size():
    data = _zip({"collection.anki21": b"\0" * (SMALL.max_expanded_bytes + 1)})
    assert len(data) < 4096
    result = import_file(data, "bomb.apkg", limits=SMALL)
    assert "expands to more" in result.problems[0].message()


def test_a_zip_bomb_that_lies_about_its_size_is_refused_while_reading():
    data = bytearray(_zip({"collection.anki21": b"\0" * (SMALL.max_expanded_bytes * 4)}))
    # Declare 100 bytes in both the local header and the central directory.
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, 100)
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 100)
    result = import_file(bytes(data), "liar.apkg", limits=SMALL)
    assert not result.ok and result.yaml_text == ""


def test_too_many_members_are_refused():
    data = _zip({f"m{n}": b"" for n in range(SMALL.max_members + 1)})
    result = import_file(data, "crowded.apkg", limits=SMALL)
    assert "more than 4 files" in result.problems[0].message()


@pytest.mark.parametrize("data", [b"not a zip", _zip({"collection.anki21": b"not sqlite"})],
                         ids=["not-zip", "not-sqlite"])
def test_a_broken_package_is_reported(data):
    result = import_file(data, "broken.apkg")
    assert not result.ok and "not an Anki package" in result.problems[0].message()


def test_a_package_in_ankis_newest_format_says_how_to_export_it():
    data = _zip({"collection.anki2": b"stub", "collection.anki21b": b"zstd"})
    result = import_file(data, "new.apkg")
    assert "Support older Anki versions" in result.problems[0].message()


def test_an_apkg_is_read_and_its_copy_removed(tmp_path, monkeypatch):
    data = make_apkg(tmp_path, [("أ", "a", "")])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    seen = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect",
                        lambda target, **kw: seen.append(target) or real_connect(target, **kw))
    assert import_file(data, "ok.apkg").ok
    assert seen and seen[0].startswith(f"file:{scratch}") and seen[0].endswith("?mode=ro")
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("data", [b"\xff\xfe\x00bad", b"a\x00b,c\n"], ids=["latin", "nul"])
def test_text_that_is_not_utf8_text_is_reported(data):
    result = import_file(data, "cards.csv")
    assert not result.ok and result.problems[0].line == 1


def test_unknown_format_is_reported():
    result = import_file(b"%PDF", "file.pdf")
    assert "unknown import format" in result.problems[0].message()
