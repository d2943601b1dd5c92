"""How two cells of the case list paint: the name with its original script, and the match.

Painting by hand keeps a right-to-left name in its own direction beside the
Latin one, and shows the matched word in bold, without rich text per cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.formatting import is_right_to_left
from app.ui.pages.case_list_model import ORIGINAL_NAME_ROLE, SNIPPET_ROLE
from app.ui.theme import color

PADDING = 8
GAP = 12


def _prepare(painter: QPainter, option: QStyleOptionViewItem, index) -> QRect:
    """Draw the cell's background (selection, alternate rows) and return the text area."""
    opt = QStyleOptionViewItem(option)
    # QStyledItemDelegate.initStyleOption fills text etc.; we paint text ourselves.
    opt.text = ""
    style = opt.widget.style() if opt.widget else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    return option.rect.adjusted(PADDING, 0, -PADDING, 0)


def _text_color(option: QStyleOptionViewItem, name: str):
    if option.state & QStyle.StateFlag.State_Selected:
        return color("accent_text")
    return color(name)


class NameDelegate(QStyledItemDelegate):
    """"Amina Haddad   أمينة حداد": the Latin name, then the original script in grey."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        painter.save()
        area = _prepare(painter, option, index)
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        original = index.data(ORIGINAL_NAME_ROLE) or ""
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(_text_color(option, "text"))
        name_width = min(metrics.horizontalAdvance(name), area.width())
        painter.drawText(QRect(area.left(), area.top(), name_width, area.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(name, Qt.TextElideMode.ElideRight, area.width()))
        rest = QRect(area.left() + name_width + GAP, area.top(), area.width() - name_width - GAP, area.height())
        if original and rest.width() > 24:
            painter.setFont(option.font)
            painter.setPen(_text_color(option, "text_muted"))
            rtl = is_right_to_left(original)
            text_option = QTextOption(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                                      | Qt.AlignmentFlag.AlignAbsolute)
            text_option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
            elided = QFontMetrics(option.font).elidedText(original, Qt.TextElideMode.ElideRight, rest.width())
            painter.drawText(rest.toRectF(), elided, text_option)
        painter.restore()


class MatchDelegate(QStyledItemDelegate):
    """The snippet around the match, the matched word in bold on a soft highlight."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        found = index.data(SNIPPET_ROLE)
        if not found:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        painter.save()
        area = _prepare(painter, option, index)
        _field, snippet = found
        before, _sep, rest = snippet.partition("[")
        word, _sep, after = rest.partition("]")
        plain = QFontMetrics(option.font)
        bold_font = QFont(option.font)
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        # Keep the match visible: shorten the text before it from the left when space is short.
        room_before = max(0, area.width() // 3)
        if plain.horizontalAdvance(before) > room_before:
            before = plain.elidedText(before, Qt.TextElideMode.ElideLeft, room_before)
        x = area.left()
        align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        painter.setFont(option.font)
        painter.setPen(_text_color(option, "text_secondary"))
        width = plain.horizontalAdvance(before)
        painter.drawText(QRect(x, area.top(), width, area.height()), align, before)
        x += width
        width = min(bold.horizontalAdvance(word), max(0, area.right() - x))
        highlight = QRect(x - 1, area.center().y() - bold.height() // 2, width + 2, bold.height())
        painter.fillRect(highlight, color("accent_soft"))
        painter.setFont(bold_font)
        painter.setPen(_text_color(option, "accent_text"))
        painter.drawText(QRect(x, area.top(), width, area.height()), align, word)
        x += width
        painter.setFont(option.font)
        painter.setPen(_text_color(option, "text_secondary"))
        room = area.right() - x
        if room > 8:
            painter.drawText(QRect(x, area.top(), room, area.height()), align,
                             plain.elidedText(after, Qt.TextElideMode.ElideRight, room))
        painter.restore()
