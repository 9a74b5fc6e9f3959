"""An evaluation as a table for people and as JSON for scripts.

The JSON keeps the cleaner's figures at the top level (`f1`, `precision`, `recall`, `removed`,
`worst`, ...) and adds `per_type`, the snippet and paragraph measures, and `baselines`: the same
figures for every system compared in the run.
"""

from __future__ import annotations

from typing import Any

from cleaner.evaluate.run import DocumentRun, Evaluation, Summary, SystemRun


def summary_dict(summary: Summary) -> dict[str, Any]:
    corpus = summary.corpus
    return {
        "f1": corpus.f1,
        "precision": corpus.precision,
        "recall": corpus.recall,
        "documents": corpus.documents,
        "content_lost": summary.content_lost,
        "junk_left": summary.junk_left,
        "paragraphs_lost": summary.paragraphs_lost,
        "documents_losing_paragraphs": summary.documents_losing_paragraphs,
    }


def system_dict(evaluation: Evaluation, system: SystemRun) -> dict[str, Any]:
    return {
        **summary_dict(system.summary()),
        "per_type": {kind: summary_dict(system.summary(kind)) for kind in evaluation.page_types},
        "seconds": round(system.seconds, 3),
    }


def to_dict(evaluation: Evaluation, per_document: bool = False, worst: int = 10) -> dict[str, Any]:
    """The evaluation as JSON-ready data."""
    main = evaluation.main
    result: dict[str, Any] = {
        "mode": evaluation.mode,
        "system": main.name,
        **system_dict(evaluation, main),
        "removed": main.removed,
        "missing_pages": evaluation.missing_pages,
        "worst": [_document_dict(run) for run in main.worst(worst)],
        "baselines": {system.name: system_dict(evaluation, system) for system in evaluation.systems[1:]},
    }
    if per_document:
        result["per_document"] = [_document_dict(run) for run in sorted(main.documents, key=lambda r: r.id)]
    return result


def to_table(evaluation: Evaluation, per_document: bool = False, worst: int = 10) -> str:
    """The evaluation as aligned text: one row per system and page type, then the worst documents."""
    main = evaluation.main
    scope = ["all", *evaluation.page_types] if len(evaluation.page_types) > 1 else ["all"]
    name_width = max(len(system.name) for system in evaluation.systems) + 2
    scope_width = (
        max(
            len(f"{kind} ({main.summary(None if kind == 'all' else kind).corpus.documents})")
            for kind in scope
        )
        + 1
    )
    lines = [
        f"{evaluation.mode}: {main.summary().corpus.documents} documents "
        f"({_rate(main)} pages/s for {main.name})",
        "",
        f"{'system':{name_width}}{'pages':{scope_width}} {'F1':>6} {'P':>6} {'R':>6} {'content lost':>13} "
        f"{'junk left':>10} {'paras lost':>11} {'docs >1 lost':>13}",
    ]
    for kind in scope:
        for system in evaluation.systems:
            summary = system.summary(None if kind == "all" else kind)
            corpus = summary.corpus
            lines.append(
                f"{system.name:{name_width}}{f'{kind} ({corpus.documents})':{scope_width}} {corpus.f1:6.4f} "
                f"{corpus.precision:6.4f} {corpus.recall:6.4f} {_share(summary.content_lost):>13} "
                f"{_share(summary.junk_left):>10} {_share(summary.paragraphs_lost):>11} "
                f"{summary.documents_losing_paragraphs:>13}"
            )
    if evaluation.missing_pages:
        lines.append(f"\n{len(evaluation.missing_pages)} labelled ids have no page (scored as empty)")
    rows = sorted(main.documents, key=lambda run: run.id) if per_document else main.worst(worst)
    if rows:
        lines.append("\nper document:" if per_document else f"\nworst {len(rows)}:")
        lines += [_document_line(run) for run in rows]
    if main.removed:
        lines.append(
            "\nremoved blocks: " + ", ".join(f"{reason} {count}" for reason, count in main.removed.items())
        )
    return "\n".join(lines)


def _rate(system: SystemRun) -> str:
    return f"{len(system.documents) / max(system.seconds, 1e-9):.1f}"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def _document_dict(run: DocumentRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "page_type": run.page_type,
        "f1": run.score.f1,
        "precision": run.score.precision,
        "recall": run.score.recall,
        "content_lost": run.content_lost,
        "junk_left": run.junk_left,
        "paragraphs_lost": run.paragraphs_lost,
        "removed": run.removed,
        "error": run.error,
    }


def _document_line(run: DocumentRun) -> str:
    note = f"  ({run.error})" if run.error else ""
    return (
        f"  F1 {run.score.f1:.3f}  P {run.score.precision:.3f}  R {run.score.recall:.3f}  "
        f"{run.page_type:13} {run.id}{note}"
    )
