"""Standard mobility exercises and stretches, for the clinician to add to a program.

None of them is put into generated programs: they are safe from tier mild, where the
generated program already holds the core endurance set, and the clinician chooses which
movement a patient needs. Three of them bend the spine forward (cat-camel, pelvic tilt, knee
to chest) and are flagged, so the engine withholds them for disc conditions at tier moderate
or severe.
"""

from typing import Any

from programs.library.standard.cautions import BREATHE, DISCOMFORT, STOP_IF_LEG
from programs.library.standard.sources import (
    ACSM_STRETCH,
    MCGILL_CAT_CAMEL,
    NHS_EXERCISES,
    WILLIAMS,
)

_FLEXION_CAUTION = (
    "This exercise bends your back forward a little. Do not do it during a flare-up of disc "
    "pain, unless your clinician has said it is OK."
)
_STRETCH_FEEL = "You should feel a gentle stretch, never pain. Do not bounce."

ROWS: list[dict[str, Any]] = [
    {
        "slug": "cat-camel",
        "name": "Cat-camel",
        "category": "mobility",
        "position": "quadruped",
        "progression_order": 1,
        "dosage_profile": "mobility",
        "max_tier": "mild",
        "loads_flexion": True,
        "source": MCGILL_CAT_CAMEL,
        "summary": (
            "Cat-camel: slow cycles of spinal flexion and extension in four-point kneeling, "
            "unloaded, to ease stiffness before core work; not a stretch, no end-range push."
        ),
        "instructions": [
            "Get on your hands and knees. Hands under your shoulders, knees under your hips.",
            "Slowly round your back up towards the ceiling, letting your head drop.",
            "Then slowly let your back sag down a little and lift your head.",
            "Move gently and smoothly. Do not push to the end of the movement.",
            "That is one. Repeat.",
        ],
        "cautions": [_FLEXION_CAUTION, STOP_IF_LEG, DISCOMFORT],
    },
    {
        "slug": "pelvic-tilt",
        "name": "Pelvic tilt",
        "category": "mobility",
        "position": "supine",
        "progression_order": 2,
        "dosage_profile": "mobility",
        "max_tier": "mild",
        "loads_flexion": True,
        "source": NHS_EXERCISES,
        "summary": (
            "Posterior pelvic tilt in crook lying: small lumbar flexion moving the low back "
            "toward the floor; lumbopelvic control and mobility."
        ),
        "instructions": [
            "Lie on your back with your knees bent and your feet flat on the floor.",
            "Gently tighten your tummy muscles.",
            "Tilt your hips so the small of your back presses gently into the floor.",
            "Hold for a moment, keeping your breathing easy.",
            "Relax back to the start. Repeat.",
        ],
        "cautions": [_FLEXION_CAUTION, BREATHE, STOP_IF_LEG, DISCOMFORT],
    },
    {
        "slug": "knee-to-chest",
        "name": "Knee to chest stretch",
        "category": "mobility",
        "position": "supine",
        "progression_order": 3,
        "dosage_profile": "stretch",
        "max_tier": "mild",
        "loads_flexion": True,
        "source": WILLIAMS,
        "summary": (
            "Single knee to chest: a lumbar flexion and gluteal stretch in supine, one leg at "
            "a time, the other foot on the floor."
        ),
        "instructions": [
            "Lie on your back with your knees bent and your feet flat on the floor.",
            "Hold one knee with both hands and gently pull it towards your chest.",
            "Keep the other foot on the floor.",
            "Hold the stretch, breathing slowly.",
            "Lower the leg slowly. Swap legs each time.",
        ],
        "cautions": [_FLEXION_CAUTION, _STRETCH_FEEL, STOP_IF_LEG],
    },
    {
        "slug": "lower-trunk-rotation",
        "name": "Knee rolls",
        "category": "mobility",
        "position": "supine",
        "progression_order": 4,
        "dosage_profile": "mobility",
        "max_tier": "mild",
        "source": NHS_EXERCISES,
        "summary": (
            "Lower trunk rotation (knee rolls) in crook lying: gentle lumbar rotation within a "
            "pain-free range, shoulders kept on the floor."
        ),
        "instructions": [
            "Lie on your back with your knees bent and together, feet flat on the floor.",
            "Keep your shoulders flat on the floor.",
            "Slowly let both knees roll to one side, only as far as is comfortable.",
            "Bring them back to the middle, using your tummy muscles.",
            "Roll them to the other side. That is one. Repeat.",
        ],
        "cautions": [STOP_IF_LEG, DISCOMFORT, "Keep the movement small at first."],
    },
    {
        "slug": "hamstring-stretch",
        "name": "Hamstring stretch with a towel",
        "category": "mobility",
        "position": "supine",
        "progression_order": 5,
        "dosage_profile": "stretch",
        "max_tier": "mild",
        "source": ACSM_STRETCH,
        "summary": (
            "Supine hamstring stretch with a towel or strap: hip flexion with the knee "
            "straight and the lumbar spine kept neutral on the floor (no flexion)."
        ),
        "instructions": [
            "Lie on your back with both knees bent.",
            "Put a towel around the sole of one foot and hold both ends.",
            "Straighten that leg up towards the ceiling until you feel a stretch behind the thigh.",
            "Keep your back and head on the floor.",
            "Hold the stretch, breathing slowly. Lower the leg and swap sides.",
        ],
        "cautions": [
            _STRETCH_FEEL,
            "If the stretch makes pain or tingling go down your leg, stop and tell your clinician.",
            STOP_IF_LEG,
        ],
    },
    {
        "slug": "hip-flexor-stretch",
        "name": "Standing hip flexor stretch",
        "category": "mobility",
        "position": "standing",
        "progression_order": 6,
        "dosage_profile": "stretch",
        "max_tier": "mild",
        "source": ACSM_STRETCH,
        "summary": (
            "Hip flexor stretch in a standing lunge: hip extension of the back leg with the "
            "pelvis tucked, avoiding lumbar hyperextension."
        ),
        "instructions": [
            "Stand with one foot a big step in front of the other, like a lunge.",
            "Hold on to a chair or a wall for balance.",
            "Gently tighten your tummy and tuck your bottom under.",
            "Bend your front knee a little until you feel a stretch at the front of the back hip.",
            "Keep your back upright. Do not lean back.",
            "Hold the stretch, breathing slowly. Swap legs.",
        ],
        "cautions": [_STRETCH_FEEL, STOP_IF_LEG, DISCOMFORT],
    },
]
