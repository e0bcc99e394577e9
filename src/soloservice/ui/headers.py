"""Column headers that stay readable in every language.

A width chosen for English ("How asked") clips the Danish title ("Sådan spørges der"), and
much more so a language 40 % longer. Every fixed or interactive column of a table is kept at
least as wide as its own title; stretching columns share what is left.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

#: room beside the title: the section's padding and, where shown, the sort arrow
PADDING = 14
ARROW = 18


def title_width(header: QHeaderView, section: int) -> int:
    model = header.model()
    if model is None:
        return 0
    title = str(model.headerData(section, header.orientation()) or "")
    if not title:
        return 0
    sorted_here = header.isSortIndicatorShown() and header.sortIndicatorSection() == section
    return header.fontMetrics().horizontalAdvance(title) + PADDING + (ARROW if sorted_here else 0)


def widen_to_titles(header: QHeaderView) -> None:
    for section in range(header.count()):
        if header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch:
            continue
        needed = title_width(header, section)
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)


def keep_titles_readable(view: QAbstractItemView) -> None:
    """Widen ``view``'s narrow columns to their titles now and whenever the model changes."""
    if isinstance(view, QTableView):
        hv = view.horizontalHeader()
    elif isinstance(view, QTreeView):
        hv = view.header()
    else:
        return
    widen_to_titles(hv)
    model = view.model()
    if model is not None:
        model.headerDataChanged.connect(lambda *_: widen_to_titles(hv))
        model.modelReset.connect(lambda: widen_to_titles(hv))
