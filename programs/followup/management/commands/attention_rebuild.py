"""Work out every clinic's dashboard reasons afresh: after an upgrade, or whenever in doubt.
The hourly beat task does the same."""

from django.core.management.base import BaseCommand

from clinic.models import Clinic
from programs.followup.services import attention_rebuild


class Command(BaseCommand):
    help = "Rebuild the dashboard's attention rows of every clinic."

    def handle(self, *args, **options) -> None:
        for clinic in Clinic.objects.order_by("pk"):
            count = attention_rebuild(clinic=clinic)
            self.stdout.write(f"{clinic.name}: {count} patients need attention.")
