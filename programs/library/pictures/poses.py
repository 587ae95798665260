"""The start and end position of every standard exercise, and what its picture says in words.

Floor coordinates (y up, floor at 0). Lying figures have the head on the left; standing ones
face right. Where an arm or leg on the far side does something else than the near one (bird-
dog, dead bug), it is given as `far_arm` or `far_leg` and drawn in a lighter shade.
"""

from django.utils.translation import gettext_lazy as _

from programs.library.pictures.figure import Bend, Pose, Reach
from programs.library.pictures.layout import PictureSpec
from programs.library.pictures.poses_more import MORE_PICTURES
from programs.library.pictures.postures import (
    BRIDGE,
    CROOK,
    ELBOWS,
    FLAT,
    PRONE,
    QUADRUPED,
    SIDE_HIPS_DOWN,
    STANDING,
    SUPINE_CROOK,
)

FIRST_PICTURES: tuple[PictureSpec, ...] = (
    PictureSpec(
        slug="prone-lying",
        title="Lying on your stomach",
        alt=_(
            "From hands and knees, the person lowers down to lie flat on their stomach, arms "
            "by the sides, head turned to one side, and relaxes there."
        ),
        start=QUADRUPED,
        end=PRONE,
        moving="hip",
        shift=(16, 0),
        bow=0.2,
        note="relax",
    ),
    PictureSpec(
        slug="prone-on-elbows",
        title="Lying on your elbows",
        alt=_(
            "Lying on the stomach, the person lifts the chest onto the forearms, elbows under "
            "the shoulders, while the hips and legs stay on the floor."
        ),
        start=PRONE,
        end=ELBOWS,
        moving="head",
        bow=-0.3,
        note="hips stay down",
    ),
    PictureSpec(
        slug="prone-press-up",
        title="Press-up (lying extension)",
        alt=_(
            "Lying on the stomach with the hands under the shoulders, the person straightens "
            "the arms to press the chest up, arching the back, while the hips and legs stay on "
            "the floor."
        ),
        start=Pose(hip=(0, 7), trunk=180, neck=165, arm=Reach((-62, 4), bend=-1), leg=FLAT),
        end=Pose(hip=(0, 7), trunk=135, neck=150, arm=Reach((-80, 4), bend=1), leg=FLAT),
        moving="head",
        bow=-0.3,
        note="hips stay down",
    ),
    PictureSpec(
        slug="standing-back-extension",
        title="Standing back extension",
        alt=_(
            "Standing with the hands on the lower back, the person bends backwards a little, "
            "pushing the hips forward, then comes back to standing straight."
        ),
        start=Pose(hip=(0, 83), trunk=90, neck=90, arm=Reach((-9, 82), bend=1), leg=Reach((0, 5))),
        end=Pose(
            hip=(9, 81),
            trunk=114,
            neck=135,
            arm=Reach((1, 86), bend=1),
            leg=Reach((0, 5)),
            arch=-5,
        ),
        moving="head",
        shift=(4, 14),
        bow=0.5,
        note="hands on back",
    ),
    PictureSpec(
        slug="standing-head-chest-extension",
        title="Standing head and chest lift",
        alt=_(
            "Standing tall with the arms by the sides, the person squeezes the shoulder blades "
            "back, lifts the chest and tips the head back a little to look slightly up."
        ),
        start=STANDING,
        end=Pose(hip=(0, 83), trunk=97, neck=135, arm=Bend(-100, -98), leg=Reach((0, 5))),
        moving="head",
        shift=(-6, 10),
        bow=0.6,
        note="low back still",
    ),
    PictureSpec(
        slug="abdominal-bracing",
        title="Abdominal bracing",
        alt=_(
            "Lying on the back with the knees bent and the feet flat, the person gently "
            "tightens the tummy muscles without moving the back, and holds."
        ),
        start=SUPINE_CROOK,
        end=SUPINE_CROOK,
        moving="waist",
        arrow=((-28, 48), (-28, 20)),
        bow=0,
        note="tighten tummy",
    ),
    PictureSpec(
        slug="glute-bridge",
        title="Glute bridge",
        alt=_(
            "Lying on the back with the knees bent, the person lifts the hips until the "
            "shoulders, hips and knees make a straight line, holds, and lowers slowly."
        ),
        start=SUPINE_CROOK,
        end=BRIDGE,
        moving="hip",
        shift=(0, 12),
        bow=-0.5,
        note="back straight",
    ),
    PictureSpec(
        slug="curl-up",
        title="Curl-up (McGill)",
        alt=_(
            "Lying on the back with one knee bent and the hands under the low back, the person "
            "lifts the head and shoulders a little off the floor, keeping the neck in line."
        ),
        start=Pose(
            hip=(0, 7),
            trunk=180,
            neck=170,
            arm=Reach((-14, 6), bend=1),
            leg=CROOK,
            far_leg=Bend(0, 0, foot=80),
        ),
        end=Pose(
            hip=(0, 7),
            trunk=168,
            neck=165,
            arm=Reach((-14, 6), bend=1),
            leg=CROOK,
            far_leg=Bend(0, 0, foot=80),
            arch=-3,
        ),
        moving="head",
        shift=(0, 10),
        bow=-0.4,
        note="small lift",
    ),
    PictureSpec(
        slug="bird-dog",
        title="Bird-dog",
        alt=_(
            "On hands and knees with a flat back, the person reaches one arm forward and the "
            "opposite leg back until both are level with the body, and holds."
        ),
        start=QUADRUPED,
        end=Pose(
            hip=(0, 45),
            trunk=166.6,
            neck=172,
            arm=Bend(172, 172),
            leg=Bend(-90, 0, foot=0),
            far_arm=Bend(-90, -90),
            far_leg=Bend(4, 4, foot=-60),
        ),
        moving="arm.lower",
        bow=-0.3,
        note="back flat",
    ),
    PictureSpec(
        slug="side-bridge",
        title="Side bridge",
        alt=_(
            "Lying on one side propped on the forearm, elbow under the shoulder, the person "
            "lifts the hips until the body makes a straight line from head to feet, and holds."
        ),
        start=SIDE_HIPS_DOWN,
        end=Pose(
            hip=(3.6, 20.7),
            trunk=168.4,
            neck=170,
            arm=Reach((12, 26)),
            leg=Reach((80, 5), foot=60),
            far_arm=Bend(-90, 180),
        ),
        moving="hip",
        shift=(0, 14),
        bow=-0.5,
        note="straight line",
    ),
)
PICTURES = FIRST_PICTURES + MORE_PICTURES
PICTURE_BY_SLUG = {spec.slug: spec for spec in PICTURES}
