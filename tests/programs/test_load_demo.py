"""`make run` loads the demo clinic: it must work on an empty database and again on its own
data (run twice, it reuses what is there)."""

import pytest
from django.core.management import call_command

from clinic.models import Clinician
from patients.models import Patient
from programs.followup.models import SessionLog
from programs.prescribing.models import Program

pytestmark = pytest.mark.django_db


def test_load_demo_twice_makes_one_demo_clinic(capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    counts = (
        Clinician.objects.count(),
        Patient.objects.count(),
        Program.objects.count(),
        SessionLog.objects.count(),
    )
    assert "admin@backstrong.demo" in first and "olivia.bennett@example.com" in first
    assert counts[0] >= 2 and counts[1] >= 1 and counts[2] >= 1 and counts[3] >= 1
    call_command("load_demo")
    assert (
        Clinician.objects.count(),
        Patient.objects.count(),
        Program.objects.count(),
        SessionLog.objects.count(),
    ) == counts
    olivia = Patient.objects.get(email="olivia.bennett@example.com")
    assert olivia.user is not None and olivia.user.check_password("spine-demo-2026")
    assert olivia.programs.filter(status="active").exists()


def test_the_demo_has_outcomes_to_show():
    from programs.outcomes.models import Discharge, OutcomeScore

    call_command("load_demo")
    olivia = Patient.objects.get(email="olivia.bennett@example.com")
    assert olivia.psfs_activities.count() == 3
    discharge = Discharge.objects.get()
    assert {o.instrument: o.verdict for o in discharge.outcomes.all()} == {
        "nprs": "improved",
        "odi": "improved",
        "rmdq": "improved",
    }
    assert OutcomeScore.objects.filter(instrument="start_back").exists()
