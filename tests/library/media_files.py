"""Small photo and video files made in the test, good and bad, for the upload tests."""

import io

from PIL import Image

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def jpeg_with_exif(size: tuple[int, int] = (64, 48)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010E] = "Taken at 12 Secret Street"  # ImageDescription
    exif[0x0110] = "PhoneCam 9"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes(), comment=b"private comment")
    return output.getvalue()


def png(size: tuple[int, int] = (32, 32)) -> bytes:
    output = io.BytesIO()
    Image.new("RGBA", size, (0, 128, 255, 200)).save(output, format="PNG")
    return output.getvalue()


def gif() -> bytes:
    output = io.BytesIO()
    Image.new("P", (8, 8)).save(output, format="GIF")
    return output.getvalue()


def _box(kind: bytes, body: bytes) -> bytes:
    return (8 + len(body)).to_bytes(4, "big") + kind + body


def mp4(payload: bytes = b"\x00" * 64) -> bytes:
    """A minimal ISO base media file: ftyp, an (empty) moov and an mdat."""
    ftyp = _box(b"ftyp", b"isom" + b"\x00\x00\x02\x00" + b"isomiso2mp41")
    return ftyp + _box(b"moov", b"") + _box(b"mdat", payload)


def _vint(value: int) -> bytes:
    return (0x10000000 | value).to_bytes(4, "big")  # a 4-byte EBML size


def webm(payload: bytes = b"\xec\x81\x00") -> bytes:
    """A minimal WebM: the EBML header naming the doc type, then a segment."""
    header = b"\x42\x82\x84webm"  # DocType "webm"
    return (
        b"\x1a\x45\xdf\xa3"
        + _vint(len(header))
        + header
        + (b"\x18\x53\x80\x67" + _vint(len(payload)) + payload)
    )
