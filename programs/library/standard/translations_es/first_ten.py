"""The first ten standard exercises (extension and core), as in first_ten.py."""

from typing import Any

from programs.library.standard.translations_es.shared import (
    _BREATHE,
    _CENTRALISES,
    _DISCOMFORT,
    _STOP_IF_LEG,
)

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
}
