"""The first ten standard exercises (extension and core), as in first_ten.py."""

from typing import Any

from programs.library.standard.translations_fr.shared import (
    _BREATHE,
    _CENTRALISES,
    _DISCOMFORT,
    _STOP_IF_LEG,
)

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
}
