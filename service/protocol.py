"""The HTTP/1.1 protocol the server runs: uvicorn's httptools protocol with a cap on the request head.

llhttp (httptools) sets no limit on the request line and headers, and uvicorn gathers them in memory
until the head ends: 200 connections sending 4 MiB headers held about 800 MiB before any of our code
ran. Here the bytes of each request's head (up to the blank line that ends it) are counted as they
arrive; past `CLEANER_MAX_HEADER_BYTES` the connection gets 431 and is closed. On a kept-alive
connection the read that starts the next request is not counted (the parser says a request began
only after seeing it): one read, at most 256 KiB, uncounted.
"""

from __future__ import annotations

import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from service.settings import get_settings


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """HttpToolsProtocol that refuses a request head (request line and headers) over the limit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._max_head = get_settings().max_header_bytes
        self._head_bytes = 0
        self._in_head = True

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            # Only the head counts: a read that holds its end holds the start of the body too.
            end = data.find(b"\r\n\r\n")
            self._head_bytes += len(data) if end < 0 else end + 4
            if self._head_bytes > self._max_head:
                self._refuse_head()
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = True

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._head_bytes = 0
        super().on_headers_complete()

    def _refuse_head(self) -> None:
        self._in_head = False  # whatever else arrives on this connection is dropped
        if self.transport.is_closing():
            return
        message = f"the request line and headers are over the limit of {self._max_head} bytes"
        body = json.dumps({"error": {"code": "headers_too_large", "message": message, "request_id": None}})
        self.transport.write(
            b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: application/json\r\n"
            + f"content-length: {len(body)}\r\n".encode()
            + b"connection: close\r\n\r\n"
            + body.encode()
        )
        self.transport.close()
