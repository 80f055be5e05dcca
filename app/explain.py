"""The plain-words notes beside each view: what it shows, and which mechanism drives it.

Each note is a title, a "what you see" paragraph and a list of "what drives it" points naming
the mechanism (and the module of ``model/mechanisms`` where its rule lives, for the curious).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    """An explanation shown beside a view."""

    title: str
    shows: str
    drivers: tuple[str, ...]


WORLD = Note(
    "The world this year",
    "Origin countries on the left: the people living there, the returnees among them, and "
    "their migrants abroad with the family members living with them (a spouse or children "
    "who joined, children born abroad). Destinations on the right: the same two counts, and "
    "each region's migrants, coloured by legal status (the bars count migrants, not their "
    "families). Along each corridor, this year's flows: people arriving (blue), money "
    "reaching home (green; the fee is what the transfer company keeps) and people returning "
    "(orange). A line's width is this year's flow against the largest so far in the run.",
    (
        "Leaving: a household sends a member when the expected income abroad, after the cost "
        "and the risk, is high enough. The cost must be paid from savings or borrowed from "
        "the village's migrants, so the poorest cannot go (migration.py).",
        "Getting in: destinations admit people through quotas of temporary and permanent "
        "permits, study and humanitarian places; those refused may take the irregular route "
        "(admission.py).",
        "Settling: newcomers choose regions with high wages, compatriots and jobs (arrivals.py).",
        "Money home: migrants send money out of altruism, as insurance when home is hit by a "
        "shock, and to save for their return; less when fees are high, when their family has "
        "joined them or once they no longer plan to return (earnings.py).",
        "Going home: when savings targets are met, permits expire, work cannot be found, a "
        "return grant is offered, or irregular migrants are removed (returns.py).",
    ),
)

TRIPLE_WIN = Note(
    "Who gains? The triple-win test",
    "Each party's welfare in this run against the baseline run with the same seed, as an "
    "equivalent variation: the dollars a year per person that would make the baseline as good "
    "as the policy. Both runs have the same droughts, business cycles and personal luck, so "
    "the gap is the policy's doing. Migrants: those who moved, while abroad, per person born in "
    "the origin. Origin: everyone else born there, per person. Destination: the natives, per "
    "native. Welfare is consumption (net of the costs of living abroad, of migrating and of "
    "fees), discounted, plus savings held. Green: gains so far, red: loses, umber: too small to "
    "matter (inside the grey band), amber: uncertain.",
    (
        "Bars: each year's own change; the line: the change so far, which the verdict reads; "
        "the band shows how much the yearly changes vary, so read it as a hint: years of one "
        "run are not independent draws.",
        "The proper test runs many seeds and reads each party's 95% interval against a margin: "
        "uv run run.py compare scenarios/baseline.yaml scenarios/YOUR_SCENARIO.yaml",
    ),
)

TRENDS = Note(
    "Trends over time",
    "Solid lines: this run. Dashed grey: the baseline run with the same seed. The x axis "
    "spans the whole run, so the lines grow as it plays.",
    (
        "Remittances rise with the number of migrants and their pay, and fall with fees, with "
        "years abroad and when families are reunited (earnings.py).",
        "Emigration feeds itself: migrants abroad lower the cost and raise the job chances of "
        "the next ones from their village (networks, migration.py); quotas cap legal routes.",
        "The skilled share at home falls when the skilled leave (brain drain) and rises when "
        "the prospect of leaving makes more young people study (brain gain), when skilled "
        "migrants come back, and with training partnerships (demography.py).",
        "Native wages are what workers add to production. Migrants compete most with natives "
        "of the same skill and help those of the other skill; capital adjusts, so wage effects "
        "fade (labour.py, destination_economy.py).",
        "Migrants find jobs and integrate faster with language, recognised credentials, ties "
        "to natives and a secure status; integration spending speeds that up (integration.py).",
        "Irregular migrants are those who overstay an expired permit or come without one; "
        "enforcement removes them, regularisation gives them a permit (status.py).",
    ),
)

DISTRIBUTIONS = Note(
    "Who is poor, who earns what",
    "Left: how much households at origin consume per person, counting people, against the "
    "poverty line (dotted). Right: what employed migrants earn abroad, by skill, against what "
    "natives earn.",
    (
        "Remittances lift receiving households above the poverty line and cushion shocks; but "
        "migrating costs money, so the poorest households rarely have a migrant to send money "
        "home (households.py, migration.py).",
        "Migrants earn several times what they would earn at home: the place premium.",
        "Skilled migrants work in skilled jobs only once their credentials are recognised and "
        "their language is good enough; until then their skills are wasted (labour.py).",
        "Discrimination and irregular status lower migrants' pay below natives' (labour.py).",
    ),
)

INSPECTOR = Note(
    "Follow a migrant",
    "Pick a person: their story, year by year, in plain words, and their household's. The "
    "app keeps a diary of everyone who migrated, so you can follow people after they return "
    "or leave the model.",
    (
        "Permits: temporary permits are renewed or turned permanent for those with a job; "
        "others must leave, or stay on without papers. Permanent residents naturalise after "
        "some years (status.py).",
        "The household: remittances raise its consumption; savings brought home start "
        "businesses (households.py, returns.py).",
    ),
)

CONTROLS = (
    "Pick a scenario: the model restarts with that scenario's policies, and the sliders "
    "below show its values. A new seed restarts with the same policies and other luck. Move "
    "the sliders (policies, number of households), then press RESET to start again with "
    "your values (until then the page lists them as waiting for RESET); STEP runs one year, "
    "the play button runs on."
)
