"""One numeric code path on every x86 machine, so that results by seed agree bit for bit.

numpy picks its SIMD routines at import from the CPU it finds. On AVX-512 machines its
``tanh``, ``exp``, ``log`` and powers come from other code than on AVX2 machines and may differ in
the last bit; a simulated person whose draw lies that close to a threshold then decides otherwise,
and a run diverges from there. Switching numpy's AVX-512 routines off before it is imported makes
an AVX-512 laptop, an AVX2 cluster node and CI compute the same numbers (checked: with and without
AVX2 the reference runs agree bit for bit). Sorting and selection are made order-exact in the
model itself (``kind="stable"``, sorted ``argpartition`` results), not here.

This module must not import numpy: its job is done before numpy is loaded.
"""

from __future__ import annotations

import os
import platform
from collections.abc import MutableMapping

VARIABLE = "NPY_DISABLE_CPU_FEATURES"
# numpy >= 2.4 names its x86 dispatch targets by level; the older names are listed so that a
# different numpy is pinned the same way (numpy ignores names it does not know).
AVX512_TARGETS = (
    "X86_V4",
    "AVX512_ICL",
    "AVX512_SPR",
    "AVX512F",
    "AVX512CD",
    "AVX512_SKX",
    "AVX512_CLX",
    "AVX512_CNL",
)


def pinned_environment(environ: MutableMapping[str, str] | None = None) -> MutableMapping[str, str]:
    """``environ`` (default ``os.environ``) with numpy's AVX-512 routines switched off on x86.

    A value the user has set already is kept: they chose their code path.
    """
    environ = os.environ if environ is None else environ
    if platform.machine().lower() in ("x86_64", "amd64") and VARIABLE not in environ:
        environ[VARIABLE] = " ".join(AVX512_TARGETS)
    return environ


def pin_simd() -> None:
    """Pin numpy's code path for this process and the worker processes it starts.

    Call it before anything imports numpy: once numpy is loaded, only the processes started
    afterwards are pinned.
    """
    pinned_environment()


def simd_in_use() -> list[str]:
    """numpy's dispatch targets active in this process (recorded in every manifest)."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    return [target for target in __cpu_dispatch__ if __cpu_features__.get(target)]
