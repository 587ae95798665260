"""`manage.py create_clinician --clinic NAME --email E --password P [--admin]`."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from clinic.services import clinician_create


class Command(BaseCommand):
    help = "Create a clinician non-interactively; the clinic is created if it does not exist."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--clinic", required=True, help="Clinic name")
        parser.add_argument("--email", required=True, help="Login email")
        parser.add_argument("--password", required=True, help="Initial password")
        parser.add_argument("--name", default="", help="Full name shown in the app")
        parser.add_argument("--admin", action="store_true", help="Make a clinic admin")

    def handle(self, *args, **options) -> None:
        try:
            clinician = clinician_create(
                clinic_name=options["clinic"],
                email=options["email"],
                password=options["password"],
                full_name=options["name"],
                is_clinic_admin=options["admin"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        role = "clinic admin" if clinician.is_clinic_admin else "clinician"
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {role} {clinician.user.email} in clinic “{clinician.clinic.name}”."
            )
        )
