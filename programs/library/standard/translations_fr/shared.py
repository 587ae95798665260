"""Safety points of the fr texts that several exercises share."""

from programs.library.standard.cautions import BREATHE, CENTRALISES, DISCOMFORT, STOP_IF_LEG

_STOP_IF_LEG = (
    "Arrêtez si la douleur s'étend à la fesse ou à la jambe, ou si vous ressentez un "
    "engourdissement, des fourmillements ou une faiblesse. Prévenez votre soignant."
)
_DISCOMFORT = (
    "Une légère gêne dans le dos qui se calme ensuite est normale. Une douleur vive, ou une "
    "douleur qui ne cesse d'augmenter, ne l'est pas. Arrêtez si cela arrive."
)
_CENTRALISES = (
    "Si la douleur se déplace vers le milieu du dos, c'est en général bon signe. "
    "Si elle descend dans la jambe, arrêtez et prévenez votre soignant."
)
_BREATHE = "Ne bloquez pas votre respiration. Continuez à respirer lentement et normalement."
_FLEXION = (
    "Cet exercice penche un peu le dos vers l'avant. Ne le faites pas pendant une poussée de "
    "douleur discale, sauf si votre soignant vous l'a autorisé."
)
_STRETCH_FEEL = "Vous devez sentir un étirement doux, jamais une douleur. Ne faites pas d'à-coups."

# The shared safety points, by their English text (the handout prints them once).
SHARED_CAUTIONS: dict[str, str] = {
    STOP_IF_LEG: _STOP_IF_LEG,
    DISCOMFORT: _DISCOMFORT,
    CENTRALISES: _CENTRALISES,
    BREATHE: _BREATHE,
}
