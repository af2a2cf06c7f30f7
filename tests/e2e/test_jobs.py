"""A job's page follows the job by itself; a student's progress page says what their
memory model learnt. Both languages, phone and desktop widths."""

import os
import shutil

import pytest
from sqlalchemy import update

from quizapp.core.models import Job
from quizapp.extensions import db
from quizapp.study import tasks

from ..study.conftest import forgetful_parameters, simulated_reviews, store_reviews
from .conftest import check, log_in

pytestmark = pytest.mark.browser
# Where people reviewing the pages want the screenshots too (test-artifacts/ always).
SHOTS = os.environ.get("JOB_SHOTS_DIR")


def _keep(path, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        shutil.copy(path, os.path.join(SHOTS, f"{name}.png"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_job_page_follows_a_running_job_to_its_download(lang, loaded_app, live_server,
                                                            people, page, screenshot):
    with loaded_app.app_context():
        job = Job(kind="class_report", owner_id=people["student_id"], state="running",
                  progress_done=120, progress_total=300)
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    log_in(page, live_server, "sara", lang)
    page.goto(f"{live_server}/jobs/{job_id}")
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.locator("progress").get_attribute("value") == "40"
    check(page, f"job-running-{lang}", screenshot)
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        _keep(screenshot(f"job-running-{lang}-{width}"), f"job-running-{lang}-{width}")
    with loaded_app.app_context():
        db.session.execute(update(Job).where(Job.id == job_id).values(
            state="done", message_key="The class's results are ready to download.",
            message_params={}, result_name="class-results.csv", result_mimetype="text/csv",
            result_data=b"a\n"))
        db.session.commit()
    ready = "نتائج الصف جاهزة للتنزيل." if lang == "ar" else \
        "The class's results are ready to download."
    # No reload: the page's script swaps the finished status in.
    page.get_by_text(ready).wait_for(timeout=10_000)
    assert page.locator(f"a[href='/jobs/{job_id}/download']").is_visible()
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        _keep(screenshot(f"job-done-{lang}-{width}"), f"job-done-{lang}-{width}")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_progress_page_shows_what_the_memory_model_learnt(lang, loaded_app, live_server,
                                                               people, page, screenshot):
    with loaded_app.app_context():
        store_reviews(people["student_id"],
                      simulated_reviews(forgetful_parameters(), cards=60, days=150))
        assert tasks.request_fit(people["student_id"]).state == "done"
    log_in(page, live_server, "sara", lang)
    page.goto(f"{live_server}/progress")
    section = page.locator("#memory-model")
    heading = "نموذج ذاكرتك" if lang == "ar" else "Your memory model"
    assert section.locator("h2").inner_text() == heading
    assert ("يبتعد عن الواقع بفارق" if lang == "ar" else "was off by") in section.inner_text()
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        section.scroll_into_view_if_needed()
        path = screenshot(f"memory-model-{lang}-{width}")
        _keep(path, f"progress-{lang}-{width}")
        section.screenshot(path=str(path.with_name(f"memory-model-section-{lang}-{width}.png")))
        _keep(path.with_name(f"memory-model-section-{lang}-{width}.png"),
              f"memory-model-{lang}-{width}")
