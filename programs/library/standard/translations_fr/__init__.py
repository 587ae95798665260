"""French texts of the standard exercises: the same steps and safety points as the English.

Plain patient language, speaking to the patient as "vous"; `summary` is for clinicians. Each
list has as many lines as the English one, in the same order.
"""

from typing import Any

from programs.library.standard.translations_fr.first_ten import EXERCISES as FIRST_TEN
from programs.library.standard.translations_fr.more import EXERCISES as MORE
from programs.library.standard.translations_fr.shared import SHARED_CAUTIONS

EXERCISES: dict[str, dict[str, Any]] = {**FIRST_TEN, **MORE}

__all__ = ["EXERCISES", "SHARED_CAUTIONS"]
