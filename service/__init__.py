"""The HTTP face of article-cleaner: thin routes over `cleaner.clean`."""
