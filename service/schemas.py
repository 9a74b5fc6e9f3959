"""Request and response schemas of the HTTP API (kept apart from the library's own types)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from cleaner.document import Kind, Reason
from cleaner.options import CleanOptions, Format, Rendering
from cleaner.read.decode import has_lone_surrogate

EXAMPLE_PAGE = (
    "<html><head><title>Port reopens after storm</title></head><body><article>"
    "<h1>Port reopens after storm</h1>"
    "<p>The city's port reopened on Tuesday after three days of closure, officials said, "
    "and the first container ships were unloaded by the afternoon.</p>"
    "<p>You've reached your free article limit. Subscribe to continue reading.</p>"
    "</article></body></html>"
)


COLLECTION_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
# Document ids: anything printable (they come back in a header and in logs): no control characters.
ID_PATTERN = r"^[^\x00-\x1f\x7f]+$"


def _whole_unicode(value: Any) -> Any:
    """Refuse a string with a lone UTF-16 surrogate (JSON allows the escape "\\ud800"): an id or a
    URL comes back in the answer, a header and the logs, none of which can carry one."""
    if isinstance(value, str) and has_lone_surrogate(value):
        raise ValueError("holds a lone surrogate (U+D800 to U+DFFF), which is not a Unicode character")
    return value


# A string field that is echoed back: whole Unicode text only (the page's content is cleaned instead:
# its lone surrogates become U+FFFD like any undecodable byte).
EchoedText = Annotated[str, BeforeValidator(_whole_unicode)]


class DedupRequest(BaseModel):
    """Check the cleaned article against a collection of earlier articles, then add it."""

    model_config = ConfigDict(extra="forbid")

    collection: str = Field(
        pattern=COLLECTION_PATTERN,
        description="the collection's name: 1-64 letters, digits, '_', '.', '-'; created on first use",
    )


class NearDuplicate(BaseModel):
    """The earlier article of the collection that this one nearly duplicates."""

    id: str
    similarity: float = Field(description="estimated Jaccard similarity of the two clean articles")


class Rendered(BaseModel):
    """How a page's clean article comes back: text always, Markdown or HTML beside it when asked."""

    output_format: Rendering = Field(
        "text",
        description="also return the clean article as markdown (headings, lists, quotes, pipe tables, "
        "fenced code) or html (a minimal sanitised document), under that name beside `text`",
    )
    include_links: bool = Field(
        False, description="markdown/html: keep link targets (http, https, mailto, relative)"
    )
    include_images: bool = Field(False, description="markdown/html: keep image references")

    def rendered(self, options: CleanOptions) -> CleanOptions:
        """The options with this request's rendering."""
        return options.with_rendering(self.output_format, self.include_links, self.include_images)


class CleanRequest(Rendered):
    """A page to clean, as JSON."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "content": EXAMPLE_PAGE,
                    "format": "auto",
                    "url": "https://example.com/news/port",
                    "explain": True,
                }
            ]
        },
    )

    content: str = Field(description="the raw page: HTML or plain text")
    format: Format = Field("auto", description="what the content is; auto sniffs it")
    url: EchoedText | None = Field(
        None, description="where the page came from (returned, and helps extraction)"
    )
    explain: bool = Field(False, description="also return every block with the reason it was removed")
    id: EchoedText | None = Field(
        None,
        min_length=1,
        max_length=256,
        pattern=ID_PATTERN,
        description="your document id; generated when absent, returned as `id`",
    )
    dedup: DedupRequest | None = Field(None, description="near-duplicate check against a collection")


class BlockOut(BaseModel):
    """One block of the page in reading order, and why it was removed (null when kept)."""

    index: int
    text: str
    kind: Kind
    removed: Reason | None
    rule: str | None = Field(description="the rule or step that removed it")
    why: str | None = Field(description="why, in words")
    duplicate_of: int | None = Field(description="for duplicates: the index of the block it repeats")
    similarity: float | None = Field(description="for duplicates: estimated similarity to that block")
    article_probability: float | None = Field(
        None, description="the block model's probability that the block is article text (when it ran)"
    )


class CleanResult(BaseModel):
    """The clean article and what was learnt and removed on the way."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "text": "The city's port reopened on Tuesday after three days of closure, officials said, "
                    "and the first container ships were unloaded by the afternoon.",
                    "title": "Port reopens after storm",
                    "author": None,
                    "date": None,
                    "url": "https://example.com/news/port",
                    "sitename": None,
                    "language": None,
                    "paywalled": True,
                    "format": "html",
                    "chars_in": 412,
                    "chars_out": 129,
                    "removed": {"paywall": 1, "title": 1},
                }
            ]
        }
    )

    id: str | None = Field(None, description="the document id: yours, or generated")
    near_duplicate_of: NearDuplicate | None = Field(
        None, description="with dedup: the earlier article this one nearly duplicates, or null"
    )
    text: str = Field(description="the clean article, one block per line")
    title: str | None
    author: str | None
    date: str | None
    url: str | None
    sitename: str | None
    language: str | None
    paywalled: bool | None = Field(
        None,
        description="true when the page declares its content is not free (schema.org isAccessibleForFree, "
        "article:content_tier) or a paywall prompt was removed; false when it declares it free; null when unknown",
    )
    page_type: str | None = Field(
        None,
        description="HTML: article, forum, documentation or other, from the page's markup; null for text",
    )
    format: Literal["html", "text"] = Field(description="what the input was taken for")
    chars_in: int
    chars_out: int
    removed: dict[str, int] = Field(description="blocks removed, per reason")
    markdown: str | None = Field(
        None, description='with output_format "markdown": the clean article as Markdown'
    )
    html: str | None = Field(
        None, description='with output_format "html": the clean article as a minimal HTML document'
    )
    blocks: list[BlockOut] | None = Field(None, description="with explain: every block in order")


class BatchDocument(Rendered):
    """One document of a batch request."""

    model_config = ConfigDict(extra="forbid")

    id: EchoedText = Field(
        min_length=1,
        max_length=256,
        pattern=ID_PATTERN,
        description="the caller's id, returned with the result",
    )
    content: str
    format: Format = "auto"
    url: EchoedText | None = None
    explain: bool = False
    dedup: DedupRequest | None = Field(
        None,
        description="near-duplicate check against a collection, for this document (overrides the batch's)",
    )


_BATCH_EXAMPLE: Any = {
    "documents": [
        {"id": "page-1", "content": EXAMPLE_PAGE, "format": "html", "url": "https://example.com/news/port"},
        {
            "id": "page-2",
            "content": "Officials said the bridge will reopen in May.\nComments are closed.",
            "format": "text",
            "dedup": {"collection": "bridges"},
        },
    ],
    # Every document is checked against the collection "news" and added, but page-2 against its own.
    "dedup": {"collection": "news"},
}


class BatchRequest(BaseModel):
    """Several documents to clean in one call. Each is checked on its own: one bad document (a
    missing field, an unknown format, undecodable content) gets an error item, never fails the rest."""

    model_config = ConfigDict(json_schema_extra={"examples": [_BATCH_EXAMPLE]})

    documents: list[Any] = Field(
        # Each item is a BatchDocument, checked one by one (the API schema says so: service.app).
        description="objects with id, content, and optionally format (auto|html|text), url, explain, "
        "output_format (text|markdown|html), include_links, include_images, dedup",
    )
    dedup: DedupRequest | None = Field(
        None,
        description="near-duplicate check of every document against a collection, in request order "
        "(a document's own `dedup` overrides it)",
    )


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable: empty_input, input_too_large, malformed_json, ...")
    message: str


class RequestErrorDetail(ErrorDetail):
    request_id: str | None = Field(
        description="the request's id (also in the X-Request-ID header and in every log line of it)"
    )


class ErrorResponse(BaseModel):
    """Every error answer has this shape."""

    error: RequestErrorDetail


class BatchItem(BaseModel):
    """One document's outcome: a result, or an error saying what was wrong with it."""

    id: str | None
    status: Literal["ok", "error"]
    result: CleanResult | None = None
    error: ErrorDetail | None = None


class BatchResponse(BaseModel):
    results: list[BatchItem] = Field(description="one item per document, in request order")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
