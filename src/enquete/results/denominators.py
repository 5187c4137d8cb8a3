"""What a question's shares are of, in words: "Answered by 2 (100%) of the 2 respondents who ...".

Every format (Markdown, the Word annex, the workbook, the summary, the
results screen) states a conditional question's denominator with this one
sentence, so "of 12 offices that have an ICT strategy" reads the same
everywhere. Its words come from the catalogs (`report.answered*`), in the
report's language.
"""

from __future__ import annotations

from enquete.i18n.catalog import translate
from enquete.model.logic import describe_condition
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results


def percent(share: int, language: str) -> str:
    """A share as the report's language writes it: "67%", or "67\u00a0%" in French."""
    return translate("report.percent", language, p=share)


def counted(count: int, share: int, language: str) -> str:
    """A count with its share: "2 (67%)", "2 (67\u00a0%)"."""
    return f"{count} ({percent(share, language)})"


def who_applied(questionnaire: Questionnaire, question_id: str, language: str) -> str:
    """Those a conditional question applied to: "who answered “Yes” to question 6", or the general words."""
    return describe_condition(questionnaire, question_id, language) or translate("report.to_whom", language)


def answered_sentence(results: Results, questionnaire: Questionnaire, question_id: str, language: str) -> str:
    """How many answered, as a count with its share, and of whom: all respondents or those it applied to.

    Args:
        results: The aggregated results.
        questionnaire: The questionnaire (for the condition's words).
        question_id: The question.
        language: The report's language.

    Returns:
        One sentence, e.g. "Answered by 3 (75%) of 4 respondents." or
        "Answered by 2 (100%) of the 2 respondents who answered “Yes” to question 6 (of 4; 2 not
        asked); ...": those not asked are counted, so every respondent is accounted for.
    """
    result = results.questions[question_id]
    n, of = results.respondents, result.applicable
    count = counted(result.answered, results.share(result.answered, of), language)
    if of is None:
        return translate("report.answered_one" if n == 1 else "report.answered", language, count=count, n=n)
    who = who_applied(questionnaire, question_id, language)
    key = "report.answered_of_one" if of == 1 else "report.answered_of"
    return translate(key, language, count=count, of=of, who=who, n=n, not_asked=n - of)
