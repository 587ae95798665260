"""Positions that several pictures start or end in, in floor coordinates (y up, floor at 0).

Lying figures have the head on the left; standing ones face right.
"""

from programs.library.pictures.figure import Bend, Pose, Reach

FLAT = Bend(0, 0, foot=-10)  # a leg lying straight on the floor, toes pointing away
BY_SIDE = Bend(0, 0)  # an arm lying along the body
CROOK = Reach((62, 5), foot=0)  # knee bent, foot flat on the floor

PRONE = Pose(hip=(0, 7), trunk=180, neck=165, arm=BY_SIDE, leg=FLAT)
QUADRUPED = Pose(hip=(0, 45), trunk=166.6, neck=172, arm=Bend(-90, -90), leg=Bend(-90, 0, foot=0))
SUPINE_CROOK = Pose(hip=(0, 7), trunk=180, neck=170, arm=BY_SIDE, leg=CROOK)
ELBOWS = Pose(hip=(0, 7), trunk=153.5, neck=160, arm=Bend(-90, 180), leg=FLAT)
STANDING = Pose(hip=(0, 83), trunk=90, neck=90, arm=Bend(-92, -92), leg=Reach((0, 5)))
BRIDGE = Pose(hip=(0, 35), trunk=210, neck=170, arm=BY_SIDE, leg=CROOK)
TABLETOP = Pose(hip=(0, 7), trunk=180, neck=170, arm=Bend(90, 90), leg=Bend(90, 0, foot=90))
SIDE_HIPS_DOWN = Pose(
    hip=(0, 8),
    trunk=154.6,
    neck=160,
    arm=Reach((10, 16)),
    leg=Bend(0, 0, foot=60),
    far_arm=Bend(-90, 180),
)
PLANK_KNEES_DOWN = Pose(
    hip=(11.6, 7), trunk=155, neck=165, arm=Bend(-90, 180), leg=Bend(-3, 0, foot=0)
)
CLAM = Pose(hip=(0, 22), trunk=180, neck=175, arm=Reach((-20, 5)), leg=Bend(-25, 180, foot=200))
REACH_FORWARD = Pose(hip=(0, 7), trunk=180, neck=165, arm=Bend(180, 180), leg=FLAT)
