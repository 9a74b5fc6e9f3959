"""The installed package version, for /healthz and the OpenAPI page."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("article-cleaner")
except PackageNotFoundError:  # running from a source tree that was never installed
    VERSION = "0+unknown"
