"""The first ten standard exercises (extension and core), as in first_ten.py."""

from typing import Any

from programs.library.standard.translations_de.shared import (
    _BREATHE,
    _CENTRALISES,
    _DISCOMFORT,
    _STOP_IF_LEG,
)

EXERCISES: dict[str, dict[str, Any]] = {
    "prone-lying": {
        "name": "Bauchlage",
        "summary": (
            "Entspannte Bauchlage: erster Schritt der Extensionsprogression nach McKenzie; "
            "bringt die Lendenwirbelsäule in Richtung Extension und prüft die Toleranz der "
            "Bauchlage vor belasteter Extension."
        ),
        "instructions": [
            "Legen Sie sich auf den Bauch, auf eine feste Unterlage wie ein Bett oder eine "
            "Matte auf dem Boden.",
            "Legen Sie die Arme neben den Körper.",
            "Drehen Sie den Kopf zu der Seite, die bequemer ist.",
            "Lassen Sie den ganzen Körper locker. Entspannen Sie den unteren Rücken.",
            "Atmen Sie langsam und tief.",
            "Bleiben Sie ein bis zwei Minuten so liegen.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Wenn Sie nicht bequem auf dem Bauch liegen können, sagen Sie es Ihrer "
            "Therapeutin oder Ihrem Therapeuten. Es gibt eine Übung im Stehen, die Sie "
            "stattdessen machen können.",
        ],
    },
    "prone-on-elbows": {
        "name": "Bauchlage auf die Unterarme gestützt",
        "summary": (
            "Bauchlage im Unterarmstütz (Sphinx): gehaltene passive Lumbalextension mit dem "
            "Becken am Boden, mindestens 10 s; der Schritt zwischen Bauchlage und Liegestütz-"
            "Extension."
        ),
        "instructions": [
            "Legen Sie sich auf eine feste Unterlage auf den Bauch.",
            "Stützen Sie den Oberkörper auf die Unterarme. Die Ellbogen sind unter den Schultern.",
            "Lassen Sie Hüften und Beine auf dem Boden.",
            "Lassen Sie den unteren Rücken locker durchhängen.",
            "Halten Sie mindestens 10 Sekunden. Atmen Sie weiter.",
            "Legen Sie sich langsam wieder ab.",
            "Ruhen Sie sich kurz aus und wiederholen Sie dann.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Heben Sie die Hüften nicht vom Boden ab.",
        ],
    },
    "prone-press-up": {
        "name": "Hochdrücken aus der Bauchlage",
        "summary": (
            "Extension in Bauchlage mit Armstütz (McKenzie): Lumbalextension bis zum Ende des "
            "Bewegungsumfangs, Becken am Boden, mit 1–2 s Pause oben."
        ),
        "instructions": [
            "Legen Sie sich auf den Bauch. Legen Sie die Hände flach unter die Schultern auf "
            "den Boden.",
            "Drücken Sie sich mit den Handflächen hoch. Strecken Sie die Arme, so weit es "
            "angenehm ist.",
            "Lassen Sie Hüften und Beine auf dem Boden. Entspannen Sie den unteren Rücken.",
            "Halten Sie oben ein bis zwei Sekunden inne.",
            "Legen Sie sich langsam wieder ab.",
            "Wiederholen Sie.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Gehen Sie nur so hoch, wie es angenehm ist. Nichts erzwingen.",
        ],
    },
    "standing-back-extension": {
        "name": "Rückenstreckung im Stehen",
        "summary": (
            "Lumbalextension im Stand: die Alternative, wenn die Bauchlage nicht vertragen "
            "wird, und nützlich im Alltag, z. B. nach langem Sitzen."
        ),
        "instructions": [
            "Machen Sie diese Übung, wenn das Liegen auf dem Bauch unangenehm ist. Sie hilft "
            "auch tagsüber, zum Beispiel nach dem Sitzen.",
            "Stellen Sie sich aufrecht hin, die Füße auseinander.",
            "Legen Sie die Hände auf den unteren Rücken, die Finger zeigen nach unten.",
            "Beugen Sie sich sanft nach hinten, so weit es angenehm ist. Stützen Sie sich mit "
            "den Händen ab.",
            "Richten Sie sich wieder ganz auf.",
            "Wiederholen Sie.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Bewegen Sie sich langsam. Stellen Sie sich neben eine Wand oder einen Stuhl, wenn "
            "Sie sich unsicher fühlen.",
        ],
    },
    "standing-head-chest-extension": {
        "name": "Kopf und Brust heben im Stehen",
        "summary": (
            "Thorakale und zervikale Extension im Stand: kräftigt die Rückenstrecker bei "
            "geringer Belastung der Lendenwirbelsäule."
        ),
        "instructions": [
            "Stellen Sie sich aufrecht hin, die Füße auseinander, die Arme neben dem Körper.",
            "Ziehen Sie die Schulterblätter sanft nach hinten und unten.",
            "Heben Sie die Brust an und lassen Sie den Kopf etwas nach hinten sinken, sodass "
            "Sie leicht nach oben schauen.",
            "Die Bewegung kommt aus dem oberen Rücken. Halten Sie den unteren Rücken ruhig.",
            "Halten Sie ein bis zwei Sekunden, dann stehen Sie wieder aufrecht.",
            "Wiederholen Sie.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Hören Sie auf, wenn Ihnen schwindlig wird. Legen Sie den Kopf nicht zu weit in "
            "den Nacken.",
        ],
    },
    "abdominal-bracing": {
        "name": "Bauchmuskeln anspannen",
        "summary": (
            "Abdominal Bracing: sanfte Ko-Kontraktion der Bauchwand bei neutraler "
            "Lendenwirbelsäule, etwa 10 s gehalten; der Einstieg in die Rumpfprogression."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach auf dem Boden.",
            "Spannen Sie die Bauchmuskeln sanft an, als ob Sie gleich leicht in den Bauch "
            "gestupst würden.",
            "Drücken Sie den Rücken nicht flach auf den Boden. Machen Sie auch kein Hohlkreuz.",
            "Halten Sie etwa 10 Sekunden. Atmen Sie normal weiter.",
            "Entspannen Sie und wiederholen Sie dann.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Bleiben Sie sanft. Sie müssen nicht fest anspannen.",
        ],
    },
    "glute-bridge": {
        "name": "Beckenheben (Brücke)",
        "summary": (
            "Gesäßbrücke: Hüftextension in Rückenlage mit angestellten Beinen und neutraler "
            "Lendenwirbelsäule, etwa 10 s gehalten; trainiert Gesäßmuskeln und Rückenstrecker "
            "gemeinsam."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach und hüftbreit "
            "auseinander.",
            "Spannen Sie die Bauchmuskeln sanft an.",
            "Spannen Sie das Gesäß an und heben Sie die Hüften, bis Schultern, Hüften und Knie "
            "eine gerade Linie bilden.",
            "Halten Sie den Rücken gerade und die Hüften auf gleicher Höhe. Kein Hohlkreuz.",
            "Halten Sie etwa 10 Sekunden.",
            "Legen Sie die Hüften langsam wieder ab. Ruhen Sie kurz und wiederholen Sie dann.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Heben Sie die Hüften nicht zu hoch. Der Rücken bleibt gerade, nicht nach hinten "
            "gebogen.",
        ],
    },
    "curl-up": {
        "name": "Curl-up (nach McGill)",
        "summary": (
            "Curl-up nach McGill: trainiert den geraden Bauchmuskel bei minimaler "
            "Lumbalflexion, die Hände unter der Lendenwirbelsäule erhalten die Lordose; "
            "dennoch eine (kleine) Flexionsübung."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken. Beugen Sie ein Knie, das andere Bein bleibt gestreckt.",
            "Schieben Sie die Hände, Handflächen nach unten, unter die Mulde des unteren "
            "Rückens. So bleibt seine natürliche Krümmung erhalten.",
            "Spannen Sie die Bauchmuskeln sanft an.",
            "Heben Sie Kopf und Schultern nur ein wenig vom Boden. Kopf und Hals bleiben in "
            "einer Linie, ohne den Hals zu beugen.",
            "Halten Sie etwa 10 Sekunden. Atmen Sie weiter.",
            "Legen Sie sich langsam ab. Wechseln Sie nach der Hälfte das gebeugte Knie.",
        ],
        "cautions": [
            "Bei dieser Übung beugt sich die Wirbelsäule etwas nach vorn. Machen Sie sie nicht "
            "während eines Schubs von Bandscheibenschmerzen, außer Ihre Therapeutin oder Ihr "
            "Therapeut hat es erlaubt.",
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
        ],
    },
    "bird-dog": {
        "name": "Vierfüßlerstand mit Arm- und Beinheben (Bird-Dog)",
        "summary": (
            "Bird-Dog nach McGill: Strecken von gegenüberliegendem Arm und Bein im "
            "Vierfüßlerstand bei neutraler Wirbelsäule, etwa 10 s gehalten; Ausdauer der "
            "Rückenstrecker bei geringer Wirbelsäulenbelastung."
        ),
        "instructions": [
            "Gehen Sie in den Vierfüßlerstand. Die Hände sind unter den Schultern, die Knie "
            "unter den Hüften.",
            "Spannen Sie die Bauchmuskeln sanft an. Halten Sie den Rücken flach wie einen Tisch.",
            "Strecken Sie langsam einen Arm nach vorn und das gegenüberliegende Bein nach "
            "hinten, bis beide auf Höhe des Körpers sind.",
            "Halten Sie Rücken und Hüften ruhig und gerade. Der Rücken darf nicht durchhängen "
            "oder sich verdrehen.",
            "Halten Sie etwa 10 Sekunden.",
            "Kehren Sie in den Vierfüßlerstand zurück. Wiederholen Sie mit dem anderen Arm und "
            "Bein.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Wenn das Gleichgewicht schwerfällt, bewegen Sie anfangs nur das Bein oder nur den "
            "Arm.",
        ],
    },
    "side-bridge": {
        "name": "Seitstütz",
        "summary": (
            "Seitstütz nach McGill: seitliche Rumpfausdauer (M. quadratus lumborum, schräge "
            "Bauchmuskeln) bei neutraler Wirbelsäule, etwa 10 s pro Seite; mit gebeugten Knien "
            "als leichtere Variante."
        ),
        "instructions": [
            "Legen Sie sich auf die Seite. Stützen Sie sich auf den Unterarm, der Ellbogen ist "
            "unter der Schulter.",
            "Für die leichtere Variante beugen Sie die Knie. Für die schwerere bleiben die "
            "Beine gestreckt.",
            "Heben Sie die Hüften vom Boden, sodass Ihr Körper vom Kopf bis zu den Knien (oder "
            "Füßen) eine gerade Linie bildet.",
            "Halten Sie den Rücken ruhig und gerade. Die Hüften dürfen nicht absinken oder "
            "sich verdrehen.",
            "Halten Sie etwa 10 Sekunden, dann senken Sie die Hüften langsam ab.",
            "Drehen Sie sich um und machen Sie dasselbe auf der anderen Seite.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Beginnen Sie mit gebeugten Knien. Hören Sie auf, wenn die Schulter schmerzt.",
        ],
    },
}
