"""A clinic's photos and videos: uploads through the page, who may see them, and storage on
the filesystem and on an S3-compatible server (moto's, started for the test)."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.storage import storages
from django.urls import reverse

from clinic.models import AuditLog
from programs.library.models import Exercise, ExerciseMedia
from programs.library.services import exercise_media_add
from tests.factories import ClinicFactory, ClinicianFactory, PatientFactory, portal_client_for
from tests.factories import program_factory as make_program
from tests.library.media_files import HTML, jpeg_with_exif, mp4, png
from tests.library.test_api import _own_exercise

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _upload(client, slug, data, name="photo.jpg", caption="Our physio shows the start"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("library:media_upload", args=[slug]),
        {"file": SimpleUploadedFile(name, data), "caption": caption},
    )


def test_a_clinician_adds_a_photo_to_a_standard_exercise(clinician_client, clinic, media_root):
    response = _upload(clinician_client, "bird-dog", jpeg_with_exif())
    assert response.status_code == 302
    media = ExerciseMedia.objects.get()
    assert (media.clinic, media.exercise.slug, media.kind) == (clinic, "bird-dog", "image")
    [stored] = _stored_files(media_root)
    assert stored.suffix == ".jpg" and "photo" not in stored.name  # a random name
    assert b"Secret Street" not in stored.read_bytes()
    assert AuditLog.objects.filter(object_type="ExerciseMedia", action="create").exists()
    page = clinician_client.get(reverse("library:exercise_detail", args=["bird-dog"]))
    assert reverse("library:media_file", args=[media.pk]) in page.content.decode()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (HTML, "photo.jpg", "JPEG, PNG or WebP"),
        (mp4() + HTML, "clip.mp4", "damaged or has something else"),
        (b"", "empty.png", "empty"),
    ],
    ids=["html-named-jpg", "polyglot-mp4", "empty"],
)
def test_a_refused_upload_says_why_and_stores_nothing(
    clinician_client, media_root, data, name, message
):
    response = _upload(clinician_client, "bird-dog", data, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ExerciseMedia.objects.exists()
    assert _stored_files(media_root) == []


def test_an_upload_without_a_caption_is_refused(clinician_client, media_root):
    response = _upload(clinician_client, "bird-dog", png(), caption="")
    assert response.status_code == 400 and not ExerciseMedia.objects.exists()
    assert _stored_files(media_root) == []


def test_another_clinics_exercise_cannot_get_media(clinician_client, actor):
    other = _own_exercise(ClinicFactory(), name="Secret stretch")
    assert _upload(clinician_client, other.slug, png()).status_code == 404
    with pytest.raises(Exception, match="not in your clinic's library"):
        exercise_media_add(actor=actor, exercise=other, data=png(), caption="x")


@pytest.fixture
def photo(actor):
    exercise = Exercise.objects.get(clinic=None, slug="prone-on-elbows")
    return exercise_media_add(actor=actor, exercise=exercise, data=png(), caption="Elbows")


def test_the_clinics_clinicians_see_it_and_other_clinics_get_404(clinician_client, photo, clinic):
    url = reverse("library:media_file", args=[photo.pk])
    response = clinician_client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == photo.file.open("rb").read()
    colleague = ClinicianFactory(clinic=clinic)
    from django.test import Client

    client = Client()
    client.force_login(colleague.user)
    assert client.get(url).status_code == 200
    outsider = Client()
    outsider.force_login(ClinicianFactory().user)
    assert outsider.get(url).status_code == 404
    assert outsider.post(reverse("library:media_delete", args=[photo.pk])).status_code == 404


def test_only_patients_who_have_the_exercise_see_it(photo, clinic):
    url = reverse("portal:media_file", args=[photo.pk])
    has_it = PatientFactory(clinic=clinic)
    make_program(patient=has_it, status="active", slugs=("prone-on-elbows",))
    response = portal_client_for(has_it).get(url)
    assert response.status_code == 200
    today = portal_client_for(has_it).get(reverse("portal:today")).content.decode()
    assert url in today and 'alt="Elbows"' in today

    other_exercise = PatientFactory(clinic=clinic)
    make_program(patient=other_exercise, status="active", slugs=("prone-lying",))
    assert portal_client_for(other_exercise).get(url).status_code == 404
    only_a_draft = PatientFactory(clinic=clinic)
    make_program(patient=only_a_draft, status="draft", slugs=("prone-on-elbows",))
    assert portal_client_for(only_a_draft).get(url).status_code == 404
    other_clinic = PatientFactory(clinic=ClinicFactory())
    make_program(patient=other_clinic, status="active", slugs=("prone-on-elbows",))
    assert portal_client_for(other_clinic).get(url).status_code == 404


def test_removing_deletes_the_row_and_then_the_file(
    clinician_client, photo, media_root, django_capture_on_commit_callbacks
):
    assert len(_stored_files(media_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = clinician_client.post(reverse("library:media_delete", args=[photo.pk]))
    assert response.status_code == 302
    assert not ExerciseMedia.objects.exists() and _stored_files(media_root) == []
    assert AuditLog.objects.filter(object_type="ExerciseMedia", action="archive").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3-compatible server in a process of its own, as a real endpoint over HTTP."""
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 -- our own interpreter's moto_server
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("moto_server did not start")
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


def test_media_go_to_s3_and_come_back_through_the_app_only(
    s3_server, settings, monkeypatch, clinician_client, clinic
):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "eu-west-2",
        "MEDIA_S3_BUCKET": "backstrong-media",
        "MEDIA_S3_ENDPOINT_URL": s3_server,
        "MEDIA_S3_REGION": "eu-west-2",
    }.items():
        monkeypatch.setenv(name, value)
    import environ

    from config.settings.base import media_storage

    settings.STORAGES = settings.STORAGES | {"default": media_storage(environ.Env())}
    s3 = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-2")
    s3.create_bucket(
        Bucket="backstrong-media",
        CreateBucketConfiguration={"LocationConstraint": "eu-west-2"},
    )
    assert type(storages["default"]).__name__ == "S3Storage"

    assert _upload(clinician_client, "bird-dog", jpeg_with_exif()).status_code == 302
    media = ExerciseMedia.objects.get()
    [key] = [o["Key"] for o in s3.list_objects_v2(Bucket="backstrong-media")["Contents"]]
    assert key == f"media/{media.file.name}"
    stored = s3.get_object(Bucket="backstrong-media", Key=key)["Body"].read()
    assert b"Secret Street" not in stored
    acl = s3.get_object_acl(Bucket="backstrong-media", Key=key)["Grants"]
    assert not [g for g in acl if g["Grantee"].get("URI", "").endswith("AllUsers")]  # private

    response = clinician_client.get(reverse("library:media_file", args=[media.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == stored
    patient = PatientFactory(clinic=clinic)
    make_program(patient=patient, status="active", slugs=("bird-dog",), tier="mild")
    portal = portal_client_for(patient)
    streamed = portal.get(reverse("portal:media_file", args=[media.pk]))
    assert b"".join(streamed.streaming_content) == stored

    bad = _upload(clinician_client, "bird-dog", HTML, name="x.jpg")
    assert bad.status_code == 400
    assert len(s3.list_objects_v2(Bucket="backstrong-media")["Contents"]) == 1
