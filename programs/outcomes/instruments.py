"""Outcome instruments: their ranges, licences and codes, the responder rule and the STarT Back
risk group (SPEC 2.7).

Pure: no ORM and no I/O, so the rules can be read, tested and shown to clinicians as tables.
Licensed questionnaires (ODI, RMDQ, STarT Back) are never reproduced here or anywhere in the
app: the clinic administers its own licensed form and the clinician records the score only.
Instrument codes are a contract with integrations; never rename one.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

PSFS_MIN_ACTIVITIES = 3
PSFS_MAX_ACTIVITIES = 5
PSFS_RATING_MIN = 0
PSFS_RATING_MAX = 10
START_BACK_TOTAL_MAX = 9
START_BACK_SUBSCALE_MAX = 5
# The psychosocial subscale is items 5–9 of the nine; the other four items add at most 4.
START_BACK_OTHER_ITEMS = 4
START_BACK_LOW_MAX_TOTAL = 3
START_BACK_HIGH_MIN_SUBSCALE = 4


class Instrument(TextChoices):
    # Translators: use the official name of the validated translation where one exists.
    NPRS = "nprs", _("Pain (NPRS 0–10)")
    # Translators: use the official name of the validated translation where one exists.
    PSFS = "psfs", _("Patient-Specific Functional Scale (PSFS)")
    # Translators: use the official name of the validated translation where one exists.
    ODI = "odi", _("Oswestry Disability Index (ODI)")
    # Translators: use the official name of the validated translation where one exists.
    RMDQ = "rmdq", _("Roland-Morris Disability Questionnaire (RMDQ)")
    # Translators: use the official name of the validated translation where one exists.
    START_BACK = "start_back", _("Keele STarT Back Tool")


class Verdict(TextChoices):
    """How the latest score compares with the baseline under the instrument's rule."""

    IMPROVED = "improved", _("Improved")
    UNCHANGED = "unchanged", _("Unchanged")
    WORSE = "worse", _("Worse")


class RiskGroup(TextChoices):
    LOW = "low", _("Low risk")
    MEDIUM = "medium", _("Medium risk")
    HIGH = "high", _("High risk")


@dataclass(frozen=True)
class ResponderRule:
    """The minimal important change: `points`, or `percent` of the baseline when given."""

    points: Decimal
    percent: int | None
    source: str

    def describe(self, unit: str | Promise) -> str:
        points = f"{self.points.normalize():f} {unit}"
        if not self.percent:
            return points
        return gettext("%(points)s or %(percent)s %% of the baseline") % {
            "points": points,
            "percent": self.percent,
        }


@dataclass(frozen=True)
class InstrumentSpec:
    code: str
    # Words people read are marked for translation (lazy: translated when shown).
    name: str | Promise
    short: str | Promise
    minimum: Decimal
    maximum: Decimal
    decimal_places: int  # how precise an entered score may be
    unit: str | Promise
    lower_is_better: bool
    collected_by: str  # "patient" (in the portal or at the clinic) or "clinician"
    repeated: bool  # repeated on the schedule; STarT Back stratifies once, at baseline
    licence: str | Promise
    reference: str
    loinc: tuple[str, str] | None  # (code, display) where LOINC has the score
    rule: ResponderRule | None

    @property
    def range_text(self) -> str:
        return f"{self.minimum.normalize():f}–{self.maximum.normalize():f}"


OSTELO = (
    "Ostelo RWJG et al. Interpreting change scores for pain and functional status in low back "
    "pain: towards international consensus regarding minimal important change. Spine "
    "2008;33(1):90-94."
)
STRATFORD = (
    "Stratford P et al. Assessing disability and change on individual patients: a report of a "
    "patient specific measure. Physiotherapy Canada 1995;47:258-263."
)

SPECS: dict[str, InstrumentSpec] = {
    Instrument.NPRS: InstrumentSpec(
        code=Instrument.NPRS,
        # Translators: use the official name of the validated translation where one exists.
        name=_("Numeric Pain Rating Scale"),
        short=_("Pain"),
        minimum=Decimal(0),
        maximum=Decimal(10),
        decimal_places=0,
        unit=_("points"),
        lower_is_better=True,
        collected_by="patient",
        repeated=True,
        # Translators: licence terms: keep the names, years and ©. Clinics must use the
        # officially validated, licensed translation of the questionnaire itself.
        licence=_("Public domain: free to use. The pain of each clinical assessment is a score."),
        reference=OSTELO,
        loinc=("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
        rule=ResponderRule(points=Decimal(2), percent=30, source=OSTELO),
    ),
    Instrument.PSFS: InstrumentSpec(
        code=Instrument.PSFS,
        # Translators: use the official name of the validated translation where one exists.
        name=_("Patient-Specific Functional Scale"),
        short=_("PSFS"),
        minimum=Decimal(0),
        maximum=Decimal(10),
        decimal_places=2,
        unit=_("points"),
        lower_is_better=False,
        collected_by="patient",
        repeated=True,
        # Translators: licence terms: keep the names, years and ©. Clinics must use the
        # officially validated, licensed translation of the questionnaire itself.
        licence=_(
            "Free to use (Stratford et al., 1995). The patient names 3 to 5 activities and rates "
            "each from 0 (unable) to 10 (as before the injury); the score is the mean."
        ),
        reference=STRATFORD,
        loinc=None,
        rule=ResponderRule(points=Decimal(2), percent=None, source=STRATFORD),
    ),
    Instrument.ODI: InstrumentSpec(
        code=Instrument.ODI,
        # Translators: use the official name of the validated translation where one exists.
        name=_("Oswestry Disability Index"),
        short=_("ODI"),
        minimum=Decimal(0),
        maximum=Decimal(100),
        decimal_places=1,
        unit=_("points"),
        lower_is_better=True,
        collected_by="clinician",
        repeated=True,
        # Translators: licence terms: keep the names, years and ©. Clinics must use the
        # officially validated, licensed translation of the questionnaire itself.
        licence=_(
            "ODI © Jeremy Fairbank, 1980; all rights reserved, licensed through Mapi Research "
            "Trust (ePROVIDE). The clinic administers its own licensed form; record the ODI "
            "percentage only."
        ),
        reference=OSTELO,
        loinc=("97909-6", "Oswestry disability index score ODI"),
        rule=ResponderRule(points=Decimal(10), percent=30, source=OSTELO),
    ),
    Instrument.RMDQ: InstrumentSpec(
        code=Instrument.RMDQ,
        # Translators: use the official name of the validated translation where one exists.
        name=_("Roland-Morris Disability Questionnaire"),
        short=_("RMDQ"),
        minimum=Decimal(0),
        maximum=Decimal(24),
        decimal_places=0,
        unit=_("points"),
        lower_is_better=True,
        collected_by="clinician",
        repeated=True,
        # Translators: licence terms: keep the names, years and ©. Clinics must use the
        # officially validated, licensed translation of the questionnaire itself.
        licence=_(
            "RMDQ © Martin Roland and Richard Morris, 1983; used under its authors' licence "
            "terms. The clinic administers its own licensed form; record the total (0–24) only."
        ),
        reference=OSTELO,
        loinc=None,
        rule=ResponderRule(points=Decimal(5), percent=30, source=OSTELO),
    ),
    Instrument.START_BACK: InstrumentSpec(
        code=Instrument.START_BACK,
        # Translators: use the official name of the validated translation where one exists.
        name=_("Keele STarT Back Tool"),
        short=_("STarT Back"),
        minimum=Decimal(0),
        maximum=Decimal(START_BACK_TOTAL_MAX),
        decimal_places=0,
        unit=_("points"),
        lower_is_better=True,
        collected_by="clinician",
        repeated=False,
        # Translators: licence terms: keep the names, years and ©. Clinics must use the
        # officially validated, licensed translation of the questionnaire itself.
        licence=_(
            "STarT Back © Keele University; used under Keele University's licence terms. The "
            "clinic administers its own licensed form; record the total (0–9) and the "
            "psychosocial subscale (0–5) only."
        ),
        reference=(
            "Hill JC et al. A primary care back pain screening tool: identifying patient "
            "subgroups for initial treatment. Arthritis Rheum 2008;59(5):632-641."
        ),
        loinc=None,
        rule=None,
    ),
}

# NICE NG59 (2016, updated 2020), recommendations 1.1.1–1.1.2, in our own words.
MATCHED_CARE: dict[str, str | Promise] = {
    RiskGroup.LOW: _(
        "Low risk: NICE NG59 suggests simpler, less intensive support — advice, reassurance "
        "and self-management, with exercise as needed."
    ),
    RiskGroup.MEDIUM: _(
        "Medium risk: NICE NG59 suggests more complex and intensive support — an exercise "
        "programme, with manual therapy only as part of it."
    ),
    RiskGroup.HIGH: _(
        "High risk: NICE NG59 suggests more complex and intensive support — exercise with a "
        "psychological (cognitive behavioural) approach, e.g. a combined physical and "
        "psychological programme."
    ),
}


class ScoreError(ValueError):
    """A score outside its instrument's range; `errors` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 99


def check_score(instrument: str, score: Decimal, subscale: int | None = None) -> None:
    """Raise ScoreError naming the field unless the score (and subscale) fit the instrument."""
    spec = SPECS.get(instrument)
    if spec is None:
        raise ScoreError(
            {
                "instrument": gettext("Choose one of %(codes)s.")
                % {"codes": ", ".join(Instrument.values)}
            }
        )
    errors: dict[str, str] = {}
    if not score.is_finite() or not spec.minimum <= score <= spec.maximum:
        errors["score"] = gettext("The %(instrument)s score must be from %(range)s.") % {
            "instrument": spec.short,
            "range": spec.range_text,
        }
    elif _places(score) > spec.decimal_places:
        errors["score"] = (
            gettext("The %(instrument)s score takes whole numbers.") % {"instrument": spec.short}
            if spec.decimal_places == 0
            else ngettext(
                "The %(instrument)s score takes at most %(places)s decimal place.",
                "The %(instrument)s score takes at most %(places)s decimal places.",
                spec.decimal_places,
            )
            % {"instrument": spec.short, "places": spec.decimal_places}
        )
    if instrument == Instrument.START_BACK:
        if subscale is None:
            errors["subscale"] = gettext("Enter the psychosocial subscale (0–5) with the total.")
        elif not 0 <= subscale <= START_BACK_SUBSCALE_MAX:
            errors["subscale"] = gettext("The psychosocial subscale must be from 0–%(max)s.") % {
                "max": START_BACK_SUBSCALE_MAX
            }
        elif "score" not in errors and not (subscale <= score <= subscale + START_BACK_OTHER_ITEMS):
            errors["subscale"] = gettext(
                "The subscale is part of the total: the total must be at least the subscale "
                "and at most the subscale + %(items)s."
            ) % {"items": START_BACK_OTHER_ITEMS}
    elif subscale is not None:
        errors["subscale"] = gettext("Only the STarT Back Tool has a subscale.")
    if errors:
        raise ScoreError(errors)


def psfs_mean(ratings: Sequence[int]) -> Decimal:
    """The PSFS score: the mean rating, to 2 decimal places (ratings checked by check_psfs)."""
    return (Decimal(sum(ratings)) / Decimal(len(ratings))).quantize(Decimal("0.01"))


def check_psfs(activities: Sequence[str], ratings: Sequence[int]) -> None:
    """Raise ScoreError unless there are 3–5 distinct named activities, each rated 0–10."""
    errors: dict[str, str] = {}
    names = [name.strip().casefold() for name in activities]
    if not PSFS_MIN_ACTIVITIES <= len(names) <= PSFS_MAX_ACTIVITIES:
        errors["activities"] = gettext("Name %(min)s to %(max)s activities you find hard.") % {
            "min": PSFS_MIN_ACTIVITIES,
            "max": PSFS_MAX_ACTIVITIES,
        }
    elif any(not name for name in names) or len(set(names)) != len(names):
        errors["activities"] = gettext("Each activity needs a name, and no two may be the same.")
    if len(ratings) != len(names) or any(
        isinstance(r, bool) or not PSFS_RATING_MIN <= r <= PSFS_RATING_MAX for r in ratings
    ):
        errors["ratings"] = gettext(
            "Rate each activity from %(min)s (unable) to %(max)s (as before the injury)."
        ) % {"min": PSFS_RATING_MIN, "max": PSFS_RATING_MAX}
    if errors:
        raise ScoreError(errors)


def responder_verdict(instrument: str, baseline: Decimal, latest: Decimal) -> Verdict | None:
    """Improved, unchanged or worse from baseline to latest; None for an instrument without a
    responder rule (STarT Back).

    A change counts when it reaches the rule's points or, where the rule has one, its
    percentage of the baseline (never for a baseline of 0, which has no percentage). Worsening
    is judged by the same amounts in the other direction. Exact decimal arithmetic: a change
    exactly at the threshold counts.
    """
    spec = SPECS[instrument]
    rule = spec.rule
    if rule is None:
        return None
    improvement = baseline - latest if spec.lower_is_better else latest - baseline

    def reaches(change: Decimal) -> bool:
        if change <= 0:
            return False
        if change >= rule.points:
            return True
        return rule.percent is not None and baseline > 0 and change * 100 >= rule.percent * baseline

    if reaches(improvement):
        return Verdict.IMPROVED
    if reaches(-improvement):
        return Verdict.WORSE
    return Verdict.UNCHANGED


def start_back_group(total: int, subscale: int) -> RiskGroup:
    """The published rule: total <= 3 low; otherwise psychosocial subscale >= 4 high, else
    medium."""
    if total <= START_BACK_LOW_MAX_TOTAL:
        return RiskGroup.LOW
    if subscale >= START_BACK_HIGH_MIN_SUBSCALE:
        return RiskGroup.HIGH
    return RiskGroup.MEDIUM


def rule_text(instrument: str) -> str:
    """The responder rule in words, with its source, for the clinician."""
    spec = SPECS[instrument]
    if spec.rule is None:
        return gettext(
            "%(instrument)s has no responder rule: it sorts patients into risk groups "
            "(total <= %(low)s low; otherwise psychosocial subscale >= %(high)s high, else "
            "medium)."
        ) % {
            "instrument": spec.name,
            "low": START_BACK_LOW_MAX_TOTAL,
            "high": START_BACK_HIGH_MIN_SUBSCALE,
        }
    change = spec.rule.describe(spec.unit)
    if spec.lower_is_better:
        improved = gettext("Improved: the score falls by at least %(change)s;") % {"change": change}
    else:
        improved = gettext("Improved: the score rises by at least %(change)s;") % {"change": change}
    return f"{improved} " + gettext("worse: the same change in the other direction.")
