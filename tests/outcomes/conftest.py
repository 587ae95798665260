import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from programs.outcomes.models import OutcomeScore
from tests.factories import program_factory


@pytest.fixture
def active_program(patient, clinician):
    return program_factory(patient=patient, status="active")


def score_factory(*, patient, instrument, score, days_ago=0, subscale=None, program=None):
    """A score written directly (services are tested on their own)."""
    return OutcomeScore.objects.create(
        patient=patient,
        program=program,
        instrument=instrument,
        score=Decimal(score),
        subscale=subscale,
        taken_at=timezone.now() - datetime.timedelta(days=days_ago),
        source=OutcomeScore.Source.CLINICIAN,
    )
