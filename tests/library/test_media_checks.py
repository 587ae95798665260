"""Upload checks by content: type, size, polyglots, metadata stripped by re-encoding."""

import io

import pytest
from PIL import Image

from programs.library.media_checks import (
    MAX_IMAGE_BYTES,
    MAX_VIDEO_BYTES,
    UploadRefused,
    check_upload,
)
from tests.library.media_files import HTML, gif, jpeg_with_exif, mp4, png, webm


def test_a_jpeg_is_re_encoded_without_its_exif_and_comment_keeping_its_orientation():
    original = jpeg_with_exif((64, 48))
    checked = check_upload(original)
    assert (checked.kind, checked.content_type, checked.extension) == ("image", "image/jpeg", "jpg")
    assert b"Secret Street" not in checked.data and b"PhoneCam" not in checked.data
    assert b"private comment" not in checked.data
    stored = Image.open(io.BytesIO(checked.data))
    assert dict(stored.getexif()) == {}
    assert stored.size == (48, 64)  # turned upright as the EXIF said, before it was dropped


def test_a_png_with_html_appended_is_stored_as_the_image_alone():
    checked = check_upload(png() + HTML)
    assert checked.content_type == "image/png"
    assert b"<script>" not in checked.data
    assert Image.open(io.BytesIO(checked.data)).size == (32, 32)


@pytest.mark.parametrize(
    "data",
    [HTML, b"%PDF-1.7\n...", gif(), b"\xff\xd8\xff\xe0 not really a jpeg", b"MZ\x90\x00"],
    ids=["html", "pdf", "gif", "fake-jpeg", "exe"],
)
def test_other_content_is_refused_whatever_its_name(data):
    with pytest.raises(UploadRefused, match="JPEG, PNG or WebP"):
        check_upload(data)


def test_an_empty_file_is_refused():
    with pytest.raises(UploadRefused, match="empty"):
        check_upload(b"")


def test_oversize_photos_and_videos_are_refused():
    with pytest.raises(UploadRefused, match="at most 8 MB"):
        check_upload(png() + b"\x00" * MAX_IMAGE_BYTES)
    with pytest.raises(UploadRefused, match="at most 50 MB"):
        check_upload(mp4(b"\x00" * MAX_VIDEO_BYTES))


def test_a_huge_image_is_refused_before_it_is_decoded():
    output = io.BytesIO()
    Image.new("1", (8000, 8000)).save(output, format="PNG")  # 64 Mpx in a few kB
    with pytest.raises(UploadRefused, match="too many pixels"):
        check_upload(output.getvalue())


def test_mp4_and_webm_are_accepted_by_their_structure():
    assert check_upload(mp4()).content_type == "video/mp4"
    assert check_upload(webm()).content_type == "video/webm"
    assert check_upload(mp4()).data == mp4()  # videos are stored as uploaded


@pytest.mark.parametrize(
    "data",
    [
        mp4() + HTML,  # a polyglot: a video, and a page after it
        mp4()[:-10],  # cut short
        mp4()[:20] + b"\x00\x00\x00\x10html" + b"\x00" * 8,  # an unknown box
        webm() + HTML,
        webm()[:-2],
    ],
    ids=["mp4+html", "mp4-truncated", "mp4-unknown-box", "webm+html", "webm-truncated"],
)
def test_videos_with_something_else_inside_are_refused(data):
    with pytest.raises(UploadRefused, match="damaged or has something else"):
        check_upload(data)


def test_a_matroska_file_that_is_not_webm_is_refused():
    with pytest.raises(UploadRefused, match="Only WebM"):
        check_upload(webm().replace(b"webm", b"mkvx"))
