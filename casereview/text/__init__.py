"""The text of case files, below every reader: its canonical form and its vocabulary.

Parsers use it to recognise documents (a title line, a signature label on a
scanned page), extract to read them (labels, roles, names), rules to compare
what was read. It knows nothing of files or of the case model and imports
nothing else of casereview:

- ``normalize``: full/half width, spaces, brackets in case numbers;
- ``doctypes``: the document types and their titles (``data/doctypes.json``);
- ``labels``: the words of forms — roles, signature and certificate labels,
  certificate numbers (``data/labels.json``);
- ``names``: person names in a run of text.
"""
