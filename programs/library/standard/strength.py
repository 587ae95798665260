"""Standard strengthening exercises beyond McGill's core set, for the clinician to add.

None bends the spine forward; each keeps it neutral while the limbs or hips move. They are
safe from tier mild (two of them, the plank and the marching bridge, only for prevention) and
are not put into generated programs: the clinician adds them as the patient progresses.
"""

from typing import Any

from programs.library.standard.cautions import BREATHE, DISCOMFORT, STOP_IF_LEG
from programs.library.standard.sources import (
    ACSM_STRENGTH,
    HSE_LIFTING,
    MCGILL_PLANK,
    MOTOR_CONTROL,
    NHS_EXERCISES,
)

ROWS: list[dict[str, Any]] = [
    {
        "slug": "prone-arm-leg-lift",
        "name": "Lying arm and leg lift",
        "category": "extension",
        "position": "prone",
        "progression_order": 6,
        "dosage_profile": "core_endurance",
        "max_tier": "mild",
        "source": MOTOR_CONTROL,
        "summary": (
            "Prone alternate arm and leg lift: back extensor endurance with one arm and the "
            "opposite leg raised a few centimetres; not the 'superman', which loads the spine "
            "much more."
        ),
        "instructions": [
            "Lie face down with your arms stretched out in front of you.",
            "Gently tighten your tummy muscles.",
            "Lift one arm and the opposite leg a few centimetres off the floor.",
            "Keep your head down, looking at the floor.",
            "Hold for about 10 seconds, then lower slowly.",
            "Swap to the other arm and leg. Repeat.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "Lift only a little. Do not lift both arms and both legs together.",
        ],
    },
    {
        "slug": "dead-bug",
        "name": "Dead bug",
        "category": "core",
        "position": "supine",
        "progression_order": 6,
        "dosage_profile": "core_endurance",
        "max_tier": "mild",
        "source": MOTOR_CONTROL,
        "summary": (
            "Dead bug: alternate arm and leg lowering in supine with the lumbar spine held "
            "neutral by the abdominals; anterior core endurance without flexion."
        ),
        "instructions": [
            "Lie on your back. Lift your arms up towards the ceiling.",
            "Lift your knees so they are above your hips, bent at a right angle.",
            "Gently tighten your tummy muscles. Keep your back still on the floor.",
            "Slowly lower one arm behind your head and straighten the opposite leg.",
            "Hold for about 10 seconds, then bring them back.",
            "Swap to the other arm and leg. Repeat.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "If your back arches off the floor, do not lower the leg so far.",
        ],
    },
    {
        "slug": "clam-shell",
        "name": "Clam",
        "category": "core",
        "position": "side",
        "progression_order": 7,
        "dosage_profile": "strength",
        "max_tier": "mild",
        "source": ACSM_STRENGTH,
        "summary": (
            "Clam: hip abduction and external rotation in side lying with the knees bent; "
            "gluteus medius strength with the pelvis still."
        ),
        "instructions": [
            "Lie on your side with your knees bent and your feet together.",
            "Rest your head on your arm.",
            "Keeping your feet together, lift your top knee as far as is comfortable.",
            "Do not let your hips roll backwards.",
            "Lower the knee slowly. Repeat, then turn over and do the other side.",
        ],
        "cautions": [BREATHE, STOP_IF_LEG, DISCOMFORT],
    },
    {
        "slug": "wall-slide",
        "name": "Wall slide",
        "category": "core",
        "position": "standing",
        "progression_order": 8,
        "dosage_profile": "strength",
        "max_tier": "mild",
        "source": HSE_LIFTING,
        "summary": (
            "Wall slide (partial wall squat): hip and knee bending with the back supported by "
            "the wall in neutral; rehearses lifting with the legs."
        ),
        "instructions": [
            "Stand with your back against a wall. Put your feet a step away from the wall, "
            "hip-width apart.",
            "Slowly slide down the wall by bending your hips and knees.",
            "Go only part of the way down. Keep your knees over your feet.",
            "Keep your back against the wall.",
            "Push through your heels to slide back up. Repeat.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "Stop if your knees hurt. Do not go lower than a chair's height.",
        ],
    },
    {
        "slug": "front-plank",
        "name": "Front plank on the knees",
        "category": "core",
        "position": "prone",
        "progression_order": 9,
        "dosage_profile": "core_endurance",
        "max_tier": "none",
        "source": MCGILL_PLANK,
        "summary": (
            "Front plank from the knees: anterior core endurance on the forearms with the "
            "spine neutral from shoulders to knees; for prevention, after the big three."
        ),
        "instructions": [
            "Lie face down, propped on your forearms, elbows under your shoulders.",
            "Gently tighten your tummy muscles.",
            "Lift your hips so your body is in a straight line from your shoulders to your knees.",
            "Do not let your back sag or your bottom stick up.",
            "Hold for about 10 seconds, then lower slowly. Repeat.",
        ],
        "cautions": [BREATHE, STOP_IF_LEG, DISCOMFORT, "Stop if your shoulders hurt."],
    },
    {
        "slug": "bridge-march",
        "name": "Marching bridge",
        "category": "core",
        "position": "supine",
        "progression_order": 10,
        "dosage_profile": "core_endurance",
        "max_tier": "none",
        "source": NHS_EXERCISES,
        "summary": (
            "Bridge with alternate leg lifts: the glute bridge progressed by lifting one foot, "
            "the pelvis kept level; for prevention."
        ),
        "instructions": [
            "Lie on your back with your knees bent and your feet flat, hip-width apart.",
            "Squeeze your buttocks and lift your hips into a bridge.",
            "Keep your hips level and lift one foot a little off the floor.",
            "Hold for about 10 seconds, then put the foot down.",
            "Lift the other foot. Lower your hips slowly when you finish. Repeat.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "If your hips drop to one side, do the plain bridge for now.",
        ],
    },
]
