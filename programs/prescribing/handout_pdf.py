"""The handout as an A4 PDF, rendered by WeasyPrint from the handout's template.

A module of its own because importing WeasyPrint (Pango, HarfBuzz, fonts) takes about two
seconds: only the requests and tasks that make a PDF pay for it. WeasyPrint fetches only the
app's own static files (`StaticOnlyFetcher`): the handout never reaches out to the network,
and a URL in a clinician's note cannot make the server fetch it.
"""

import mimetypes
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from clinic.emails import absolute
from patients.language import in_patient_language
from programs.prescribing.handout import handout_context
from programs.prescribing.models import Program


class StaticOnlyFetcher(URLFetcher):
    """WeasyPrint's URL fetcher limited to the app's static files."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        base = absolute("/" + settings.STATIC_URL.lstrip("/"))
        if not url.startswith(base):
            raise ValueError(f"The handout loads only static files, not {url}.")
        name = url.removeprefix(base).split("?", 1)[0]
        try:
            found = finders.find(name)
            if not found and staticfiles_storage.exists(name):  # collected (hashed) in production
                found = staticfiles_storage.path(name)
        except (SuspiciousFileOperation, ImproperlyConfigured) as exc:  # no STATIC_ROOT: not found
            raise ValueError(f"No static file at {url}.") from exc
        if not found or isinstance(found, list):
            raise ValueError(f"No static file at {url}.")
        with open(found, "rb") as handle:
            body = handle.read()
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


def pdf_from_template(template: str, context: dict[str, Any]) -> bytes:
    """A page of the app as a PDF, loading only its static files (the discharge letter too)."""
    html = render_to_string(template, context)
    document = HTML(string=html, base_url=absolute("/"), url_fetcher=StaticOnlyFetcher())
    return document.write_pdf()


@in_patient_language(lambda program, **_: program.patient)
def handout_pdf(*, program: Program) -> bytes:
    """The handout as an A4 PDF."""
    return pdf_from_template(
        "prescribing/program_handout.html", handout_context(program=program) | {"pdf": True}
    )
