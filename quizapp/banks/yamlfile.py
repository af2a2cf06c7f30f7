"""Reading YAML safely, with the line and column of every value.

Only what ``yaml.safe_load`` builds is ever built. Anchors and aliases are refused before
anything is constructed (so an "alias bomb" cannot expand), as are duplicate keys, which
``safe_load`` would silently overwrite, and nesting deeper than any bank needs (so no
recursive step, here or in PyYAML, can exhaust the stack or take minutes).
"""

import re
import time
from dataclasses import dataclass, field
from typing import Protocol

import yaml

from ..core.messages import N_
from ..core.text import BIDI_CONTROLS, has_stacked_marks, text_problems
from .problems import Nn_, Plural, Problem

Path = tuple[str | int, ...]

# Embedding, override and isolate controls: they can make text read differently from
# what it is ("Trojan Source"), so no bank may contain them.
# The marks (LRM, RLM, ALM) are banned too: a bank isolates its text with dir="auto".
# Decoded values follow core/text.py's rules: NUL breaks PostgreSQL's text columns, the
# other controls, format characters and separators print as nothing or garble the page.
# Only escapes ("\0", "\u200B") get them into a decoded value; the YAML reader refuses
# most raw ones.
# A bank is at most six levels deep (questions, a question, choices, a choice, a language).
MAX_DEPTH = 20
# How long the pure-Python loader may spend wording a syntax error libyaml found.
REWORD_SECONDS = 0.5


@dataclass
class ParsedYaml:
    data: object = None
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # The syntax error among the problems, which the pure-Python parser may word better.
    syntax_error: Problem | None = None

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The (line, column) of a path, or of its nearest ancestor that exists."""
        marks = self.key_marks if key else self.value_marks
        while path not in marks and path:
            if key and path in self.value_marks:
                return self.value_marks[path]
            path = path[:-1]
        return marks.get(path) or self.value_marks.get(path, (1, 1))


class _Report(Protocol):
    """Records a problem at a line and column, under the path of the value it concerns."""

    def __call__(self, line: int, column: int, template: str | Plural, /, *, path: Path = (),
                 **params: object) -> None: ...


class _Mark(Protocol):
    """A position in the text (PyYAML's and libyaml's marks alike), counted from 0."""

    line: int
    column: int


def dotted(path: Path) -> str:
    """``questions[3].choices.a.en`` for ("questions", 3, "choices", "a", "en")."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# libyaml's loader is ~20 times faster; the pure-Python one words syntax errors better,
# so it rewords the one libyaml found if it can within REWORD_SECONDS (event by event,
# never building nodes), and libyaml's words stand otherwise.
Loader = type[yaml.SafeLoader] | type[yaml.CSafeLoader]
FAST_LOADER: Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, filename: str, *, max_bytes: int) -> ParsedYaml:
    parsed = _parse(text, filename, max_bytes, FAST_LOADER)
    if parsed.syntax_error is not None and FAST_LOADER is not yaml.SafeLoader:
        worded = _syntax_error(text, filename, yaml.SafeLoader,
                               deadline=time.monotonic() + REWORD_SECONDS)
        if worded is not None:
            parsed.problems[parsed.problems.index(parsed.syntax_error)] = worded
    return parsed


class _TooSlow(Exception):
    pass


def _mark_at(mark: _Mark | None) -> tuple[int, int]:
    """(line, column) from 1 of a mark; the parser always sets one, a bare event has none."""
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _scan_events(text: str, loader_class: Loader, problem: _Report,
                 deadline: float | None = None) -> None:
    """Go through the parser's events (no nodes built): refuse anchors and aliases, and
    nesting past MAX_DEPTH, at the first one. Syntax errors propagate."""
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=loader_class)):
        if deadline is not None and count % 256 == 0 and time.monotonic() > deadline:
            raise _TooSlow
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            # The first one is enough: an alias bomb has thousands.
            problem(*_mark_at(event.start_mark),
                    N_("YAML anchors and aliases (& and *) are not allowed"))
            return
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                problem(*_mark_at(event.start_mark),
                        Nn_("nested more than %(limit)s level deep",
                            "nested more than %(limit)s levels deep", "limit"), limit=MAX_DEPTH)
                return
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


_PLAIN_RUN = re.compile(r"[^\[\]{}'\"#,:\-\n]+")
_DOUBLE_QUOTED_REST = re.compile(r'(?:[^"\\]|\\.)*"', re.S)
_SINGLE_QUOTED_REST = re.compile(r"(?:[^']|'')*'")


def _flow_too_deep(text: str) -> tuple[int, int] | None:
    """Where flow brackets ([ and {) first nest past MAX_DEPTH, by a scan of the raw text.

    libyaml's scanner reads about a thousand brackets ahead before its parser says a word,
    and the pure-Python one takes quadratic time doing the same, so "[" * 20000 is refused
    here, before either sees it. A bracket or quote counts where a token may start (at a
    line's start, after "[{,:" or "- "), or a bracket anywhere inside a flow: this
    over-counts rather than under-counts; the event check in _scan_events is the exact
    rule. Regular expressions skip plain text and quoted strings at C speed.
    """
    depth, token_start, position, end = 0, True, 0, len(text)
    while position < end:
        run = _PLAIN_RUN.match(text, position)
        if run:
            if not run.group().isspace():
                token_start = False
            position = run.end()
            continue
        char = text[position]
        if char == "#" and (position == 0 or text[position - 1] in " \t"):
            position = text.find("\n", position)
            if position < 0:
                break
            continue
        if char in "[{" and (token_start or depth):
            depth += 1
            if depth > MAX_DEPTH:
                line_start = text.rfind("\n", 0, position) + 1
                return text.count("\n", 0, position) + 1, position - line_start + 1
        elif char in "]}" and depth:
            depth -= 1
        elif char in "'\"" and token_start:
            rest = (_DOUBLE_QUOTED_REST if char == '"' else _SINGLE_QUOTED_REST).match(
                text, position + 1)
            if rest is None:
                return None  # a quote left open: the parser reports it, at once
            position, token_start = rest.end(), False
            continue
        token_start = (char == "\n" or char in ",:" or (char in "[{" and (token_start or depth > 0))
                       or (char == "-" and text[position + 1:position + 2] in ("", " ", "\n")))
        position += 1
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, filename: str) -> Problem:
    line, column = _mark_at(error.problem_mark or error.context_mark)
    return Problem(filename, line, column, "", N_("YAML syntax error: %(detail)s"),
                   {"detail": error.problem or error.context or "unreadable"})


def _syntax_error(text: str, filename: str, loader_class: Loader, *, deadline: float
                  ) -> Problem | None:
    """The syntax error as the pure-Python parser words it, if it finds it in time.

    libyaml's scanner reads ahead, so it may stop on its own nesting limit before the
    events reach ours; the pure-Python parser, going event by event, then names ours.
    """
    found: list[Problem] = []

    def problem(line: int, column: int, template: str | Plural, /, *, path: Path = (),
                **params: object) -> None:
        found.append(Problem(filename, line, column, "", template, params))

    try:
        _scan_events(text, loader_class, problem, deadline)
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(error, filename)
    except (_TooSlow, yaml.YAMLError, ValueError, OverflowError):
        return None
    return found[0] if found else None


def _parse(text: str, filename: str, max_bytes: int, loader_class: Loader) -> ParsedYaml:
    parsed = ParsedYaml()

    def problem(line: int, column: int, template: str | Plural, /, *, path: Path = (),
                **params: object) -> None:
        parsed.problems.append(Problem(filename, line, column, dotted(path), template, params))

    size = len(text.encode("utf-8"))
    if size > max_bytes:
        problem(1, 1, Nn_("file is %(size)s byte; the limit is %(limit)s",
                          "file is %(size)s bytes; the limit is %(limit)s", "size"),
                size=size, limit=max_bytes)
        return parsed
    # One search of the whole text first: the per-line pass (for the positions) only
    # runs when there is something to report.
    for line_no, line in enumerate(text.splitlines() if BIDI_CONTROLS.search(text) else (),
                                   start=1):
        for match in BIDI_CONTROLS.finditer(line):
            problem(line_no, match.start() + 1,
                    N_("bidi control character U+%(code)s is not allowed"),
                    code=f"{ord(match.group()):04X}")
    if where := _flow_too_deep(text):
        problem(*where, Nn_("nested more than %(limit)s level deep",
                            "nested more than %(limit)s levels deep", "limit"), limit=MAX_DEPTH)
        return parsed
    try:
        _scan_events(text, loader_class, problem)
        if parsed.problems:
            return parsed
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            if node is None:
                problem(1, 1, N_("the file is empty"))
                return parsed
            _index(node, (), parsed, problem, text)
            if parsed.problems:
                return parsed
            parsed.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        parsed.syntax_error = _syntax_problem(error, filename)
        parsed.problems.append(parsed.syntax_error)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        problem(1, 1, N_("YAML syntax error: %(detail)s"), detail=str(error))
    return parsed


def _check_characters(node: yaml.ScalarNode, path: Path, problem: _Report, text: str
                      ) -> None:
    """The typed-text rules (core/text.py) on a decoded value: escapes such as "\\u202E",
    "\\u200B" or "\\0" get a character past the check of the raw text."""
    value: str = node.value
    if value.isprintable() and (value.isascii() or not has_stacked_marks(value)):
        return  # the common case: C-speed passes only
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    raw = text[node.start_mark.index:node.end_mark.index]
    for found in text_problems(value, multiline=True):
        if found.kind == "bidi" and found.char in raw:
            continue  # a raw one is already reported at its own column
        problem(line, column, found.template, path=path, **found.params)


def _index(node: yaml.Node, path: Path, parsed: ParsedYaml, problem: _Report, text: str
           ) -> None:
    parsed.value_marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        _check_characters(node, path, problem, text)
    elif isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue  # a list or mapping as a key: the constructor says it is unhashable
            key: str = key_node.value
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            _check_characters(key_node, path + (key,), problem, text)
            if key in seen:
                problem(line, column, N_("duplicate key %(key)s"), key=repr(key))
                continue
            seen.add(key)
            child = path + (key,)
            parsed.key_marks[child] = (line, column)
            _index(value_node, child, parsed, problem, text)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _index(item, path + (position,), parsed, problem, text)
