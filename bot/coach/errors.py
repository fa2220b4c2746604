"""What the coach refuses, with the Dutch text a door shows as it is."""
from __future__ import annotations


class CoachError(Exception):
    """A refusal of the domain; ``message`` is Dutch and meant for the collector."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
