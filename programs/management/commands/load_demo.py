"""`manage.py load_demo`: a demo clinic with two clinicians and patients of every kind.

Idempotent: run again, it reuses what is there and prints the logins.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditLog, Clinician
from clinic.services import Actor, clinician_create
from patients.models import Patient
from patients.services import (
    patient_create,
    portal_invitation_accept,
    portal_invitation_send,
    portal_invitation_token,
)
from programs.followup.services import (
    ItemReport,
    attention_rebuild,
    session_log_record,
    session_morning_record,
)
from programs.outcomes.services import PsfsEntry, discharge_record, outcome_record
from programs.prescribing.models import Program
from programs.prescribing.services import program_activate, program_complete, program_generate

DEMO_CLINIC = "Riverside Spine & Sports Clinic"
DEMO_PHONE = "020 7946 0321"  # a number Ofcom keeps for drama, never in service
DEMO_PASSWORD = "spine-demo-2026"  # noqa: S105 - printed for the demo, never used in production
DEMO_PATIENT_LOGIN = "olivia.bennett@example.com"
DEMO_CLINICIANS = [
    ("admin@backstrong.demo", "Dr Alex Morgan", True),
    ("clinician@backstrong.demo", "Sam Patel, physiotherapist", False),
]

# first, last, born, condition, region, severity, pain, prone tolerant, red flags
DEMO_PATIENTS = [
    ("Olivia", "Bennett", "1985-03-14", "nonspecific_back_pain", "lower_back", "mild", 3, True, []),
    ("Liam", "Carter", "1979-07-02", "muscle_strain", "lower_back", "moderate", 5, True, []),
    ("Amelia", "Diaz", "1991-11-23", "herniated_disc", "lower_back", "severe", 8, True, []),
    ("Noah", "Evans", "1968-01-30", "bulging_disc", "lower_back", "moderate", 6, False, []),
    ("Isla", "Foster", "1955-09-12", "degenerative_disc", "mid_back", "mild", 4, True, []),
    ("Oliver", "Green", "1949-05-05", "spinal_stenosis", "lower_back", "moderate", 4, False, []),
    ("Ava", "Hughes", "1982-12-19", "post_surgical", "lower_back", "severe", 6, False, []),
    ("George", "Ito", "1996-04-08", "prevention", "lower_back", "none", 0, True, []),
    ("Mia", "Jones", "1988-08-27", "other", "upper_back", "mild", 2, True, []),
    ("Arthur", "Khan", "1973-02-16", "muscle_strain", "upper_back", "none", 1, True, []),
    ("Grace", "Lopez", "1990-06-21", "herniated_disc", "lower_back", "moderate", 7, True, []),
    ("Leo", "Murphy", "1965-10-03", "nonspecific_back_pain", "mid_back", "severe", 9, True, []),
    ("Freya", "Nowak", "1999-01-11", "prevention", "upper_back", "none", 0, True, []),
    ("Oscar", "Okafor", "1977-03-29", "bulging_disc", "lower_back", "mild", 5, True, []),
    ("Lily", "Price", "1984-07-17", "degenerative_disc", "lower_back", "moderate", 3, True, []),
    ("Harry", "Quinn", "1958-11-06", "spinal_stenosis", "mid_back", "severe", 7, False, []),
    ("Ella", "Rossi", "1993-09-09", "post_surgical", "lower_back", "mild", 1, True, []),
    ("Jack", "Singh", "1970-04-25", "herniated_disc", "lower_back", "moderate", 6, True, []),
    ("Sophia", "Turner", "1987-02-02", "other", "mid_back", "none", 4, True, []),
    (
        "Henry",
        "Walsh",
        "1961-12-12",
        "nonspecific_back_pain",
        "lower_back",
        "moderate",
        6,
        True,
        ["saddle_anaesthesia", "night_pain"],
    ),
]


class Command(BaseCommand):
    help = "Load the demo clinic (two clinicians, twenty patients); safe to run again."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        clinicians = []
        for email, name, is_admin in DEMO_CLINICIANS:
            clinician = Clinician.objects.select_related("clinic", "user").filter(
                user__email=email
            ).first() or clinician_create(
                clinic_name=DEMO_CLINIC,
                email=email,
                password=DEMO_PASSWORD,
                full_name=name,
                is_clinic_admin=is_admin,
            )
            clinicians.append(clinician)
        clinic = clinicians[0].clinic
        if not clinic.phone:
            clinic.phone = DEMO_PHONE
            clinic.save(update_fields=["phone"])
        if not clinic.patients.exists():
            actor = Actor(clinic=clinic, user=clinicians[0].user, channel=AuditLog.Channel.SYSTEM)
            for number, row in enumerate(DEMO_PATIENTS, start=1):
                first, last, born, condition, region, severity, pain, prone, flags = row
                patient_create(
                    actor=actor,
                    external_id=f"RSC-{number:04d}",
                    first_name=first,
                    last_name=last,
                    date_of_birth=datetime.date.fromisoformat(born),
                    email=f"{first.lower()}.{last.lower()}@example.com",
                    condition=condition,
                    region=region,
                    injury_severity=severity,
                    pain_level=pain,
                    prone_tolerant=prone,
                    red_flags=flags,
                    notes="Demo patient.",
                )
            self.stdout.write(f"Loaded {len(DEMO_PATIENTS)} demo patients into “{clinic.name}”.")
            self._follow_up(actor)
            # The demo's history is back-dated, so adherence is worked out as the hourly task
            # would.
            attention_rebuild(clinic=clinic)
        else:
            self.stdout.write(f"Demo clinic “{clinic.name}” already loaded; reusing it.")
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for clinician in clinicians:
            role = "clinic admin" if clinician.is_clinic_admin else "clinician"
            self.stdout.write(f"  {clinician.user.email}  ({role})")
        self.stdout.write(f"  {DEMO_PATIENT_LOGIN}  (patient portal)")

    def _follow_up(self, actor: Actor) -> None:
        """Active programs, a portal login and a week of sessions, one of them red."""
        start = timezone.localdate() - datetime.timedelta(days=10)
        patients = {p.last_name: p for p in Patient.objects.filter(clinic=actor.clinic)}
        for name in ("Bennett", "Carter", "Evans"):
            program = program_generate(actor=actor, patient=patients[name])
            program_activate(actor=actor, program=program, start_date=start)
        olivia = patients["Bennett"]
        invitation = portal_invitation_send(actor=actor, patient=olivia)
        portal_invitation_accept(token=portal_invitation_token(invitation), password=DEMO_PASSWORD)
        now = timezone.now()
        # Three sittings a day, as her extension exercises ask, settling over the week.
        week = [
            (6, 3, 3, 2),
            (5, 3, 3, 3),
            (4, 2, 3, 2),
            (3, 2, 2, 2),
            (2, 2, 3, 1),
            (1, 1, 2, None),
        ]
        for days_ago, before, after, morning in week:
            for hours in (2, 1, 0):
                when = now - datetime.timedelta(days=days_ago, hours=hours)
                self._log(actor, olivia, when, before, after, morning if hours == 0 else None)
        self._log(actor, patients["Carter"], now - datetime.timedelta(hours=20), 3, 7, None)
        self._outcomes(actor, patients, now)

    @staticmethod
    def _outcomes(actor, patients, now) -> None:
        """Olivia's PSFS is due again (the portal asks her); Carter has licensed scores; Evans
        finished and was discharged, so the clinic's results have a row."""

        def ago(days: int) -> datetime.datetime:
            return now - datetime.timedelta(days=days)

        activities = ("Sitting through a film", "Lifting the shopping", "Gardening")
        ratings = (3, 2, 4)
        outcome_record(
            actor=actor,
            patient=patients["Bennett"],
            instrument="psfs",
            psfs=[
                PsfsEntry(name, rating) for name, rating in zip(activities, ratings, strict=True)
            ],
            taken_at=ago(15),
        )
        carter = patients["Carter"]
        outcome_record(actor=actor, patient=carter, instrument="odi", score=46, taken_at=ago(9))
        outcome_record(
            actor=actor,
            patient=carter,
            instrument="start_back",
            score=6,
            subscale=4,
            taken_at=ago(9),
        )
        evans = patients["Evans"]
        for instrument, first, last in (("odi", 38, 24), ("rmdq", 12, 6), ("nprs", 6, 2)):
            outcome_record(
                actor=actor, patient=evans, instrument=instrument, score=first, taken_at=ago(9)
            )
            outcome_record(actor=actor, patient=evans, instrument=instrument, score=last)
        program = Program.objects.get(patient=evans, status=Program.Status.ACTIVE)
        program_complete(actor=actor, program=program)
        discharge_record(
            actor=actor,
            program=program,
            summary="Pain and function improved beyond the minimal important change; back at "
            "work. Continue the exercises twice a week.",
        )

    @staticmethod
    def _log(actor, patient, when, before, after, morning) -> None:
        program = Program.objects.get(patient=patient, status=Program.Status.ACTIVE)
        items = [ItemReport(i.pk, True, i.sets, i.reps) for i in program.items.all()]
        session, _ = session_log_record(
            actor=actor,
            patient=patient,
            pain_before=before,
            pain_after=after,
            items=items,
            performed_at=when,
        )
        if morning is not None:
            session_morning_record(actor=actor, session=session, pain_next_morning=morning)
