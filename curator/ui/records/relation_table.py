"""One kind of relation of the current record as a small editable table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator.domain.relations import RelationKind, RelationView, Role
from curator.domain.translation import current_language
from curator.ui.records.picker_sources import both_names

ModelIndex = QModelIndex | QPersistentModelIndex
MAX_VISIBLE_ROWS = 6

_OTHER, _EVIDENCE = "other", "evidence"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RelationTable", text)


@dataclass(frozen=True)
class Column:
    """A column of a relation table: the relation field it shows and its heading."""

    field: str
    heading: str
    editable: bool = False


def columns_for(kind: RelationKind, *, as_subject: bool) -> list[Column]:
    """The columns of a table of `kind` relations, seen from their subject or their object."""
    spec = kind.spec
    if as_subject:
        other = _tr(spec.object_kind.label) if spec.object_kind is not None else _tr("Country")
    else:
        other = _tr(spec.subject_kind.label)
    columns = [Column(_OTHER, other)]
    if spec.has_role:
        columns.append(Column("role", _tr("Role"), as_subject))
    if spec.has_title:
        columns.append(Column("title", _tr("Title"), as_subject))
    if spec.has_dates:
        columns += [Column("start_date", _tr("From"), as_subject),
                    Column("end_date", _tr("To"), as_subject)]
    if as_subject:
        columns.append(Column(_EVIDENCE, "✓"))
    return columns


def describe_other(view: RelationView) -> str:
    """The other end of a relation: "P-0001 Zheng Wenkai · 郑文凯" or "Tanzania · 坦桑尼亚"."""
    if view.other is None:
        return both_names(view.country_name_en, view.country_name_zh)
    return f"{view.other.key}  {both_names(view.other.name_en, view.other.name_zh)}"


class RelationTableModel(QAbstractTableModel):
    """Relations of one kind seen from one record; an edited cell is asked for, not kept.

    The table is redrawn from the record editor's signals once the change is saved, so a
    refused edit simply shows the old value again.
    """

    edit_requested = Signal(int, str, object)
    """A cell was edited: relation id, field name, the new value (None for empty)."""

    def __init__(self, kind: RelationKind, *, as_subject: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = columns_for(kind, as_subject=as_subject)
        self.views: list[RelationView] = []
        self._evidence: dict[int, int] = {}
        self.role_labels: dict[str, str] = {}
        """How roles are shown, by their stored names (a role missing: as stored)."""

    def show_relations(self, views: list[RelationView], evidence: dict[int, int]) -> None:
        """Show `views`, with how many evidence spans support each relation (by id)."""
        self.beginResetModel()
        self.views, self._evidence = views, evidence
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """One row per relation."""
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """The kind's columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column headings."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.heading
        if role == Qt.ItemDataRole.ToolTipRole and column.field == _EVIDENCE:
            return _tr("Evidence: the words in the source that say it")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Role, title and dates are editable (from the subject's side)."""
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Names, role, title and dates; evidence as a tick."""
        if not index.isValid():
            return None
        view, field = self.views[index.row()], self.columns[index.column()].field
        if role == Qt.ItemDataRole.ToolTipRole and field == _OTHER:
            return describe_other(view)  # in full, where the cell is too narrow
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field == _OTHER:
                return describe_other(view)
            if field == _EVIDENCE:
                count = self._evidence.get(view.relation.id, 0)
                return "" if count == 0 else "✓" if count == 1 else f"✓{count}"
            value = view.relation.value(field) or ""
            if field == "role" and role == Qt.ItemDataRole.DisplayRole:
                return self.role_labels.get(str(value), value)
            return value
        if role == Qt.ItemDataRole.ToolTipRole and field == _EVIDENCE:
            count = self._evidence.get(view.relation.id, 0)
            if count == 0:
                return _tr("No evidence yet: select the words in the text and press Shift+L")
            return _tr("{count} passage(s) of the text say it").format(count=count)
        if role == Qt.ItemDataRole.TextAlignmentRole and field == _EVIDENCE:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(  # noqa: N802 (Qt override)
        self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Ask for the edit to be saved (the table shows it once it is)."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        view, field = self.views[index.row()], self.columns[index.column()].field
        text = " ".join(str(value or "").split()) or None
        if text != (view.relation.value(field) or None):
            self.edit_requested.emit(view.relation.id, field, text)
        return True

    def row_of(self, relation_id: int) -> int:
        """The row showing a relation, or -1."""
        return next((row for row, view in enumerate(self.views)
                     if view.relation.id == relation_id), -1)

    def column_of(self, field: str) -> int:
        """The column showing a field, or -1."""
        return next((n for n, column in enumerate(self.columns) if column.field == field), -1)


class RoleDelegate(QStyledItemDelegate):
    """Edits a role with the kind's roles offered; a new name may be typed."""

    def __init__(self, roles: Callable[[], list[Role]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles = roles

    def createEditor(  # noqa: N802 (Qt override)
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        """An editable combo box of the roles."""
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", "")
        for known in self._roles():  # shown in the language in use, saved as stored
            combo.addItem(known.label, known.name)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        """Start from the role there is."""
        assert isinstance(editor, QComboBox)
        stored = str(index.data(Qt.ItemDataRole.EditRole) or "")
        found = editor.findData(stored)
        editor.setCurrentText(editor.itemText(found) if found >= 0 else stored)

    def setModelData(  # noqa: N802 (Qt override)
        self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex
    ) -> None:
        """Hand the typed or chosen role to the model."""
        assert isinstance(editor, QComboBox)
        shown = editor.findText(editor.currentText())  # a role offered, by its label
        typed = editor.itemData(shown) if shown >= 0 else editor.currentText()
        model.setData(index, typed, Qt.ItemDataRole.EditRole)


class RelationTable(QWidget):
    """A relation kind's table with Add (Insert) and Remove (Delete); Enter opens a row's record.

    Read-only from the object's side (a person's events): there it only opens records.
    """

    add_requested = Signal()
    """Insert or the Add button: the owner opens a picker."""
    remove_requested = Signal(int)
    """Delete on a row: the relation id."""
    open_requested = Signal(int)
    """Enter or a double click on a row: the record at its other end."""

    def __init__(self, kind: RelationKind, *, as_subject: bool,
                 roles: Callable[[], list[Role]] = list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roles = roles
        self.model = RelationTableModel(kind, as_subject=as_subject, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setObjectName(f"{kind.value}Table")
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form
        triggers = QAbstractItemView.EditTrigger
        self.view.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                  | triggers.AnyKeyPressed)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setWordWrap(False)  # one line a row; a narrow cell elides (tooltip in full)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        role_column = self.model.column_of("role")
        if role_column >= 0 and as_subject:
            self.view.setItemDelegateForColumn(role_column, RoleDelegate(roles, self.view))
        self._size_columns()
        self.view.activated.connect(self._on_view_activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        self.add_action = QAction(_tr("Add…"), self.view)
        self.add_action.setIconText("+")
        self.remove_action = QAction(_tr("Remove"), self.view)
        self.remove_action.setIconText("−")
        if as_subject:
            self._add_buttons(layout)
        self._fit_height()

    def _add_buttons(self, layout: QHBoxLayout) -> None:
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.setToolTip(_tr("Add a row: find or create the other side (Insert)"))
        self.add_action.triggered.connect(self.add_requested)
        self.remove_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete),
                                         QKeySequence(Qt.Key.Key_Backspace)])
        self.remove_action.setToolTip(_tr("Remove the selected row (Delete)"))
        self.remove_action.triggered.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        for action in (self.add_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFixedWidth(26)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _size_columns(self) -> None:
        for number, column in enumerate(self.model.columns[1:], start=1):
            wide = column.field in ("role", "title")
            self.view.setColumnWidth(number, 120 if wide else 30 if column.field == _EVIDENCE
                                     else 70)

    def show_relations(self, views: list[RelationView], evidence: dict[int, int]) -> None:
        """Show these relations, keeping the selected row where it still is."""
        current = self.current_relation()
        column = max(self.view.currentIndex().column(), 0)
        if current_language() != "en" and self.model.column_of("role") >= 0:
            self.model.role_labels = {known.name: known.label for known in self._roles()}
        self.model.show_relations(views, evidence)
        self._fit_height()
        if current is not None and (row := self.model.row_of(current.relation.id)) >= 0:
            self.view.setCurrentIndex(self.model.index(row, column))

    def _fit_height(self) -> None:
        """As tall as its rows (at least two, at most a few; it scrolls beyond)."""
        rows = min(max(self.model.rowCount(), 2), MAX_VISIBLE_ROWS)
        row_height = self.view.verticalHeader().defaultSectionSize()
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height()
                                 + rows * row_height + frame)

    def current_relation(self) -> RelationView | None:
        """The relation in the selected row."""
        row = self.view.currentIndex().row()
        return self.model.views[row] if 0 <= row < len(self.model.views) else None

    def select_relation(self, relation_id: int, field: str = _OTHER) -> None:
        """Put the cursor on a relation's cell for `field` (to edit its role next, say)."""
        row, column = self.model.row_of(relation_id), self.model.column_of(field)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, max(column, 0)))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_current(self) -> None:
        """Ask for the selected row's relation to be removed."""
        current = self.current_relation()
        if current is not None:
            self.remove_requested.emit(current.relation.id)

    def _on_view_activated(self, index: QModelIndex) -> None:
        view = self.model.views[index.row()]
        if view.other is not None:
            self.open_requested.emit(view.other.id)
