"""factory_boy factories; each tree builds one clinic unless a clinic is passed in."""

import datetime

import factory
from factory.django import DjangoModelFactory

from clinic.models import Clinic, Clinician, User
from patients.clinical import referral_for, tier_for
from patients.models import Assessment, Patient

TEST_PASSWORD = "correct-horse-battery-staple"


class ClinicFactory(DjangoModelFactory):
    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Clinic {n}")
    timezone = "Europe/London"
    phone = "020 7946 0000"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ClinicianFactory(DjangoModelFactory):
    class Meta:
        model = Clinician

    user = factory.SubFactory(UserFactory)
    clinic = factory.SubFactory(ClinicFactory)
    is_clinic_admin = False


class PatientFactory(DjangoModelFactory):
    """A patient with a first assessment (pass severity, pain_level, red_flags to shape it)."""

    class Meta:
        model = Patient

    clinic = factory.SubFactory(ClinicFactory)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    date_of_birth = datetime.date(1980, 5, 17)
    timezone = "Europe/London"
    condition = "nonspecific_back_pain"
    region = "lower_back"

    @classmethod
    def _create(cls, model_class, *args, severity="mild", pain_level=3, red_flags=(), **kwargs):
        patient = super()._create(model_class, *args, **kwargs)
        AssessmentFactory(
            patient=patient,
            injury_severity=severity,
            pain_level=pain_level,
            red_flags=list(red_flags),
        )
        return patient


class AssessmentFactory(DjangoModelFactory):
    """An assessment that becomes the patient's latest, with tier derived by the real rules."""

    class Meta:
        model = Assessment

    patient = factory.SubFactory(PatientFactory)
    injury_severity = "mild"
    pain_level = 3
    red_flags = factory.LazyFunction(list)
    tier = factory.LazyAttribute(lambda a: tier_for(a.injury_severity, a.pain_level))
    referral_required = factory.LazyAttribute(lambda a: referral_for(a.red_flags).required)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        assessment = super()._create(model_class, *args, **kwargs)
        Patient.objects.filter(pk=assessment.patient_id).update(latest_assessment=assessment)
        assessment.patient.latest_assessment = assessment
        return assessment


def program_factory(*, patient, status="draft", tier=None, slugs=("prone-on-elbows",)):
    """A program with items of the seeded library at their default dosage for its tier."""
    from programs.library.dosage import PatientProfile, dosage_for
    from programs.library.models import Exercise
    from programs.prescribing.models import Program, ProgramItem

    tier = tier or patient.latest_assessment.tier
    program = Program.objects.create(
        patient=patient, status=status, tier=tier, assessment=patient.latest_assessment
    )
    profile = PatientProfile(condition=patient.condition, prone_tolerant=patient.prone_tolerant)
    for order, slug in enumerate(slugs, start=1):
        exercise = Exercise.objects.get(clinic=None, slug=slug)
        dosage = dosage_for(tier=tier, exercise=exercise.spec, patient=profile)
        ProgramItem.objects.create(
            program=program, exercise=exercise, order=order, **dosage.as_dict()
        )
    return program


def portal_client_for(patient):
    """A test client signed in as the patient's portal user (created if needed)."""
    from django.test import Client

    if patient.user is None:
        patient.user = UserFactory(email=f"patient{patient.pk}@example.com")
        patient.save(update_fields=["user"])
    client = Client()
    client.force_login(patient.user)
    return client


def session_factory(*, program, before=2, after=3, next_morning=None, days_ago=0):
    """A logged session with every item completed as prescribed."""
    import datetime

    from django.utils import timezone

    from programs.followup.models import SessionItemLog, SessionLog

    when = timezone.now() - datetime.timedelta(days=days_ago)
    session = SessionLog.objects.create(
        patient=program.patient,
        program=program,
        performed_at=when,
        local_date=when.date(),
        pain_before=before,
        pain_after=after,
        pain_next_morning=next_morning,
    )
    SessionItemLog.objects.bulk_create(
        SessionItemLog(
            session=session,
            item=item,
            exercise=item.exercise,
            completed=True,
            sets_done=item.sets,
            reps_done=item.reps,
        )
        for item in program.items.all()
    )
    return session


def api_token_for(user) -> str:
    """The secret of a fresh API token of the user, for `Authorization: Bearer`."""
    from clinic.services import api_token_create

    return api_token_create(user=user)[1]


def api_key_for(clinic, *, role="read_write", name="Practice EHR"):
    """A clinic API key made by a clinic admin; returns (key, secret)."""
    from clinic.models import AuditLog
    from clinic.services import Actor, api_key_create

    admin = ClinicianFactory(clinic=clinic, is_clinic_admin=True)
    actor = Actor(clinic=clinic, user=admin.user, channel=AuditLog.Channel.UI)
    return api_key_create(actor=actor, name=name, role=role)
