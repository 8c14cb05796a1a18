"""Exchange formats: writing a project snapshot to Excel and JSON."""
