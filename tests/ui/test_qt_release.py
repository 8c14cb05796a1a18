"""Guards against the PySide6 release that aborts after thousands of void Qt calls."""

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument


def test_twenty_thousand_void_qt_calls_do_not_abort() -> None:
    # PySide6 6.12.0 on Python 3.11 dies with "Fatal Python error: none_dealloc" after ~5,000.
    document = QTextDocument("x" * 100)
    cursor = QTextCursor(document)
    text_format = QTextCharFormat()
    for n in range(20_000):
        cursor.setPosition(n % 100)
        text_format.setBackground(QColor(n % 255, 0, 0))
    assert cursor.position() == 19_999 % 100
