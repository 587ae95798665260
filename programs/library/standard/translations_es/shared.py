"""Safety points of the es texts that several exercises share."""

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
