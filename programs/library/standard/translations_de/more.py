"""The other standard exercises (mobility and strength)."""

from typing import Any

from programs.library.standard.translations_de.shared import (
    _BREATHE,
    _DISCOMFORT,
    _FLEXION,
    _STOP_IF_LEG,
    _STRETCH_FEEL,
)

EXERCISES: dict[str, dict[str, Any]] = {
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
