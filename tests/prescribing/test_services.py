"""Program services: generation, edits with history, transitions, templates and refusals."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from clinic.models import AuditLog
from clinic.services import Actor
from patients.services import assessment_record
from programs.library.models import Exercise
from programs.library.services import exercise_create
from programs.library.standard import STANDARD_LIBRARY
from programs.prescribing.models import DosageChange, Program
from programs.prescribing.services import (
    ProgramConflict,
    ReferralRequired,
    program_activate,
    program_complete,
    program_generate,
    program_item_add,
    program_item_change_dosage,
    program_item_move,
    program_item_remove,
    program_pause,
    program_template_apply,
    program_template_save,
)
from tests.factories import ClinicFactory, ClinicianFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db

MODERATE_SET = [
    "prone-lying",
    "prone-on-elbows",
    "prone-press-up",
    "standing-head-chest-extension",
    "abdominal-bracing",
]


def _slugs(program):
    return [item.exercise.slug for item in program.items.order_by("order")]


def _dosage(item, **changes):
    return item.dosage.as_dict() | changes


def test_library_is_seeded_with_instructions_cautions_and_pictures():
    exercises = Exercise.objects.filter(clinic=None)
    assert {e.slug for e in exercises} == {spec.slug for spec in STANDARD_LIBRARY}
    for exercise in exercises:
        assert len(exercise.instruction_steps) >= 3, exercise.slug
        assert exercise.caution_list, exercise.slug
        assert (Path(settings.BASE_DIR) / "static" / exercise.illustration).is_file()
    elbows = exercises.get(slug="prone-on-elbows")
    assert "10 seconds" in elbows.instructions


def test_generate_moderate_draft(actor, clinic):
    patient = PatientFactory(clinic=clinic, severity="mild", pain_level=6)
    program = program_generate(actor=actor, patient=patient)
    assert program.status == "draft" and program.tier == "moderate"
    assert _slugs(program) == MODERATE_SET
    elbows = program.items.get(exercise__slug="prone-on-elbows")
    assert (elbows.reps, elbows.hold_seconds, elbows.sessions_per_day) == (8, 10, 2)
    assert AuditLog.objects.filter(
        patient=patient, action="create", summary__contains="tier moderate"
    )


def test_generate_gives_standing_alternatives_when_prone_is_uncomfortable(actor, clinic):
    patient = PatientFactory(clinic=clinic, severity="severe", pain_level=8, prone_tolerant=False)
    program = program_generate(actor=actor, patient=patient)
    assert _slugs(program) == ["standing-back-extension", "abdominal-bracing"]


def test_generate_refuses_red_flags_and_names_them(actor, clinic):
    patient = PatientFactory(clinic=clinic, red_flags=["saddle_anaesthesia", "night_pain"])
    with pytest.raises(ReferralRequired) as exc:
        program_generate(actor=actor, patient=patient)
    assert exc.value.flags == ["saddle_anaesthesia", "night_pain"]
    assert "Saddle anaesthesia (emergency)" in exc.value.messages[0]
    assert "Night pain (urgent)" in exc.value.messages[0]
    assert not Program.objects.exists()


def test_generate_refuses_archived_patients(actor, patient):
    from patients.services import patient_archive

    patient_archive(actor=actor, patient=patient)
    with pytest.raises(ProgramConflict, match="archived"):
        program_generate(actor=actor, patient=patient)


def test_activate_completes_the_previous_active_program(actor, patient):
    first = program_generate(actor=actor, patient=patient)
    program_activate(actor=actor, program=first)
    second = program_generate(actor=actor, patient=patient)
    program_activate(actor=actor, program=second, start_date=datetime.date(2026, 12, 1))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("completed", "active")
    assert first.end_date is not None
    assert second.start_date == datetime.date(2026, 12, 1)
    assert AuditLog.objects.filter(
        patient=patient, summary=f"Completed because program {second.pk} was activated"
    ).exists()


def test_database_allows_one_active_program_per_patient(patient):
    program_factory(patient=patient, status="active")
    with pytest.raises(IntegrityError), transaction.atomic():
        program_factory(patient=patient, status="active")


def test_activate_refuses_when_a_red_flag_appeared_after_the_draft(actor, patient):
    draft = program_generate(actor=actor, patient=patient)
    assessment_record(
        actor=actor,
        patient=patient,
        injury_severity="mild",
        pain_level=2,
        red_flags=["major_trauma"],
    )
    with pytest.raises(ReferralRequired, match="Major trauma"):
        program_activate(actor=actor, program=draft)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_activate_refuses_exercises_the_new_assessment_rules_out(actor, clinic):
    patient = PatientFactory(clinic=clinic, severity="mild", pain_level=2)
    draft = program_generate(actor=actor, patient=patient)
    assessment_record(actor=actor, patient=patient, injury_severity="severe", pain_level=8)
    with pytest.raises(ProgramConflict, match="Curl-up"):
        program_activate(actor=actor, program=draft)


def test_activate_refuses_an_empty_program(actor, patient):
    draft = program_factory(patient=patient, slugs=())
    with pytest.raises(ProgramConflict, match="at least one exercise"):
        program_activate(actor=actor, program=draft)


def test_pause_resume_complete(actor, patient):
    program = program_generate(actor=actor, patient=patient)
    with pytest.raises(ProgramConflict):
        program_pause(actor=actor, program=program)
    with pytest.raises(ProgramConflict):
        program_complete(actor=actor, program=program)
    program_activate(actor=actor, program=program)
    started = Program.objects.get(pk=program.pk).start_date
    program_pause(actor=actor, program=program)
    assert Program.objects.get(pk=program.pk).status == "paused"
    program_activate(actor=actor, program=program, start_date=datetime.date(2030, 1, 1))
    resumed = Program.objects.get(pk=program.pk)
    assert resumed.status == "active" and resumed.start_date == started
    program_complete(actor=actor, program=program)
    assert Program.objects.get(pk=program.pk).status == "completed"
    with pytest.raises(ProgramConflict, match="cannot be activated"):
        program_activate(actor=actor, program=program)


def test_dosage_change_is_recorded_with_reason(actor, patient):
    program = program_generate(actor=actor, patient=patient)
    item = program.items.get(exercise__slug="prone-on-elbows")
    old = item.dosage.as_dict()
    program_item_change_dosage(
        actor=actor, item=item, reason="Pain settled", **_dosage(item, reps=12)
    )
    change = DosageChange.objects.get()
    assert change.old == old and change.new["reps"] == 12
    assert change.reason == "Pain settled" and change.changed_by == actor.user
    assert change.changed_fields == [("reps", old["reps"], 12)]
    item.refresh_from_db()
    assert item.reps == 12


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reps": 0}, "reps"),
        ({"reps": -3}, "reps"),
        ({"sets": 0}, "sets"),
        ({"hold_seconds": -1}, "hold_seconds"),
        ({"sessions_per_day": 0}, "sessions_per_day"),
        ({"days_per_week": 8}, "days_per_week"),
        ({"hold_seconds": 5}, "hold_seconds"),  # prone on elbows: at least 10 s
        ({"reason": "   "}, "reason"),
    ],
)
def test_bad_dosage_changes_are_refused_and_change_nothing(actor, patient, changes, field):
    program = program_generate(actor=actor, patient=patient)
    item = program.items.get(exercise__slug="prone-on-elbows")
    before = item.dosage.as_dict()
    values = _dosage(item) | {"reason": "because"} | changes
    with pytest.raises(ValidationError) as exc:
        program_item_change_dosage(actor=actor, item=item, **values)
    assert field in exc.value.message_dict
    item.refresh_from_db()
    assert item.dosage.as_dict() == before
    assert not DosageChange.objects.exists()


def test_unchanged_dosage_is_refused(actor, patient):
    item = program_generate(actor=actor, patient=patient).items.first()
    with pytest.raises(ValidationError, match="Nothing changed"):
        program_item_change_dosage(actor=actor, item=item, reason="x", **_dosage(item))


def test_completed_programs_cannot_be_edited(actor, patient):
    program = program_factory(patient=patient, status="completed")
    item = program.items.first()
    with pytest.raises(ProgramConflict, match="completed"):
        program_item_change_dosage(actor=actor, item=item, reason="x", **_dosage(item, reps=9))


def test_add_item_uses_the_default_and_refuses_unsafe_exercises(actor, clinic):
    disc = PatientFactory(
        clinic=clinic, condition="herniated_disc", severity="moderate", pain_level=5
    )
    program = program_factory(patient=disc)
    press_up = Exercise.objects.get(slug="prone-press-up")
    item = program_item_add(actor=actor, program=program, exercise=press_up)
    assert (item.reps, item.order) == (8, 2)
    with pytest.raises(ValidationError, match="already in this program"):
        program_item_add(actor=actor, program=program, exercise=press_up)
    with pytest.raises(ValidationError, match="not prescribed at tier moderate"):
        program_item_add(
            actor=actor, program=program, exercise=Exercise.objects.get(slug="curl-up")
        )


def test_add_item_refuses_flexion_for_disc_patients_even_for_clinic_exercises(actor, clinic):
    toe_touch = exercise_create(
        actor=actor,
        name="Toe touch",
        instructions="Bend forward.",
        category="mobility",
        position="standing",
        progression_order=1,
        dosage_profile="standing_extension",
        max_tier="severe",
        loads_flexion=True,
    )
    disc = PatientFactory(
        clinic=clinic, condition="bulging_disc", severity="moderate", pain_level=5
    )
    with pytest.raises(ValidationError, match="bends the spine forward"):
        program_item_add(actor=actor, program=program_factory(patient=disc), exercise=toe_touch)


def test_add_item_refuses_another_clinics_exercise(actor, patient):
    outsider = ClinicianFactory(clinic=ClinicFactory())
    other_actor = Actor(clinic=outsider.clinic, user=outsider.user)
    theirs = exercise_create(
        actor=other_actor,
        name="Secret move",
        instructions="Do it.",
        category="core",
        position="supine",
        progression_order=1,
        dosage_profile="bracing",
        max_tier="severe",
    )
    with pytest.raises(ValidationError, match="your library"):
        program_item_add(actor=actor, program=program_factory(patient=patient), exercise=theirs)


def test_remove_keeps_history_but_not_the_last_active_item(actor, patient):
    program = program_generate(actor=actor, patient=patient)
    item = program.items.get(exercise__slug="prone-on-elbows")
    program_item_change_dosage(actor=actor, item=item, reason="x", **_dosage(item, reps=9))
    program_item_remove(actor=actor, item=item)
    assert DosageChange.objects.get().item is None
    single = program_factory(patient=PatientFactory(clinic=patient.clinic), status="active")
    with pytest.raises(ProgramConflict, match="at least one exercise"):
        program_item_remove(actor=actor, item=single.items.get())


def test_move_reorders_items(actor, patient):
    program = program_generate(actor=actor, patient=patient)
    second = program.items.get(order=2)
    program_item_move(actor=actor, item=second, direction="up")
    assert _slugs(program)[0] == second.exercise.slug
    program_item_move(actor=actor, item=second, direction="up")  # already first: no change
    assert _slugs(program)[0] == second.exercise.slug
    with pytest.raises(ValidationError):
        program_item_move(actor=actor, item=second, direction="sideways")


def test_template_is_rescaled_to_the_other_patients_tier(actor, clinic):
    mild = PatientFactory(clinic=clinic, severity="mild", pain_level=2)
    source = program_generate(actor=actor, patient=mild)
    elbows = source.items.get(exercise__slug="prone-on-elbows")
    # 12 reps where the mild default is 10: the template keeps that +20 % intent.
    program_item_change_dosage(actor=actor, item=elbows, reason="x", **_dosage(elbows, reps=12))
    template = program_template_save(actor=actor, program=source, name="Disc rehab")
    severe = PatientFactory(clinic=clinic, severity="severe", pain_level=8)
    program, skipped = program_template_apply(actor=actor, template=template, patient=severe)
    assert program.tier == "severe" and program.status == "draft"
    scaled = program.items.get(exercise__slug="prone-on-elbows")
    assert (scaled.reps, scaled.hold_seconds, scaled.sessions_per_day) == (6, 10, 2)
    assert set(_slugs(program)) == {"prone-lying", "prone-on-elbows", "abdominal-bracing"}
    assert any(s.startswith("Curl-up") for s in skipped)


def test_template_names_are_unique_per_clinic(actor, patient):
    program = program_generate(actor=actor, patient=patient)
    program_template_save(actor=actor, program=program, name="Standard")
    with pytest.raises(ValidationError) as exc:
        program_template_save(actor=actor, program=program, name="standard")
    assert "name" in exc.value.message_dict


def test_template_apply_refuses_red_flags(actor, clinic, patient):
    template = program_template_save(
        actor=actor, program=program_generate(actor=actor, patient=patient), name="T"
    )
    flagged = PatientFactory(clinic=clinic, red_flags=["history_of_cancer"])
    with pytest.raises(ReferralRequired):
        program_template_apply(actor=actor, template=template, patient=flagged)


def test_clinic_exercise_names_must_be_new(actor):
    fields = {
        "instructions": "Step",
        "category": "core",
        "position": "supine",
        "progression_order": 1,
        "dosage_profile": "bracing",
        "max_tier": "severe",
    }
    with pytest.raises(ValidationError, match="already in your library"):
        exercise_create(actor=actor, name="Bird dog", **fields)
    exercise_create(actor=actor, name="Hollow hold", **fields)
    with pytest.raises(ValidationError, match="already in your library"):
        exercise_create(actor=actor, name="Hollow Hold", **fields)


def test_a_clinic_exercise_keeps_its_own_minimum_hold(actor, patient):
    """The minimum hold is a fact of the exercise, not a special case of one slug."""
    wall_sit = exercise_create(
        actor=actor,
        name="Wall sit",
        instructions="Slide down the wall",
        category="core",
        position="standing",
        progression_order=9,
        dosage_profile="bracing",
        max_tier="severe",
        min_hold_seconds=20,
    )
    program = program_factory(patient=patient)
    item = program_item_add(actor=actor, program=program, exercise=wall_sit)
    assert item.hold_seconds == 20  # the bracing default (10 s) raised to the minimum
    dosage = item.dosage.as_dict()
    with pytest.raises(ValidationError) as exc:
        program_item_change_dosage(
            actor=actor, item=item, reason="shorter", **(dosage | {"hold_seconds": 15})
        )
    assert exc.value.message_dict == {"hold_seconds": ["Wall sit is held at least 20 seconds."]}


def test_the_seeded_library_carries_the_facts_of_the_standard_list():
    for spec in STANDARD_LIBRARY:
        assert Exercise.objects.get(clinic=None, slug=spec.slug).spec == spec


def test_dosage_and_status_changes_are_audited_field_by_field(actor, patient):
    program = program_factory(patient=patient, status="draft")
    item = program.items.get()
    old = item.dosage.as_dict()
    program_item_change_dosage(
        actor=actor, item=item, reason="tolerating well", **(old | {"reps": old["reps"] + 2})
    )
    row = AuditLog.objects.filter(patient=patient, object_type="Program").latest("id")
    assert row.changes == [{"field": "reps", "old": old["reps"], "new": old["reps"] + 2}]
    program_activate(actor=actor, program=program)
    row = AuditLog.objects.filter(patient=patient, object_type="Program").latest("id")
    assert row.changes == [{"field": "status", "old": "draft", "new": "active"}]
