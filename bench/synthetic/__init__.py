"""A large made-up project to measure with: names, records, relations and documents from a seed."""
