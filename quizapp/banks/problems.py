"""What the validator reports: a problem at a place in a file, in the reader's language."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple


class Plural(NamedTuple):
    """A message whose wording depends on a number: ``params[count]`` chooses the form."""

    singular: str
    plural: str
    # Not ``count``: that would hide tuple.count, which every NamedTuple has.
    count_key: str


def Nn_(singular: str, plural: str, count_key: str = "n") -> Plural:  # noqa: N802
    """Marks a plural message for extraction (``-k Nn_:1,2``); Arabic has six forms."""
    return Plural(singular, plural, count_key)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    template: str | Plural
    params: Mapping[str, object] = field(default_factory=dict, compare=False)

    def message(self, gettext: Callable[[str], str] | None = None,
                ngettext: Callable[..., str] | None = None) -> str:
        template = self.template
        if isinstance(template, Plural):
            number = self.params[template.count_key]
            assert isinstance(number, int)
            if ngettext:
                # Flask-Babel's ngettext fills %(num)s itself; named params still apply.
                return ngettext(template.singular, template.plural, number, **self.params)
            return (template.singular if number == 1 else template.plural) % self.params
        template = gettext(template) if gettext else template
        return template % self.params if self.params else template

    def format(self, gettext: Callable[[str], str] | None = None,
               ngettext: Callable[..., str] | None = None) -> str:
        """``file:line:column: field.path: message``, the form every editor can jump to."""
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message(gettext, ngettext)}"

    def __str__(self) -> str:
        return self.format()
