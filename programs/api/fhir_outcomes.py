"""Outcome scores in the FHIR export: an Observation per score (LOINC where the score has a
code, text and our own code otherwise) and the PSFS activities as Goals.

Pure like programs.api.fhir: loaded objects in, JSON-ready dicts out. NPRS scores that are an
assessment's pain are left out here: the export already has them as pain Observations.
"""

from collections.abc import Callable
from typing import Any

from programs.outcomes.instruments import SPECS, Instrument

LOINC = "http://loinc.org"
CODE_SYSTEM = "https://backstrong.app/fhir/CodeSystem"
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
        }
    ]
}


def _code(instrument: str) -> dict[str, Any]:
    spec = SPECS[instrument]
    coding = [
        {"system": f"{CODE_SYSTEM}/outcome-instrument", "code": spec.code, "display": spec.name}
    ]
    if spec.loinc:
        coding.insert(0, {"system": LOINC, "code": spec.loinc[0], "display": spec.loinc[1]})
    return {"coding": coding, "text": spec.name}


def _score(value) -> dict[str, Any]:
    return {
        "value": float(value),
        "unit": "score",
        "system": "http://unitsofmeasure.org",
        "code": "{score}",
    }


def outcome_entries(
    *,
    scores: list,
    activities: list,
    subject: dict[str, Any],
    full_url: Callable[[str, str], str],
    instant: Callable[[Any], str],
    goals_active: bool,
) -> list[dict[str, Any]]:
    """Observations for the outcome scores and Goals for the PSFS activities."""
    goal_urls = {activity.pk: full_url("Goal", f"psfs-{activity.pk}") for activity in activities}
    entries = []
    for activity in activities:
        entries.append(
            {
                "fullUrl": goal_urls[activity.pk],
                "resource": {
                    "resourceType": "Goal",
                    "id": f"psfs-{activity.pk}",
                    "lifecycleStatus": "active" if goals_active else "completed",
                    "category": [{"text": "Patient-Specific Functional Scale activity"}],
                    "description": {"text": activity.name},
                    "subject": subject,
                    "target": [
                        {
                            "measure": {"text": "PSFS rating (0 unable – 10 as before the injury)"},
                            "detailInteger": 10,
                        }
                    ],
                },
            }
        )
    for score in scores:
        if score.assessment_id is not None:
            continue
        key = f"outcome-{score.pk}"
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            "id": key,
            "status": "final",
            "category": [SURVEY],
            "code": _code(score.instrument),
            "subject": subject,
            "effectiveDateTime": instant(score.taken_at),
            "valueQuantity": _score(score.score),
        }
        if score.instrument == Instrument.START_BACK and score.subscale is not None:
            resource["component"] = [
                {
                    "code": {"text": "STarT Back psychosocial subscale"},
                    "valueQuantity": _score(score.subscale),
                }
            ]
            group = score.risk_group
            if group is not None:
                resource["interpretation"] = [{"text": str(group.label)}]
        if score.instrument == Instrument.PSFS:
            ratings = list(score.psfs_ratings.all())
            resource["component"] = [
                {"code": {"text": rating.activity.name}, "valueInteger": rating.rating}
                for rating in ratings
            ]
            resource["note"] = [{"text": "The score is the mean of the activities' ratings."}]
            resource["focus"] = [
                {"reference": goal_urls[r.activity_id]}
                for r in ratings
                if r.activity_id in goal_urls
            ]
        entries.append({"fullUrl": full_url("Observation", key), "resource": resource})
    return entries
