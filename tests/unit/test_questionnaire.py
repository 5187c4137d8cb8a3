"""The schema: the shipped survey, and broken questionnaires named by key path."""

from pathlib import Path

import pytest

from enquete.errors import QuestionnaireError
from enquete.model.localized import localize
from enquete.model.questionnaire import MatrixQuestion, MultiQuestion, Questionnaire
from enquete.storage.questionnaire_file import load_questionnaire

SURVEY_IDS = [
    "office",
    "implementation",
    "implementation_comments",
    "current_focus",
    "low_priority",
    "challenges",
    "proposals",
    "future_topics",
]
RECS = [f"rec{i}" for i in range(1, 11)]


def test_shipped_survey_has_the_eight_questions_in_order(survey: Questionnaire) -> None:
    assert survey.id == "cws-ict-2025"
    assert survey.ids == SURVEY_IDS
    assert [q.type for q in survey.questions] == [
        "code",
        "matrix",
        "text",
        "multi",
        "multi",
        "multi",
        "text",
        "multi",
    ]
    assert survey.respondent_key == "office"


def test_shipped_matrix_rows_and_levels(survey: Questionnaire) -> None:
    matrix = survey.question("implementation")
    assert isinstance(matrix, MatrixQuestion) and matrix.required
    assert [r.id for r in matrix.rows] == RECS
    assert [c.id for c in matrix.columns] == [
        "implemented",
        "ongoing",
        "decided",
        "considering",
        "not_planned",
    ]


@pytest.mark.parametrize("qid", ["current_focus", "low_priority", "challenges"])
def test_focus_questions_offer_recs_and_an_exclusive_not_applicable(survey: Questionnaire, qid: str) -> None:
    question = survey.question(qid)
    assert isinstance(question, MultiQuestion)
    assert [o.id for o in question.options] == [*RECS, "not_applicable"]
    assert [o.id for o in question.options if o.exclusive] == ["not_applicable"]
    assert question.option_comments and not question.comment


def test_future_topics_has_one_comment_box_and_no_not_applicable(survey: Questionnaire) -> None:
    question = survey.question("future_topics")
    assert isinstance(question, MultiQuestion)
    assert [o.id for o in question.options] == RECS
    assert question.comment and not question.option_comments and not question.required


def test_free_text_limits_are_generous(survey: Questionnaire) -> None:
    for qid in ("implementation_comments", "proposals"):
        assert getattr(survey.question(qid), "max_length", 0) == 4000


def test_shipped_survey_is_translated_into_every_declared_language(survey: Questionnaire) -> None:
    assert survey.languages == ["en", "fr", "es", "zh", "ru"]
    assert survey.missing_translations() == []
    office = survey.question("office")
    texts = {lang: office.text_in(lang) for lang in survey.languages}
    assert len(set(texts.values())) == 5, "each language has its own text"
    assert "ST.3" in texts["zh"]


def test_missing_translation_falls_back_to_english() -> None:
    assert localize({"en": "Hello", "fr": "Bonjour"}, "zh") == "Hello"
    assert localize({"en": "Hello", "fr": "Bonjour"}, "fr") == "Bonjour"


BASE = """
[questionnaire]
id = "demo"
version = 1
respondent_key = "who"
title = "Demo"

[[questions]]
id = "who"
type = "code"
required = true
text = "Who?"
"""


def load_text(tmp_path: Path, text: str) -> Questionnaire:
    path = tmp_path / "q.toml"
    path.write_text(text, "utf-8")
    return load_questionnaire(path)


def test_a_minimal_questionnaire_with_plain_english_strings_loads(tmp_path: Path) -> None:
    questionnaire = load_text(tmp_path, BASE)
    assert questionnaire.title == {"en": "Demo"}


@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        (
            '[[questions]]\nid = "m"\ntype = "matrix"\ntext = "M"\ncolumns = [{id="a", label="A"}]\n'
            'rows = [{label = "no id"}]\n',
            "question 2 (m).rows[1].id: Field required",
        ),
        (
            '[[questions]]\nid = "t"\ntype = "text"\ntext = "T"\nrequried = true\n',
            "question 2 (t).requried: unknown key 'requried'; did you mean 'required'?",
        ),
        ('[[questions]]\nid = "who"\ntype = "text"\ntext = "T"\n', "question id 'who' appears twice"),
        (
            '[[questions]]\nid = "x"\ntype = "multi"\ntext = "X"\noptions = "nowhere"\n',
            "names the list 'nowhere'",
        ),
        ('[[questions]]\nid = "x"\ntype = "slider"\ntext = "X"\n', "question 2 (x)"),
        ('[[questions]]\nid = "Bad Id"\ntype = "text"\ntext = "X"\n', "question 2 (Bad Id).id"),
        (
            '[[questions]]\nid = "x"\ntype = "text"\ntext.fr = "X"\n',
            "question 2 (x).text: an English text ('en') is required",
        ),
    ],
)
def test_broken_questionnaire_names_the_key_path(tmp_path: Path, addition: str, expected: str) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        load_text(tmp_path, BASE + addition)
    assert expected in str(caught.value)
    assert "q.toml" in str(caught.value)


OTHER = '[[questions]]\nid = "fs"\ntype = "choice"\ntext = "F"\noptions = [{id = "other", label = "O", other = true}]\n'


@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        (
            '[[questions]]\nid = "n"\ntype = "number"\ntext = "N"\nmaxx = 3\n',
            "question 2 (n).maxx: unknown key 'maxx'; did you mean 'max'?",
        ),
        (
            '[[questions]]\nid = "d"\ntype = "date"\ntext = "D"\nmax = "2024-02-31"\n',
            "question 2 (d).max: '2024-02-31' does not exist: month 02 of 2024 has 29 days",
        ),
        (
            OTHER + '[[questions]]\nid = "fs_other"\ntype = "text"\ntext = "T"\n',
            "question id 'fs_other' appears twice: option 'other' of 'fs' has other = true, which adds "
            "a \"please specify\" question named 'fs_other'",
        ),
        (OTHER + '[[questions]]\nid = "n"\ntype = "number"\ntext = "N"\nmaxx = 3\n', "question 3 (n).maxx"),
    ],
)
def test_check_messages_say_what_an_author_can_act_on(tmp_path: Path, addition: str, expected: str) -> None:
    """Regression (trial 4): "Extra inputs are not permitted" for a misspelt key; "appears twice" for a
    question named like an `other = true` follow-up; "a date such as 2024-05-01" for a date that does not
    exist; `questions[7]` counted from 0 (and shifted by the follow-ups) for question 8."""
    with pytest.raises(QuestionnaireError) as caught:
        load_text(tmp_path, BASE + addition)
    assert expected in str(caught.value)


def test_respondent_key_must_be_a_required_code_or_choice(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match="respondent_key 'nobody' is not a question id"):
        load_text(tmp_path, BASE.replace('respondent_key = "who"', 'respondent_key = "nobody"'))
    with pytest.raises(QuestionnaireError, match="must be required"):
        load_text(tmp_path, BASE.replace("required = true", ""))


def test_broken_toml_questionnaire_gives_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match=r"line 3, column"):
        load_text(tmp_path, '[questionnaire]\nid = "x"\nversion = = 1\n')


def test_missing_translations_are_listed_with_their_path(tmp_path: Path) -> None:
    text = BASE.replace('title = "Demo"', 'title = "Demo"\nlanguages = ["en", "fr"]')
    questionnaire = load_text(tmp_path, text)
    assert questionnaire.missing_translations() == [
        "title: no fr text",
        "questions.who.text: no fr text",
    ]


def test_a_label_of_digits_and_punctuation_needs_no_translation(tmp_path: Path) -> None:
    """Regression (trial 4): a 0-10 scale labelled "0".."10" gave 21 "missing translation" warnings."""
    scale = ", ".join(f'{{id = "s{i}", label = "{i}"}}' for i in range(11))
    text = BASE.replace('title = "Demo"', 'title = "Demo"\nlanguages = ["en", "fr"]') + (
        f'[[questions]]\nid = "nps"\ntype = "choice"\ntext.en = "Score"\ntext.fr = "Note"\n'
        f'options = [{scale}, {{id = "dk", label = "1-5 %"}}, {{id = "na", label = "N/A"}}]\n'
    )
    questionnaire = load_text(tmp_path, text)
    assert questionnaire.missing_translations() == [
        "title: no fr text",
        "questions.who.text: no fr text",
        "questions.nps.options.na.label: no fr text",
    ]
