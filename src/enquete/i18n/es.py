"""Textos en español."""

TEXTS: dict[str, str] = {
    "problem.unknown_question": "este cuestionario no tiene la pregunta «{value}»",
    "problem.wrong_type": "se esperaba {expected}, se encontró {found}",
    "problem.unknown_code": "«{value}» no es un código ST.3 conocido",
    "problem.unknown_option": "«{value}» no es una de las opciones",
    "problem.unknown_row": "«{value}» no es una de las filas",
    "problem.unknown_column": "«{value}» no es una respuesta posible para la fila «{subject}»",
    "problem.missing_row": "la fila «{subject}» no tiene respuesta",
    "problem.exclusive_combined": "«{subject}» no puede combinarse con otras opciones",
    "problem.duplicate_option": "«{subject}» está seleccionada dos veces",
    "problem.comment_not_selected": "hay un comentario para «{subject}», que no está seleccionada",
    "problem.comments_not_allowed": "esta pregunta no tiene recuadros de comentarios junto a las opciones",
    "problem.comment_not_allowed": "esta pregunta no tiene recuadro de comentarios",
    "problem.unknown_key": "clave inesperada «{value}»",
    "problem.too_long": "tiene {count} caracteres; el límite es {limit}",
    "problem.too_few": "seleccione al menos {limit}",
    "problem.too_many": "seleccione como máximo {limit}",
    "problem.required": "se requiere una respuesta",
}
