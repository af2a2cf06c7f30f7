"""Figures, dates and names as the drafter reads them, in Arabic and English."""

from decimal import Decimal

import pytest

from quizapp.drafting import GlossaryName
from quizapp.drafting.dates import find_dates, label
from quizapp.drafting.figures import find_figures, format_value
from quizapp.drafting.names import find_entities
from quizapp.drafting.sentences import split_sentences


@pytest.mark.parametrize(("text", "value", "magnitude", "unit", "approximate"), [
    ("تبلغ مساحته الإجمالية 620 متراً مربعاً.", "620", 1, "m2", False),
    ("بلغ حجم التبادل 44 مليار دولار.", "44", 10**9, "usd", False),
    ("أي نحو ٣٫٥ ملايين طن سنويًا.", "3.5", 10**6, "t", True),
    ("بقيمة مليارَي دولار.", "2", 10**9, "usd", False),
    ("وارتفعت الصادرات 12.5% هذا العام.", "12.5", 1, "percent", False),
    ("بلغت نسبة الامتلاء 31 في المئة فقط.", "31", 1, "percent", False),
    ("وقّع الجانبان خمسة وعشرين عقدًا.", "25", 1, None, False),
    ("بطول 280 كيلومترًا.", "280", 1, "km", False),
    ("بسعة 16 مليون متر مكعب.", "16", 10**6, "m3", False),
    ("يستقبل 500 ألف زائر.", "500", 10**3, None, False),
    ("The plant cost $1.2 billion.", "1.2", 10**9, "usd", False),
    ("It covers 9,200 square metres.", "9200", 1, "m2", False),
    ("about 30 per cent of the cargo", "30", 1, "percent", True),
    ("twelve farms were sold", "12", 1, None, False),
    ("a budget of £48 million", "48", 10**6, "gbp", False),
])
def test_figure_is_read_with_its_unit_and_magnitude(text, value, magnitude, unit, approximate):
    [figure] = find_figures(text)
    assert figure.value == Decimal(value)
    assert figure.magnitude == magnitude
    assert (figure.unit.key if figure.unit else None) == unit
    assert figure.approximate is approximate


@pytest.mark.parametrize("text", [
    "ويُعدّ السد الحادي عشر من نوعه.",  # an ordinal
    "a makerspace with 3D printers",
    "the festival ran until 9 March",
])
def test_what_is_not_a_figure(text):
    assert find_figures(text) == []


def test_figures_inside_dates_are_left_to_dates():
    text = "في 2 سبتمبر 2025 بلغ عدد الزوار 300 زائر."
    taken = [(d.start, d.end) for d in find_dates(text)]
    assert [f.value for f in find_figures(text, taken)] == [Decimal(300)]


def test_changed_figure_keeps_the_digits_of_the_document():
    assert format_value(Decimal("3.4"), "٣٫٥") == "٣٫٤"
    assert format_value(Decimal(4600), "9,200") == "4,600"
    assert format_value(Decimal(22), "44") == "22"


@pytest.mark.parametrize(("text", "year", "month", "day", "precision"), [
    ("افتُتح في 2 سبتمبر 2025، بحضور", 2025, 9, 2, "day"),
    ("عُقدت القمة في 17 حزيران 2025 في أستانا", 2025, 6, 17, "day"),
    ("في 9 تشرين الأول 2024 وضع الوزير", 2024, 10, 9, "day"),
    ("في 17 حزيران/يونيو 2025 عُقدت", 2025, 6, 17, "day"),
    ("أُطلقت المرحلة الأولى في فبراير 2021.", 2021, 2, None, "month"),
    ("وفي عام 2022 زار الرئيس أستانا.", 2022, None, None, "year"),
    ("هددت المخطوطات منذ ثمانينيات القرن الماضي.", 1980, None, None, "decade"),
    ("تعود إلى الستينيات.", 1960, None, None, "decade"),
    ("أُسست عام 480 قبل الميلاد.", -480, None, None, "year"),
    ("on 4 March 2025, six years later", 2025, 3, 4, "day"),
    ("On September 2, 2025 the centre opened", 2025, 9, 2, "day"),
    ("first drawn up in the 1970s", 1970, None, None, "decade"),
    ("built Fort Jesus in 1593.", 1593, None, None, "year"),
    ("arrived in 300 BC", -300, None, None, "year"),
])
def test_date_is_read(text, year, month, day, precision):
    [date] = find_dates(text)
    assert (date.year, date.month, date.day, date.precision) == (year, month, day, precision)


@pytest.mark.parametrize(("text", "gregorian"), [
    ("بُني المسجد في 15 رمضان 1445 هـ.", (2024, 3, 25)),
    ("مع الرابع من جمادى الأولى 1446 هـ", (2024, 11, 6)),
    ("بدأ العام في 1 محرم 1446 هـ", (2024, 7, 7)),
])
def test_hijri_date_is_converted_to_gregorian(text, gregorian):
    [date] = find_dates(text)
    assert (date.year, date.month, date.day) == gregorian
    assert "هـ" in label(date, "ar") and "AH" in label(date, "en")


@pytest.mark.parametrize(("text", "first_year", "shown"), [
    ("أُنشئت البركة عام 1310 هـ لتخزين المياه.", 1892, "1310 هـ (1892–1893)"),  # by the mean year
    ("وُلد عام ١٤٤٥ ه في مكة.", 2023, "1445 هـ (2023–2024)"),  # by the Umm al-Qura tables
    ("أسسته فاطمة الفهرية عام 245 هـ.", 859, "245 هـ (859–860)"),
])
def test_hijri_year_alone_is_converted_to_the_years_it_spans(text, first_year, shown):
    [date] = find_dates(text)
    assert date.year == first_year and date.hijri[1:] == (None, None)
    assert label(date, "ar") == shown


def test_a_count_is_not_a_year():
    assert find_dates("بلغ عدد الطلاب 2025 طالبًا.") == []


def test_labels_follow_the_levantine_names_when_asked():
    [date] = find_dates("في 9 تشرين الأول 2024")
    assert label(date, "ar", levantine=True) == "9 تشرين الأول 2024"
    assert label(date, "ar") == "9 أكتوبر 2024"
    assert label(date, "en") == "9 October 2024"


def _people(text, glossary=()):
    return {e.ar: e.role_ar for e in find_entities(text, glossary) if e.kind == "person"}


@pytest.mark.parametrize(("text", "name", "role"), [
    ("وافتتحت وزيرة التخطيط والتنمية الاقتصادية الدكتورة هالة السعيد المؤتمر.",
     "هالة السعيد", "وزيرة التخطيط والتنمية الاقتصادية"),
    ("بحضور الرئيس عبد الفتاح السيسي.", "عبد الفتاح السيسي", "الرئيس"),
    ("وأوضح مدير المكتبة الدكتور عبد الرحيم الإدريسي أن الرقمنة ستكتمل.",
     "عبد الرحيم الإدريسي", "مدير المكتبة"),
    ("وأكد محمد علي، مدير المتحف المصري الكبير، أن المعرض سيفتتح.",
     "محمد علي", "مدير المتحف المصري الكبير"),
    ("ويرى الخبير المائي الدكتور إلياس سلامة، أستاذ الهيدرولوجيا.", "إلياس سلامة",
     "الخبير المائي"),
    ("بحضور سفير المغرب لدى الإمارات يوسف العلوي.", "يوسف العلوي",
     "سفير المغرب لدى الإمارات"),
    ("Minister of Culture Aida Balayeva met the press.", "Aida Balayeva", "Minister of Culture"),
    ("Council leader Fiona McAllister cut the ribbon.", "Fiona McAllister", "Council leader"),
    ("The head librarian, Dr Samuel Okafor, said so.", "Samuel Okafor", "head librarian"),
])
def test_person_is_found_with_the_role_the_text_gives(text, name, role):
    assert _people(text).get(name) == role


def test_glossary_names_are_found_behind_joined_prefixes():
    glossary = [GlossaryName("person", "شي جين بينغ", "Xi Jinping"),
                GlossaryName("person", "قاسم جومارت توكاييف", "Kassym-Jomart Tokayev",
                             ("توقايف",))]
    found = {e.en for e in find_entities("التقى توقايف وشي جين بينغ في أستانا.", glossary)}
    assert {"Xi Jinping", "Kassym-Jomart Tokayev", "Astana"} <= found


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("وموّل المشروع البنك الأوروبي لإعادة الإعمار والتنمية.", "institution",
     "البنك الأوروبي لإعادة الإعمار والتنمية"),
    ("أستاذ التاريخ في جامعة سيدي محمد بن عبد الله.", "institution",
     "جامعة سيدي محمد بن عبد الله"),
    ("وتنفذ المشروع شركة المقاولون العرب بإشراف سلطة وادي الأردن.", "institution",
     "سلطة وادي الأردن"),
    ("تستضيف أسوان منتدى أفريقيا للطاقة النظيفة.", "event", "منتدى أفريقيا للطاقة النظيفة"),
    ("ضم الفريق حرفيين من فاس ومكناس.", "place", "مكناس"),
    ("a depot in Leith Walk and", "place", "Leith Walk"),
    ("a lecturer at the University of Nairobi said", "institution", "University of Nairobi"),
])
def test_named_things_are_found(text, kind, name):
    assert name in {e.ar for e in find_entities(text) if e.kind == kind}


def test_floods_are_not_seoul():
    assert not [e for e in find_entities("لحماية الأغوار من السيول.") if e.kind == "place"]


def test_sentences_keep_their_place_and_respect_abbreviations_and_quotes():
    text = ("وقال د. أحمد إن المساحة 620.5 متراً. وقال الرئيس: «هذا يوم تاريخي. إنه جسر». "
            "وأودت بحياة 12 شخصًا. وقد أُرجئ المشروع\nDr. Smith met U.S. officials. Then left.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "وقال د. أحمد إن المساحة 620.5 متراً.", "وقال الرئيس: «هذا يوم تاريخي. إنه جسر».",
        "وأودت بحياة 12 شخصًا.", "وقد أُرجئ المشروع", "Dr. Smith met U.S. officials.",
        "Then left."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_list_of_places_is_found_from_one_known_place_but_not_a_person_after_it():
    glossary = [GlossaryName("person", "قاسم جومارت توكاييف", "Kassym-Jomart Tokayev")]
    text = ("Delegations came from Egypt, Niger and Burkina Faso. In 2022, during a visit to "
            "Astana, Kassym-Jomart Tokayev met them.")
    places = {e.en for e in find_entities(text, glossary) if e.kind == "place"}
    assert places == {"Egypt", "Niger", "Burkina Faso", "Astana"}


def test_an_english_document_shows_glossary_names_in_arabic_in_arabic_fields(glossary):
    from quizapp.drafting import SourceText, draft_bank

    text = ("On 2 September 2025 President Kassym-Jomart Tokayev opened the centre in Beijing. "
            "Minister of Culture Aida Balayeva and Minister of Tourism Sun Yeli attended. "
            "In 2022 Kassym-Jomart Tokayev and Xi Jinping agreed in Astana.")
    result = draft_bank(SourceText("kcc-en", "en", text), glossary, bank_slug="kcc-en")
    who = next(q for q in result.bank["questions"] if q["type"] == "single_choice"
               and q["tags"][0] == "person" and "who" in q["prompt"]["en"])
    right = who["choices"][who["answer"]]
    assert right == {"ar": "قاسم جومارت توكاييف", "en": "Kassym-Jomart Tokayev"}
