"""Reading YAML safely, with the line and column of every value.

Only what ``yaml.safe_load`` builds is ever built. Anchors and aliases are refused before
anything is constructed (so an "alias bomb" cannot expand), as are duplicate keys, which
``safe_load`` would silently overwrite.
"""

import re
from dataclasses import dataclass, field

import yaml

from .problems import N_, Nn_, Problem

Path = tuple[str | int, ...]

# Embedding, override and isolate controls: they can make text read differently from
# what it is ("Trojan Source"), so no bank may contain them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass
class ParsedYaml:
    data: object = None
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The (line, column) of a path, or of its nearest ancestor that exists."""
        marks = self.key_marks if key else self.value_marks
        while path not in marks and path:
            if key and path in self.value_marks:
                return self.value_marks[path]
            path = path[:-1]
        return marks.get(path) or self.value_marks.get(path, (1, 1))


def dotted(path: Path) -> str:
    """``questions[3].choices.a.en`` for ("questions", 3, "choices", "a", "en")."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# libyaml's loader is ~20 times faster; the pure-Python one words errors better, so a
# file that fails is read again with it for the message.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, filename: str, *, max_bytes: int) -> ParsedYaml:
    parsed = _parse(text, filename, max_bytes, FAST_LOADER)
    if parsed.problems and FAST_LOADER is not yaml.SafeLoader:
        return _parse(text, filename, max_bytes, yaml.SafeLoader)
    return parsed


def _parse(text: str, filename: str, max_bytes: int, loader_class) -> ParsedYaml:
    parsed = ParsedYaml()

    def problem(line: int, column: int, template: str, **params) -> None:
        parsed.problems.append(Problem(filename, line, column, "", template, params))

    size = len(text.encode("utf-8"))
    if size > max_bytes:
        problem(1, 1, Nn_("file is %(size)s byte; the limit is %(limit)s",
                          "file is %(size)s bytes; the limit is %(limit)s", "size"),
                size=size, limit=max_bytes)
        return parsed
    for line_no, line in enumerate(text.splitlines(), start=1):
        for match in BIDI_CONTROLS.finditer(line):
            problem(line_no, match.start() + 1,
                    N_("bidi control character U+%(code)s is not allowed"),
                    code=f"{ord(match.group()):04X}")
    try:
        for event in yaml.parse(text, Loader=loader_class):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                # The first one is enough: an alias bomb has thousands.
                mark = event.start_mark
                problem(mark.line + 1, mark.column + 1,
                        N_("YAML anchors and aliases (& and *) are not allowed"))
                break
        if parsed.problems:
            return parsed
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            if node is None:
                problem(1, 1, N_("the file is empty"))
                return parsed
            _index(node, (), parsed, problem)
            if parsed.problems:
                return parsed
            parsed.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem(line, column, N_("YAML syntax error: %(detail)s"),
                detail=error.problem or error.context or "unreadable")
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        problem(1, 1, N_("YAML syntax error: %(detail)s"), detail=str(error))
    return parsed


def _index(node, path: Path, parsed: ParsedYaml, problem) -> None:
    parsed.value_marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in seen:
                problem(line, column, N_("duplicate key %(key)s"), key=repr(key))
                continue
            seen.add(key)
            child = path + (key,)
            parsed.key_marks[child] = (line, column)
            _index(value_node, child, parsed, problem)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _index(item, path + (position,), parsed, problem)
