"""The package's version, written once: pyproject.toml reads it (setuptools' `attr`), and the facade
(`cleaner.__version__`), the service's /healthz and `article-cleaner --version` report it."""

__version__ = "0.1.0"
