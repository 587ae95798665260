"""The first ten standard exercises: the McKenzie-style extension chain and McGill's core set."""

from typing import Any

from programs.library.standard.cautions import BREATHE, CENTRALISES, DISCOMFORT, STOP_IF_LEG
from programs.library.standard.sources import MCGILL, MCGILL_BIG3, MCKENZIE, NHS_EXERCISES

# Each standard exercise with all its facts in one place: what the dosage engine, the
# progression rules and the library read (category, position, dosage profile, the worst tier it
# is safe at, flexion, whether it stands in for prone work, its minimum hold) and what patients
# read (name, instructions, cautions).
ROWS: list[dict[str, Any]] = [
    {
        "slug": "prone-lying",
        "name": "Lying on your stomach",
        "category": "extension",
        "position": "prone",
        "progression_order": 1,
        "dosage_profile": "rest_position",
        "max_tier": "severe",
        "source": MCKENZIE,
        "summary": (
            "Relaxed prone lying: the first step of the McKenzie extension chain, easing the "
            "lumbar spine toward extension and testing prone tolerance before loaded extension."
        ),
        "instructions": [
            "Lie face down on a firm surface, such as a bed or a mat on the floor.",
            "Put your arms by your sides.",
            "Turn your head to one side, whichever is more comfortable.",
            "Let your whole body go loose. Relax your lower back.",
            "Breathe slowly and deeply.",
            "Stay like this for a minute or two.",
        ],
        "cautions": [
            CENTRALISES,
            STOP_IF_LEG,
            DISCOMFORT,
            "If you cannot lie on your stomach comfortably, tell your clinician. "
            "There is a standing exercise you can do instead.",
        ],
    },
    {
        "slug": "prone-on-elbows",
        "name": "Lying on your elbows",
        "category": "extension",
        "position": "prone",
        "progression_order": 2,
        "dosage_profile": "extension_hold",
        "max_tier": "severe",
        "source": MCKENZIE,
        "min_hold_seconds": 10,
        "summary": (
            "Prone on elbows (sphinx): sustained passive lumbar extension with the pelvis on "
            "the floor, held at least 10 s; the step between prone lying and press-ups."
        ),
        "instructions": [
            "Lie face down on a firm surface.",
            "Lift your upper body up onto your elbows. Keep your elbows under your shoulders.",
            "Keep your hips and legs on the floor.",
            "Let your lower back relax and sag.",
            "Hold for at least 10 seconds. Keep breathing.",
            "Lower yourself down slowly.",
            "Rest, then repeat.",
        ],
        "cautions": [
            CENTRALISES,
            STOP_IF_LEG,
            DISCOMFORT,
            "Do not push your hips up off the floor.",
        ],
    },
    {
        "slug": "prone-press-up",
        "name": "Press-up (lying extension)",
        "category": "extension",
        "position": "prone",
        "progression_order": 3,
        "dosage_profile": "press_up",
        "max_tier": "moderate",
        "source": MCKENZIE,
        "summary": (
            "Prone press-up (McKenzie extension in lying): end-range lumbar extension with "
            "the pelvis on the floor and a 1–2 s pause at the top."
        ),
        "instructions": [
            "Lie face down. Put your hands flat on the floor under your shoulders.",
            "Press up onto your palms. Straighten your arms as far as is comfortable.",
            "Keep your hips and legs down on the floor. Let your lower back relax.",
            "Pause at the top for a second or two.",
            "Lower yourself down slowly.",
            "Repeat.",
        ],
        "cautions": [
            CENTRALISES,
            STOP_IF_LEG,
            DISCOMFORT,
            "Only go as high as feels comfortable. Do not force it.",
        ],
    },
    {
        "slug": "standing-back-extension",
        "name": "Standing back extension",
        "category": "extension",
        "position": "standing",
        "progression_order": 4,
        "dosage_profile": "standing_extension",
        "max_tier": "severe",
        "source": MCKENZIE,
        "prone_alternative": True,
        "summary": (
            "Lumbar extension in standing: the alternative when prone lying is not tolerated, "
            "and useful through the day, e.g. after prolonged sitting."
        ),
        "instructions": [
            "Use this exercise if lying on your stomach is uncomfortable. It is also good "
            "during the day, for example after sitting.",
            "Stand up straight with your feet apart.",
            "Put your hands on your lower back, with your fingers pointing down.",
            "Gently bend backwards as far as is comfortable. Use your hands for support.",
            "Come back up to standing straight.",
            "Repeat.",
        ],
        "cautions": [
            CENTRALISES,
            STOP_IF_LEG,
            DISCOMFORT,
            "Move slowly. Stand near a wall or a chair if you feel unsteady.",
        ],
    },
    {
        "slug": "standing-head-chest-extension",
        "name": "Standing head and chest lift",
        "category": "extension",
        "position": "standing",
        "progression_order": 5,
        "dosage_profile": "standing_extension",
        "max_tier": "moderate",
        "source": MCKENZIE,
        "summary": (
            "Standing thoracic and cervical extension: works the back extensors while keeping "
            "load on the lumbar spine low."
        ),
        "instructions": [
            "Stand tall with your feet apart and your arms by your sides.",
            "Gently squeeze your shoulder blades back and down.",
            "Lift your chest up and let your head tip back a little, so you look slightly up.",
            "Let the movement come from your upper back. Keep your lower back still.",
            "Hold for a second or two, then return to standing tall.",
            "Repeat.",
        ],
        "cautions": [
            CENTRALISES,
            STOP_IF_LEG,
            DISCOMFORT,
            "Stop if you feel dizzy. Do not tip your head back too far.",
        ],
    },
    {
        "slug": "abdominal-bracing",
        "name": "Abdominal bracing",
        "category": "core",
        "position": "supine",
        "progression_order": 1,
        "dosage_profile": "bracing",
        "max_tier": "severe",
        "source": MCGILL,
        "summary": (
            "Abdominal bracing: gentle co-contraction of the abdominal wall with the lumbar "
            "spine in neutral, held about 10 s; the entry point of the core chain."
        ),
        "instructions": [
            "Lie on your back with your knees bent and your feet flat on the floor.",
            "Gently tighten your tummy muscles, as if getting ready for a light poke.",
            "Do not flatten your back into the floor. Do not arch it either.",
            "Hold for about 10 seconds. Keep breathing normally.",
            "Relax, then repeat.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "Keep it gentle. You do not need to squeeze hard.",
        ],
    },
    {
        "slug": "glute-bridge",
        "name": "Glute bridge",
        "category": "core",
        "position": "supine",
        "progression_order": 2,
        "dosage_profile": "core_endurance",
        "max_tier": "mild",
        "source": NHS_EXERCISES,
        "summary": (
            "Glute bridge: hip extension in crook lying with a neutral lumbar spine, held about "
            "10 s; trains the gluteals and back extensors together."
        ),
        "instructions": [
            "Lie on your back with your knees bent and your feet flat, hip-width apart.",
            "Gently tighten your tummy muscles.",
            "Squeeze your buttocks and lift your hips until your shoulders, hips and knees "
            "make a straight line.",
            "Keep your back straight and your hips level. Do not arch your back.",
            "Hold for about 10 seconds.",
            "Lower your hips slowly to the floor. Rest, then repeat.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "Do not lift your hips too high. Your back should stay straight, not bent back.",
        ],
    },
    {
        "slug": "curl-up",
        "name": "Curl-up (McGill)",
        "category": "core",
        "position": "supine",
        "progression_order": 3,
        "dosage_profile": "core_endurance",
        "max_tier": "mild",
        "source": MCGILL_BIG3,
        "loads_flexion": True,
        "summary": (
            "McGill curl-up: trains the rectus abdominis with minimal lumbar flexion, hands "
            "under the lumbar spine to keep its lordosis; still a (small) flexion exercise."
        ),
        "instructions": [
            "Lie on your back. Bend one knee and keep the other leg straight.",
            "Slide your hands, palms down, under the small of your back. "
            "This keeps its natural curve.",
            "Gently tighten your tummy muscles.",
            "Lift your head and shoulders just a little off the floor. "
            "Keep your head and neck in line, without bending your neck.",
            "Hold for about 10 seconds. Keep breathing.",
            "Lower slowly. Halfway through, swap which knee is bent.",
        ],
        "cautions": [
            "This exercise bends your spine forward a little. Do not do it during a flare-up "
            "of disc pain, unless your clinician has said it is OK.",
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
        ],
    },
    {
        "slug": "bird-dog",
        "name": "Bird-dog",
        "category": "core",
        "position": "quadruped",
        "progression_order": 4,
        "dosage_profile": "core_endurance",
        "max_tier": "mild",
        "source": MCGILL_BIG3,
        "summary": (
            "McGill bird-dog: contralateral arm and leg extension in four-point kneeling with "
            "a neutral spine, held about 10 s; back extensor endurance with low spinal load."
        ),
        "instructions": [
            "Get on your hands and knees. Put your hands under your shoulders and your knees "
            "under your hips.",
            "Gently tighten your tummy muscles. Keep your back flat, like a table.",
            "Slowly reach one arm forward and the opposite leg back, until both are level "
            "with your body.",
            "Keep your back and hips still and level. Do not let your back sag or twist.",
            "Hold for about 10 seconds.",
            "Return to hands and knees. Repeat with the other arm and leg.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "If it is hard to keep balance, move just your leg or just your arm at first.",
        ],
    },
    {
        "slug": "side-bridge",
        "name": "Side bridge",
        "category": "core",
        "position": "side",
        "progression_order": 5,
        "dosage_profile": "core_endurance",
        "max_tier": "mild",
        "source": MCGILL_BIG3,
        "summary": (
            "McGill side bridge: lateral trunk endurance (quadratus lumborum, obliques) with a "
            "neutral spine, held about 10 s each side; knees bent for the easier version."
        ),
        "instructions": [
            "Lie on your side. Prop yourself up on your forearm, with your elbow under your "
            "shoulder.",
            "For the easier version, bend your knees. For the harder one, keep your legs straight.",
            "Lift your hips off the floor, so your body makes a straight line from your head "
            "to your knees (or feet).",
            "Keep your back still and straight. Do not let your hips drop or twist.",
            "Hold for about 10 seconds, then lower your hips slowly.",
            "Turn over and do the same on the other side.",
        ],
        "cautions": [
            BREATHE,
            STOP_IF_LEG,
            DISCOMFORT,
            "Start with your knees bent. Stop if your shoulder hurts.",
        ],
    },
]
