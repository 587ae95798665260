"""Spanish texts of the standard exercises: the same steps and safety points as the English.

Plain patient language, speaking to the patient as "tú" as many Spanish patient leaflets do;
`summary` is for clinicians. Each list has as many
lines as the English one, in the same order.
"""

from typing import Any

from programs.library.standard.cautions import BREATHE, CENTRALISES, DISCOMFORT, STOP_IF_LEG

_STOP_IF_LEG = (
    "Para si el dolor se extiende a la nalga o a la pierna, o si notas entumecimiento, "
    "hormigueo o debilidad. Díselo a tu profesional sanitario."
)
_DISCOMFORT = (
    "Una molestia leve en la espalda que luego se calma es normal. Un dolor agudo, o un dolor "
    "que va a más, no lo es. Si ocurre, para."
)
_CENTRALISES = (
    "Si el dolor se desplaza hacia el centro de la espalda, suele ser buena señal. "
    "Si se extiende hacia la pierna, para y díselo a tu profesional sanitario."
)
_BREATHE = "No aguantes la respiración. Sigue respirando de forma lenta y normal."
_FLEXION = (
    "Este ejercicio dobla un poco la espalda hacia delante. No lo hagas durante una crisis de "
    "dolor de disco, salvo que tu profesional sanitario te haya dicho que puedes."
)
_STRETCH_FEEL = "Debes notar un estiramiento suave, nunca dolor. No hagas rebotes."

# The shared safety points, by their English text (the handout prints them once).
SHARED_CAUTIONS: dict[str, str] = {
    STOP_IF_LEG: _STOP_IF_LEG,
    DISCOMFORT: _DISCOMFORT,
    CENTRALISES: _CENTRALISES,
    BREATHE: _BREATHE,
}

EXERCISES: dict[str, dict[str, Any]] = {
    "prone-lying": {
        "name": "Tumbado boca abajo",
        "summary": (
            "Decúbito prono relajado: primer paso de la progresión de extensión de McKenzie; "
            "lleva la columna lumbar hacia la extensión y comprueba la tolerancia al decúbito "
            "prono antes de la extensión con carga."
        ),
        "instructions": [
            "Túmbate boca abajo sobre una superficie firme, como una cama o una esterilla en "
            "el suelo.",
            "Pon los brazos a los lados del cuerpo.",
            "Gira la cabeza hacia el lado que te resulte más cómodo.",
            "Deja todo el cuerpo suelto. Relaja la parte baja de la espalda.",
            "Respira lenta y profundamente.",
            "Quédate así uno o dos minutos.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si no puedes estar boca abajo con comodidad, díselo a tu profesional sanitario. "
            "Hay un ejercicio de pie que puedes hacer en su lugar.",
        ],
    },
    "prone-on-elbows": {
        "name": "Tumbado boca abajo apoyado en los codos",
        "summary": (
            "Decúbito prono sobre los codos (esfinge): extensión lumbar pasiva mantenida con la "
            "pelvis en el suelo, al menos 10 s; paso intermedio entre el decúbito prono y las "
            "extensiones con los brazos."
        ),
        "instructions": [
            "Túmbate boca abajo sobre una superficie firme.",
            "Levanta la parte de arriba del cuerpo y apóyate en los codos. Mantén los codos "
            "debajo de los hombros.",
            "Deja las caderas y las piernas en el suelo.",
            "Deja que la parte baja de la espalda se relaje y se hunda.",
            "Mantén la postura al menos 10 segundos. Sigue respirando.",
            "Baja despacio.",
            "Descansa y repite.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "No despegues las caderas del suelo.",
        ],
    },
    "prone-press-up": {
        "name": "Extensión tumbado con los brazos",
        "summary": (
            "Extensión en decúbito prono con los brazos (McKenzie): extensión lumbar hasta el "
            "final del recorrido con la pelvis en el suelo y una pausa de 1–2 s arriba."
        ),
        "instructions": [
            "Túmbate boca abajo. Pon las manos planas en el suelo, debajo de los hombros.",
            "Empuja con las palmas para subir. Estira los brazos hasta donde te resulte cómodo.",
            "Deja las caderas y las piernas en el suelo. Relaja la parte baja de la espalda.",
            "Haz una pausa arriba de uno o dos segundos.",
            "Baja despacio.",
            "Repite.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Sube solo hasta donde te resulte cómodo. No fuerces.",
        ],
    },
    "standing-back-extension": {
        "name": "Extensión de espalda de pie",
        "summary": (
            "Extensión lumbar en bipedestación: alternativa cuando no se tolera el decúbito "
            "prono, y útil a lo largo del día, p. ej. tras estar mucho tiempo sentado."
        ),
        "instructions": [
            "Haz este ejercicio si te resulta incómodo estar boca abajo. También va bien "
            "durante el día, por ejemplo después de estar sentado.",
            "Ponte de pie, recto, con los pies separados.",
            "Pon las manos en la parte baja de la espalda, con los dedos hacia abajo.",
            "Inclínate hacia atrás con suavidad hasta donde te resulte cómodo. Usa las manos "
            "como apoyo.",
            "Vuelve a ponerte recto.",
            "Repite.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Muévete despacio. Ponte cerca de una pared o una silla si no te sientes estable.",
        ],
    },
    "standing-head-chest-extension": {
        "name": "Elevación de cabeza y pecho de pie",
        "summary": (
            "Extensión torácica y cervical en bipedestación: trabaja los extensores de la "
            "espalda con poca carga sobre la columna lumbar."
        ),
        "instructions": [
            "Ponte de pie, erguido, con los pies separados y los brazos a los lados.",
            "Lleva con suavidad los omóplatos hacia atrás y hacia abajo.",
            "Levanta el pecho y deja que la cabeza se incline un poco hacia atrás, para mirar "
            "un poco hacia arriba.",
            "Haz el movimiento con la parte alta de la espalda. Mantén quieta la parte baja.",
            "Mantén uno o dos segundos y vuelve a la posición erguida.",
            "Repite.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Para si te mareas. No eches la cabeza demasiado hacia atrás.",
        ],
    },
    "abdominal-bracing": {
        "name": "Activación abdominal",
        "summary": (
            "Activación abdominal (bracing): contracción conjunta y suave de la pared "
            "abdominal con la columna lumbar en posición neutra, mantenida unos 10 s; punto de "
            "partida de la progresión de estabilidad del tronco."
        ),
        "instructions": [
            "Túmbate boca arriba con las rodillas dobladas y los pies apoyados en el suelo.",
            "Tensa con suavidad los músculos de la barriga, como si te prepararas para un "
            "pequeño empujón.",
            "No aplastes la espalda contra el suelo. Tampoco la arquees.",
            "Mantén unos 10 segundos. Sigue respirando con normalidad.",
            "Relaja y repite.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Hazlo con suavidad. No hace falta apretar fuerte.",
        ],
    },
    "glute-bridge": {
        "name": "Puente de glúteos",
        "summary": (
            "Puente de glúteos: extensión de cadera en decúbito supino con rodillas flexionadas "
            "y columna lumbar neutra, mantenida unos 10 s; trabaja a la vez glúteos y "
            "extensores de la espalda."
        ),
        "instructions": [
            "Túmbate boca arriba con las rodillas dobladas y los pies apoyados, separados a la "
            "anchura de las caderas.",
            "Tensa con suavidad los músculos de la barriga.",
            "Aprieta los glúteos y sube las caderas hasta que hombros, caderas y rodillas "
            "formen una línea recta.",
            "Mantén la espalda recta y las caderas niveladas. No arquees la espalda.",
            "Mantén unos 10 segundos.",
            "Baja las caderas despacio hasta el suelo. Descansa y repite.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "No subas demasiado las caderas. La espalda debe quedar recta, no arqueada hacia "
            "atrás.",
        ],
    },
    "curl-up": {
        "name": "Encogimiento abdominal (McGill)",
        "summary": (
            "Curl-up de McGill: trabaja el recto del abdomen con una flexión lumbar mínima, "
            "con las manos bajo la zona lumbar para mantener la lordosis; sigue siendo un "
            "ejercicio de flexión (pequeña)."
        ),
        "instructions": [
            "Túmbate boca arriba. Dobla una rodilla y deja la otra pierna estirada.",
            "Pon las manos, con las palmas hacia abajo, bajo la curva de la parte baja de la "
            "espalda. Así mantiene su curva natural.",
            "Tensa con suavidad los músculos de la barriga.",
            "Despega un poco la cabeza y los hombros del suelo. Mantén la cabeza y el cuello "
            "alineados, sin doblar el cuello.",
            "Mantén unos 10 segundos. Sigue respirando.",
            "Baja despacio. A mitad de las repeticiones, cambia la rodilla doblada.",
        ],
        "cautions": [
            "Este ejercicio dobla un poco la columna hacia delante. No lo hagas durante una "
            "crisis de dolor de disco, salvo que tu profesional sanitario te haya dicho que "
            "puedes.",
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
        ],
    },
    "bird-dog": {
        "name": "Perro de caza (bird-dog)",
        "summary": (
            "Bird-dog de McGill: extensión del brazo y la pierna contrarios en cuadrupedia con "
            "la columna neutra, mantenida unos 10 s; resistencia de los extensores de la "
            "espalda con poca carga sobre la columna."
        ),
        "instructions": [
            "Ponte a cuatro patas. Las manos debajo de los hombros y las rodillas debajo de las "
            "caderas.",
            "Tensa con suavidad los músculos de la barriga. Mantén la espalda plana, como una "
            "mesa.",
            "Estira despacio un brazo hacia delante y la pierna contraria hacia atrás, hasta que "
            "queden a la altura del cuerpo.",
            "Mantén la espalda y las caderas quietas y niveladas. No dejes que la espalda se "
            "hunda ni gire.",
            "Mantén unos 10 segundos.",
            "Vuelve a cuatro patas. Repite con el otro brazo y la otra pierna.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si te cuesta mantener el equilibrio, al principio mueve solo la pierna o solo el "
            "brazo.",
        ],
    },
    "side-bridge": {
        "name": "Plancha lateral",
        "summary": (
            "Plancha lateral de McGill: resistencia lateral del tronco (cuadrado lumbar, "
            "oblicuos) con la columna neutra, mantenida unos 10 s por lado; con las rodillas "
            "flexionadas en la versión más fácil."
        ),
        "instructions": [
            "Túmbate de lado. Apóyate en el antebrazo, con el codo debajo del hombro.",
            "Para la versión más fácil, dobla las rodillas. Para la más difícil, deja las "
            "piernas estiradas.",
            "Despega las caderas del suelo, de modo que el cuerpo forme una línea recta desde "
            "la cabeza hasta las rodillas (o los pies).",
            "Mantén la espalda quieta y recta. No dejes que las caderas caigan ni giren.",
            "Mantén unos 10 segundos y luego baja las caderas despacio.",
            "Date la vuelta y haz lo mismo del otro lado.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Empieza con las rodillas dobladas. Para si te duele el hombro.",
        ],
    },
    "cat-camel": {
        "name": "Gato-camello",
        "summary": (
            "Gato-camello: ciclos lentos de flexión y extensión de la columna en cuadrupedia, "
            "sin carga, para aliviar la rigidez antes del trabajo de tronco; no es un "
            "estiramiento, sin forzar el final del recorrido."
        ),
        "instructions": [
            "Ponte a cuatro patas. Las manos debajo de los hombros, las rodillas debajo de las "
            "caderas.",
            "Redondea despacio la espalda hacia el techo y deja caer la cabeza.",
            "Después deja que la espalda se hunda un poco, despacio, y levanta la cabeza.",
            "Muévete con suavidad y sin brusquedad. No llegues a forzar el final del movimiento.",
            "Eso es una repetición. Repite.",
        ],
        "cautions": [_FLEXION, _STOP_IF_LEG, _DISCOMFORT],
    },
    "pelvic-tilt": {
        "name": "Báscula pélvica",
        "summary": (
            "Retroversión pélvica en decúbito supino con rodillas flexionadas: pequeña flexión "
            "lumbar que acerca la zona lumbar al suelo; control y movilidad lumbopélvica."
        ),
        "instructions": [
            "Túmbate boca arriba con las rodillas dobladas y los pies apoyados en el suelo.",
            "Tensa con suavidad los músculos de la barriga.",
            "Bascula las caderas para que la parte baja de la espalda presione suavemente "
            "contra el suelo.",
            "Mantén un momento, respirando con calma.",
            "Relaja y vuelve a la posición inicial. Repite.",
        ],
        "cautions": [_FLEXION, _BREATHE, _STOP_IF_LEG, _DISCOMFORT],
    },
    "knee-to-chest": {
        "name": "Estiramiento de rodilla al pecho",
        "summary": (
            "Rodilla al pecho: estiramiento en flexión lumbar y de glúteo en decúbito supino, "
            "una pierna cada vez, con el otro pie en el suelo."
        ),
        "instructions": [
            "Túmbate boca arriba con las rodillas dobladas y los pies apoyados en el suelo.",
            "Sujeta una rodilla con las dos manos y llévala con suavidad hacia el pecho.",
            "Deja el otro pie en el suelo.",
            "Mantén el estiramiento, respirando despacio.",
            "Baja la pierna despacio. Cambia de pierna cada vez.",
        ],
        "cautions": [_FLEXION, _STRETCH_FEEL, _STOP_IF_LEG],
    },
    "lower-trunk-rotation": {
        "name": "Balanceo de rodillas",
        "summary": (
            "Rotación de tronco inferior (balanceo de rodillas) en decúbito supino con "
            "rodillas flexionadas: rotación lumbar suave dentro de un rango sin dolor, con los "
            "hombros en el suelo."
        ),
        "instructions": [
            "Túmbate boca arriba con las rodillas dobladas y juntas, y los pies apoyados en el "
            "suelo.",
            "Mantén los hombros apoyados en el suelo.",
            "Deja caer despacio las dos rodillas hacia un lado, solo hasta donde te resulte "
            "cómodo.",
            "Vuelve al centro usando los músculos de la barriga.",
            "Llévalas al otro lado. Eso es una repetición. Repite.",
        ],
        "cautions": [_STOP_IF_LEG, _DISCOMFORT, "Al principio, haz el movimiento pequeño."],
    },
    "hamstring-stretch": {
        "name": "Estiramiento de isquiotibiales con toalla",
        "summary": (
            "Estiramiento de isquiotibiales en decúbito supino con toalla o cinta: flexión de "
            "cadera con la rodilla estirada y la columna lumbar neutra en el suelo (sin "
            "flexión)."
        ),
        "instructions": [
            "Túmbate boca arriba con las dos rodillas dobladas.",
            "Pasa una toalla por la planta de un pie y sujeta los dos extremos.",
            "Estira esa pierna hacia el techo hasta que notes un estiramiento detrás del muslo.",
            "Mantén la espalda y la cabeza en el suelo.",
            "Mantén el estiramiento, respirando despacio. Baja la pierna y cambia de lado.",
        ],
        "cautions": [
            _STRETCH_FEEL,
            "Si el estiramiento te provoca dolor u hormigueo que baja por la pierna, para y "
            "díselo a tu profesional sanitario.",
            _STOP_IF_LEG,
        ],
    },
    "hip-flexor-stretch": {
        "name": "Estiramiento de flexores de cadera de pie",
        "summary": (
            "Estiramiento de flexores de cadera en zancada de pie: extensión de cadera de la "
            "pierna de atrás con retroversión pélvica, evitando la hiperextensión lumbar."
        ),
        "instructions": [
            "Ponte de pie con un pie un paso largo por delante del otro, como en una zancada.",
            "Agárrate a una silla o a la pared para no perder el equilibrio.",
            "Tensa con suavidad la barriga y mete el trasero hacia dentro.",
            "Dobla un poco la rodilla de delante hasta que notes un estiramiento en la parte "
            "delantera de la cadera de atrás.",
            "Mantén la espalda erguida. No te inclines hacia atrás.",
            "Mantén el estiramiento, respirando despacio. Cambia de pierna.",
        ],
        "cautions": [_STRETCH_FEEL, _STOP_IF_LEG, _DISCOMFORT],
    },
    "prone-arm-leg-lift": {
        "name": "Elevación de brazo y pierna tumbado boca abajo",
        "summary": (
            "Elevación alterna de brazo y pierna en decúbito prono: resistencia de los "
            "extensores de la espalda levantando un brazo y la pierna contraria unos "
            "centímetros; no es el «superman», que carga mucho más la columna."
        ),
        "instructions": [
            "Túmbate boca abajo con los brazos estirados por delante.",
            "Tensa con suavidad los músculos de la barriga.",
            "Levanta un brazo y la pierna contraria unos centímetros del suelo.",
            "Mantén la cabeza baja, mirando al suelo.",
            "Mantén unos 10 segundos y luego baja despacio.",
            "Cambia al otro brazo y la otra pierna. Repite.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Levanta solo un poco. No levantes a la vez los dos brazos y las dos piernas.",
        ],
    },
    "dead-bug": {
        "name": "Bicho muerto (dead bug)",
        "summary": (
            "Dead bug: descenso alterno de brazo y pierna en decúbito supino con la columna "
            "lumbar mantenida neutra por los abdominales; resistencia del core anterior sin "
            "flexión."
        ),
        "instructions": [
            "Túmbate boca arriba. Levanta los brazos hacia el techo.",
            "Sube las rodillas para que queden por encima de las caderas, dobladas en ángulo "
            "recto.",
            "Tensa con suavidad los músculos de la barriga. Mantén la espalda quieta en el suelo.",
            "Baja despacio un brazo por detrás de la cabeza y estira la pierna contraria.",
            "Mantén unos 10 segundos y luego vuelve a la posición.",
            "Cambia al otro brazo y la otra pierna. Repite.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si la espalda se arquea y se despega del suelo, no bajes tanto la pierna.",
        ],
    },
    "clam-shell": {
        "name": "Almeja",
        "summary": (
            "Almeja: abducción y rotación externa de cadera en decúbito lateral con las "
            "rodillas flexionadas; fuerza del glúteo medio con la pelvis quieta."
        ),
        "instructions": [
            "Túmbate de lado con las rodillas dobladas y los pies juntos.",
            "Apoya la cabeza en el brazo.",
            "Sin separar los pies, sube la rodilla de arriba hasta donde te resulte cómodo.",
            "No dejes que las caderas rueden hacia atrás.",
            "Baja la rodilla despacio. Repite y luego date la vuelta y hazlo del otro lado.",
        ],
        "cautions": [_BREATHE, _STOP_IF_LEG, _DISCOMFORT],
    },
    "wall-slide": {
        "name": "Deslizamiento en la pared",
        "summary": (
            "Deslizamiento en la pared (sentadilla parcial): flexión de caderas y rodillas con "
            "la espalda apoyada en la pared en posición neutra; ensaya levantar peso con las "
            "piernas."
        ),
        "instructions": [
            "Ponte de pie con la espalda contra una pared. Coloca los pies a un paso de la "
            "pared, separados a la anchura de las caderas.",
            "Deslízate despacio hacia abajo por la pared doblando las caderas y las rodillas.",
            "Baja solo una parte. Mantén las rodillas sobre los pies.",
            "Mantén la espalda contra la pared.",
            "Empuja con los talones para volver a subir. Repite.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Para si te duelen las rodillas. No bajes más que la altura de una silla.",
        ],
    },
    "front-plank": {
        "name": "Plancha frontal sobre las rodillas",
        "summary": (
            "Plancha frontal desde las rodillas: resistencia del core anterior sobre los "
            "antebrazos con la columna neutra de los hombros a las rodillas; para prevención, "
            "después de los tres grandes de McGill."
        ),
        "instructions": [
            "Túmbate boca abajo, apoyado en los antebrazos, con los codos debajo de los hombros.",
            "Tensa con suavidad los músculos de la barriga.",
            "Sube las caderas para que el cuerpo forme una línea recta de los hombros a las "
            "rodillas.",
            "No dejes que la espalda se hunda ni que el trasero quede hacia arriba.",
            "Mantén unos 10 segundos y luego baja despacio. Repite.",
        ],
        "cautions": [_BREATHE, _STOP_IF_LEG, _DISCOMFORT, "Para si te duelen los hombros."],
    },
    "bridge-march": {
        "name": "Puente con marcha",
        "summary": (
            "Puente con elevación alterna de piernas: progresión del puente de glúteos "
            "levantando un pie, con la pelvis nivelada; para prevención."
        ),
        "instructions": [
            "Túmbate boca arriba con las rodillas dobladas y los pies apoyados, separados a la "
            "anchura de las caderas.",
            "Aprieta los glúteos y sube las caderas para hacer un puente.",
            "Mantén las caderas niveladas y levanta un poco un pie del suelo.",
            "Mantén unos 10 segundos y luego apoya el pie.",
            "Levanta el otro pie. Al terminar, baja las caderas despacio. Repite.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si las caderas caen hacia un lado, de momento haz el puente normal.",
        ],
    },
}
