"""The pictures of the twelve exercises that the clinician adds: mobility, stretches, strength."""

from django.utils.translation import gettext_lazy as _

from programs.library.pictures.figure import Bend, Pose, Reach
from programs.library.pictures.layout import PictureSpec
from programs.library.pictures.postures import (
    BRIDGE,
    BY_SIDE,
    CLAM,
    CROOK,
    FLAT,
    PLANK_KNEES_DOWN,
    REACH_FORWARD,
    SUPINE_CROOK,
    TABLETOP,
)

MORE_PICTURES: tuple[PictureSpec, ...] = (
    PictureSpec(
        slug="cat-camel",
        title="Cat-camel",
        alt=_(
            "On hands and knees, the person slowly rounds the back up with the head down, then "
            "lets the back sag a little and lifts the head."
        ),
        start=Pose(
            hip=(0, 45),
            trunk=166.6,
            neck=230,
            arm=Bend(-90, -90),
            leg=Bend(-90, 0, foot=0),
            arch=-14,
        ),
        end=Pose(
            hip=(0, 45),
            trunk=166.6,
            neck=165,
            arm=Bend(-90, -90),
            leg=Bend(-90, 0, foot=0),
            arch=7,
        ),
        moving="waist",
        arrow=((-26, 78), (-26, 56)),
        bow=0,
        note="slow and gentle",
    ),
    PictureSpec(
        slug="pelvic-tilt",
        title="Pelvic tilt",
        alt=_(
            "Lying on the back with the knees bent, the person tilts the hips so the small of "
            "the back presses gently into the floor, then relaxes."
        ),
        start=Pose(hip=(0, 7), trunk=180, neck=170, arm=BY_SIDE, leg=CROOK, arch=-7),
        end=SUPINE_CROOK,
        moving="waist",
        arrow=((-28, 42), (-28, 20)),
        bow=0,
        note="flatten back",
    ),
    PictureSpec(
        slug="knee-to-chest",
        title="Knee to chest stretch",
        alt=_(
            "Lying on the back with the knees bent, the person holds one knee with both hands "
            "and pulls it gently towards the chest, the other foot staying on the floor."
        ),
        start=SUPINE_CROOK,
        end=Pose(
            hip=(0, 7),
            trunk=180,
            neck=170,
            arm=Reach((-16, 45), bend=1),
            leg=Bend(118, -20, foot=70),
            far_leg=CROOK,
        ),
        moving="leg.upper",
        shift=(6, 8),
        bow=-0.3,
        note="other foot down",
    ),
    PictureSpec(
        slug="lower-trunk-rotation",
        title="Knee rolls",
        alt=_(
            "Lying on the back with the knees bent and together, shoulders flat, the person "
            "lets both knees roll slowly to one side, then back to the middle and to the other "
            "side."
        ),
        start=SUPINE_CROOK,
        # Seen from the side, knees rolling towards the viewer come down and the two legs part:
        # the near one lower, the far one (lighter) above it.
        end=Pose(
            hip=(0, 7),
            trunk=180,
            neck=170,
            arm=BY_SIDE,
            leg=Bend(12, -12, foot=10),
            far_leg=Bend(28, -22, foot=20),
        ),
        moving="leg.upper",
        arrow=((26, 52), (50, 28)),
        bow=-0.3,
        note="knees to a side",
    ),
    PictureSpec(
        slug="hamstring-stretch",
        title="Hamstring stretch with a towel",
        alt=_(
            "Lying on the back, one knee bent, the person loops a towel round the other foot "
            "and straightens that leg up towards the ceiling until the back of the thigh "
            "stretches."
        ),
        start=Pose(hip=(0, 7), trunk=180, neck=170, arm=Reach((-22, 40), bend=1), leg=CROOK),
        end=Pose(
            hip=(0, 7),
            trunk=180,
            neck=170,
            arm=Reach((-20, 44), bend=1),
            leg=Bend(75, 75, foot=-15),
            far_leg=CROOK,
        ),
        moving="leg.lower",
        shift=(10, 0),
        bow=-0.3,
        towel=True,
        note="back on floor",
    ),
    PictureSpec(
        slug="hip-flexor-stretch",
        title="Standing hip flexor stretch",
        alt=_(
            "Standing with one foot a big step in front of the other and the back upright, "
            "the person bends the front knee until the front of the back hip stretches."
        ),
        start=Pose(
            hip=(0, 80),
            trunk=90,
            neck=90,
            arm=Bend(-92, -92),
            leg=Reach((26, 5), foot=0),
            far_leg=Reach((-34, 5), bend=1, foot=-20),
        ),
        end=Pose(
            hip=(6, 68),
            trunk=90,
            neck=90,
            arm=Bend(-92, -92),
            leg=Reach((26, 5), foot=0),
            far_leg=Reach((-34, 5), bend=1, foot=-20),
        ),
        moving="hip",
        shift=(-16, 0),
        bow=0.3,
        note="back upright",
    ),
    PictureSpec(
        slug="prone-arm-leg-lift",
        title="Lying arm and leg lift",
        alt=_(
            "Lying on the stomach with the arms stretched out in front, the person lifts one "
            "arm and the opposite leg a few centimetres off the floor, head down, and holds."
        ),
        start=REACH_FORWARD,
        end=Pose(
            hip=(0, 7),
            trunk=180,
            neck=165,
            arm=Bend(168, 168),
            leg=FLAT,
            far_arm=Bend(180, 180),
            far_leg=Bend(10, 10, foot=0),
        ),
        moving="arm.lower",
        shift=(0, 6),
        bow=-0.4,
        note="lift a little",
    ),
    PictureSpec(
        slug="dead-bug",
        title="Dead bug",
        alt=_(
            "Lying on the back with the arms up and the knees bent above the hips, the person "
            "lowers one arm behind the head and straightens the opposite leg, back still."
        ),
        start=TABLETOP,
        end=Pose(
            hip=(0, 7),
            trunk=180,
            neck=170,
            arm=Bend(160, 160),
            leg=Bend(90, 0, foot=90),
            far_arm=Bend(90, 90),
            far_leg=Bend(12, 12, foot=80),
        ),
        moving="arm.lower",
        bow=0.4,
        note="back still",
    ),
    PictureSpec(
        slug="clam-shell",
        title="Clam",
        alt=_(
            "Lying on the side with the knees bent and the feet together, the person lifts the "
            "top knee, keeping the hips still, then lowers it."
        ),
        start=CLAM,
        end=Pose(
            hip=(0, 22),
            trunk=180,
            neck=175,
            arm=Reach((-20, 5)),
            leg=Bend(22, 205, foot=200),
            far_leg=Bend(-25, 180, foot=200),
        ),
        moving="leg.upper",
        shift=(10, 4),
        bow=-0.3,
        note="hips still",
    ),
    PictureSpec(
        slug="wall-slide",
        title="Wall slide",
        alt=_(
            "Standing with the back against a wall and the feet a step away from it, the "
            "person slides down a little by bending the hips and knees, then slides back up."
        ),
        start=Pose(hip=(0, 80), trunk=90, neck=90, arm=Bend(-92, -92), leg=Reach((24, 5), foot=0)),
        end=Pose(hip=(0, 52), trunk=90, neck=90, arm=Bend(-80, -80), leg=Reach((24, 5), foot=0)),
        moving="head",
        shift=(20, 0),
        bow=0,
        wall=-9,
        note="back on wall",
    ),
    PictureSpec(
        slug="front-plank",
        title="Front plank on the knees",
        alt=_(
            "Lying on the stomach propped on the forearms, the person lifts the hips until the "
            "body is in a straight line from the shoulders to the knees, and holds."
        ),
        start=PLANK_KNEES_DOWN,
        end=Pose(
            hip=(11.6, 16.2), trunk=163.7, neck=165, arm=Bend(-90, 180), leg=Bend(-16.3, 0, foot=0)
        ),
        moving="hip",
        shift=(0, 12),
        bow=-0.5,
        note="straight line",
    ),
    PictureSpec(
        slug="bridge-march",
        title="Marching bridge",
        alt=_(
            "In a bridge, hips lifted and level, the person lifts one foot a little off the "
            "floor, holds, puts it down and lifts the other."
        ),
        start=BRIDGE,
        end=Pose(
            hip=(0, 35),
            trunk=210,
            neck=170,
            arm=BY_SIDE,
            leg=Bend(40, -55, foot=20),
            far_leg=CROOK,
        ),
        moving="leg.lower",
        shift=(8, 0),
        bow=-0.3,
        note="hips level",
    ),
)
