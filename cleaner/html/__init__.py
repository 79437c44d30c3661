"""HTML mode: the page becomes segments with evidence, labelled from its markup first.

parse (parse once, render the blocks as the text the ledger points into), limits (caps on tags
and nesting before parsing), blocks (the walk: one block per block element, boilerplate
containers collapsed), hints (the class/id vocabulary), labels (containers, the article
container, the fallbacks), metadata (the page's claims: JSON-LD, OpenGraph, <meta>, <h1>),
fields (its claims for tags, section, licence, modified date, access).
"""
