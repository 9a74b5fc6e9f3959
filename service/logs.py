"""Structured logs: one JSON object per line (or plain lines for development), each stamped with the
id of the request that caused it.

The request id lives in a context variable that the request middleware sets; a logging filter copies
it onto every record, so any logger (ours, uvicorn's, a library's) called while serving a request,
in the event loop or in a worker thread, carries the right id without passing it around.
Log calls put their fields in `extra=`; the document text itself is never logged.
"""

from __future__ import annotations

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, Literal

LogFormat = Literal["json", "plain"]

REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)

# Attributes every LogRecord has; anything else on a record came from `extra=` and is a field.
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "request_id",
    "color_message",  # uvicorn's copy of the message with terminal colours
}


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request's id (None outside a request), unless the log call
    gave one itself (code that runs after the request's context ended, such as the 500 handler)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = REQUEST_ID.get()
        return True


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {key: value for key, value in record.__dict__.items() if key not in _STANDARD}


def _time(record: logging.LogRecord) -> str:
    stamp = datetime.fromtimestamp(record.created, UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(record.msecs):03d}Z"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, then the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _time(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            **_fields(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    """`time level [request_id] message key=value ...`: for reading in a terminal while developing.

    Every field and the message are escaped (`escape`): a path or a header value with CR, LF or
    other control characters (sent percent-encoded) cannot forge a line or move the cursor. Only a
    traceback, which the service writes itself, spans lines."""

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(
            f"{escape(str(key))}={escape(str(value))}" for key, value in _fields(record).items()
        )
        request_id = escape(str(getattr(record, "request_id", None) or "-"))
        line = f"{_time(record)} {record.levelname:<7} [{request_id}] "
        line += escape(record.getMessage()) + (f" {fields}" if fields else "")
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape(text: str) -> str:
    """The text with control characters written as escapes (`\\n`, `\\x1b`, `\\u2028`), and the
    backslash doubled, so that the escaped text reads back unambiguously."""
    if not _CONTROL.search(text) and "\\" not in text:
        return text
    return _CONTROL.sub(_escaped, text.replace("\\", "\\\\"))


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(character)
    if named:
        return named
    return f"\\x{ord(character):02x}" if ord(character) < 0x100 else f"\\u{ord(character):04x}"


def logging_config(log_format: LogFormat = "json", level: str = "info") -> dict[str, Any]:
    """A `logging.config.dictConfig` dict: our loggers and uvicorn's, one stderr handler, one format.

    uvicorn applies it in the server process and in every worker it starts. Its own access log is
    turned off by the server: the request middleware writes a richer line with the request id.
    """
    level = level.upper()
    formatter = JsonFormatter if log_format == "json" else PlainFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": {"()": formatter}},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["request_id"],
            }
        },
        "loggers": {
            "article_cleaner": {"level": level},
            "uvicorn": {"level": level},
            "uvicorn.access": {"level": "WARNING"},
        },
        # Libraries (trafilatura, ...) log through the root logger: warnings and worse, same format.
        "root": {"handlers": ["default"], "level": "WARNING"},
    }
