"""The multi-select rules: the exclusive option, and comments that are set aside, never lost."""

from hypothesis import given
from hypothesis import strategies as st

from enquete.model.answers import MultiAnswer
from enquete.model.questionnaire import MultiQuestion, Questionnaire
from enquete.model.selection import set_option_comment, toggle_option

BULLETS = (
    "- EUIPO is implementing a cloud-first strategy\n"
    "- EUIPO is improving G&S management\n"
    "Planned – e-filing portal (https://ipo.example.org/efiling)\n"
)


def focus(survey: Questionnaire) -> MultiQuestion:
    question = survey.question("current_focus")
    assert isinstance(question, MultiQuestion)
    return question


def test_not_applicable_sets_comments_aside_and_ticking_again_restores_them(survey: Questionnaire) -> None:
    """Office trial #3: one key on "Not Applicable" deleted 1,600 typed characters."""
    question = focus(survey)
    long_comment = (BULLETS * 20)[:1600]
    answer = MultiAnswer(selected=("rec1", "rec2"), comments={"rec1": long_comment, "rec2": "short 中文"})
    answer2, aside = toggle_option(question, answer, {}, "not_applicable", True)
    assert answer2 == MultiAnswer(selected=("not_applicable",))
    assert aside == {"rec1": long_comment, "rec2": "short 中文"}
    answer3, aside = toggle_option(question, answer2, aside, "rec1", True)
    assert answer3 == MultiAnswer(selected=("rec1",), comments={"rec1": long_comment})
    assert aside == {"rec2": "short 中文"}


def test_unticking_sets_the_comment_aside(survey: Questionnaire) -> None:
    """Office trial #3: unticking by mistake and moving on lost the comment."""
    question = focus(survey)
    answer = MultiAnswer(selected=("rec1",), comments={"rec1": BULLETS})
    answer2, aside = toggle_option(question, answer, {}, "rec1", False)
    assert answer2 is None and aside == {"rec1": BULLETS}


def test_ticking_an_option_unticks_the_exclusive_one(survey: Questionnaire) -> None:
    question = focus(survey)
    answer, _ = toggle_option(question, MultiAnswer(selected=("not_applicable",)), {}, "rec3", True)
    assert answer == MultiAnswer(selected=("rec3",))


def test_a_comment_typed_after_restoring_is_not_replaced(survey: Questionnaire) -> None:
    question = focus(survey)
    answer = set_option_comment(question, MultiAnswer(selected=("rec1",)), "rec1", "new")
    answer2, aside = toggle_option(question, answer, {"rec1": "old"}, "rec1", True)
    assert answer2 is not None and answer2.comments == {"rec1": "new"} and aside == {"rec1": "old"}


@given(
    st.lists(
        st.tuples(st.sampled_from([f"rec{i}" for i in range(1, 11)] + ["not_applicable"]), st.booleans())
    )
)
def test_no_typed_comment_is_ever_lost_and_exclusive_stands_alone(moves: list[tuple[str, bool]]) -> None:
    from enquete.storage.questionnaire_file import load_questionnaire
    from tests.conftest import ROOT

    question = focus(load_questionnaire(ROOT / "questionnaire.toml"))
    answer: MultiAnswer | None = None
    aside: dict[str, str] = {}
    typed = {f"rec{i}": f"comment {i}\n- line two" for i in range(1, 11)}
    for option, on in moves:
        answer, aside = toggle_option(question, answer, aside, option, on)
        if (
            answer is not None
            and option in answer.selected
            and option in typed
            and option not in answer.comments
        ):
            answer = set_option_comment(question, answer, option, typed[option])
        kept = {**aside, **(answer.comments if answer else {})}
        for key, text in kept.items():
            assert typed[key] == text
        selected = answer.selected if answer else ()
        assert not ("not_applicable" in selected and len(selected) > 1)
        assert not set(aside) & set(answer.comments if answer else {})
