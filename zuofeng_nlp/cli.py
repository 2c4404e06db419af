"""Command line: ``python -m zuofeng_nlp classify|train|evaluate …``.

Thin: parse arguments, call one library function, pick a format. Errors a user can cause
become one line ``Error: …`` on stderr and exit 1; usage errors exit 2.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import ZuofengError
from .outputs import write_atomic

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _source_checkout() -> Path | None:
    root = Path(__file__).resolve().parent.parent
    return root if (root / "corpus").is_dir() and (root / "pyproject.toml").exists() else None


def add_model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="DIR", help="a model folder made by 'train' (default: the shipped model)")
    p.add_argument("--trust-model", action="store_true",
                   help="allow --model to be a .joblib estimator file (a pickle: it can run code; only your own files)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m zuofeng_nlp",
        description="Read Chinese work-style self-inspection reports (作风建设 自查自纠报告) like a reviewer.")
    parser.add_argument("--version", action="version", version=f"zuofeng_nlp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("classify", help="label every sentence of one or more reports",
                       description="Label every sentence of each report (role, problem categories, cause types), "
                                   "flag denials, and summarise coverage. FILE may be .txt (any encoding), .docx, .md, "
                                   "or - for standard input.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", "-f", choices=("text", "json", "html", "xlsx"), default="text",
                   help="text for a person (default); json for programs (one JSON document); html: a highlighted "
                        "page (one report); xlsx: the 问题台账 workbook (one report, needs -o)")
    p.add_argument("--explain", action="store_true",
                   help="add to json the words behind every label ('why'); html always shows them")
    p.add_argument("--output", "-o", metavar="OUT", help="write to OUT instead of standard output (never overwrites "
                                                          "an existing file unless --force)")
    p.add_argument("--force", action="store_true", help="allow -o to replace an existing file")
    add_model_options(p)

    p = sub.add_parser("batch", help="analyse many reports: per-report outputs, a summary and copy detection",
                       description="Analyse every .txt/.docx/.md report found in the given files and folders (recursively) "
                                   "in parallel; write per-report JSON and HTML, summary.xlsx, index.html and copies.html "
                                   "(passages shared between reports) to OUTDIR. A bad file never stops the batch; the "
                                   "exit code is 1 when some files failed.")
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE")
    p.add_argument("--output", "-o", required=True, metavar="OUTDIR", help="output folder (must be new or empty)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="parallel processes (default: all cores)")
    p.add_argument("--against", metavar="DIR", help="also look for passages copied from these reports (e.g. last year's)")
    p.add_argument("--force", action="store_true", help="write into an existing non-empty OUTDIR")
    p.add_argument("--model", metavar="DIR", help="a model folder made by 'train' (default: the shipped model)")

    p = sub.add_parser("train", help="rebuild the model from the labeled corpus",
                       description="Train the model from corpus/ (and any --data files), choose thresholds by "
                                   "grouped cross-validation over reports, and write the model folder and its card.")
    p.add_argument("--corpus", metavar="DIR", help="labeled corpus folder (default: corpus/ of this checkout)")
    p.add_argument("--data", metavar="FILE", action="append", default=[],
                   help="extra labeled JSON-lines file to train on as well (repeatable)")
    p.add_argument("--out", metavar="DIR", help="model folder to write (default: models/zuofeng-base of this checkout)")
    p.add_argument("--no-cv", action="store_true", help="skip cross-validation (fixed 0.5 thresholds, faster)")
    p.add_argument("--dev", metavar="FILE", help="labeled file to score the new model on for the card (never trained on)")
    p.add_argument("--save-estimator", metavar="FILE.joblib",
                   help="also save the full scikit-learn estimator with joblib (for fine-tuning; a pickle)")

    p = sub.add_parser("evaluate", help="score the model against labeled documents",
                       description="Score against labeled JSON-lines documents: per-class precision/recall/F1, "
                                   "role confusion, and the worst errors.")
    p.add_argument("data", metavar="DATA.jsonl")
    add_model_options(p)
    p.add_argument("--errors", type=int, default=20, metavar="N", help="show N errors (default 20)")
    p.add_argument("--no-sentence-mode", action="store_true", help="skip analysing each finding alone")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ZuofengError as e:
        print(f"Error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def write_output(content: str | bytes, output: str | None, inputs: list[str], force: bool) -> None:
    """Write to stdout, or atomically to ``output`` — never onto an input or an existing file without force."""
    if output is None or output == "-":
        if isinstance(content, bytes):
            raise ZuofengError("this format is binary: give an output file with -o")
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    out = Path(output)
    resolved = out.resolve()
    for name in inputs:
        if name != "-" and Path(name).resolve() == resolved:
            raise ZuofengError(f"{output}: is one of the input files; choose another output path")
    if out.is_dir():
        raise ZuofengError(f"{output}: is a directory; give a file name for the output")
    if out.exists() and not force:
        raise ZuofengError(f"{output}: already exists; pass --force to replace it")
    if not out.parent.exists():
        raise ZuofengError(f"{output}: folder {out.parent} does not exist")
    write_atomic(out, content)


def cmd_classify(args) -> int:
    from .analyze import analyze_file
    from .model import load_model
    from .render import BINARY_FORMATS, render
    from .render.json import render_many

    if args.format in ("html", "xlsx") and len(args.files) > 1:
        raise ZuofengError(f"--format {args.format} takes one report, got {len(args.files)}; run once per file")
    if args.format in BINARY_FORMATS and not args.output:
        raise ZuofengError(f"--format {args.format} writes a binary workbook: give the file with -o OUT.{args.format}")
    model = load_model(args.model, trust=args.trust_model)
    explain = args.explain or args.format == "html"
    reports, failed = [], 0
    for name in args.files:
        try:
            reports.append(analyze_file(name, model=model, explain=explain))
        except ZuofengError as e:
            print(f"Error: {e}", file=sys.stderr)
            failed += 1
    if reports:
        if args.format == "json" and len(args.files) > 1:
            content = render_many([r.to_dict() for r in reports])
        elif args.format in ("html", "xlsx"):
            content = render(reports[0], args.format)
        else:
            content = "\n".join(render(r, args.format) for r in reports)
        write_output(content, args.output, args.files, args.force)
    return EXIT_ERROR if failed else EXIT_OK


def cmd_batch(args) -> int:
    from .batch import analyze_many, check_output_folder, find_reports, write_batch
    from .copies import find_copies

    if args.jobs is not None and args.jobs < 1:
        raise ZuofengError(f"--jobs expects a number of processes of at least 1, got {args.jobs}")
    paths = find_reports(args.inputs)
    if not paths:
        raise ZuofengError("no .txt, .docx or .md reports found in " + ", ".join(args.inputs))
    outdir = Path(args.output)
    check_output_folder(outdir, paths, args.force)
    if args.model:
        from .model import load_model
        load_model(args.model)  # a bad model is one error, not one per file
    progress = sys.stderr.isatty()
    items = analyze_many(paths, jobs=args.jobs, progress=progress, model_path=args.model)
    reference = []
    if args.against:
        reference_items = analyze_many(find_reports([args.against]), jobs=args.jobs, model_path=args.model)
        reference = [i.report for i in reference_items if i.report is not None]
    pairs = find_copies([i.report for i in items if i.report is not None], reference)
    write_batch(items, outdir, pairs, reference)
    failed = [i for i in items if i.error]
    for item in failed:
        print(f"Error: {item.error}", file=sys.stderr)
    print(f"{len(items) - len(failed)} reports analysed, {len(failed)} failed, {len(pairs)} pairs with shared passages "
          f"→ {outdir}", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


def cmd_train(args) -> int:
    from .corpus import corpus_files, corpus_hash, read_labeled
    from .model_card import write_card
    from .train import train_model

    root = _source_checkout()
    corpus_dir = Path(args.corpus) if args.corpus else (root / "corpus" if root else None)
    if corpus_dir is None:
        raise ZuofengError("no corpus folder: pass --corpus DIR (the labeled corpus of a source checkout)")
    out = Path(args.out) if args.out else (root / "models" / "zuofeng-base" if root else None)
    if out is None:
        raise ZuofengError("no output folder: pass --out DIR")
    files = corpus_files(corpus_dir) + [Path(f) for f in args.data]
    docs = [doc for f in files for doc in read_labeled(f)]
    print(f"training on {len(docs)} documents, {sum(len(d.sentences) for d in docs)} sentences "
          f"from {len(files)} files", file=sys.stderr)
    model, info = train_model(docs, cv=not args.no_cv, extra_meta={
        "corpus_sha256": corpus_hash(files), "corpus_files": len(files),
        "documents": len(docs), "sentences": sum(len(d.sentences) for d in docs)})
    dev = None
    if args.dev:
        from .analyze import analyze
        from .evaluate import evaluate
        dev_docs = read_labeled(args.dev)
        dev = evaluate(dev_docs, lambda text: analyze(text, model=model)).scores
        model.meta["dev"] = {"file": Path(args.dev).name, "scores": dev}
    model.save(out)
    write_card(out, model.meta, docs)
    if args.save_estimator:
        import joblib
        joblib.dump({"fitted": info["fitted"], "thresholds": model.meta["thresholds"], "meta": model.meta},
                    args.save_estimator)
        print(f"scikit-learn estimator written to {args.save_estimator}", file=sys.stderr)
    print(f"model written to {out}", file=sys.stderr)
    return EXIT_OK


def cmd_evaluate(args) -> int:
    import json

    from .analyze import analyze
    from .corpus import read_labeled
    from .evaluate import evaluate, format_evaluation
    from .model import load_model

    model = load_model(args.model, trust=args.trust_model)
    docs = read_labeled(args.data)
    ev = evaluate(docs, lambda text: analyze(text, model=model), sentence_mode=not args.no_sentence_mode)
    if args.json:
        print(json.dumps(ev.scores, ensure_ascii=False, indent=1))
    else:
        print(format_evaluation(ev, args.errors))
    return EXIT_OK


COMMANDS = {"classify": cmd_classify, "batch": cmd_batch, "train": cmd_train, "evaluate": cmd_evaluate}


def main_entry() -> None:
    """Console-script entry point (``zuofeng``)."""
    sys.exit(main())
