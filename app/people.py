"""Whom the inspector offers to follow: a few people of every legal status, longest stories first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.population import CHANNEL_NAMES, IRREGULAR, NATURALISED, PERMANENT, RETURNED, TEMPORARY

if TYPE_CHECKING:
    from app.classroom import ClassroomModel

# The groups shown, in order, and how many people of each.
GROUPS = (
    (TEMPORARY, "temporary permit"),
    (PERMANENT, "permanent resident"),
    (IRREGULAR, "irregular"),
    (NATURALISED, "naturalised"),
    (RETURNED, "returned home"),
)
PER_GROUP = 6


def notable_people(model: ClassroomModel, per_group: int = PER_GROUP) -> dict[int, str]:
    """People to pick from, ``{person_id: label}``: of each status, those who left earliest.

    People who left during the simulation come first (the diary saw why and how they left);
    the stock already abroad at the start fills a group that has too few of them. The groups
    take turns in the list, so its first lines show every status.
    """
    latest = model.diary.people[-1]
    departure = latest["departure_year"].astype(int)
    # Left during the run first, then by departure year: the longest stories the diary has.
    order = np.lexsort((departure, departure < 1))
    groups = [order[latest["status"][order] == status][:per_group] for status, _ in GROUPS]
    picked: dict[int, str] = {}
    for turn in range(per_group):
        for (_, words), members in zip(GROUPS, groups, strict=True):
            if turn < members.size:
                i = members[turn]
                channel = CHANNEL_NAMES[int(latest["channel"][i])]
                when = f"left in year {departure[i]}" if departure[i] >= 1 else "at the start"
                picked[int(latest["person_id"][i])] = f"{words}: {channel}, {when}"
    return picked
