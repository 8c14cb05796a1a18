"""Telling when two records name the same person or organization: name forms, acronyms and
the pairs a curator may want to merge. Pure functions over plain data (imports the domain only)."""
