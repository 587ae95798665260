"""The education services' own checks, below the forms."""

import pytest
from django.core.exceptions import ValidationError

from programs.education.services import education_page_create


@pytest.mark.django_db
def test_a_page_must_name_a_source_even_past_the_form(actor):
    with pytest.raises(ValidationError, match="Name at least one source"):
        education_page_create(actor=actor, title="Walking", summary="s", body="b", sources="\n ")
