"""A removed paywall prompt is evidence that the page was paywalled, whatever its markup declared.

What the page declares itself (schema.org `isAccessibleForFree`, `article:content_tier`) is read
with the page (`cleaner.read.access`); this step adds the evidence of the text.
"""

from __future__ import annotations

from cleaner.document import Document, Reason
from cleaner.options import CleanOptions


def note_paywall_prompts(document: Document, options: CleanOptions) -> None:
    """A removed paywall prompt means the page was paywalled, whatever its markup said."""
    if any(block.removed is Reason.PAYWALL for block in document.blocks):
        document.metadata.paywalled = True
