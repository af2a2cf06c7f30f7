"""A figure asked directly where its sentence says what it measures: "وتبلغ رسوم الدخول
ريالين" -> «كم تبلغ رسوم الدخول؟», "The project cost $310 million" -> "How much did the
project cost?". Only a few shapes whose subject is named in full (a definite noun phrase,
never a pronoun such as "تكلفة إنشائه" or "It"); anything else keeps the cloze.
"""

import re

from .figures import Figure
from .sentences import Sentence

_W = r"[^\W\d_][\w\u064b-\u0652\u0640]*"
_DEFINITE = r"(?:و?ال[\w\u064b-\u0652\u0640]+)"
# What a figure measures, written before it.
_MEASURES = ("مساحة", "تكلفة", "كلفة", "عدد", "طول", "عرض", "ارتفاع", "عمق", "نسبة",
             "ميزانية", "قيمة", "حجم", "سعة", "قدرة", "رسوم", "سعر", "مدة", "وزن", "إنتاج")
_MEASURE = "(?:" + "|".join(_MEASURES) + ")"
_APPROX_AR = r"(?:(?:نحو|حوالي|حوالى|قرابة|زهاء|أكثر من|أقل من|ما يقارب)\s+)?"
_VERBS_AR = r"(?:بلغت|بلغ|تبلغ|يبلغ|وصلت|وصل|تصل|يصل|تجاوزت|تجاوز|يتجاوز|تتجاوز)"
_NAME_OF = rf"(?P<of>{_DEFINITE}(?:\s+{_DEFINITE}){{0,2}})"

_ARABIC = [
    # "وتبلغ رسوم الدخول ريالين", "وبلغت تكلفة المشروع 45 مليون"
    (re.compile(rf"(?:^|[\s،,])و?(?P<verb>{_VERBS_AR})\s+(?P<measure>{_MEASURE})\s+"
                rf"{_NAME_OF}\s+{_APPROX_AR}$"),
     "كم {verb} {measure} {of} وفق النص؟"),
    # "القاعة الرئيسية التي تبلغ مساحتها 620 مترًا مربعًا": a restrictive clause right
    # after its noun; after a comma ("جناح المغرب، الذي ...") the noun phrase may start
    # further back than its definite words.
    (re.compile(rf"(?:^|[\s،,]){_NAME_OF}\s+(?:الذي|التي)\s+(?:تبلغ|يبلغ)\s+"
                r"(?P<measure>مساحت|قيمت|طول|ارتفاع|سعت|تكلفت|كلفت|عمق)(?:ه|ها)"
                rf"(?:\s+الإجمالية)?\s+{_APPROX_AR}$"),
     "كم تبلغ {measure} {of} وفق النص؟"),
    # "ويمتد المتحف على مساحة 12 ألف متر مربع"
    (re.compile(rf"(?:^|[\s،,])و?(?:يمتد|تمتد|يقع|تقع|يقوم|تقوم)\s+{_NAME_OF}\s+على\s+"
                rf"مساحة\s+{_APPROX_AR}$"),
     "كم تبلغ مساحة {of} وفق النص؟"),
]
_ARABIC_AFTER = [
    # "أن ولاية منح تبعد نحو 150 كيلومترًا عن العاصمة مسقط"
    (re.compile(rf"(?:^|\s)(?:أن|إن)\s+(?P<subject>{_W}(?:\s+{_W})?)\s+(?P<verb>تبعد|يبعد)\s+"
                rf"{_APPROX_AR}$"),
     re.compile(rf"^\s*(?P<to>عن\s+{_DEFINITE}(?:\s+{_W})?)"),
     "كم {verb} {subject} {to} وفق النص؟"),
]
_ENGLISH = [
    # "The project cost $310 million", "The new bridge will cost about £4 billion"
    (re.compile(r"(?:^|[\s,])(?P<subject>[Tt]he(?: [a-z][\w-]*){1,2}) (?:will )?(?:cost|costs)"
                r" (?:about |around |nearly |more than |almost )?[$€£]?$"),
     "How much {did} {subject} cost, according to the text?"),
    # "The terminal covers 100 hectares"
    (re.compile(r"(?:^|[\s,])(?P<subject>[Tt]he(?: [a-z][\w-]*){1,2}) (?:covers|covered|"
                r"will cover) (?:about |around |nearly |more than |almost )?$"),
     "How large an area {does} {subject} cover, according to the text?"),
    # "the budget of the festival is £2 million", "the area of the park was 40 hectares"
    (re.compile(r"(?:^|[\s,])(?P<measure>[Tt]he (?:area|cost|length|budget|height|depth|"
                r"capacity|population)) of (?P<of>the(?: [a-z][\w-]*){1,2}) (?P<verb>is|was|"
                r"reached|stands at|will be) (?:about |around |nearly |more than |almost )?"
                r"[$€£]?$"),
     "What {verb} {measure} of {of}, according to the text?"),
]
# "The second phase employed 2,400 workers": how many workers did the second phase employ?
_COUNTING = re.compile(r"(?:^|[\s,])(?P<subject>[Tt]he(?: [a-z][\w-]*){1,2}) (?P<verb>employed|"
                       r"employs|drew|draws|attracted|attracts|trained|trains|welcomed|"
                       r"welcomes|received|receives) (?:about |around |nearly |more than |"
                       r"almost |some )?$")
_COUNTED_AFTER = re.compile(r"^ (?P<counted>[a-z]+s)\b(?! of\b)")
_BASE = {"employed": "employ", "employs": "employ", "drew": "draw", "draws": "draw",
         "attracted": "attract", "attracts": "attract", "trained": "train", "trains": "train",
         "welcomed": "welcome", "welcomes": "welcome", "received": "receive",
         "receives": "receive"}
_EN_VERB = {"is": "is", "was": "was", "reached": "was", "stands at": "is", "will be": "will be"}
_PRONOUN_END = re.compile(r"(?:ه|ها|هم|هما|هن)$")


def direct_question(document: str, sentence: Sentence, figure: Figure, language: str
                    ) -> str | None:
    """The figure asked as a question in the document's language, or None."""
    before = document[sentence.start:figure.start]
    after = document[figure.end:sentence.end]
    if language == "ar":
        return _arabic(before, after)
    return _english(before, after)


def _clean(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase).strip()


def _arabic(before: str, after: str) -> str | None:
    for pattern, frame in _ARABIC:
        match = pattern.search(before)
        if match is None:
            continue
        of = _clean(match.group("of"))
        if _PRONOUN_END.search(of.split()[-1]) and not of.split()[-1].startswith("ال"):
            return None
        of = re.sub(r"^و(?=ال)", "", of)
        parts = {key: _clean(value) for key, value in match.groupdict().items() if value}
        parts["of"] = of
        if "measure" in parts and parts["measure"].endswith("ت"):
            parts["measure"] = parts["measure"][:-1] + "ة"  # مساحتها -> مساحة
        return frame.format(**parts)
    for pattern, following, frame in _ARABIC_AFTER:
        match, tail = pattern.search(before), following.match(after)
        if match and tail:
            return frame.format(verb=match.group("verb"), subject=_clean(match.group(
                "subject")), to=_clean(tail.group("to")).rstrip("،,."))
    return None


def _english(before: str, after: str) -> str | None:
    counting, counted = _COUNTING.search(before), _COUNTED_AFTER.match(after)
    if counting and counted:
        verb = counting.group("verb")
        tense = "does" if verb.endswith("s") and verb != "employed" else "did"
        return (f"How many {counted.group('counted')} {tense} the"
                f"{counting.group('subject')[3:]} {_BASE[verb]}, according to the text?")
    for pattern, frame in _ENGLISH:
        match = pattern.search(before)
        if match is None:
            continue
        parts = {key: _clean(value) for key, value in match.groupdict().items() if value}
        subject = parts.get("subject", "")
        if subject:
            parts["subject"] = "the" + subject[3:]
        future = " will " in match.group(0)
        present = re.search(r"\b(?:costs|covers)\b", match.group(0)) is not None
        parts["did"] = "will" if future else "does" if present else "did"
        parts["does"] = "will" if future else "does" if present else "did"
        if "measure" in parts:
            parts["measure"] = "the" + parts["measure"][3:]
            parts["verb"] = _EN_VERB.get(parts["verb"], "is")
        return frame.format(**parts)
    return None
