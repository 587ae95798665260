"""German texts of the standard exercises: the same steps and safety points as the English.

Plain patient language, speaking to the patient as "Sie"; `summary` is for clinicians. Each
list has as many lines as the English one, in the same order.
"""

from typing import Any

from programs.library.standard.cautions import BREATHE, CENTRALISES, DISCOMFORT, STOP_IF_LEG

_STOP_IF_LEG = (
    "Hören Sie auf, wenn der Schmerz ins Gesäß oder ins Bein ausstrahlt oder wenn Sie Taubheit, "
    "Kribbeln oder Schwäche spüren. Sagen Sie es Ihrer Therapeutin oder Ihrem Therapeuten."
)
_DISCOMFORT = (
    "Ein leichtes Unbehagen im Rücken, das wieder abklingt, ist in Ordnung. Ein stechender "
    "Schmerz oder ein Schmerz, der immer stärker wird, ist es nicht. Hören Sie dann auf."
)
_CENTRALISES = (
    "Wenn der Schmerz zur Mitte des Rückens wandert, ist das meist ein gutes Zeichen. "
    "Wenn er ins Bein ausstrahlt, hören Sie auf und sagen Sie es Ihrer Therapeutin oder "
    "Ihrem Therapeuten."
)
_BREATHE = "Halten Sie nicht die Luft an. Atmen Sie ruhig und normal weiter."
_FLEXION = (
    "Bei dieser Übung beugt sich der Rücken etwas nach vorn. Machen Sie sie nicht während "
    "eines Schubs von Bandscheibenschmerzen, außer Ihre Therapeutin oder Ihr Therapeut hat "
    "es erlaubt."
)
_STRETCH_FEEL = "Sie sollten eine sanfte Dehnung spüren, nie Schmerzen. Nicht wippen."

# The shared safety points, by their English text (the handout prints them once).
SHARED_CAUTIONS: dict[str, str] = {
    STOP_IF_LEG: _STOP_IF_LEG,
    DISCOMFORT: _DISCOMFORT,
    CENTRALISES: _CENTRALISES,
    BREATHE: _BREATHE,
}

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
    "cat-camel": {
        "name": "Katzenbuckel und Pferderücken",
        "summary": (
            "Katze-Kamel: langsame Zyklen von Flexion und Extension der Wirbelsäule im "
            "Vierfüßlerstand, ohne Last, um Steifheit vor der Rumpfarbeit zu lösen; keine "
            "Dehnung, kein Drücken ans Bewegungsende."
        ),
        "instructions": [
            "Gehen Sie in den Vierfüßlerstand. Hände unter den Schultern, Knie unter den Hüften.",
            "Machen Sie langsam einen runden Rücken zur Decke hin und lassen Sie den Kopf hängen.",
            "Lassen Sie dann den Rücken langsam etwas durchhängen und heben Sie den Kopf.",
            "Bewegen Sie sich sanft und gleichmäßig. Gehen Sie nicht bis ans Ende der Bewegung.",
            "Das war eine Wiederholung. Wiederholen Sie.",
        ],
        "cautions": [_FLEXION, _STOP_IF_LEG, _DISCOMFORT],
    },
    "pelvic-tilt": {
        "name": "Beckenkippen",
        "summary": (
            "Beckenaufrichtung in Rückenlage mit angestellten Beinen: kleine Lumbalflexion, "
            "die den unteren Rücken zum Boden bringt; lumbopelvine Kontrolle und Beweglichkeit."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach auf dem Boden.",
            "Spannen Sie die Bauchmuskeln sanft an.",
            "Kippen Sie das Becken so, dass der untere Rücken sanft auf den Boden drückt.",
            "Halten Sie kurz und atmen Sie ruhig weiter.",
            "Entspannen Sie in die Ausgangsposition. Wiederholen Sie.",
        ],
        "cautions": [_FLEXION, _BREATHE, _STOP_IF_LEG, _DISCOMFORT],
    },
    "knee-to-chest": {
        "name": "Knie zur Brust ziehen",
        "summary": (
            "Einzelnes Knie zur Brust: Dehnung in Lumbalflexion und der Gesäßmuskeln in "
            "Rückenlage, ein Bein nach dem anderen, der andere Fuß bleibt am Boden."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach auf dem Boden.",
            "Fassen Sie ein Knie mit beiden Händen und ziehen Sie es sanft zur Brust.",
            "Der andere Fuß bleibt auf dem Boden.",
            "Halten Sie die Dehnung und atmen Sie langsam.",
            "Senken Sie das Bein langsam ab. Wechseln Sie jedes Mal das Bein.",
        ],
        "cautions": [_FLEXION, _STRETCH_FEEL, _STOP_IF_LEG],
    },
    "lower-trunk-rotation": {
        "name": "Knie zur Seite kippen",
        "summary": (
            "Rotation des unteren Rumpfes (Knie kippen) in Rückenlage mit angestellten Beinen: "
            "sanfte Lumbalrotation im schmerzfreien Bereich, Schultern am Boden."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken, die Knie gebeugt und geschlossen, die Füße flach "
            "auf dem Boden.",
            "Lassen Sie die Schultern flach auf dem Boden.",
            "Lassen Sie beide Knie langsam zu einer Seite sinken, nur so weit es angenehm ist.",
            "Holen Sie sie mit den Bauchmuskeln zurück zur Mitte.",
            "Lassen Sie sie zur anderen Seite sinken. Das war eine Wiederholung. Wiederholen Sie.",
        ],
        "cautions": [_STOP_IF_LEG, _DISCOMFORT, "Halten Sie die Bewegung anfangs klein."],
    },
    "hamstring-stretch": {
        "name": "Dehnung der hinteren Oberschenkel mit Handtuch",
        "summary": (
            "Dehnung der ischiocruralen Muskulatur in Rückenlage mit Handtuch oder Gurt: "
            "Hüftflexion bei gestrecktem Knie, die Lendenwirbelsäule bleibt neutral am Boden "
            "(keine Flexion)."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken, beide Knie gebeugt.",
            "Legen Sie ein Handtuch um eine Fußsohle und halten Sie beide Enden fest.",
            "Strecken Sie dieses Bein zur Decke, bis Sie eine Dehnung hinten im Oberschenkel "
            "spüren.",
            "Rücken und Kopf bleiben auf dem Boden.",
            "Halten Sie die Dehnung und atmen Sie langsam. Senken Sie das Bein ab und wechseln "
            "Sie die Seite.",
        ],
        "cautions": [
            _STRETCH_FEEL,
            "Wenn die Dehnung Schmerzen oder Kribbeln ins Bein ausstrahlen lässt, hören Sie "
            "auf und sagen Sie es Ihrer Therapeutin oder Ihrem Therapeuten.",
            _STOP_IF_LEG,
        ],
    },
    "hip-flexor-stretch": {
        "name": "Hüftbeugerdehnung im Stehen",
        "summary": (
            "Hüftbeugerdehnung im Ausfallschritt im Stand: Hüftextension des hinteren Beins "
            "mit aufgerichtetem Becken, ohne lumbale Hyperextension."
        ),
        "instructions": [
            "Stellen Sie einen Fuß einen großen Schritt vor den anderen, wie bei einem "
            "Ausfallschritt.",
            "Halten Sie sich an einem Stuhl oder einer Wand fest, um das Gleichgewicht zu halten.",
            "Spannen Sie den Bauch sanft an und richten Sie das Becken auf, als wollten Sie "
            "den Po unter sich schieben.",
            "Beugen Sie das vordere Knie etwas, bis Sie vorn an der Hüfte des hinteren Beins "
            "eine Dehnung spüren.",
            "Halten Sie den Rücken aufrecht. Lehnen Sie sich nicht nach hinten.",
            "Halten Sie die Dehnung und atmen Sie langsam. Wechseln Sie das Bein.",
        ],
        "cautions": [_STRETCH_FEEL, _STOP_IF_LEG, _DISCOMFORT],
    },
    "prone-arm-leg-lift": {
        "name": "Arm und Bein heben in Bauchlage",
        "summary": (
            "Wechselseitiges Arm- und Beinheben in Bauchlage: Ausdauer der Rückenstrecker, ein "
            "Arm und das gegenüberliegende Bein wenige Zentimeter angehoben; nicht der "
            "„Superman“, der die Wirbelsäule viel stärker belastet."
        ),
        "instructions": [
            "Legen Sie sich auf den Bauch, die Arme nach vorn ausgestreckt.",
            "Spannen Sie die Bauchmuskeln sanft an.",
            "Heben Sie einen Arm und das gegenüberliegende Bein wenige Zentimeter vom Boden.",
            "Lassen Sie den Kopf unten, der Blick geht zum Boden.",
            "Halten Sie etwa 10 Sekunden, dann langsam ablegen.",
            "Wechseln Sie zum anderen Arm und Bein. Wiederholen Sie.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Heben Sie nur ein wenig an. Heben Sie nicht beide Arme und beide Beine zugleich.",
        ],
    },
    "dead-bug": {
        "name": "Toter Käfer (Dead Bug)",
        "summary": (
            "Dead Bug: wechselseitiges Absenken von Arm und Bein in Rückenlage, die "
            "Lendenwirbelsäule wird von den Bauchmuskeln neutral gehalten; Ausdauer der "
            "vorderen Rumpfmuskulatur ohne Flexion."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken. Strecken Sie die Arme zur Decke.",
            "Heben Sie die Knie über die Hüften, im rechten Winkel gebeugt.",
            "Spannen Sie die Bauchmuskeln sanft an. Der Rücken bleibt ruhig auf dem Boden.",
            "Senken Sie langsam einen Arm hinter den Kopf und strecken Sie das "
            "gegenüberliegende Bein.",
            "Halten Sie etwa 10 Sekunden, dann zurück in die Ausgangsposition.",
            "Wechseln Sie zum anderen Arm und Bein. Wiederholen Sie.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Wenn sich Ihr Rücken vom Boden abhebt, senken Sie das Bein nicht so weit.",
        ],
    },
    "clam-shell": {
        "name": "Muschel",
        "summary": (
            "Muschel (Clam): Hüftabduktion und Außenrotation in Seitenlage mit gebeugten Knien; "
            "Kraft des mittleren Gesäßmuskels bei ruhigem Becken."
        ),
        "instructions": [
            "Legen Sie sich auf die Seite, die Knie gebeugt, die Füße zusammen.",
            "Legen Sie den Kopf auf Ihren Arm.",
            "Die Füße bleiben zusammen: Heben Sie das obere Knie, so weit es angenehm ist.",
            "Lassen Sie die Hüften nicht nach hinten kippen.",
            "Senken Sie das Knie langsam. Wiederholen Sie, dann drehen Sie sich um und machen "
            "die andere Seite.",
        ],
        "cautions": [_BREATHE, _STOP_IF_LEG, _DISCOMFORT],
    },
    "wall-slide": {
        "name": "An der Wand heruntergleiten",
        "summary": (
            "Wandgleiten (Teilkniebeuge): Beugen von Hüften und Knien mit dem Rücken neutral an "
            "der Wand; übt das Heben aus den Beinen."
        ),
        "instructions": [
            "Stellen Sie sich mit dem Rücken an eine Wand. Die Füße stehen einen Schritt von "
            "der Wand entfernt, hüftbreit auseinander.",
            "Gleiten Sie langsam an der Wand hinunter, indem Sie Hüften und Knie beugen.",
            "Gehen Sie nur ein Stück hinunter. Die Knie bleiben über den Füßen.",
            "Halten Sie den Rücken an der Wand.",
            "Drücken Sie sich über die Fersen wieder hoch. Wiederholen Sie.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Hören Sie auf, wenn die Knie schmerzen. Gehen Sie nicht tiefer als Stuhlhöhe.",
        ],
    },
    "front-plank": {
        "name": "Unterarmstütz auf den Knien",
        "summary": (
            "Unterarmstütz von den Knien: Ausdauer der vorderen Rumpfmuskulatur auf den "
            "Unterarmen, Wirbelsäule neutral von den Schultern bis zu den Knien; zur "
            "Vorbeugung, nach McGills drei Grundübungen."
        ),
        "instructions": [
            "Legen Sie sich auf den Bauch und stützen Sie sich auf die Unterarme, die Ellbogen "
            "unter den Schultern.",
            "Spannen Sie die Bauchmuskeln sanft an.",
            "Heben Sie die Hüften, sodass Ihr Körper von den Schultern bis zu den Knien eine "
            "gerade Linie bildet.",
            "Der Rücken darf nicht durchhängen, der Po nicht nach oben ragen.",
            "Halten Sie etwa 10 Sekunden, dann langsam ablegen. Wiederholen Sie.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Hören Sie auf, wenn die Schultern schmerzen.",
        ],
    },
    "bridge-march": {
        "name": "Brücke mit Marschieren",
        "summary": (
            "Brücke mit wechselseitigem Beinheben: Steigerung der Gesäßbrücke durch Anheben "
            "eines Fußes, das Becken bleibt waagerecht; zur Vorbeugung."
        ),
        "instructions": [
            "Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach und hüftbreit "
            "auseinander.",
            "Spannen Sie das Gesäß an und heben Sie die Hüften zu einer Brücke.",
            "Halten Sie die Hüften gerade und heben Sie einen Fuß etwas vom Boden.",
            "Halten Sie etwa 10 Sekunden, dann setzen Sie den Fuß ab.",
            "Heben Sie den anderen Fuß. Senken Sie am Ende die Hüften langsam ab. Wiederholen Sie.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Wenn die Hüften zu einer Seite absinken, machen Sie vorerst die einfache Brücke.",
        ],
    },
}
