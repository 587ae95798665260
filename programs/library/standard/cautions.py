"""Safety points that many exercises share; the handout prints them once."""

# Safety points shared by every exercise.
STOP_IF_LEG = (
    "Stop if pain spreads into your buttock or leg, or if you feel numbness, tingling or "
    "weakness. Tell your clinician."
)
DISCOMFORT = (
    "Mild discomfort in your back that settles is OK. Sharp pain, or pain that keeps "
    "getting worse, is not. Stop if this happens."
)
# Extension exercises: centralisation versus peripheralisation.
CENTRALISES = (
    "If the pain moves toward the middle of your back, that is usually a good sign. "
    "If it spreads down your leg, stop and tell your clinician."
)
# Core exercises: no Valsalva.
BREATHE = "Do not hold your breath. Keep breathing slowly and normally."

# Printed once at the top of the handout; each exercise then lists only its own cautions.
SHARED_CAUTIONS = (STOP_IF_LEG, DISCOMFORT, CENTRALISES, BREATHE)
