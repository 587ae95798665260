"""Clinical codes and the tier and referral rules of SPEC 2.1–2.2.

Pure: no ORM and no I/O, so the rules can be read, tested and shown to clinicians as tables.
The codes are a contract with integrations; never rename one.
"""

from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

NRS_MIN = 0
NRS_MAX = 10

# Published Numeric Rating Scale cut-offs: 0 none, 1–4 mild, 5–6 moderate, 7–10 severe.
MILD_PAIN_MIN = 1
MODERATE_PAIN_MIN = 5
SEVERE_PAIN_MIN = 7


class Condition(TextChoices):
    NONSPECIFIC_BACK_PAIN = "nonspecific_back_pain", _("Non-specific back pain")
    MUSCLE_STRAIN = "muscle_strain", _("Muscle strain")
    HERNIATED_DISC = "herniated_disc", _("Herniated disc")
    BULGING_DISC = "bulging_disc", _("Bulging disc")
    DEGENERATIVE_DISC = "degenerative_disc", _("Degenerative disc")
    SPINAL_STENOSIS = "spinal_stenosis", _("Spinal stenosis")
    POST_SURGICAL = "post_surgical", _("Post-surgical")
    PREVENTION = "prevention", _("Prevention")
    OTHER = "other", _("Other")


class Region(TextChoices):
    UPPER_BACK = "upper_back", _("Upper back")
    MID_BACK = "mid_back", _("Mid back")
    LOWER_BACK = "lower_back", _("Lower back")


class Severity(TextChoices):
    """Both the clinician's injury grading and the intensity tier use these codes."""

    NONE = "none", _("None (prevention)")
    MILD = "mild", _("Mild")
    MODERATE = "moderate", _("Moderate")
    SEVERE = "severe", _("Severe")


SEVERITY_ORDER: tuple[str, ...] = (
    Severity.NONE,
    Severity.MILD,
    Severity.MODERATE,
    Severity.SEVERE,
)
# Lazy: read in the language of each request. Where a label goes into text, str() it.
TIER_LABELS: dict[str, str | Promise] = {
    Severity.NONE: pgettext_lazy("tier", "prevention"),
    Severity.MILD: pgettext_lazy("tier", "mild"),
    Severity.MODERATE: pgettext_lazy("tier", "moderate"),
    Severity.SEVERE: pgettext_lazy("tier", "severe"),
}


def tier_label_untranslated(tier: str) -> str:
    """A tier's label as written in the code (English), for audit summaries: the trail reads
    the same whoever wrote it and in whatever language."""
    with translation.override(None):
        return str(TIER_LABELS[tier])


class RedFlag(TextChoices):
    SADDLE_ANAESTHESIA = "saddle_anaesthesia", _("Saddle anaesthesia")
    BLADDER_BOWEL_DYSFUNCTION = "bladder_bowel_dysfunction", _("Bladder or bowel dysfunction")
    BILATERAL_LEG_SYMPTOMS = "bilateral_leg_symptoms", _("Bilateral leg symptoms")
    PROGRESSIVE_LEG_WEAKNESS = "progressive_leg_weakness", _("Progressive leg weakness")
    HISTORY_OF_CANCER = "history_of_cancer", _("History of cancer")
    UNEXPLAINED_WEIGHT_LOSS = "unexplained_weight_loss", _("Unexplained weight loss")
    FEVER_OR_INFECTION_RISK = "fever_or_infection_risk", _("Fever or infection risk")
    MAJOR_TRAUMA = "major_trauma", _("Major trauma")
    OSTEOPOROTIC_FRACTURE_RISK = "osteoporotic_fracture_risk", _("Osteoporotic fracture risk")
    NIGHT_PAIN = "night_pain", _("Night pain")


# Possible cauda equina syndrome or cord compromise: same-day emergency referral.
EMERGENCY_FLAGS = frozenset(
    {
        RedFlag.SADDLE_ANAESTHESIA,
        RedFlag.BLADDER_BOWEL_DYSFUNCTION,
        RedFlag.BILATERAL_LEG_SYMPTOMS,
        RedFlag.PROGRESSIVE_LEG_WEAKNESS,
    }
)


def pain_band(pain_level: int) -> str:
    """Return the NRS band code of a 0–10 pain score."""
    if not NRS_MIN <= pain_level <= NRS_MAX:
        raise ValueError(f"Pain must be between {NRS_MIN} and {NRS_MAX}, not {pain_level}.")
    if pain_level >= SEVERE_PAIN_MIN:
        return Severity.SEVERE
    if pain_level >= MODERATE_PAIN_MIN:
        return Severity.MODERATE
    if pain_level >= MILD_PAIN_MIN:
        return Severity.MILD
    return Severity.NONE


def tier_for(injury_severity: str, pain_level: int) -> str:
    """Return the intensity tier: the worse of the injury severity and the pain band."""
    band = pain_band(pain_level)
    return max(injury_severity, band, key=SEVERITY_ORDER.index)


def tier_reason(injury_severity: str, pain_level: int) -> str:
    """Explain a tier in one line, e.g. 'tier moderate: pain 6/10 is moderate; severity mild'."""
    tier = tier_for(injury_severity, pain_level)
    return gettext("tier %(tier)s: pain %(pain)s/%(max)s is %(band)s; severity %(severity)s") % {
        "tier": str(TIER_LABELS[tier]),
        "pain": pain_level,
        "max": NRS_MAX,
        "band": pain_band(pain_level),
        "severity": injury_severity,
    }


@dataclass(frozen=True)
class Referral:
    """What the red flags of an assessment call for."""

    emergency: tuple[str, ...]
    urgent: tuple[str, ...]

    @property
    def required(self) -> bool:
        return bool(self.emergency or self.urgent)

    @property
    def level(self) -> str | None:
        if self.emergency:
            return "emergency"
        return "urgent" if self.urgent else None

    @property
    def named(self) -> list[str]:
        """Each flag by name with its level, emergencies first: 'Night pain (urgent)'."""
        return [
            pgettext("red flag", "%(flag)s (emergency)") % {"flag": RedFlag(code).label}
            for code in self.emergency
        ] + [
            pgettext("red flag", "%(flag)s (urgent)") % {"flag": RedFlag(code).label}
            for code in self.urgent
        ]

    @property
    def advice(self) -> str:
        if self.emergency:
            return gettext("Same-day emergency referral: do not prescribe exercise.")
        if self.urgent:
            return gettext("Urgent referral for medical assessment before any exercise program.")
        return ""


def red_flag_names(codes: list[str]) -> str:
    """Red flags as clinicians name them ("Night pain"), for audit summaries."""
    labels = dict(RedFlag.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)


def referral_for(red_flags: list[str] | tuple[str, ...]) -> Referral:
    """Split red flags into emergency and urgent ones, in the order of the screening list."""
    unknown = set(red_flags) - set(RedFlag.values)
    if unknown:
        raise ValueError(
            gettext("Unknown red flag codes: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
        )
    ordered = [code for code in RedFlag.values if code in red_flags]
    return Referral(
        emergency=tuple(code for code in ordered if code in EMERGENCY_FLAGS),
        urgent=tuple(code for code in ordered if code not in EMERGENCY_FLAGS),
    )


# The emergency red flags as a patient would recognise them (portal symptom check).
EMERGENCY_SYMPTOM_QUESTIONS = {
    RedFlag.SADDLE_ANAESTHESIA: (
        _("Numbness or tingling around your bottom, genitals or inner thighs")
    ),
    RedFlag.BLADDER_BOWEL_DYSFUNCTION: (
        _("New trouble controlling or passing urine, or controlling your bowels")
    ),
    RedFlag.BILATERAL_LEG_SYMPTOMS: _("Pain, numbness or tingling in both legs"),
    RedFlag.PROGRESSIVE_LEG_WEAKNESS: (
        _("Weakness in a leg that is getting worse, or a foot that drags or slaps")
    ),
}
