"""The wording of drafted questions: the frame in both interface languages, the content
(the document's words, names and figures) in the document's language.

An Arabic document's English fields carry its Arabic words inside an English frame, as a
monolingual bank shows them; the teacher translates what should be read in English.
"""

FRAMES: dict[str, dict[str, str]] = {
    "figure": {"ar": "وفق النص، ما العدد الناقص في العبارة الآتية؟ «{clause}»",
               "en": "According to the text, what number is missing here? «{clause}»"},
    # A figure asked directly, in the other language's frame: the question itself is
    # in the document's language.
    "figure_direct": {"ar": "وفق النص: «{question}»",
                      "en": "According to the text: «{question}»"},
    "figure_statement": {"ar": "وفق النص: «{clause}»",
                         "en": "True or false, according to the text: «{clause}»"},
    "date": {"ar": "وفق النص، ما التاريخ الناقص في العبارة الآتية؟ «{clause}»",
             "en": "According to the text, which date is missing here? «{clause}»"},
    "order": {"ar": "رتّب ما يذكره النص من الأقدم إلى الأحدث.",
              "en": "Put what the text reports in order, earliest first."},
    "person": {"ar": "وفق النص، من الشخص الناقص في العبارة الآتية؟ «{clause}»",
               "en": "According to the text, who is missing here? «{clause}»"},
    "role": {"ar": "ما صفة {name} كما يذكرها النص؟",
             "en": "What is {name}'s role, according to the text?"},
    "roles": {"ar": "طابق كل شخص مع صفته كما يذكرها النص.",
              "en": "Match each person with their role in the text."},
    "place": {"ar": "وفق النص، ما المكان الناقص في العبارة الآتية؟ «{clause}»",
              "en": "According to the text, which place is missing here? «{clause}»"},
    "institution": {"ar": "وفق النص، ما المؤسسة الناقصة في العبارة الآتية؟ «{clause}»",
                    "en": "According to the text, which institution is missing here? "
                          "«{clause}»"},
    "event": {"ar": "وفق النص، ما الحدث الناقص في العبارة الآتية؟ «{clause}»",
              "en": "According to the text, which event is missing here? «{clause}»"},
    "event_place": {"ar": "طابق كل حدث مع مكانه كما يذكره النص.",
                    "en": "Match each event with its place in the text."},
    "quote": {"ar": "أكمل الكلمة الناقصة في هذا القول الوارد في النص: «{clause}»",
              "en": "Fill in the missing word of this statement quoted in the text: "
                    "«{clause}»"},
    "speaker": {"ar": "من قال في النص: «{clause}»؟",
                "en": "Who said this, in the text: «{clause}»?"},
}
EXPLANATIONS = {
    "ar": "الجواب: {answer}. يقول النص: «{quote}»",
    "en": "The answer: {answer}. The text says: «{quote}»",
}
STATEMENT_EXPLANATIONS = {
    True: {"ar": "العبارة صحيحة كما وردت في النص: «{quote}»",
           "en": "True, as the text says: «{quote}»"},
    False: {"ar": "العبارة خاطئة: يذكر النص {answer} لا {given}. «{quote}»",
            "en": "False: the text gives {answer}, not {given}. «{quote}»"},
}
BANK: dict[str, dict[str, str]] = {
    "title": {"ar": "مسودة أسئلة: {title}", "en": "Draft questions: {title}"},
    "description": {
        "ar": "أسئلة مقترحة آليًا من «{title}»، كل منها يستشهد بجملته من النص؛ "
              "تُراجع قبل النشر.",
        "en": "Questions drafted automatically from \"{title}\", each citing its sentence "
              "of the text; to be reviewed before publishing.{note}",
    },
}
NOTE_ARABIC_DOCUMENT = (" The English fields keep the Arabic document's words inside an "
                        "English frame: translate them where students read English.")
BLANK = "____"

# Where a question's frame and its content are in different languages, the frame says
# which language the quoted text is in: "According to the Arabic text ...".
_OTHER_LANGUAGE = {
    "en": [("according to the text", "according to the Arabic text"),
           ("According to the text", "According to the Arabic text"),
           ("in the text", "in the Arabic text"), ("what the text", "what the Arabic text")],
    "ar": [("وفق النص", "وفق النص الإنجليزي"), ("في النص", "في النص الإنجليزي"),
           ("يذكره النص", "يذكره النص الإنجليزي"), ("يذكرها النص", "يذكرها النص الإنجليزي")],
}


def name_the_language(text: str, frame_language: str, document_language: str) -> str:
    """The frame of ``text`` naming the document's language when it differs."""
    if frame_language == document_language:
        return text
    for plain, named in _OTHER_LANGUAGE[frame_language]:
        if plain in text:
            return text.replace(plain, named, 1)
    return text
