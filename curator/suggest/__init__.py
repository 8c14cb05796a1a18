"""Suggestions: rules that read a document and propose the records a curator would make.

`pipeline.suggest_document` is the entry point; the rules' vocabularies are data files in
`vocabularies/` beside the modules, one per kind of word, for a curator to extend.
"""
