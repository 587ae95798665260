"""Portal invitations become outbox rows (clinic/outbox.py): a sent marker and a claim.

Invitations made before this migration are marked sent at their creation: nothing recorded
whether their email went out, and sending every open one again would double most of them.
"""

from django.db import migrations, models
from django.db.models import F


def mark_earlier_invitations_sent(apps, schema_editor):
    PortalInvitation = apps.get_model("patients", "PortalInvitation")
    PortalInvitation.objects.filter(sent_at__isnull=True).update(sent_at=F("created_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("patients", "0002_portal_invitation"),
    ]

    operations = [
        migrations.AddField(
            model_name="portalinvitation",
            name="sent_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="portalinvitation",
            name="claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="portalinvitation",
            name="claimed_by",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.RunPython(mark_earlier_invitations_sent, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="portalinvitation",
            index=models.Index(
                condition=models.Q(
                    ("revoked_at__isnull", True),
                    ("sent_at__isnull", True),
                    ("used_at__isnull", True),
                ),
                fields=["created_at"],
                name="invitation_unsent",
            ),
        ),
    ]
