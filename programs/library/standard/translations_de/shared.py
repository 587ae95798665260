"""Safety points of the de texts that several exercises share."""

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
