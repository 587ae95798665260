"""The house has floors, and imports run down only (STYLE.md): config above all; programs
above patients above clinic; inside programs, each app above the ones it builds on.

Every import counts, at the top of a module or inside a function, so a "lazy" import cannot
hide a dependency that runs the wrong way.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Lowest first: a package may import only the packages listed before it (and itself).
FLOORS = [
    "clinic",
    "patients",
    "programs.library",
    "programs.prescribing",
    "programs.education",
    "programs.followup",
    "programs.reminders",
    "programs.outcomes",
    "programs.portal",
    "programs",  # the top of the clinical floor: FHIR export, the demo clinic, history
]


def _package_of(module: str) -> str | None:
    """The floor a dotted module name belongs to (the longest matching package)."""
    matches = [floor for floor in FLOORS if module == floor or module.startswith(floor + ".")]
    return max(matches, key=len) if matches else None


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # `from programs import charts` imports programs.charts.
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _modules():
    for top in ("clinic", "patients", "programs"):
        for path in sorted((ROOT / top).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            yield path, module.removesuffix(".__init__")


def test_floors_name_every_application_package():
    packages = {m for _, m in _modules() if _package_of(m) is None}
    assert packages == set()


@pytest.mark.parametrize("path,module", [pytest.param(p, m, id=m) for p, m in _modules()])
def test_imports_run_down_only(path, module):
    floor = _package_of(module)
    allowed = set(FLOORS[: FLOORS.index(floor) + 1])
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for line, target in _imports(path)
        if (target_floor := _package_of(target)) is not None and target_floor not in allowed
    ]
    assert wrong == []


def test_the_rule_catches_an_import_that_runs_up(tmp_path):
    """The checker itself: a ground-floor module importing patients is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from patients.models import Patient\n")
    floor = _package_of("clinic.bad")
    allowed = set(FLOORS[: FLOORS.index(floor) + 1])
    assert [t for _, t in _imports(bad) if _package_of(t) not in allowed | {None}] == [
        "patients.models",
        "patients.models.Patient",
    ]
