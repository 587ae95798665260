"""Write the standard exercises' pictures to static/img/exercises/ (run after changing poses)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from programs.library.pictures import PICTURES, svg


class Command(BaseCommand):
    help = "Draw every standard exercise's picture into static/img/exercises/."

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(settings.BASE_DIR) / "static" / "img" / "exercises"
        folder.mkdir(parents=True, exist_ok=True)
        for spec in PICTURES:
            (folder / f"{spec.slug}.svg").write_text(svg(spec), encoding="utf-8")
        self.stdout.write(f"Drew {len(PICTURES)} pictures in {folder}.")
