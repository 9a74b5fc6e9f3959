"""The marking steps of one page: each marks blocks with a reason, none deletes anything.

Title, phrase rules (`rules/`), related-link runs, the text block classifier, duplicates within
the page, paywall evidence. May use `cleaner.read`, `cleaner.sketch` and the core types.
"""
