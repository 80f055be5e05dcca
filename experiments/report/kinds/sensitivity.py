"""Report of a ``sensitivity`` folder: what was varied and why, the indices with their intervals,
the replicate noise, convergence, the triple-win probability, PRIM's boxes, and the caveats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from experiments.report.page import Section, bullets, figure, paragraph, table
from experiments.sensitivity import files
from experiments.sensitivity.indices import MAIN_INDEX

TITLE = "TripleWin: which parameters and levers decide the triple win?"
SHOWN = 10
METHODS = {
    "morris": "Morris screening (elementary effects): mu* ranks each factor's overall influence, "
    "sigma measures how much its effect varies with the other factors (non-linearity or "
    "interactions). A screening method: it ranks, it does not apportion variance.",
    "sobol": "Sobol' indices on Saltelli's scheme: S1 is the share of the output's variance due "
    "to a factor alone, ST the share it takes part in, interactions included; ST - S1 measures "
    "its interactions. A factor with ST near 0 can be fixed anywhere in its range.",
    "fast": "extended FAST: first-order (S1) and total (ST) variance shares, from search curves.",
    "delta": "Borgonovo's delta, a moment-independent measure: how much the whole distribution "
    "of the output shifts when a factor is known (0: not at all), with S1 beside it.",
}


def describe_parameter(spec: dict[str, Any]) -> list[str]:
    """A row of the parameters table."""
    if spec.get("distribution") == "categorical":
        shape = "categorical: " + ", ".join(map(str, spec["values"]))
    else:
        fields = ", ".join(
            f"{k} {spec[k]:g}"
            for k in ("low", "mode", "high", "mean", "sd", "median", "sigma")
            if k in spec
        )
        shape = f"{spec['salib_dist']} ({fields})"
    return [spec["path"], spec["role"], spec.get("group") or "", spec["kind"], shape]


def what_was_varied(manifest: dict[str, Any]) -> Section:
    """The question, the design, and every parameter with its role and distribution."""
    content = manifest["experiment"]["content"]
    design = manifest["design"]
    base = (manifest["scenarios"].get("base") or {}).get("parameters") or {}
    simulation = base.get("simulation") or {}
    size = (
        f"{simulation['households']:,} origin households for {simulation['years']} years "
        f"(indicators averaged over the last {simulation['evaluation_years']}; each party's "
        "welfare change is its equivalent variation, PPP $ per person per year over the run)"
        if simulation
        else f"the test model '{content.get('model')}'"
    )
    world = sum(p["role"] == "world" for p in design["parameters"])
    text = (
        f"Experiment '{content['name']}': {content.get('description') or 'no description'} "
        f"{len(design['parameters'])} parameters were varied: {world} 'world' parameters "
        "(uncertain facts about behaviour, set alike in each sample point and in its paired "
        f"baseline) and {len(design['parameters']) - world} 'policy' levers (set in the sample "
        "point only, so that each point's welfare changes are the levers' effect in that world). "
        f"Model: {size}."
    )
    rows = pd.DataFrame(
        [describe_parameter(p) for p in design["parameters"]],
        columns=["parameter", "role", "group", "kind", "distribution"],
    )
    rules = [f"{name}: {rule}" for name, rule in design.get("rules", {}).items()]
    body = paragraph(text) + table(rows, "Varied parameters")
    if rules:
        body += paragraph("How non-real parameters are sampled:") + bullets(rules)
    return Section("What was varied and why", body)


def method_section(manifest: dict[str, Any]) -> Section:
    """The method, the size of the design and the runs it took."""
    design, method = manifest["design"], manifest["design"]["method"]
    half = design.get("half_points")
    text = (
        f"{METHODS[method['kind']]} Size N = {design['size']} ({design['points']:,} sample "
        f"points), each run {manifest['replications']} time(s) on the replications' seeds, which "
        "every point and every baseline share (common random numbers); "
        f"{design['configurations']:,} distinct configurations "
        f"({design['baseline_configurations']:,} of them baselines shared by points of the same "
        f"world), {manifest['results']['runs']:,} runs. Intervals: "
        f"{method['conf_level']:.0%}, {method['resamples']} bootstrap resamples."
    )
    if half:
        text += f" The convergence check uses the first {half:,} points, a design of size N/2."
    body = paragraph(text)
    if design.get("notes"):
        body += paragraph("Warnings:") + bullets(design["notes"])
    return Section("Method", body)


def noise_section(folder: Path) -> Section:
    """How much of each output's variance over points is replicate noise."""
    noise = pd.read_parquet(files.NOISE.path(folder))
    text = (
        "Indices are computed on each point's mean over its replications. The noise variance "
        "of such a mean is the within-point variance of the replicates divided by their number; "
        "its share of the variance of the point means says how much of what the indices "
        "decompose is noise rather than the parameters' effect. Under common random numbers "
        "part of the noise is shared by every point, so the share is an upper bound."
    )
    return Section("Replicate noise", paragraph(text) + table(noise, "Noise share by output"))


def index_tables(folder: Path, manifest: dict[str, Any]) -> Section:
    """Per output: the index figure and the top factors with their intervals."""
    indices = pd.read_parquet(files.INDICES.path(folder))
    method = manifest["design"]["method"]["kind"]
    figures = {item["file"]: item["caption"] for item in manifest.get("figures", [])}
    body = ""
    for output in manifest["results"]["top"]:
        name = files.INDEX_FIGURE.named(output=output)
        if (folder / name).is_file():
            body += figure(folder / name, figures.get(name, output))
        rows = indices[(indices["output"] == output) & (indices["design"] == "N")]
        wide = rows.pivot_table(index="factor", columns="index", values=["value", "low", "high"])
        wide.columns = [f"{index} {stat}" for stat, index in wide.columns]
        order = wide[f"{MAIN_INDEX[method]} value"].sort_values(ascending=False).index
        wide = wide.loc[order].head(SHOWN).reset_index()
        body += table(wide, f"{output}: top {SHOWN} factors by {MAIN_INDEX[method]} (N)")
    for output, reason in manifest["results"].get("skipped_outputs", {}).items():
        body += paragraph(f"{output}: not analysed ({reason}).", "note")
    if files.MORRIS.path(folder).is_file():
        body += figure(files.MORRIS.path(folder), figures[files.MORRIS.name])
    return Section("Which parameters matter", body)


def convergence_section(folder: Path, manifest: dict[str, Any]) -> Section | None:
    """Indices at N and N/2 side by side, and their largest difference per output."""
    if not files.CONVERGENCE.path(folder).is_file():
        return None
    indices = pd.read_parquet(files.INDICES.path(folder))
    key = MAIN_INDEX[manifest["design"]["method"]["kind"]]
    main = indices[indices["index"] == key]
    wide = main.pivot_table(index=["output", "factor"], columns="design", values="value")
    wide["difference"] = (wide["N"] - wide["N/2"]).abs()
    worst = wide.groupby(level="output")["difference"].max().rename(f"largest |{key} N - N/2|")
    caption = {i["file"]: i["caption"] for i in manifest["figures"]}[files.CONVERGENCE.name]
    body = figure(files.CONVERGENCE.path(folder), caption) + table(
        worst.reset_index(), "Largest change of the main index between N/2 and N"
    )
    return Section("Convergence", body)


def triple_win_section(folder: Path, manifest: dict[str, Any]) -> Section | None:
    """The triple-win probability, and PRIM's boxes with their trade-off."""
    chance = manifest["results"].get("triple_win_probability")
    if not chance:
        return None
    verdicts = ", ".join(f"{n} {v}" for v, n in chance["interval_verdicts"].items())
    text = (
        f"Share of the sampled space that is a triple win: {chance['estimate']:.3f} "
        f"({chance['conf_level']:.0%} interval {chance['low']:.3f} to {chance['high']:.3f}, "
        f"bootstrap over {chance['blocks']} independent blocks of the design), over "
        f"{chance['points']:,} points. Rule: {chance['rule']}; it estimates whether a policy's "
        "expected effect is a triple win in that world. The stricter verdict of run.py compare "
        "(all three 95% intervals above zero and beyond the margin, each party's outcome gain, "
        "loss, negligible or uncertain) depends on the replications and is conservative with "
        f"few; by it the points are: {verdicts}."
    )
    body = paragraph(text)
    boxes = manifest["results"].get("prim_boxes") or []
    if boxes:
        summary = pd.DataFrame(boxes).assign(restricted=lambda f: f["restricted"].map(", ".join))
        body += table(summary, "PRIM boxes (coverage: share of all triple wins inside)")
        limits = pd.read_parquet(files.BOXES.path(folder))
        body += table(limits, "Box limits: the ranges each box keeps")
    for note in manifest["results"].get("prim_notes") or []:
        body += paragraph(note, "note")
    captions = {item["file"]: item["caption"] for item in manifest.get("figures", [])}
    for item in (files.PRIM_TRADEOFF, files.PRIM_BOXES):
        if item.path(folder).is_file():
            body += figure(item.path(folder), captions[item.name])
    return Section("How likely is a triple win, and where", body)


def caveats(manifest: dict[str, Any]) -> Section:
    """What the numbers do not say."""
    items = [
        "The indices are those of the replicate means of a stochastic model: they describe the "
        "expected outputs; the noise share says how much noise is left in them.",
        "Ranges are choices: a parameter's index depends on how widely it is varied. The "
        "screening ranges are deliberately wide and are not estimates of uncertainty.",
        "Morris is a screening method: use it to find the few factors worth a Sobol' analysis, "
        "not to apportion variance.",
        "Sobol' and eFAST indices of the triple-win indicator apportion the variance of a 0/1 "
        "outcome; PRIM's boxes say where it is 1.",
        "Bootstrap intervals assume the sample is large enough; where N and N/2 disagree beyond "
        "the intervals, the sample is too small.",
        "PRIM boxes are found on the same points they are judged on: their density is "
        "optimistic, more so for small samples and many restricted parameters.",
    ]
    return Section("Caveats", bullets(items))


def how_it_ran(manifest: dict[str, Any]) -> Section:
    """Cluster, sessions and timings."""
    cluster, timings = manifest.get("cluster") or {}, manifest.get("timings") or {}
    text = (
        f"On a {cluster.get('kind', 'local')} Dask cluster with {cluster.get('workers')} "
        f"workers, in {len(manifest.get('sessions', []))} session(s); cluster start "
        f"{timings.get('cluster_startup_s', 0):.0f} s, runs {timings.get('runs_s', 0):.0f} s, "
        f"analysis {timings.get('analysis_s', 0):.0f} s. One row per run in {files.RUNS.name} "
        f"(timing_* columns measure the machine), one per point in {files.POINTS.name}, every "
        f"index in {files.INDICES.name}."
    )
    return Section("How it ran", paragraph(text))


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """Every section of the report, in reading order."""
    found = [
        what_was_varied(manifest),
        method_section(manifest),
        noise_section(folder),
        index_tables(folder, manifest),
        convergence_section(folder, manifest),
        triple_win_section(folder, manifest),
        caveats(manifest),
        how_it_ran(manifest),
    ]
    return [section for section in found if section is not None]
