"""Long work leaves the request: a large bank, a large import and a big class's export
each run as a job, whose page shows the outcome and whose result only its owner reaches."""

import re

from sqlalchemy import func, select

from quizapp.banks.models import Bank
from quizapp.core.models import Job
from quizapp.extensions import db

from ..banks.conftest import GOOD, stored, submit
from ..interop.conftest import COMPLETE_GIFT, _post
from ..people import csrf_token


def _job_page(client, response):
    assert response.status_code == 303, response.get_data(as_text=True)
    location = response.headers["Location"]
    assert re.fullmatch(r"/jobs/\d+", location), location
    return location, client.get(location).get_data(as_text=True)


def test_a_large_bank_is_checked_by_a_job_then_published_from_its_page(
        loaded_app, world, client_as):
    loaded_app.config["JOB_BANK_BYTES"] = 1024  # GOOD is larger: a job checks it
    teacher = client_as("teacher")
    location, page = _job_page(teacher, submit(teacher, GOOD))
    assert "The bank passed every check" in page
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Bank).where(
            Bank.slug == stored(world.teacher))) == 0  # checked, not published
    other = client_as("uteacher")
    assert other.post(f"/my-banks/jobs/{location.rsplit('/', 1)[1]}/publish",
                      data={"csrf_token": csrf_token(other)}).status_code == 404
    published = teacher.post(f"{location.replace('/jobs/', '/my-banks/jobs/')}/publish",
                             data={"csrf_token": csrf_token(teacher, location)})
    _, page = _job_page(teacher, published)
    assert "Published." in page
    assert f'href="/banks/{stored(world.teacher)}"' in page


def test_a_large_bank_with_problems_lists_them_on_the_job_page(loaded_app, world, client_as):
    loaded_app.config["JOB_BANK_BYTES"] = 1024
    teacher = client_as("teacher")
    broken = GOOD.replace("slug: my-class-bank", "slug: My Bank!")
    _, page = _job_page(teacher, submit(teacher, broken))
    assert "The bank has problems; nothing was published." in page
    assert 'class="problems"' in page and "slug" in page
    assert "/my-banks/jobs/" not in page  # nothing to publish


def test_a_large_import_runs_as_a_job_and_opens_in_the_editor(loaded_app, world, client_as):
    loaded_app.config["JOB_IMPORT_BYTES"] = 10
    teacher = client_as("teacher")
    location, page = _job_page(teacher, _post(teacher, COMPLETE_GIFT.encode(), "c.gift"))
    assert "Imported as a draft. Questions: 1." in page
    job_id = location.rsplit("/", 1)[1]
    editor = teacher.get(f"/my-banks/new?job={job_id}").get_data(as_text=True)
    assert "أستانا" in editor and "drawn_from_document: false" in editor
    assert client_as("uteacher").get(f"/my-banks/new?job={job_id}").status_code == 404
    assert b"questions:" in teacher.get(f"/jobs/{job_id}/download").data


def test_a_big_class_exports_through_a_job_with_a_download(loaded_app, world, client_as):
    loaded_app.config["JOB_EXPORT_STUDENTS"] = 0
    teacher = client_as("teacher")
    response = teacher.get(f"/classes/{world.school_class.id}/report.csv")
    location, page = _job_page(teacher, response)
    assert "The class's results are ready to download." in page
    download = teacher.get(f"{location}/download")
    assert download.status_code == 200
    assert 'filename="class-results.csv"' in download.headers["Content-Disposition"]
    assert "student" in download.get_data(as_text=True)
    assert client_as("uteacher").get(f"{location}/download").status_code == 404


def test_a_class_export_job_for_someone_elses_class_fails_without_leaking(
        loaded_app, world, client_as):
    from quizapp.classes import tasks
    from quizapp.core import jobs

    with loaded_app.app_context():
        job = jobs.start(tasks.export_report, owner_id=world.other_teacher.id,
                         params={"class_id": world.school_class.id, "format": "csv",
                                 "lang": "en"})
        assert job.state == "failed" and job.result_data is None
        assert db.session.get(Job, job.id).message_key == jobs.GONE


def test_a_large_banks_export_is_built_by_a_job_for_its_visitor(loaded_app, world,
                                                                 client_as):
    loaded_app.config["JOB_BANK_QUESTIONS"] = 10  # the shipped bank has more
    student = client_as("student")
    url = "/banks/cultural-centre-beijing/export/quizlet"
    location, page = _job_page(student, student.get(url))
    assert "The export is ready to download." in page
    download = student.get(f"{location}/download")
    assert download.status_code == 200 and len(download.data) > 1000
    assert client_as("rstudent").get(f"{location}/download").status_code == 404
    # A visitor with no account to own a job gets the file at once.
    assert loaded_app.test_client().get(url).status_code == 200
