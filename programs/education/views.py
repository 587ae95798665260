"""Clinician pages of the education library: read, add the clinic's own, pin to a program."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import add_service_errors
from clinic.permissions import ClinicianRequest, clinician_required
from programs.education.forms import EducationPageForm, PageTranslationsForm, PinForm
from programs.education.reading import page_text_for_reader
from programs.education.selectors import (
    education_page_get_for,
    education_pages_for,
    own_education_page_get_for,
    pin_get_for,
)
from programs.education.services import (
    education_page_create,
    education_page_pin,
    education_page_translate,
    education_page_unpin,
)
from programs.prescribing.selectors import program_get_for


@clinician_required
@require_http_methods(["GET", "POST"])
def page_list(request: ClinicianRequest) -> HttpResponse:
    form = EducationPageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page = education_page_create(actor=request.actor, **form.page_data())
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(
                request, _("“%(title)s” was added for your patients.") % {"title": page.title}
            )
            return redirect("education:page_detail", slug=page.slug)
    pages = education_pages_for(clinic=request.clinician.clinic)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "education/page_list.html", {"pages": pages, "form": form}, status=status
    )


@clinician_required
def page_detail(request: ClinicianRequest, slug: str) -> HttpResponse:
    page = education_page_get_for(clinic=request.clinician.clinic, slug=slug)
    text = page_text_for_reader(page)
    return render(request, "education/page_detail.html", {"page": page, "text": text})


@clinician_required
@require_http_methods(["GET", "POST"])
def page_translations(request: ClinicianRequest, slug: str) -> HttpResponse:
    page = own_education_page_get_for(clinic=request.clinician.clinic, slug=slug)
    form = PageTranslationsForm(request.POST or None, page=page)
    if request.method == "POST" and form.is_valid():
        try:
            education_page_translate(
                actor=request.actor, page=page, translations=form.translations()
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, _("The translations were saved."))
            return redirect("education:page_detail", slug=page.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "education/page_translations.html", {"page": page, "form": form}, status=status
    )


@clinician_required
@require_POST
def pin(request: ClinicianRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    form = PinForm(request.POST, pages=education_pages_for(clinic=request.clinician.clinic))
    if not form.is_valid():
        messages.error(request, _("Choose one of the pages in the list."))
    else:
        try:
            education_page_pin(actor=request.actor, program=program, page=form.cleaned_data["page"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("“%(title)s” was pinned.") % {"title": form.cleaned_data["page"].title},
            )
    return redirect("patients:detail", program.patient_id)


@clinician_required
@require_POST
def unpin(request: ClinicianRequest, pin_id: int) -> HttpResponse:
    pinned = pin_get_for(clinic=request.clinician.clinic, pin_id=pin_id)
    education_page_unpin(actor=request.actor, pin=pinned)
    messages.success(request, _("“%(title)s” was unpinned.") % {"title": pinned.page.title})
    return redirect("patients:detail", pinned.program.patient_id)
