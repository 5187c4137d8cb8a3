"""XLSForm (the ODK/Kobo spreadsheet) to an enquete questionnaire, saying what did not fit.

pyxform reads the workbook (an optional extra: `pip install 'enquete[xlsform]'`)
and resolves XLSForm's many spellings (`select_one yn`, `label::English (en)`,
`jr:constraintMsg`); this module maps its JSON to our schema. Whatever has
no equivalent (repeats, cascading filters, media, calculations, metadata,
expressions our language does not have) is listed in `Conversion.notes`,
which the command prints and writes at the top of the TOML: nothing is
dropped without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from enquete.errors import EnqueteError
from enquete.importing.names import Ids, language_code
from enquete.model.expressions import ExpressionError, parse

QUESTION_TYPES = {
    "text": "text",
    "integer": "number",
    "decimal": "number",
    "range": "number",
    "date": "date",
    "note": "note",
    "select one": "choice",
    "select all that apply": "multi",
}
"""pyxform's type names that have an enquete type."""

NOT_SUPPORTED = {
    "repeat": "repeats (a roster of rows) are not supported",
    "calculate": "calculations are not supported",
    "hidden": "hidden fields are not supported",
    "geopoint": "locations are not supported",
    "geotrace": "locations are not supported",
    "geoshape": "locations are not supported",
    "photo": "media (photos) are not supported",
    "image": "media (images) are not supported",
    "audio": "media (audio) is not supported",
    "video": "media (video) is not supported",
    "file": "file uploads are not supported",
    "barcode": "barcodes are not supported",
    "acknowledge": "acknowledgements are not supported",
    "rank": "ranking is not supported",
    "time": "times of day are not supported",
    "dateTime": "date and time together are not supported",
    "select one from file": "choices from an external file are not supported",
    "select all that apply from file": "choices from an external file are not supported",
    "select one external": "external selects are not supported",
    "start": "form metadata is not collected",
    "end": "form metadata is not collected",
    "today": "form metadata is not collected",
    "deviceid": "form metadata is not collected",
    "username": "form metadata is not collected",
    "phonenumber": "form metadata is not collected",
    "audit": "form metadata is not collected",
    "background-audio": "form metadata is not collected",
}
"""Types we know and cannot carry, with the reason the person is told."""

_TRUE = {"yes", "true", "true()", "1"}
_FALSE = {"no", "false", "false()", "0", ""}


class XLSFormError(EnqueteError):
    """The workbook cannot be read as an XLSForm (pyxform's own message, or why not)."""


@dataclass
class Conversion:
    """The questionnaire as TOML-ready tables, and every note on what did not map."""

    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def read_xlsform(path: Path) -> dict[str, Any]:
    """The workbook as pyxform's JSON; XLSFormError when pyxform is missing or refuses it."""
    try:
        from pyxform.xls2json import parse_file_to_json  # type: ignore[import-untyped]
    except ImportError:
        raise XLSFormError("reading XLSForm needs pyxform: pip install 'enquete[xlsform]'") from None
    if not path.is_file():
        raise XLSFormError(f"{path}: no such file")
    try:
        form: dict[str, Any] = parse_file_to_json(str(path))
    except Exception as error:  # pyxform raises many kinds; each is the workbook's fault
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise XLSFormError(f"{path}: not a usable XLSForm: {message[:300]}") from None
    return form


def convert(form: dict[str, Any], source: str = "the form") -> Conversion:
    """Map pyxform's JSON of a form to enquete's questionnaire tables."""
    return _Converter(form, source).run()


class _Converter:
    def __init__(self, form: dict[str, Any], source: str) -> None:
        self.form = form
        self.source = source
        self.ids = Ids()
        self.notes: list[str] = []
        self.languages: dict[str, str] = {}  # pyxform label -> code
        self.lists: dict[str, list[dict[str, Any]]] = {}
        self.questions: list[dict[str, Any]] = []
        self.expressions: list[tuple[dict[str, Any], str, str, str]] = []

    # --- languages --------------------------------------------------------------

    def _find_languages(self, node: Any) -> None:
        if isinstance(node, dict):
            for key in ("label", "hint", "jr:constraintMsg"):
                if isinstance(node.get(key), dict):
                    for name in node[key]:
                        self.languages.setdefault(name, "")
            for item in node.values():
                self._find_languages(item)
        elif isinstance(node, list):
            for item in node:
                self._find_languages(item)

    def _settle_languages(self) -> list[str]:
        default = str(self.form.get("default_language") or "default")
        self.languages.setdefault(default, "")
        codes: list[str] = []
        for name in list(self.languages):
            code = language_code(name)
            if code is None or code in codes:
                why = "no language code" if code is None else f"a second '{code}'"
                self.notes.append(
                    f"language '{name}' has {why}: its texts are not imported "
                    "(write the column as 'label::Name (xx)')"
                )
                del self.languages[name]
                continue
            self.languages[name] = code
            codes.append(code)
        if "en" not in codes:
            fallback = self.languages.get(default) or (codes[0] if codes else "en")
            self.notes.append(
                f"the form has no English; enquete needs it as the fallback, so the '{fallback}' texts "
                "are also used as English: translate them"
            )
            self.english_from = fallback
            codes.insert(0, "en")
        else:
            self.english_from = "en"
        return codes

    def text(self, value: Any) -> dict[str, str]:
        """A label, hint or message as `{code: text}`; English filled from the fallback if needed."""
        if isinstance(value, str):
            texts = {"en": value}
        elif isinstance(value, dict):
            texts = {}
            for name, text in value.items():
                code = self.languages.get(name)
                if code and isinstance(text, str) and text.strip():
                    texts[code] = text
        else:
            return {}
        if "en" not in texts and self.english_from in texts:
            texts["en"] = texts[self.english_from]
        if "en" not in texts and texts:
            texts["en"] = next(iter(texts.values()))
        return {k: texts[k] for k in sorted(texts, key=lambda c: (c != "en", c))}

    # --- the walk ---------------------------------------------------------------

    def run(self) -> Conversion:
        self._find_languages(self.form.get("children", []))
        languages = self._settle_languages()
        # First give every question its id, so expressions can name later questions.
        self._name_all(self.form.get("children", []))
        self._walk(self.form.get("children", []), relevance=[])
        self._check_expressions()
        for old, new in self.ids.renamed:
            self.notes.append(f"'{old}' is renamed '{new}' (ids are lowercase letters, digits, _ and -)")
        title = str(self.form.get("title") or self.form.get("id_string") or "Imported form")
        header: dict[str, Any] = {
            "id": _clean_id(str(self.form.get("id_string") or "imported-form")),
            "version": _version(self.form.get("version"), self.notes),
            "languages": languages,
            "title": {code: title for code in languages},
        }
        if len(languages) > 1:
            self.notes.append("the form title is the same in every language (XLSForm has one): translate it")
        if not self.questions:
            self.notes.append("no question could be imported")
        data = {"questionnaire": header, "lists": self.lists, "questions": self.questions}
        return Conversion(data, self.notes)

    def _name_all(self, children: list[Any]) -> None:
        for child in children:
            if not isinstance(child, dict) or not isinstance(child.get("name"), str):
                continue
            if child.get("type") == "group":
                self._name_all(child.get("children", []))
            elif child.get("type") in QUESTION_TYPES and not _from_file(child):
                self.ids.id_for(child["name"])

    def _walk(self, children: list[Any], relevance: list[str]) -> None:
        for child in children:
            if not isinstance(child, dict):
                continue
            kind = str(child.get("type", ""))
            name = str(child.get("name", "?"))
            if kind == "group":
                if name == "meta" and child.get("control", {}).get("bodyless"):
                    continue  # pyxform's own instanceID block, not part of what the author wrote
                self._group_parts(child, name)
                inner = list(relevance)
                relevant = child.get("bind", {}).get("relevant")
                if isinstance(relevant, str) and relevant.strip():
                    inner.append(relevant)
                    self.notes.append(
                        f"group '{name}': its questions are imported one by one, each shown only when "
                        f"the group's relevant holds ({relevant})"
                    )
                self._walk(child.get("children", []), inner)
            elif kind in ("select one", "select all that apply") and _from_file(child):
                self.notes.append(
                    f"not imported: '{name}' ({kind} from {child.get('itemset')}): "
                    "choices from an external file are not supported"
                )
            elif kind in QUESTION_TYPES:
                self._question(child, kind, relevance)
            else:
                reason = NOT_SUPPORTED.get(kind, f"the type '{kind}' has no enquete equivalent")
                inside = [c.get("name") for c in child.get("children", []) if isinstance(c, dict)]
                also = f" (with its questions {', '.join(map(str, inside))})" if inside else ""
                self.notes.append(f"not imported: '{name}' ({kind}){also}: {reason}")

    def _group_parts(self, child: dict[str, Any], name: str) -> None:
        """A group's label, hint and appearance have no enquete equivalent: listed, never dropped.

        Trial 4: a group's label and `appearance = field-list` vanished without a note.
        """
        label = self.text(child["label"]) if child.get("label") else {}
        if label:
            shown = label.get("en") or next(iter(label.values()))
            self.notes.append(
                f"group '{name}': its label {shown!r} is not imported (enquete has no group headings: "
                "a `note` question before its first question can show it)"
            )
        if child.get("hint"):
            self.notes.append(f"group '{name}': its hint is not imported")
        appearance = str(child.get("control", {}).get("appearance", "") or "")
        if appearance:
            self.notes.append(
                f"group '{name}': the appearance '{appearance}' is not imported "
                "(enquete shows one question at a time)"
            )

    def _question(self, child: dict[str, Any], kind: str, relevance: list[str]) -> None:
        name = str(child["name"])
        qid = self.ids.id_for(name)
        question: dict[str, Any] = {"id": qid, "type": QUESTION_TYPES[kind]}
        label = self.text(child.get("label"))
        if not label:
            label = {"en": name}
            self.notes.append(f"'{name}' has no label: its name is used as its text")
        question["text"] = label
        hint = self.text(child.get("hint"))
        if hint:
            question["help"] = hint
        bind: dict[str, Any] = child["bind"] if isinstance(child.get("bind"), dict) else {}
        self._required(question, name, bind.get("required"))
        self._type_settings(question, child, kind)
        relevant = [r for r in [*relevance, bind.get("relevant")] if isinstance(r, str) and r.strip()]
        if relevant:
            joined = relevant[0] if len(relevant) == 1 else " and ".join(f"({r})" for r in relevant)
            self.expressions.append((question, "relevant", name, joined))
        constraint = bind.get("constraint")
        if isinstance(constraint, str) and constraint.strip():
            self.expressions.append((question, "constraint", name, constraint))
            message = self.text(bind.get("jr:constraintMsg"))
            if message:
                question["constraint_message"] = message
        for key, what in (
            ("jr:requiredMsg", "a message for a missing answer"),
            ("calculate", "a calculation"),
            ("readonly", "read-only"),
        ):
            if bind.get(key):
                self.notes.append(f"'{name}': {what} is not imported")
        if child.get("default") not in (None, ""):
            self.notes.append(f"'{name}': the default answer {child['default']!r} is not imported")
        if isinstance(child.get("media"), dict) and child["media"]:
            self.notes.append(f"'{name}': media (images, audio) in its label are not imported")
        self.questions.append(question)

    def _required(self, question: dict[str, Any], name: str, required: Any) -> None:
        if required is None:
            return
        text = str(required).strip()
        if text.casefold() in _TRUE:
            question["required"] = True
        elif text.casefold() not in _FALSE:
            self.expressions.append((question, "required", name, text))

    def _type_settings(self, question: dict[str, Any], child: dict[str, Any], kind: str) -> None:
        name = str(child["name"])
        appearance = str(child.get("control", {}).get("appearance", "") or "")
        if kind == "text":
            question["multiline"] = "multiline" in appearance.split()
        elif kind == "integer":
            question["decimals"] = 0
        elif kind == "range":
            parameters = child.get("parameters") or {}
            for ours, theirs in (("min", "start"), ("max", "end")):
                if theirs in parameters:
                    question[ours] = _number(parameters[theirs])
            step = parameters.get("step")
            if step is not None and float(_number(step)).is_integer():
                question["decimals"] = 0
            self.notes.append(f"'{name}': a range is imported as a number between its ends (no slider)")
        elif kind in ("select one", "select all that apply"):
            list_name = str(child.get("list_name") or child.get("itemset") or name)
            question["options"] = self._options(list_name, child.get("choices") or [])
            if child.get("choice_filter"):
                self.notes.append(
                    f"'{name}': the cascading filter ({child['choice_filter']}) is not imported; "
                    "every option is offered"
                )
        if appearance and kind not in ("text",):
            self.notes.append(f"'{name}': the appearance '{appearance}' is not imported")

    def _options(self, list_name: str, choices: list[Any]) -> str:
        key = _clean_id(list_name)
        if key not in self.lists:
            options = []
            seen: set[str] = set()
            for choice in choices:
                if not isinstance(choice, dict):
                    continue
                option_id = _clean_id(str(choice.get("name", "")))
                if option_id in seen:
                    self.notes.append(f"list '{list_name}': option '{choice.get('name')}' appears twice")
                    continue
                seen.add(option_id)
                if option_id != str(choice.get("name")):
                    self.notes.append(
                        f"list '{list_name}': option '{choice.get('name')}' is renamed '{option_id}'; "
                        "expressions comparing with it must be updated"
                    )
                label = self.text(choice.get("label")) or {"en": option_id}
                options.append({"id": option_id, "label": label})
            self.lists[key] = options
        return key

    def _check_expressions(self) -> None:
        """Rewrite names to ids, and keep an expression only if our language reads it."""
        for question, field_name, name, source in self.expressions:
            rewritten = self.ids.rewrite(source)
            try:
                parse(rewritten)
            except ExpressionError as error:
                self.notes.append(f"'{name}': {field_name} not imported ({source}): {error}")
                if field_name == "constraint":
                    question.pop("constraint_message", None)
                continue
            question[field_name] = rewritten
        for question in self.questions:  # keep each question's keys in the documented order
            ordered = {k: question[k] for k in _ORDER if k in question}
            question.clear()
            question.update(ordered)


_ORDER = (
    "id", "type", "required", "relevant", "constraint", "constraint_message",
    "min", "max", "decimals", "multiline", "options", "text", "help",
)  # fmt: skip


def _from_file(child: dict[str, Any]) -> bool:
    """A select whose choices come from a CSV/XML/GeoJSON file (select_one_from_file)."""
    itemset = str(child.get("itemset") or "")
    return itemset.lower().endswith((".csv", ".xml", ".geojson"))


def _clean_id(name: str) -> str:
    cleaned = re.sub(r"[^a-z0-9_-]", "_", name.strip().lower())[:64]
    return cleaned if re.match(r"[a-z0-9]", cleaned) else ("x" + cleaned)[:64]


def _number(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number


def _version(value: Any, notes: list[str]) -> int:
    try:
        version = int(str(value).strip())
    except (TypeError, ValueError):
        if value not in (None, ""):
            notes.append(f"the form version {value!r} is not a whole number: version 1 is used")
        return 1
    return version if version >= 1 else 1
