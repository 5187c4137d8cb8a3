"""English texts: the reference every other language is checked against."""

TEXTS: dict[str, str] = {
    # Problems found in answers (the question and file are named by the caller).
    "problem.unknown_question": "there is no question '{value}' in this questionnaire",
    "problem.wrong_type": "expected {expected}, found {found}",
    "problem.unknown_code": "'{value}' is not a known ST.3 code",
    "problem.unknown_option": "'{value}' is not one of the options",
    "problem.unknown_row": "'{value}' is not one of the rows",
    "problem.unknown_column": "'{value}' is not one of the answers for row '{subject}'",
    "problem.missing_row": "row '{subject}' has no answer",
    "problem.exclusive_combined": "'{subject}' cannot be combined with other choices",
    "problem.duplicate_option": "'{subject}' is selected twice",
    "problem.comment_not_selected": "there is a comment for '{subject}', which is not selected",
    "problem.comments_not_allowed": "this question has no comment boxes beside its options",
    "problem.comment_not_allowed": "this question has no comment box",
    "problem.unknown_key": "unexpected key '{value}'",
    "problem.too_long": "is {count} characters long; the limit is {limit}",
    "problem.too_few": "select at least {limit}",
    "problem.too_many": "select at most {limit}",
    "problem.required": "an answer is required",
}
