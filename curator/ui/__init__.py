"""Qt only: the main window, its panels, list models, the source view and undo commands."""
