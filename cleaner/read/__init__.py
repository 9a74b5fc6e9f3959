"""Reading a page: bytes -> text (decode, sniff) -> typed blocks and metadata (text or HTML).

HTML goes through trafilatura and an index of the page; nothing here decides what is junk.
May use the core types (`document`, `errors`, `options`) and `cleaner.sketch`.
"""
