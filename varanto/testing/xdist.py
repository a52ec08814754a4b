"""How `pytest -n N` shares the tests out between its processes: by work stealing.

Plain `-n N` means `--dist load`, which hands each process its share of the tests up front; the
process that ends first then waits while the other works through its browser tests. With work
stealing an idle process takes over half of what the other has left. An explicit `--dist` wins.
"""

from __future__ import annotations

import os

import pytest


def _dist_chosen(config: pytest.Config) -> bool:
    args = [*config.invocation_params.args, *os.environ.get("PYTEST_ADDOPTS", "").split()]
    return any(arg == "-d" or arg.startswith("--dist") for arg in args)


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.getoption("dist") != "load" or _dist_chosen(config):
        return None
    from xdist.scheduler import WorkStealingScheduling

    return WorkStealingScheduling(config, log)
