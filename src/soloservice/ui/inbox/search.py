"""The inbox's search: the box, the query off the GUI thread, the matches highlighted.

``InboxSearch`` puts them together for the main window: ``SearchField`` asks a moment after
typing pauses; ``SearchRunner`` runs the inbox's id query for what was typed on the
TaskRunner's worker and hands back only the newest answer: typing "printer" fast asks seven
times, and a slow early answer must never replace a later one. ``SnippetDelegate`` paints,
beside a matching row's subject, the passage that matched with the matched words highlighted.

Customer text is always escaped before it is wrapped in highlight markup: the snippet is
text the customer wrote, not HTML.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from soloservice.domain.search_query import parse, split_marked, strip_marks
from soloservice.services.dto import InboxQuery
from soloservice.services.registry import Services
from soloservice.ui import style
from soloservice.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from soloservice.ui.inbox.model import InboxModel
    from soloservice.ui.inbox.table import InboxTable

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
#: how long typing pauses before the search runs
SEARCH_DELAY_MS = 150
HIGHLIGHT_BG = "#ffe27a"
HIGHLIGHT_FG = "#000000"
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"(\w+)")


def snippet_html(snippet: str, highlight: bool = True) -> str:
    """A marked snippet as HTML: every piece escaped, the matched ones in bold on yellow."""
    parts: list[str] = []
    for text, hit in split_marked(snippet):
        escaped = html.escape(_SPACES.sub(" ", text))  # one line: newlines become spaces
        parts.append(_highlight(escaped, highlight) if hit else escaped)
    return "".join(parts)


def _highlight(escaped: str, highlight: bool) -> str:
    if highlight:
        style_ = f"background-color:{HIGHLIGHT_BG}; color:{HIGHLIGHT_FG}"
        return f'<b style="{style_}">{escaped}</b>'
    return f"<b>{escaped}</b>"


def subject_html(subject: str, snippet: str, search: str = "") -> str:
    """The subject, escaped, its matching words highlighted: those the snippet marks, and
    those starting with a word searched for (the search matches words by prefix)."""
    words = {text.casefold() for text, hit in split_marked(snippet) if hit}
    prefixes = tuple(w.casefold() for term in parse(search).terms for w in _WORD.findall(term))
    parts = []
    for piece in _WORD.split(_SPACES.sub(" ", subject)):
        folded = piece.casefold()
        hit = bool(piece.strip()) and (folded in words or folded.startswith(prefixes or ("\0",)))
        parts.append(_highlight(html.escape(piece), True) if hit else html.escape(piece))
    return "".join(parts)


def _same_view(a: InboxQuery, b: InboxQuery) -> bool:
    return dataclasses.replace(a, search="") == dataclasses.replace(b, search="")


class SearchField(QLineEdit):
    """The box over the list: ``requested(text)`` a moment after typing pauses, at once on
    Enter. Its strings keep the "MainWindow" translation context they had in the window."""

    requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            QCoreApplication.translate(
                "MainWindow", "Search every message, name, number or email…  (Ctrl+F)"
            )
        )
        self.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Every word of every message, the subject and the customer's name, email, "
                "phone and handles. Results appear as you type.\n"
                '"two words" finds a phrase · from:name only the customer · '
                "channel:email, form, phone, facebook, instagram, x or social · #123 case 123",
            )
        )
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "Search"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.textChanged.connect(lambda _text: self.timer.start())
        self.timer.timeout.connect(self._request)
        self.returnPressed.connect(self._request)

    def _request(self) -> None:
        self.timer.stop()
        self.requested.emit(self.text())


@dataclasses.dataclass(frozen=True)
class SearchResult:
    query: InboxQuery
    ids: list[int]
    #: the matching passages of the first page (later pages are fetched as they are shown)
    snippets: dict[int, str]


class SearchRunner(QObject):
    """``request(query)`` runs ``inbox.list_ids(query)`` and the first page's snippets on the
    worker; ``on_result(result)`` gets them on the GUI thread unless a newer request was
    made meanwhile."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        current: Callable[[], InboxQuery],
        on_result: Callable[[SearchResult], None],
        parent: QObject | None = None,
        first_page: int = 100,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.current = current
        self.on_result = on_result
        self.first_page = first_page
        self._latest = 0
        #: the text of the request in flight, or None (tests and the window read it)
        self.pending: str | None = None

    def request(self, query: InboxQuery) -> None:
        self._latest += 1
        number = self._latest
        self.pending = query.search
        inbox, search, first = self.services.inbox, self.services.search, self.first_page

        def work() -> SearchResult:
            ids = inbox.list_ids(query)
            snippets = search.snippets(query.search, ids[:first]) if query.search.strip() else {}
            return SearchResult(query, ids, snippets)

        self.runner.run_task(
            work,
            lambda result: self._arrived(number, query, result),
            lambda exc: self._failed(number, exc),
        )

    def _arrived(self, number: int, query: InboxQuery, result: object) -> None:
        if number != self._latest:
            return  # a newer search is on its way
        self.pending = None
        current = self.current()
        if not _same_view(current, query):
            # The view or sort changed while this ran: search the view shown now instead.
            self.request(dataclasses.replace(current, search=query.search))
            return
        assert isinstance(result, SearchResult)
        self.on_result(result)

    def _failed(self, number: int, exc: BaseException) -> None:
        if number == self._latest:
            self.pending = None
        self.runner.unhandled_error.emit(exc)


class SnippetDelegate(QStyledItemDelegate):
    """The subject cell of a row that matched a search: "subject — …matching passage…",
    the matched words highlighted; other rows are painted as usual."""

    @staticmethod
    def _search(index: QModelIndex | QPersistentModelIndex) -> str:
        query = getattr(index.model(), "query", None)
        return query.search if isinstance(query, InboxQuery) else ""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not isinstance(snippet, str) or not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        subject = opt.text
        opt.text = ""
        widget = opt.widget
        style_ = widget.style() if widget is not None else QApplication.style()
        style_.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style_.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(opt.font)
        muted = opt.palette.color(QPalette.ColorRole.HighlightedText) if selected else None
        muted_css = muted.name() if muted is not None else style.MUTED
        if strip_marks(snippet).strip() == subject.strip():
            # The match is in the subject itself: highlight it there, once.
            body = snippet_html(snippet)
        else:
            body = (
                f"{subject_html(subject, snippet, self._search(index))}&nbsp;&nbsp;"
                f'<span style="color:{muted_css}">{snippet_html(snippet)}</span>'
            )
        doc.setHtml(f'<span style="white-space:pre">{body}</span>')
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(QPointF(rect.left() + 2, top))
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class InboxSearch(QObject):
    """The search box over the inquiry list and its answers: the list shows the matches
    when they come back (the first selected), never an answer older than the text typed."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        model: InboxModel,
        table: InboxTable,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.table = table
        self.field = SearchField()
        self.runner = SearchRunner(services, runner, lambda: model.query, self._done, self)
        self.field.requested.connect(lambda _text: self.apply())

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def apply(self) -> None:
        """Run the search off the GUI thread (services/search.py: FTS5 over every message);
        the list changes when the answer comes back, see _done."""
        self.field.timer.stop()
        text = self.field.text()
        pending = self.runner.pending
        if text == (self.model.query.search if pending is None else pending):
            return
        self.runner.request(dataclasses.replace(self.model.query, search=text))

    def _done(self, result: SearchResult) -> None:
        self.model.show_ids(result.query, result.ids, result.snippets)
        if self.model.rowCount() > 0 and self.table.selected_id() is None:
            self.table.select_row(0)
