"""Text as other programs write it (HTML, Moodle's multilang spans) split by language."""

import html
import re

from ...questions.imported import Texts

# <span lang="ar" class="multilang">...</span>, attributes in either order.
_SPAN = re.compile(
    r"<span\b(?=[^>]*\bclass=[\"']multilang[\"'])[^>]*\blang=[\"']([a-zA-Z_-]+)[\"'][^>]*>"
    r"(.*?)</span>", re.DOTALL | re.IGNORECASE)
# Moodle's other filter: {mlang ar}...{mlang}
_MLANG = re.compile(r"\{mlang\s+([a-zA-Z_-]+)\}(.*?)\{mlang\}", re.DOTALL | re.IGNORECASE)
_BREAK = re.compile(r"<\s*(br|/?p|/?div|/?li|/?blockquote|/?[ou]l)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")


def plain(markup: str) -> str:
    """HTML as the text a reader sees: tags dropped, entities read, spacing tidied."""
    text = _TAG.sub("", _BREAK.sub(" ", markup))
    return " ".join(html.unescape(text).split())


def language_of(text: str) -> str:
    """"ar" when the text is mostly Arabic script, otherwise "en"."""
    return "ar" if len(_ARABIC.findall(text)) >= len(_LATIN.findall(text)) and \
        _ARABIC.search(text) else "en"


def by_language(markup: str) -> Texts:
    """{"ar": ..., "en": ...} from multilang spans; a text without them is put under the
    language its script says (numbers alone count as both, being the same in each)."""
    found: Texts = {}
    for pattern in (_SPAN, _MLANG):
        for lang, part in pattern.findall(markup):
            lang = lang.lower().split("_")[0].split("-")[0]
            if lang in ("ar", "en") and lang not in found:
                found[lang] = plain(part)
        if found:
            return {lang: text for lang, text in found.items() if text}
    text = plain(markup)
    if not text:
        return {}
    if not _ARABIC.search(text) and not _LATIN.search(text):
        return {"ar": text, "en": text}
    return {language_of(text): text}
