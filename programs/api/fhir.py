"""A patient's record as a FHIR R4 Bundle (type collection): Patient, Condition, one CarePlan per
program with its exercises as activities, one Observation per pain score (LOINC 72514-3), one
per outcome score and the PSFS activities as Goals (programs.api.fhir_outcomes).

Pure: takes loaded objects, returns JSON-ready dicts. Resource ids are the database ids; full
URLs are stable `urn:uuid:` names derived from them, so exporting twice gives the same names.
"""

import datetime
import uuid
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from patients.clinical import Condition, Region, Severity
from patients.models import Assessment, Patient
from programs.api.fhir_outcomes import outcome_entries

LOINC = "http://loinc.org"
PAIN_SCORE_CODE = "72514-3"
PAIN_SCORE_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
SNOMED = "http://snomed.info/sct"
# SNOMED CT qualifier values of FHIR's condition-severity value set.
SEVERITY_SNOMED: dict[str, tuple[str, str]] = {
    Severity.MILD: ("255604002", "Mild"),
    Severity.MODERATE: ("6736007", "Moderate"),
    Severity.SEVERE: ("24484000", "Severe"),
}
CODE_SYSTEM = "https://backstrong.app/fhir/CodeSystem"
NAMESPACE = uuid.UUID("7f0c2f4e-4b8a-4d52-9a63-3c1f3f0b9e11")

CAREPLAN_STATUS = {
    "draft": "draft",
    "active": "active",
    "paused": "on-hold",
    "completed": "completed",
}
ACTIVITY_STATUS = {
    "draft": "not-started",
    "active": "in-progress",
    "paused": "on-hold",
    "completed": "completed",
}


def _full_url(patient: Patient, resource_type: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{patient.clinic_id}/{resource_type}/{key}')}"


def _instant(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def _patient(patient: Patient) -> dict:
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": str(patient.pk),
        "active": not patient.is_archived,
        "name": [{"family": patient.last_name, "given": [patient.first_name]}],
        "birthDate": patient.date_of_birth.isoformat(),
    }
    if patient.external_id:
        resource["identifier"] = [
            {
                "system": f"{CODE_SYSTEM}/clinic-{patient.clinic_id}-external-id",
                "value": patient.external_id,
            }
        ]
    telecom = []
    if patient.email:
        telecom.append({"system": "email", "value": patient.email})
    if patient.phone:
        telecom.append({"system": "phone", "value": patient.phone})
    if telecom:
        resource["telecom"] = telecom
    return resource


def _condition(patient: Patient, subject: dict) -> dict:
    assessment = patient.latest_assessment
    resource: dict[str, Any] = {
        "resourceType": "Condition",
        "id": f"{patient.pk}-back",
        "clinicalStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": "inactive" if patient.is_archived else "active",
                }
            ]
        },
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                        "code": "problem-list-item",
                    }
                ]
            }
        ],
        "code": {
            "coding": [
                {
                    "system": f"{CODE_SYSTEM}/condition",
                    "code": patient.condition,
                    "display": Condition(patient.condition).label,
                }
            ],
            "text": Condition(patient.condition).label,
        },
        "bodySite": [{"text": Region(patient.region).label}],
        "subject": subject,
        "recordedDate": _instant(patient.created_at),
    }
    if assessment is not None and assessment.injury_severity in SEVERITY_SNOMED:
        code, display = SEVERITY_SNOMED[assessment.injury_severity]
        resource["severity"] = {
            "coding": [{"system": SNOMED, "code": code, "display": display}],
            "text": display,
        }
    return resource


def _care_plan(program, subject: dict, condition_url: str) -> dict:
    resource: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": str(program.pk),
        "status": CAREPLAN_STATUS[program.status],
        "intent": "plan",
        "title": f"Home exercise program (tier {program.tier_label})",
        "subject": subject,
        "addresses": [{"reference": condition_url}],
        "period": {"start": program.start_date.isoformat()},
        "activity": [
            {
                "detail": {
                    "code": {
                        "coding": [
                            {
                                "system": f"{CODE_SYSTEM}/exercise",
                                "code": item.exercise.slug,
                                "display": item.exercise.name,
                            }
                        ],
                        "text": item.exercise.name,
                    },
                    "status": ACTIVITY_STATUS[program.status],
                    "description": (
                        f"{item.exercise.name}: {item.dosage.describe()}"
                        + (f". {item.notes}" if item.notes else "")
                    ),
                    "scheduledTiming": {
                        "repeat": {
                            "frequency": item.sessions_per_day,
                            "period": 1,
                            "periodUnit": "d",
                        }
                    },
                }
            }
            for item in program.items.all()
        ],
    }
    if program.end_date:
        resource["period"]["end"] = program.end_date.isoformat()
    return resource


def _pain(patient: Patient, key: str, subject: dict, value: int, when: str, note: str) -> dict:
    return {
        "fullUrl": _full_url(patient, "Observation", key),
        "resource": {
            "resourceType": "Observation",
            "id": key,
            "status": "final",
            "category": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                            "code": "survey",
                        }
                    ]
                }
            ],
            "code": {
                "coding": [
                    {"system": LOINC, "code": PAIN_SCORE_CODE, "display": PAIN_SCORE_DISPLAY}
                ],
                "text": "Pain (NRS 0–10)",
            },
            "subject": subject,
            "effectiveDateTime": when,
            "valueInteger": value,
            "note": [{"text": note}],
        },
    }


def patient_bundle(
    *,
    patient: Patient,
    assessments: list[Assessment],
    programs: list,
    sessions: list,
    outcome_scores: Sequence[Any] = (),
    psfs_activities: Sequence[Any] = (),
) -> dict:
    """The FHIR R4 Bundle of one patient, from their assessments, programs (with items and
    exercises), session logs, outcome scores (with PSFS ratings) and PSFS activities."""
    patient_url = _full_url(patient, "Patient", str(patient.pk))
    condition_url = _full_url(patient, "Condition", f"{patient.pk}-back")
    subject = {"reference": patient_url, "display": patient.full_name}
    entries = [
        {"fullUrl": patient_url, "resource": _patient(patient)},
        {"fullUrl": condition_url, "resource": _condition(patient, subject)},
    ]
    for program in programs:
        entries.append(
            {
                "fullUrl": _full_url(patient, "CarePlan", str(program.pk)),
                "resource": _care_plan(program, subject, condition_url),
            }
        )
    for assessment in assessments:
        entries.append(
            _pain(
                patient,
                f"assessment-{assessment.pk}",
                subject,
                assessment.pain_level,
                _instant(assessment.assessed_at),
                "Current pain at a clinical assessment",
            )
        )
    for session in sessions:
        when = _instant(session.performed_at)
        entries.append(
            _pain(
                patient,
                f"session-{session.pk}-before",
                subject,
                session.pain_before,
                when,
                "Before a home exercise session",
            )
        )
        entries.append(
            _pain(
                patient,
                f"session-{session.pk}-after",
                subject,
                session.pain_after,
                when,
                "Highest pain during or just after a home exercise session",
            )
        )
        if session.pain_next_morning is not None:
            next_morning = session.local_date + datetime.timedelta(days=1)
            entries.append(
                _pain(
                    patient,
                    f"session-{session.pk}-next-morning",
                    subject,
                    session.pain_next_morning,
                    next_morning.isoformat(),
                    "The morning after a home exercise session",
                )
            )
    entries += outcome_entries(
        scores=list(outcome_scores),
        activities=list(psfs_activities),
        subject=subject,
        full_url=lambda resource_type, key: _full_url(patient, resource_type, key),
        instant=_instant,
        goals_active=not patient.is_archived
        and any(program.status != "completed" for program in programs),
    )
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _instant(timezone.now()),
        "entry": entries,
    }


# What the OpenAPI schema says of the export; fhir.resources checks the real structure in tests.
BUNDLE_SCHEMA = {
    "type": "object",
    "description": "A FHIR R4 Bundle of type collection.",
    "required": ["resourceType", "type", "entry"],
    "properties": {
        "resourceType": {"type": "string", "enum": ["Bundle"]},
        "type": {"type": "string", "enum": ["collection"]},
        "timestamp": {"type": "string", "format": "date-time"},
        "entry": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["fullUrl", "resource"],
                "properties": {
                    "fullUrl": {"type": "string"},
                    "resource": {
                        "type": "object",
                        "required": ["resourceType"],
                        "properties": {
                            "resourceType": {
                                "type": "string",
                                "enum": ["Patient", "Condition", "CarePlan", "Observation", "Goal"],
                            }
                        },
                    },
                },
            },
        },
    },
}
