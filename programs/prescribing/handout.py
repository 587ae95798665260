"""The program's handout: what it shows and its QR code to the portal.

One template (`prescribing/program_handout.html`) serves the print-styled page and the PDF
(`programs.prescribing.handout_pdf`).
"""

import datetime
from dataclasses import dataclass
from typing import Any

import segno
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from clinic.emails import absolute
from programs.library.translations import shared_cautions
from programs.prescribing.models import Program

QR_BORDER = 4  # modules of quiet zone, as ISO/IEC 18004 asks


@dataclass(frozen=True)
class QrCode:
    """A QR code as one SVG path of unit squares, drawn by the template (no markup here)."""

    url: str
    size: int  # modules across, quiet zone included
    path: str


def portal_sign_in_url() -> str:
    """Where the handout's QR code leads: the sign-in page, then the patient's exercises."""
    return absolute(f"{reverse('login')}?next={reverse('portal:today')}")


def qr_code(url: str) -> QrCode:
    """The QR code of `url` (error correction M: a creased or smudged print still scans)."""
    code = segno.make(url, error="m", micro=False)
    size = int(code.symbol_size(border=QR_BORDER)[0])
    squares = [
        f"M{x + QR_BORDER} {y + QR_BORDER}h1v1h-1z"
        for y, row in enumerate(code.matrix)
        for x, dark in enumerate(row)
        if dark
    ]
    return QrCode(url=url, size=size, path="".join(squares))


def handout_context(*, program: Program, today: datetime.date | None = None) -> dict[str, Any]:
    """What the handout shows: the program, its clinician and clinic, the date, the QR code."""
    clinician = program.created_by
    items = list(program.items.all())
    used = {c for item in items for c in item.exercise.caution_list}
    return {
        "program": program,
        "items": items,
        # In the page's language, as the exercises' own cautions are (modeltranslation).
        "shared_cautions": [c for c in shared_cautions(get_language() or "") if c in used],
        "clinic": program.patient.clinic,
        "clinician_name": (clinician.full_name or clinician.email) if clinician else "",
        "date": today or timezone.localdate(),
        "qr": qr_code(portal_sign_in_url()),
        "learn_url": absolute(reverse("portal:learn")),
    }
