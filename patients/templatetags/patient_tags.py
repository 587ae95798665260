from django import template

from patients.clinical import RedFlag

register = template.Library()


@register.filter
def red_flag_label(code: str) -> str:
    """The clinician-facing label of a red-flag code."""
    try:
        return str(RedFlag(code).label)
    except ValueError:
        return code
