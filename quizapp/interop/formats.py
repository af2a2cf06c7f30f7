"""The export formats by name, as the command line and the pages spell them."""

from .anki import write_apkg
from .delimited import write_anki_csv, write_quizlet
from .gift import write_gift
from .moodle import write_moodle_xml
from .services import Format

FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("apkg", "apkg", "application/apkg", True, write_apkg),
    Format("csv", "anki.txt", "text/tab-separated-values; charset=utf-8", True, write_anki_csv),
    Format("quizlet", "quizlet.txt", "text/tab-separated-values; charset=utf-8", True,
           write_quizlet),
    Format("moodle-xml", "moodle.xml", "application/xml", False, write_moodle_xml),
    Format("gift", "gift.txt", "text/plain; charset=utf-8", False, write_gift),
)}
