"""draft_bank as the documents pages call it: plain data in, a valid bank out."""

from quizapp.drafting import DraftResult, SourceText, detect_language, draft_bank

ARTICLE = (
    "افتتح رئيس الوزراء الدكتور كريم عبد الحميد في 11 نوفمبر 2024 محطة للطاقة الشمسية "
    "في محافظة أسوان بقدرة 850 ميغاواط، بتمويل من البنك الأوروبي لإعادة الإعمار والتنمية.\n"
    "وقالت وزيرة الكهرباء المهندسة نادية فؤاد: «الشمس هي النفط الذي لا ينضب في الجنوب».\n"
    "وتعود الفكرة إلى ثمانينيات القرن الماضي، حين أجرت هيئة الطاقة الجديدة أولى دراساتها، "
    "وقد ذكرها مخطوط يعود إلى عام 1310 هـ.\n"
)


def test_result_carries_bank_yaml_and_counts(problems_of):
    result = draft_bank(SourceText("solar", "ar", ARTICLE, title_ar="محطة أسوان"),
                        bank_slug="solar-draft")
    assert isinstance(result, DraftResult)
    assert result.bank["slug"] == "solar-draft" and result.bank["sources"] == ["solar"]
    assert "محطة أسوان" in result.bank["title"]["ar"]
    assert "\\u" not in result.yaml and "محطة" in result.yaml  # Arabic as it is written
    assert sum(result.counts.values()) == len(result.bank["questions"])
    assert {"figure", "date", "person"} <= set(result.counts)
    assert problems_of(result.yaml, "solar", ARTICLE) == []


def _has_key(value, key):
    if isinstance(value, dict):
        return key in value or any(_has_key(child, key) for child in value.values())
    if isinstance(value, list):
        return any(_has_key(child, key) for child in value)
    return False


def test_a_monolingual_bank_declares_its_language_and_writes_only_its_fields(problems_of):
    result = draft_bank(SourceText("solar", "ar", ARTICLE), bank_slug="solar-ar",
                        languages=("ar",))
    assert result.bank["languages"] == ["ar"]
    assert list(result.bank)[:2] == ["slug", "languages"]
    assert not _has_key(result.bank, "en") and not _has_key(result.bank, "quote_en")
    assert "languages:\n- ar\n" in result.yaml
    assert problems_of(result.yaml, "solar", ARTICLE) == []


def test_an_english_only_bank_of_an_english_document(problems_of):
    text = ("On 2 September 2025 Minister of Culture Aida Balayeva opened the centre in "
            "Beijing. It covers 9,200 square metres and cost $12 million.")
    result = draft_bank(SourceText("centre", "en", text), bank_slug="centre-en",
                        languages=("en",))
    assert result.bank["languages"] == ["en"]
    assert not _has_key(result.bank, "ar") and result.bank["questions"]
    assert problems_of(result.yaml, "centre", text) == []


def test_english_frame_names_the_arabic_text():
    result = draft_bank(SourceText("solar", "ar", ARTICLE), bank_slug="solar-en")
    numeric = next(q for q in result.bank["questions"] if q["type"] == "numeric")
    assert numeric["prompt"]["en"].startswith("According to the Arabic text")
    assert numeric["prompt"]["ar"].startswith("وفق النص،")


def test_each_question_cites_a_sentence_of_the_document():
    result = draft_bank(SourceText("solar", "ar", ARTICLE), bank_slug="solar-q")
    ids = [q["id"] for q in result.bank["questions"]]
    assert len(ids) == len(set(ids)) and all(i.startswith("solar-q-") for i in ids)
    assert all(q["source"]["quote"] in ARTICLE for q in result.bank["questions"])


def test_glossary_spelling_replaces_a_variant_outside_quotes(glossary, problems_of):
    text = "استقبل الرئيس توقايف في أستانا وزير الخارجية وانغ يي في 3 مارس 2024."
    result = draft_bank(SourceText("visit", "ar", text), glossary, bank_slug="visit-draft")
    assert problems_of(result.yaml, "visit", text) == []
    for question in result.bank["questions"]:
        prompt = question.get("prompt", {}).get("ar", "")
        assert "توقايف" not in prompt


def test_language_is_told_by_the_script():
    assert detect_language(ARTICLE) == "ar"
    assert detect_language("The centre opened on 2 September 2025 in Beijing.") == "en"


def test_a_place_inside_a_state_name_is_not_blanked_there():
    text = ("عُثر على المستوطنة في وادي القرى شمال غرب المملكة العربية السعودية. "
            "وزار الفريق السعودية والأردن ومصر في 3 مارس 2024.")
    result = draft_bank(SourceText("saudi", "ar", text), bank_slug="saudi")
    prompts = [q["prompt"]["ar"] for q in result.bank["questions"] if "prompt" in q]
    assert not any("المملكة العربية ____" in prompt for prompt in prompts)


def test_a_long_draft_is_cut_to_the_limit_with_every_kind_kept(problems_of):
    long_article = "\n".join(ARTICLE.replace("850", str(850 + i)) for i in range(10))
    full = draft_bank(SourceText("long", "ar", long_article), bank_slug="long")
    cut = draft_bank(SourceText("long", "ar", long_article), bank_slug="long",
                     max_questions=20)
    assert len(full.bank["questions"]) > 20 == len(cut.bank["questions"])
    assert set(cut.counts) == set(full.counts) and sum(cut.counts.values()) == 20
    assert problems_of(cut.yaml, "long", long_article) == []


def test_repeated_sentences_give_their_questions_once():
    once = draft_bank(SourceText("r", "ar", ARTICLE), bank_slug="r")
    twice = draft_bank(SourceText("r", "ar", ARTICLE + ARTICLE), bank_slug="r")
    assert len(twice.bank["questions"]) <= len(once.bank["questions"]) + 2


def test_a_direction_mark_in_a_sentence_does_not_stop_it_being_asked(problems_of):
    text = "وفي عام 2020\u200f بلغ عدد الطلاب 300 طالب في مدينة فاس."
    result = draft_bank(SourceText("rlm", "ar", text), bank_slug="rlm")
    assert result.counts.get("figure") and problems_of(result.yaml, "rlm", text) == []
    assert all("\u200f" not in q["source"]["quote"] for q in result.bank["questions"])


def test_a_document_with_nothing_to_ask_gives_no_questions():
    assert draft_bank(SourceText("e", "ar", "مرحبا بكم."), bank_slug="e").bank["questions"] == []


def test_events_are_matched_with_their_places(problems_of):
    text = ("وتستضيف أسوان منتدى أفريقيا للطاقة النظيفة في مارس 2025.\n"
            "وعُقد مؤتمر المياه العربي في عمّان عام 2023.\n"
            "وسيُقام معرض الكتاب الدولي في الرباط في مايو 2026.")
    result = draft_bank(SourceText("events", "ar", text), bank_slug="events")
    matching = [q for q in result.bank["questions"] if q["type"] == "matching"]
    assert matching, result.yaml
    pairs = {p["left"]["ar"]: p["right"]["ar"] for p in matching[0]["pairs"]}
    assert pairs["منتدى أفريقيا للطاقة النظيفة"] == "أسوان"
    assert pairs["مؤتمر المياه العربي"] == "عمّان"
    assert problems_of(result.yaml, "events", text) == []


def test_ordering_items_lose_the_whole_date_phrase():
    text = ("أقيم المعرض من 6 إلى 17 نوفمبر 2024 في مركز إكسبو الشارقة.\n"
            "وتزامن افتتاح الدورة هذا العام مع الرابع من جمادى الأولى 1446 هـ.\n"
            "وتعود بدايات المعرض إلى عام 1982.\nوستُقام الدورة المقبلة في نوفمبر 2025.")
    result = draft_bank(SourceText("fair", "ar", text), bank_slug="fair")
    [ordering] = [q for q in result.bank["questions"] if q["type"] == "ordering"]
    items = [item["ar"] for item in ordering["items"]]
    assert items[0] == "تعود بدايات المعرض"
    assert "أقيم المعرض في مركز إكسبو الشارقة" in items
    assert "تزامن افتتاح الدورة هذا العام" in items


def test_true_or_false_statements_are_not_all_false():
    text = ("بلغت المساحة 620 متراً مربعاً، والقاعة 340 متراً مربعاً، والحديقة 900 متر مربع.\n"
            "وكلّف المشروع 44 مليون دولار، ووظّف 120 عاملًا.")
    result = draft_bank(SourceText("tf", "ar", text), bank_slug="tf")
    answers = [q["answer"] for q in result.bank["questions"] if q["type"] == "true_false"]
    assert True in answers and False in answers
    for question in result.bank["questions"]:
        if question["type"] == "true_false" and question["answer"]:
            statement = question["prompt"]["ar"].removeprefix("وفق النص: «").rstrip("»")
            assert statement in text


def test_a_variant_inside_a_longer_name_becomes_the_chosen_word_only(glossary, problems_of):
    text = ("ينطلق الخط من مدينة كاشغر في منطقة شينجيانج ذاتية الحكم لقومية الويغور في الصين "
            "في 3 مارس 2024، ويعبر ممر توروجارت إلى قيرغيزستان وكازاخستان.")
    result = draft_bank(SourceText("xj", "ar", text), glossary, bank_slug="xj")
    assert problems_of(result.yaml, "xj", text) == []
    assert "منطقة منطقة" not in result.yaml
    assert "منطقة شينجيانغ ذاتية الحكم لقومية الويغور" in result.yaml


def test_a_duration_in_years_is_not_a_date():
    text = "سافر الرحالة غربًا إلى آسيا الوسطى قبل أكثر من 2100 عام، في عام 139 قبل الميلاد."
    result = draft_bank(SourceText("d", "ar", text), bank_slug="d")
    numeric = [q for q in result.bank["questions"] if q["type"] == "numeric"]
    assert [q["answer"] for q in numeric] == [2100]


def test_a_name_in_quotation_marks_is_not_a_statement_someone_made():
    text = ("دشن الرئيس قاسم جومارت توكاييف والرئيس شي جين بينغ في يوليو 2024 "
            "\"طريق الصين-أوروبا السريع عبر بحر قزوين\" بهدف ربط آسيا بأوروبا.\n"
            "وقال الوزير المهندس سامي الخطيب: «هذا الطريق يختصر زمن الشحن إلى النصف».")
    result = draft_bank(SourceText("road", "ar", text), bank_slug="road")
    fronts = [q["front"]["ar"] for q in result.bank["questions"] if q["type"] == "flashcard"]
    assert len(fronts) == 1 and "يختصر زمن الشحن" in fronts[0]


def test_a_blank_in_a_list_keeps_enough_words_around_it():
    text = ("وهذه المؤسسات تتمثل في مركز التعاون للحد من الفقر، ومركز التعاون للتبادلات "
            "التعليمية، ومركز التعاون لمكافحة التصحر، وتأسست في عام 2024.")
    result = draft_bank(SourceText("list", "ar", text), bank_slug="list")
    for question in result.bank["questions"]:
        prompt = question.get("prompt", {}).get("ar", "")
        if "____" in prompt:
            clause = prompt.split("«", 1)[1]
            assert len(clause.replace("____", " ").split()) >= 5, prompt


def test_a_changed_figure_never_repeats_another_figure_of_its_sentence():
    text = ("The port expects to handle 45 million tonnes of cargo this year, up from 35 million "
            "tonnes in 2023, and 30 million tonnes in 2020.")
    result = draft_bank(SourceText("port", "en", text), bank_slug="port")
    for question in result.bank["questions"]:
        if question["type"] == "true_false" and not question["answer"]:
            assert question["prompt"]["en"].count("45 million") <= 1
            assert question["prompt"]["en"].count("35 million") <= 1


def test_a_compass_word_stays_with_its_place():
    from quizapp.drafting.names import find_entities

    places = {e.en for e in find_entities("from Uganda, Rwanda and South Sudan.")
              if e.kind == "place"}
    assert "South Sudan" in places and "Sudan" not in places
