"""Curator: a desktop workbench for curating bilingual records from source documents."""
