"""Across documents: near-duplicate articles (MinHash-LSH stages, stores in memory or Redis,
service collections) and site boilerplate learnt from many stories of one site.

May use `cleaner.sketch` and the core types; never the one-page steps (`cleaner.mark`).
"""
