"""Writes of progression suggestions: made from session logs, accepted (applied to the
program's dosages) or declined by a clinician, each with its reason."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from programs.followup.models import Alert, SessionLog, Suggestion
from programs.followup.progression import suggested_dosage
from programs.followup.services.alerts import alert_resolve
from programs.followup.services.attention import attention_refresh
from programs.prescribing.models import Program
from programs.prescribing.services import ProgramConflict, program_item_change_dosage


def suggest(*, program: Program, kind: str, reason: str, session: SessionLog) -> Suggestion | None:
    """Suggest a step up or down, unless the same kind waits already (or a regress waits)."""
    pending = Suggestion.objects.filter(program=program, status=Suggestion.Status.PENDING).first()
    if pending and pending.kind == kind:
        return None
    if pending:
        # Fresh pain outranks an older invitation to progress, and vice versa never happens:
        # a progress suggestion is not made while a regress one waits.
        if kind == Suggestion.Kind.PROGRESS:
            return None
        pending.status = Suggestion.Status.DECLINED
        pending.decided_at = timezone.now()
        pending.decision_reason = "Superseded by a regress suggestion."
        pending.save(update_fields=["status", "decided_at", "decision_reason"])
    suggestion = Suggestion(
        program=program, patient=program.patient, kind=kind, reason=reason[:500], session=session
    )
    suggestion.full_clean(exclude=["program", "patient", "session"])
    suggestion.save()
    return suggestion


def _pending(suggestion: Suggestion, reason: str, verb: str) -> tuple[Suggestion, str]:
    """Lock a still-pending suggestion; a decision needs a reason."""
    reason = (reason or "").strip()
    if not reason:
        message = (
            _("Say why you accept it; the reason is kept.")
            if verb == "accept"
            else _("Say why you decline it; the reason is kept.")
        )
        raise ValidationError({"reason": message})
    suggestion = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("program", "patient")
        .get(pk=suggestion.pk)
    )
    if suggestion.status != Suggestion.Status.PENDING:
        raise ProgramConflict(
            _("This suggestion was already %(status)s.")
            % {"status": suggestion.get_status_display().lower()}
        )
    return suggestion, reason


@transaction.atomic
def suggestion_accept(*, actor: Actor, suggestion: Suggestion, reason: str) -> Suggestion:
    """Apply a suggestion to the program; every dosage change carries the reason."""
    suggestion, reason = _pending(suggestion, reason, "accept")
    program = suggestion.program
    if not program.is_editable:
        raise ProgramConflict(_("This program is completed; start a new one instead."))
    for item in program.items.select_related("exercise"):
        # The same function the suggestion's preview shows, so the clinician gets what they read.
        new = suggested_dosage(suggestion.kind, item.dosage, exercise=item.exercise.spec)
        if new != item.dosage:
            program_item_change_dosage(
                actor=actor,
                item=item,
                reason=f"Accepted {suggestion.kind} suggestion: {reason}",
                sets=new.sets,
                reps=new.reps,
                hold_seconds=new.hold_seconds,
                sessions_per_day=new.sessions_per_day,
                days_per_week=new.days_per_week,
            )
    decided = _decide(actor, suggestion, Suggestion.Status.ACCEPTED, reason)
    # The alert raised with the suggestion is about the same event: accepting answers it.
    if suggestion.session_id is not None:
        for alert in Alert.objects.filter(
            session_id=suggestion.session_id, resolved_at__isnull=True
        ).exclude(kind=Alert.Kind.EMERGENCY_SYMPTOM):
            alert_resolve(actor=actor, alert=alert)
    return decided


@transaction.atomic
def suggestion_decline(*, actor: Actor, suggestion: Suggestion, reason: str) -> Suggestion:
    """Decline a suggestion; the program stays as it is and the reason is kept."""
    suggestion, reason = _pending(suggestion, reason, "decline")
    return _decide(actor, suggestion, Suggestion.Status.DECLINED, reason)


def _decide(actor: Actor, suggestion: Suggestion, status: str, reason: str) -> Suggestion:
    suggestion.status = status
    suggestion.decided_by = actor.user
    suggestion.decided_at = timezone.now()
    suggestion.decision_reason = reason[:500]
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=suggestion,
        patient=suggestion.patient,
        summary=f"{suggestion.get_kind_display()} suggestion {status}: {reason}",
        changes=[("status", Suggestion.Status.PENDING, status)],
    )
    attention_refresh(patient=suggestion.patient)
    return suggestion
