"""The first screen: the survey, the responses already here, and what to do next.

It paints the survey's title at once. The app glances at the folder's names
before it starts: with no draft in it, the list of actions is complete, and
is in the first frame, while the app is still validating the questionnaire
(a choice made then is carried out once it is validated). Drafts need reading
and checking: the folder is read in full by a worker once the app hands over
the workspace,
and again each time the screen comes back (after filling, after results), so
it is never left on "Reading…" (trial #10).
A draft left by a crash or a closed terminal is listed first, to be resumed
where the person stopped, or discarded to start over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.errors import StorageError
from enquete.model.codes import st3_name
from enquete.ui.content import file_label, plain, tr
from enquete.ui.dialogs.theme import theme_name
from enquete.ui.storage_text import storage_error_text
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList
from enquete.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    # The first paint comes before pydantic is imported: the model is imported when first used.
    from enquete.model.response import Response
    from enquete.session import Workspace

LISTED_SUBMITTED = 3
"""Finalized responses listed one per line (an office's folder holds one); more are one entry,
opening a list that narrows as you type (a Secretariat's folder holds hundreds)."""


def _shown(path: Path) -> Path:
    """The absolute folder, as `~/...` when it is under the person's home folder (shorter to read)."""
    try:
        return Path("~") / path.relative_to(Path.home())
    except (ValueError, RuntimeError):
        return path


@dataclass(frozen=True)
class DraftEntry:
    path: Path
    response: Response
    answered: int
    asked: int
    """Questions asked and answerable in this draft (notes and skipped ones not counted)."""
    files: tuple[Path, ...] = ()
    """Every draft file holding this response (one, unless copied in by hand): discarding removes them all."""


@dataclass(frozen=True)
class Listing:
    """What the responses folder holds, read off the UI thread."""

    folder: Path
    drafts: list[DraftEntry] = field(default_factory=list)
    submitted: list[Path] = field(default_factory=list)
    error: Exception | None = None
    """Why the folder could not be read: worded in the language shown (`storage_error_text`)."""
    others: int = 0
    """Files of other questionnaires in the folder: left aside, neither counted nor offered."""


@dataclass(frozen=True)
class OpenDraft:
    path: Path


@dataclass(frozen=True)
class EditSubmitted:
    path: Path


@dataclass(frozen=True)
class PickSubmitted:
    """One entry for many finalized responses: the list to choose from (`FinalizedListDialog`)."""

    files: tuple[Path, ...]


@dataclass(frozen=True)
class NewResponse:
    pass


@dataclass(frozen=True)
class ViewResults:
    pass


@dataclass(frozen=True)
class ChooseTheme:
    """The colours entry: the theme dialog, for people who never find Ctrl+P."""


@dataclass(frozen=True)
class QuitApp:
    pass


HomeAction = OpenDraft | EditSubmitted | PickSubmitted | NewResponse | ViewResults | ChooseTheme | QuitApp


def _same_entry(one: HomeAction, other: HomeAction) -> bool:
    if isinstance(one, OpenDraft | EditSubmitted) and type(one) is type(other):
        return one.path.name == other.path.name
    return one == other


class HomeScreen(Screen[None]):
    """Title, status of the responses folder, and a list of actions chosen with Enter."""

    CSS_PATH = "home.tcss"
    BINDINGS = [Binding("delete,d", "discard_draft", "key.discard", id="discard")]

    language: reactive[str] = reactive("en", recompose=True)
    """The language of the screen, following the app's."""
    workspace: reactive[Workspace | None] = reactive(None)
    """Set by the app once the questionnaire is validated; the folder is read then."""
    title_text: reactive[str] = reactive("", recompose=True)
    """The questionnaire's title in the screen's language (set by the app when the language changes)."""
    description: reactive[str] = reactive("", recompose=True)
    """The questionnaire's description in the screen's language ("" when it has none)."""
    listing: reactive[Listing | None] = reactive(None)
    """The folder as last read; shown in place (`watch_listing`), not by rebuilding the screen."""

    class Chosen(Message):
        """The person chose an action; the app carries it out."""

        def __init__(self, action: HomeAction) -> None:
            super().__init__()
            self.action = action

    class FolderRead(Message):
        def __init__(self, listing: Listing) -> None:
            super().__init__()
            self.listing = listing

    class Glanced(Message):
        """The screen shows all it can before validation (the list, or "Reading…" for drafts).

        The app validates the questionnaire then, so that the two do not
        compete for the interpreter while the list is being drawn.
        """

    def __init__(
        self,
        title: str,
        description: str,
        language: str,
        glanced: tuple[Path, list[Path]] | None = None,
        *,
        first: bool = False,
    ) -> None:
        """
        Args:
            glanced: The folder and its submitted files, seen before the app started, when no
                draft needs reading (`folder_glance.glance`): the list is shown from the first frame.
            first: The first screen to stay: once shown, it tells the app to validate (`Glanced`).
        """
        super().__init__()
        self.set_reactive(HomeScreen.title_text, title)
        self.set_reactive(HomeScreen.description, description)
        self.first = first
        self.set_reactive(HomeScreen.language, language)
        self._showing_glance = glanced is not None
        """The list shown is the glance's until the folder is read in full: the person may move in it."""
        if glanced is not None:
            folder, submitted = glanced
            self.set_reactive(HomeScreen.listing, Listing(_shown(folder), [], submitted))
        self._actions: dict[str, HomeAction] = {}

    def compose(self) -> ComposeResult:
        yield Static(plain(self.title_text), id="title")
        if self.description:
            yield Static(plain(self.description), id="description")
        listing = self.listing
        yield Static(self._status(listing), id="status", markup=False)
        # Built at once, hidden until the folder is read: filled in place then, which costs
        # a fraction of building and styling a new list (the list is what makes home usable).
        actions = EndStopOptionList(*self._options(listing) if listing else (), id="actions")
        actions.display = listing is not None
        yield actions
        yield KeyBar()

    def _status(self, listing: Listing | None) -> str:
        if listing is None:
            return tr("home.reading", self.language)
        status = tr(
            "home.status",
            self.language,
            folder=str(listing.folder),
            submitted=len(listing.submitted),
            drafts=len(listing.drafts),
        )
        if listing.others:
            status += "\n" + tr("home.others", self.language, count=listing.others)
        if listing.error is not None:
            status += "\n" + storage_error_text(listing.error, self.language)
        return status

    def watch_listing(self, listing: Listing | None) -> None:
        if listing is None or not self.is_mounted:
            return
        self.query_one("#status", Static).update(self._status(listing))
        actions = self.query_one("#actions", OptionList)
        before = self._highlighted_action(actions) if self._showing_glance else None
        self._showing_glance = False
        actions.set_options(self._options(listing))
        actions.display = True
        actions.highlighted = self._index_of(before)
        self._focus_list()
        self.refresh_bindings()

    def _highlighted_action(self, actions: OptionList) -> HomeAction | None:
        index = actions.highlighted
        if index is None or not actions.display or index >= actions.option_count:
            return None
        return self._actions.get(actions.get_option_at_index(index).id or "")

    def _index_of(self, action: HomeAction | None) -> int:
        """Where `action` is in the rebuilt list (0 when gone): the list shown from the first frame
        is rebuilt once the folder is read in full, and the highlight must not move under the
        person's Enter. A file is the same entry by its name. (Coming back from filling, the list
        starts again at the top: the draft just left, if any.)"""
        if action is None:
            return 0
        for index, candidate in enumerate(self._actions.values()):
            if _same_entry(candidate, action):
                return index
        return 0

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._follow_language, init=False)
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._focus_list()
        if self.first and self.workspace is None:
            # Validation starts once this frame is on screen, not competing with drawing it.
            self.call_after_refresh(self.post_message, self.Glanced())

    async def recompose(self) -> None:
        await super().recompose()
        self._focus_list()
        self.refresh_bindings()

    async def _theme_changed(self, _theme: str) -> None:
        """The colours entry names the theme in use; the highlight stays on it."""
        if self.listing is None:
            return
        before = [a.highlighted for a in self.query("#actions").results(OptionList)]
        await self.recompose()
        for actions in self.query("#actions").results(OptionList):
            if before and before[0] is not None and before[0] < actions.option_count:
                actions.highlighted = before[0]

    def _focus_list(self) -> None:
        """Focus the list now, not after the queued messages (`Widget.focus` defers it): at
        start-up the validation's imports compete for the interpreter and delayed it (issue 13)."""
        for actions in self.query("#actions").results(OptionList):
            if actions.display:
                self.set_focus(actions)

    def _follow_language(self, language: str) -> None:
        self.language = language

    def watch_workspace(self, workspace: Workspace | None) -> None:
        if workspace is not None:
            self.read_folder()

    def on_screen_resume(self) -> None:
        """Coming back from filling or results: the drafts and files may have changed."""
        if self.workspace is not None:
            self.read_folder()

    @work(thread=True, exclusive=True, group="folder", exit_on_error=False, description="reading the folder")
    def read_folder(self) -> None:
        from enquete.session import FillSession

        workspace = self.workspace
        if workspace is None:
            return
        folder, questionnaire = workspace.folder, workspace.questionnaire
        root = _shown(folder.root.resolve())
        try:
            newest: dict[str, tuple[Path, Response]] = {}
            files: dict[str, list[Path]] = {}
            for path, response in folder.drafts(questionnaire):  # newest first
                newest.setdefault(response.id, (path, response))  # one entry per response, however named
                files.setdefault(response.id, []).append(path)
            sessions = [
                (path, response, FillSession(workspace, response)) for path, response in newest.values()
            ]
            drafts = [
                DraftEntry(
                    path,
                    response,
                    session.answered_count(),
                    len(session.asked_ids()),
                    tuple(files[response.id]),
                )
                for path, response, session in sessions
            ]
            submitted, others = folder.submitted_files_of(questionnaire.id)
            listing = Listing(root, drafts, submitted, others=others)
        except (OSError, StorageError) as error:
            listing = Listing(root, error=error)
        self.post_message(self.FolderRead(listing))

    @on(FolderRead)
    def folder_read(self, event: FolderRead) -> None:
        self.listing = event.listing
        self._showing_glance = False  # also when the full read found just what the glance saw

    def _options(self, listing: Listing) -> list[Option]:
        lang = self.language
        key_of = self.workspace.questionnaire.respondent_key if self.workspace else ""
        options = []
        self._actions = {}

        def add(text: str, action: HomeAction) -> None:
            option_id = f"action-{len(self._actions)}"
            self._actions[option_id] = action
            options.append(Option(Content(text), id=option_id))

        for entry in listing.drafts:
            draft = entry.response
            key = draft.answers.get(key_of) if key_of else draft.id[:8]
            who = f"{key} {st3_name(key, lang)}" if isinstance(key, str) else tr("home.no_respondent", lang)
            saved = draft.saved.astimezone().strftime("%Y-%m-%d %H:%M %Z")
            progress = tr("home.answered", lang, answered=entry.answered, total=entry.asked)
            if draft.revision > 1:
                text = tr(
                    "home.resume_revision",
                    lang,
                    who=who,
                    revision=draft.revision,
                    saved=saved,
                    progress=progress,
                )
            else:
                text = tr("home.resume", lang, who=who, saved=saved, progress=progress)
            add(text, OpenDraft(entry.path))
        add(tr("home.new", lang), NewResponse())
        if len(listing.submitted) > LISTED_SUBMITTED:
            add(
                tr("home.edit_many", lang, count=len(listing.submitted)),
                PickSubmitted(tuple(listing.submitted)),
            )
        else:
            for path in listing.submitted:
                add(tr("home.edit", lang, who=file_label(path, lang)), EditSubmitted(path))
        add(tr("home.results", lang), ViewResults())
        add(tr("home.theme", lang, name=theme_name(self.app.theme, lang)), ChooseTheme())
        add(tr("home.quit", lang), QuitApp())
        return options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        action = self._actions.get(event.option.id or "")
        if action is not None:
            self.post_message(self.Chosen(action))

    def _highlighted_draft(self) -> DraftEntry | None:
        listing = self.listing
        for options in self.query("#actions").results(OptionList):
            if options.highlighted is None or listing is None:
                return None
            action = self._actions.get(options.get_option_at_index(options.highlighted).id or "")
            if isinstance(action, OpenDraft):
                return next((d for d in listing.drafts if d.path == action.path), None)
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "Discard draft" is offered only when there is a draft to discard (trial #31)."""
        if action == "discard_draft":
            return bool(self.listing and self.listing.drafts)
        return True

    def on_option_list_option_highlighted(self) -> None:
        self.refresh_bindings()

    def action_discard_draft(self) -> None:
        entry = self._highlighted_draft()
        if entry is None:
            self.notify(tr("home.discard_what", self.language), markup=False)
            return
        from enquete.ui.dialogs.confirm import ConfirmDialog

        key_of = self.workspace.questionnaire.respondent_key if self.workspace else None
        key = entry.response.answers.get(key_of) if key_of else None
        who = (
            f"{key} {st3_name(key, self.language)}"
            if isinstance(key, str)
            else tr("home.no_respondent", self.language)
        )
        saved = entry.response.saved.astimezone().strftime("%Y-%m-%d %H:%M %Z")

        def decided(discard: bool | None) -> None:
            if discard:
                self.discard(entry)

        self.app.push_screen(
            ConfirmDialog(
                tr("confirm.discard", self.language, who=who, saved=saved),
                tr("button.discard", self.language),
                tr("button.keep", self.language),
                safe_default=True,
            ),
            decided,
        )

    @work(thread=True, group="discard", exit_on_error=False, description="discarding a draft")
    def discard(self, draft: DraftEntry) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        try:
            workspace.folder.discard_draft(draft.response, draft.files)
        except StorageError as error:
            text = storage_error_text(error, self.language)
            self.app.call_from_thread(self.notify, text, severity="error", markup=False)
        self.app.call_from_thread(self.read_folder)
