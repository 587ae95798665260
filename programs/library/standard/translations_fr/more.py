"""The other standard exercises (mobility and strength)."""

from typing import Any

from programs.library.standard.translations_fr.shared import (
    _BREATHE,
    _DISCOMFORT,
    _FLEXION,
    _STOP_IF_LEG,
    _STRETCH_FEEL,
)

EXERCISES: dict[str, dict[str, Any]] = {
    "cat-camel": {
        "name": "Chat-chameau",
        "summary": (
            "Chat-chameau : cycles lents de flexion et d'extension du rachis à quatre pattes, "
            "sans charge, pour réduire la raideur avant le travail du tronc ; ce n'est pas un "
            "étirement, pas de poussée en fin d'amplitude."
        ),
        "instructions": [
            "Mettez-vous à quatre pattes. Les mains sous les épaules, les genoux sous les hanches.",
            "Arrondissez lentement le dos vers le plafond en laissant tomber la tête.",
            "Puis laissez lentement le dos se creuser un peu et relevez la tête.",
            "Bougez doucement et de façon fluide. N'allez pas au bout du mouvement.",
            "Cela fait une fois. Recommencez.",
        ],
        "cautions": [_FLEXION, _STOP_IF_LEG, _DISCOMFORT],
    },
    "pelvic-tilt": {
        "name": "Bascule du bassin",
        "summary": (
            "Rétroversion du bassin en décubitus dorsal genoux fléchis : petite flexion "
            "lombaire rapprochant le bas du dos du sol ; contrôle et mobilité lombo-pelviens."
        ),
        "instructions": [
            "Allongez-vous sur le dos, genoux pliés, pieds à plat au sol.",
            "Contractez doucement les muscles du ventre.",
            "Basculez le bassin pour que le creux du bas du dos appuie doucement contre le sol.",
            "Tenez un instant, en respirant calmement.",
            "Relâchez pour revenir au départ. Recommencez.",
        ],
        "cautions": [_FLEXION, _BREATHE, _STOP_IF_LEG, _DISCOMFORT],
    },
    "knee-to-chest": {
        "name": "Étirement genou contre la poitrine",
        "summary": (
            "Genou à la poitrine : étirement en flexion lombaire et des fessiers en décubitus "
            "dorsal, une jambe à la fois, l'autre pied au sol."
        ),
        "instructions": [
            "Allongez-vous sur le dos, genoux pliés, pieds à plat au sol.",
            "Tenez un genou avec les deux mains et ramenez-le doucement vers la poitrine.",
            "Gardez l'autre pied au sol.",
            "Tenez l'étirement en respirant lentement.",
            "Reposez lentement la jambe. Changez de jambe à chaque fois.",
        ],
        "cautions": [_FLEXION, _STRETCH_FEEL, _STOP_IF_LEG],
    },
    "lower-trunk-rotation": {
        "name": "Bascule des genoux",
        "summary": (
            "Rotation du bas du tronc (bascule des genoux) en décubitus dorsal genoux fléchis : "
            "rotation lombaire douce dans une amplitude non douloureuse, épaules au sol."
        ),
        "instructions": [
            "Allongez-vous sur le dos, genoux pliés et serrés, pieds à plat au sol.",
            "Gardez les épaules à plat au sol.",
            "Laissez lentement les deux genoux basculer d'un côté, seulement jusqu'où c'est "
            "confortable.",
            "Ramenez-les au milieu en utilisant les muscles du ventre.",
            "Basculez-les de l'autre côté. Cela fait une fois. Recommencez.",
        ],
        "cautions": [_STOP_IF_LEG, _DISCOMFORT, "Au début, faites un petit mouvement."],
    },
    "hamstring-stretch": {
        "name": "Étirement des ischio-jambiers avec une serviette",
        "summary": (
            "Étirement des ischio-jambiers en décubitus dorsal avec serviette ou sangle : "
            "flexion de hanche genou tendu, rachis lombaire neutre au sol (sans flexion)."
        ),
        "instructions": [
            "Allongez-vous sur le dos, les deux genoux pliés.",
            "Passez une serviette sous la plante d'un pied et tenez les deux bouts.",
            "Tendez cette jambe vers le plafond jusqu'à sentir un étirement derrière la cuisse.",
            "Gardez le dos et la tête au sol.",
            "Tenez l'étirement en respirant lentement. Reposez la jambe et changez de côté.",
        ],
        "cautions": [
            _STRETCH_FEEL,
            "Si l'étirement fait descendre une douleur ou des fourmillements dans la jambe, "
            "arrêtez et prévenez votre soignant.",
            _STOP_IF_LEG,
        ],
    },
    "hip-flexor-stretch": {
        "name": "Étirement des fléchisseurs de hanche debout",
        "summary": (
            "Étirement des fléchisseurs de hanche en fente debout : extension de hanche de la "
            "jambe arrière, bassin en rétroversion, sans hyperextension lombaire."
        ),
        "instructions": [
            "Tenez-vous debout, un pied un grand pas devant l'autre, comme pour une fente.",
            "Tenez-vous à une chaise ou à un mur pour l'équilibre.",
            "Contractez doucement le ventre et rentrez les fesses.",
            "Pliez un peu le genou avant jusqu'à sentir un étirement à l'avant de la hanche "
            "arrière.",
            "Gardez le dos droit. Ne vous penchez pas en arrière.",
            "Tenez l'étirement en respirant lentement. Changez de jambe.",
        ],
        "cautions": [_STRETCH_FEEL, _STOP_IF_LEG, _DISCOMFORT],
    },
    "prone-arm-leg-lift": {
        "name": "Lever de bras et de jambe allongé sur le ventre",
        "summary": (
            "Lever alterné bras et jambe en décubitus ventral : endurance des extenseurs du "
            "dos, un bras et la jambe opposée levés de quelques centimètres ; pas le "
            "« superman », qui charge bien plus le rachis."
        ),
        "instructions": [
            "Allongez-vous sur le ventre, les bras tendus devant vous.",
            "Contractez doucement les muscles du ventre.",
            "Levez un bras et la jambe opposée de quelques centimètres au-dessus du sol.",
            "Gardez la tête basse, le regard vers le sol.",
            "Tenez environ 10 secondes, puis redescendez lentement.",
            "Passez à l'autre bras et à l'autre jambe. Recommencez.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Levez seulement un peu. Ne levez pas les deux bras et les deux jambes en même temps.",
        ],
    },
    "dead-bug": {
        "name": "Insecte mort (dead bug)",
        "summary": (
            "Dead bug : descente alternée du bras et de la jambe en décubitus dorsal, rachis "
            "lombaire maintenu neutre par les abdominaux ; endurance de la sangle antérieure "
            "sans flexion."
        ),
        "instructions": [
            "Allongez-vous sur le dos. Levez les bras vers le plafond.",
            "Levez les genoux au-dessus des hanches, pliés à angle droit.",
            "Contractez doucement les muscles du ventre. Gardez le dos immobile au sol.",
            "Descendez lentement un bras derrière la tête et tendez la jambe opposée.",
            "Tenez environ 10 secondes, puis revenez.",
            "Passez à l'autre bras et à l'autre jambe. Recommencez.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si votre dos se cambre et quitte le sol, descendez moins la jambe.",
        ],
    },
    "clam-shell": {
        "name": "Coquillage",
        "summary": (
            "Coquillage : abduction et rotation externe de hanche en décubitus latéral genoux "
            "fléchis ; force du moyen fessier, bassin immobile."
        ),
        "instructions": [
            "Allongez-vous sur le côté, genoux pliés et pieds joints.",
            "Posez la tête sur votre bras.",
            "Pieds toujours joints, levez le genou du dessus autant que c'est confortable.",
            "Ne laissez pas les hanches rouler vers l'arrière.",
            "Redescendez lentement le genou. Recommencez, puis tournez-vous pour faire l'autre "
            "côté.",
        ],
        "cautions": [_BREATHE, _STOP_IF_LEG, _DISCOMFORT],
    },
    "wall-slide": {
        "name": "Glissé contre le mur",
        "summary": (
            "Glissé contre le mur (squat partiel) : flexion des hanches et des genoux, dos "
            "appuyé au mur en position neutre ; répète le geste de soulever avec les jambes."
        ),
        "instructions": [
            "Tenez-vous dos contre un mur. Placez les pieds à un pas du mur, écartés de la "
            "largeur des hanches.",
            "Glissez lentement le long du mur en pliant les hanches et les genoux.",
            "Ne descendez qu'en partie. Gardez les genoux au-dessus des pieds.",
            "Gardez le dos contre le mur.",
            "Poussez sur les talons pour remonter. Recommencez.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Arrêtez si vous avez mal aux genoux. Ne descendez pas plus bas que la hauteur "
            "d'une chaise.",
        ],
    },
    "front-plank": {
        "name": "Planche sur les genoux",
        "summary": (
            "Planche ventrale sur les genoux : endurance de la sangle antérieure sur les "
            "avant-bras, rachis neutre des épaules aux genoux ; en prévention, après les trois "
            "exercices de McGill."
        ),
        "instructions": [
            "Allongez-vous sur le ventre, en appui sur les avant-bras, les coudes sous les "
            "épaules.",
            "Contractez doucement les muscles du ventre.",
            "Soulevez les hanches pour que le corps forme une ligne droite des épaules aux genoux.",
            "Ne laissez pas le dos se creuser ni les fesses remonter.",
            "Tenez environ 10 secondes, puis redescendez lentement. Recommencez.",
        ],
        "cautions": [_BREATHE, _STOP_IF_LEG, _DISCOMFORT, "Arrêtez si vous avez mal aux épaules."],
    },
    "bridge-march": {
        "name": "Pont avec marche",
        "summary": (
            "Pont avec lever alterné des pieds : progression du pont fessier en levant un pied, "
            "bassin à niveau ; en prévention."
        ),
        "instructions": [
            "Allongez-vous sur le dos, genoux pliés, pieds à plat, écartés de la largeur des "
            "hanches.",
            "Serrez les fesses et soulevez les hanches pour faire un pont.",
            "Gardez les hanches à niveau et levez un pied un peu au-dessus du sol.",
            "Tenez environ 10 secondes, puis reposez le pied.",
            "Levez l'autre pied. Redescendez lentement les hanches à la fin. Recommencez.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si vos hanches penchent d'un côté, faites pour l'instant le pont simple.",
        ],
    },
}
