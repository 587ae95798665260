"""Emailing the handout to the patient: the request (audited) and the send (by a task)."""

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils.translation import gettext as _

from clinic.emails import email_message
from clinic.models import AuditLog
from clinic.outbox import enqueue_on_commit
from clinic.services import Actor
from patients.language import in_patient_language
from programs.prescribing.handout import portal_sign_in_url
from programs.prescribing.models import HandoutEmail, Program
from programs.prescribing.outbox import HANDOUT_EMAILS
from programs.prescribing.services.base import ProgramConflict, audit_program


@transaction.atomic
def handout_email_request(*, actor: Actor, program: Program) -> HandoutEmail:
    """Queue the handout, PDF attached, to the patient's email address; audited as an export."""
    patient = program.patient
    if patient.is_archived:
        raise ProgramConflict(_("This patient is archived; nothing is sent to archived records."))
    if program.status == Program.Status.DRAFT:
        raise ProgramConflict(_("Activate the program before sending its handout."))
    if not patient.email:
        raise ValidationError(_("The patient has no email address. Add one to the record first."))
    email = HandoutEmail.objects.create(
        program=program, to_email=patient.email, requested_by=actor.user
    )
    audit_program(actor, AuditLog.Action.EXPORT, program, f"Handout emailed to {patient.email}")
    from programs.prescribing.tasks import send_handout_email_task  # tasks import services

    enqueue_on_commit(send_handout_email_task, email.pk)
    return email


@in_patient_language(lambda email, **_: email.program.patient)
def handout_message(email: HandoutEmail, pdf: bytes) -> EmailMultiAlternatives:
    program = email.program
    clinic = program.patient.clinic
    message = email_message(
        subject=_("Your exercise program from %(clinic)s") % {"clinic": clinic.name},
        template="prescribing/email/handout",
        context={"program": program, "clinic": clinic, "portal": portal_sign_in_url()},
        to=[email.to_email],
    )
    message.attach(f"exercise-program-{program.pk}.pdf", pdf, "application/pdf")
    return message


def handout_email_send(*, email_id: int, owner: str) -> bool:
    """Render the PDF and send the email once (claimed for `owner`, marked sent right after)."""
    from programs.prescribing.handout_pdf import handout_pdf  # WeasyPrint loads slowly

    email = (
        HandoutEmail.objects.select_related("program__patient__clinic", "program__created_by")
        .filter(pk=email_id)
        .first()
    )
    if email is None or email.sent_at is not None:
        return False
    if not HANDOUT_EMAILS.claim(email.pk, owner=owner):
        return False
    handout_message(email, handout_pdf(program=email.program)).send()
    HANDOUT_EMAILS.mark_sent(email.pk)
    return True
