"""The dashboard room: charts of what a project holds (pyqtgraph, imported only from here)."""
