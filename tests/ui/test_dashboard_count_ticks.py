"""The dashboard's count axes tick whole numbers only, however little the project holds."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from curator.ui.dashboard.bar_chart import BarChart, Series, count_step


@pytest.mark.parametrize(("largest", "step"), [
    (0, 1), (1, 1), (3, 1), (7, 2), (10, 2), (12, 5), (40, 10), (99, 20), (1000, 200)])
def test_a_count_axis_steps_by_whole_numbers(largest: int, step: int) -> None:
    assert count_step(largest) == step


@pytest.mark.parametrize("horizontal", [False, True])
def test_a_chart_of_one_record_ticks_zero_and_one(qtbot: QtBot, horizontal: bool) -> None:
    chart = BarChart(horizontal=horizontal)
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_bars(["Events", "People"], [Series("Draft", QColor("gray"), [1, 0])],
                    unit="records")
    axis = chart.getAxis("bottom" if horizontal else "left")
    low, high = chart.getViewBox().viewRange()[0 if horizontal else 1]
    values = [value for _spacing, level in axis.tickValues(low, high, 300) for value in level]
    assert values and all(float(value).is_integer() for value in values)
    assert {0.0, 1.0} <= set(values)
