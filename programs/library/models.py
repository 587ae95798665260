"""The exercise library: the standard exercises and each clinic's own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager

from clinic.models import Clinic
from patients.clinical import TIER_LABELS, Severity
from programs.library.dosage import BOUNDS, DEFAULTS, PROFILE_LABELS, ExerciseSpec
from programs.library.standard import TRANSLATIONS, shared_cautions_in
from programs.library.standard.cautions import SHARED_CAUTIONS
from programs.library.translations import lines_of

# The shared safety advice in every language, so a page in any of them prints it once.
_ALL_SHARED_CAUTIONS = frozenset(SHARED_CAUTIONS).union(
    *(shared_cautions_in(language) for language in TRANSLATIONS)
)

# Programs and the library list extension work first, then mobility, then core.
CATEGORY_ORDER = ("extension", "mobility", "core")


class Exercise(models.Model):
    """An exercise of the standard library (no clinic) or of one clinic's own."""

    class Category(models.TextChoices):
        EXTENSION = "extension", _("Extension")
        CORE = "core", _("Core")
        MOBILITY = "mobility", _("Mobility")

    class Position(models.TextChoices):
        PRONE = "prone", _("Lying face down")
        STANDING = "standing", _("Standing")
        SUPINE = "supine", _("Lying on the back")
        SIDE = "side", _("Lying on the side")
        QUADRUPED = "quadruped", _("Hands and knees")

    DOSAGE_PROFILES = [(key, PROFILE_LABELS[key]) for key in DEFAULTS]

    # modeltranslation's manager, declared rather than patched in at start-up, so type checkers
    # see it: lookups on a text (`name__icontains`) read the active language's column.
    objects: "MultilingualManager[Exercise]" = MultilingualManager()

    clinic = models.ForeignKey(
        Clinic, null=True, blank=True, on_delete=models.PROTECT, related_name="exercises"
    )
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=120)
    summary = models.CharField(max_length=300, blank=True)
    instructions = models.TextField(help_text="One step per line, in plain patient language.")
    cautions = models.TextField(blank=True, help_text="One safety point per line.")
    category = models.CharField(max_length=16, choices=Category.choices)
    position = models.CharField(max_length=16, choices=Position.choices)
    progression_order = models.PositiveSmallIntegerField(
        help_text="Place in the progression within its category: 1 comes first."
    )
    dosage_profile = models.CharField(max_length=32, choices=DOSAGE_PROFILES)
    max_tier = models.CharField(
        "safe up to tier",
        max_length=16,
        choices=Severity.choices,
        help_text="The worst tier at which this exercise may be prescribed.",
    )
    loads_flexion = models.BooleanField(
        "bends the spine forward",
        default=False,
        help_text="Flexion is ruled out for disc conditions at tier moderate or severe.",
    )
    prone_alternative = models.BooleanField(
        default=False,
        help_text="Generated programs include it only for patients who cannot lie prone.",
    )
    min_hold_seconds = models.PositiveSmallIntegerField(
        "minimum hold (seconds)",
        default=0,
        help_text="Every dosage of it is held at least this long; 0 for none.",
    )
    in_generated_program = models.BooleanField(
        default=True,
        help_text="Generated programs include it where the engine allows; otherwise the "
        "clinician adds it.",
    )
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the exercise and its dosage come from."
    )
    illustration = models.CharField(
        max_length=200, blank=True, help_text="Path of the picture under static/."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "programs_exercise"  # the name it had when programs was one app
        ordering = ["category", "progression_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(clinic__isnull=True),
                name="exercise_library_slug_unique",
            ),
            models.UniqueConstraint(
                fields=["clinic", "slug"],
                condition=Q(clinic__isnull=False),
                name="exercise_clinic_slug_unique",
            ),
            models.CheckConstraint(
                condition=Q(category__in=["extension", "core", "mobility"]),
                name="exercise_category_valid",
            ),
            models.CheckConstraint(
                condition=Q(position__in=["prone", "standing", "supine", "side", "quadruped"]),
                name="exercise_position_valid",
            ),
            models.CheckConstraint(
                condition=Q(dosage_profile__in=list(DEFAULTS)), name="exercise_profile_valid"
            ),
            models.CheckConstraint(
                condition=Q(max_tier__in=Severity.values), name="exercise_max_tier_valid"
            ),
            models.CheckConstraint(
                condition=Q(min_hold_seconds__lte=BOUNDS["hold_seconds"][1]),
                name="exercise_min_hold_in_bounds",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def spec(self) -> ExerciseSpec:
        return ExerciseSpec.of(self)

    @property
    def instruction_steps(self) -> list[str]:
        return lines_of(self.instructions)

    @property
    def caution_list(self) -> list[str]:
        return lines_of(self.cautions)

    @property
    def illustration_alt(self) -> str:
        """What the picture shows, for those who cannot see it."""
        from programs.library.pictures import alt_text  # templates load late; keep models light

        return alt_text(self.illustration) or gettext("Picture: %(name)s") % {"name": self.name}

    @property
    def specific_cautions(self) -> list[str]:
        """The cautions other than the shared safety advice, which a handout prints once."""
        return [c for c in self.caution_list if c not in _ALL_SHARED_CAUTIONS]

    @property
    def max_tier_label(self) -> str:
        return str(TIER_LABELS[self.max_tier])


class ExerciseMedia(models.Model):
    """A clinic's own photo or video of an exercise (its own or a standard one).

    Stored through Django's default storage (the filesystem, or S3 in production) under a
    random name, and served only by the app's views to that clinic's clinicians and to its
    patients whose program has the exercise: never as a public file.
    """

    class Kind(models.TextChoices):
        IMAGE = "image", _("Photo")
        VIDEO = "video", _("Video")

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="exercise_media")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="media")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    content_type = models.CharField(max_length=32)
    size = models.PositiveIntegerField(help_text="Bytes stored.")
    file = models.FileField(upload_to="exercise-media/", max_length=200)
    caption = models.CharField(
        max_length=200, help_text="What it shows, in words: read aloud to those who cannot see it."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "library_exercise_media"
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["image", "video"]), name="exercise_media_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(content_type__in=[
                    "image/jpeg", "image/png", "image/webp", "video/mp4", "video/webm"
                ]),
                name="exercise_media_type_valid",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.exercise}: {self.caption}"
