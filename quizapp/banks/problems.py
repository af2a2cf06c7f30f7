"""What the validator reports: a problem at a place in a file, in the reader's language."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated when shown (see Problem.message)."""
    return message


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    template: str
    params: Mapping[str, object] = field(default_factory=dict, compare=False)

    def message(self, gettext: Callable[[str], str] | None = None) -> str:
        template = gettext(self.template) if gettext else self.template
        return template % self.params if self.params else template

    def format(self, gettext: Callable[[str], str] | None = None) -> str:
        """``file:line:column: field.path: message``, the form every editor can jump to."""
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message(gettext)}"

    def __str__(self) -> str:
        return self.format()
