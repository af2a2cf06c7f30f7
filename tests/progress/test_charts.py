"""The charts' layout and labels: weeks and months of the heatmap, readable dates on
both axes in both languages, numbers in the page's digits."""

import re
from datetime import UTC, date, datetime, timedelta

from fsrs import Rating
from sqlalchemy import select

from quizapp.accounts.models import User
from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.progress.charts import heat_level, heatmap_layout, tick_positions
from quizapp.study import services

from ..people import login
from ..study.conftest import PASSWORD


def days(first: date, count: int) -> list[tuple[date, int]]:
    return [(first + timedelta(days=n), n % 3) for n in range(count)]


def test_heatmap_weeks_start_on_the_locales_first_weekday_and_name_months():
    series = days(date(2026, 5, 27), 40)  # a Wednesday; June starts on a Monday
    layout = heatmap_layout(series, first_weekday=0)
    assert layout.weekdays == [0, 1, 2, 3, 4, 5, 6]
    first = layout.weeks[0]
    assert [cell.day for cell in first.days[:2]] == [None, None]  # Monday, Tuesday: padding
    assert first.days[2].day == date(2026, 5, 27)
    assert first.month is None  # May has only five days left: no label to collide
    assert layout.weeks[1].month == date(2026, 6, 1)
    assert all(len(week.days) == 7 for week in layout.weeks[:-1])
    assert sum(cell.day is not None for week in layout.weeks for cell in week.days) == 40
    assert layout.weeks[-1].month is layout.weeks[-2].month is None  # no room at the end


def test_heatmap_rows_follow_a_sunday_first_week():
    layout = heatmap_layout(days(date(2026, 3, 2), 14), first_weekday=6)
    assert layout.weekdays == [6, 0, 1, 2, 3, 4, 5]
    assert layout.weeks[0].month == date(2026, 3, 2)  # early in its month: labelled
    assert layout.weeks[0].days[1].day == date(2026, 3, 2)  # a Monday, second row


def test_heat_levels_and_ticks():
    assert [heat_level(v, 8) for v in (0, 1, 4, 8)] == [0, 1, 2, 4]
    assert tick_positions(30, 7) == {0, 7, 14, 21}
    assert tick_positions(12, 4) == {0, 4, 8}


def progress_page(loaded_app, lang, numerals=None) -> str:
    from quizapp.accounts.services import NewAccount, register

    with loaded_app.app_context():
        user = register(NewAccount(username="huda", display_name="Huda", password=PASSWORD,
                                   locale=lang))
        student = db.session.get(User, user.id)
        student.numerals = numerals
        # One review: a student with no history sees a guide instead of the charts.
        question = db.session.scalar(select(Question).order_by(Question.id).limit(1))
        services.add_study_bank(student, question.bank)
        services.record_review(student, question, Rating.Good, now=datetime.now(UTC),
                               reviews_seen=0, fuzzing=False)
        db.session.commit()
    client = loaded_app.test_client()
    assert login(client, "huda", PASSWORD).status_code == 303
    client.set_cookie("lang", lang)
    return client.get("/progress").get_data(as_text=True)


def x_ticks(html: str) -> list[str]:
    return [re.findall(r"<span>([^<]+)</span>", block)
            for block in re.findall(r'<div class="x-ticks"[^>]*>(.*?)</div>', html)]


def test_english_axes_read_as_words_not_slashes(loaded_app):
    html = progress_page(loaded_app, "en")
    forecast, retention = x_ticks(html)
    today = date.today()
    assert forecast[0] == f"{today:%b} {today.day}"  # "Dec 1", never "12/1/26"
    assert len(forecast) == 4 and len(retention) == 3
    assert not re.search(r"\d+/\d+/\d+", html)
    assert ">Cards due<" in html and ">Day<" in html and ">Week of<" in html
    assert re.search(r'<span class="weekday">Mon</span>', html)
    assert re.search(r'<span class="month">[A-Z][a-z]{2}</span>', html)


def test_arabic_axes_with_arabic_indic_digits(loaded_app):
    html = progress_page(loaded_app, "ar", numerals="arab")
    forecast, _ = x_ticks(html)
    assert re.fullmatch(r"[٠-٩]{1,2} \w+", forecast[0])  # "١ ديسمبر"
    assert ">البطاقات المستحقة<" in html
    assert '<span class="weekday">الاثنين</span>' in html
    assert "<span>١٠٠٪</span>" in html.replace("\u200e", "")  # the retention scale
    with loaded_app.app_context():
        assert db.session.scalar(db.select(User.numerals).where(User.username == "huda"))
