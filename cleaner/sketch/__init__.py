"""Sketches of text: normalised words, word shingles, fingerprints, MinHash signatures, LSH bands.

Pure functions over strings and arrays, shared by duplicates inside one page (`cleaner.mark`) and
across pages (`cleaner.near`); may use nothing of the library.
"""
