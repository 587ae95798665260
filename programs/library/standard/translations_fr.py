"""French texts of the standard exercises: the same steps and safety points as the English.

Plain patient language, speaking to the patient as "vous"; `summary` is for clinicians. Each
list has as many lines as the English one, in the same order.
"""

from typing import Any

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

EXERCISES: dict[str, dict[str, Any]] = {
    "prone-lying": {
        "name": "Allongé sur le ventre",
        "summary": (
            "Décubitus ventral relâché : première étape de la progression en extension de "
            "McKenzie ; amène le rachis lombaire vers l'extension et teste la tolérance au "
            "décubitus ventral avant l'extension en charge."
        ),
        "instructions": [
            "Allongez-vous sur le ventre sur une surface ferme, comme un lit ou un tapis au sol.",
            "Placez les bras le long du corps.",
            "Tournez la tête du côté qui vous est le plus confortable.",
            "Relâchez tout le corps. Détendez le bas du dos.",
            "Respirez lentement et profondément.",
            "Restez ainsi une à deux minutes.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si vous ne pouvez pas rester sur le ventre confortablement, dites-le à votre "
            "soignant. Il existe un exercice debout à faire à la place.",
        ],
    },
    "prone-on-elbows": {
        "name": "Allongé sur le ventre en appui sur les coudes",
        "summary": (
            "Décubitus ventral sur les coudes (sphinx) : extension lombaire passive maintenue, "
            "bassin au sol, au moins 10 s ; étape entre le décubitus ventral et les "
            "extensions sur les mains."
        ),
        "instructions": [
            "Allongez-vous sur le ventre sur une surface ferme.",
            "Relevez le haut du corps en appui sur les coudes. Gardez les coudes sous les épaules.",
            "Laissez les hanches et les jambes au sol.",
            "Laissez le bas du dos se détendre et se creuser.",
            "Tenez au moins 10 secondes. Continuez à respirer.",
            "Redescendez lentement.",
            "Reposez-vous, puis recommencez.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Ne décollez pas les hanches du sol.",
        ],
    },
    "prone-press-up": {
        "name": "Extension allongé sur les mains",
        "summary": (
            "Extension en décubitus ventral sur les mains (McKenzie) : extension lombaire en "
            "fin d'amplitude, bassin au sol, avec une pause de 1 à 2 s en haut."
        ),
        "instructions": [
            "Allongez-vous sur le ventre. Posez les mains à plat au sol, sous les épaules.",
            "Poussez sur les paumes pour vous relever. Tendez les bras autant que c'est "
            "confortable.",
            "Gardez les hanches et les jambes au sol. Détendez le bas du dos.",
            "Marquez une pause d'une ou deux secondes en haut.",
            "Redescendez lentement.",
            "Recommencez.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Ne montez que jusqu'où c'est confortable. Ne forcez pas.",
        ],
    },
    "standing-back-extension": {
        "name": "Extension du dos debout",
        "summary": (
            "Extension lombaire debout : l'alternative quand le décubitus ventral n'est pas "
            "toléré, utile aussi dans la journée, p. ex. après une position assise prolongée."
        ),
        "instructions": [
            "Faites cet exercice si rester sur le ventre vous gêne. Il est aussi utile dans la "
            "journée, par exemple après être resté assis.",
            "Tenez-vous debout, bien droit, les pieds écartés.",
            "Posez les mains sur le bas du dos, les doigts vers le bas.",
            "Penchez-vous doucement en arrière, autant que c'est confortable. Prenez appui "
            "sur vos mains.",
            "Revenez en position debout bien droite.",
            "Recommencez.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Bougez lentement. Placez-vous près d'un mur ou d'une chaise si vous vous sentez "
            "instable.",
        ],
    },
    "standing-head-chest-extension": {
        "name": "Redressement de la tête et de la poitrine debout",
        "summary": (
            "Extension thoracique et cervicale debout : fait travailler les extenseurs du dos "
            "avec une faible charge sur le rachis lombaire."
        ),
        "instructions": [
            "Tenez-vous bien droit, les pieds écartés et les bras le long du corps.",
            "Resserrez doucement les omoplates vers l'arrière et vers le bas.",
            "Soulevez la poitrine et laissez la tête partir un peu en arrière, pour regarder "
            "légèrement vers le haut.",
            "Le mouvement vient du haut du dos. Gardez le bas du dos immobile.",
            "Tenez une ou deux secondes, puis revenez bien droit.",
            "Recommencez.",
        ],
        "cautions": [
            _CENTRALISES,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Arrêtez si vous avez un vertige. Ne basculez pas la tête trop en arrière.",
        ],
    },
    "abdominal-bracing": {
        "name": "Gainage abdominal",
        "summary": (
            "Gainage abdominal (bracing) : co-contraction douce de la paroi abdominale, rachis "
            "lombaire en position neutre, tenue environ 10 s ; point de départ de la "
            "progression du tronc."
        ),
        "instructions": [
            "Allongez-vous sur le dos, genoux pliés, pieds à plat au sol.",
            "Contractez doucement les muscles du ventre, comme si l'on allait vous donner une "
            "petite tape sur le ventre.",
            "N'écrasez pas le dos contre le sol. Ne le creusez pas non plus.",
            "Tenez environ 10 secondes. Continuez à respirer normalement.",
            "Relâchez, puis recommencez.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Restez en douceur. Inutile de serrer fort.",
        ],
    },
    "glute-bridge": {
        "name": "Pont fessier",
        "summary": (
            "Pont fessier : extension de hanche en décubitus dorsal genoux fléchis, rachis "
            "lombaire neutre, tenue environ 10 s ; travaille ensemble les fessiers et les "
            "extenseurs du dos."
        ),
        "instructions": [
            "Allongez-vous sur le dos, genoux pliés, pieds à plat, écartés de la largeur des "
            "hanches.",
            "Contractez doucement les muscles du ventre.",
            "Serrez les fesses et soulevez les hanches jusqu'à ce que les épaules, les hanches "
            "et les genoux forment une ligne droite.",
            "Gardez le dos droit et les hanches à la même hauteur. Ne creusez pas le dos.",
            "Tenez environ 10 secondes.",
            "Reposez lentement les hanches au sol. Reposez-vous, puis recommencez.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Ne montez pas les hanches trop haut. Le dos doit rester droit, pas cambré.",
        ],
    },
    "curl-up": {
        "name": "Enroulement (McGill)",
        "summary": (
            "Curl-up de McGill : travaille le grand droit de l'abdomen avec une flexion "
            "lombaire minimale, mains sous le rachis lombaire pour garder la lordose ; reste un "
            "exercice de (petite) flexion."
        ),
        "instructions": [
            "Allongez-vous sur le dos. Pliez un genou et gardez l'autre jambe tendue.",
            "Glissez les mains, paumes vers le bas, sous le creux du bas du dos. Cela garde sa "
            "courbe naturelle.",
            "Contractez doucement les muscles du ventre.",
            "Décollez juste un peu la tête et les épaules du sol. Gardez la tête et le cou "
            "alignés, sans plier le cou.",
            "Tenez environ 10 secondes. Continuez à respirer.",
            "Redescendez lentement. À mi-parcours, changez de genou plié.",
        ],
        "cautions": [
            "Cet exercice penche un peu la colonne vers l'avant. Ne le faites pas pendant une "
            "poussée de douleur discale, sauf si votre soignant vous l'a autorisé.",
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
        ],
    },
    "bird-dog": {
        "name": "Chien d'arrêt (bird-dog)",
        "summary": (
            "Bird-dog de McGill : extension du bras et de la jambe opposés à quatre pattes, "
            "rachis neutre, tenue environ 10 s ; endurance des extenseurs du dos avec une "
            "faible charge rachidienne."
        ),
        "instructions": [
            "Mettez-vous à quatre pattes. Les mains sous les épaules, les genoux sous les hanches.",
            "Contractez doucement les muscles du ventre. Gardez le dos plat, comme une table.",
            "Tendez lentement un bras vers l'avant et la jambe opposée vers l'arrière, jusqu'à "
            "ce qu'ils soient dans l'alignement du corps.",
            "Gardez le dos et les hanches immobiles et à niveau. Ne laissez pas le dos se "
            "creuser ni tourner.",
            "Tenez environ 10 secondes.",
            "Revenez à quatre pattes. Recommencez avec l'autre bras et l'autre jambe.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Si l'équilibre est difficile, bougez d'abord seulement la jambe ou seulement le bras.",
        ],
    },
    "side-bridge": {
        "name": "Planche latérale",
        "summary": (
            "Planche latérale de McGill : endurance latérale du tronc (carré des lombes, "
            "obliques), rachis neutre, tenue environ 10 s de chaque côté ; genoux fléchis "
            "pour la version facile."
        ),
        "instructions": [
            "Allongez-vous sur le côté. Prenez appui sur l'avant-bras, le coude sous l'épaule.",
            "Pour la version facile, pliez les genoux. Pour la version difficile, gardez les "
            "jambes tendues.",
            "Soulevez les hanches du sol, pour que le corps forme une ligne droite de la tête "
            "aux genoux (ou aux pieds).",
            "Gardez le dos immobile et droit. Ne laissez pas les hanches tomber ni tourner.",
            "Tenez environ 10 secondes, puis redescendez lentement les hanches.",
            "Tournez-vous et faites de même de l'autre côté.",
        ],
        "cautions": [
            _BREATHE,
            _STOP_IF_LEG,
            _DISCOMFORT,
            "Commencez genoux pliés. Arrêtez si vous avez mal à l'épaule.",
        ],
    },
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
