"""The wrapping row layout: its height for a width follows what its buttons say now."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from app.ui.widgets.flow_layout import FlowLayout


def test_height_for_width_follows_a_longer_title_and_a_hidden_button(qtbot):
    row = QWidget()
    qtbot.addWidget(row)
    layout = FlowLayout(row, spacing=2)
    layout.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(f"Part {index}") for index in range(4)]
    for button in buttons:
        layout.addWidget(button)
    row.show()
    one_row = sum(button.sizeHint().width() for button in buttons) + 3 * 2
    single = layout.heightForWidth(one_row)
    assert layout.heightForWidth(one_row) == single  # asked again: the same answer
    buttons[0].setText("A much longer title than before")  # no longer fits in one row
    assert layout.heightForWidth(one_row) > single
    buttons[0].hide()
    assert layout.heightForWidth(one_row) == single
    fifth = QPushButton("A fifth part with a long title")
    layout.addWidget(fifth)
    fifth.show()  # a widget added to a shown row shows from the event loop; here at once
    assert layout.heightForWidth(one_row) > single
