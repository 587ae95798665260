"""What a clinic may upload as an exercise's photo or video, judged by content, never by name.

Photos (JPEG, PNG, WebP) are decoded by Pillow and encoded again from their pixels: whatever
rode along (EXIF with a location, comments, a script or an archive appended after the image
data) is not in the stored file. Videos (MP4, WebM) cannot be re-encoded here, so their
container is walked instead: an MP4 is a chain of boxes that must end exactly at the end of
the file, a WebM an EBML header naming the "webm" doc type followed by its segment. A file
that is one thing at its start and another after it (a polyglot) fails either way.
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_VIDEO_BYTES = 50 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # a decompression bomb is refused before it is decoded
MAX_IMAGE_SIDE = 2400  # larger photos are scaled down: nobody needs more on a phone or a page

IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
MP4_BOXES = {
    b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"uuid", b"meta", b"moof", b"mfra",
    b"sidx", b"styp", b"pdin", b"prft", b"emsg",
}  # fmt: skip
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"dash",
}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
WEBM_SEGMENT = b"\x18\x53\x80\x67"


class UploadRefused(ValueError):
    """The file is not an allowed photo or video; the message says why, for the uploader."""


@dataclass(frozen=True)
class CheckedFile:
    kind: str  # "image" or "video"
    content_type: str
    extension: str
    data: bytes  # what to store: the re-encoded image, or the video as uploaded


def check_upload(data: bytes) -> CheckedFile:
    """The file to store, or UploadRefused naming what is wrong with it."""
    if not data:
        raise UploadRefused(gettext("The file is empty."))
    if data.startswith(EBML_MAGIC) or data[4:8] == b"ftyp":
        return _check_video(data)
    return _check_image(data)


def _check_image(data: bytes) -> CheckedFile:
    if len(data) > MAX_IMAGE_BYTES:
        raise UploadRefused(
            gettext("Photos may be at most %(size)s MB.")
            % {"size": MAX_IMAGE_BYTES // (1024 * 1024)}
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format or ""
            width, height = probe.size
            if image_format not in IMAGE_FORMATS:
                raise UploadRefused(_WRONG_TYPE)
            if width * height > MAX_IMAGE_PIXELS:
                raise UploadRefused(gettext("The photo has too many pixels."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)  # keep the orientation the EXIF gave
    except UploadRefused:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise UploadRefused(_WRONG_TYPE) from None
    upright = upright.copy()
    upright.info = {}  # Pillow writes a JPEG comment, text chunks or an ICC profile from info
    upright.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
    content_type, extension = IMAGE_FORMATS[image_format]
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    output = io.BytesIO()
    # Only the pixels are written: no exif=, icc_profile= or info carried over.
    upright.save(output, format=image_format, **({"quality": 88} if image_format != "PNG" else {}))
    return CheckedFile("image", content_type, extension, output.getvalue())


def _check_video(data: bytes) -> CheckedFile:
    if len(data) > MAX_VIDEO_BYTES:
        raise UploadRefused(
            gettext("Videos may be at most %(size)s MB.")
            % {"size": MAX_VIDEO_BYTES // (1024 * 1024)}
        )
    if data.startswith(EBML_MAGIC):
        _check_webm(data)
        return CheckedFile("video", "video/webm", "webm", data)
    _check_mp4(data)
    return CheckedFile("video", "video/mp4", "mp4", data)


def _check_mp4(data: bytes) -> None:
    if data[8:12] not in MP4_BRANDS:
        raise UploadRefused(gettext("This MP4 file is of a kind that browsers may not play."))
    position, seen = 0, set()
    while position < len(data):
        if position + 8 > len(data):
            raise UploadRefused(_DAMAGED)
        size = int.from_bytes(data[position : position + 4], "big")
        box = data[position + 4 : position + 8]
        header = 8
        if size == 1:  # a 64-bit size follows the type
            if position + 16 > len(data):
                raise UploadRefused(_DAMAGED)
            size, header = int.from_bytes(data[position + 8 : position + 16], "big"), 16
        elif size == 0:  # the last box runs to the end of the file
            size = len(data) - position
        if box not in MP4_BOXES or size < header or position + size > len(data):
            raise UploadRefused(_DAMAGED)
        seen.add(box)
        position += size
    if not {b"ftyp", b"moov"} <= seen and not {b"ftyp", b"moof"} <= seen:
        raise UploadRefused(_DAMAGED)


def _read_vint(data: bytes, position: int) -> tuple[int, int, bool]:
    """An EBML variable-length integer at `position`: its value, its length, all bits set."""
    if position >= len(data) or data[position] == 0:
        raise UploadRefused(_DAMAGED)
    first = data[position]
    length = 8 - first.bit_length() + 1
    if position + length > len(data):
        raise UploadRefused(_DAMAGED)
    value = first & (0xFF >> length)
    for byte in data[position + 1 : position + length]:
        value = (value << 8) | byte
    return value, length, value == (1 << (7 * length)) - 1


def _check_webm(data: bytes) -> None:
    size, length, unknown = _read_vint(data, 4)
    body = 4 + length
    if unknown or body + size > len(data):
        raise UploadRefused(_DAMAGED)
    if b"\x42\x82\x84webm" not in data[body : body + size]:  # DocType "webm"
        raise UploadRefused(gettext("Only WebM videos are accepted in this format."))
    segment = body + size
    if data[segment : segment + 4] != WEBM_SEGMENT:
        raise UploadRefused(_DAMAGED)
    segment_size, length, unknown = _read_vint(data, segment + 4)
    end = segment + 4 + length + segment_size
    if not unknown and end != len(data):  # something other than the video after it
        raise UploadRefused(_DAMAGED)


_WRONG_TYPE = gettext_lazy("Upload a photo (JPEG, PNG or WebP) or a video (MP4 or WebM).")
_DAMAGED = gettext_lazy("This video file is damaged or has something else inside it.")
