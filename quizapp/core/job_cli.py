"""`flask jobs worker`: run the queue's tasks (huey's consumer) with this app's settings."""

import logging

import click
from flask.cli import AppGroup

from .jobs import huey


@click.group(cls=AppGroup)
def jobs() -> None:
    """Background jobs."""


@jobs.command("worker")
@click.option("--workers", default=2, show_default=True, help="Threads running tasks.")
def worker(workers: int) -> None:
    """Run queued jobs until stopped (Ctrl-C, or SIGTERM from systemd)."""
    # Threads: a job mostly waits on the database; periodic: the monthly memory-model fit.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    huey.create_consumer(workers=workers, worker_type="thread", periodic=True).run()
