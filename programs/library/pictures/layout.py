"""Lay a picture out: both positions of the figure, the arrow, the floor or wall, the labels.

Pure: takes a `PictureSpec` (poses in floor coordinates) and returns a `Picture` in SVG
coordinates (y down), which `templates/library/picture.svg` draws. The drawing is 320 units
wide at every exercise and as tall as its content, so a picture fills its card's width and a
lying exercise is not lost in an empty square. Labels are 15 units high: at 256 px wide or
more (the smallest a picture is shown, in the handout) they are at least 12 px.
"""

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from programs.library.pictures.figure import (
    HEAD_RADIUS,
    Point,
    Pose,
    Segment,
    angle_to,
    body,
    distance,
    joint,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

WIDTH = 320
FONT_SIZE = 15
MIN_SHOWN_WIDTH = 256  # px: the handout's picture column; cards on phones are wider
MARGIN = 10
LEGEND_HEIGHT = 30
FLOOR_THICKNESS = 8
WALL_THICKNESS = 10
MAX_SCALE = 1.6
MAX_FIGURE_HEIGHT = 190
MOVED = 1.0  # units a segment must move to be drawn in its start position too
END_COLOUR = "#1f2937"
FAR_COLOUR = "#64748b"
START_COLOUR = "#7c8ba1"  # 3.4:1 on white, a graphic's minimum is 3:1
ARROW_COLOUR = "#15803d"
PROP_COLOUR = "#cbd5e1"
TOWEL_COLOUR = "#b45309"
NOTE_MAX_CHARS = 15  # fits beside the legend at FONT_SIZE


@dataclass(frozen=True)
class PictureSpec:
    slug: str
    title: str
    alt: "StrOrPromise"  # the text alternative (translated): what moves, from where to where
    start: Pose
    end: Pose
    moving: str  # the joint the arrow follows: "head", "hip", "arm.lower", ...
    arrow: tuple[Point, Point] | None = None  # or the arrow's ends, where no joint moves enough
    bow: float = 0.35  # how far the arrow curves, as a share of its length; the sign: which side
    shift: Point = (0.0, 0.0)  # moves the arrow off the body
    wall: float | None = None  # x of the wall's face, in floor coordinates
    towel: bool = False  # a towel from the hand to the foot (end position)
    note: str = ""


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Picture:
    slug: str
    title: str
    alt: "StrOrPromise"
    width: int
    height: float
    font_size: int
    floor: Rect
    wall: Rect | None
    start_lines: tuple[Line, ...]
    start_head: Point | None
    end_lines: tuple[Line, ...]
    end_head: Point
    towel: Line | None
    head_radius: float
    arrow_path: str
    arrow_head: str
    note: str
    colours: dict[str, str]


def _moved(start: tuple[Segment, ...], end: tuple[Segment, ...]) -> list[Segment]:
    after = {s.name: s for s in end}
    return [
        s
        for s in start
        if s.name not in after
        or distance(s.start, after[s.name].start) > MOVED
        or distance(s.end, after[s.name].end) > MOVED
    ]


def _arrow(a: Point, b: Point, bow: float) -> tuple[Point, Point, Point]:
    """The start, control point and end of a quadratic curve from a to b, bowed sideways."""
    middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    length = distance(a, b)
    normal = angle_to(a, b) + 90
    control = (
        middle[0] + bow * length * math.cos(math.radians(normal)),
        middle[1] + bow * length * math.sin(math.radians(normal)),
    )
    return a, control, b


def layout(spec: PictureSpec) -> Picture:
    """The picture of an exercise in SVG coordinates."""
    start_body, end_body = body(spec.start), body(spec.end)
    ghost = _moved(start_body.segments, end_body.segments)
    head_moved = distance(start_body.head, end_body.head) > MOVED
    a, b = spec.arrow or (joint(spec.start, spec.moving), joint(spec.end, spec.moving))
    shifted = (
        (a[0] + spec.shift[0], a[1] + spec.shift[1]),
        (b[0] + spec.shift[0], b[1] + spec.shift[1]),
    )
    # Leave the ends of the arrow short of the joints, so the arrowhead stays visible.
    trim = min(8.0, distance(*shifted) / 4)
    direction = angle_to(*shifted)
    arrow_from = (
        shifted[0][0] + trim * math.cos(math.radians(direction)),
        shifted[0][1] + trim * math.sin(math.radians(direction)),
    )
    arrow_to = (
        shifted[1][0] - trim * math.cos(math.radians(direction)),
        shifted[1][1] - trim * math.sin(math.radians(direction)),
    )
    curve = _arrow(arrow_from, arrow_to, spec.bow)

    points: list[Point] = [p for s in (*ghost, *end_body.segments) for p in (s.start, s.end)]
    heads = [end_body.head] + ([start_body.head] if head_moved else [])
    points += [(h[0] + dx, h[1] + dy) for h in heads for dx, dy in ((-11, 11), (11, -11))]
    points += list(curve)
    if spec.wall is not None:
        points.append((spec.wall, 0.0))
    left = min(p[0] for p in points) - MARGIN
    right = max(p[0] for p in points) + MARGIN
    top = max(p[1] for p in points) + MARGIN
    if spec.wall is not None:  # the wall stands beside the figure, away from it
        outward = -1 if spec.wall <= (left + right) / 2 else 1
        left = min(left, spec.wall - WALL_THICKNESS - 2) if outward < 0 else left
        right = max(right, spec.wall + WALL_THICKNESS + 2) if outward > 0 else right
    # Grow the figure to fill the width, within a height that keeps standing ones in proportion.
    scale = min(MAX_SCALE, WIDTH / (right - left), MAX_FIGURE_HEIGHT / top)
    offset_x = (WIDTH - (right - left) * scale) / 2 - left * scale
    floor_y = LEGEND_HEIGHT + top * scale

    def svg(p: Point) -> Point:
        return (round(p[0] * scale + offset_x, 1), round(floor_y - p[1] * scale, 1))

    def line(segment: Segment, colour: str) -> Line:
        (x1, y1), (x2, y2) = svg(segment.start), svg(segment.end)
        return Line(x1, y1, x2, y2, round(segment.width * scale, 1), colour)

    wall = None
    if spec.wall is not None:
        wall_x = svg((spec.wall, 0))[0]
        x = wall_x - WALL_THICKNESS if wall_x <= WIDTH / 2 else wall_x
        wall = Rect(round(x, 1), LEGEND_HEIGHT, WALL_THICKNESS, round(floor_y - LEGEND_HEIGHT, 1))
    towel = None
    if spec.towel:
        hand, foot = svg(joint(spec.end, "arm.lower")), svg(joint(spec.end, "leg.foot"))
        towel = Line(*hand, *foot, 3, TOWEL_COLOUR)
    (sx, sy), (cx, cy), (ex, ey) = (svg(p) for p in curve)
    tip = angle_to((cx, cy), (ex, ey))
    barbs = [
        (ex + 11 * math.cos(math.radians(tip + turn)), ey + 11 * math.sin(math.radians(tip + turn)))
        for turn in (155, -155)
    ]
    return Picture(
        slug=spec.slug,
        title=spec.title,
        alt=str(spec.alt),
        width=WIDTH,
        height=round(floor_y + FLOOR_THICKNESS + 2, 1),
        font_size=FONT_SIZE,
        floor=Rect(0, round(floor_y, 1), WIDTH, FLOOR_THICKNESS),
        wall=wall,
        start_lines=tuple(line(s, START_COLOUR) for s in start_body.segments if s in ghost),
        start_head=svg(start_body.head) if head_moved else None,
        end_lines=tuple(line(s, FAR_COLOUR if s.far else END_COLOUR) for s in end_body.segments),
        end_head=svg(end_body.head),
        towel=towel,
        head_radius=round(HEAD_RADIUS * scale, 1),
        arrow_path=f"M{sx} {sy} Q{cx} {cy} {ex} {ey}",
        arrow_head=" ".join(f"{x:.1f},{y:.1f}" for x, y in [(ex, ey), *barbs]),
        note=spec.note,
        colours={
            "start": START_COLOUR,
            "end": END_COLOUR,
            "arrow": ARROW_COLOUR,
            "prop": PROP_COLOUR,
        },
    )
