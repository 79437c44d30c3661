"""`cleaner eval`'s tables: the report on one mode and half (with the ablation, the languages, the
metadata checks and the confidence), the table over the text dumps, and the extractors' output before
and after cleaning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..config import CleanerConfig
from ..ledger import collapse_spaces
from .dataset import DUMP_STYLES, Page, dump_pages, load_dataset, split
from .scoring import Counts, PageResult, by_language, cleaner_extractor, evaluate, meta_table, overlaps

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from ..article import Article


#: Rule families for the ablation table (switched off one at a time).
ABLATION_FAMILIES = ("ADV", "PRO", "RDM", "SHR", "LEG", "NAV", "CRD", "CAP", "TIM", "REL", "COM", "MET",
                     "TTL", "DUP", "BRD", "HEU", "EXT", "HTM")


def _counts_row(table: "Table", name: str, c: Counts) -> None:
    table.add_row(name, str(c.docs), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", f"{c.accuracy:.3f}")


def run_report(dataset: Path, mode: str, half: str, ablate: bool, failures: int, json_out: Path | None,
               config: CleanerConfig, console: "Console", dump: str | None = None, output: str = "text",
               confidence: bool = False) -> dict[str, Any]:
    """Evaluate, print the tables, and return (and optionally write) the report."""
    from rich.table import Table

    pages = split(load_dataset(dataset), half)
    if dump:
        pages = dump_pages(pages, dataset, dump)
    modes = ("text", "html") if mode == "both" else (mode,)
    report: dict[str, Any] = {"dataset": str(dataset), "half": half, "pages": len(pages), "dump": dump or "html_text",
                              "output": output}
    shown = "" if output == "text" else f", scoring {output} output"
    for m in modes:
        total, results, elapsed = evaluate(pages, m, cleaner_extractor(config, m, output), confidence)
        head = Table(title=f"{m} mode, {len(pages)} pages ({half}){shown}, {len(pages) / max(elapsed, 1e-9):.0f} docs/s")
        for col in ("set", "docs", "precision", "recall", "F1", "accuracy"):
            head.add_column(col)
        _counts_row(head, "all", total)
        for lang, c in by_language(results).items():
            _counts_row(head, lang, c)
        console.print(head)
        metas = meta_table(results)
        mt = Table(title="metadata (pages whose gold has a value)")
        for col in ("field", "correct", "of", "share"):
            mt.add_column(col)
        for name, (ok, n) in metas.items():
            mt.add_row(name, str(ok), str(n), f"{ok / n:.1%}" if n else "-")
        console.print(mt)
        missed = sorted((r for r in results if r.missed or r.error), key=lambda r: -len(r.missed))
        if failures and missed:
            ft = Table(title=f"pages with missed must-keep snippets ({len(missed)}; first {failures})")
            ft.add_column("page")
            ft.add_column("missed snippet", overflow="fold")
            ft.add_column("removed by")
            for r in missed[:failures]:
                for miss in r.missed[:2]:
                    ft.add_row(r.doc_id, miss["snippet"][:80], ", ".join(miss["removed_by"]) or (r.error or "not in input"))
            console.print(ft)
        section: dict[str, Any] = {
            "total": total.to_dict(), "docs_per_second": round(len(pages) / max(elapsed, 1e-9), 1),
            "languages": {k: v.to_dict() for k, v in by_language(results).items()},
            "metadata": {k: {"correct": ok, "of": n} for k, (ok, n) in metas.items()},
            "failures": [{"page": r.doc_id, "missed": r.missed, "leaked": r.leaked, "error": r.error}
                         for r in results if r.missed or r.leaked or r.error],
        }
        if confidence:
            section["confidence"] = _confidence_table(results, m, half, console)
        if ablate:
            at = Table(title=f"ablation ({m} mode): F1 with one rule family off")
            for col in ("family off", "precision", "recall", "F1", "ΔF1"):
                at.add_column(col)
            section["ablation"] = {}
            for family in ABLATION_FAMILIES:
                off = config.replace(disabled_rules=config.disabled_rules | {family})
                c, _, _ = evaluate(pages, m, cleaner_extractor(off, m))
                section["ablation"][family] = c.to_dict()
                at.add_row(family, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", f"{c.f1 - total.f1:+.3f}")
            console.print(at)
        report[m] = section
    if json_out:
        json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return report


def _confidence_table(results: list[PageResult], mode: str, half: str, console: "Console") -> dict[str, Any]:
    """How well Article.confidence ranks the pages by their F1 (`scoring.confidence.ranking_report`), and,
    per tenth of the pages by confidence, the mean F1 and the share of pages that came out whole
    (F1 = 1, what the confidence is the probability of: the two columns should agree)."""
    from rich.table import Table

    from ..scoring.confidence import is_whole, ranking_report

    scored = [r for r in results if r.confidence is not None]
    conf = [r.confidence or 0.0 for r in scored]
    f1 = [r.counts.f1 for r in scored]
    report: dict[str, Any] = ranking_report(conf, f1)
    order = sorted(range(len(scored)), key=lambda i: conf[i])
    tenths = []
    for k in range(10):
        part = order[k * len(order) // 10 : (k + 1) * len(order) // 10]
        if part:
            tenths.append({"confidence": round(sum(conf[i] for i in part) / len(part), 3),
                           "f1": round(sum(f1[i] for i in part) / len(part), 3),
                           "whole": round(sum(is_whole(f1[i]) for i in part) / len(part), 3),
                           "pages": len(part)})
    report["tenths"] = tenths
    table = Table(title=f"confidence ({mode} mode, {half}): Spearman {report['spearman']}, lowest 10% hold "
                        f"{report['loss_in_lowest']:.0%} of the F1 loss")
    for col in ("tenth by confidence", "pages", "mean confidence", "pages whole (F1 = 1)", "mean page F1"):
        table.add_column(col)
    for k, row in enumerate(tenths, start=1):
        table.add_row(str(k), str(row["pages"]), f"{row['confidence']:.3f}", f"{row['whole']:.3f}", f"{row['f1']:.3f}")
    console.print(table)
    return report


def run_dump_table(dataset: Path, dump: str, config: CleanerConfig, console: "Console",
                   json_out: Path | None = None) -> dict[str, Any]:
    """Text mode on each dump style's tune and test halves: the style x half table of issue 11."""
    from rich.table import Table

    styles = DUMP_STYLES if dump == "all" else tuple(s.strip() for s in dump.split(","))
    pages = load_dataset(dataset)
    halves = ("tune", "test")
    report: dict[str, Any] = {"dataset": str(dataset), "mode": "text", "styles": {}}
    table = Table(title=f"text mode by dump style ({len(pages)} pages; tune / test halves)")
    table.add_column("style")
    for half in halves:
        for col in ("P", "R", "F1"):
            table.add_column(f"{half} {col}")
    extractor = cleaner_extractor(config, "text")
    for style in styles:
        styled = dump_pages(pages, dataset, style)
        row: dict[str, Any] = {}
        cells = [style]
        for half in halves:
            total, results, _ = evaluate(split(styled, half), "text", extractor)
            row[half] = total.to_dict()
            row[half]["languages"] = {k: v.to_dict() for k, v in by_language(results).items()}
            cells += [f"{total.precision:.3f}", f"{total.recall:.3f}", f"{total.f1:.3f}"]
        report["styles"][style] = row
        table.add_row(*cells)
    if len(styles) > 1:
        summary: dict[str, Any] = {}
        cells = ["mean"]
        for half in halves:
            f1s = [report["styles"][s][half]["f1"] for s in styles]
            summary[half] = {k: round(sum(report["styles"][s][half][k] for s in styles) / len(styles), 4)
                             for k in ("precision", "recall", "f1")}
            summary[half]["gap"] = round(max(f1s) - min(f1s), 4)
            cells += [f"{summary[half]['precision']:.3f}", f"{summary[half]['recall']:.3f}", f"{summary[half]['f1']:.3f}"]
        table.add_row(*cells)
        table.add_row("gap (best-worst F1)", "", "", f"{summary['tune']['gap']:.3f}", "", "", f"{summary['test']['gap']:.3f}")
        report["summary"] = summary
    console.print(table)
    if json_out:
        json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return report


#: A page whose F1 falls (rises) by more than this is one the cleaner made worse (better).
WORSE_BY = 0.05


def compare_extracted(pages: list[Page], config: CleanerConfig) -> dict[str, Any]:
    """An extractor's output on `pages` as it is (before) and after text mode cleaned it: the two totals,
    the pages made worse or better (page F1 moving by more than WORSE_BY), the snippets the cleaner
    lost or removed, and each line it removed told apart, where the gold can tell, as article (it holds
    part of a must-keep snippet), residue (part of a must-drop snippet) or unknown."""
    clean = cleaner_extractor(config, "text")
    removals: dict[str, list[Any]] = {}
    empty: set[str] = set()

    def as_is(data: bytes, page: Page) -> tuple[str | None, Article | None]:
        text = data.decode("utf-8", errors="replace")
        if not text.strip():
            empty.add(page.doc_id)
        return text, None

    def cleaned(data: bytes, page: Page) -> tuple[str | None, Article | None]:
        body, article = clean(data, page)
        removals[page.doc_id] = article.removed if article is not None else []
        return body, article

    before, before_pages, _ = evaluate(pages, "text", as_is)
    after, after_pages, elapsed = evaluate(pages, "text", cleaned)
    snippets = dict.fromkeys(("must_keep_in_input", "must_keep_lost", "must_keep_gained",
                              "must_drop_in_input", "must_drop_removed", "must_drop_added"), 0)
    lines = dict.fromkeys(("article", "residue", "unknown"), 0)
    worse: list[dict[str, Any]] = []
    better = 0
    article_lines: list[dict[str, str]] = []
    for page, b, a in zip(pages, before_pages, after_pages):
        kept_before = set(page.with_) - {m["snippet"] for m in b.missed}
        kept_after = set(page.with_) - {m["snippet"] for m in a.missed}
        snippets["must_keep_in_input"] += len(kept_before)
        snippets["must_keep_lost"] += len(kept_before - kept_after)
        snippets["must_keep_gained"] += len(kept_after - kept_before)
        snippets["must_drop_in_input"] += len(set(b.leaked))
        snippets["must_drop_removed"] += len(set(b.leaked) - set(a.leaked))
        snippets["must_drop_added"] += len(set(a.leaked) - set(b.leaked))
        keep = [collapse_spaces(x) for x in page.with_]
        drop = [collapse_spaces(x) for x in page.without]
        for removal in removals.get(page.doc_id, []):
            for line in filter(None, map(collapse_spaces, removal.text.splitlines())):
                kind = ("article" if any(overlaps(line, x) for x in keep)
                        else "residue" if any(overlaps(line, x) for x in drop) else "unknown")
                lines[kind] += 1
                if kind == "article":
                    article_lines.append({"page": page.doc_id, "rule": removal.rule, "text": line})
        if a.counts.f1 < b.counts.f1 - WORSE_BY:
            worse.append({"page": page.doc_id, "f1_before": round(b.counts.f1, 4), "f1_after": round(a.counts.f1, 4),
                          "lost": [m for m in a.missed if m["snippet"] in kept_before],
                          "leaked": [x for x in a.leaked if x not in b.leaked], "error": a.error})
        elif a.counts.f1 > b.counts.f1 + WORSE_BY:
            better += 1
    return {"pages": len(pages), "empty_inputs": len(empty), "before": before.to_dict(), "after": after.to_dict(),
            "delta_f1": round(after.f1 - before.f1, 4), "worse": len(worse),
            "worse_share": round(len(worse) / len(pages), 4) if pages else 0.0, "better": better,
            "snippets": snippets, "removed_lines": lines, "docs_per_second": round(len(pages) / max(elapsed, 1e-9), 1),
            "worse_pages": worse, "removed_article_lines": article_lines}


def run_extracted_table(dataset: Path, styles: Iterable[str], half: str, config: CleanerConfig, console: "Console",
                        json_out: Path | None = None) -> dict[str, Any]:
    """Before / after text mode on each extracted style (`cleaner eval --dump extracted`), per half."""
    from rich.table import Table

    styles = tuple(styles)
    pages = load_dataset(dataset)
    styled = {style: dump_pages(pages, dataset, style) for style in styles}  # every dump present, before any work
    halves = ("tune", "test") if half == "all" else (half,)
    report: dict[str, Any] = {"dataset": str(dataset), "mode": "text", "worse_by": WORSE_BY, "styles": {}}
    for style in styles:
        report["styles"][style] = {h: compare_extracted(split(styled[style], h), config) for h in halves}
    if not console.is_terminal:  # a file or a pipe gets the tables whole, one row a line
        from rich.console import Console

        console = Console(file=console.file, width=160)
    for h in halves:
        n = len(split(pages, h))
        scores = Table(title=f"extracted text, {h} half ({n} pages): the extractor's output as is (before), "
                             "cleaned in text mode (after)")
        removed = Table(title=f"what the cleaner removed, {h} half (lines: as the gold's snippets tell them apart)")
        for col in ("style", "before P / R / F1", "after P / R / F1", "ΔF1", f"worse (F1 -{WORSE_BY}+)", "better"):
            scores.add_column(col)
        for col in ("style", "must-keep lost / in input", "gained", "must-drop removed / in input", "added",
                    "lines removed: article / residue / unknown", "empty inputs"):
            removed.add_column(col)
        for style in styles:
            r = report["styles"][style][h]
            b, a, sn, ln = r["before"], r["after"], r["snippets"], r["removed_lines"]
            scores.add_row(style, f"{b['precision']:.3f} / {b['recall']:.3f} / {b['f1']:.3f}",
                           f"{a['precision']:.3f} / {a['recall']:.3f} / {a['f1']:.3f}", f"{r['delta_f1']:+.3f}",
                           f"{r['worse']} ({r['worse_share']:.1%})", str(r["better"]))
            removed.add_row(style, f"{sn['must_keep_lost']} / {sn['must_keep_in_input']}", str(sn["must_keep_gained"]),
                            f"{sn['must_drop_removed']} / {sn['must_drop_in_input']}", str(sn["must_drop_added"]),
                            f"{ln['article']} / {ln['residue']} / {ln['unknown']}", str(r["empty_inputs"]))
        console.print(scores)
        console.print(removed)
    if json_out:
        json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return report
