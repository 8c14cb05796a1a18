"""The search room: one box over every record and every document's text."""
