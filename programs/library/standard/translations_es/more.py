"""The other standard exercises (mobility and strength)."""

from typing import Any

from programs.library.standard.translations_es.shared import (
    _BREATHE,
    _DISCOMFORT,
    _FLEXION,
    _STOP_IF_LEG,
    _STRETCH_FEEL,
)

EXERCISES: dict[str, dict[str, Any]] = {
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
