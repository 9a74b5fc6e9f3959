"""The version, for /healthz and the OpenAPI page: the package's own (`cleaner.__version__`)."""

from cleaner.version import __version__ as VERSION

__all__ = ["VERSION"]
