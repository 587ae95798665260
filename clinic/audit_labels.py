"""Readable audit rows: the label of each field and of each coded value ("Red flags: Night
pain" rather than "red_flags: ['night_pain']").

The ground floor knows no clinical codes: each app registers its own fields' labels from its
AppConfig.ready(), and the audit pages and the CSV export read them here.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext

# Labels stay lazy: registered once at start-up, read in each request's language.
Label = str | Promise
_field_labels: dict[str, Label] = {}
_value_labels: dict[str, dict[str, Label]] = {}


def audit_labels_register(
    field: str, *, label: Label, values: Mapping[str, Label] | None = None
) -> None:
    """Name a field (and its coded values) as the audit trail shows it."""
    _field_labels[field] = label
    if values is not None:
        _value_labels[field] = {str(code): name for code, name in values.items()}


def field_label(field: str) -> str:
    return str(_field_labels.get(field) or field.replace("_", " ").capitalize())


def value_label(field: str, value: Any) -> str:
    """A value as people read it: labels for codes, lists joined, yes or no, — for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list | tuple):
        return ", ".join(value_label(field, item) for item in value) if value else gettext("none")
    return str(_value_labels.get(field, {}).get(str(value), str(value)))


@dataclass(frozen=True)
class ReadableChange:
    field: str
    label: str
    old: str
    new: str


def readable_changes(changes: list[dict[str, Any]]) -> list[ReadableChange]:
    """An audit row's changes with labels, in their recorded order."""
    return [
        ReadableChange(
            field=str(change.get("field", "")),
            label=field_label(str(change.get("field", ""))),
            old=value_label(str(change.get("field", "")), change.get("old")),
            new=value_label(str(change.get("field", "")), change.get("new")),
        )
        for change in changes
        if isinstance(change, dict)
    ]
