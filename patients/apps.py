from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatientsConfig(AppConfig):
    name = "patients"
    verbose_name = "Patients"

    def ready(self) -> None:
        from clinic.audit_labels import audit_labels_register
        from patients.clinical import TIER_LABELS, Condition, RedFlag, Region, Severity

        # How the audit trail names the clinical fields and codes it records.
        audit_labels_register("red_flags", label=_("Red flags"), values=dict(RedFlag.choices))
        audit_labels_register("symptoms", label=_("Symptoms"), values=dict(RedFlag.choices))
        audit_labels_register("condition", label=_("Condition"), values=dict(Condition.choices))
        audit_labels_register("region", label=_("Region"), values=dict(Region.choices))
        audit_labels_register(
            "injury_severity", label=_("Injury severity"), values=dict(Severity.choices)
        )
        audit_labels_register("tier", label=_("Tier"), values=TIER_LABELS)
        audit_labels_register("pain_level", label=_("Pain (NRS 0–10)"))
        audit_labels_register("referral_required", label=_("Referral required"))
        audit_labels_register("prone_tolerant", label=_("Can lie prone"))
