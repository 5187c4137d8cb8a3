"""Textes en français."""

TEXTS: dict[str, str] = {
    "problem.unknown_question": "ce questionnaire n'a pas de question « {value} »",
    "problem.wrong_type": "{expected} attendu, {found} trouvé",
    "problem.unknown_code": "« {value} » n'est pas un code ST.3 connu",
    "problem.unknown_option": "« {value} » ne fait pas partie des choix proposés",
    "problem.unknown_row": "« {value} » ne fait pas partie des lignes",
    "problem.unknown_column": "« {value} » n'est pas une réponse possible pour la ligne « {subject} »",
    "problem.missing_row": "la ligne « {subject} » n'a pas de réponse",
    "problem.exclusive_combined": "« {subject} » ne peut pas être combiné avec d'autres choix",
    "problem.duplicate_option": "« {subject} » est sélectionné deux fois",
    "problem.comment_not_selected": "un commentaire est donné pour « {subject} », qui n'est pas sélectionné",
    "problem.comments_not_allowed": "cette question n'a pas de zone de commentaires à côté des choix",
    "problem.comment_not_allowed": "cette question n'a pas de zone de commentaires",
    "problem.unknown_key": "clé inattendue « {value} »",
    "problem.too_long": "compte {count} caractères ; la limite est de {limit}",
    "problem.too_few": "sélectionnez-en au moins {limit}",
    "problem.too_many": "sélectionnez-en au plus {limit}",
    "problem.required": "une réponse est requise",
}
