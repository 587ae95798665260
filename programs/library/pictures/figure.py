"""The figure every exercise picture draws: one body with fixed proportions, posed by angles.

Pure geometry in floor coordinates (y up, the floor at y = 0, lengths in drawing units).
A pose gives the hip's place, the trunk's and the neck's angles and each limb either by its
two angles or by the point its hand or ankle reaches (solved with two-link inverse
kinematics), so a hand stays on the floor or a foot on the wall without trigonometry in the
pose tables. Angles are in degrees: 0 points right, 90 up.
"""

import math
from dataclasses import dataclass

Point = tuple[float, float]

TRUNK = 56.0
NECK = 12.0
HEAD_RADIUS = 11.0
UPPER_ARM = 28.0
FOREARM = 26.0
THIGH = 40.0
SHIN = 38.0
FOOT = 11.0


@dataclass(frozen=True)
class Bend:
    """A limb given by its two absolute angles (and the foot's, for a leg)."""

    upper: float
    lower: float
    foot: float | None = None


@dataclass(frozen=True)
class Reach:
    """A limb whose end (hand or ankle) is at `target`; `bend` picks the side of the joint."""

    target: Point
    bend: int = 1
    foot: float | None = None


Limb = Bend | Reach


@dataclass(frozen=True)
class Pose:
    hip: Point
    trunk: float
    neck: float
    arm: Limb
    leg: Limb
    far_arm: Limb | None = None  # the other arm where it differs from the near one
    far_leg: Limb | None = None
    facing: int = 1  # where the toes point: 1 right, -1 left (feet default to 90° off the shin)
    arch: float = 0.0  # how far the middle of the back bends off the straight line, sideways


@dataclass(frozen=True)
class Segment:
    name: str
    start: Point
    end: Point
    width: float
    far: bool = False  # drawn behind the body, in a lighter shade


@dataclass(frozen=True)
class Body:
    segments: tuple[Segment, ...]
    head: Point


def along(origin: Point, angle: float, length: float) -> Point:
    radians = math.radians(angle)
    return (origin[0] + length * math.cos(radians), origin[1] + length * math.sin(radians))


def angle_to(origin: Point, target: Point) -> float:
    return math.degrees(math.atan2(target[1] - origin[1], target[0] - origin[0]))


def distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def solve(base: Point, limb: Limb, first: float, second: float) -> tuple[Point, Point, float]:
    """The middle joint, the end point and the lower angle of a two-link limb."""
    if isinstance(limb, Bend):
        middle = along(base, limb.upper, first)
        return middle, along(middle, limb.lower, second), limb.lower
    reach = min(max(distance(base, limb.target), abs(first - second) + 1e-6), first + second)
    cosine = (first**2 + reach**2 - second**2) / (2 * first * reach)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    upper = angle_to(base, limb.target) + limb.bend * inner
    middle = along(base, upper, first)
    end = along(middle, angle_to(middle, limb.target), second)
    return middle, end, angle_to(middle, end)


def _arm(name: str, shoulder: Point, limb: Limb, far: bool) -> list[Segment]:
    elbow, hand, _ = solve(shoulder, limb, UPPER_ARM, FOREARM)
    return [
        Segment(f"{name}.upper", shoulder, elbow, 9, far),
        Segment(f"{name}.lower", elbow, hand, 8, far),
    ]


def _leg(name: str, hip: Point, limb: Limb, facing: int, far: bool) -> list[Segment]:
    knee, ankle, shin_angle = solve(hip, limb, THIGH, SHIN)
    foot_angle = limb.foot if limb.foot is not None else shin_angle + 90 * facing
    return [
        Segment(f"{name}.upper", hip, knee, 11, far),
        Segment(f"{name}.lower", knee, ankle, 10, far),
        Segment(f"{name}.foot", ankle, along(ankle, foot_angle, FOOT), 7, far),
    ]


def _waist(pose: Pose) -> Point:
    """The middle of the back: halfway up the trunk, moved sideways by the pose's arch."""
    middle = along(pose.hip, pose.trunk, TRUNK / 2)
    return along(middle, pose.trunk + 90, pose.arch)


def body(pose: Pose) -> Body:
    """Segments from back to front: the far limbs, the trunk and neck, the near limbs."""
    shoulder = along(pose.hip, pose.trunk, TRUNK)
    waist = _waist(pose)
    neck_end = along(shoulder, pose.neck, NECK)
    head = along(shoulder, pose.neck, NECK + HEAD_RADIUS)
    segments = [
        *_arm("far_arm", shoulder, pose.far_arm or pose.arm, far=True),
        *_leg("far_leg", pose.hip, pose.far_leg or pose.leg, pose.facing, far=True),
        Segment("trunk.lower", pose.hip, waist, 13),
        Segment("trunk.upper", waist, shoulder, 13),
        Segment("neck", shoulder, neck_end, 8),
        *_leg("leg", pose.hip, pose.leg, pose.facing, far=False),
        *_arm("arm", shoulder, pose.arm, far=False),
    ]
    if pose.far_arm is None:
        segments = [s for s in segments if not s.name.startswith("far_arm")]
    if pose.far_leg is None:
        segments = [s for s in segments if not s.name.startswith("far_leg")]
    return Body(tuple(segments), head)


def joint(pose: Pose, name: str) -> Point:
    """A named point of the posed body: head, shoulder, waist, hip, or a segment's end."""
    shape = body(pose)
    if name == "head":
        return shape.head
    if name == "hip":
        return pose.hip
    if name == "waist":
        return _waist(pose)
    if name == "shoulder":
        return along(pose.hip, pose.trunk, TRUNK)
    return next(s.end for s in shape.segments if s.name == name)
